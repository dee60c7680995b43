import { describe, expect, it } from "vitest";
import { recordedActions, startRecording } from "../client";
import type { Obj } from "../controller-utils";
import { eventMessages, get, makeDeployment, newCluster, pods, readyAll, type Cluster } from "../testing";

const rsSizes = (c: Cluster) =>
  (c.engine.store.list("replicasets", "default") as Obj[])
    .map((r) => [r.spec.template.spec.containers[0].image, r.spec.replicas])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

function edit(c: Cluster, name: string, fn: (d: Obj) => void): void {
  const d = JSON.parse(JSON.stringify(get(c, "deployments", name)));
  fn(d);
  c.update(d);
}

describe("Deployment strategies and operations", () => {
  it("Recreate scales the old ReplicaSet to 0 and waits for its pods before creating the new one", () => {
    const c = newCluster(91);
    c.apply(makeDeployment("db", { replicas: 2, spec: { strategy: { type: "Recreate" } } }));
    readyAll(c);
    for (const p of pods(c)) c.engine.api.bind("default", p.metadata.name, "node01");
    edit(c, "db", (d) => (d.spec.template.spec.containers[0].image = "nginx:1.16.1"));
    // Old pods are terminating (bound, graceful): no new ReplicaSet yet.
    expect(rsSizes(c)).toEqual([["nginx:1.14.2", 0]]);
    for (const p of pods(c)) c.engine.api.finalize("pods", "default", p.metadata.name);
    c.engine.settle();
    expect(rsSizes(c)).toEqual([
      ["nginx:1.14.2", 0],
      ["nginx:1.16.1", 2],
    ]);
  });

  it("pause holds the rollout (Progressing Unknown DeploymentPaused); resume continues it", () => {
    const c = newCluster(92);
    c.apply(makeDeployment("web", { replicas: 3 }));
    readyAll(c);
    c.advance(1);
    edit(c, "web", (d) => (d.spec.paused = true));
    const cond = () => get(c, "deployments", "web").status.conditions.find((x: Obj) => x.type === "Progressing");
    expect([cond().status, cond().reason, cond().message]).toEqual(["Unknown", "DeploymentPaused", "Deployment is paused"]);
    edit(c, "web", (d) => (d.spec.template.spec.containers[0].image = "nginx:1.16.1"));
    expect(rsSizes(c)).toEqual([["nginx:1.14.2", 3]]);
    edit(c, "web", (d) => (d.spec.paused = false));
    expect(rsSizes(c)).toEqual([
      ["nginx:1.14.2", 3],
      ["nginx:1.16.1", 1],
    ]);
    expect(eventMessages(c, { kind: "Deployment" }).length).toBe(2);
  });

  it("scales proportionally across ReplicaSets during a rollout", () => {
    const c = newCluster(93);
    c.apply(makeDeployment("web", { replicas: 10, spec: { strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } } }));
    readyAll(c);
    c.advance(1);
    edit(c, "web", (d) => (d.spec.template.spec.containers[0].image = "nginx:1.16.1"));
    // New gets 3 (surge), old drops to 8 (unavailable 2): 11 of 13 allowed... new pods never ready.
    expect(rsSizes(c)).toEqual([
      ["nginx:1.14.2", 8],
      ["nginx:1.16.1", 5],
    ]);
    startRecording(c.engine);
    edit(c, "web", (d) => (d.spec.replicas = 15));
    // 15 + 3 = 18 allowed; 5 more split 8:5 of 13 → +3 old, +2 new.
    expect(rsSizes(c)).toEqual([
      ["nginx:1.14.2", 11],
      ["nginx:1.16.1", 7],
    ]);
    expect(recordedActions(c.engine).filter((a) => a.verb === "update" && a.resource === "replicasets")).toHaveLength(2);
  });

  it("keeps revisionHistoryLimit old ReplicaSets", () => {
    const c = newCluster(94);
    c.apply(makeDeployment("web", { replicas: 1, spec: { revisionHistoryLimit: 1 } }));
    for (const image of ["nginx:1.16.1", "nginx:1.17", "nginx:1.18"]) {
      readyAll(c);
      c.advance(1);
      edit(c, "web", (d) => (d.spec.template.spec.containers[0].image = image));
      for (let i = 0; i < 4; i++) {
        readyAll(c);
        c.advance(1);
      }
    }
    expect(rsSizes(c)).toEqual([
      ["nginx:1.17", 0],
      ["nginx:1.18", 1],
    ]);
    expect(get(c, "deployments", "web").metadata.annotations["deployment.kubernetes.io/revision"]).toBe("4");
  });

  it("copies kubernetes.io/change-cause to the new ReplicaSet", () => {
    const c = newCluster(95);
    c.apply(makeDeployment("web", { replicas: 1, annotations: { "kubernetes.io/change-cause": "kubectl apply --record" } }));
    const [rs] = c.engine.store.list("replicasets", "default") as Obj[];
    expect(rs.metadata.annotations["kubernetes.io/change-cause"]).toBe("kubectl apply --record");
  });
});

import { describe, expect, it } from "vitest";
import type { Cluster } from "../testing";
import type { Obj } from "../controller-utils";
import { findRevision, rollbackDeployment, rolloutHistory } from "./rollback";
import { resolveFenceposts } from "./util";
import { eventMessages, get, makeDeployment, newCluster, pods, readyAll } from "../testing";

function rsNames(c: Cluster): string[] {
  return c.engine.store.list("replicasets", "default").map((r) => `${r.metadata.name}=${(r as Obj).spec.replicas}`);
}

function setImage(c: Cluster, name: string, image: string, cause?: string): void {
  const d = get(c, "deployments", name);
  const next = JSON.parse(JSON.stringify(d));
  next.spec.template.spec.containers[0].image = image;
  if (cause) next.metadata.annotations = { ...(next.metadata.annotations ?? {}), "kubernetes.io/change-cause": cause };
  c.update(next);
}

/** Lets the stand-in kubelet make every pending pod ready, `rounds` times, a second apart. */
function rollForward(c: Cluster, rounds = 10): void {
  for (let i = 0; i < rounds; i++) {
    readyAll(c);
    c.advance(1);
  }
}

describe("resolveFenceposts", () => {
  it.each([
    ["25%", "25%", 10, [3, 2]],
    ["25%", "25%", 3, [1, 0]],
    [0, 0, 3, [0, 1]],
    [1, "50%", 5, [1, 2]],
    ["100%", 0, 4, [4, 0]],
  ] as const)("surge %s unavailable %s of %s", (s, u, n, want) => {
    expect(resolveFenceposts(s, u, n)).toEqual(want);
  });
});

describe("Deployment controller", () => {
  it("creates <deploy>-<hash> with revision annotations, scales it up and reports Available/Progressing", () => {
    const c = newCluster(11);
    c.apply(makeDeployment("nginx-deployment", { replicas: 3 }));
    const [rs] = c.engine.store.list("replicasets", "default") as Obj[];
    const hash = rs.metadata.labels["pod-template-hash"];
    expect(rs.metadata.name).toBe(`nginx-deployment-${hash}`);
    expect(hash).toMatch(/^[4-9bcdf]{6,10}$/);
    expect(rs.spec.selector.matchLabels).toEqual({ app: "nginx-deployment", "pod-template-hash": hash });
    expect(rs.metadata.annotations).toEqual({
      "deployment.kubernetes.io/desired-replicas": "3",
      "deployment.kubernetes.io/max-replicas": "4",
      "deployment.kubernetes.io/revision": "1",
    });
    expect(pods(c).every((p) => p.metadata.labels["pod-template-hash"] === hash)).toBe(true);
    const d0 = get(c, "deployments", "nginx-deployment");
    expect(d0.metadata.annotations["deployment.kubernetes.io/revision"]).toBe("1");
    expect(d0.status.conditions.map((x: Obj) => [x.type, x.status, x.reason, x.message])).toEqual([
      ["Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability."],
      ["Progressing", "True", "ReplicaSetUpdated", `ReplicaSet "${rs.metadata.name}" is progressing.`],
    ]);
    rollForward(c, 2);
    const d = get(c, "deployments", "nginx-deployment");
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    expect(d.status.unavailableReplicas).toBeUndefined();
    expect(d.status.conditions.map((x: Obj) => [x.type, x.status, x.reason, x.message])).toEqual([
      ["Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability."],
      ["Progressing", "True", "NewReplicaSetAvailable", `ReplicaSet "${rs.metadata.name}" has successfully progressed.`],
    ]);
    expect(eventMessages(c, { kind: "Deployment" })).toEqual([`ScalingReplicaSet: Scaled up replica set ${rs.metadata.name} from 0 to 3`]);
  });

  it("rolls out 1.16.1 within maxSurge/maxUnavailable, gets stuck on 1.161 and rolls back (docs scenario)", () => {
    const c = newCluster(12);
    c.apply(makeDeployment("nginx-deployment", { replicas: 3 }));
    rollForward(c, 2);
    const first = (c.engine.store.list("replicasets", "default")[0] as Obj).metadata.name;
    setImage(c, "nginx-deployment", "nginx:1.16.1");
    // Never more than 3 + 1 pods, never fewer than 3 - 0 available.
    let maxPods = 0;
    for (let i = 0; i < 10; i++) {
      maxPods = Math.max(maxPods, pods(c).filter((p) => !p.metadata.deletionTimestamp).length);
      readyAll(c);
      c.advance(1);
    }
    expect(maxPods).toBeLessThanOrEqual(4);
    const rss = c.engine.store.list("replicasets", "default") as Obj[];
    const second = rss.find((r) => r.metadata.name !== first)!.metadata.name;
    expect(rsNames(c).sort()).toEqual([`${first}=0`, `${second}=3`].sort());
    const scaling = eventMessages(c, { kind: "Deployment" });
    expect(scaling).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${first} from 0 to 3`,
      `ScalingReplicaSet: Scaled up replica set ${second} from 0 to 1`,
      `ScalingReplicaSet: Scaled down replica set ${first} to 2 from 3`,
      `ScalingReplicaSet: Scaled up replica set ${second} to 2 from 1`,
      `ScalingReplicaSet: Scaled down replica set ${first} to 1 from 2`,
      `ScalingReplicaSet: Scaled up replica set ${second} to 3 from 2`,
      `ScalingReplicaSet: Scaled down replica set ${first} to 0 from 1`,
    ]);
    expect(get(c, "deployments", "nginx-deployment").metadata.annotations["deployment.kubernetes.io/revision"]).toBe("2");

    // The typo'd image never becomes ready: the rollout stalls with 1 new pod and times out after 600 s.
    setImage(c, "nginx-deployment", "nginx:1.161");
    c.advance(1);
    const third = (c.engine.store.list("replicasets", "default") as Obj[]).find((r) => r.metadata.name !== first && r.metadata.name !== second)!;
    expect(third.spec.replicas).toBe(1);
    expect(get(c, "replicasets", second).spec.replicas).toBe(3);
    c.advance(598);
    expect(get(c, "deployments", "nginx-deployment").status.conditions.find((x: Obj) => x.type === "Progressing").reason).toBe("ReplicaSetUpdated");
    c.advance(3);
    const stuck = get(c, "deployments", "nginx-deployment").status.conditions.find((x: Obj) => x.type === "Progressing");
    expect([stuck.status, stuck.reason, stuck.message]).toEqual(["False", "ProgressDeadlineExceeded", `ReplicaSet "${third.metadata.name}" has timed out progressing.`]);

    // kubectl rollout undo: back to revision 2's template, which becomes revision 4.
    const all = c.engine.store.list("replicasets", "default");
    const d = c.engine.store.get("deployments", "default", "nginx-deployment")!;
    expect(rolloutHistory(d, all).map((h) => h.revision)).toEqual([1, 2, 3]);
    expect(findRevision(d, all).ok && findRevision(d, all).ok).toBe(true);
    const undo = rollbackDeployment(d, all);
    expect(undo.ok && undo.kind).toBe("rolled-back");
    if (!undo.ok || undo.kind !== "rolled-back") return;
    c.update(undo.deployment);
    rollForward(c, 3);
    expect(get(c, "replicasets", second).metadata.annotations["deployment.kubernetes.io/revision"]).toBe("4");
    expect(get(c, "replicasets", second).metadata.annotations["deployment.kubernetes.io/revision-history"]).toBe("2");
    expect(get(c, "replicasets", third.metadata.name).spec.replicas).toBe(0);
    expect(rolloutHistory(d, c.engine.store.list("replicasets", "default")).map((h) => h.revision)).toEqual([1, 3, 4]);
    const done = get(c, "deployments", "nginx-deployment");
    expect(done.status.conditions.find((x: Obj) => x.type === "Progressing").reason).toBe("NewReplicaSetAvailable");
    expect(rollbackDeployment(c.engine.store.get("deployments", "default", "nginx-deployment")!, c.engine.store.list("replicasets", "default"), 9)).toEqual({
      ok: false,
      error: "unable to find specified revision 9 in history",
    });
  });
});

describe("pod-template-hash collisions", () => {
  it("bumps collisionCount when <deploy>-<hash> is taken by a different template", () => {
    const c = newCluster(13);
    // Learn the name the Deployment will want, in a throwaway cluster with the same seed.
    const probe = newCluster(13);
    probe.apply(makeDeployment("web", { replicas: 1 }));
    const wanted = (probe.engine.store.list("replicasets", "default")[0] as Obj).metadata.name;
    c.apply({
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: wanted },
      spec: {
        replicas: 0,
        selector: { matchLabels: { squatter: "yes" } },
        template: { metadata: { labels: { squatter: "yes" } }, spec: { containers: [{ name: "c", image: "busybox" }] } },
      },
    });
    c.apply(makeDeployment("web", { replicas: 1 }));
    const d = get(c, "deployments", "web");
    expect(d.status.collisionCount).toBe(1);
    const mine = (c.engine.store.list("replicasets", "default") as Obj[]).filter((r) => r.metadata.name !== wanted);
    expect(mine).toHaveLength(1);
    expect(mine[0].metadata.name).toMatch(/^web-[4-9bcdf]+$/);
    expect(mine[0].spec.replicas).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { recordedActions, startRecording } from "./client";
import { msFromUtc } from "../core/time";
import type { KubeObject } from "../core/types";
import { getPodsToDelete, type Obj } from "./controller-utils";
import { eventMessages, get, makePod, makeReplicaSet, newCluster, pods, setPodRunning } from "./testing";

describe("ReplicaSet controller", () => {
  it("creates pods <rs>-<5 chars> owned by the ReplicaSet, with events and status", () => {
    const c = newCluster(3);
    startRecording(c.engine);
    c.apply(makeReplicaSet("frontend", 3));
    const ps = pods(c);
    expect(ps).toHaveLength(3);
    for (const p of ps) {
      expect(p.metadata.name).toMatch(/^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.ownerReferences).toEqual([
        { apiVersion: "apps/v1", kind: "ReplicaSet", name: "frontend", uid: get(c, "replicasets", "frontend").metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
    }
    const creates = recordedActions(c.engine).filter((a) => a.verb === "create");
    expect(creates).toHaveLength(3);
    expect([...eventMessages(c, { kind: "ReplicaSet" })].sort()).toEqual(ps.map((p) => `SuccessfulCreate: Created pod: ${p.metadata.name}`).sort());
    expect(get(c, "replicasets", "frontend").status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    for (const p of ps) setPodRunning(c, "default", p.metadata.name);
    expect(get(c, "replicasets", "frontend").status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
  });

  it("scales down not-ready pods first and records SuccessfulDelete", () => {
    const c = newCluster(4);
    c.apply(makeReplicaSet("web", 3));
    const [a, b, d] = pods(c).map((p) => p.metadata.name);
    setPodRunning(c, "default", a);
    setPodRunning(c, "default", d);
    startRecording(c.engine);
    const rs = get(c, "replicasets", "web");
    c.update({ ...rs, spec: { ...rs.spec, replicas: 2 } } as unknown as KubeObject);
    expect(recordedActions(c.engine).filter((x) => x.verb === "delete")).toEqual([{ verb: "delete", resource: "pods", namespace: "default", name: b }]);
    expect(eventMessages(c, { kind: "ReplicaSet" })).toContain(`SuccessfulDelete: Deleted pod: ${b}`);
    expect(get(c, "replicasets", "web").status.observedGeneration).toBe(2);
  });

  it("adopts matching orphans and releases pods whose labels stop matching", () => {
    const c = newCluster(5);
    c.apply(makePod("orphan", { app: "web" }));
    c.apply(makeReplicaSet("web", 2));
    const ps = pods(c);
    expect(ps).toHaveLength(2);
    expect(get(c, "pods", "orphan").metadata.ownerReferences[0].name).toBe("web");
    const orphan = get(c, "pods", "orphan");
    c.update({ ...orphan, metadata: { ...orphan.metadata, labels: { app: "other" } } } as KubeObject);
    expect(get(c, "pods", "orphan").metadata.ownerReferences).toBeUndefined();
    expect(pods(c)).toHaveLength(3);
  });

  it("counts available pods only after minReadySeconds, requeueing on the virtual clock", () => {
    const c = newCluster(6);
    c.apply(makeReplicaSet("slow", 1, { app: "slow" }, { minReadySeconds: 10 }));
    setPodRunning(c, "default", pods(c)[0].metadata.name);
    expect(get(c, "replicasets", "slow").status.availableReplicas).toBeUndefined();
    c.advance(9);
    expect(get(c, "replicasets", "slow").status.availableReplicas).toBeUndefined();
    c.advance(1);
    expect(get(c, "replicasets", "slow").status.availableReplicas).toBe(1);
  });
});

describe("getPodsToDelete ranking", () => {
  const pod = (name: string, o: { node?: string; phase?: string; ready?: boolean; created?: string; restarts?: number }): Obj => ({
    metadata: { name, creationTimestamp: o.created ?? "2025-01-01T00:00:00Z" },
    spec: o.node ? { nodeName: o.node } : {},
    status: {
      phase: o.phase ?? "Running",
      conditions: [{ type: "Ready", status: o.ready ? "True" : "False", lastTransitionTime: "2025-01-01T00:00:00Z" }],
      containerStatuses: [{ restartCount: o.restarts ?? 0 }],
    },
  });
  const now = msFromUtc(2025, 1, 1, 1);
  it.each([
    ["unassigned before assigned", [pod("a", { node: "n1" }), pod("b", {})], "b"],
    ["Pending before Running", [pod("a", { node: "n1" }), pod("b", { node: "n1", phase: "Pending" })], "b"],
    ["not ready before ready", [pod("a", { node: "n1", ready: true }), pod("b", { node: "n1" })], "b"],
    ["more restarts first", [pod("a", { node: "n1", restarts: 1 }), pod("b", { node: "n1", restarts: 5 })], "b"],
    ["newer first", [pod("a", { node: "n1", created: "2025-01-01T00:00:01Z" }), pod("b", { node: "n1", created: "2025-01-01T00:00:09Z" })], "b"],
  ])("%s", (_, list, victim) => {
    expect(getPodsToDelete(list, list, 1, now).map((p) => p.metadata.name)).toEqual([victim]);
  });
  it("prefers pods on nodes crowded with related pods", () => {
    const list = [pod("a", { node: "n1" }), pod("b", { node: "n2" }), pod("c", { node: "n2" })];
    expect(getPodsToDelete(list.slice(0, 2), list, 1, now).map((p) => p.metadata.name)).toEqual(["b"]);
  });
});

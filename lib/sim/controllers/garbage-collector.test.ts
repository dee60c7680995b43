import { describe, expect, it } from "vitest";
import type { Obj } from "./controller-utils";
import { get, makeDeployment, makeReplicaSet, newCluster, pods } from "./testing";

describe("garbage collector", () => {
  it("background: deleting a Deployment removes its ReplicaSets, then their pods", () => {
    const c = newCluster(31);
    c.apply(makeDeployment("web", { replicas: 2 }));
    expect(pods(c)).toHaveLength(2);
    c.delete("deployments", "web");
    expect(c.engine.store.list("replicasets", "default")).toEqual([]);
    expect(pods(c)).toEqual([]);
  });

  it("foreground: the owner waits with foregroundDeletion until blocking dependents are gone", () => {
    const c = newCluster(32);
    c.apply(makeReplicaSet("web", 2));
    c.engine.api.delete("replicasets", "default", "web", { propagationPolicy: "Foreground" });
    c.engine.settle();
    // Unscheduled pods go at once, so the owner is released in the same instant.
    expect(pods(c)).toEqual([]);
    expect(get(c, "replicasets", "web")).toBeUndefined();
  });

  it("foreground keeps the owner while a dependent is still terminating", () => {
    const c = newCluster(33);
    c.apply(makeReplicaSet("web", 1));
    const [p] = pods(c);
    c.engine.api.bind("default", p.metadata.name, "node01");
    c.engine.api.delete("replicasets", "default", "web", { propagationPolicy: "Foreground" });
    c.engine.settle();
    const owner = get(c, "replicasets", "web");
    expect(owner.metadata.finalizers).toEqual(["foregroundDeletion"]);
    expect(owner.metadata.deletionTimestamp).toBeDefined();
    expect(get(c, "pods", p.metadata.name).metadata.deletionTimestamp).toBeDefined();
    // The kubelet finishes the pod's termination: now the owner goes.
    c.engine.api.finalize("pods", "default", p.metadata.name);
    c.engine.settle();
    expect(get(c, "replicasets", "web")).toBeUndefined();
  });

  it("orphan: dependents lose their ownerReferences and stay", () => {
    const c = newCluster(34);
    c.apply(makeReplicaSet("web", 2));
    c.delete("replicasets", "web", { propagationPolicy: "Orphan" });
    expect(get(c, "replicasets", "web")).toBeUndefined();
    const ps = pods(c);
    expect(ps).toHaveLength(2);
    expect(ps.every((p: Obj) => p.metadata.ownerReferences === undefined)).toBe(true);
  });

  it("deletes a dependent created with a dangling owner reference", () => {
    const c = newCluster(35);
    c.apply({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "child", ownerReferences: [{ apiVersion: "v1", kind: "ConfigMap", name: "ghost", uid: "00000000-0000-4000-8000-000000000000" }] },
    });
    expect(get(c, "configmaps", "child")).toBeUndefined();
  });
});

describe("namespace controller", () => {
  it("empties a Terminating namespace, reports conditions, then removes it", () => {
    const c = newCluster(36);
    c.apply({ apiVersion: "v1", kind: "Namespace", metadata: { name: "dev" } });
    c.apply({ ...makeReplicaSet("web", 1), metadata: { name: "web", namespace: "dev" } });
    const [p] = pods(c, "dev");
    c.engine.api.bind("dev", p.metadata.name, "node01");
    c.delete("namespaces", "dev");
    const ns = c.engine.store.get("namespaces", undefined, "dev") as Obj;
    expect(ns.status.phase).toBe("Terminating");
    const byType = Object.fromEntries(ns.status.conditions.map((x: Obj) => [x.type, `${x.status} ${x.reason}: ${x.message}`]));
    expect(byType.NamespaceContentRemaining).toBe("True SomeResourcesRemain: Some resources are remaining: pods. has 1 resource instances");
    expect(byType.NamespaceDeletionContentFailure).toBe("False ContentDeleted: All content successfully deleted, may be waiting on finalization");
    c.engine.api.finalize("pods", "dev", p.metadata.name);
    c.engine.settle();
    expect(c.engine.store.get("namespaces", undefined, "dev")).toBeUndefined();
  });
});

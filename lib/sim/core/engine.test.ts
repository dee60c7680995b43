import { describe, expect, it } from "vitest";
import { createCluster } from "../index";

describe("core engine and facade", () => {
  it("bootstraps a kubeadm-like cluster", () => {
    const c = createCluster({ seed: 1 });
    const nodes = c.list("nodes");
    expect(nodes.ok && nodes.items.map((n) => n.metadata.name)).toEqual(["controlplane", "node01", "node02"]);
    const ns = c.list("namespaces");
    expect(ns.ok && ns.items.map((n) => n.metadata.name)).toEqual(["default", "kube-node-lease", "kube-public", "kube-system"]);
    expect(c.get("serviceaccounts", "default", "kube-system")).toBeDefined();
    expect(c.get("configmaps", "kube-root-ca.crt", "default")).toBeDefined();
    expect((c.get("services", "kubernetes") as unknown as { spec: { clusterIP: string } }).spec.clusterIP).toBe("10.96.0.1");
  });

  it("creates, refuses duplicates and deletes", () => {
    const c = createCluster({ seed: 2 });
    const yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: b\n";
    const [r1] = c.create(yaml);
    expect(r1.ok && r1.action).toBe("created");
    const [r2] = c.create(yaml);
    expect(!r2.ok && r2.error.kind === "status" && r2.error.status.message).toBe('configmaps "cfg" already exists');
    const [r3] = c.apply(yaml.replace("a: b", "a: c"));
    expect(r3.ok && r3.action).toBe("configured");
    const d = c.delete("configmaps", "cfg");
    expect(d.ok).toBe(true);
    expect(c.get("configmaps", "cfg")).toBeUndefined();
  });

  it("is deterministic per seed and restores from a snapshot", () => {
    const run = (seed: number) => {
      const c = createCluster({ seed });
      c.apply("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n");
      c.advance(60);
      return c;
    };
    const a = run(7);
    const b = run(7);
    expect(JSON.stringify(a.snapshot())).toBe(JSON.stringify(b.snapshot()));
    const restored = a.snapshot();
    const back = (a.constructor as typeof import("../cluster").Cluster).restore(restored);
    expect(back.ok && JSON.stringify(back.cluster.snapshot().state)).toBe(JSON.stringify(a.snapshot().state));
  });
});

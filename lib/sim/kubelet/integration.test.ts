// The kubelet together with the scheduler and controllers: workloads become available, replays are exact.
import { describe, expect, it } from "vitest";
import { Cluster } from "../cluster";
import { advance, newCluster, podStatusColumn } from "./testing";

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        readinessProbe:
          httpGet: { path: /, port: 80 }
`;

describe("kubelet with scheduler and controllers", () => {
  it("a Deployment's pods run and become ready on the workers", () => {
    const c = newCluster();
    c.apply(deployment);
    advance(c, 30);
    const pods = c.list("pods", { labelSelector: "app=web" });
    expect(pods.ok && pods.items.map((p) => podStatusColumn(p as never))).toEqual(["Running", "Running", "Running"]);
    expect(pods.ok && new Set(pods.items.map((p) => (p as unknown as { spec: { nodeName: string } }).spec.nodeName))).toEqual(new Set(["node01", "node02"]));
    const d = c.get("deployments", "web") as unknown as { status: { readyReplicas?: number; availableReplicas?: number } };
    expect(d.status.readyReplicas).toBe(3);
  });

  it("is deterministic: a snapshot replays to the same state", () => {
    const run = () => {
      const c = newCluster(42);
      c.apply(deployment);
      c.apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: crash\nspec:\n  containers:\n  - name: c\n    image: busybox\n    command: [sh, -c, 'echo boom; exit 2']\n");
      advance(c, 120);
      c.exec("default", "crash", undefined, ["ls"]);
      c.delete("deployments", "web");
      advance(c, 60);
      return c;
    };
    const a = run();
    const b = run();
    expect(JSON.stringify(a.snapshot().state)).toBe(JSON.stringify(b.snapshot().state));
    const back = Cluster.restore(a.snapshot());
    expect(back.ok && JSON.stringify(back.cluster.snapshot().state)).toBe(JSON.stringify(a.snapshot().state));
  });

  it("stays within the performance budget for ten virtual minutes of a typical manifest", () => {
    const c = newCluster();
    c.apply(deployment);
    const t0 = performance.now();
    advance(c, 600);
    const ms = performance.now() - t0;
    // Generous bound for CI machines (most of the time goes to nginx answering 60 readiness probes).
    expect(ms).toBeLessThan(1000);
  });
});

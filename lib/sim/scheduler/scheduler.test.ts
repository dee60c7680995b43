import { describe, expect, it } from "vitest";
import { apply, failedMessage, makePod, newCluster, nodeOf, scheduledCondition, schedulerEvents } from "./testing";
import type { KubeObject } from "../core/types";

const TAINT = "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }";

describe("default-scheduler: binding and FailedScheduling", () => {
  it("binds a pod to a worker with a Scheduled event (events.k8s.io style)", () => {
    const c = newCluster();
    apply(c, makePod("web"));
    const node = nodeOf(c, "web");
    expect(["node01", "node02"]).toContain(node);
    expect(scheduledCondition(c, "web")?.status).toBe("True");
    const [ev] = schedulerEvents(c, "web", "Scheduled");
    expect(ev.message).toBe(`Successfully assigned default/web to ${node}`);
    expect(ev.type).toBe("Normal");
    expect(ev.action).toBe("Binding");
    expect(ev.reportingComponent).toBe("default-scheduler");
  });

  it("reports the issue's example: control-plane taint + insufficient memory, with the preemption part", () => {
    const c = newCluster();
    apply(c, makePod("big", { requests: { memory: "10Gi" } }));
    const message =
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory. " +
      "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.";
    expect(nodeOf(c, "big")).toBeUndefined();
    expect(scheduledCondition(c, "big")).toMatchObject({ status: "False", reason: "Unschedulable", message });
    const [ev] = schedulerEvents(c, "big", "FailedScheduling");
    expect(ev).toMatchObject({ type: "Warning", message, action: "Scheduling" });
  });

  it("lists several reasons of one node and sorts the histogram as strings", () => {
    const c = newCluster();
    apply(c, makePod("huge", { requests: { cpu: "8", memory: "10Gi" } }));
    expect(failedMessage(c, "huge")).toBe(
      `0/3 nodes are available: 1 ${TAINT}, 2 Insufficient cpu, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`,
    );
  });

  it("leaves pods with spec.nodeName or another schedulerName alone", () => {
    const c = newCluster();
    apply(c, makePod("pinned", { spec: { nodeName: "controlplane" } }), makePod("other", { spec: { schedulerName: "my-scheduler" } }));
    expect(nodeOf(c, "pinned")).toBe("controlplane");
    expect(schedulerEvents(c, "pinned")).toHaveLength(0);
    expect(nodeOf(c, "other")).toBeUndefined();
    expect(schedulerEvents(c, "other")).toHaveLength(0);
  });

  it("keeps scheduling-gated pods out of the queue", () => {
    const c = newCluster();
    apply(c, makePod("gated", { spec: { schedulingGates: [{ name: "example.com/wait" }] } }));
    expect(scheduledCondition(c, "gated")).toMatchObject({ status: "False", reason: "SchedulingGated", message: "Scheduling is blocked due to non-empty scheduling gates" });
    expect(schedulerEvents(c, "gated")).toHaveLength(0);
  });
});

describe("spreading", () => {
  it("spreads four replicas behind a Service two and two over the workers, deterministically per seed", () => {
    const run = (seed: number) => {
      const c = newCluster({ seed });
      apply(c, { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { selector: { app: "web" }, ports: [{ port: 80 }] } } as KubeObject);
      for (let i = 0; i < 4; i++) apply(c, makePod(`web-${i}`, { labels: { app: "web" } }));
      return [0, 1, 2, 3].map((i) => nodeOf(c, `web-${i}`));
    };
    for (const seed of [1, 2, 3, 4, 5]) {
      const nodes = run(seed);
      expect(nodes.filter((n) => n === "node01")).toHaveLength(2);
      expect(nodes.filter((n) => n === "node02")).toHaveLength(2);
      expect(run(seed)).toEqual(nodes);
    }
  });

  it("spreads a ReplicaSet's pods (default PodTopologySpread over its selector)", () => {
    const c = newCluster({ seed: 9 });
    apply(c, {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: "api" },
      spec: { replicas: 4, selector: { matchLabels: { app: "api" } }, template: { metadata: { labels: { app: "api" } }, spec: { containers: [{ name: "app", image: "nginx:1.27" }] } } },
    } as KubeObject);
    const pods = c.list("pods", { labelSelector: "app=api" });
    const nodes = pods.ok ? pods.items.map((p) => (p.spec as { nodeName?: string }).nodeName) : [];
    expect(nodes).toHaveLength(4);
    expect(nodes.filter((n) => n === "node01")).toHaveLength(2);
    expect(nodes.filter((n) => n === "node02")).toHaveLength(2);
  });

  it("prefers the emptier worker (LeastAllocated + BalancedAllocation)", () => {
    const c = newCluster();
    apply(c, makePod("heavy", { requests: { cpu: "2", memory: "4Gi" }, spec: { nodeName: "node01" } }));
    apply(c, makePod("next", { requests: { cpu: "500m", memory: "512Mi" } }));
    expect(nodeOf(c, "next")).toBe("node02");
  });
});

describe("queue: back-off, cluster events and the 5-minute flush", () => {
  it("retries an unschedulable pod when resources are freed, after its 1 s back-off", () => {
    const c = newCluster({ nodes: [{ name: "controlplane", controlPlane: true }, { name: "node01", cpu: "1" }, { name: "node02", cpu: "1" }] });
    apply(c, makePod("a", { requests: { cpu: "800m" } }), makePod("b", { requests: { cpu: "800m" } }), makePod("c", { requests: { cpu: "800m" } }));
    expect(nodeOf(c, "c")).toBeUndefined();
    c.delete("pods", "a", { gracePeriodSeconds: 0 });
    // The failure happened at this same instant: back-off (1 s) holds the retry.
    expect(nodeOf(c, "c")).toBeUndefined();
    c.advance(1);
    expect(["node01", "node02"]).toContain(nodeOf(c, "c"));
  });

  it("retries at once on a relevant node change once the back-off is over", () => {
    const c = newCluster();
    apply(c, makePod("ssd", { spec: { nodeSelector: { disktype: "ssd" } } }));
    expect(nodeOf(c, "ssd")).toBeUndefined();
    c.advance(5);
    const node = c.get("nodes", "node02")!;
    c.update({ ...node, metadata: { ...node.metadata, labels: { ...node.metadata.labels, disktype: "ssd" } } });
    expect(nodeOf(c, "ssd")).toBe("node02");
  });

  it("flushes a pod nothing helps after more than 5 minutes, on the 30 s flush tick", () => {
    const c = newCluster();
    apply(c, makePod("stuck", { spec: { nodeSelector: { disktype: "ssd" } } }));
    const count = () => {
      const [ev] = schedulerEvents(c, "stuck", "FailedScheduling");
      return (ev.series as { count: number } | undefined)?.count ?? 1;
    };
    expect(count()).toBe(1);
    c.advance(329);
    expect(count()).toBe(1);
    c.advance(1);
    expect(count()).toBe(2);
    c.advance(330);
    expect(count()).toBe(3);
  });
});

describe("preemption", () => {
  it("evicts lower-priority pods and nominates the node", () => {
    const c = newCluster({ nodes: [{ name: "controlplane", controlPlane: true }, { name: "node01", memory: "2Gi" }] });
    apply(c, makePod("low", { requests: { memory: "1536Mi" } }));
    expect(nodeOf(c, "low")).toBe("node01");
    // With node01's kubelet stopped the victim stays Terminating, so the retry below sees it.
    c.setNodeRunning("node01", false);
    apply(c, { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "high" }, value: 1000 } as KubeObject);
    apply(c, makePod("high", { requests: { memory: "1Gi" }, spec: { priorityClassName: "high" } }));
    expect(nodeOf(c, "high")).toBeUndefined();
    // Go sorts "1 Insufficient memory" before "1 node(s)…" (byte order: "I" < "n").
    expect(failedMessage(c, "high")).toBe(`0/2 nodes are available: 1 Insufficient memory, 1 ${TAINT}.`);
    expect((c.get("pods", "high")!.status as { nominatedNodeName?: string }).nominatedNodeName).toBe("node01");
    // The victim is deleted gracefully (a kubelet, when installed, then finishes its termination).
    const low = c.get("pods", "low");
    expect(low).toBeDefined();
    if (low) {
      expect(low.metadata.deletionTimestamp).toBeDefined();
      expect((low.status as { conditions: { type: string; reason?: string }[] }).conditions.find((x) => x.type === "DisruptionTarget")?.reason).toBe("PreemptionByScheduler");
    }
    expect(schedulerEvents(c, "low", "Preempted")[0].message).toBe(`Preempted by pod ${c.get("pods", "high")!.metadata.uid} on node node01`);
    if (low) {
      // A retry while the victim terminates does not preempt again.
      const node = c.get("nodes", "node01")!;
      c.update({ ...node, metadata: { ...node.metadata, labels: { ...node.metadata.labels, touched: "yes" } } });
      c.advance(1);
      expect(failedMessage(c, "high")).toBe(`0/2 nodes are available: 1 Insufficient memory, 1 ${TAINT}. preemption: not eligible due to a terminating pod on the nominated node.`);
      c.engine.api.finalize("pods", "default", "low");
      c.advance(1);
    }
    c.advance(1);
    expect(nodeOf(c, "high")).toBe("node01");
  });

  it("says so when the pod may not preempt", () => {
    const c = newCluster();
    apply(c, { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "polite" }, value: 10, preemptionPolicy: "Never" } as KubeObject);
    apply(c, makePod("never", { requests: { memory: "10Gi" }, spec: { priorityClassName: "polite" } }));
    expect(failedMessage(c, "never")).toBe(`0/3 nodes are available: 1 ${TAINT}, 2 Insufficient memory. preemption: not eligible due to preemptionPolicy=Never.`);
  });
});

describe("determinism", () => {
  it("restores to the same placements, conditions and events from a snapshot", () => {
    const c = newCluster({ seed: 11 });
    apply(c, { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { selector: { app: "web" }, ports: [{ port: 80 }] } } as KubeObject);
    for (let i = 0; i < 5; i++) apply(c, makePod(`web-${i}`, { labels: { app: "web" } }));
    apply(c, makePod("big", { requests: { memory: "10Gi" } }));
    c.advance(400);
    const snap = c.snapshot();
    const restored = (c.constructor as typeof import("../cluster").Cluster).restore(snap);
    expect(restored.ok).toBe(true);
    if (restored.ok) expect(JSON.stringify(restored.cluster.snapshot().state)).toBe(JSON.stringify(snap.state));
  });
});

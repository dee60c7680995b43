// Pure functions: resource arithmetic, queue timing, FitError formatting, kubelet admission, describe node.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../core/types";
import { podLimits, podRequests } from "./resources";
import { backoffDuration, nextFlushAt } from "./queue";
import { fitErrorMessage, reasonHistogram } from "./fit-error";
import { unresolvable, unschedulable, type Status } from "./types";
import { admitPodOnNode } from "./admission";
import { nodeAllocatedResources } from "./allocated";
import { toleratesTaint } from "./plugins/taint-toleration";
import { makePod } from "./testing";

const node = (name: string, over: Record<string, unknown> = {}): KubeObject =>
  ({
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, labels: { "kubernetes.io/hostname": name } },
    spec: {},
    status: { allocatable: { cpu: "4", memory: "8Gi", pods: "110", "ephemeral-storage": "19221248Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0" } },
    ...over,
  }) as KubeObject;

const onNode = (pod: KubeObject, nodeName: string): KubeObject => ({ ...pod, spec: { ...(pod.spec as object), nodeName } });

describe("resources (component-helpers PodRequests)", () => {
  it.each([
    ["app containers sum", { containers: [{ resources: { requests: { cpu: "100m" } } }, { resources: { requests: { cpu: "250m" } } }] }, { cpu: 350 }],
    ["init container max rule", { containers: [{ resources: { requests: { cpu: "100m" } } }], initContainers: [{ resources: { requests: { cpu: "1" } } }] }, { cpu: 1000 }],
    [
      "sidecars add to the app and to later init containers",
      {
        containers: [{ resources: { requests: { cpu: "100m" } } }],
        initContainers: [
          { restartPolicy: "Always", resources: { requests: { cpu: "200m" } } },
          { resources: { requests: { cpu: "250m" } } },
        ],
      },
      { cpu: 450 },
    ],
    ["limits stand in for missing requests", { containers: [{ resources: { limits: { memory: "128Mi" } } }] }, { memory: 134217728 }],
    ["overhead is added", { containers: [{ resources: { requests: { cpu: "100m" } } }], overhead: { cpu: "50m" } }, { cpu: 150 }],
  ])("%s", (_name, spec, want) => {
    expect(podRequests({ spec } as never)).toEqual(want);
  });

  it("non-zero defaults for scoring", () => {
    expect(podRequests({ spec: { containers: [{}] } } as never, { nonZero: true })).toEqual({ cpu: 100, memory: 200 * 1024 * 1024 });
  });

  it("limits ignore containers without one", () => {
    expect(podLimits({ spec: { containers: [{ resources: { limits: { cpu: "1" } } }, {}] } } as never)).toEqual({ cpu: 1000 });
  });
});

describe("queue timing", () => {
  it("backs off 1, 2, 4, 8, then 10 s", () => {
    expect([1, 2, 3, 4, 5, 9].map(backoffDuration)).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });
  it("flushes on the first 30 s tick strictly past 5 minutes", () => {
    expect(nextFlushAt(0, 0)).toBe(330_000);
    expect(nextFlushAt(0, 12_000)).toBe(330_000);
    expect(nextFlushAt(0, 30_000)).toBe(360_000);
  });
});

describe("FitError message", () => {
  it("sorts the histogram as Go's sort.Strings does", () => {
    const m = new Map<string, Status>([
      ["a", unschedulable("NodeResourcesFit", "Insufficient memory")],
      ["b", unschedulable("NodeResourcesFit", "Insufficient cpu", "Insufficient memory")],
      ["c", unresolvable("TaintToleration", "node(s) had untolerated taint {x: }")],
    ]);
    expect(reasonHistogram(m)).toEqual(["1 Insufficient cpu", "1 node(s) had untolerated taint {x: }", "2 Insufficient memory"]);
    expect(fitErrorMessage(3, m, "", "")).toBe("0/3 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {x: }, 2 Insufficient memory.");
  });
  it("uses the PreFilter message instead of the histogram", () => {
    const m = new Map<string, Status>([["a", unresolvable("VolumeBinding", "pod has unbound immediate PersistentVolumeClaims")]]);
    expect(fitErrorMessage(1, m, "pod has unbound immediate PersistentVolumeClaims", "preemption: x.")).toBe(
      "0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: x.",
    );
  });
});

describe("toleratesTaint (core/v1 Toleration.ToleratesTaint)", () => {
  const taint = { key: "app", value: "blue", effect: "NoSchedule" };
  it.each([
    [{ key: "app", operator: "Equal", value: "blue", effect: "NoSchedule" }, true],
    [{ key: "app", value: "blue" }, true],
    [{ key: "app", operator: "Equal", value: "red", effect: "NoSchedule" }, false],
    [{ key: "app", operator: "Exists" }, true],
    [{ operator: "Exists" }, true],
    [{ key: "app", operator: "Exists", effect: "NoExecute" }, false],
    [{ key: "other", operator: "Exists" }, false],
  ])("%j → %s", (t, want) => {
    expect(toleratesTaint(t as never, taint)).toBe(want);
  });
});

describe("admitPodOnNode (kubelet lifecycle predicate)", () => {
  it("admits a pod that fits", () => {
    expect(admitPodOnNode(makePod("p", { requests: { cpu: "1" } }), node("node01"), [])).toEqual({ admit: true });
  });
  it("rejects with OutOfcpu and the InsufficientResourceError text", () => {
    const running = onNode(makePod("r", { requests: { cpu: "850m" } }), "node01");
    expect(admitPodOnNode(onNode(makePod("p", { requests: { cpu: "5" } }), "node01"), node("node01"), [running])).toEqual({
      admit: false,
      reason: "OutOfcpu",
      message: "Node didn't have enough resource: cpu, requested: 5000, used: 850, capacity: 4000",
      statusMessage: "Pod was rejected: Node didn't have enough resource: cpu, requested: 5000, used: 850, capacity: 4000",
    });
  });
  it("rejects with OutOfmemory", () => {
    const r = admitPodOnNode(makePod("p", { requests: { memory: "9Gi" } }), node("node01"), []);
    expect(r.admit === false && r.reason).toBe("OutOfmemory");
  });
  it("rejects a nodeSelector mismatch as NodeAffinity", () => {
    const r = admitPodOnNode(makePod("p", { spec: { nodeSelector: { disktype: "ssd" } } }), node("node01"), []);
    expect(r).toMatchObject({ admit: false, reason: "NodeAffinity", statusMessage: "Pod was rejected: Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector" });
  });
  it("ignores NoSchedule taints but not NoExecute ones", () => {
    const tainted = (effect: string) => node("controlplane", { spec: { taints: [{ key: "node-role.kubernetes.io/control-plane", effect }] } });
    expect(admitPodOnNode(makePod("p"), tainted("NoSchedule"), [])).toEqual({ admit: true });
    expect(admitPodOnNode(makePod("p"), tainted("NoExecute"), [])).toMatchObject({ admit: false, reason: "TaintToleration", message: "Predicate TaintToleration failed: node(s) had taints that the pod didn't tolerate" });
  });
  it("ignores finished pods and the pod itself", () => {
    const done = { ...onNode(makePod("d", { requests: { cpu: "4" } }), "node01"), status: { phase: "Succeeded" } };
    const self = onNode(makePod("p", { requests: { cpu: "3" } }), "node01");
    expect(admitPodOnNode(self, node("node01"), [done, self])).toEqual({ admit: true });
  });
});

describe("nodeAllocatedResources (kubectl describe node)", () => {
  it("sums quantities and truncates percentages", () => {
    const pods = [
      onNode(makePod("a", { requests: { cpu: "100m", memory: "64Mi" }, limits: { memory: "128Mi" } }), "node01"),
      onNode(makePod("b", { requests: { cpu: "750m", memory: "128Mi" }, limits: { cpu: "1", memory: "256Mi" } }), "node01"),
      onNode(makePod("elsewhere", { requests: { cpu: "2" } }), "node02"),
      { ...onNode(makePod("done", { requests: { cpu: "2" } }), "node01"), status: { phase: "Failed" } },
    ];
    const r = nodeAllocatedResources(node("node01"), pods);
    expect(r.pods.map((p) => p.name)).toEqual(["a", "b"]);
    expect(r.pods[1]).toMatchObject({ cpuRequests: "750m", cpuRequestsPercent: 18, cpuLimits: "1", cpuLimitsPercent: 25, memoryRequests: "128Mi", memoryRequestsPercent: 1 });
    expect(r.rows).toEqual([
      { resource: "cpu", requests: "850m", requestsPercent: 21, limits: "1", limitsPercent: 25 },
      { resource: "memory", requests: "192Mi", requestsPercent: 2, limits: "384Mi", limitsPercent: 4 },
      { resource: "ephemeral-storage", requests: "0", requestsPercent: 0, limits: "0", limitsPercent: 0 },
      { resource: "hugepages-1Gi", requests: "0", requestsPercent: 0, limits: "0", limitsPercent: 0 },
      { resource: "hugepages-2Mi", requests: "0", requestsPercent: 0, limits: "0", limitsPercent: 0 },
    ]);
  });
});

// Table-driven plugin cases through the whole scheduler, each with Kubernetes' exact FailedScheduling text.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../core/types";
import type { NodeOptions } from "../core/bootstrap";
import { apply, failedMessage, makePod, newCluster, nodeOf } from "./testing";

const TAINT = "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }";
const NOT_HELPFUL_3 = "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
const MIXED_3 = "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.";

const SSD_NODES: NodeOptions[] = [
  { name: "controlplane", controlPlane: true },
  { name: "node01", labels: { disktype: "ssd", "topology.kubernetes.io/zone": "zone-a" } },
  { name: "node02", labels: { disktype: "hdd", "topology.kubernetes.io/zone": "zone-b" } },
];

type Case = {
  name: string;
  nodes?: NodeOptions[];
  /** Objects created first (pods already running elsewhere, PVCs…). */
  given?: KubeObject[];
  pod: KubeObject;
  node?: string;
  message?: string;
};

const cacheAffinity = (kind: "podAffinity" | "podAntiAffinity", app: string) => ({
  affinity: { [kind]: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app } }, topologyKey: "kubernetes.io/hostname" }] } },
});

const cases: Case[] = [
  // NodeName
  { name: "nodeName (user-set) bypasses scheduling", pod: makePod("p", { spec: { nodeName: "node02" } }), node: "node02" },
  // NodeAffinity: nodeSelector
  { name: "nodeSelector matches one worker", nodes: SSD_NODES, pod: makePod("p", { spec: { nodeSelector: { disktype: "ssd" } } }), node: "node01" },
  {
    name: "nodeSelector matches nothing",
    pod: makePod("p", { spec: { nodeSelector: { disktype: "ssd" } } }),
    message: `0/3 nodes are available: 1 ${TAINT}, 2 node(s) didn't match Pod's node affinity/selector. ${NOT_HELPFUL_3}`,
  },
  {
    name: "required node affinity (In) from the docs",
    nodes: SSD_NODES,
    pod: makePod("p", {
      spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: ["zone-b"] }] }] } } } },
    }),
    node: "node02",
  },
  {
    name: "required node affinity NotIn + DoesNotExist",
    nodes: SSD_NODES,
    pod: makePod("p", {
      spec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: "disktype", operator: "NotIn", values: ["ssd"] }, { key: "node-role.kubernetes.io/control-plane", operator: "DoesNotExist" }] }],
            },
          },
        },
      },
    }),
    node: "node02",
  },
  {
    name: "preferred node affinity picks the heavier term",
    nodes: SSD_NODES,
    pod: makePod("p", {
      spec: {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 1, preference: { matchExpressions: [{ key: "disktype", operator: "In", values: ["ssd"] }] } },
              { weight: 50, preference: { matchExpressions: [{ key: "disktype", operator: "In", values: ["hdd"] }] } },
            ],
          },
        },
      },
    }),
    node: "node02",
  },
  {
    name: "DaemonSet-style matchFields metadata.name narrows in PreFilter",
    pod: makePod("p", { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["controlplane"] }] }] } } } } }),
    message: `0/3 nodes are available: 1 ${TAINT}, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. ${NOT_HELPFUL_3}`,
  },
  // TaintToleration
  {
    name: "toleration + nodeSelector reach the control plane",
    pod: makePod("p", {
      spec: {
        nodeSelector: { "node-role.kubernetes.io/control-plane": "" },
        tolerations: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }],
      },
    }),
    node: "controlplane",
  },
  {
    name: "a tainted worker with key=value is named with its value",
    nodes: [{ name: "controlplane", controlPlane: true }, { name: "node01", taints: [{ key: "app", value: "blue", effect: "NoSchedule" }] }],
    pod: makePod("p"),
    message: `0/2 nodes are available: 1 node(s) had untolerated taint {app: blue}, 1 ${TAINT}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.`,
  },
  {
    name: "Equal toleration with the right value",
    nodes: [{ name: "controlplane", controlPlane: true }, { name: "node01", taints: [{ key: "app", value: "blue", effect: "NoSchedule" }] }],
    pod: makePod("p", { spec: { tolerations: [{ key: "app", operator: "Equal", value: "blue", effect: "NoSchedule" }] } }),
    node: "node01",
  },
  {
    name: "PreferNoSchedule steers away without rejecting",
    nodes: [{ name: "controlplane", controlPlane: true }, { name: "node01", taints: [{ key: "spot", effect: "PreferNoSchedule" }] }, { name: "node02" }],
    pod: makePod("p"),
    node: "node02",
  },
  // NodeResourcesFit
  {
    name: "Too many pods",
    nodes: [{ name: "controlplane", controlPlane: true }, { name: "node01", pods: "1" }],
    given: [makePod("first")],
    pod: makePod("p"),
    message: `0/2 nodes are available: 1 Too many pods, 1 ${TAINT}. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.`,
  },
  {
    name: "Insufficient cpu counts init containers by the max rule",
    nodes: [{ name: "controlplane", controlPlane: true }, { name: "node01", cpu: "2" }],
    pod: makePod("p", { requests: { cpu: "500m" }, spec: { initContainers: [{ name: "init", image: "busybox", resources: { requests: { cpu: "3" } } }] } }),
    message: `0/2 nodes are available: 1 Insufficient cpu, 1 ${TAINT}. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.`,
  },
  {
    name: "limits without requests request the limit",
    nodes: [{ name: "controlplane", controlPlane: true }, { name: "node01", memory: "1Gi" }],
    pod: makePod("p", { limits: { memory: "2Gi" } }),
    message: `0/2 nodes are available: 1 Insufficient memory, 1 ${TAINT}. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.`,
  },
  // NodePorts
  {
    name: "hostPort taken on both workers",
    given: [makePod("h1", { hostPort: 8080, spec: { nodeName: "node01" } }), makePod("h2", { hostPort: 8080, spec: { nodeName: "node02" } })],
    pod: makePod("p", { hostPort: 8080 }),
    message: `0/3 nodes are available: 1 ${TAINT}, 2 node(s) didn't have free ports for the requested pod ports. ${MIXED_3}`,
  },
  {
    name: "hostPort free on one worker",
    given: [makePod("h1", { hostPort: 8080, spec: { nodeName: "node01" } })],
    pod: makePod("p", { hostPort: 8080 }),
    node: "node02",
  },
  // InterPodAffinity
  {
    name: "pod affinity follows the cache pod",
    given: [makePod("cache", { labels: { app: "cache" }, spec: { nodeName: "node02" } })],
    pod: makePod("p", { spec: cacheAffinity("podAffinity", "cache") }),
    node: "node02",
  },
  {
    name: "pod affinity with no matching pod anywhere",
    pod: makePod("p", { spec: cacheAffinity("podAffinity", "cache") }),
    message: `0/3 nodes are available: 1 ${TAINT}, 2 node(s) didn't match pod affinity rules. ${NOT_HELPFUL_3}`,
  },
  {
    name: "the first pod of a self-affine group may go anywhere",
    pod: makePod("p", { labels: { app: "cache" }, spec: cacheAffinity("podAffinity", "cache") }),
    node: "a worker",
  },
  {
    name: "anti-affinity avoids the node of a matching pod",
    given: [makePod("web-0", { labels: { app: "web" }, spec: { nodeName: "node01" } })],
    pod: makePod("p", { labels: { app: "web" }, spec: cacheAffinity("podAntiAffinity", "web") }),
    node: "node02",
  },
  {
    name: "anti-affinity with both workers taken",
    given: [makePod("web-0", { labels: { app: "web" }, spec: { nodeName: "node01" } }), makePod("web-1", { labels: { app: "web" }, spec: { nodeName: "node02" } })],
    pod: makePod("p", { labels: { app: "web" }, spec: cacheAffinity("podAntiAffinity", "web") }),
    message: `0/3 nodes are available: 1 ${TAINT}, 2 node(s) didn't match pod anti-affinity rules. ${MIXED_3}`,
  },
  {
    name: "an existing pod's anti-affinity keeps the newcomer away",
    given: [makePod("loner", { labels: { app: "loner" }, spec: { nodeName: "node01", ...cacheAffinity("podAntiAffinity", "web") } })],
    pod: makePod("p", { labels: { app: "web" }, spec: { nodeSelector: { "kubernetes.io/hostname": "node01" } } }),
    message: `0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) didn't satisfy existing pods anti-affinity rules, 1 ${TAINT}. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.`,
  },
  {
    name: "zone anti-affinity uses the topologyKey's domains",
    nodes: [...SSD_NODES, { name: "node03", labels: { "topology.kubernetes.io/zone": "zone-a" } }],
    given: [makePod("db-0", { labels: { app: "db" }, spec: { nodeName: "node01" } })],
    pod: makePod("p", {
      labels: { app: "db" },
      spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: "db" } }, topologyKey: "topology.kubernetes.io/zone" }] } } },
    }),
    node: "node02",
  },
  // VolumeBinding
  {
    name: "missing PVC",
    pod: makePod("p", { spec: { volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data" } }] } }),
    message: `0/3 nodes are available: persistentvolumeclaim "data" not found. ${NOT_HELPFUL_3}`,
  },
  {
    name: "unbound PVC without a WaitForFirstConsumer class",
    given: [
      { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } } as KubeObject,
    ],
    pod: makePod("p", { spec: { volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data" } }] } }),
    message: `0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. ${NOT_HELPFUL_3}`,
  },
  // PodTopologySpread (DoNotSchedule)
  {
    name: "topology spread maxSkew 1 over zones",
    nodes: SSD_NODES,
    given: [makePod("s-0", { labels: { app: "s" }, spec: { nodeName: "node01" } })],
    pod: makePod("p", {
      labels: { app: "s" },
      spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "s" } } }] },
    }),
    node: "node02",
  },
  {
    name: "topology spread over a key no node has",
    pod: makePod("p", {
      labels: { app: "s" },
      spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "rack", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "s" } } }] },
    }),
    message: `0/3 nodes are available: 1 ${TAINT}, 2 node(s) didn't match pod topology spread constraints (missing required label). ${NOT_HELPFUL_3}`,
  },
];

describe("scheduler plugins (exact reasons)", () => {
  for (const tc of cases) {
    it(tc.name, () => {
      const c = newCluster({ seed: 3, nodes: tc.nodes });
      apply(c, ...(tc.given ?? []));
      apply(c, tc.pod);
      if (tc.node === "a worker") expect(["node01", "node02"]).toContain(nodeOf(c, "p"));
      else if (tc.node) expect(nodeOf(c, "p")).toBe(tc.node);
      if (tc.message) {
        expect(nodeOf(c, "p")).toBeUndefined();
        expect(failedMessage(c, "p")).toBe(tc.message);
      }
    });
  }

  it("NodeUnschedulable: a cordoned node takes no new pods", () => {
    const c = newCluster({ nodes: [{ name: "controlplane", controlPlane: true }, { name: "node01" }] });
    const node = c.get("nodes", "node01")!;
    c.update({ ...node, spec: { ...(node.spec as object), unschedulable: true } });
    apply(c, makePod("p"));
    expect(failedMessage(c, "p")).toBe(`0/2 nodes are available: 1 ${TAINT}, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.`);
    const cordoned = c.get("nodes", "node01")!;
    c.advance(2);
    c.update({ ...cordoned, spec: { ...(cordoned.spec as object), unschedulable: false } });
    expect(nodeOf(c, "p")).toBe("node01");
  });

  // StorageClass is served once lib/sim/api's machinery is wired in; the bootstrap machinery lacks it.
  const servesStorageClasses = !!newCluster().engine.api.info("storageclasses");
  it.runIf(servesStorageClasses)("WaitForFirstConsumer: the claim learns the chosen node and the pod binds once the claim is bound", () => {
    const c = newCluster();
    apply(
      c,
      { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "local" }, provisioner: "rancher.io/local-path", volumeBindingMode: "WaitForFirstConsumer" } as KubeObject,
      { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "data" }, spec: { storageClassName: "local", accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } } as KubeObject,
      makePod("p", { spec: { volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data" } }] } }),
    );
    const pvc = c.get("persistentvolumeclaims", "data")!;
    const selected = pvc.metadata.annotations?.["volume.kubernetes.io/selected-node"];
    expect(["node01", "node02"]).toContain(selected);
    // The PV controller provisions on the annotation and binds the claim; only then does the pod bind.
    let volumeName = (pvc.spec as { volumeName?: string }).volumeName;
    if (!volumeName) {
      expect(nodeOf(c, "p")).toBeUndefined();
      c.update({ ...pvc, spec: { ...(pvc.spec as object), volumeName: (volumeName = "pvc-1") } });
    }
    expect(volumeName).toBeTruthy();
    expect(nodeOf(c, "p")).toBe(selected);
  });
});

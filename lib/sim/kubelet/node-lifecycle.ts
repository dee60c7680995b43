// Mirrors pkg/controller/nodelifecycle/node_lifecycle_controller.go (tryUpdateNodeHealth after the
// 40 s node-monitor-grace-period: conditions Unknown "Kubelet stopped posting node status.",
// MarkPodsNotReady, the node.kubernetes.io/unreachable NoSchedule+NoExecute taints) and
// pkg/controller/tainteviction/taint_eviction.go (pods are deleted once their tolerationSeconds for the
// NoExecute taint run out: TaintManagerEviction "Marking for deletion Pod <ns>/<name>"), for nodes a
// learner stops and starts. A stopped node's kubelet does nothing; on start it reconciles its pods.
import { formatTime } from "../core/time";
import { clone, type KubeObject } from "../core/types";
import type { KubeletState, NodeAgent, Obj } from "./state";
import { SYNC_CONTROLLER } from "./state";
import { killAllNow, podKey } from "./pod-worker";
import { createVfs } from "../runtime/vfs";

export const NODE_MONITOR_TIMER = "kubelet.node-monitor";
export const EVICTION_TIMER = "kubelet.taint-eviction";
export const NODE_MONITOR_GRACE_MS = 40_000;
const UNREACHABLE = "node.kubernetes.io/unreachable";

type NodePayload = { node: string; epoch: number };
type EvictionPayload = NodePayload & { namespace: string; name: string; uid: string };

function nodeObject(kl: KubeletState, name: string): Obj | undefined {
  return kl.engine.store.get("nodes", undefined, name) as Obj | undefined;
}

function nodeEvent(kl: KubeletState, node: Obj, component: string, reason: string, message: string): void {
  kl.engine.recordEvent({ object: node as never, type: "Normal", reason, message, source: component === "kubelet" ? { component, host: node.metadata.name } : { component } });
}

export function stopNode(kl: KubeletState, agent: NodeAgent): void {
  if (!agent.running) return;
  agent.running = false;
  agent.epoch++;
  agent.stoppedAt = kl.engine.now();
  // The machine is down: its containers are gone, and nobody reports it.
  for (const w of kl.workers.values()) {
    if (w.node !== agent.name) continue;
    killAllNow(kl, w);
    kl.engine.cancel(w.syncTimer);
    w.syncTimer = undefined;
  }
  kl.engine.schedule(NODE_MONITOR_GRACE_MS, NODE_MONITOR_TIMER, { node: agent.name, epoch: agent.epoch } satisfies NodePayload);
}

/** The node lifecycle controller notices the silent node. */
export function nodeMonitor(kl: KubeletState, p: NodePayload): void {
  const agent = kl.nodes.get(p.node);
  const node = nodeObject(kl, p.node);
  if (!agent || agent.running || agent.epoch !== p.epoch || !node) return;
  const now = kl.engine.now();
  const next = clone(node);
  next.status.conditions = (next.status.conditions ?? []).map((c: Obj) => ({
    ...c,
    lastTransitionTime: c.status === "Unknown" ? c.lastTransitionTime : formatTime(now),
    message: "Kubelet stopped posting node status.",
    reason: "NodeStatusUnknown",
    status: "Unknown",
  }));
  kl.engine.api.updateStatus("nodes", undefined, p.node, next.status);
  nodeEvent(kl, node, "node-controller", "NodeNotReady", `Node ${p.node} status is now: NodeNotReady`);
  const withTaints = clone(nodeObject(kl, p.node)!);
  const taints: Obj[] = (withTaints.spec.taints ?? []).filter((t: Obj) => t.key !== UNREACHABLE);
  taints.push({ effect: "NoSchedule", key: UNREACHABLE, timeAdded: formatTime(now) }, { effect: "NoExecute", key: UNREACHABLE, timeAdded: formatTime(now) });
  withTaints.spec.taints = taints;
  delete withTaints.metadata.resourceVersion;
  kl.engine.api.update(withTaints as KubeObject);
  for (const pod of kl.engine.store.list("pods") as Obj[]) {
    if (pod.spec?.nodeName !== p.node) continue;
    // MarkPodsNotReady
    const status = clone(pod.status ?? {});
    const ready = (status.conditions ?? []).find((c: Obj) => c.type === "Ready");
    if (ready && ready.status !== "False") {
      ready.status = "False";
      ready.lastTransitionTime = formatTime(now);
      kl.engine.api.updateStatus("pods", pod.metadata.namespace, pod.metadata.name, status);
      kl.engine.recordEvent({ object: pod as never, type: "Warning", reason: "NodeNotReady", message: "Node is not ready", source: { component: "node-controller" } });
    }
    if (pod.metadata.deletionTimestamp) continue;
    const seconds = tolerationSeconds(pod);
    if (seconds === null) continue;
    kl.engine.schedule(Math.max(0, seconds) * 1000, EVICTION_TIMER, {
      node: p.node,
      epoch: p.epoch,
      namespace: pod.metadata.namespace,
      name: pod.metadata.name,
      uid: pod.metadata.uid,
    } satisfies EvictionPayload);
  }
}

/** getMinTolerationTime for the unreachable:NoExecute taint: null = tolerated forever, 0 = not tolerated. */
function tolerationSeconds(pod: Obj): number | null {
  const matching = ((pod.spec?.tolerations ?? []) as Obj[]).filter(
    (t) =>
      (!t.effect || t.effect === "NoExecute") &&
      ((t.operator === "Exists" && (!t.key || t.key === UNREACHABLE)) || (t.key === UNREACHABLE && (t.operator ?? "Equal") === "Equal" && !t.value)),
  );
  if (!matching.length) return 0;
  let min: number | null = null;
  for (const t of matching) {
    if (t.tolerationSeconds == null) continue;
    const s = Math.max(0, Number(t.tolerationSeconds));
    min = min === null ? s : Math.min(min, s);
  }
  return min;
}

export function taintEviction(kl: KubeletState, p: EvictionPayload): void {
  const agent = kl.nodes.get(p.node);
  if (!agent || agent.running || agent.epoch !== p.epoch) return;
  const pod = kl.engine.store.get("pods", p.namespace, p.name) as Obj | undefined;
  if (!pod || pod.metadata.uid !== p.uid || pod.metadata.deletionTimestamp) return;
  // The pod is marked as disrupted before it is deleted (PodDisruptionConditions, GA in v1.31).
  const status = clone(pod.status ?? {});
  const conditions: Obj[] = (status.conditions ?? []).filter((c: Obj) => c.type !== "DisruptionTarget");
  conditions.push({
    lastProbeTime: null,
    lastTransitionTime: formatTime(kl.engine.now()),
    message: "Taint manager: deleting due to NoExecute taint",
    reason: "DeletionByTaintManager",
    status: "True",
    type: "DisruptionTarget",
  });
  kl.engine.api.updateStatus("pods", p.namespace, p.name, { ...status, conditions });
  kl.engine.recordEvent({
    object: pod as never,
    type: "Normal",
    reason: "TaintManagerEviction",
    message: `Marking for deletion Pod ${p.namespace}/${p.name}`,
    source: { component: "taint-eviction-controller" },
  });
  kl.engine.api.delete("pods", p.namespace, p.name, {});
}

export function startNode(kl: KubeletState, agent: NodeAgent): void {
  if (agent.running) return;
  agent.running = true;
  agent.epoch++;
  const now = kl.engine.now();
  const node = nodeObject(kl, agent.name);
  if (node) {
    const status = clone(node.status);
    const healthy: Record<string, [string, string, string]> = {
      MemoryPressure: ["False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"],
      DiskPressure: ["False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"],
      PIDPressure: ["False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"],
      Ready: ["True", "KubeletReady", "kubelet is posting ready status"],
    };
    status.conditions = (status.conditions ?? []).map((c: Obj) => {
      const [s, reason, message] = healthy[c.type] ?? [c.status, c.reason, c.message];
      return { ...c, lastHeartbeatTime: formatTime(now), lastTransitionTime: s === c.status ? c.lastTransitionTime : formatTime(now), message, reason, status: s };
    });
    kl.engine.api.updateStatus("nodes", undefined, agent.name, status);
    const fresh = clone(nodeObject(kl, agent.name)!);
    const taints = (fresh.spec.taints ?? []).filter((t: Obj) => t.key !== UNREACHABLE);
    if (taints.length !== (fresh.spec.taints ?? []).length) {
      if (taints.length) fresh.spec.taints = taints;
      else delete fresh.spec.taints;
      delete fresh.metadata.resourceVersion;
      kl.engine.api.update(fresh as KubeObject);
    }
    nodeEvent(kl, node, "kubelet", "Starting", "Starting kubelet.");
    nodeEvent(kl, node, "kubelet", "NodeReady", `Node ${agent.name} status is now: NodeReady`);
  }
  // After the reboot every pod on the node gets a new sandbox; its containers start again.
  for (const w of [...kl.workers.values()]) {
    if (w.node !== agent.name || w.terminal) continue;
    if (w.ip) kl.deps.network.releasePodIP(kl.engine, w.ip);
    w.ip = undefined;
    if (w.sandboxReady && !w.terminal) {
      kl.engine.recordEvent({ object: w.pod, type: "Normal", reason: "SandboxChanged", message: "Pod sandbox changed, it will be killed and re-created.", source: { component: "kubelet", host: w.node } });
    }
    w.sandboxReady = false;
    w.sandboxReleased = false;
    for (const rec of [...w.init, ...w.regular]) {
      const inst = rec.instances[rec.instances.length - 1];
      if (inst && inst.reason === "Error" && inst.exitCode === 137 && inst.finishedAt === agent.stoppedAt) {
        inst.exitCode = 255;
        inst.reason = "Unknown";
      }
    }
    kl.engine.enqueue(SYNC_CONTROLLER, podKey(w.namespace, w.name));
  }
  for (const pod of kl.engine.store.list("pods") as Obj[]) {
    if (pod.spec?.nodeName === agent.name) kl.engine.enqueue(SYNC_CONTROLLER, podKey(pod.metadata.namespace, pod.metadata.name));
  }
}

/** The kubelet agent of a node, created when first needed (nodes are created after installers run). */
export function agentFor(kl: KubeletState, name: string): NodeAgent | undefined {
  const existing = kl.nodes.get(name);
  if (existing) return existing;
  const node = nodeObject(kl, name);
  if (!node) return undefined;
  const addr = ((node.status?.addresses ?? []) as Obj[]).find((a) => a.type === "InternalIP")?.address ?? bootstrapAddress(node);
  const agent: NodeAgent = {
    name,
    running: true,
    hostIP: addr,
    images: new Map(),
    pullBusyUntil: 0,
    hostFs: nodeBaseFs(kl, name),
    epoch: 0,
  };
  kl.nodes.set(name, agent);
  return agent;
}

/**
 * The node's own filesystem as hostPath volumes see it: an Ubuntu/kubeadm node's usual directories
 * (/var/log with the system logs and the kubelet's pods/containers log folders, /var/lib/kubelet, /tmp,
 * /etc/hostname) so `type: Directory` / `type: File` checks pass where they would on a real node.
 * Nothing else (/data, /mnt/data) exists until a pod or the learner creates it.
 */
function nodeBaseFs(kl: KubeletState, name: string) {
  const fs = createVfs({
    now: () => kl.engine.now(),
    files: {
      "/etc/hostname": `${name}\n`,
      "/etc/os-release": 'PRETTY_NAME="Ubuntu 22.04.5 LTS"\nNAME="Ubuntu"\nVERSION_ID="22.04"\nID=ubuntu\n',
      "/var/log/syslog": "",
      "/var/log/auth.log": "",
      "/var/log/kern.log": "",
      "/var/log/dpkg.log": "",
      "/var/lib/kubelet/config.yaml": "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ncgroupDriver: systemd\nclusterDNS:\n- 10.96.0.10\nclusterDomain: cluster.local\nstaticPodPath: /etc/kubernetes/manifests\n",
    },
  });
  for (const dir of ["/tmp", "/var/log/pods", "/var/log/containers", "/var/lib/kubelet/pods", "/etc/kubernetes/manifests"]) fs.mkdir(dir, { parents: true });
  return fs;
}

/** core/bootstrap's address rule, for a node object whose status carries no InternalIP. */
function bootstrapAddress(node: Obj): string {
  const index = Number(/^10\.244\.(\d+)\./.exec(node.spec?.podCIDR ?? "")?.[1] ?? 0);
  const controlPlane = "node-role.kubernetes.io/control-plane" in (node.metadata.labels ?? {});
  return controlPlane ? `172.30.1.${2 + index}` : `172.30.2.${1 + index}`;
}

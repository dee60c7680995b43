// The resource metrics API (metrics.k8s.io/v1beta1 PodMetrics and NodeMetrics) as metrics-server serves
// it, computed on demand from the kubelet's running containers (no per-second timers).
// Mirrors kubernetes-sigs/metrics-server pkg/storage (pod/node storage): scrapes every metric resolution
// (15 s); CPU is a rate, so a container needs two scrapes — one full window — before it has a value, and a
// pod is served only when every running container has one. Node usage is the node's cgroup root: its pods
// plus the system daemons.
import type { Engine } from "../core/engine";
import type { KubeObject } from "../core/types";
import { formatTime } from "../core/time";
import { matches, type Selector } from "../core/selectors";
import { parseQuantity, quantityMilliValue } from "../api/quantity";
import { containerArgv } from "../kubelet/container-config";
import { kubeletState } from "../kubelet";
import type { Instance, KubeletState, Obj, PodWorker } from "../kubelet/state";
import { containerUsage, nodeBaseline, type ContainerUsage } from "./usage";

/** metrics-server's default --metric-resolution. */
export const METRIC_RESOLUTION_MS = 15_000;
export const METRICS_API_VERSION = "metrics.k8s.io/v1beta1";

export type ResourceUsage = { cpu: string; memory: string };
export type ContainerMetrics = { name: string; usage: ResourceUsage };
export type PodMetrics = {
  apiVersion: typeof METRICS_API_VERSION;
  kind: "PodMetrics";
  metadata: { name: string; namespace: string; creationTimestamp: string; labels?: Record<string, string> };
  timestamp: string;
  window: string;
  containers: ContainerMetrics[];
};
export type NodeMetrics = {
  apiVersion: typeof METRICS_API_VERSION;
  kind: "NodeMetrics";
  metadata: { name: string; creationTimestamp: string; labels?: Record<string, string> };
  timestamp: string;
  window: string;
  usage: ResourceUsage;
};

/** The last scrape at or before now (scrapes fall on multiples of the resolution since the epoch). */
export function lastScrape(engine: Engine): number {
  const now = engine.now();
  return now - (((now % METRIC_RESOLUTION_MS) + METRIC_RESOLUTION_MS) % METRIC_RESOLUTION_MS);
}

/** metrics-server formats CPU in nanocores and memory in Ki. */
function formatUsage(u: ContainerUsage): ResourceUsage {
  return { cpu: `${Math.round(u.cpuNanoCores)}n`, memory: `${Math.ceil(u.memoryBytes / 1024)}Ki` };
}

/** Numbers of a usage (for printers and the HPA): CPU in millicores rounded up (MilliValue), memory in bytes. */
export function usageNumbers(u: ResourceUsage): { cpuMilli: number; memoryBytes: number; cpuNanoCores: number } {
  const nano = Number(/^(\d+)n$/.exec(u.cpu)?.[1] ?? 0);
  const ki = Number(/^(\d+)Ki$/.exec(u.memory)?.[1] ?? 0);
  return { cpuNanoCores: nano, cpuMilli: Math.ceil(nano / 1_000_000), memoryBytes: ki * 1024 };
}

function cpuLimitMilli(spec: Obj): number | undefined {
  const raw = spec.resources?.limits?.cpu;
  if (raw === undefined) return undefined;
  const q = parseQuantity(raw);
  return q.ok ? quantityMilliValue(q.quantity) : undefined;
}

/** The container instance that is running at the scrape and was already running one window before it. */
function scrapedInstance(inst: Instance | undefined, scrape: number): Instance | undefined {
  if (!inst || !inst.process || !inst.visible || inst.startedAt <= 0) return undefined;
  if (inst.finishedAt !== undefined && inst.finishedAt <= scrape) return undefined;
  if (inst.startedAt > scrape - METRIC_RESOLUTION_MS) return undefined;
  return inst;
}

function instanceUsage(spec: Obj, inst: Instance): ContainerUsage {
  return containerUsage({ argv: containerArgv(spec, inst.image, inst.env), reportedMemoryBytes: inst.memoryBytes, cpuLimitMilli: cpuLimitMilli(spec) });
}

type Measured = { name: string; usage: ContainerUsage };

/** Running containers of a pod worker (sidecars included, finished init containers not); null when one lacks a full window. */
function measurePod(w: PodWorker, scrape: number): Measured[] | null {
  const out: Measured[] = [];
  for (const rec of [...w.init, ...w.regular]) {
    const inst = rec.instances[rec.instances.length - 1];
    const running = inst && inst.process && (inst.finishedAt === undefined || inst.finishedAt > scrape);
    if (!running) continue;
    const scraped = scrapedInstance(inst, scrape);
    if (!scraped) return null;
    out.push({ name: rec.name, usage: instanceUsage(rec.spec, scraped) });
  }
  return out.length ? out : null;
}

function nodeRunning(kl: KubeletState, node: string): boolean {
  return kl.nodes.get(node)?.running ?? true;
}

function podMetricsFor(engine: Engine, kl: KubeletState, pod: KubeObject, scrape: number): PodMetrics | undefined {
  const w = kl.workers.get(pod.metadata.uid ?? "");
  if (!w || !nodeRunning(kl, w.node)) return undefined;
  const measured = measurePod(w, scrape);
  if (!measured) return undefined;
  return {
    apiVersion: METRICS_API_VERSION,
    kind: "PodMetrics",
    metadata: {
      name: pod.metadata.name!,
      namespace: pod.metadata.namespace!,
      creationTimestamp: formatTime(engine.now()),
      ...(pod.metadata.labels ? { labels: { ...pod.metadata.labels } } : {}),
    },
    timestamp: formatTime(scrape),
    window: `${METRIC_RESOLUTION_MS / 1000}s`,
    containers: measured.map((m) => ({ name: m.name, usage: formatUsage(m.usage) })),
  };
}

/** GET /apis/metrics.k8s.io/v1beta1/namespaces/{ns}/pods/{name}; undefined is NotFound. */
export function podMetrics(engine: Engine, namespace: string, name: string): PodMetrics | undefined {
  const kl = kubeletState(engine);
  const pod = engine.store.get("pods", namespace, name);
  if (!kl || !pod) return undefined;
  return podMetricsFor(engine, kl, pod, lastScrape(engine));
}

/** LIST pods metrics in a namespace (all namespaces when undefined), filtered by a label selector. */
export function listPodMetrics(engine: Engine, namespace?: string, selector?: Selector): PodMetrics[] {
  const kl = kubeletState(engine);
  if (!kl) return [];
  const scrape = lastScrape(engine);
  const out: PodMetrics[] = [];
  for (const pod of engine.store.list("pods", namespace)) {
    if (selector && !matches(selector, pod.metadata.labels)) continue;
    const m = podMetricsFor(engine, kl, pod, scrape);
    if (m) out.push(m);
  }
  return out;
}

function nodeMetricsFor(engine: Engine, kl: KubeletState, node: KubeObject, scrape: number): NodeMetrics | undefined {
  const name = node.metadata.name!;
  if (!nodeRunning(kl, name)) return undefined;
  const total = { ...nodeBaseline(node.metadata.labels?.["node-role.kubernetes.io/control-plane"] !== undefined) };
  // Every running container on the node counts, even one too young to have its own pod metrics yet.
  const workers = [...kl.workers.values()].filter((w) => w.node === name).sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  for (const w of workers) {
    for (const rec of [...w.init, ...w.regular]) {
      const inst = rec.instances[rec.instances.length - 1];
      if (!inst?.process || inst.startedAt <= 0 || inst.startedAt > scrape) continue;
      if (inst.finishedAt !== undefined && inst.finishedAt <= scrape) continue;
      const u = instanceUsage(rec.spec, inst);
      total.cpuNanoCores += u.cpuNanoCores;
      total.memoryBytes += u.memoryBytes;
    }
  }
  return {
    apiVersion: METRICS_API_VERSION,
    kind: "NodeMetrics",
    metadata: { name, creationTimestamp: formatTime(engine.now()), ...(node.metadata.labels ? { labels: { ...node.metadata.labels } } : {}) },
    timestamp: formatTime(scrape),
    window: `${METRIC_RESOLUTION_MS / 1000}s`,
    usage: formatUsage(total),
  };
}

/** GET /apis/metrics.k8s.io/v1beta1/nodes/{name}; undefined when the node is missing or its kubelet is down. */
export function nodeMetrics(engine: Engine, name: string): NodeMetrics | undefined {
  const kl = kubeletState(engine);
  const node = engine.store.get("nodes", undefined, name);
  if (!kl || !node) return undefined;
  return nodeMetricsFor(engine, kl, node, lastScrape(engine));
}

export function listNodeMetrics(engine: Engine, selector?: Selector): NodeMetrics[] {
  const kl = kubeletState(engine);
  if (!kl) return [];
  const scrape = lastScrape(engine);
  const out: NodeMetrics[] = [];
  for (const node of engine.store.list("nodes")) {
    if (selector && !matches(selector, node.metadata.labels)) continue;
    const m = nodeMetricsFor(engine, kl, node, scrape);
    if (m) out.push(m);
  }
  return out;
}

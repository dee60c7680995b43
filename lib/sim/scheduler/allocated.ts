// What `kubectl describe node` prints under "Non-terminated Pods" and "Allocated resources", after
// k8s.io/kubectl/pkg/describe/describe.go (describeNodeResource, getPodsTotalRequestsAndLimits) and
// k8s.io/kubectl/pkg/util/resource (PodRequestsAndLimits): quantities are summed as resource.Quantity
// (so 100m + 250m prints "350m" and 64Mi + 128Mi "192Mi"), percentages are of allocatable, truncated.
import type { Container, Node, Pod } from "kubernetes-types/core/v1";
import { addQuantity, compareQuantity, formatQuantity, parseQuantity, quantityMilliValue, quantityValue, type Quantity } from "../api/quantity";
import type { KubeObject } from "../core/types";
import { isTerminal } from "./node-info";

type QList = Record<string, Quantity>;

function toQList(map: Record<string, string | number> | undefined): QList {
  const out: QList = {};
  for (const [k, v] of Object.entries(map ?? {})) {
    const q = parseQuantity(v);
    if (q.ok) out[k] = q.quantity;
  }
  return out;
}

function addQ(into: QList, from: QList): void {
  for (const [k, v] of Object.entries(from)) into[k] = into[k] ? addQuantity(into[k], v) : v;
}

function maxQ(into: QList, from: QList): void {
  for (const [k, v] of Object.entries(from)) if (!into[k] || compareQuantity(v, into[k]) > 0) into[k] = v;
}

function aggregate(pod: Pod, pick: (c: Container) => QList): QList {
  const total: QList = {};
  for (const c of pod.spec?.containers ?? []) addQ(total, pick(c));
  const sidecars: QList = {};
  const initMax: QList = {};
  for (const c of pod.spec?.initContainers ?? []) {
    const own = pick(c);
    if (c.restartPolicy === "Always") {
      addQ(total, own);
      addQ(sidecars, own);
      maxQ(initMax, sidecars);
    } else {
      const during: QList = { ...own };
      addQ(during, sidecars);
      maxQ(initMax, during);
    }
  }
  maxQ(total, initMax);
  return total;
}

/** PodRequestsAndLimits as kubectl computes them (requests default to limits, as the apiserver defaults them). */
export function podRequestsAndLimits(pod: Pod): { requests: QList; limits: QList } {
  const requests = aggregate(pod, (c) => {
    const r = toQList(c.resources?.requests as Record<string, string>);
    for (const [k, v] of Object.entries(toQList(c.resources?.limits as Record<string, string>))) if (!r[k]) r[k] = v;
    return r;
  });
  const limits = aggregate(pod, (c) => toQList(c.resources?.limits as Record<string, string>));
  const overhead = toQList(pod.spec?.overhead as Record<string, string> | undefined);
  addQ(requests, overhead);
  for (const [k, v] of Object.entries(overhead)) if (limits[k]) limits[k] = addQuantity(limits[k], v);
  return { requests, limits };
}

export type AllocatedRow = { resource: string; requests: string; requestsPercent?: number; limits: string; limitsPercent?: number };
export type PodResourceRow = {
  namespace: string;
  name: string;
  creationTimestamp?: string;
  cpuRequests: string;
  cpuRequestsPercent: number;
  cpuLimits: string;
  cpuLimitsPercent: number;
  memoryRequests: string;
  memoryRequestsPercent: number;
  memoryLimits: string;
  memoryLimitsPercent: number;
};
export type NodeAllocatedResources = { pods: PodResourceRow[]; rows: AllocatedRow[] };

const ZERO: Quantity = { nano: 0n, format: "DecimalSI" };

function percent(q: Quantity | undefined, alloc: Quantity | undefined, milli: boolean): number {
  if (!alloc) return 0;
  const a = milli ? quantityMilliValue(alloc) : quantityValue(alloc);
  if (a === 0) return 0;
  const v = q ? (milli ? quantityMilliValue(q) : quantityValue(q)) : 0;
  return Math.trunc((v / a) * 100);
}

const STANDARD = new Set(["cpu", "memory", "ephemeral-storage", "storage", "pods"]);

/**
 * The resource part of `kubectl describe node`: `pods` may be every pod in the cluster; only the
 * node's non-terminated ones count (the field selector spec.nodeName=<node>,status.phase!=Succeeded,
 * status.phase!=Failed), in namespace/name order.
 */
export function nodeAllocatedResources(nodeObj: KubeObject | Node, pods: (KubeObject | Pod)[]): NodeAllocatedResources {
  const node = nodeObj as Node;
  const name = node.metadata?.name;
  const allocatable = toQList(node.status?.allocatable as Record<string, string> | undefined);
  const onNode = (pods as Pod[])
    .filter((p) => p.spec?.nodeName === name && !isTerminal(p))
    .sort((a, b) => `${a.metadata?.namespace}/${a.metadata?.name}`.localeCompare(`${b.metadata?.namespace}/${b.metadata?.name}`));
  const reqs: QList = {};
  const limits: QList = {};
  const podRows: PodResourceRow[] = [];
  for (const p of onNode) {
    const r = podRequestsAndLimits(p);
    addQ(reqs, r.requests);
    addQ(limits, r.limits);
    const fmt = (q?: Quantity) => formatQuantity(q ?? ZERO);
    podRows.push({
      namespace: p.metadata?.namespace ?? "default",
      name: p.metadata?.name ?? "",
      creationTimestamp: p.metadata?.creationTimestamp,
      cpuRequests: fmt(r.requests.cpu),
      cpuRequestsPercent: percent(r.requests.cpu, allocatable.cpu, true),
      cpuLimits: fmt(r.limits.cpu),
      cpuLimitsPercent: percent(r.limits.cpu, allocatable.cpu, true),
      memoryRequests: fmt(r.requests.memory),
      memoryRequestsPercent: percent(r.requests.memory, allocatable.memory, false),
      memoryLimits: fmt(r.limits.memory),
      memoryLimitsPercent: percent(r.limits.memory, allocatable.memory, false),
    });
  }
  const row = (resource: string, milli: boolean): AllocatedRow => ({
    resource,
    requests: formatQuantity(reqs[resource] ?? ZERO),
    requestsPercent: percent(reqs[resource], allocatable[resource], milli),
    limits: formatQuantity(limits[resource] ?? ZERO),
    limitsPercent: percent(limits[resource], allocatable[resource], milli),
  });
  const rows = [row("cpu", true), row("memory", false), row("ephemeral-storage", false)];
  const names = Object.keys(allocatable);
  for (const h of names.filter((n) => n.startsWith("hugepages-")).sort()) rows.push(row(h, false));
  // Extended resources print without percentages.
  for (const ext of names.filter((n) => !n.startsWith("hugepages-") && !STANDARD.has(n) && !n.startsWith("requests.")).sort()) {
    rows.push({ resource: ext, requests: formatQuantity(reqs[ext] ?? ZERO), limits: formatQuantity(limits[ext] ?? ZERO) });
  }
  return { pods: podRows, rows };
}

// Mirrors k8s.io/component-helpers/resource/helpers.go (PodRequests, PodLimits) as the scheduler and
// `kubectl describe node` use it: the sum over app containers and restartable init containers
// (sidecars), maxed with each init container's request plus the sidecars started before it, plus the
// pod overhead. CPU is counted in millicores (MilliValue), everything else in whole units (Value).
import type { Container, Pod } from "kubernetes-types/core/v1";
import { parseQuantity, quantityMilliValue, quantityValue } from "../api/quantity";

export type ResourceList = Record<string, number>;

// pkg/scheduler/util/pod_resources.go: what scoring assumes for a container that requests nothing.
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

type QuantityMap = Record<string, string | number> | undefined;

/** One resource value in scheduler units; an unparsable quantity counts as zero (validation rejects it earlier). */
// Quantities repeat across pods and clusters ("100m", "4", "8Gi"): amounts are cached per name and value.
const amounts = new Map<string, number>();

export function resourceAmount(name: string, value: string | number): number {
  const key = `${name}\u0000${typeof value}\u0000${value}`;
  let amount = amounts.get(key);
  if (amount === undefined) {
    amount = parseAmount(name, value);
    if (amounts.size >= 4096) amounts.clear();
    amounts.set(key, amount);
  }
  return amount;
}

function parseAmount(name: string, value: string | number): number {
  const q = parseQuantity(value);
  if (!q.ok) return 0;
  return name === "cpu" ? quantityMilliValue(q.quantity) : quantityValue(q.quantity);
}

export function toResourceList(map: QuantityMap): ResourceList {
  const out: ResourceList = {};
  for (const [k, v] of Object.entries(map ?? {})) out[k] = resourceAmount(k, v);
  return out;
}

/** Requests as the apiserver defaults them: a resource with a limit and no request requests its limit. */
function containerRequests(c: Container): QuantityMap {
  const requests = { ...((c.resources?.requests ?? {}) as Record<string, string | number>) };
  for (const [k, v] of Object.entries((c.resources?.limits ?? {}) as Record<string, string | number>)) {
    if (!(k in requests)) requests[k] = v;
  }
  return requests;
}

function add(into: ResourceList, from: ResourceList): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

function max(into: ResourceList, from: ResourceList): void {
  for (const [k, v] of Object.entries(from)) if (v > (into[k] ?? 0)) into[k] = v;
}

function isSidecar(c: Container): boolean {
  return c.restartPolicy === "Always";
}

export type RequestOptions = {
  /** Scoring's non-zero defaults for containers that request no CPU / memory (applyNonMissing). */
  nonZero?: boolean;
  excludeOverhead?: boolean;
};

function aggregate(pod: Pod, pick: (c: Container) => ResourceList): ResourceList {
  const total: ResourceList = {};
  for (const c of pod.spec?.containers ?? []) add(total, pick(c));
  const sidecars: ResourceList = {};
  const initMax: ResourceList = {};
  for (const c of pod.spec?.initContainers ?? []) {
    const own = pick(c);
    if (isSidecar(c)) {
      // A sidecar keeps running next to the app containers and every later init container.
      add(total, own);
      add(sidecars, own);
      max(initMax, sidecars);
    } else {
      const during: ResourceList = { ...own };
      add(during, sidecars);
      max(initMax, during);
    }
  }
  max(total, initMax);
  return total;
}

// Stored objects are never mutated (a write stores a new object), so results can be cached per object.
const requestCache = new WeakMap<object, ResourceList>();
const nonZeroCache = new WeakMap<object, ResourceList>();

/** The pod's effective requests. The result is shared: treat it as read-only. */
export function podRequests(pod: Pod, opts: RequestOptions = {}): ResourceList {
  if (opts.excludeOverhead) return computeRequests(pod, opts);
  const cache = opts.nonZero ? nonZeroCache : requestCache;
  let r = cache.get(pod);
  if (!r) cache.set(pod, (r = computeRequests(pod, opts)));
  return r;
}

function computeRequests(pod: Pod, opts: RequestOptions): ResourceList {
  const reqs = aggregate(pod, (c) => {
    const r = toResourceList(containerRequests(c));
    if (opts.nonZero) {
      if (!("cpu" in r)) r.cpu = DEFAULT_MILLI_CPU_REQUEST;
      if (!("memory" in r)) r.memory = DEFAULT_MEMORY_REQUEST;
    }
    return r;
  });
  if (!opts.excludeOverhead && pod.spec?.overhead) add(reqs, toResourceList(pod.spec.overhead as QuantityMap));
  return reqs;
}

export function podLimits(pod: Pod): ResourceList {
  const limits = aggregate(pod, (c) => toResourceList(c.resources?.limits as QuantityMap));
  if (pod.spec?.overhead) {
    // PodLimits adds overhead only to resources that already have a limit.
    for (const [k, v] of Object.entries(toResourceList(pod.spec.overhead as QuantityMap))) if (k in limits) limits[k] += v;
  }
  return limits;
}

export function addResources(into: ResourceList, from: ResourceList): void {
  add(into, from);
}

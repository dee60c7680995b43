// Mirrors pkg/scheduler/framework/plugins/noderesources/fit.go (fitsRequest) and least_allocated.go:
// a node fits when its pod count stays within allocatable pods and every requested resource fits in
// allocatable minus the requests of the pods already bound there. Score: LeastAllocated over cpu and
// memory (weight 1 each) with the non-zero request defaults. Owns its "Insufficient <resource>" reasons.
import type { Pod } from "kubernetes-types/core/v1";
import type { FilterPlugin, NodeInfo, ScorePlugin } from "../types";
import { MAX_NODE_SCORE, unschedulable } from "../types";
import { podRequests, type ResourceList } from "../resources";

export const NAME = "NodeResourcesFit";

export type InsufficientResource = { resourceName: string; reason: string; requested: number; used: number; capacity: number };

const CORE = ["cpu", "memory", "ephemeral-storage"];

export function fitsRequest(podRequest: ResourceList, info: NodeInfo): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  const allowedPods = info.allocatable.pods ?? 0;
  if (info.pods.length + 1 > allowedPods) {
    out.push({ resourceName: "pods", reason: "Too many pods", requested: 1, used: info.pods.length, capacity: allowedPods });
  }
  const names = Object.keys(podRequest).filter((k) => podRequest[k] !== 0);
  if (!names.length) return out;
  const scalar = names.filter((n) => !CORE.includes(n)).sort();
  for (const name of [...CORE, ...scalar]) {
    const want = podRequest[name] ?? 0;
    if (want <= 0) continue;
    const capacity = info.allocatable[name] ?? 0;
    const used = info.requested[name] ?? 0;
    if (want > capacity - used) out.push({ resourceName: name, reason: `Insufficient ${name}`, requested: want, used, capacity });
  }
  return out;
}

/** noderesources.Fits: the check the kubelet's admission repeats (OutOfcpu, OutOfmemory, OutOfpods). */
export function fits(pod: Pod, info: NodeInfo): InsufficientResource[] {
  return fitsRequest(podRequests(pod), info);
}

export const nodeResourcesFitFilter: FilterPlugin = {
  name: NAME,
  filter(ctx, info) {
    const key = `${NAME}/request`;
    let req = ctx.state.get(key) as ResourceList | undefined;
    if (!req) ctx.state.set(key, (req = podRequests(ctx.pod)));
    const insufficient = fitsRequest(req, info);
    return insufficient.length ? unschedulable(NAME, ...insufficient.map((r) => r.reason)) : null;
  },
};

export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

export const leastAllocatedScore: ScorePlugin = {
  name: NAME,
  weight: 1,
  score(ctx, info) {
    const key = `${NAME}/nonzero`;
    let req = ctx.state.get(key) as ResourceList | undefined;
    if (!req) ctx.state.set(key, (req = podRequests(ctx.pod, { nonZero: true })));
    let total = 0;
    let weights = 0;
    for (const r of ["cpu", "memory"]) {
      const capacity = info.allocatable[r] ?? 0;
      if (capacity === 0) continue;
      total += leastRequestedScore((info.nonZeroRequested[r] ?? 0) + (req[r] ?? 0), capacity);
      weights += 1;
    }
    return weights ? Math.trunc(total / weights) : 0;
  },
};

// Mirrors pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go: prefer nodes whose cpu
// and memory utilisation (actual requests, this pod included) stay close to each other:
// score = (1 - |cpuFraction - memFraction| / 2) × 100. Skipped for pods that request nothing.
import type { ScorePlugin } from "../types";
import { MAX_NODE_SCORE } from "../types";
import { podRequests, type ResourceList } from "../resources";

export const NAME = "NodeResourcesBalancedAllocation";

export const balancedAllocation: ScorePlugin = {
  name: NAME,
  weight: 1,
  preScore(ctx) {
    const req = podRequests(ctx.pod);
    ctx.state.set(`${NAME}/request`, req);
    return (req.cpu ?? 0) > 0 || (req.memory ?? 0) > 0;
  },
  score(ctx, info) {
    const req = ctx.state.get(`${NAME}/request`) as ResourceList;
    const fractions: number[] = [];
    for (const r of ["cpu", "memory"]) {
      const capacity = info.allocatable[r] ?? 0;
      if (capacity === 0) continue;
      fractions.push(Math.min(1, ((info.requested[r] ?? 0) + (req[r] ?? 0)) / capacity));
    }
    const std = fractions.length === 2 ? Math.abs((fractions[0] - fractions[1]) / 2) : 0;
    return Math.trunc((1 - std) * MAX_NODE_SCORE);
  },
};

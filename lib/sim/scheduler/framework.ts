// The scheduling cycle, after pkg/scheduler/schedule_one.go (schedulePod, findNodesThatFitPod,
// prioritizeNodes, selectHost) with the default v1.32 plugin set in its MultiPoint order:
// NodeUnschedulable, NodeName, TaintToleration(3), NodeAffinity(2), NodePorts, NodeResourcesFit(1),
// VolumeBinding, PodTopologySpread(2), InterPodAffinity(2), DefaultPreemption,
// NodeResourcesBalancedAllocation(1). Each node stops at its first failing filter, as RunFilterPlugins does.
import type { Pod } from "kubernetes-types/core/v1";
import type { CycleContext, FilterPlugin, Lister, NodeInfo, PreFilterResult, ScorePlugin, Status } from "./types";
import { unresolvable } from "./types";
import { snapshot } from "./node-info";
import { nodeUnschedulable } from "./plugins/node-unschedulable";
import { nodeName } from "./plugins/node-name";
import { taintTolerationFilter, taintTolerationScore } from "./plugins/taint-toleration";
import { nodeAffinityFilter, nodeAffinityScore } from "./plugins/node-affinity";
import { nodePorts } from "./plugins/node-ports";
import { leastAllocatedScore, nodeResourcesFitFilter } from "./plugins/node-resources-fit";
import { volumeBinding } from "./plugins/volume-binding";
import { podTopologySpreadFilter, podTopologySpreadScore } from "./plugins/pod-topology-spread";
import { interPodAffinityFilter, interPodAffinityScore } from "./plugins/inter-pod-affinity";
import { balancedAllocation } from "./plugins/balanced-allocation";
import { fitErrorMessage } from "./fit-error";
import { preempt, type PreemptionResult } from "./preemption";

export const FILTER_PLUGINS: FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintTolerationFilter,
  nodeAffinityFilter,
  nodePorts,
  nodeResourcesFitFilter,
  volumeBinding,
  podTopologySpreadFilter,
  interPodAffinityFilter,
];

export const SCORE_PLUGINS: ScorePlugin[] = [
  taintTolerationScore,
  nodeAffinityScore,
  leastAllocatedScore,
  podTopologySpreadScore,
  interPodAffinityScore,
  balancedAllocation,
];

export const NO_NODES_AVAILABLE = "no nodes available to schedule pods";

export type ScheduleResult =
  | { kind: "scheduled"; node: string; feasible: string[]; scores: Record<string, number> }
  | {
      kind: "unschedulable";
      /** The FitError message, as FailedScheduling and the PodScheduled condition carry it. */
      message: string;
      /** Plugins that rejected the pod (the queue requeues it on events those plugins care about). */
      plugins: string[];
      statuses: Map<string, Status>;
      preemption?: PreemptionResult;
    };

export type Rand = { int(n: number): number };

function isPreFilterResult(r: Status | PreFilterResult): r is PreFilterResult {
  return "nodeNames" in r;
}

/** Runs the filters for one node; null when the pod fits. */
export function runFilters(ctx: CycleContext, info: NodeInfo, plugins: FilterPlugin[] = FILTER_PLUGINS): Status | null {
  for (const p of plugins) {
    const s = p.filter(ctx, info);
    if (s) return s;
  }
  return null;
}

export function newCycle(pod: Pod, lister: Lister, nodes?: NodeInfo[]): CycleContext {
  return { pod, lister, nodes: nodes ?? snapshot(lister), state: new Map() };
}

/** PreFilter stage: a rejecting status, or the set of nodes still in play (undefined: all). */
export function runPreFilters(ctx: CycleContext): { status: Status } | { nodeNames?: Set<string>; plugins: string[] } {
  let names: Set<string> | undefined;
  const narrowing: string[] = [];
  for (const p of FILTER_PLUGINS) {
    if (!p.preFilter) continue;
    const r = p.preFilter(ctx);
    if (!r) continue;
    if (!isPreFilterResult(r)) return { status: r };
    names = names ? new Set([...names].filter((n) => r.nodeNames.has(n))) : r.nodeNames;
    narrowing.push(p.name);
    narrowing.sort();
  }
  return { nodeNames: names, plugins: narrowing };
}

export function schedulePod(pod: Pod, lister: Lister, rand: Rand): ScheduleResult {
  const ctx = newCycle(pod, lister);
  const total = ctx.nodes.length;
  if (!total) return { kind: "unschedulable", message: NO_NODES_AVAILABLE, plugins: [], statuses: new Map() };
  const statuses = new Map<string, Status>();
  const pre = runPreFilters(ctx);
  if ("status" in pre) {
    for (const n of ctx.nodes) statuses.set(n.name, pre.status);
    const preemption = preempt(ctx, statuses);
    return {
      kind: "unschedulable",
      message: fitErrorMessage(total, statuses, pre.status.reasons.join(", "), preemption.message),
      plugins: [pre.status.plugin],
      statuses,
      preemption,
    };
  }
  const feasible: NodeInfo[] = [];
  for (const info of ctx.nodes) {
    if (pre.nodeNames && !pre.nodeNames.has(info.name)) {
      statuses.set(info.name, unresolvable(pre.plugins.join(","), `node(s) didn't satisfy plugin(s) [${pre.plugins.join(" ")}]`));
      continue;
    }
    const s = runFilters(ctx, info);
    if (s) statuses.set(info.name, s);
    else feasible.push(info);
  }
  if (!feasible.length) {
    const preemption = preempt(ctx, statuses);
    const plugins = [...new Set([...statuses.values()].map((s) => s.plugin))].sort();
    return { kind: "unschedulable", message: fitErrorMessage(total, statuses, "", preemption.message), plugins, statuses, preemption };
  }
  const scores = prioritizeNodes(ctx, feasible);
  return { kind: "scheduled", node: selectHost(feasible, scores, rand), feasible: feasible.map((f) => f.name), scores: Object.fromEntries(feasible.map((f, i) => [f.name, scores[i]])) };
}

/** prioritizeNodes: weighted sum of normalized plugin scores; a single feasible node is not scored. */
export function prioritizeNodes(ctx: CycleContext, feasible: NodeInfo[]): number[] {
  const totals = feasible.map(() => 0);
  if (feasible.length === 1) return totals;
  ctx.state.set("framework/feasible", feasible);
  for (const p of SCORE_PLUGINS) {
    if (p.preScore && !p.preScore(ctx, feasible)) continue;
    let scores = feasible.map((info) => p.score(ctx, info));
    if (p.normalize) scores = p.normalize(ctx, scores);
    scores.forEach((s, i) => (totals[i] += s * p.weight));
  }
  return totals;
}

/** selectHost: the highest total; ties are broken by reservoir sampling, as upstream does with rand.Intn. */
export function selectHost(feasible: NodeInfo[], scores: number[], rand: Rand): string {
  let best = 0;
  let ties = 1;
  for (let i = 1; i < feasible.length; i++) {
    if (scores[i] > scores[best]) {
      best = i;
      ties = 1;
    } else if (scores[i] === scores[best]) {
      ties++;
      if (rand.int(ties) === 0) best = i;
    }
  }
  return feasible[best].name;
}

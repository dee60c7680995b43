// Mirrors pkg/scheduler/framework/preemption/preemption.go and plugins/defaultpreemption (PostFilter):
// nodes rejected as unresolvable are "not helpful"; on the others, removing every pod of lower
// priority must let the pod fit (SelectVictimsOnNode), then victims are reprieved from the highest
// priority down while it still fits. With no candidate the message is itself a FitError
// ("preemption: 0/3 nodes are available: …"); with one, the victims are deleted and the pod is
// nominated to that node (status.nominatedNodeName) to be scheduled once they are gone.
import type { Pod } from "kubernetes-types/core/v1";
import type { CycleContext, NodeInfo, Status } from "./types";
import { unresolvable } from "./types";
import { buildNodeInfo } from "./node-info";
import { fitErrorMessage } from "./fit-error";
import { runFilters, runPreFilters } from "./framework";

export const NAME = "DefaultPreemption";
export const PREEMPTION_NOT_HELPFUL = "Preemption is not helpful for scheduling";
export const NO_VICTIMS = "No preemption victims found for incoming pod";
export const NOT_ELIGIBLE_NEVER = "not eligible due to preemptionPolicy=Never.";
export const NOT_ELIGIBLE_TERMINATING = "not eligible due to a terminating pod on the nominated node.";

export type PreemptionResult = {
  /** The PostFilter message, "" when a candidate was found. */
  message: string;
  candidate?: { node: string; victims: Pod[] };
};

export function podPriority(pod: Pod): number {
  return pod.spec?.priority ?? 0;
}

/** A cycle on a copy of the snapshot where `info` replaces its node; PreFilter state is recomputed. */
function newCycleFor(ctx: CycleContext, info: NodeInfo): CycleContext {
  const nodes = ctx.nodes.map((n) => (n.name === info.name ? info : n));
  const trial: CycleContext = { pod: ctx.pod, lister: ctx.lister, nodes, state: new Map() };
  runPreFilters(trial);
  return trial;
}

/** SelectVictimsOnNode: the fewest lower-priority pods whose removal lets the pod fit, or why none. */
function selectVictims(ctx: CycleContext, info: NodeInfo): { victims: Pod[] } | { status: Status } {
  const prio = podPriority(ctx.pod);
  const potential = info.pods.filter((p) => podPriority(p) < prio);
  if (!potential.length) return { status: unresolvable(NAME, NO_VICTIMS) };
  const remaining = info.pods.filter((p) => podPriority(p) >= prio);
  const check = (pods: Pod[]) => {
    const trial = buildNodeInfo(info.node, pods);
    return runFilters(newCycleFor(ctx, trial), trial);
  };
  const fail = check(remaining);
  if (fail) return { status: fail };
  // Reprieve the most important victims first (MoreImportantPod: higher priority, then older).
  const ordered = [...potential].sort(
    (a, b) => podPriority(b) - podPriority(a) || String(a.metadata?.creationTimestamp ?? "").localeCompare(String(b.metadata?.creationTimestamp ?? "")) || String(a.metadata?.name).localeCompare(String(b.metadata?.name)),
  );
  const kept = [...remaining];
  const victims: Pod[] = [];
  for (const p of ordered) {
    if (!check([...kept, p])) kept.push(p);
    else victims.push(p);
  }
  return { victims };
}

export function preempt(ctx: CycleContext, statuses: Map<string, Status>): PreemptionResult {
  if (ctx.pod.spec?.preemptionPolicy === "Never") return { message: `preemption: ${NOT_ELIGIBLE_NEVER}` };
  // PodEligibleToPreemptOthers: victims of an earlier round are still terminating on the nominated node.
  const nominated = ctx.pod.status?.nominatedNodeName;
  const nominatedInfo = nominated && statuses.get(nominated)?.code !== "UnschedulableAndUnresolvable" ? ctx.nodes.find((n) => n.name === nominated) : undefined;
  if (nominatedInfo?.pods.some((p) => p.metadata?.deletionTimestamp && podPriority(p) < podPriority(ctx.pod))) {
    return { message: `preemption: ${NOT_ELIGIBLE_TERMINATING}` };
  }
  const result = new Map<string, Status>();
  const candidates: { node: string; victims: Pod[] }[] = [];
  for (const info of ctx.nodes) {
    const s = statuses.get(info.name);
    if (!s || s.code === "UnschedulableAndUnresolvable") {
      result.set(info.name, unresolvable(NAME, PREEMPTION_NOT_HELPFUL));
      continue;
    }
    const r = selectVictims(ctx, info);
    if ("status" in r) result.set(info.name, r.status);
    else candidates.push({ node: info.name, victims: r.victims });
  }
  if (!candidates.length) return { message: `preemption: ${fitErrorMessage(ctx.nodes.length, result, "", "")}` };
  // pickOneNodeForPreemption: lowest highest-victim priority, then lowest priority sum, then fewest victims.
  const highest = (c: { victims: Pod[] }) => Math.max(...c.victims.map(podPriority));
  const sum = (c: { victims: Pod[] }) => c.victims.reduce((a, p) => a + podPriority(p), 0);
  candidates.sort((a, b) => highest(a) - highest(b) || sum(a) - sum(b) || a.victims.length - b.victims.length || (a.node < b.node ? -1 : 1));
  return { message: "", candidate: candidates[0] };
}

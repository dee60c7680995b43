// Mirrors pkg/scheduler/framework/plugins/tainttoleration: Filter rejects nodes with an untolerated
// NoSchedule/NoExecute taint (the first one names the reason); Score counts untolerated
// PreferNoSchedule taints, fewer is better. Owns its reason string.
import type { Taint, Toleration } from "kubernetes-types/core/v1";
import type { FilterPlugin, ScorePlugin } from "../types";
import { MAX_NODE_SCORE, unresolvable } from "../types";
import { defaultNormalizeScore } from "./normalize";

export const NAME = "TaintToleration";
/** The kubelet's admission form (lifecycle predicate), without the taint. */
export const ERR_REASON_NOT_MATCH = "node(s) had taints that the pod didn't tolerate";

export function errReasonUntolerated(taint: Pick<Taint, "key" | "value">): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}`;
}

/** core/v1 Toleration.ToleratesTaint. */
export function toleratesTaint(t: Toleration, taint: Pick<Taint, "key" | "value" | "effect">): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? "Equal") {
    case "Equal":
      return (t.value ?? "") === (taint.value ?? "");
    case "Exists":
      return true;
    default:
      return false;
  }
}

/** FindMatchingUntoleratedTaint: the first taint passing `filter` that no toleration tolerates. */
export function findUntoleratedTaint(taints: Taint[] | undefined, tolerations: Toleration[] | undefined, filter: (t: Taint) => boolean): Taint | undefined {
  for (const taint of taints ?? []) {
    if (!filter(taint)) continue;
    if (!(tolerations ?? []).some((t) => toleratesTaint(t, taint))) return taint;
  }
  return undefined;
}

export const taintTolerationFilter: FilterPlugin = {
  name: NAME,
  filter(ctx, info) {
    const taint = findUntoleratedTaint(info.node.spec?.taints, ctx.pod.spec?.tolerations, (t) => t.effect === "NoSchedule" || t.effect === "NoExecute");
    return taint ? unresolvable(NAME, errReasonUntolerated(taint)) : null;
  },
};

export const taintTolerationScore: ScorePlugin = {
  name: NAME,
  weight: 3,
  score(ctx, info) {
    const tolerations = (ctx.pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === "PreferNoSchedule");
    let count = 0;
    for (const taint of info.node.spec?.taints ?? []) {
      if (taint.effect === "PreferNoSchedule" && !tolerations.some((t) => toleratesTaint(t, taint))) count++;
    }
    return count;
  },
  normalize: (_ctx, scores) => defaultNormalizeScore(MAX_NODE_SCORE, true, scores),
};

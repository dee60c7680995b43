// Mirrors pkg/scheduler/framework/plugins/nodeaffinity: Filter on spec.nodeSelector and required node
// affinity (PreFilter narrows to the names in matchFields metadata.name In, as DaemonSet pods use),
// Score by the summed weights of matching preferred terms. Owns its reason strings.
import type { FilterPlugin, ScorePlugin } from "../types";
import { MAX_NODE_SCORE, unresolvable } from "../types";
import { matchesRequiredNodeAffinity, matchNodeSelectorTerm } from "./node-selector";
import { defaultNormalizeScore } from "./normalize";

export const NAME = "NodeAffinity";
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
export const ERR_REASON_CONFLICT = "pod affinity terms conflict";

export const nodeAffinityFilter: FilterPlugin = {
  name: NAME,
  preFilter(ctx) {
    const terms = ctx.pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
    if (!terms.length) return null;
    let names: Set<string> | undefined;
    for (const t of terms) {
      let termNames: Set<string> | undefined;
      for (const r of t.matchFields ?? []) {
        if (r.key !== "metadata.name" || r.operator !== "In") continue;
        const s = new Set(r.values ?? []);
        termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
      }
      // A term without a node-name requirement admits every node (terms are ORed).
      if (!termNames) return null;
      names = new Set([...(names ?? []), ...termNames]);
    }
    if (names && names.size === 0) return unresolvable(NAME, ERR_REASON_CONFLICT);
    return names ? { nodeNames: names } : null;
  },
  filter(ctx, info) {
    return matchesRequiredNodeAffinity(ctx.pod, info.node) ? null : unresolvable(NAME, ERR_REASON_POD);
  },
};

export const nodeAffinityScore: ScorePlugin = {
  name: NAME,
  weight: 2,
  preScore(ctx) {
    return (ctx.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).length > 0;
  },
  score(ctx, info) {
    let total = 0;
    for (const t of ctx.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
      if (t.weight && matchNodeSelectorTerm(t.preference, info.node)) total += t.weight;
    }
    return total;
  },
  normalize: (_ctx, scores) => defaultNormalizeScore(MAX_NODE_SCORE, false, scores),
};

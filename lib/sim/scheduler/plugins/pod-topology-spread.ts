// Mirrors pkg/scheduler/framework/plugins/podtopologyspread (filtering.go, scoring.go, common.go):
// DoNotSchedule constraints filter on skew = matching pods in the node's domain + self − global
// minimum; ScheduleAnyway constraints (or, for pods without any, the system defaults: hostname
// maxSkew 3 and zone maxSkew 5 over the pods of the same Service/ReplicaSet/StatefulSet) score
// emptier domains higher — which is what spreads a Deployment's replicas across the workers.
// Owns its reason strings.
import type { Pod, TopologySpreadConstraint } from "kubernetes-types/core/v1";
import type { CycleContext, FilterPlugin, NodeInfo, ScorePlugin } from "../types";
import { MAX_NODE_SCORE, unresolvable, unschedulable } from "../types";
import { fromLabelSelector, fromMap, matches, type Selector } from "../../core/selectors";
import { matchesRequiredNodeAffinity } from "./node-selector";
import { findUntoleratedTaint } from "./taint-toleration";

export const NAME = "PodTopologySpread";
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = "node(s) didn't match pod topology spread constraints (missing required label)";

const HOSTNAME = "kubernetes.io/hostname";
const ZONE = "topology.kubernetes.io/zone";

type Constraint = { maxSkew: number; topologyKey: string; selector: Selector; minDomains: number; honorAffinity: boolean; honorTaints: boolean };

function toConstraint(pod: Pod, c: TopologySpreadConstraint): Constraint {
  const base = fromLabelSelector(c.labelSelector);
  const labels = pod.metadata?.labels ?? {};
  // matchLabelKeys: the pod's own values for those keys narrow the selector.
  const extra = (c.matchLabelKeys ?? []).filter((k) => k in labels).map((k) => ({ op: "in" as const, key: k, values: [labels[k]] }));
  return {
    maxSkew: c.maxSkew,
    topologyKey: c.topologyKey,
    selector: { ...base, requirements: [...base.requirements, ...extra] },
    minDomains: c.minDomains ?? 1,
    honorAffinity: (c.nodeAffinityPolicy ?? "Honor") === "Honor",
    honorTaints: c.nodeTaintsPolicy === "Honor",
  };
}

function countMatching(pods: Pod[], sel: Selector, namespace: string): number {
  let n = 0;
  for (const p of pods) {
    if (p.metadata?.deletionTimestamp || (p.metadata?.namespace ?? "default") !== namespace) continue;
    if (matches(sel, p.metadata?.labels)) n++;
  }
  return n;
}

function eligible(pod: Pod, c: Constraint, info: NodeInfo): boolean {
  if (c.honorAffinity && !matchesRequiredNodeAffinity(pod, info.node)) return false;
  if (c.honorTaints && findUntoleratedTaint(info.node.spec?.taints, pod.spec?.tolerations, (t) => t.effect === "NoSchedule" || t.effect === "NoExecute")) return false;
  return true;
}

const hasKeys = (info: NodeInfo, cs: Constraint[]) => cs.every((c) => c.topologyKey in (info.node.metadata?.labels ?? {}));

type FilterState = { constraints: Constraint[]; counts: Map<string, number>[]; minMatch: number[] };

function filterState(ctx: CycleContext): FilterState {
  const cached = ctx.state.get(`${NAME}/filter`) as FilterState | undefined;
  if (cached) return cached;
  const pod = ctx.pod;
  const ns = pod.metadata?.namespace ?? "default";
  const constraints = (pod.spec?.topologySpreadConstraints ?? []).filter((c) => c.whenUnsatisfiable === "DoNotSchedule").map((c) => toConstraint(pod, c));
  const counts = constraints.map(() => new Map<string, number>());
  for (const info of ctx.nodes) {
    if (!hasKeys(info, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!eligible(pod, c, info)) return;
      const v = info.node.metadata!.labels![c.topologyKey];
      counts[i].set(v, (counts[i].get(v) ?? 0) + countMatching(info.pods, c.selector, ns));
    });
  }
  const minMatch = constraints.map((c, i) => (counts[i].size < c.minDomains ? 0 : Math.min(...counts[i].values())));
  const s = { constraints, counts, minMatch };
  ctx.state.set(`${NAME}/filter`, s);
  return s;
}

export const podTopologySpreadFilter: FilterPlugin = {
  name: NAME,
  filter(ctx, info) {
    const s = filterState(ctx);
    const labels = info.node.metadata?.labels ?? {};
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i];
      if (!(c.topologyKey in labels)) return unresolvable(NAME, ERR_REASON_NODE_LABEL_NOT_MATCH);
      const self = matches(c.selector, ctx.pod.metadata?.labels) ? 1 : 0;
      const skew = (s.counts[i].get(labels[c.topologyKey]) ?? 0) + self - s.minMatch[i];
      if (skew > c.maxSkew) return unschedulable(NAME, ERR_REASON_CONSTRAINTS_NOT_MATCH);
    }
    return null;
  },
};

/** helper.DefaultSelector: the selectors of the Services, ReplicaSets and StatefulSets the pod belongs to. */
export function defaultSelector(ctx: CycleContext): Selector {
  const pod = ctx.pod;
  const ns = pod.metadata?.namespace ?? "default";
  const labels = pod.metadata?.labels ?? {};
  const labelSet: Record<string, string> = {};
  for (const svc of ctx.lister.list("services", ns)) {
    const sel = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector;
    if (sel && Object.keys(sel).length && matches(fromMap(sel), labels)) Object.assign(labelSet, sel);
  }
  const requirements = [...fromMap(labelSet).requirements];
  for (const ref of pod.metadata?.ownerReferences ?? []) {
    if (!ref.controller) continue;
    const resource = ref.kind === "ReplicaSet" ? "replicasets" : ref.kind === "StatefulSet" ? "statefulsets" : undefined;
    const owner = resource && ctx.lister.get(resource, ns, ref.name);
    if (!owner) continue;
    const sel = fromLabelSelector((owner.spec as { selector?: Parameters<typeof fromLabelSelector>[0] } | undefined)?.selector);
    if (!sel.matchesNothing) requirements.push(...sel.requirements);
  }
  return { requirements };
}

type ScoreState = { constraints: Constraint[]; ignored: Set<string>; pairCounts: Map<string, number>[]; weights: number[] };

export const podTopologySpreadScore: ScorePlugin = {
  name: NAME,
  weight: 2,
  preScore(ctx, feasible) {
    const pod = ctx.pod;
    const own = pod.spec?.topologySpreadConstraints ?? [];
    let constraints: Constraint[];
    if (own.length) {
      constraints = own.filter((c) => c.whenUnsatisfiable === "ScheduleAnyway").map((c) => toConstraint(pod, c));
    } else {
      const sel = defaultSelector(ctx);
      if (!sel.requirements.length) return false;
      constraints = [
        { maxSkew: 3, topologyKey: HOSTNAME, selector: sel, minDomains: 1, honorAffinity: true, honorTaints: false },
        { maxSkew: 5, topologyKey: ZONE, selector: sel, minDomains: 1, honorAffinity: true, honorTaints: false },
      ];
    }
    if (!constraints.length) return false;
    const requireAll = own.length > 0;
    const ignored = new Set<string>();
    const sizes = constraints.map(() => new Set<string>());
    for (const info of feasible) {
      if (requireAll && !hasKeys(info, constraints)) {
        ignored.add(info.name);
        continue;
      }
      constraints.forEach((c, i) => {
        const v = info.node.metadata?.labels?.[c.topologyKey];
        if (v !== undefined) sizes[i].add(v);
      });
    }
    const ns = pod.metadata?.namespace ?? "default";
    const pairCounts = constraints.map(() => new Map<string, number>());
    for (const info of ctx.nodes) {
      if (requireAll && !hasKeys(info, constraints)) continue;
      constraints.forEach((c, i) => {
        if (c.topologyKey === HOSTNAME || !eligible(pod, c, info)) return;
        const v = info.node.metadata?.labels?.[c.topologyKey];
        if (v !== undefined && sizes[i].has(v)) pairCounts[i].set(v, (pairCounts[i].get(v) ?? 0) + countMatching(info.pods, c.selector, ns));
      });
    }
    const weights = constraints.map((c, i) => Math.log((c.topologyKey === HOSTNAME ? feasible.length - ignored.size : sizes[i].size) + 2));
    ctx.state.set(`${NAME}/score`, { constraints, ignored, pairCounts, weights } satisfies ScoreState);
    return true;
  },
  score(ctx, info) {
    const s = ctx.state.get(`${NAME}/score`) as ScoreState;
    if (s.ignored.has(info.name)) return 0;
    const ns = ctx.pod.metadata?.namespace ?? "default";
    let score = 0;
    s.constraints.forEach((c, i) => {
      const v = info.node.metadata?.labels?.[c.topologyKey];
      if (v === undefined) return;
      const cnt = c.topologyKey === HOSTNAME ? countMatching(info.pods, c.selector, ns) : s.pairCounts[i].get(v) ?? 0;
      score += cnt * s.weights[i] + (c.maxSkew - 1);
    });
    return Math.round(score);
  },
  normalize(ctx, scores) {
    const s = ctx.state.get(`${NAME}/score`) as ScoreState;
    const feasible = ctx.state.get("framework/feasible") as NodeInfo[];
    const valid = scores.filter((_, i) => !s.ignored.has(feasible[i].name));
    if (!valid.length) return scores.map(() => 0);
    const min = Math.min(...valid);
    const max = Math.max(...valid);
    return scores.map((v, i) => {
      if (s.ignored.has(feasible[i].name)) return 0;
      if (max === 0) return MAX_NODE_SCORE;
      return Math.trunc((MAX_NODE_SCORE * (max + min - v)) / max);
    });
  },
};

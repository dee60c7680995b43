// Mirrors pkg/scheduler/framework/plugins/interpodaffinity (filtering.go, scoring.go): required pod
// affinity / anti-affinity of the incoming pod and of the pods already running, counted per topology
// domain (node label value of topologyKey); preferred terms score ± weight per matching pod, and
// existing pods' required affinity toward the incoming pod adds hardPodAffinityWeight (1).
// Owns its reason strings.
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from "kubernetes-types/core/v1";
import type { CycleContext, FilterPlugin, NodeInfo, ScorePlugin } from "../types";
import { MAX_NODE_SCORE, unresolvable, unschedulable } from "../types";
import { fromLabelSelector, matches, type Selector } from "../../core/selectors";

export const NAME = "InterPodAffinity";
export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

const HARD_POD_AFFINITY_WEIGHT = 1;

/** framework.AffinityTerm: the term with its namespaces resolved. */
type AffinityTerm = { namespaces: Set<string>; namespaceSelector?: Selector; selector: Selector; topologyKey: string; weight: number };

function toTerm(owner: Pod, t: PodAffinityTerm, weight = 1): AffinityTerm {
  const namespaces = new Set(t.namespaces ?? []);
  if (!namespaces.size && !t.namespaceSelector) namespaces.add(owner.metadata?.namespace ?? "default");
  return {
    namespaces,
    namespaceSelector: t.namespaceSelector ? fromLabelSelector(t.namespaceSelector) : undefined,
    selector: fromLabelSelector(t.labelSelector),
    topologyKey: t.topologyKey,
    weight,
  };
}

function termMatches(term: AffinityTerm, pod: Pod, nsLabels: Record<string, string> | undefined): boolean {
  const ns = pod.metadata?.namespace ?? "default";
  const nsOk = term.namespaces.has(ns) || (term.namespaceSelector !== undefined && nsLabels !== undefined && matches(term.namespaceSelector, nsLabels));
  return nsOk && matches(term.selector, pod.metadata?.labels);
}

const NONE: AffinityTerm[] = [];

function required(pod: Pod, kind: "podAffinity" | "podAntiAffinity"): AffinityTerm[] {
  const terms = pod.spec?.affinity?.[kind]?.requiredDuringSchedulingIgnoredDuringExecution;
  return terms?.length ? terms.map((t) => toTerm(pod, t)) : NONE;
}

function preferred(pod: Pod, kind: "podAffinity" | "podAntiAffinity"): AffinityTerm[] {
  const terms = pod.spec?.affinity?.[kind]?.preferredDuringSchedulingIgnoredDuringExecution;
  return terms?.length ? terms.map((w: WeightedPodAffinityTerm) => toTerm(pod, w.podAffinityTerm, w.weight)) : NONE;
}

const hasPodAffinity = (pod: Pod) => !!(pod.spec?.affinity?.podAffinity || pod.spec?.affinity?.podAntiAffinity);

function nsLabelsOf(ctx: CycleContext, ns: string): Record<string, string> | undefined {
  return ctx.lister.get("namespaces", undefined, ns)?.metadata.labels ?? undefined;
}

/** The incoming pod's terms get their namespaceSelector merged into namespaces (PreFilter/PreScore). */
function mergeNamespaces(ctx: CycleContext, terms: AffinityTerm[]): AffinityTerm[] {
  return terms.map((t) => {
    if (!t.namespaceSelector) return t;
    const namespaces = new Set(t.namespaces);
    for (const ns of ctx.lister.list("namespaces")) if (matches(t.namespaceSelector, ns.metadata.labels)) namespaces.add(ns.metadata.name!);
    return { ...t, namespaces, namespaceSelector: undefined };
  });
}

type Counts = Map<string, number>;
const pairKey = (key: string, value: string) => `${key}\u0000${value}`;

function bump(counts: Counts, info: NodeInfo, key: string, by: number): void {
  const labels = info.node.metadata?.labels ?? {};
  if (!(key in labels)) return;
  const k = pairKey(key, labels[key]);
  counts.set(k, (counts.get(k) ?? 0) + by);
}

type FilterState = { affinity: AffinityTerm[]; anti: AffinityTerm[]; affinityCounts: Counts; antiCounts: Counts; existingAntiCounts: Counts };

function filterState(ctx: CycleContext): FilterState {
  const cached = ctx.state.get(`${NAME}/filter`) as FilterState | undefined;
  if (cached) return cached;
  const pod = ctx.pod;
  const affinity = mergeNamespaces(ctx, required(pod, "podAffinity"));
  const anti = mergeNamespaces(ctx, required(pod, "podAntiAffinity"));
  const podNsLabels = nsLabelsOf(ctx, pod.metadata?.namespace ?? "default");
  const s: FilterState = { affinity, anti, affinityCounts: new Map(), antiCounts: new Map(), existingAntiCounts: new Map() };
  for (const info of ctx.nodes) {
    for (const existing of info.pods) {
      if (!affinity.length && !anti.length && !hasPodAffinity(existing)) continue;
      if (affinity.length && affinity.every((t) => termMatches(t, existing, undefined))) for (const t of affinity) bump(s.affinityCounts, info, t.topologyKey, 1);
      for (const t of anti) if (termMatches(t, existing, undefined)) bump(s.antiCounts, info, t.topologyKey, 1);
      for (const t of required(existing, "podAntiAffinity")) if (termMatches(t, pod, podNsLabels)) bump(s.existingAntiCounts, info, t.topologyKey, 1);
    }
  }
  ctx.state.set(`${NAME}/filter`, s);
  return s;
}

function countAt(counts: Counts, info: NodeInfo, key: string): number | undefined {
  const labels = info.node.metadata?.labels ?? {};
  return key in labels ? counts.get(pairKey(key, labels[key])) ?? 0 : undefined;
}

export const interPodAffinityFilter: FilterPlugin = {
  name: NAME,
  filter(ctx, info) {
    const s = filterState(ctx);
    // satisfyPodAffinity: every term needs a matching pod in this node's domain, and the node needs every key.
    let podsExist = true;
    for (const t of s.affinity) {
      const c = countAt(s.affinityCounts, info, t.topologyKey);
      if (c === undefined) return unresolvable(NAME, ERR_REASON_AFFINITY);
      if (c <= 0) podsExist = false;
    }
    if (!podsExist) {
      // The first pod of a group with affinity to itself may go anywhere its own terms allow.
      const selfMatch = s.affinity.every((t) => termMatches(t, ctx.pod, undefined));
      if (!(s.affinityCounts.size === 0 && selfMatch)) return unresolvable(NAME, ERR_REASON_AFFINITY);
    }
    for (const t of s.anti) if ((countAt(s.antiCounts, info, t.topologyKey) ?? 0) > 0) return unschedulable(NAME, ERR_REASON_ANTI_AFFINITY);
    if (s.existingAntiCounts.size) {
      for (const [k, v] of Object.entries(info.node.metadata?.labels ?? {})) {
        if ((s.existingAntiCounts.get(pairKey(k, v)) ?? 0) > 0) return unschedulable(NAME, ERR_REASON_EXISTING_ANTI_AFFINITY);
      }
    }
    return null;
  },
};

type ScoreState = { topologyScore: Counts; keys: Set<string> };

export const interPodAffinityScore: ScorePlugin = {
  name: NAME,
  weight: 2,
  preScore(ctx) {
    const pod = ctx.pod;
    const prefAffinity = mergeNamespaces(ctx, preferred(pod, "podAffinity"));
    const prefAnti = mergeNamespaces(ctx, preferred(pod, "podAntiAffinity"));
    const podNsLabels = nsLabelsOf(ctx, pod.metadata?.namespace ?? "default");
    const s: ScoreState = { topologyScore: new Map(), keys: new Set() };
    const add = (terms: AffinityTerm[], target: Pod, nsLabels: Record<string, string> | undefined, info: NodeInfo, sign: number, weightOf = (t: AffinityTerm) => t.weight) => {
      for (const t of terms) {
        if (!termMatches(t, target, nsLabels)) continue;
        const labels = info.node.metadata?.labels ?? {};
        if (!(t.topologyKey in labels)) continue;
        s.keys.add(t.topologyKey);
        bump(s.topologyScore, info, t.topologyKey, sign * weightOf(t));
      }
    };
    const incoming = prefAffinity.length > 0 || prefAnti.length > 0;
    for (const info of ctx.nodes) {
      if (!Object.keys(info.node.metadata?.labels ?? {}).length) continue;
      for (const existing of info.pods) {
        if (!incoming && !hasPodAffinity(existing)) continue;
        add(prefAffinity, existing, undefined, info, 1);
        add(prefAnti, existing, undefined, info, -1);
        add(required(existing, "podAffinity"), pod, podNsLabels, info, 1, () => HARD_POD_AFFINITY_WEIGHT);
        add(preferred(existing, "podAffinity"), pod, podNsLabels, info, 1);
        add(preferred(existing, "podAntiAffinity"), pod, podNsLabels, info, -1);
      }
    }
    ctx.state.set(`${NAME}/score`, s);
    return s.topologyScore.size > 0;
  },
  score(ctx, info) {
    const s = ctx.state.get(`${NAME}/score`) as ScoreState;
    let total = 0;
    for (const key of s.keys) total += countAt(s.topologyScore, info, key) ?? 0;
    return total;
  },
  normalize(_ctx, scores) {
    const min = Math.min(...scores);
    const max = Math.max(...scores);
    const diff = max - min;
    return scores.map((v) => (diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((v - min) / diff)) : 0));
  },
};

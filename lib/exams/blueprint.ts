// CKAD exam blueprints: the curriculum's five domains and weights, which bank topics feed each
// domain, and drawing a seeded exam whose points per domain match the weights.
//
// Points are spread so each domain's share equals its weight exactly (up to rounding to 0.1 point):
// 100 points, Environment/Configuration/Security 25 % with 4 tasks → 6.3/6.2/6.3/6.2 points.
// A domain the bank cannot cover is left out and the remaining weights are renormalised; the shares
// actually used are returned so the exam page can show them.
export const CKAD_DOMAINS = [
  { id: "design-build", weight: 20, title: { en: "Application Design and Build", zh: "应用设计与构建" } },
  { id: "deployment", weight: 20, title: { en: "Application Deployment", zh: "应用部署" } },
  { id: "observability", weight: 15, title: { en: "Application Observability and Maintenance", zh: "应用可观测性与维护" } },
  { id: "config-security", weight: 25, title: { en: "Application Environment, Configuration and Security", zh: "应用环境、配置与安全" } },
  { id: "networking", weight: 20, title: { en: "Services and Networking", zh: "服务与网络" } },
] as const;
export type TDomainId = (typeof CKAD_DOMAINS)[number]["id"];

/** Which CKAD domain a bank topic's tasks count toward (the curriculum's own grouping of these skills). */
export const TOPIC_DOMAIN: Record<string, TDomainId> = {
  architecture: "design-build",
  "pod-basics": "design-build",
  "manifest-authoring": "design-build",
  "commands-args": "design-build",
  "image-pull": "design-build",
  "multi-container": "design-build",
  "init-containers": "design-build",
  volumes: "design-build",
  deployments: "deployment",
  statefulsets: "deployment",
  scaling: "deployment",
  "restart-policy": "observability",
  "pod-phases": "observability",
  probes: "observability",
  "lifecycle-hooks": "observability",
  "exec-logs": "observability",
  troubleshooting: "observability",
  resources: "config-security",
  config: "config-security",
  scheduling: "config-security",
  services: "networking",
  ingress: "networking",
  labels: "networking",
};

export type TExamCandidate = { id: string; topic: string; difficulty: "easy" | "medium" | "hard" };
export type TExamTask = { questionId: string; domain: TDomainId; points: number };
export type TExamDraw = {
  tasks: TExamTask[];
  /** Domain → share of points actually used (percent, sums to 100). */
  shares: Record<string, number>;
  /** Domains the bank could not cover. */
  missing: TDomainId[];
};

/** Deterministic PRNG (mulberry32) so the same seed draws the same exam. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffleWith<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A seeded Fisher–Yates shuffle: the same seed gives the same order. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  return shuffleWith(items, rng(seed));
}

/**
 * Draws `taskCount` tasks (e.g. 16) from `candidates` (simulator tasks), allotting tasks to domains by
 * largest remainder of weight × count (at least one per covered domain), then distributing 100 points.
 */
export function drawExam(candidates: readonly TExamCandidate[], taskCount: number, seed: number): TExamDraw {
  const next = rng(seed);
  const byDomain = new Map<TDomainId, TExamCandidate[]>();
  for (const c of [...candidates].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const d = TOPIC_DOMAIN[c.topic];
    if (!d) continue;
    byDomain.set(d, [...(byDomain.get(d) ?? []), c]);
  }
  const covered = CKAD_DOMAINS.filter((d) => (byDomain.get(d.id)?.length ?? 0) > 0);
  const missing = CKAD_DOMAINS.filter((d) => !covered.includes(d)).map((d) => d.id);
  const totalWeight = covered.reduce((s, d) => s + d.weight, 0);
  if (covered.length === 0 || taskCount < 1) return { tasks: [], shares: {}, missing };

  // Tasks per domain: largest remainder, capped by what the bank holds, min 1 each.
  const quotas = covered.map((d) => ({ d, exact: (d.weight / totalWeight) * taskCount }));
  const counts = new Map(quotas.map((q) => [q.d.id, Math.max(1, Math.floor(q.exact))]));
  let assigned = [...counts.values()].reduce((s, n) => s + n, 0);
  const byRemainder = [...quotas].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || b.d.weight - a.d.weight);
  for (let i = 0; assigned < taskCount && i < byRemainder.length * 4; i++) {
    const q = byRemainder[i % byRemainder.length];
    const available = byDomain.get(q.d.id)?.length ?? 0;
    if ((counts.get(q.d.id) ?? 0) < available) {
      counts.set(q.d.id, (counts.get(q.d.id) ?? 0) + 1);
      assigned++;
    }
  }
  // Each domain's share in tenths of a point, rounded by largest remainder so they sum to exactly 1000
  // (weights 25/20/20/15 over 80 → 31.25/25/25/18.75 → 313 + 250 + 250 + 187 tenths).
  const exactTenths = covered.map((d) => (d.weight / totalWeight) * 1000);
  const tenthsOf = exactTenths.map(Math.floor);
  let left = 1000 - tenthsOf.reduce((s, n) => s + n, 0);
  for (const i of exactTenths.map((e, i) => i).sort((a, b) => exactTenths[b] - Math.floor(exactTenths[b]) - (exactTenths[a] - Math.floor(exactTenths[a])) || covered[b].weight - covered[a].weight || a - b)) {
    if (left-- <= 0) break;
    tenthsOf[i]++;
  }
  const tasks: TExamTask[] = [];
  const shares: Record<string, number> = {};
  for (const [index, d] of covered.entries()) {
    const n = Math.min(counts.get(d.id) ?? 1, byDomain.get(d.id)?.length ?? 0);
    const tenths = tenthsOf[index];
    shares[d.id] = tenths / 10;
    const picked = shuffleWith(byDomain.get(d.id) ?? [], next).slice(0, n);
    // Spread the domain's points over its tasks in tenths so they sum exactly to the share.
    picked.forEach((c, i) => {
      const points = (Math.floor(tenths / n) + (i < tenths % n ? 1 : 0)) / 10;
      tasks.push({ questionId: c.id, domain: d.id, points });
    });
  }
  return { tasks: shuffleWith(tasks, next), shares, missing };
}

export type TTaskScore = { questionId: string; domain: TDomainId; points: number; percent: number };

/** Total and per-domain scores; CKAD passes at 66 %. */
export function scoreExam(results: readonly TTaskScore[], passPercent = 66) {
  const perDomain = new Map<TDomainId, { earned: number; possible: number }>();
  let earned = 0;
  let possible = 0;
  for (const r of results) {
    const e = (r.points * Math.min(100, Math.max(0, r.percent))) / 100;
    earned += e;
    possible += r.points;
    const d = perDomain.get(r.domain) ?? { earned: 0, possible: 0 };
    d.earned += e;
    d.possible += r.points;
    perDomain.set(r.domain, d);
  }
  const percent = possible > 0 ? (earned / possible) * 100 : 0;
  return {
    earned: round1(earned),
    possible: round1(possible),
    percent: round1(percent),
    passed: percent >= passPercent,
    domains: CKAD_DOMAINS.filter((d) => perDomain.has(d.id)).map((d) => {
      const v = perDomain.get(d.id)!;
      return { domain: d.id, earned: round1(v.earned), possible: round1(v.possible), percent: round1(v.possible ? (v.earned / v.possible) * 100 : 0) };
    }),
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

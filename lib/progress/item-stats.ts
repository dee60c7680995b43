// Classical item analysis for one assignment (pure): per question its difficulty (proportion of
// the marks earned), discrimination (upper minus lower 27 % of learners ranked by total score,
// Kelley's groups), the most chosen wrong options, each check's failure rate, the median time, and
// flags for questions that look broken. One response per learner and question (their first).

export type TItemResponse = {
  userId: string;
  questionId: string;
  /** score / maxScore, 0…1. */
  fraction: number;
  /** Choice types: the option ids the learner picked. */
  chosen?: readonly string[];
  /** Simulator tasks: each check and whether it passed. */
  checks?: readonly { id: string; passed: boolean }[];
  /** From opening the question to the graded submit. */
  timeMs?: number;
};

export type TItemFlag = { kind: "too-hard"; difficulty: number } | { kind: "negative-discrimination"; discrimination: number } | { kind: "check-always-fails"; checkId: string };

export type TItemStats = {
  questionId: string;
  responses: number;
  /** Mean fraction of the marks earned; null without responses. */
  difficulty: number | null;
  /** −1…1; null when fewer than 2 learners per group can be formed. */
  discrimination: number | null;
  wrongChoices: { choice: string; count: number }[];
  checkFailures: { checkId: string; failed: number; total: number; rate: number }[];
  medianTimeMs: number | null;
  flags: TItemFlag[];
};

/** Below this proportion correct a question is flagged: almost nobody gets it, often a bad key. */
export const TOO_HARD_BELOW = 0.1;
/** A check must have failed for everyone in at least this many responses to be flagged. */
const CHECK_FLAG_MIN_RESPONSES = 3;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

/** Learners ranked by total score (sum of fractions), highest first; ties by id so it is stable. */
export function rankByTotal(responses: readonly TItemResponse[]): string[] {
  const totals = new Map<string, number>();
  for (const r of responses) totals.set(r.userId, (totals.get(r.userId) ?? 0) + r.fraction);
  return [...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([id]) => id);
}

/**
 * Upper and lower groups: 27 % of the ranked learners each, rounded, at least 1 — 10 learners →
 * round(2.7) = 3 in each group. Needs 2 learners at least (else the groups would overlap).
 */
export function extremeGroups(ranked: readonly string[]): { upper: string[]; lower: string[] } | null {
  if (ranked.length < 2) return null;
  const n = Math.min(Math.floor(ranked.length / 2), Math.max(1, Math.round(ranked.length * 0.27)));
  return { upper: ranked.slice(0, n), lower: ranked.slice(ranked.length - n) };
}

export function itemStats(questionId: string, all: readonly TItemResponse[], options: { correctChoices?: readonly string[] } = {}): TItemStats {
  const responses = all.filter((r) => r.questionId === questionId);
  const difficulty = mean(responses.map((r) => r.fraction));

  let discrimination: number | null = null;
  const groups = extremeGroups(rankByTotal(all));
  if (groups) {
    const of = (ids: string[]) => ids.map((id) => responses.find((r) => r.userId === id)?.fraction ?? 0);
    const upper = mean(of(groups.upper));
    const lower = mean(of(groups.lower));
    if (upper !== null && lower !== null) discrimination = Math.round((upper - lower) * 1000) / 1000;
  }

  const correct = new Set(options.correctChoices ?? []);
  const wrong = new Map<string, number>();
  for (const r of responses) for (const c of r.chosen ?? []) if (!correct.has(c)) wrong.set(c, (wrong.get(c) ?? 0) + 1);
  const wrongChoices = [...wrong.entries()].map(([choice, count]) => ({ choice, count })).sort((a, b) => b.count - a.count || (a.choice < b.choice ? -1 : 1));

  const checks = new Map<string, { failed: number; total: number }>();
  for (const r of responses) {
    for (const c of r.checks ?? []) {
      const entry = checks.get(c.id) ?? { failed: 0, total: 0 };
      entry.total += 1;
      if (!c.passed) entry.failed += 1;
      checks.set(c.id, entry);
    }
  }
  const checkFailures = [...checks.entries()]
    .map(([checkId, e]) => ({ checkId, ...e, rate: e.failed / e.total }))
    .sort((a, b) => b.rate - a.rate || (a.checkId < b.checkId ? -1 : 1));

  const flags: TItemFlag[] = [];
  if (difficulty !== null && responses.length > 0 && difficulty < TOO_HARD_BELOW) flags.push({ kind: "too-hard", difficulty });
  if (discrimination !== null && discrimination < 0) flags.push({ kind: "negative-discrimination", discrimination });
  for (const c of checkFailures) if (c.total >= CHECK_FLAG_MIN_RESPONSES && c.failed === c.total) flags.push({ kind: "check-always-fails", checkId: c.checkId });

  return {
    questionId,
    responses: responses.length,
    difficulty: difficulty === null ? null : Math.round(difficulty * 1000) / 1000,
    discrimination,
    wrongChoices,
    checkFailures,
    medianTimeMs: median(responses.flatMap((r) => (r.timeMs === undefined ? [] : [r.timeMs]))),
    flags,
  };
}

// Mastery per objective and per topic from graded answers, weighted by recency and difficulty.
//
// Each graded answer contributes its percent (0–100) to every objective its question covers, with
// weight = recency × difficulty:
//   recency    = 0.5 ^ (ageDays / 14)          (an answer two weeks old counts half as much)
//   difficulty = easy 1, medium 1.25, hard 1.5 (hard questions say more about mastery)
// mastery = Σ(w·percent) / Σw, then scaled by the evidence it rests on, confidence = Σw / (Σw + 1),
// so one perfect answer gives 50 %, two recent ones 67 %, and mastery climbs toward the true rate as
// evidence accumulates. Only the latest answer per question per day counts, so hammering retry on one
// question does not inflate mastery.

export type TDifficulty = "easy" | "medium" | "hard";

export type TGradedAnswer = {
  questionId: string;
  objectives: readonly string[];
  topic: string;
  difficulty: TDifficulty;
  /** 0–100. */
  percent: number;
  /** ms since epoch. */
  at: number;
};

export type TMastery = {
  /** 0–100, evidence-scaled. */
  mastery: number;
  /** Unscaled weighted accuracy, 0–100 (null without answers). */
  accuracy: number | null;
  answers: number;
  lastAt: number | null;
};

const HALF_LIFE_DAYS = 14;
const DAY_MS = 24 * 3600 * 1000;
const DIFFICULTY_WEIGHT: Record<TDifficulty, number> = { easy: 1, medium: 1.25, hard: 1.5 };

export function answerWeight(answer: Pick<TGradedAnswer, "difficulty" | "at">, now: number): number {
  const ageDays = Math.max(0, now - answer.at) / DAY_MS;
  return Math.pow(0.5, ageDays / HALF_LIFE_DAYS) * DIFFICULTY_WEIGHT[answer.difficulty];
}

/** Keeps the latest answer per (question, UTC day). */
export function dedupeAnswers(answers: readonly TGradedAnswer[]): TGradedAnswer[] {
  const latest = new Map<string, TGradedAnswer>();
  for (const a of answers) {
    const key = `${a.questionId}@${Math.floor(a.at / DAY_MS)}`;
    const seen = latest.get(key);
    if (!seen || seen.at <= a.at) latest.set(key, a);
  }
  return [...latest.values()];
}

function summarise(answers: readonly TGradedAnswer[], now: number): TMastery {
  if (answers.length === 0) return { mastery: 0, accuracy: null, answers: 0, lastAt: null };
  let weight = 0;
  let weighted = 0;
  let lastAt = -Infinity;
  for (const a of answers) {
    const w = answerWeight(a, now);
    weight += w;
    weighted += w * clampPercent(a.percent);
    lastAt = Math.max(lastAt, a.at);
  }
  const accuracy = weight > 0 ? weighted / weight : 0;
  const confidence = weight / (weight + 1);
  return { mastery: round1(accuracy * confidence), accuracy: round1(accuracy), answers: answers.length, lastAt };
}

export function masteryByObjective(answers: readonly TGradedAnswer[], now: number): Map<string, TMastery> {
  const byObjective = new Map<string, TGradedAnswer[]>();
  for (const a of dedupeAnswers(answers)) {
    for (const o of a.objectives) {
      const list = byObjective.get(o) ?? [];
      list.push(a);
      byObjective.set(o, list);
    }
  }
  return new Map([...byObjective].map(([o, list]) => [o, summarise(list, now)]));
}

/**
 * A topic's mastery is the mean over ALL its syllabus objectives (unanswered ones count 0), so a topic is
 * mastered only when its whole syllabus is.
 */
export function masteryByTopic(
  answers: readonly TGradedAnswer[],
  objectivesByTopic: ReadonlyMap<string, readonly string[]>,
  now: number,
): Map<string, TMastery & { objectives: number; covered: number }> {
  const perObjective = masteryByObjective(answers, now);
  const out = new Map<string, TMastery & { objectives: number; covered: number }>();
  for (const [topic, objectives] of objectivesByTopic) {
    const topicAnswers = dedupeAnswers(answers).filter((a) => a.topic === topic);
    const base = summarise(topicAnswers, now);
    const values = objectives.map((o) => perObjective.get(o)?.mastery ?? 0);
    const covered = objectives.filter((o) => perObjective.has(o)).length;
    const mastery = values.length ? round1(values.reduce((s, v) => s + v, 0) / values.length) : 0;
    out.set(topic, { ...base, mastery, objectives: objectives.length, covered });
  }
  return out;
}

/** The objectives to practise next: lowest mastery first, unanswered before weak, ties by id. */
export function weakestObjectives(
  perObjective: ReadonlyMap<string, TMastery>,
  allObjectives: readonly string[],
  count: number,
): string[] {
  return [...allObjectives]
    .sort((a, b) => {
      const ma = perObjective.get(a);
      const mb = perObjective.get(b);
      const sa = ma ? ma.mastery : -1;
      const sb = mb ? mb.mastery : -1;
      return sa - sb || (a < b ? -1 : a > b ? 1 : 0);
    })
    .slice(0, count);
}

function clampPercent(p: number): number {
  return Number.isFinite(p) ? Math.min(100, Math.max(0, p)) : 0;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

// Progress for the signed-in learner: mastery per topic and objective, accuracy and volume over time,
// exam scores over time, time spent, and the spaced-review queue. Also records a review (FSRS) for
// every graded answer. Every read is scoped to the acting user; results are small DTOs.
import "server-only";
import { db, type TDb } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/guard";
import { masteryByObjective, masteryByTopic, weakestObjectives, type TDifficulty, type TGradedAnswer } from "@/lib/progress/mastery";
import { dueQueue, reviewCard, type TCardState, type TReviewCard } from "@/lib/progress/review";
import { loadBankSync } from "@/lib/bank/load-bank";
import { TOPICS } from "@/lib/questions/schema";

const DAY_MS = 24 * 3600 * 1000;
/** An attempt open longer than this counts only this much toward time spent (a tab left open overnight). */
const MAX_ATTEMPT_MS = 30 * 60 * 1000;
const RATING_VALUE = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;

type TQuestionMeta = { objectives: string[]; difficulty: TDifficulty; topic: string };

let syllabusCache: { byTopic: Map<string, string[]>; all: string[]; statements: Map<string, { en: string; zh: string }> } | undefined;

function syllabus() {
  if (!syllabusCache) {
    const bank = loadBankSync();
    const byTopic = new Map<string, string[]>(TOPICS.map((t) => [t, []]));
    for (const o of bank.syllabus) byTopic.get(o.topic)?.push(o.id);
    syllabusCache = {
      byTopic,
      all: bank.syllabus.map((o) => o.id),
      statements: new Map(bank.syllabus.map((o) => [o.id, { en: o.statement_en, zh: o.statement_zh }])),
    };
  }
  return syllabusCache;
}

function questionMeta(content: unknown, fallbackTopic: string): TQuestionMeta {
  const c = (content ?? {}) as { objectives?: unknown; difficulty?: unknown; topic?: unknown };
  return {
    objectives: Array.isArray(c.objectives) ? c.objectives.filter((o): o is string => typeof o === "string") : [],
    difficulty: c.difficulty === "easy" || c.difficulty === "hard" ? c.difficulty : "medium",
    topic: typeof c.topic === "string" ? c.topic : fallbackTopic,
  };
}

/** Valid, graded answers of one user, newest last, as the mastery model's input. */
async function gradedAnswers(client: TDb, userId: string): Promise<(TGradedAnswer & { mode: string; durationMs: number })[]> {
  const rows = await client.answer.findMany({
    where: { attempt: { userId }, valid: true, score: { not: null }, maxScore: { gt: 0 }, gradedAt: { not: null } },
    orderBy: [{ gradedAt: "asc" }, { id: "asc" }],
    select: {
      score: true,
      maxScore: true,
      gradedAt: true,
      questionVersion: { select: { questionId: true, content: true, question: { select: { topic: true } } } },
      attempt: { select: { mode: true, startedAt: true } },
    },
  });
  return rows.map((r) => {
    const meta = questionMeta(r.questionVersion.content, r.questionVersion.question.topic);
    const at = r.gradedAt!.getTime();
    return {
      questionId: r.questionVersion.questionId,
      objectives: meta.objectives,
      topic: meta.topic,
      difficulty: meta.difficulty,
      percent: (100 * (r.score ?? 0)) / (r.maxScore ?? 1),
      at,
      mode: r.attempt.mode,
      durationMs: Math.min(MAX_ATTEMPT_MS, Math.max(0, at - r.attempt.startedAt.getTime())),
    };
  });
}

export type TTopicMasteryDto = { topic: string; mastery: number; accuracy: number | null; answers: number; objectives: number; covered: number };
export type TDayDto = { day: string; answers: number; accuracy: number | null; minutes: number };
export type TExamPointDto = { id: string; at: string; percent: number; passed: boolean; title: string; slug: string };
export type TDashboardDto = {
  topics: TTopicMasteryDto[];
  days: TDayDto[];
  exams: TExamPointDto[];
  totals: { answers: number; questions: number; minutes: number; accuracy: number | null; dueReviews: number };
  weakest: { objective: string; topic: string; mastery: number | null; statement: { en: string; zh: string } }[];
};

/** The dashboard of the acting user (their own data only). `now` is injectable for tests. */
export async function getDashboard(actor: CurrentUser, options: { days?: number; now?: Date; client?: TDb } = {}): Promise<TDashboardDto> {
  const client = options.client ?? db;
  const now = (options.now ?? new Date()).getTime();
  const span = Math.min(Math.max(options.days ?? 30, 7), 365);
  const answers = await gradedAnswers(client, actor.id);
  const { byTopic, all, statements } = syllabus();
  const topicMastery = masteryByTopic(answers, byTopic, now);
  const perObjective = masteryByObjective(answers, now);

  const startDay = Math.floor(now / DAY_MS) - (span - 1);
  const days: TDayDto[] = [];
  for (let d = 0; d < span; d++) {
    const dayStart = (startDay + d) * DAY_MS;
    const inDay = answers.filter((a) => a.at >= dayStart && a.at < dayStart + DAY_MS);
    days.push({
      day: new Date(dayStart).toISOString().slice(0, 10),
      answers: inDay.length,
      accuracy: inDay.length ? round1(inDay.reduce((s, a) => s + a.percent, 0) / inDay.length) : null,
      minutes: round1(inDay.reduce((s, a) => s + a.durationMs, 0) / 60000),
    });
  }

  const exams = await client.examSession.findMany({
    where: { userId: actor.id, score: { not: null }, maxScore: { gt: 0 }, status: { in: ["submitted", "expired"] } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: 100,
    select: { id: true, score: true, maxScore: true, submittedAt: true, startedAt: true, template: { select: { title: true, slug: true, passingScore: true } } },
  });
  const dueReviews = await client.reviewCard.count({ where: { userId: actor.id, due: { lte: new Date(now) } } });

  return {
    topics: TOPICS.map((topic) => {
      const m = topicMastery.get(topic);
      return { topic, mastery: m?.mastery ?? 0, accuracy: m?.accuracy ?? null, answers: m?.answers ?? 0, objectives: m?.objectives ?? 0, covered: m?.covered ?? 0 };
    }),
    days,
    exams: exams.map((e) => {
      const percent = round1((100 * (e.score ?? 0)) / (e.maxScore ?? 1));
      return { id: e.id, at: (e.submittedAt ?? e.startedAt).toISOString(), percent, passed: percent >= e.template.passingScore, title: e.template.title, slug: e.template.slug };
    }),
    totals: {
      answers: answers.length,
      questions: new Set(answers.map((a) => a.questionId)).size,
      minutes: round1(answers.reduce((s, a) => s + a.durationMs, 0) / 60000),
      accuracy: answers.length ? round1(answers.reduce((s, a) => s + a.percent, 0) / answers.length) : null,
      dueReviews,
    },
    weakest: weakestObjectives(perObjective, all, 5).map((objective) => ({
      objective,
      topic: objective.split(".")[0],
      mastery: perObjective.get(objective)?.mastery ?? null,
      statement: statements.get(objective) ?? { en: objective, zh: objective },
    })),
  };
}

/**
 * Records the FSRS review for one graded answer (call it in the same transaction that stores the
 * grade). Idempotent per answer: a second call for the same answer changes nothing.
 */
export async function recordReview(
  client: Pick<TDb, "reviewCard" | "reviewLog">,
  input: { userId: string; questionId: string; answerId: string; percent: number; at: Date },
): Promise<{ due: Date; state: TCardState }> {
  const existing = await client.reviewCard.findUnique({ where: { userId_questionId: { userId: input.userId, questionId: input.questionId } } });
  if (existing) {
    const already = await client.reviewLog.findFirst({ where: { cardId: existing.id, answerId: input.answerId }, select: { id: true } });
    if (already) return { due: existing.due, state: existing.state as TCardState };
  }
  const before: TReviewCard | null = existing
    ? {
        due: existing.due,
        stability: existing.stability,
        difficulty: existing.difficulty,
        elapsedDays: existing.elapsedDays,
        scheduledDays: existing.scheduledDays,
        learningSteps: existing.learningSteps,
        reps: existing.reps,
        lapses: existing.lapses,
        state: existing.state as TCardState,
        lastReview: existing.lastReview,
      }
    : null;
  const outcome = reviewCard(before, input.percent, input.at);
  const data = { ...outcome.card };
  const card = await client.reviewCard.upsert({
    where: { userId_questionId: { userId: input.userId, questionId: input.questionId } },
    create: { userId: input.userId, questionId: input.questionId, ...data },
    update: data,
  });
  await client.reviewLog.create({
    data: {
      cardId: card.id,
      rating: RATING_VALUE[outcome.rating],
      state: before?.state ?? "New",
      due: outcome.card.due,
      stability: outcome.card.stability,
      difficulty: outcome.card.difficulty,
      elapsedDays: outcome.log.elapsedDays,
      lastElapsedDays: before?.elapsedDays ?? 0,
      scheduledDays: outcome.card.scheduledDays,
      learningSteps: outcome.card.learningSteps,
      review: input.at,
      answerId: input.answerId,
    },
  });
  return { due: outcome.card.due, state: outcome.card.state };
}

export type TReviewItemDto = { questionId: string; topic: string; due: string; state: TCardState; lapses: number; reps: number };

/** Today's review queue: the acting user's cards that are due, most overdue first. */
export async function getReviewQueue(actor: CurrentUser, options: { now?: Date; limit?: number; client?: TDb } = {}): Promise<{ due: TReviewItemDto[]; upcoming: number }> {
  const client = options.client ?? db;
  const now = options.now ?? new Date();
  const rows = await client.reviewCard.findMany({
    where: { userId: actor.id, question: { retiredAt: null } },
    select: { questionId: true, due: true, stability: true, difficulty: true, elapsedDays: true, scheduledDays: true, learningSteps: true, reps: true, lapses: true, state: true, lastReview: true, question: { select: { topic: true } } },
  });
  const cards = rows.map((r) => ({
    key: r.questionId,
    topic: r.question.topic,
    card: { ...r, state: r.state as TCardState } as TReviewCard,
  }));
  const due = dueQueue(cards, now, Math.min(options.limit ?? 50, 200));
  return {
    due: due.map((c) => ({ questionId: c.key, topic: c.topic, due: c.card.due.toISOString(), state: c.card.state, lapses: c.card.lapses, reps: c.card.reps })),
    upcoming: cards.length - due.length,
  };
}

/** Question ids for a "weakest objectives" practice set: unanswered or weakest objectives first. */
export async function weakestPracticeSet(
  actor: CurrentUser,
  options: { count?: number; now?: Date; client?: TDb } = {},
): Promise<{ objectives: string[]; questionIds: string[]; questions: { id: string; title: { en: string; zh: string } }[] }> {
  const client = options.client ?? db;
  const now = (options.now ?? new Date()).getTime();
  const answers = await gradedAnswers(client, actor.id);
  const { all } = syllabus();
  const objectives = weakestObjectives(masteryByObjective(answers, now), all, 5);
  const versions = await client.question.findMany({
    where: { retiredAt: null, currentVersionId: { not: null }, topic: { in: [...new Set(objectives.map((o) => o.split(".")[0]))] } },
    select: { id: true, currentVersion: { select: { content: true } } },
    orderBy: { id: "asc" },
  });
  const wanted = new Set(objectives);
  const questions = versions
    .filter((v) => questionMeta(v.currentVersion?.content, "").objectives.some((o) => wanted.has(o)))
    .slice(0, Math.min(options.count ?? 10, 50))
    .map((v) => ({ id: v.id, title: promptTitle(v.currentVersion?.content, v.id) }));
  return { objectives, questionIds: questions.map((q) => q.id), questions };
}

/** The first line of a question's prompt, without Markdown emphasis, as a list title. */
function promptTitle(content: unknown, fallback: string): { en: string; zh: string } {
  const prompt = ((content ?? {}) as { prompt?: { en?: unknown; zh?: unknown } }).prompt ?? {};
  const first = (text: unknown) => (typeof text === "string" ? text.trim().split("\n")[0].replace(/[*_`#>]/g, "").slice(0, 140) : fallback);
  return { en: first(prompt.en), zh: first(prompt.zh) };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

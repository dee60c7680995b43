// The question bank as the practice pages see it: the served questions with the signed-in learner's
// status on each, progress per syllabus topic, and the syllabus itself. Question content is read
// from the database (the seed wrote it from questions/); the syllabus and the study notes are read
// from questions/ on disk, once per process.
import "server-only";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n";
import {
  parseSyllabus,
  QUESTION_TYPES,
  TOPICS,
  ZQuestion,
  ZTopic,
  type TObjective,
  type TQuestion,
  type TQuestionType,
  type TText,
  type TTopic,
} from "@/lib/questions";

export const PRACTICE_STATUSES = ["new", "wrong", "correct", "due"] as const;
export type TPracticeStatus = (typeof PRACTICE_STATUSES)[number];

export const ZPracticeFilters = z
  .object({
    topic: ZTopic.optional(),
    objective: z.string().trim().max(120).optional(),
    type: z.enum(QUESTION_TYPES).optional(),
    difficulty: z.enum(["easy", "medium", "hard"]).optional(),
    status: z.enum(PRACTICE_STATUSES).optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict();
export type TPracticeFilters = z.infer<typeof ZPracticeFilters>;

export type TPracticeQuestionSummary = {
  id: string;
  topic: TTopic;
  type: TQuestionType;
  difficulty: "easy" | "medium" | "hard";
  objectives: string[];
  /** The first line of the prompt in the requested language. */
  title: string;
  status: TPracticeStatus;
  /** 0–100, of the most recent graded practice attempt; null when never graded. */
  lastScorePercent: number | null;
};

export type TTopicProgress = {
  topic: TTopic;
  /** Syllabus objectives of the topic. */
  objectives: number;
  /** Questions served in the topic. */
  questions: number;
  /** Questions of the topic the learner has a graded practice attempt on. */
  answered: number;
  /** 0–100; see masteryByObjective. */
  masteryPercent: number;
};

export type TSyllabusObjective = {
  id: string;
  skill: TObjective["skill"];
  statement: TText;
  gradableBySimulator: boolean;
};
export type TSyllabusTopic = { topic: TTopic; objectives: TSyllabusObjective[] };

// ─── Question content ────────────────────────────────────────────────────────────────────────────

// A version's content never changes (a new file content is a new version), so parsed content can
// be cached by version id for the life of the process, on every instance alike.
const contentCache = new Map<string, TQuestion | null>();
const CONTENT_CACHE_LIMIT = 5_000;

/** The stored content of a version, re-validated; null when it is not a valid question. */
export function parseVersionContent(versionId: string, content: unknown): TQuestion | null {
  const cached = contentCache.get(versionId);
  if (cached !== undefined) return cached;
  const parsed = ZQuestion.safeParse(content);
  const value = parsed.success ? parsed.data : null;
  if (contentCache.size >= CONTENT_CACHE_LIMIT) contentCache.clear();
  contentCache.set(versionId, value);
  return value;
}

/** The content of one version by id (cached), or null when missing or invalid. */
export async function loadVersionContent(versionId: string): Promise<TQuestion | null> {
  const cached = contentCache.get(versionId);
  if (cached !== undefined) return cached;
  const row = await db.questionVersion.findUnique({ where: { id: versionId }, select: { content: true } });
  return row ? parseVersionContent(versionId, row.content) : null;
}

type TServedQuestion = { id: string; versionId: string; content: TQuestion };

/** Every question currently served (not retired, with a valid current version), in topic order. */
export async function loadServedQuestions(): Promise<TServedQuestion[]> {
  const rows = await db.question.findMany({
    where: { retiredAt: null, currentVersionId: { not: null } },
    select: { id: true, currentVersionId: true },
  });
  const missing = rows.filter((r) => !contentCache.has(r.currentVersionId!)).map((r) => r.currentVersionId!);
  if (missing.length > 0) {
    const versions = await db.questionVersion.findMany({ where: { id: { in: missing } }, select: { id: true, content: true } });
    for (const v of versions) parseVersionContent(v.id, v.content);
  }
  const served: TServedQuestion[] = [];
  for (const row of rows) {
    const content = contentCache.get(row.currentVersionId!);
    if (content) served.push({ id: row.id, versionId: row.currentVersionId!, content });
  }
  return served.sort((a, b) => TOPICS.indexOf(a.content.topic) - TOPICS.indexOf(b.content.topic) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// ─── Learner history ─────────────────────────────────────────────────────────────────────────────

type TGradedAttempt = { questionId: string; percent: number; submittedAt: Date };

/** 0–100 with one decimal: 2 of 3 → 66.7. */
export function toPercent(score: number | null, maxScore: number | null): number | null {
  if (score === null || maxScore === null) return null;
  if (maxScore <= 0) return 0;
  return Math.round((score / maxScore) * 1000) / 10;
}

/** The learner's graded practice attempts, newest first. */
async function gradedAttempts(userId: string): Promise<TGradedAttempt[]> {
  const rows = await db.attempt.findMany({
    where: { userId, mode: "practice", status: "graded", questionId: { not: null } },
    select: { questionId: true, score: true, maxScore: true, submittedAt: true, startedAt: true },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
  });
  return rows.map((r) => ({
    questionId: r.questionId!,
    percent: toPercent(r.score, r.maxScore) ?? 0,
    submittedAt: r.submittedAt ?? r.startedAt,
  }));
}

// ─── Listing ─────────────────────────────────────────────────────────────────────────────────────

function titleOf(prompt: TText, locale: Locale): string {
  const line = prompt[locale].split("\n").map((l) => l.replace(/^#+\s*/, "").trim()).find((l) => l !== "") ?? "";
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}

/**
 * The practice list: served questions matching the filters, each with the learner's status:
 * "due" when their review card is due, else "correct" (last graded attempt scored 100%), "wrong"
 * (it scored less), or "new" (never graded).
 */
export async function listPracticeQuestions(
  user: CurrentUser,
  filters: TPracticeFilters = {},
  locale: Locale = user.locale ?? DEFAULT_LOCALE,
): Promise<TPracticeQuestionSummary[]> {
  const parsed = ZPracticeFilters.safeParse(filters);
  if (!parsed.success) throw new AppError("VALIDATION");
  const f = parsed.data;
  const now = new Date();
  const [served, attempts, dueCards] = await Promise.all([
    loadServedQuestions(),
    gradedAttempts(user.id),
    db.reviewCard.findMany({ where: { userId: user.id, due: { lte: now } }, select: { questionId: true } }),
  ]);
  const last = new Map<string, number>();
  for (const a of attempts) if (!last.has(a.questionId)) last.set(a.questionId, a.percent);
  const due = new Set(dueCards.map((c) => c.questionId));
  const needle = f.q?.toLowerCase();

  const out: TPracticeQuestionSummary[] = [];
  for (const { id, content: q } of served) {
    if (f.topic && q.topic !== f.topic) continue;
    if (f.type && q.type !== f.type) continue;
    if (f.difficulty && q.difficulty !== f.difficulty) continue;
    if (f.objective && !q.objectives.includes(f.objective)) continue;
    if (needle) {
      const haystack = [id, q.prompt.en, q.prompt.zh, ...q.tags, ...q.objectives].join("\n").toLowerCase();
      if (!haystack.includes(needle)) continue;
    }
    const lastPercent = last.get(id) ?? null;
    const status: TPracticeStatus = due.has(id) ? "due" : lastPercent === null ? "new" : lastPercent >= 100 ? "correct" : "wrong";
    if (f.status && status !== f.status) continue;
    out.push({
      id,
      topic: q.topic,
      type: q.type,
      difficulty: q.difficulty,
      objectives: [...q.objectives],
      title: titleOf(q.prompt, locale),
      status,
      lastScorePercent: lastPercent,
    });
  }
  return out;
}

// ─── Mastery ─────────────────────────────────────────────────────────────────────────────────────

/** Attempts per question that count toward "best recent". */
const RECENT_ATTEMPTS = 3;
/** A question answered this many days ago weighs half as much as one answered today. */
const HALF_LIFE_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * Mastery of each objective, 0–100: for every question covering the objective that the learner has
 * graded, take the best percent of its 3 most recent graded attempts, then average those per
 * question with weights halving every 30 days since the question was last answered.
 * Example: question A best 100% answered today (weight 1), question B best 50% answered 30 days ago
 * (weight 0.5) → (100·1 + 50·0.5) / 1.5 = 83.3. Objectives without a graded question are absent.
 */
export function masteryByObjective(
  attempts: readonly TGradedAttempt[],
  objectivesOf: ReadonlyMap<string, readonly string[]>,
  now: Date,
): Map<string, number> {
  const perQuestion = new Map<string, { recent: number[]; lastAt: Date }>();
  // attempts are newest first, so the first RECENT_ATTEMPTS seen per question are the recent ones.
  for (const a of attempts) {
    const entry = perQuestion.get(a.questionId) ?? { recent: [], lastAt: a.submittedAt };
    if (entry.recent.length < RECENT_ATTEMPTS) entry.recent.push(a.percent);
    if (a.submittedAt > entry.lastAt) entry.lastAt = a.submittedAt;
    perQuestion.set(a.questionId, entry);
  }
  const sums = new Map<string, { weighted: number; weights: number }>();
  for (const [questionId, entry] of perQuestion) {
    const best = Math.max(...entry.recent);
    const ageDays = Math.max(0, (now.getTime() - entry.lastAt.getTime()) / DAY_MS);
    const weight = 0.5 ** (ageDays / HALF_LIFE_DAYS);
    for (const objective of objectivesOf.get(questionId) ?? []) {
      const sum = sums.get(objective) ?? { weighted: 0, weights: 0 };
      sum.weighted += best * weight;
      sum.weights += weight;
      sums.set(objective, sum);
    }
  }
  const mastery = new Map<string, number>();
  for (const [objective, sum] of sums) mastery.set(objective, sum.weights > 0 ? sum.weighted / sum.weights : 0);
  return mastery;
}

/**
 * Progress per syllabus topic. A topic's mastery is the mean of its objectives' mastery, an
 * objective never practised counting 0: covering the syllabus is part of mastering it.
 */
export async function topicOverview(user: CurrentUser, now: Date = new Date()): Promise<TTopicProgress[]> {
  const [served, attempts] = await Promise.all([loadServedQuestions(), gradedAttempts(user.id)]);
  const syllabus = getSyllabus();
  const objectivesOf = new Map(served.map((s) => [s.id, s.content.objectives]));
  const mastery = masteryByObjective(attempts, objectivesOf, now);
  const answeredIds = new Set(attempts.map((a) => a.questionId));
  return syllabus.map(({ topic, objectives }) => {
    const inTopic = served.filter((s) => s.content.topic === topic);
    const total = objectives.reduce((sum, o) => sum + (mastery.get(o.id) ?? 0), 0);
    return {
      topic,
      objectives: objectives.length,
      questions: inTopic.length,
      answered: inTopic.filter((s) => answeredIds.has(s.id)).length,
      masteryPercent: objectives.length > 0 ? Math.round((total / objectives.length) * 10) / 10 : 0,
    };
  });
}

// ─── Syllabus and notes (from disk, once per process) ────────────────────────────────────────────

function bankDir(): string {
  return path.join(process.cwd(), "questions");
}

let syllabusCache: TSyllabusTopic[] | undefined;

/** The syllabus grouped by topic, in the order the notes teach them. */
export function getSyllabus(): TSyllabusTopic[] {
  if (syllabusCache) return syllabusCache;
  const file = path.join(bankDir(), "syllabus.yaml");
  const parsed = parseSyllabus("syllabus.yaml", readFileSync(file, "utf8"));
  if (!parsed.ok) throw new Error(`questions/syllabus.yaml is invalid: ${parsed.errors.map((e) => `${e.path} ${e.message}`).join("; ")}`);
  syllabusCache = TOPICS.map((topic) => ({
    topic,
    objectives: parsed.value
      .filter((o) => o.topic === topic)
      .map((o) => ({
        id: o.id,
        skill: o.skill,
        statement: { en: o.statement_en, zh: o.statement_zh },
        gradableBySimulator: o.gradable_by_simulator,
      })),
  }));
  return syllabusCache;
}

export type TNoteExcerpt = {
  /** As written in the question: "003_6d1f2f67c12c14ba.txt#4.7.5 Pod中容器重启策略". */
  source: string;
  file: string;
  anchor: string;
  /** The section under the heading (or the line range), trimmed; null when it cannot be found. */
  excerpt: string | null;
};

const noteCache = new Map<string, string[] | null>();
const EXCERPT_MAX_LINES = 30;
const EXCERPT_MAX_CHARS = 2_000;

function noteLines(file: string): string[] | null {
  if (!/^\d{3}_[0-9a-f]{16}\.txt$/.test(file)) return null;
  if (!noteCache.has(file)) {
    const full = path.join(bankDir(), "notes", file);
    noteCache.set(file, existsSync(full) ? readFileSync(full, "utf8").replace(/\r\n/g, "\n").split("\n") : null);
  }
  return noteCache.get(file) ?? null;
}

function headingLevel(line: string): number {
  const m = /^(#{1,6})\s/.exec(line);
  return m ? m[1].length : 0;
}

/** The note text a question's source points at: a heading's section, or "L<first>-<last>". */
export function noteExcerpt(source: string): TNoteExcerpt {
  const hash = source.indexOf("#");
  const file = hash >= 0 ? source.slice(0, hash) : source;
  const anchor = hash >= 0 ? source.slice(hash + 1) : "";
  const lines = noteLines(file);
  const result = (excerptLines: string[] | null): TNoteExcerpt => {
    if (!excerptLines) return { source, file, anchor, excerpt: null };
    let text = excerptLines.slice(0, EXCERPT_MAX_LINES).join("\n").trim();
    if (text.length > EXCERPT_MAX_CHARS) text = `${text.slice(0, EXCERPT_MAX_CHARS - 1)}…`;
    return { source, file, anchor, excerpt: text || null };
  };
  if (!lines) return result(null);
  const range = /^L(\d+)-(\d+)$/.exec(anchor);
  if (range) {
    const first = Number(range[1]);
    const lastLine = Number(range[2]);
    return result(first >= 1 && lastLine >= first ? lines.slice(first - 1, lastLine) : null);
  }
  const wanted = anchor.trim();
  const start = lines.findIndex((l) => headingLevel(l) > 0 && l.replace(/^#+\s*/, "").trim() === wanted);
  const fallback = start >= 0 ? start : lines.findIndex((l) => headingLevel(l) > 0 && l.replace(/^#+\s*/, "").trim().startsWith(wanted));
  if (fallback < 0) return result(null);
  const level = headingLevel(lines[fallback]);
  let end = fallback + 1;
  while (end < lines.length && !(headingLevel(lines[end]) > 0 && headingLevel(lines[end]) <= level)) end++;
  return result(lines.slice(fallback, end));
}

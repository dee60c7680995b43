// Homework: an instructor sets an assignment for a class (questions listed or drawn by rule, dates in
// the class's time zone, attempts, time limit, late policy, solution release), grants per-learner
// extensions, and learners do it question by question. Each question is an Attempt (mode
// "assignment") graded on the pool; each graded attempt gets a Submission carrying the late flag and
// the penalised score. Every call re-checks the user's relation to the assignment's class.
import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/guard";
import { db, isUniqueViolation, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { GRADER_VERSION } from "@/lib/grading";
import { QUESTION_TYPES, renderQuestion, toClientQuestion, ZAnswer, ZTopic, type TAnswer, type TClientQuestion, type TQuestion } from "@/lib/questions";
import { classAccess, requireClassManager, type TClassAccess } from "./classes";
import { gradeAnswerInPool, warmGradingPool, type TGradeResult } from "./grading";
import { buildReveal, MAX_ANSWER_BYTES, ZIdempotencyKey, type TReveal } from "./practice";
import { loadServedQuestions, loadVersionContent } from "./question-bank";

const DAY_MS = 86_400_000;

// ─── Time zones ──────────────────────────────────────────────────────────────────────────────────

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Milliseconds the zone is ahead of UTC at that instant (Asia/Shanghai → +8 h). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * A wall-clock time ("2026-11-30T23:59") in the zone, as an instant. The offset is looked up twice
 * because the first guess may sit on the other side of a DST change: 2026-03-29T12:00 in
 * Europe/Berlin → guess 12:00Z (+2 h) → 10:00Z, still +2 h → 10:00Z.
 */
export function zonedTimeToUtc(local: string, timeZone: string): Date | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(wall)) return null;
  const first = wall - zoneOffsetMs(wall, timeZone);
  return new Date(wall - zoneOffsetMs(first, timeZone));
}

/** The instant as "YYYY-MM-DDTHH:mm" on the zone's wall clock (for datetime-local inputs). */
export function formatInZone(instant: Date, timeZone: string): string {
  const shifted = new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), timeZone));
  return shifted.toISOString().slice(0, 16);
}

// ─── Input ───────────────────────────────────────────────────────────────────────────────────────

export const ZLatePolicy = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }).strict(),
  z.object({ kind: z.literal("penalty"), percentPerDay: z.number().min(0).max(100), maxDays: z.number().int().min(1).max(60) }).strict(),
]);
export type TLatePolicy = z.infer<typeof ZLatePolicy>;

export const ZAssignmentRule = z
  .object({
    topics: z.array(ZTopic).max(30).default([]),
    objectives: z.array(z.string().trim().min(1).max(120)).max(100).default([]),
    types: z.array(z.enum(QUESTION_TYPES)).max(20).default([]),
    difficulty: z.array(z.enum(["easy", "medium", "hard"])).max(3).default([]),
    count: z.number().int().min(1).max(50),
  })
  .strict();
export type TAssignmentRule = z.infer<typeof ZAssignmentRule>;

const ZLocalTime = z.string().regex(LOCAL);

export const ZAssignmentInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000).optional(),
    questionIds: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    rule: ZAssignmentRule.nullable().optional(),
    /** Wall-clock times in the class's time zone. */
    opensAt: ZLocalTime,
    dueAt: ZLocalTime,
    attemptsAllowed: z.number().int().min(1).max(100).nullable().optional(),
    timeLimitMin: z.number().int().min(1).max(24 * 60).nullable().optional(),
    latePolicy: ZLatePolicy.default({ kind: "none" }),
    solutionsReleaseAt: ZLocalTime.nullable().optional(),
  })
  .strict();
export type TAssignmentInput = z.input<typeof ZAssignmentInput>;

export const ZExtensionInput = z
  .object({
    /** Wall-clock time in the class's zone; replaces the due date for this learner. */
    dueAt: ZLocalTime.nullable().optional(),
    timeMultiplier: z.number().min(1).max(5).nullable().optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .strict();
export type TExtensionInput = z.input<typeof ZExtensionInput>;

// ─── Rows and rules ──────────────────────────────────────────────────────────────────────────────

const ASSIGNMENT_SELECT = {
  id: true,
  classId: true,
  title: true,
  description: true,
  rule: true,
  questionIds: true,
  opensAt: true,
  dueAt: true,
  attemptsAllowed: true,
  timeLimitSec: true,
  latePolicy: true,
  solutionsReleaseAt: true,
} as const;

export type TAssignmentRow = Prisma.AssignmentGetPayload<{ select: typeof ASSIGNMENT_SELECT }>;

export function latePolicyOf(row: Pick<TAssignmentRow, "latePolicy">): TLatePolicy {
  const parsed = ZLatePolicy.safeParse(row.latePolicy);
  return parsed.success ? parsed.data : { kind: "none" };
}

/** FNV-1a: a stable 32-bit seed from "assignmentId:userId", so each learner gets their own draw. */
export function drawSeed(assignmentId: string, userId: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${assignmentId}:${userId}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32 (the same small PRNG lib/sim seeds from), for the per-learner question draw. */
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

export function matchesRule(q: TQuestion, rule: TAssignmentRule): boolean {
  if (rule.topics.length > 0 && !rule.topics.includes(q.topic)) return false;
  if (rule.objectives.length > 0 && !q.objectives.some((o) => rule.objectives.includes(o))) return false;
  if (rule.types.length > 0 && !rule.types.includes(q.type)) return false;
  if (rule.difficulty.length > 0 && !rule.difficulty.includes(q.difficulty)) return false;
  return true;
}

/** Picks `count` ids from the candidates by a Fisher–Yates shuffle driven by the seed. */
export function drawQuestions(candidateIds: readonly string[], count: number, seed: number): string[] {
  const ids = [...candidateIds].sort();
  const next = rng(seed);
  for (let i = ids.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  return ids.slice(0, count);
}

/** The learner's questions: the listed ones in order, then (with a rule) their seeded draw. */
export async function questionsFor(row: Pick<TAssignmentRow, "id" | "questionIds" | "rule">, userId: string): Promise<string[]> {
  const listed = Array.isArray(row.questionIds) ? row.questionIds.filter((id): id is string => typeof id === "string") : [];
  const rule = row.rule ? ZAssignmentRule.safeParse(row.rule) : null;
  if (!rule?.success) return listed;
  const served = await loadServedQuestions();
  const candidates = served.filter((q) => !listed.includes(q.id) && matchesRule(q.content, rule.data)).map((q) => q.id);
  return [...listed, ...drawQuestions(candidates, rule.data.count, drawSeed(row.id, userId))];
}

// ─── Deadlines ───────────────────────────────────────────────────────────────────────────────────

export type TLearnerWindow = {
  opensAt: Date;
  /** The due date after any extension. */
  dueAt: Date;
  /** Last moment a submission is accepted: the due date, or the end of the late-penalty window. */
  closesAt: Date;
  /** The time limit scaled by the learner's multiplier (the extension's replaces the account's). */
  timeLimitMs: number | null;
  extended: boolean;
};

export async function learnerWindow(row: TAssignmentRow, userId: string): Promise<TLearnerWindow> {
  const [extension, account] = await Promise.all([
    db.assignmentExtension.findUnique({ where: { assignmentId_userId: { assignmentId: row.id, userId } }, select: { dueAt: true, timeMultiplier: true } }),
    db.user.findUnique({ where: { id: userId }, select: { timeMultiplier: true } }),
  ]);
  const dueAt = extension?.dueAt ?? row.dueAt;
  const policy = latePolicyOf(row);
  const closesAt = policy.kind === "penalty" ? new Date(dueAt.getTime() + policy.maxDays * DAY_MS) : dueAt;
  const multiplier = extension?.timeMultiplier ?? account?.timeMultiplier ?? 1;
  return {
    opensAt: row.opensAt,
    dueAt,
    closesAt,
    timeLimitMs: row.timeLimitSec ? Math.round(row.timeLimitSec * 1000 * multiplier) : null,
    extended: Boolean(extension?.dueAt || extension?.timeMultiplier),
  };
}

/**
 * The late flag and penalty of a submission: whole days late, rounded up, times percentPerDay.
 * 10 %/day, due 23:59, submitted 2 days and 1 minute later → 3 days → 30 % off; beyond maxDays the
 * submission is refused before grading, so it never reaches here.
 */
export function latePenalty(policy: TLatePolicy, dueAt: Date, submittedAt: Date): { late: boolean; penaltyPercent: number } {
  const overMs = submittedAt.getTime() - dueAt.getTime();
  if (overMs <= 0) return { late: false, penaltyPercent: 0 };
  if (policy.kind === "none") return { late: true, penaltyPercent: 100 };
  const days = Math.min(Math.ceil(overMs / DAY_MS), policy.maxDays);
  return { late: true, penaltyPercent: Math.min(100, days * policy.percentPerDay) };
}

export function applyPenalty(score: number, penaltyPercent: number): number {
  return Math.max(0, Math.round(score * (1 - penaltyPercent / 100) * 1000) / 1000);
}

// ─── Loading with authorisation ──────────────────────────────────────────────────────────────────

async function loadAssignment(user: CurrentUser, assignmentId: unknown): Promise<{ row: TAssignmentRow; access: TClassAccess }> {
  if (typeof assignmentId !== "string" || assignmentId.length === 0 || assignmentId.length > 64) throw new AppError("NOT_FOUND");
  const row = await db.assignment.findUnique({ where: { id: assignmentId }, select: ASSIGNMENT_SELECT });
  if (!row) throw new AppError("NOT_FOUND");
  return { row, access: await classAccess(user, row.classId) };
}

export async function loadManagedAssignment(user: CurrentUser, assignmentId: unknown): Promise<{ row: TAssignmentRow; access: TClassAccess }> {
  const loaded = await loadAssignment(user, assignmentId);
  if (loaded.access.role === "student") throw new AppError("NOT_FOUND");
  return loaded;
}

/** A student's view of an assignment: only once it opens. */
async function loadStudentAssignment(user: CurrentUser, assignmentId: unknown, now: Date): Promise<{ row: TAssignmentRow; access: TClassAccess }> {
  const loaded = await loadAssignment(user, assignmentId);
  if (loaded.access.role !== "student") throw new AppError("NOT_FOUND");
  if (now.getTime() < loaded.row.opensAt.getTime()) throw new AppError("NOT_FOUND");
  return loaded;
}

// ─── Instructor side ─────────────────────────────────────────────────────────────────────────────

export type TAssignmentDto = {
  id: string;
  classId: string;
  title: string;
  description: string | null;
  questionIds: string[];
  rule: TAssignmentRule | null;
  /** Wall-clock times in the class's zone, plus the instants. */
  opensAtLocal: string;
  dueAtLocal: string;
  opensAt: Date;
  dueAt: Date;
  attemptsAllowed: number | null;
  timeLimitMin: number | null;
  latePolicy: TLatePolicy;
  solutionsReleaseAt: Date | null;
  timeZone: string;
};

function toDto(row: TAssignmentRow, timeZone: string): TAssignmentDto {
  const rule = row.rule ? ZAssignmentRule.safeParse(row.rule) : null;
  return {
    id: row.id,
    classId: row.classId,
    title: row.title,
    description: row.description,
    questionIds: Array.isArray(row.questionIds) ? row.questionIds.filter((id): id is string => typeof id === "string") : [],
    rule: rule?.success ? rule.data : null,
    opensAtLocal: formatInZone(row.opensAt, timeZone),
    dueAtLocal: formatInZone(row.dueAt, timeZone),
    opensAt: row.opensAt,
    dueAt: row.dueAt,
    attemptsAllowed: row.attemptsAllowed,
    timeLimitMin: row.timeLimitSec ? Math.round(row.timeLimitSec / 60) : null,
    latePolicy: latePolicyOf(row),
    solutionsReleaseAt: row.solutionsReleaseAt,
    timeZone,
  };
}

async function toData(input: unknown, timeZone: string) {
  const parsed = ZAssignmentInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION");
  const v = parsed.data;
  const opensAt = zonedTimeToUtc(v.opensAt, timeZone);
  const dueAt = zonedTimeToUtc(v.dueAt, timeZone);
  const release = v.solutionsReleaseAt ? zonedTimeToUtc(v.solutionsReleaseAt, timeZone) : null;
  if (!opensAt || !dueAt || dueAt.getTime() <= opensAt.getTime()) throw new AppError("VALIDATION", { fieldErrors: { dueAt: "assignments.error.dueBeforeOpen" } });
  if (v.questionIds.length === 0 && !v.rule) throw new AppError("VALIDATION", { fieldErrors: { questionIds: "assignments.error.noQuestions" } });
  const served = new Set((await loadServedQuestions()).map((q) => q.id));
  if (v.questionIds.some((id) => !served.has(id)) || new Set(v.questionIds).size !== v.questionIds.length) {
    throw new AppError("VALIDATION", { fieldErrors: { questionIds: "assignments.error.unknownQuestion" } });
  }
  return {
    title: v.title,
    description: v.description || null,
    questionIds: v.questionIds,
    rule: v.rule ? (v.rule as Prisma.InputJsonValue) : Prisma.DbNull,
    opensAt,
    dueAt,
    attemptsAllowed: v.attemptsAllowed ?? null,
    timeLimitSec: v.timeLimitMin ? v.timeLimitMin * 60 : null,
    latePolicy: v.latePolicy as Prisma.InputJsonValue,
    solutionsReleaseAt: release,
  };
}

export async function createAssignment(user: CurrentUser, classId: unknown, input: unknown): Promise<TAssignmentDto> {
  const access = await requireClassManager(user, classId);
  if (access.archivedAt) throw new AppError("CONFLICT");
  const data = await toData(input, access.timeZone);
  const row = await db.assignment.create({ data: { ...data, classId: access.id, createdById: user.id }, select: ASSIGNMENT_SELECT });
  return toDto(row, access.timeZone);
}

export async function updateAssignment(user: CurrentUser, assignmentId: unknown, input: unknown): Promise<TAssignmentDto> {
  const { row, access } = await loadManagedAssignment(user, assignmentId);
  const data = await toData(input, access.timeZone);
  const updated = await db.assignment.update({ where: { id: row.id }, data, select: ASSIGNMENT_SELECT });
  return toDto(updated, access.timeZone);
}

export async function listAssignments(user: CurrentUser, classId: unknown): Promise<TAssignmentDto[]> {
  const access = await requireClassManager(user, classId);
  const rows = await db.assignment.findMany({ where: { classId: access.id }, select: ASSIGNMENT_SELECT, orderBy: [{ dueAt: "asc" }, { id: "asc" }] });
  return rows.map((r) => toDto(r, access.timeZone));
}

export async function getAssignment(user: CurrentUser, assignmentId: unknown): Promise<TAssignmentDto> {
  const { row, access } = await loadManagedAssignment(user, assignmentId);
  return toDto(row, access.timeZone);
}

export type TExtensionDto = { userId: string; name: string; dueAt: Date | null; dueAtLocal: string | null; timeMultiplier: number | null; reason: string | null };

/** Grants (or replaces) a learner's extension; both fields null removes it. */
export async function setExtension(user: CurrentUser, assignmentId: unknown, studentId: unknown, input: unknown): Promise<void> {
  const { row, access } = await loadManagedAssignment(user, assignmentId);
  const parsed = ZExtensionInput.safeParse(input);
  if (!parsed.success || typeof studentId !== "string") throw new AppError("VALIDATION");
  const enrolled = await db.enrollment.findUnique({ where: { classId_userId: { classId: access.id, userId: studentId } }, select: { role: true } });
  if (enrolled?.role !== "STUDENT") throw new AppError("NOT_FOUND");
  const dueAt = parsed.data.dueAt ? zonedTimeToUtc(parsed.data.dueAt, access.timeZone) : null;
  const timeMultiplier = parsed.data.timeMultiplier ?? null;
  if (!dueAt && timeMultiplier === null) {
    await db.assignmentExtension.deleteMany({ where: { assignmentId: row.id, userId: studentId } });
    return;
  }
  const data = { dueAt, timeMultiplier, reason: parsed.data.reason || null, grantedById: user.id };
  await db.assignmentExtension.upsert({
    where: { assignmentId_userId: { assignmentId: row.id, userId: studentId } },
    create: { assignmentId: row.id, userId: studentId, ...data },
    update: data,
  });
}

export async function listExtensions(user: CurrentUser, assignmentId: unknown): Promise<TExtensionDto[]> {
  const { row, access } = await loadManagedAssignment(user, assignmentId);
  const rows = await db.assignmentExtension.findMany({
    where: { assignmentId: row.id },
    select: { userId: true, dueAt: true, timeMultiplier: true, reason: true, user: { select: { name: true } } },
    orderBy: { userId: "asc" },
  });
  return rows.map((r) => ({
    userId: r.userId,
    name: r.user.name,
    dueAt: r.dueAt,
    dueAtLocal: r.dueAt ? formatInZone(r.dueAt, access.timeZone) : null,
    timeMultiplier: r.timeMultiplier,
    reason: r.reason,
  }));
}

// ─── Scores ──────────────────────────────────────────────────────────────────────────────────────

export type TSubmissionScore = {
  attemptId: string;
  questionId: string;
  score: number | null;
  maxScore: number | null;
  overrideScore: number | null;
  late: boolean;
};

/** A submission's counted score: an instructor's override wins over the (penalised) grade. */
export function effectiveScore(s: Pick<TSubmissionScore, "score" | "overrideScore">): number {
  return s.overrideScore ?? s.score ?? 0;
}

/**
 * The learner's result on an assignment: per question the best counted submission, each question
 * weighing the same. Two questions, 2/2 and 1/4 → (100 % + 25 %) / 2 = 62.5 %.
 */
export function assignmentScore(questionIds: readonly string[], submissions: readonly TSubmissionScore[]): { percent: number | null; late: boolean; answered: number } {
  if (submissions.length === 0) return { percent: null, late: false, answered: 0 };
  let sum = 0;
  let late = false;
  let answered = 0;
  for (const id of questionIds) {
    let best: TSubmissionScore | null = null;
    let bestPercent = -1;
    for (const s of submissions) {
      if (s.questionId !== id) continue;
      const percent = s.maxScore && s.maxScore > 0 ? effectiveScore(s) / s.maxScore : 0;
      if (percent > bestPercent) {
        best = s;
        bestPercent = percent;
      }
    }
    if (!best) continue;
    answered += 1;
    sum += bestPercent;
    late ||= best.late;
  }
  return { percent: questionIds.length === 0 ? 0 : Math.round((sum / questionIds.length) * 1000) / 10, late, answered };
}

export async function submissionScores(assignmentId: string, userIds: readonly string[]): Promise<Map<string, TSubmissionScore[]>> {
  const rows = await db.submission.findMany({
    where: { assignmentId, userId: { in: [...userIds] } },
    select: { userId: true, attemptId: true, score: true, maxScore: true, overrideScore: true, late: true, attempt: { select: { questionId: true } } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
  });
  const out = new Map<string, TSubmissionScore[]>();
  for (const r of rows) {
    const list = out.get(r.userId) ?? [];
    list.push({ attemptId: r.attemptId, questionId: r.attempt.questionId ?? "", score: r.score, maxScore: r.maxScore, overrideScore: r.overrideScore, late: r.late });
    out.set(r.userId, list);
  }
  return out;
}

// ─── Learner side ────────────────────────────────────────────────────────────────────────────────

export type THomeworkStatus = "not_started" | "in_progress" | "submitted" | "late" | "graded";

export type THomeworkItem = {
  assignmentId: string;
  title: string;
  className: string;
  timeZone: string;
  dueAt: Date;
  /** The due date on the class's wall clock, e.g. "2026-11-30T23:59". */
  dueAtLocal: string;
  extended: boolean;
  status: THomeworkStatus;
  percent: number | null;
  questions: number;
};

function homeworkStatus(questions: number, attempts: number, score: ReturnType<typeof assignmentScore>, dueAt: Date, now: Date, overridden: boolean): THomeworkStatus {
  if (attempts === 0) return "not_started";
  if (score.answered < questions) return "in_progress";
  if (score.late) return "late";
  return overridden || now.getTime() > dueAt.getTime() ? "graded" : "submitted";
}

async function homeworkItem(user: CurrentUser, row: TAssignmentRow, className: string, timeZone: string, now: Date): Promise<THomeworkItem> {
  const [questionIds, window, attempts, subs] = await Promise.all([
    questionsFor(row, user.id),
    learnerWindow(row, user.id),
    db.attempt.count({ where: { assignmentId: row.id, userId: user.id, mode: "assignment" } }),
    submissionScores(row.id, [user.id]),
  ]);
  const mine = subs.get(user.id) ?? [];
  const score = assignmentScore(questionIds, mine);
  return {
    assignmentId: row.id,
    title: row.title,
    className,
    timeZone,
    dueAt: window.dueAt,
    dueAtLocal: formatInZone(window.dueAt, timeZone),
    extended: window.extended,
    status: homeworkStatus(questionIds.length, attempts, score, window.dueAt, now, mine.some((s) => s.overrideScore !== null)),
    percent: score.percent,
    questions: questionIds.length,
  };
}

/** The learner's homework across their classes (open assignments only), soonest due first. */
export async function listHomework(user: CurrentUser, now: Date = new Date()): Promise<THomeworkItem[]> {
  const enrolments = await db.enrollment.findMany({ where: { userId: user.id, role: "STUDENT" }, select: { classId: true } });
  const rows = await db.assignment.findMany({
    where: { classId: { in: enrolments.map((e) => e.classId) }, opensAt: { lte: now } },
    select: { ...ASSIGNMENT_SELECT, class: { select: { name: true, timeZone: true } } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
  });
  return Promise.all(rows.map(({ class: cls, ...row }) => homeworkItem(user, row, cls.name, cls.timeZone, now)));
}

export type THomeworkQuestion = {
  index: number;
  questionId: string;
  type: string;
  attemptsUsed: number;
  bestPercent: number | null;
  late: boolean;
  inProgress: boolean;
};

export type THomeworkView = THomeworkItem & {
  description: string | null;
  attemptsAllowed: number | null;
  latePolicy: TLatePolicy;
  closesAt: Date;
  open: boolean;
  solutionsReleased: boolean;
  timeLimitMs: number | null;
  items: THomeworkQuestion[];
};

export async function getHomework(user: CurrentUser, assignmentId: unknown, now: Date = new Date()): Promise<THomeworkView> {
  const { row, access } = await loadStudentAssignment(user, assignmentId, now);
  const item = await homeworkItem(user, row, access.name, access.timeZone, now);
  const [questionIds, window, attempts, subs] = await Promise.all([
    questionsFor(row, user.id),
    learnerWindow(row, user.id),
    db.attempt.findMany({ where: { assignmentId: row.id, userId: user.id, mode: "assignment" }, select: { questionId: true, status: true } }),
    submissionScores(row.id, [user.id]),
  ]);
  const mine = subs.get(user.id) ?? [];
  const types = new Map((await loadServedQuestions()).map((q) => [q.id, q.content.type]));
  return {
    ...item,
    description: row.description,
    attemptsAllowed: row.attemptsAllowed,
    latePolicy: latePolicyOf(row),
    closesAt: window.closesAt,
    open: now.getTime() <= window.closesAt.getTime() && !access.archivedAt,
    solutionsReleased: released(row, now),
    timeLimitMs: window.timeLimitMs,
    items: questionIds.map((questionId, index) => {
      const graded = mine.filter((s) => s.questionId === questionId);
      const score = assignmentScore([questionId], graded);
      return {
        index,
        questionId,
        type: types.get(questionId) ?? "",
        attemptsUsed: attempts.filter((a) => a.questionId === questionId && a.status === "graded").length,
        bestPercent: score.percent,
        late: score.late,
        inProgress: attempts.some((a) => a.questionId === questionId && a.status === "in_progress"),
      };
    }),
  };
}

function released(row: Pick<TAssignmentRow, "solutionsReleaseAt">, now: Date): boolean {
  return row.solutionsReleaseAt !== null && now.getTime() >= row.solutionsReleaseAt.getTime();
}

/** The moment the learner's work on this assignment stops being accepted (time limit included). */
async function submitDeadline(row: TAssignmentRow, userId: string): Promise<{ window: TLearnerWindow; closesAt: Date }> {
  const window = await learnerWindow(row, userId);
  let closesAt = window.closesAt;
  if (window.timeLimitMs !== null) {
    // The clock starts when the learner first opens any question of the assignment.
    const first = await db.attempt.findFirst({ where: { assignmentId: row.id, userId, mode: "assignment" }, orderBy: { startedAt: "asc" }, select: { startedAt: true } });
    if (first) closesAt = new Date(Math.min(closesAt.getTime(), first.startedAt.getTime() + window.timeLimitMs));
  }
  return { window, closesAt };
}

/** Whether an assignment attempt still accepts work (the web terminal asks this). */
export async function isAssignmentAttemptWritable(attempt: { assignmentId: string | null; userId: string; status: string }, now: Date): Promise<boolean> {
  if (!attempt.assignmentId || attempt.status !== "in_progress") return false;
  const row = await db.assignment.findUnique({ where: { id: attempt.assignmentId }, select: ASSIGNMENT_SELECT });
  if (!row) return false;
  const { closesAt } = await submitDeadline(row, attempt.userId);
  return now.getTime() <= closesAt.getTime();
}

export type TAssignmentAttemptView = {
  assignmentId: string;
  title: string;
  index: number;
  count: number;
  attemptId: string | null;
  question: TClientQuestion;
  status: string;
  attemptsUsed: number;
  attemptsAllowed: number | null;
  closesAt: Date;
  dueAt: Date;
  writable: boolean;
  /** The latest graded answer of this question, if any. */
  latest: { answerId: string; answer: TAnswer; result: TGradeResult; submittedAt: Date; late: boolean; penaltyPercent: number } | null;
  reveal: TReveal | null;
};

/** Hides the answer key in check results until solutions are released (the attempts may continue). */
function concealed(result: TGradeResult, show: boolean): TGradeResult {
  if (show || result.status !== "graded") return result;
  return { ...result, checks: result.checks.map((c) => ({ ...c, expected: "", feedback: undefined })) };
}

/**
 * Opens question `index` of the assignment for the learner: the attempt in progress, else a new one
 * while attempts remain and the assignment accepts work; otherwise the last graded one, read-only.
 */
export async function openAssignmentQuestion(user: CurrentUser, assignmentId: unknown, index: unknown, now: Date = new Date()): Promise<TAssignmentAttemptView> {
  const { row, access } = await loadStudentAssignment(user, assignmentId, now);
  const questionIds = await questionsFor(row, user.id);
  if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= questionIds.length) throw new AppError("NOT_FOUND");
  const questionId = questionIds[index];
  const find = () =>
    db.attempt.findMany({
      where: { assignmentId: row.id, userId: user.id, questionId, mode: "assignment" },
      select: { id: true, seed: true, status: true, questionVersionId: true },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    });
  let attempts = await find();
  const graded = () => attempts.filter((a) => a.status === "graded").length;
  let { closesAt } = await submitDeadline(row, user.id);
  const accepting = () => now.getTime() <= closesAt.getTime() && !access.archivedAt;
  if (!attempts.some((a) => a.status === "in_progress") && accepting() && (row.attemptsAllowed === null || graded() < row.attemptsAllowed)) {
    const question = await db.question.findUnique({ where: { id: questionId }, select: { currentVersionId: true, retiredAt: true } });
    if (question?.currentVersionId && !question.retiredAt) {
      await db.attempt.create({
        data: { userId: user.id, questionId, questionVersionId: question.currentVersionId, mode: "assignment", assignmentId: row.id, seed: randomInt(0, 2 ** 31 - 1), startedAt: now },
      });
      attempts = await find();
      const open = attempts.filter((a) => a.status === "in_progress");
      // Two tabs racing both created one: keep the oldest.
      if (open.length > 1) {
        await db.attempt.deleteMany({ where: { id: { in: open.slice(1).map((a) => a.id) }, answers: { none: {} } } });
        attempts = await find();
      }
      ({ closesAt } = await submitDeadline(row, user.id));
      warmGradingPool();
    }
  }
  const current = attempts.find((a) => a.status === "in_progress") ?? attempts.filter((a) => a.status === "graded").at(-1) ?? null;
  const window = await learnerWindow(row, user.id);
  const versionId = current?.questionVersionId ?? (await db.question.findUnique({ where: { id: questionId }, select: { currentVersionId: true } }))?.currentVersionId;
  const content = versionId ? await loadVersionContent(versionId) : null;
  if (!content) throw new AppError("NOT_FOUND");
  const seed = current?.seed ?? 0;
  const show = released(row, now);
  const lastGraded = attempts.filter((a) => a.status === "graded").at(-1);
  let latest: TAssignmentAttemptView["latest"] = null;
  if (lastGraded) {
    const [answer, submission] = await Promise.all([
      db.answer.findFirst({ where: { attemptId: lastGraded.id, valid: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, payload: true, result: true } }),
      db.submission.findUnique({ where: { attemptId: lastGraded.id }, select: { submittedAt: true, late: true, score: true, attempt: { select: { score: true } } } }),
    ]);
    if (answer && submission) {
      const raw = submission.attempt.score ?? 0;
      const penaltyPercent = raw > 0 && submission.score !== null ? Math.round((1 - submission.score / raw) * 100) : 0;
      latest = { answerId: answer.id, answer: answer.payload as TAnswer, result: concealed(answer.result as TGradeResult, show), submittedAt: submission.submittedAt, late: submission.late, penaltyPercent };
    }
  }
  return {
    assignmentId: row.id,
    title: row.title,
    index,
    count: questionIds.length,
    attemptId: current?.id ?? null,
    question: toClientQuestion(renderQuestion(content, seed), seed),
    status: current?.status ?? "not_started",
    attemptsUsed: graded(),
    attemptsAllowed: row.attemptsAllowed,
    closesAt,
    dueAt: window.dueAt,
    writable: current?.status === "in_progress" && accepting(),
    latest,
    reveal: show && lastGraded ? buildReveal(content, lastGraded.seed) : null,
  };
}

export type TAssignmentSubmitResult = {
  answerId: string;
  result: TGradeResult;
  attemptStatus: string;
  late: boolean;
  penaltyPercent: number;
  /** The score after the late penalty (null unless graded). */
  score: number | null;
  reveal: TReveal | null;
};

function parseAnswer(input: unknown): TAnswer {
  const parsed = ZAnswer.safeParse(input);
  if (!parsed.success || Buffer.byteLength(JSON.stringify(parsed.data), "utf8") > MAX_ANSWER_BYTES) throw new AppError("VALIDATION");
  return parsed.data;
}

/**
 * Grades one answer of the learner's assignment attempt. Refused (CONFLICT) once the assignment
 * closes (due date, or end of the late window, or the time limit); a late answer inside the penalty
 * window is graded and its Submission carries the penalised score. An invalid answer leaves the
 * attempt open and uses no attempt.
 */
export async function submitAssignmentAnswer(user: CurrentUser, attemptId: unknown, answerInput: unknown, idempotencyKey: unknown, now: Date = new Date()): Promise<TAssignmentSubmitResult> {
  const key = ZIdempotencyKey.safeParse(idempotencyKey);
  if (!key.success || typeof attemptId !== "string" || attemptId.length > 64) throw new AppError("VALIDATION");
  const answer = parseAnswer(answerInput);
  const attempt = await db.attempt.findFirst({
    where: { id: attemptId, userId: user.id, mode: "assignment" },
    select: { id: true, seed: true, status: true, questionVersionId: true, assignmentId: true },
  });
  if (!attempt || !attempt.assignmentId || !attempt.questionVersionId) throw new AppError("NOT_FOUND");
  const { row, access } = await loadStudentAssignment(user, attempt.assignmentId, now);
  const existing = await db.answer.findUnique({ where: { idempotencyKey: key.data }, select: { id: true, attemptId: true, result: true, gradedAt: true } });
  if (existing) {
    // A retried click: its first request's grade, never a second grading.
    if (existing.attemptId !== attempt.id || !existing.gradedAt) throw new AppError("CONFLICT");
    const sub = await db.submission.findUnique({ where: { attemptId: attempt.id }, select: { late: true, score: true } });
    const result = existing.result as TGradeResult;
    return { answerId: existing.id, result: concealed(result, released(row, now)), attemptStatus: attempt.status, late: sub?.late ?? false, penaltyPercent: 0, score: sub?.score ?? null, reveal: null };
  }
  if (attempt.status !== "in_progress" || access.archivedAt) throw new AppError("CONFLICT");
  const { window, closesAt } = await submitDeadline(row, user.id);
  if (now.getTime() > closesAt.getTime()) throw new AppError("CONFLICT", { messageKey: "homework.error.closed" });
  const question = await loadVersionContent(attempt.questionVersionId);
  if (!question) throw new AppError("INTERNAL", { cause: new Error(`question version ${attempt.questionVersionId} is not a valid question`) });

  let answerId: string;
  try {
    const created = await db.answer.create({
      data: { attemptId: attempt.id, questionVersionId: attempt.questionVersionId, payload: answer as Prisma.InputJsonValue, seed: attempt.seed, idempotencyKey: key.data, createdAt: now },
      select: { id: true },
    });
    answerId = created.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT");
    throw error;
  }
  const result = await gradeAnswerInPool(question, answer, attempt.seed);
  const graded = result.status === "graded";
  const { late, penaltyPercent } = latePenalty(latePolicyOf(row), window.dueAt, now);
  if (!graded) {
    await db.answer.update({
      where: { id: answerId },
      data: { result: result as unknown as Prisma.InputJsonValue, valid: false, gradedAt: now, graderVersion: GRADER_VERSION },
    });
    return { answerId, result, attemptStatus: "in_progress", late: false, penaltyPercent: 0, score: null, reveal: null };
  }
  const penalised = applyPenalty(result.score, penaltyPercent);
  const closed = await db.$transaction(async (tx) => {
    await tx.answer.update({
      where: { id: answerId },
      data: { result: result as unknown as Prisma.InputJsonValue, score: result.score, maxScore: result.maxScore, valid: true, gradedAt: now, graderVersion: GRADER_VERSION },
    });
    const updated = await tx.attempt.updateMany({
      where: { id: attempt.id, status: "in_progress" },
      data: { status: "graded", score: result.score, maxScore: result.maxScore, submittedAt: now },
    });
    if (updated.count === 1) {
      await tx.submission.create({
        data: { assignmentId: row.id, userId: user.id, attemptId: attempt.id, score: penalised, maxScore: result.maxScore, late, submittedAt: now },
      });
    }
    return updated.count === 1;
  });
  const show = released(row, now);
  return {
    answerId,
    result: concealed(result, show),
    attemptStatus: "graded",
    late,
    penaltyPercent,
    score: closed ? penalised : null,
    reveal: show ? buildReveal(question, attempt.seed) : null,
  };
}

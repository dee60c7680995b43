// Practice attempts: open a question (reusing the attempt in progress or starting one with a fresh
// seed), submit answers graded on the worker pool, precheck a manifest, and read a graded result.
// Every call re-checks that the attempt belongs to the signed-in user; another user's attempt is
// reported as not found, never as someone else's.
import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/guard";
import { db, isUniqueViolation, Prisma } from "@/lib/db";
import { getGradingEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { GRADER_VERSION } from "@/lib/grading";
import { isSimQuestion, renderQuestion, toClientQuestion, ZAnswer, type TAnswer, type TClientQuestion, type TQuestion, type TText } from "@/lib/questions";
import { gradeAnswerInPool, precheckAnswerInPool, warmGradingPool, type TGradeResult, type TPrecheckResult } from "./grading";
import { loadVersionContent, noteExcerpt, toPercent, type TNoteExcerpt } from "./question-bank";
import { recordReview } from "./progress";

/** Manifests and command scripts longer than this are refused before grading (64 KiB). */
export const MAX_ANSWER_BYTES = 64 * 1024;
/** How long a second request with the same idempotency key waits for the first one's grade. */
const WAIT_FOR_GRADE_MS = 30_000;
/** A claimed answer still ungraded this long after its claim was abandoned by a crashed request. */
function staleClaimMs(): number {
  return getGradingEnv().GRADING_JOB_TIMEOUT_MS + 30_000;
}
const WAIT_POLL_MS = 100;

export const ZIdempotencyKey = z.string().trim().min(8).max(128).regex(/^[A-Za-z0-9_:.-]+$/);

export type TPreviousAttempt = { attemptId: string; submittedAt: Date; percent: number };

export type TOpenPractice = {
  attemptId: string;
  seed: number;
  question: TClientQuestion;
  /** The learner's earlier graded attempts at this question, newest first. */
  previous: TPreviousAttempt[];
};

export type TRevealSolution =
  | { type: "single-choice"; choice: string }
  | { type: "multiple-choice"; choices: string[] }
  | { type: "true-false"; value: boolean }
  | { type: "fill-in"; blanks: Record<string, string> }
  | { type: "ordering"; order: string[] }
  | { type: "matching"; pairs: Record<string, string> }
  | { type: "sim"; manifest?: string; commands?: string };

/** What the learner sees after a graded answer: the teaching, the key, and where the notes say it. */
export type TReveal = {
  explanation: TText;
  solution: TRevealSolution;
  /** Choice feedback (choice types) — why each option is right or wrong. */
  choiceFeedback: { id: string; text: TText; correct: boolean; feedback?: TText }[];
  /** true-false's feedback; spot-the-mistake's list of mistakes in the flawed text. */
  feedback?: TText;
  mistakes?: TText[];
  sources: TNoteExcerpt[];
};

export type TSubmitResult = {
  answerId: string;
  result: TGradeResult;
  /** Only once the attempt is graded; an invalid answer keeps the attempt open and reveals nothing. */
  reveal: TReveal | null;
  attemptStatus: string;
};

export type TAttemptResult = {
  attemptId: string;
  questionId: string;
  status: string;
  seed: number;
  startedAt: Date;
  submittedAt: Date | null;
  score: number | null;
  maxScore: number | null;
  percent: number | null;
  question: TClientQuestion;
  /** The answer that closed the attempt (or the latest one while in progress). */
  latest: { answerId: string; answer: TAnswer; result: TGradeResult | null; valid: boolean; createdAt: Date } | null;
  reveal: TReveal | null;
};

// ─── Loading with authorisation ──────────────────────────────────────────────────────────────────

type TOwnedAttempt = {
  id: string;
  userId: string;
  questionId: string;
  questionVersionId: string;
  mode: string;
  seed: number;
  status: string;
  score: number | null;
  maxScore: number | null;
  startedAt: Date;
  submittedAt: Date | null;
};

/** The user's own practice attempt; anyone else's (or a missing one) is NOT_FOUND. */
export async function loadOwnedPracticeAttempt(user: CurrentUser, attemptId: unknown): Promise<TOwnedAttempt> {
  if (typeof attemptId !== "string" || attemptId.length === 0 || attemptId.length > 64) throw new AppError("NOT_FOUND");
  const row = await db.attempt.findFirst({
    where: { id: attemptId, userId: user.id },
    select: {
      id: true,
      userId: true,
      questionId: true,
      questionVersionId: true,
      mode: true,
      seed: true,
      status: true,
      score: true,
      maxScore: true,
      startedAt: true,
      submittedAt: true,
    },
  });
  if (!row || !row.questionId || !row.questionVersionId) throw new AppError("NOT_FOUND");
  // Exam and assignment attempts have their own rules (deadlines, hidden results).
  if (row.mode !== "practice") throw new AppError("FORBIDDEN");
  return { ...row, questionId: row.questionId, questionVersionId: row.questionVersionId };
}

export async function questionOf(attempt: Pick<TOwnedAttempt, "questionVersionId">): Promise<TQuestion> {
  const question = await loadVersionContent(attempt.questionVersionId);
  // A stored version that no longer validates is a bank defect, not the learner's doing.
  if (!question) throw new AppError("INTERNAL", { cause: new Error(`question version ${attempt.questionVersionId} is not a valid question`) });
  return question;
}

function parseAnswer(input: unknown): TAnswer {
  const parsed = ZAnswer.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION");
  const answer = parsed.data;
  if (answer.type === "sim") {
    const size = Buffer.byteLength(answer.manifest ?? "", "utf8") + Buffer.byteLength(answer.commands ?? "", "utf8");
    if (size > MAX_ANSWER_BYTES) throw new AppError("VALIDATION");
  } else if (Buffer.byteLength(JSON.stringify(answer), "utf8") > MAX_ANSWER_BYTES) throw new AppError("VALIDATION");
  return answer;
}

// ─── Open ────────────────────────────────────────────────────────────────────────────────────────

/** A seed for a new attempt: 0 … 2^31-1, fresh per attempt, so each retry gets another variant. */
function newSeed(): number {
  return randomInt(0, 2 ** 31 - 1);
}

async function previousAttempts(userId: string, questionId: string): Promise<TPreviousAttempt[]> {
  const rows = await db.attempt.findMany({
    where: { userId, questionId, mode: "practice", status: "graded" },
    select: { id: true, submittedAt: true, startedAt: true, score: true, maxScore: true },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    take: 50,
  });
  return rows.map((r) => ({ attemptId: r.id, submittedAt: r.submittedAt ?? r.startedAt, percent: toPercent(r.score, r.maxScore) ?? 0 }));
}

/**
 * Opens a question for practice: the attempt in progress when there is one (pinned to the version
 * it started on), else a new attempt on the current version with a new seed.
 */
export async function openPractice(user: CurrentUser, questionId: string): Promise<TOpenPractice> {
  if (typeof questionId !== "string" || questionId.length === 0 || questionId.length > 200) throw new AppError("NOT_FOUND");
  const question = await db.question.findUnique({
    where: { id: questionId },
    select: { id: true, retiredAt: true, currentVersionId: true },
  });
  const open = () =>
    db.attempt.findMany({
      where: { userId: user.id, questionId, mode: "practice", status: "in_progress" },
      select: { id: true, seed: true, questionVersionId: true },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    });
  let attempts = question ? await open() : [];
  if (attempts.length === 0) {
    if (!question || question.retiredAt || !question.currentVersionId) throw new AppError("NOT_FOUND");
    if (!(await loadVersionContent(question.currentVersionId))) throw new AppError("NOT_FOUND");
    await db.attempt.create({
      data: { userId: user.id, questionId, questionVersionId: question.currentVersionId, mode: "practice", seed: newSeed() },
    });
    attempts = await open();
    // Two tabs opening the question at the same moment both created one: keep the oldest, drop the
    // other (it has no answers yet, so nothing is lost).
    if (attempts.length > 1) {
      await db.attempt.deleteMany({ where: { id: { in: attempts.slice(1).map((a) => a.id) }, answers: { none: {} } } });
    }
  }
  const attempt = attempts[0];
  const content = await questionOf({ questionVersionId: attempt.questionVersionId! });
  // The learner will submit soon: have a grading worker loaded by then.
  warmGradingPool();
  return {
    attemptId: attempt.id,
    seed: attempt.seed,
    question: toClientQuestion(renderQuestion(content, attempt.seed), attempt.seed),
    previous: await previousAttempts(user.id, questionId),
  };
}

// ─── Reveal ──────────────────────────────────────────────────────────────────────────────────────

export function buildReveal(question: TQuestion, seed: number): TReveal {
  const q = renderQuestion(question, seed);
  const base = { explanation: q.explanation, sources: q.sources.map(noteExcerpt) };
  const choiceFeedback = (choices: { id: string; text: TText; feedback?: TText }[], right: (id: string) => boolean) =>
    choices.map((c) => ({ id: c.id, text: c.text, correct: right(c.id), ...(c.feedback ? { feedback: c.feedback } : {}) }));
  switch (q.type) {
    case "single-choice":
      return { ...base, solution: { type: q.type, choice: q.answer }, choiceFeedback: choiceFeedback(q.choices, (id) => id === q.answer) };
    case "multiple-choice":
      return { ...base, solution: { type: q.type, choices: [...q.answer] }, choiceFeedback: choiceFeedback(q.choices, (id) => q.answer.includes(id)) };
    case "true-false":
      return { ...base, solution: { type: q.type, value: q.answer }, choiceFeedback: [], ...(q.feedback ? { feedback: q.feedback } : {}) };
    case "fill-in":
      return { ...base, solution: { type: q.type, blanks: Object.fromEntries(q.blanks.map((b) => [b.id, b.accept[0]])) }, choiceFeedback: [] };
    case "ordering":
      return { ...base, solution: { type: q.type, order: [...q.answer] }, choiceFeedback: [] };
    case "matching":
      return { ...base, solution: { type: q.type, pairs: { ...q.answer } }, choiceFeedback: [] };
    default: {
      const solution: TRevealSolution = {
        type: "sim",
        ...(q.solution.manifest !== undefined ? { manifest: q.solution.manifest } : {}),
        ...(q.solution.commands !== undefined ? { commands: q.solution.commands } : {}),
      };
      return { ...base, solution, choiceFeedback: [], ...(q.type === "spot-the-mistake" ? { mistakes: q.mistakes } : {}) };
    }
  }
}

// ─── Submit ──────────────────────────────────────────────────────────────────────────────────────

type TAnswerRow = {
  id: string;
  attemptId: string;
  payload: Prisma.JsonValue;
  result: Prisma.JsonValue;
  gradedAt: Date | null;
  createdAt: Date;
  attempt: { userId: string; status: string; seed: number; questionVersionId: string | null };
};

const ANSWER_ROW_SELECT = {
  id: true,
  attemptId: true,
  payload: true,
  result: true,
  gradedAt: true,
  createdAt: true,
  attempt: { select: { userId: true, status: true, seed: true, questionVersionId: true } },
} as const;

async function storedSubmitResult(row: TAnswerRow): Promise<TSubmitResult> {
  const result = row.result as TGradeResult;
  const graded = result.status === "graded" && row.attempt.status === "graded";
  return {
    answerId: row.id,
    result,
    reveal: graded && row.attempt.questionVersionId ? buildReveal(await questionOf({ questionVersionId: row.attempt.questionVersionId }), row.attempt.seed) : null,
    attemptStatus: row.attempt.status,
  };
}

/**
 * Grades a claimed answer and stores the result. A graded answer closes the attempt if it is still
 * in progress: of two different submits racing, the first grade decides the attempt's score and the
 * second answer stays in its history.
 */
async function gradeAndStore(
  answerId: string,
  attempt: Pick<TOwnedAttempt, "id" | "seed" | "status" | "userId" | "questionId">,
  question: TQuestion,
  answer: TAnswer,
): Promise<TSubmitResult> {
  const result = await gradeAnswerInPool(question, answer, attempt.seed);
  const now = new Date();
  const graded = result.status === "graded";
  const answerUpdate = db.answer.update({
    where: { id: answerId },
    data: {
      result: result as unknown as Prisma.InputJsonValue,
      score: graded ? result.score : null,
      maxScore: graded ? result.maxScore : null,
      valid: graded,
      gradedAt: now,
      graderVersion: GRADER_VERSION,
    },
  });
  let attemptStatus = attempt.status;
  if (graded) {
    const [, closed] = await db.$transaction([
      answerUpdate,
      db.attempt.updateMany({
        where: { id: attempt.id, status: "in_progress" },
        data: { status: "graded", score: result.score, maxScore: result.maxScore, submittedAt: now },
      }),
    ]);
    attemptStatus =
      closed.count === 1 ? "graded" : ((await db.attempt.findUnique({ where: { id: attempt.id }, select: { status: true } }))?.status ?? "graded");
    // The answer that closed the attempt schedules the question's next spaced review (FSRS).
    if (closed.count === 1) {
      const percent = result.maxScore > 0 ? (100 * result.score) / result.maxScore : 0;
      await recordReview(db, { userId: attempt.userId, questionId: attempt.questionId, answerId, percent, at: now });
    }
  } else {
    await answerUpdate;
  }
  return {
    answerId,
    result,
    reveal: graded && attemptStatus === "graded" ? buildReveal(question, attempt.seed) : null,
    attemptStatus,
  };
}

/**
 * The stored answer for a key another request is grading, once it has its grade. When that
 * request died mid-grade (its instance crashed or restarted), the claim goes stale and this request
 * takes it over: moving createdAt forward is the compare-and-set that lets exactly one waiter win.
 */
async function waitForGrade(user: CurrentUser, attemptId: string, key: string): Promise<TSubmitResult> {
  const deadline = Date.now() + WAIT_FOR_GRADE_MS;
  for (;;) {
    const row = await db.answer.findUnique({ where: { idempotencyKey: key }, select: ANSWER_ROW_SELECT });
    if (!row) throw new AppError("CONFLICT");
    // A key is the client's name for one submit of one attempt: reusing it elsewhere is refused.
    if (row.attempt.userId !== user.id) throw new AppError("CONFLICT");
    if (row.attemptId !== attemptId) throw new AppError("CONFLICT");
    if (row.gradedAt) return storedSubmitResult(row);
    if (Date.now() - row.createdAt.getTime() > staleClaimMs()) {
      const taken = await db.answer.updateMany({ where: { id: row.id, gradedAt: null, createdAt: row.createdAt }, data: { createdAt: new Date() } });
      if (taken.count === 1) {
        const attempt = await loadOwnedPracticeAttempt(user, attemptId);
        const answer = ZAnswer.safeParse(row.payload);
        if (!answer.success) throw new AppError("CONFLICT");
        return gradeAndStore(row.id, attempt, await questionOf(attempt), answer.data);
      }
    }
    if (Date.now() > deadline) throw new AppError("CONFLICT");
    await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
  }
}

/**
 * Grades one answer. The idempotency key (one per submit click, from the client) makes a retried or
 * doubled request return the first one's stored result instead of grading again. A graded answer
 * closes the attempt; an invalid one (or a grader failure) is stored with valid=false and leaves the
 * attempt open, so the learner fixes it and submits again.
 */
export async function submitAnswer(user: CurrentUser, attemptId: string, answerInput: TAnswer, idempotencyKey: string): Promise<TSubmitResult> {
  const key = ZIdempotencyKey.safeParse(idempotencyKey);
  if (!key.success) throw new AppError("VALIDATION");
  const answer = parseAnswer(answerInput);
  const existing = await db.answer.findUnique({ where: { idempotencyKey: key.data }, select: { id: true } });
  if (existing) return waitForGrade(user, attemptId, key.data);

  const attempt = await loadOwnedPracticeAttempt(user, attemptId);
  if (attempt.status !== "in_progress") throw new AppError("CONFLICT");
  const question = await questionOf(attempt);

  // Claim the key before grading: of two identical requests, exactly one inserts and grades.
  let answerId: string;
  try {
    const row = await db.answer.create({
      data: {
        attemptId: attempt.id,
        questionVersionId: attempt.questionVersionId,
        payload: answer as Prisma.InputJsonValue,
        seed: attempt.seed,
        idempotencyKey: key.data,
      },
      select: { id: true },
    });
    answerId = row.id;
  } catch (error) {
    if (isUniqueViolation(error)) return waitForGrade(user, attemptId, key.data);
    throw error;
  }
  return gradeAndStore(answerId, attempt, question, answer);
}

// ─── Precheck and results ────────────────────────────────────────────────────────────────────────

/** Parses and validates a manifest against the task (server dry-run) without grading or storing it. */
export async function precheckAnswer(user: CurrentUser, attemptId: string, answerInput: TAnswer): Promise<TPrecheckResult> {
  const answer = parseAnswer(answerInput);
  const attempt = await loadOwnedPracticeAttempt(user, attemptId);
  if (attempt.status !== "in_progress") throw new AppError("CONFLICT");
  const question = await questionOf(attempt);
  if (!isSimQuestion(question)) return { ok: true, objects: [] };
  return precheckAnswerInPool(question, answer, attempt.seed);
}

export async function getAttemptResult(user: CurrentUser, attemptId: string): Promise<TAttemptResult> {
  const attempt = await loadOwnedPracticeAttempt(user, attemptId);
  const question = await questionOf(attempt);
  const latest = await db.answer.findFirst({
    where: { attemptId: attempt.id, gradedAt: { not: null }, ...(attempt.status === "graded" ? { valid: true } : {}) },
    // The closing answer is the first valid one (regrades move gradedAt, never createdAt).
    orderBy: [{ createdAt: attempt.status === "graded" ? "asc" : "desc" }, { id: "asc" }],
    select: { id: true, payload: true, result: true, valid: true, createdAt: true },
  });
  return {
    attemptId: attempt.id,
    questionId: attempt.questionId,
    status: attempt.status,
    seed: attempt.seed,
    startedAt: attempt.startedAt,
    submittedAt: attempt.submittedAt,
    score: attempt.score,
    maxScore: attempt.maxScore,
    percent: toPercent(attempt.score, attempt.maxScore),
    question: toClientQuestion(renderQuestion(question, attempt.seed), attempt.seed),
    latest: latest
      ? {
          answerId: latest.id,
          answer: latest.payload as TAnswer,
          result: (latest.result as TGradeResult | null) ?? null,
          valid: latest.valid,
          createdAt: latest.createdAt,
        }
      : null,
    reveal: attempt.status === "graded" ? buildReveal(question, attempt.seed) : null,
  };
}

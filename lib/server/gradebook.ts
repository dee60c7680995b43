// The gradebook of a class: students × assignments (counted score, late mark, attempts), one
// student's graded answers with the grader's checks, CSV export, manual overrides (audited) and
// regrading an assignment on the current grader. Only the class's managers (owner, co-instructor,
// admin) get here; a student of the class is refused, anyone else gets NOT_FOUND.
import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/guard";
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { GRADER_VERSION } from "@/lib/grading";
import { ZAnswer, type TAnswer } from "@/lib/questions";
import { assignmentScore, applyPenalty, latePenalty, latePolicyOf, learnerWindow, loadManagedAssignment, questionsFor, submissionScores } from "./assignments";
import { recordAudit } from "./audit";
import { requireClassManager } from "./classes";
import { gradeAnswerInPool, type TGradeResult } from "./grading";
import { loadVersionContent } from "./question-bank";

export type TGradebookCell = {
  assignmentId: string;
  /** 0–100, overrides included; null when nothing was submitted. */
  percent: number | null;
  late: boolean;
  /** Graded attempts (submissions) over all questions. */
  attempts: number;
  overridden: boolean;
  extended: boolean;
};

export type TGradebook = {
  classId: string;
  className: string;
  timeZone: string;
  assignments: { id: string; title: string; dueAt: Date; questions: number }[];
  students: { userId: string; name: string; email: string; cells: TGradebookCell[] }[];
};

export async function getGradebook(user: CurrentUser, classId: unknown): Promise<TGradebook> {
  const access = await requireClassManager(user, classId);
  const [enrolments, rows] = await Promise.all([
    db.enrollment.findMany({
      where: { classId: access.id, role: "STUDENT" },
      select: { userId: true, user: { select: { name: true, email: true } } },
      orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    }),
    db.assignment.findMany({
      where: { classId: access.id },
      select: { id: true, title: true, dueAt: true, questionIds: true, rule: true, latePolicy: true, opensAt: true, attemptsAllowed: true, timeLimitSec: true, solutionsReleaseAt: true, classId: true, description: true },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const userIds = enrolments.map((e) => e.userId);
  const extensions = await db.assignmentExtension.findMany({
    where: { assignmentId: { in: rows.map((r) => r.id) }, userId: { in: userIds } },
    select: { assignmentId: true, userId: true },
  });
  const extended = new Set(extensions.map((e) => `${e.assignmentId}:${e.userId}`));
  const byAssignment = new Map(await Promise.all(rows.map(async (r) => [r.id, await submissionScores(r.id, userIds)] as const)));
  const students = [];
  for (const e of enrolments) {
    const cells: TGradebookCell[] = [];
    for (const r of rows) {
      const subs = byAssignment.get(r.id)?.get(e.userId) ?? [];
      const score = assignmentScore(await questionsFor(r, e.userId), subs);
      cells.push({
        assignmentId: r.id,
        percent: score.percent,
        late: score.late,
        attempts: subs.length,
        overridden: subs.some((s) => s.overrideScore !== null),
        extended: extended.has(`${r.id}:${e.userId}`),
      });
    }
    students.push({ userId: e.userId, name: e.user.name, email: e.user.email, cells });
  }
  return {
    classId: access.id,
    className: access.name,
    timeZone: access.timeZone,
    assignments: rows.map((r) => ({
      id: r.id,
      title: r.title,
      dueAt: r.dueAt,
      questions: Array.isArray(r.questionIds) ? r.questionIds.length + (r.rule ? ((r.rule as { count?: number }).count ?? 0) : 0) : 0,
    })),
    students,
  };
}

// ─── Drill-down ──────────────────────────────────────────────────────────────────────────────────

export type TStudentSubmission = {
  submissionId: string;
  attemptId: string;
  questionId: string;
  submittedAt: Date;
  late: boolean;
  /** Raw grade, the penalised score, the instructor's override. */
  rawScore: number | null;
  score: number | null;
  maxScore: number | null;
  override: { score: number; reason: string; by: string | null; at: Date | null } | null;
  answer: TAnswer | null;
  result: TGradeResult | null;
};

export type TStudentWork = {
  student: { userId: string; name: string; email: string };
  assignment: { id: string; title: string };
  questionIds: string[];
  submissions: TStudentSubmission[];
};

export async function getStudentWork(user: CurrentUser, assignmentId: unknown, studentId: unknown): Promise<TStudentWork> {
  const { row, access } = await loadManagedAssignment(user, assignmentId);
  if (typeof studentId !== "string" || studentId.length > 64) throw new AppError("NOT_FOUND");
  const enrolment = await db.enrollment.findUnique({
    where: { classId_userId: { classId: access.id, userId: studentId } },
    select: { role: true, user: { select: { name: true, email: true } } },
  });
  if (enrolment?.role !== "STUDENT") throw new AppError("NOT_FOUND");
  const subs = await db.submission.findMany({
    where: { assignmentId: row.id, userId: studentId },
    select: {
      id: true,
      attemptId: true,
      submittedAt: true,
      late: true,
      score: true,
      maxScore: true,
      overrideScore: true,
      overrideReason: true,
      overriddenAt: true,
      overrideBy: { select: { name: true } },
      attempt: {
        select: {
          questionId: true,
          score: true,
          answers: { where: { valid: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 1, select: { payload: true, result: true } },
        },
      },
    },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
  });
  return {
    student: { userId: studentId, name: enrolment.user.name, email: enrolment.user.email },
    assignment: { id: row.id, title: row.title },
    questionIds: await questionsFor(row, studentId),
    submissions: subs.map((s) => {
      const answer = s.attempt.answers[0];
      const parsed = answer ? ZAnswer.safeParse(answer.payload) : null;
      return {
        submissionId: s.id,
        attemptId: s.attemptId,
        questionId: s.attempt.questionId ?? "",
        submittedAt: s.submittedAt,
        late: s.late,
        rawScore: s.attempt.score,
        score: s.score,
        maxScore: s.maxScore,
        override: s.overrideScore !== null ? { score: s.overrideScore, reason: s.overrideReason ?? "", by: s.overrideBy?.name ?? null, at: s.overriddenAt } : null,
        answer: parsed?.success ? parsed.data : null,
        result: (answer?.result as TGradeResult | null) ?? null,
      };
    }),
  };
}

// ─── Override ────────────────────────────────────────────────────────────────────────────────────

export const ZOverride = z
  .object({
    /** Points on the submission's scale; null removes the override. */
    score: z.number().min(0).nullable(),
    reason: z.string().trim().min(3).max(500),
  })
  .strict();
export type TOverride = z.infer<typeof ZOverride>;

/** Sets (or clears) the manual grade of one submission, with its reason, in the audit log. */
export async function overrideSubmission(user: CurrentUser, submissionId: unknown, input: unknown, now: Date = new Date()): Promise<void> {
  if (typeof submissionId !== "string" || submissionId.length === 0 || submissionId.length > 64) throw new AppError("NOT_FOUND");
  const sub = await db.submission.findUnique({ where: { id: submissionId }, select: { id: true, assignmentId: true, userId: true, score: true, maxScore: true, overrideScore: true } });
  if (!sub) throw new AppError("NOT_FOUND");
  await loadManagedAssignment(user, sub.assignmentId);
  const parsed = ZOverride.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", { fieldErrors: { reason: "gradebook.error.reason" } });
  const { score, reason } = parsed.data;
  if (score !== null && sub.maxScore !== null && score > sub.maxScore) throw new AppError("VALIDATION", { fieldErrors: { score: "gradebook.error.score" } });
  await db.$transaction(async (tx) => {
    await tx.submission.update({
      where: { id: sub.id },
      data: score === null ? { overrideScore: null, overrideReason: null, overrideById: null, overriddenAt: null } : { overrideScore: score, overrideReason: reason, overrideById: user.id, overriddenAt: now },
    });
    await recordAudit(
      {
        actorId: user.id,
        action: score === null ? "submission.override.clear" : "submission.override",
        targetType: "Submission",
        targetId: sub.id,
        detail: { assignmentId: sub.assignmentId, studentId: sub.userId, score: sub.score, previousOverride: sub.overrideScore, override: score, reason },
      },
      tx,
    );
  });
}

// ─── Regrade ─────────────────────────────────────────────────────────────────────────────────────

export type TRegradeChange = {
  submissionId: string;
  userId: string;
  name: string;
  questionId: string;
  before: { score: number | null; maxScore: number | null };
  after: { score: number; maxScore: number };
};

export type TRegradeReport = {
  regraded: number;
  changed: TRegradeChange[];
  /** Submissions the grader could not grade again (kept as they were). */
  failed: { submissionId: string; questionId: string; status: string }[];
  graderVersion: string;
};

/**
 * Re-runs the grader on every submission's stored answer with the answer's own seed and question
 * version; a changed grade updates the answer, the attempt and the submission (late penalty
 * re-applied from the learner's due date). Overrides stay: they still win in the gradebook.
 */
export async function regradeAssignment(user: CurrentUser, assignmentId: unknown): Promise<TRegradeReport> {
  const { row } = await loadManagedAssignment(user, assignmentId);
  const subs = await db.submission.findMany({
    where: { assignmentId: row.id },
    select: {
      id: true,
      userId: true,
      score: true,
      maxScore: true,
      submittedAt: true,
      user: { select: { name: true } },
      attempt: {
        select: {
          id: true,
          questionId: true,
          answers: { where: { valid: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 1, select: { id: true, payload: true, seed: true, questionVersionId: true } },
        },
      },
    },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
  });
  const policy = latePolicyOf(row);
  const report: TRegradeReport = { regraded: 0, changed: [], failed: [], graderVersion: GRADER_VERSION };
  for (const sub of subs) {
    const answer = sub.attempt.answers[0];
    const questionId = sub.attempt.questionId ?? "";
    const parsed = answer ? ZAnswer.safeParse(answer.payload) : null;
    const question = answer ? await loadVersionContent(answer.questionVersionId) : null;
    if (!answer || !parsed?.success || !question) {
      report.failed.push({ submissionId: sub.id, questionId, status: "missing" });
      continue;
    }
    const result = await gradeAnswerInPool(question, parsed.data, answer.seed);
    if (result.status !== "graded") {
      report.failed.push({ submissionId: sub.id, questionId, status: result.status });
      continue;
    }
    report.regraded += 1;
    const { dueAt } = await learnerWindow(row, sub.userId);
    const score = applyPenalty(result.score, latePenalty(policy, dueAt, sub.submittedAt).penaltyPercent);
    await db.$transaction([
      db.answer.update({
        where: { id: answer.id },
        data: { result: result as unknown as Prisma.InputJsonValue, score: result.score, maxScore: result.maxScore, graderVersion: GRADER_VERSION, gradedAt: new Date() },
      }),
      db.attempt.update({ where: { id: sub.attempt.id }, data: { score: result.score, maxScore: result.maxScore } }),
      db.submission.update({ where: { id: sub.id }, data: { score, maxScore: result.maxScore } }),
    ]);
    if (score !== sub.score || result.maxScore !== sub.maxScore) {
      report.changed.push({ submissionId: sub.id, userId: sub.userId, name: sub.user.name, questionId, before: { score: sub.score, maxScore: sub.maxScore }, after: { score, maxScore: result.maxScore } });
    }
  }
  return report;
}

// ─── CSV ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * One RFC 4180 field: quoted when it holds a comma, quote, CR or LF, quotes doubled. A leading
 * = + - @ is prefixed with ' so a spreadsheet never runs a name like "=HYPERLINK(…)" as a formula.
 */
export function csvField(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The gradebook as CSV: CRLF lines, a UTF-8 BOM so Excel reads names in any script correctly. */
export async function gradebookCsv(user: CurrentUser, classId: unknown): Promise<{ filename: string; body: string }> {
  const book = await getGradebook(user, classId);
  const header = ["Name", "Email"];
  for (const a of book.assignments) header.push(`${a.title} (%)`, `${a.title} late`, `${a.title} attempts`);
  const lines = [header.map(csvField).join(",")];
  for (const s of book.students) {
    const fields: (string | number | null)[] = [s.name, s.email];
    for (const c of s.cells) fields.push(c.percent, c.late ? "late" : "", c.attempts);
    lines.push(fields.map(csvField).join(","));
  }
  const slug = book.className.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "class";
  return { filename: `gradebook-${slug}.csv`, body: `\uFEFF${lines.join("\r\n")}\r\n` };
}

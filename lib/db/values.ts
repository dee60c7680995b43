// The closed sets and JSON shapes stored in the database. Roles and statuses are String columns
// (portable across SQLite and PostgreSQL, no enum migrations); these schemas are their types.
// Json columns come back as Prisma.JsonValue: read them through parseJsonColumn with the schema.
import { z } from "zod";

export const ZRole = z.enum(["STUDENT", "INSTRUCTOR", "ADMIN"]);
export type TRole = z.infer<typeof ZRole>;

export const ZLocale = z.enum(["zh", "en"]);
export type TLocale = z.infer<typeof ZLocale>;

export const ZAttemptMode = z.enum(["practice", "exam", "assignment"]);
export type TAttemptMode = z.infer<typeof ZAttemptMode>;

export const ZAttemptStatus = z.enum(["in_progress", "submitted", "graded", "abandoned", "expired"]);
export type TAttemptStatus = z.infer<typeof ZAttemptStatus>;

export const ZExamSessionStatus = z.enum(["in_progress", "submitted", "expired", "abandoned"]);
export type TExamSessionStatus = z.infer<typeof ZExamSessionStatus>;

export const ZEnrollmentRole = z.enum(["STUDENT", "INSTRUCTOR"]);
export type TEnrollmentRole = z.infer<typeof ZEnrollmentRole>;

/** FSRS card states, by name (ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning). */
export const ZReviewState = z.enum(["New", "Learning", "Review", "Relearning"]);
export type TReviewState = z.infer<typeof ZReviewState>;

export const ZReviewRating = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type TReviewRating = z.infer<typeof ZReviewRating>;

export const ZTerminalContext = z.enum(["sandbox", "practice", "exam", "assignment"]);
export type TTerminalContext = z.infer<typeof ZTerminalContext>;

/** Seeds fit a signed 32-bit Int column on both providers. */
export const ZSeed = z.number().int().min(0).max(2_147_483_647);

/** Emails are stored lower-cased and trimmed, so the unique index is case-insensitive in effect. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// ─── JSON column shapes ─────────────────────────────────────────────────────────────────────────

/** Assignment.questionIds */
export const ZQuestionIdList = z.array(z.string().min(1)).max(500);

/** Assignment.latePolicy — 10 %/day for at most 3 days: a submission 2 days late keeps 80 %. */
export const ZLatePolicy = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }).strict(),
  z.object({ kind: z.literal("reject") }).strict(),
  z
    .object({
      kind: z.literal("penalty"),
      percentPerDay: z.number().min(0).max(100),
      maxDays: z.number().int().min(1).max(365),
    })
    .strict(),
]);
export type TLatePolicy = z.infer<typeof ZLatePolicy>;

/** ExamTemplate.rule and Assignment.rule: fixed questions and/or topic quotas drawn per seed. */
export const ZDrawRule = z
  .object({
    questionIds: z.array(z.string().min(1)).max(500).default([]),
    quotas: z
      .array(z.object({ topic: z.string().min(1), count: z.number().int().min(1).max(100) }).strict())
      .max(50)
      .default([]),
  })
  .strict();
export type TDrawRule = z.infer<typeof ZDrawRule>;

/** ExamSession.tasks, frozen when the session starts. */
export const ZExamTasks = z
  .array(
    z
      .object({
        questionId: z.string().min(1),
        questionVersionId: z.string().min(1),
        weight: z.number().positive(),
      })
      .strict(),
  )
  .max(100);
export type TExamTasks = z.infer<typeof ZExamTasks>;

/** Reads a Json column with its schema; a row that does not match is a data error, said so. */
export function parseJsonColumn<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const at = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
  throw new Error(`${where} holds unexpected JSON${at}: ${issue?.message ?? "invalid"}`);
}

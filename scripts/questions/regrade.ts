// questions:regrade — re-scores stored answers with the current grader, each against the question
// version it answered and with the seed it was graded with, and prints what changed.
//
//   npm run questions:regrade                         every graded answer
//   npm run questions:regrade -- --question ID        one question's answers
//   npm run questions:regrade -- --dry-run            report only, write nothing
//
// The new result replaces the stored one; the previous score, status and grader version are kept in
// the result JSON under `regrade.previous` (oldest first), so a regrade never loses history. A
// practice attempt's score follows the answer that closed it. Exam and assignment totals are not
// recomputed here: the report lists those answers so an instructor can review them.
import type { TDb } from "../../lib/db/client";
import { GRADER_VERSION } from "../../lib/grading";
import type { TGradeResult } from "../../lib/grading/types";
import { ZAnswer, ZQuestion, type TAnswer, type TQuestion } from "../../lib/questions/schema";

export type TGradeFn = (question: TQuestion, answer: TAnswer, seed: number) => Promise<TGradeResult>;

type TOutcome = { status: TGradeResult["status"] | "ungraded"; score: number | null; maxScore: number | null };

export type TRegradeEntry = {
  previous: TOutcome & { graderVersion: string | null; gradedAt: string | null };
};

export type TRegradeChange = {
  answerId: string;
  attemptId: string;
  questionId: string;
  mode: string;
  before: TOutcome;
  after: TOutcome;
  /** The attempt's score was updated with this answer's (the answer that closed a practice attempt). */
  attemptUpdated: boolean;
};

export type TRegradeReport = {
  graderVersion: string;
  dryRun: boolean;
  examined: number;
  changed: TRegradeChange[];
  unchanged: number;
  /** Answers that could not be regraded (payload or version no longer valid). */
  skipped: { answerId: string; reason: string }[];
};

function outcomeOf(result: TGradeResult | null, score: number | null, maxScore: number | null): TOutcome {
  if (!result) return { status: "ungraded", score, maxScore };
  return result.status === "graded" ? { status: "graded", score: result.score, maxScore: result.maxScore } : { status: result.status, score: null, maxScore: null };
}

function sameOutcome(a: TOutcome, b: TOutcome): boolean {
  return a.status === b.status && a.score === b.score && a.maxScore === b.maxScore;
}

function previousEntries(result: unknown): TRegradeEntry["previous"][] {
  const regrade = (result as { regrade?: { previous?: unknown } } | null)?.regrade;
  return Array.isArray(regrade?.previous) ? (regrade.previous as TRegradeEntry["previous"][]) : [];
}

export async function regradeAnswers(
  db: TDb,
  options: { questionId?: string; dryRun?: boolean; grade: TGradeFn; now?: Date; log?: (line: string) => void },
): Promise<TRegradeReport> {
  const dryRun = options.dryRun ?? false;
  const now = options.now ?? new Date();
  const report: TRegradeReport = { graderVersion: GRADER_VERSION, dryRun, examined: 0, changed: [], unchanged: 0, skipped: [] };
  const versions = new Map<string, TQuestion | null>();
  const contentOf = async (versionId: string): Promise<TQuestion | null> => {
    if (!versions.has(versionId)) {
      const row = await db.questionVersion.findUnique({ where: { id: versionId }, select: { content: true } });
      const parsed = row ? ZQuestion.safeParse(row.content) : undefined;
      versions.set(versionId, parsed?.success ? parsed.data : null);
    }
    return versions.get(versionId) ?? null;
  };

  const BATCH = 200;
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.answer.findMany({
      where: { gradedAt: { not: null }, ...(options.questionId ? { questionVersion: { questionId: options.questionId } } : {}) },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true,
        attemptId: true,
        questionVersionId: true,
        payload: true,
        result: true,
        score: true,
        maxScore: true,
        seed: true,
        graderVersion: true,
        gradedAt: true,
        questionVersion: { select: { questionId: true } },
        attempt: { select: { mode: true, status: true } },
      },
    });
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1].id;
    for (const row of rows) {
      report.examined++;
      const question = await contentOf(row.questionVersionId);
      if (!question) {
        report.skipped.push({ answerId: row.id, reason: `question version ${row.questionVersionId} is not a valid question` });
        continue;
      }
      const answer = ZAnswer.safeParse(row.payload);
      if (!answer.success) {
        report.skipped.push({ answerId: row.id, reason: "the stored answer is not a valid answer" });
        continue;
      }
      const oldResult = (row.result as TGradeResult | null) ?? null;
      const before = outcomeOf(oldResult, row.score, row.maxScore);
      const result = await options.grade(question, answer.data, row.seed);
      const after = outcomeOf(result, null, null);
      const changed = !sameOutcome(before, after);
      if (!changed && row.graderVersion === GRADER_VERSION) {
        report.unchanged++;
        continue;
      }
      let attemptUpdated = false;
      if (!dryRun) {
        const previous = [
          ...previousEntries(oldResult),
          { ...before, graderVersion: row.graderVersion, gradedAt: row.gradedAt ? row.gradedAt.toISOString() : null },
        ];
        const graded = result.status === "graded";
        await db.answer.update({
          where: { id: row.id },
          data: {
            result: { ...result, regrade: { previous } } as object,
            score: graded ? result.score : null,
            maxScore: graded ? result.maxScore : null,
            gradedAt: now,
            graderVersion: GRADER_VERSION,
          },
        });
        // A practice attempt's score is its closing answer's: the first valid graded answer.
        if (graded && row.attempt.mode === "practice" && row.attempt.status === "graded") {
          const closing = await db.answer.findFirst({
            where: { attemptId: row.attemptId, valid: true, gradedAt: { not: null } },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: { id: true },
          });
          if (closing?.id === row.id) {
            await db.attempt.update({ where: { id: row.attemptId }, data: { score: result.score, maxScore: result.maxScore } });
            attemptUpdated = true;
          }
        }
      }
      if (changed) {
        report.changed.push({
          answerId: row.id,
          attemptId: row.attemptId,
          questionId: row.questionVersion.questionId,
          mode: row.attempt.mode,
          before,
          after,
          attemptUpdated,
        });
      } else report.unchanged++;
      options.log?.(`${row.questionVersion.questionId} ${row.id}: ${changed ? "changed" : "unchanged"}`);
    }
    if (rows.length < BATCH) break;
  }
  return report;
}

function formatOutcome(o: TOutcome): string {
  return o.status === "graded" ? `${o.score}/${o.maxScore}` : o.status;
}

export function describeRegrade(report: TRegradeReport): string[] {
  const lines = [
    `regrade with grader ${report.graderVersion}: ${report.examined} answers examined, ${report.changed.length} changed, ` +
      `${report.unchanged} unchanged, ${report.skipped.length} skipped${report.dryRun ? " (dry run: nothing written)" : ""}`,
  ];
  for (const c of report.changed) {
    const note = c.mode !== "practice" ? `  [${c.mode}: totals not recomputed]` : c.attemptUpdated ? "  [attempt score updated]" : "";
    lines.push(`  ${c.questionId}  answer ${c.answerId}  ${formatOutcome(c.before)} → ${formatOutcome(c.after)}${note}`);
  }
  for (const s of report.skipped) lines.push(`  skipped answer ${s.answerId}: ${s.reason}`);
  return lines;
}

export function parseRegradeArgs(argv: string[]): { questionId?: string; dryRun: boolean } {
  let questionId: string | undefined;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--dry-run") dryRun = true;
    else if (arg === "--question") {
      questionId = argv[++i];
      if (!questionId) throw new Error("--question needs a question id, e.g. --question restart-policy/default-value");
    } else if (arg.startsWith("--question=")) questionId = arg.slice("--question=".length);
    else throw new Error(`unknown argument "${arg}" (usage: questions:regrade [-- --question ID] [--dry-run])`);
  }
  return { questionId, dryRun };
}

async function main(): Promise<void> {
  const args = parseRegradeArgs(process.argv.slice(2));
  const { getEnv, getGradingEnv } = await import("../../lib/env");
  const { createDbClient } = await import("../../lib/db/client");
  const { createGradingPool, gradeInPool } = await import("../../lib/server/grading/grading-pool");
  const env = getEnv();
  const grading = getGradingEnv();
  const db = createDbClient(env.DATABASE_URL);
  const pool = createGradingPool({ size: grading.GRADING_POOL_SIZE, jobTimeoutMs: grading.GRADING_JOB_TIMEOUT_MS });
  try {
    const report = await regradeAnswers(db, {
      ...args,
      grade: (question, answer, seed) => gradeInPool(pool, { question, answer, seed }, grading.GRADING_JOB_TIMEOUT_MS),
    });
    for (const line of describeRegrade(report)) console.log(line);
  } finally {
    await pool.close();
    await db.$disconnect();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

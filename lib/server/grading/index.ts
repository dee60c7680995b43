// The app's grading pool: one per process, sized and budgeted from lib/env.ts (GRADING_POOL_SIZE,
// GRADING_JOB_TIMEOUT_MS). Cached on globalThis so Next.js dev reloads do not leak worker threads.
import "server-only";
import { getGradingEnv } from "@/lib/env";
import { DEFAULT_BUDGET_MS } from "@/lib/grading";
import type { TAnswer, TQuestion } from "@/lib/questions/schema";
import { createGradingPool, gradeInPool, precheckInPool, type TGradeResult, type TGradingPool, type TPrecheckResult } from "./grading-pool";

export type { TGradeResult, TPrecheckResult } from "./grading-pool";

const globalForPool = globalThis as unknown as { kubedrillGradingPool?: TGradingPool };

export function getGradingPool(): TGradingPool {
  globalForPool.kubedrillGradingPool ??= createGradingPool({
    size: getGradingEnv().GRADING_POOL_SIZE,
    jobTimeoutMs: getGradingEnv().GRADING_JOB_TIMEOUT_MS,
  });
  return globalForPool.kubedrillGradingPool;
}

/**
 * The grader's own wall-clock budget for an answer: the default 2 s, plus 25 ms per command line,
 * because a log replayed from the web terminal (hundreds of commands over an hour of virtual time)
 * legitimately takes longer than a typed answer — 200 lines → 7 s. Always under the pool's budget,
 * so the grader reports "timeout" itself before the pool has to stop the worker.
 */
export function gradingBudgetMs(answer: TAnswer, jobTimeoutMs: number): number {
  const lines = answer.type === "sim" && answer.commands ? answer.commands.split("\n").filter((l) => l.trim() !== "").length : 0;
  return Math.max(100, Math.min(DEFAULT_BUDGET_MS + 25 * lines, jobTimeoutMs - 1_000));
}

/** Grades one answer on a worker; a hang or crash comes back as status "error", never a throw. */
export function gradeAnswerInPool(question: TQuestion, answer: TAnswer, seed: number): Promise<TGradeResult> {
  const timeoutMs = getGradingEnv().GRADING_JOB_TIMEOUT_MS;
  return gradeInPool(getGradingPool(), { question, answer, seed, budgetMs: gradingBudgetMs(answer, timeoutMs) }, timeoutMs);
}

export function precheckAnswerInPool(question: TQuestion, answer: TAnswer, seed: number): Promise<TPrecheckResult> {
  return precheckInPool(getGradingPool(), { question, answer, seed }, getGradingEnv().GRADING_JOB_TIMEOUT_MS);
}

/** Starts the pool's first worker in the background (e.g. when a learner opens a question). */
export function warmGradingPool(): void {
  void getGradingPool().warm();
}

// The app's grading pool: one per process, sized and budgeted from lib/env.ts (GRADING_POOL_SIZE,
// GRADING_JOB_TIMEOUT_MS). Cached on globalThis so Next.js dev reloads do not leak worker threads.
import "server-only";
import { getGradingEnv } from "@/lib/env";
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

/** Grades one answer on a worker; a hang or crash comes back as status "error", never a throw. */
export function gradeAnswerInPool(question: TQuestion, answer: TAnswer, seed: number): Promise<TGradeResult> {
  return gradeInPool(getGradingPool(), { question, answer, seed }, getGradingEnv().GRADING_JOB_TIMEOUT_MS);
}

export function precheckAnswerInPool(question: TQuestion, answer: TAnswer, seed: number): Promise<TPrecheckResult> {
  return precheckInPool(getGradingPool(), { question, answer, seed }, getGradingEnv().GRADING_JOB_TIMEOUT_MS);
}

/** Starts the pool's first worker in the background (e.g. when a learner opens a question). */
export function warmGradingPool(): void {
  void getGradingPool().warm();
}

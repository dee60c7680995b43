// The grading pool: worker threads running lib/grading's gradeAnswer and precheck on the bundled
// worker-entry.ts, and the translation of a hung or crashed job into a grade result the learner can
// read. No "server-only" (scripts grade too); the app gets its pool from ./index.ts.
import path from "node:path";
import type { TText } from "@/lib/questions/schema";
import { ensureBundle, type TBundleOptions } from "./bundle";
import type { TGradeResult, TGradingJob, TPrecheckResult } from "./jobs";
import { WorkerPool, type TPoolOutcome } from "./pool";

export type { TGradeResult, TGradingJob, TPrecheckResult } from "./jobs";

export type TGradingPool = WorkerPool<TGradingJob, TGradeResult | TPrecheckResult>;

/** Where the worker's source lives and where its bundle is written, under the project root. */
export function gradingWorkerBundle(root: string = process.cwd()): TBundleOptions {
  return {
    entry: path.join(root, "lib", "server", "grading", "worker-entry.ts"),
    outFile: path.join(root, "build", "grading-worker.mjs"),
    root,
  };
}

export function createGradingPool(options: { size: number; jobTimeoutMs: number; root?: string }): TGradingPool {
  const bundle = gradingWorkerBundle(options.root);
  return new WorkerPool<TGradingJob, TGradeResult | TPrecheckResult>({
    workerFile: () => ensureBundle(bundle),
    size: options.size,
    jobTimeoutMs: options.jobTimeoutMs,
    // One grading needs a few tens of MB; a runaway manifest must not grow a worker without bound.
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
}

function failureText(outcome: Extract<TPoolOutcome<unknown>, { ok: false }>, timeoutMs: number): TText {
  if (outcome.code === "timeout") {
    const seconds = Math.round(timeoutMs / 100) / 10;
    return {
      en: `Grading took longer than ${seconds} s and was stopped. Simplify the answer and submit again.`,
      zh: `评分超过 ${seconds} 秒，已被终止。请简化答案后重新提交。`,
    };
  }
  return {
    en: "The grader failed unexpectedly. Your answer was kept; please submit again.",
    zh: "评分程序意外出错。你的答案已保存，请重新提交。",
  };
}

export async function gradeInPool(
  pool: TGradingPool,
  job: Omit<Extract<TGradingJob, { kind: "grade" }>, "kind">,
  timeoutMs: number,
): Promise<TGradeResult> {
  const outcome = await pool.run({ kind: "grade", ...job }, { timeoutMs });
  if (outcome.ok) return outcome.value as TGradeResult;
  return { status: "error", code: outcome.code, message: failureText(outcome, timeoutMs) };
}

export async function precheckInPool(
  pool: TGradingPool,
  job: Omit<Extract<TGradingJob, { kind: "precheck" }>, "kind">,
  timeoutMs: number,
): Promise<TPrecheckResult> {
  const outcome = await pool.run({ kind: "precheck", ...job }, { timeoutMs });
  if (outcome.ok) return outcome.value as TPrecheckResult;
  return { ok: false, errors: [failureText(outcome, timeoutMs).en] };
}

// The grading worker thread: bundled by lib/server/grading/bundle.ts into build/grading-worker.mjs
// and run by the pool. It only calls the pure grader; the pool owns budgets, crashes and hangs.
import { gradeAnswer, precheck } from "@/lib/grading";
import type { TGradingJob, TGradeResult, TPrecheckResult } from "./jobs";
import { serveJobs } from "./worker-protocol";

serveJobs<TGradingJob, TGradeResult | TPrecheckResult>((job) => {
  switch (job.kind) {
    case "grade":
      return gradeAnswer(job.question, job.answer, { seed: job.seed, budgetMs: job.budgetMs });
    case "precheck":
      return precheck(job.question, job.answer, { seed: job.seed });
  }
});

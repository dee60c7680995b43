// What the grading pool's workers are asked to do. Questions and answers cross the thread boundary
// as structured clones, so a job carries the validated question content itself, never a database id.
import type { TGradeResult, TPrecheckResult } from "@/lib/grading/types";
import type { TAnswer, TQuestion } from "@/lib/questions/schema";

export type { TGradeResult, TPrecheckResult };

export type TGradingJob =
  | { kind: "grade"; question: TQuestion; answer: TAnswer; seed: number; budgetMs?: number }
  | { kind: "precheck"; question: TQuestion; answer: TAnswer; seed: number };

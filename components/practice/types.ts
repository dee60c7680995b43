// What the practice pages exchange with app/practice/actions.ts: a graded (or refused) answer with
// everything the result view shows. Built by the actions from lib/server/practice's results.
import type { TGradeResult } from "@/lib/grading/types";
import type { TAnswer, TSimAnswer, TText } from "@/lib/questions/schema";

export type TNoteSource = { ref: string; excerpt: string | null };

export type TChoiceFeedback = { id: string; text: TText; correct: boolean; feedback?: TText };

export type TAnswerView = {
  answerId: string;
  /** ISO time of the submit. */
  submittedAt: string;
  answer: TAnswer;
  result: TGradeResult;
  /** Only once the answer counted (graded): the teaching, the key and where the notes say it. */
  reveal: {
    explanation: TText;
    sources: TNoteSource[];
    /** Simulator tasks' reference solution, diffed against the answer. */
    solution: TSimAnswer | null;
    choiceFeedback: TChoiceFeedback[];
    feedback?: TText;
    mistakes?: TText[];
  } | null;
};

export type TPreviousAttemptView = { attemptId: string; submittedAt: string; percent: number };

export type TPrecheckView = { ok: true; objects: string[] } | { ok: false; errors: string[] };

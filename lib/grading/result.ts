// Building grade results: the score is the sum of the weights of passed checks (earned), the
// maximum the sum of all weights; an invalid answer carries a reason in both languages.
import type { TText } from "../questions/schema";
import type { TCheckResult, TGradeResult, TSimReport } from "./types";

export function gradedResult(checks: TCheckResult[], report?: TSimReport): TGradeResult {
  const score = round(checks.reduce((n, c) => n + c.earned, 0));
  const maxScore = round(checks.reduce((n, c) => n + c.weight, 0));
  return { status: "graded", score, maxScore, percent: maxScore > 0 ? round(score / maxScore) : 0, checks, ...(report ? { report } : {}) };
}

/** Floating sums of 1/3s: 0.9999999 is full marks. */
function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

export function invalidResult(reason: TText, details: string[] = []): TGradeResult {
  return { status: "invalid", reason, details };
}

export function errorResult(code: "timeout" | "limit" | "internal", message: TText): TGradeResult {
  return { status: "error", code, message };
}

export const WRONG_ANSWER_TYPE = (expected: string, got: string): TText => ({
  zh: `答案类型不符：本题需要 ${expected}，收到的是 ${got}。`,
  en: `Wrong answer type: this question takes ${expected}, not ${got}.`,
});

export const EMPTY_ANSWER: TText = { zh: "答案为空。", en: "The answer is empty." };

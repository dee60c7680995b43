// lib/grading — grades an answer to any question type. Pure: runs in the server's worker threads, in
// tests and in the bank's self-test script. Simulator tasks go through the lib/sim facade only.
import { isSimQuestion, ZAnswer, type TAnswer, type TQuestion } from "../questions/schema";
import { renderQuestion } from "../questions/variants";
import { gradeMultipleChoice, gradeSingleChoice, gradeTrueFalse } from "./choice";
import { gradeFillIn } from "./fill-in";
import { gradeMatching } from "./matching";
import { gradeOrdering } from "./ordering";
import { errorResult, invalidResult, WRONG_ANSWER_TYPE } from "./result";
import { gradeSimTask } from "./sim-task";
import type { TGradeOptions, TGradeResult } from "./types";

/** Bumped whenever grading changes, stored with each answer so regrades know what graded it. */
export const GRADER_VERSION = "2026.11.23-2";

export type * from "./types";
export { precheck } from "./precheck";
export { validateManifestForEditor } from "./editor";
export { startTaskCluster, gradeStartingState, gradeSimTask, DEFAULT_BUDGET_MS, type TTaskCluster, type TSimGradeOptions } from "./sim-task";
export { semanticEqual, parseQuantity } from "./compare";
export { parseTarget } from "./targets";
export { parsePath } from "./json-path";

export function gradeAnswer(question: TQuestion, answer: TAnswer, opts: TGradeOptions): TGradeResult {
  try {
    // Answers come from the network: a wrong shape is an invalid answer, not a crash.
    const parsed = ZAnswer.safeParse(answer);
    if (!parsed.success) {
      return invalidResult({ zh: "答案格式不正确。", en: "The answer is malformed." }, parsed.error.issues.map((i) => `${i.path.join(".") || "answer"}: ${i.message}`));
    }
    answer = parsed.data;
    if (isSimQuestion(question)) return gradeSimTask(question, answer, opts);
    const q = renderQuestion(question, opts.seed);
    const expected = q.type;
    switch (q.type) {
      case "single-choice":
        return answer.type === "single-choice" ? gradeSingleChoice(q, answer) : invalidResult(WRONG_ANSWER_TYPE(expected, answer.type));
      case "multiple-choice":
        return answer.type === "multiple-choice" ? gradeMultipleChoice(q, answer) : invalidResult(WRONG_ANSWER_TYPE(expected, answer.type));
      case "true-false":
        return answer.type === "true-false" ? gradeTrueFalse(q, answer) : invalidResult(WRONG_ANSWER_TYPE(expected, answer.type));
      case "fill-in":
        return answer.type === "fill-in" ? gradeFillIn(q, answer) : invalidResult(WRONG_ANSWER_TYPE(expected, answer.type));
      case "ordering":
        return answer.type === "ordering" ? gradeOrdering(q, answer) : invalidResult(WRONG_ANSWER_TYPE(expected, answer.type));
      case "matching":
        return answer.type === "matching" ? gradeMatching(q, answer) : invalidResult(WRONG_ANSWER_TYPE(expected, answer.type));
      default:
        return invalidResult(WRONG_ANSWER_TYPE(expected, answer.type));
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return errorResult("internal", { zh: `评分内部错误：${message}`, en: `Internal grading error: ${message}` });
  }
}

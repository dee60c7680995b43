// Matching grader: one check per left item; a left item left unmatched fails its check. Pairs that
// name items the question does not have make the answer invalid.
import type { TAnswer, TQuestion } from "../questions/schema";
import { EMPTY_ANSWER, gradedResult, invalidResult } from "./result";
import type { TGradeResult } from "./types";

type TMatching = Extract<TQuestion, { type: "matching" }>;

export function gradeMatching(q: TMatching, answer: Extract<TAnswer, { type: "matching" }>): TGradeResult {
  const pairs = Object.entries(answer.pairs).filter(([, r]) => r.trim() !== "");
  if (!pairs.length) return invalidResult(EMPTY_ANSWER);
  const left = new Set(q.left.map((i) => i.id));
  const right = new Set(q.right.map((i) => i.id));
  for (const [l, r] of pairs) {
    if (!left.has(l)) return invalidResult({ zh: `左侧没有 "${l}" 这一项。`, en: `There is no left item "${l}".` });
    if (!right.has(r)) return invalidResult({ zh: `右侧没有 "${r}" 这一项。`, en: `There is no right item "${r}".` });
  }
  const given = new Map(pairs);
  return gradedResult(
    q.left.map((item) => {
      const observed = given.get(item.id);
      const passed = observed === q.answer[item.id];
      return {
        id: item.id,
        passed,
        weight: 1,
        earned: passed ? 1 : 0,
        description: item.text,
        expected: q.answer[item.id],
        observed: observed ?? "",
        where: `left ${item.id}`,
      };
    }),
  );
}

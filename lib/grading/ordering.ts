// Ordering grader: full marks only for the exact order. Partial credit is the fraction of adjacent
// pairs of the key that the answer keeps in the right relative order, one check per pair —
// key a b c d, answer a c b d: (a,b) ✓ (b,c) ✗ (c,d) ✓ → 2/3.
import type { TAnswer, TQuestion } from "../questions/schema";
import { EMPTY_ANSWER, gradedResult, invalidResult } from "./result";
import type { TGradeResult } from "./types";

type TOrdering = Extract<TQuestion, { type: "ordering" }>;

export function gradeOrdering(q: TOrdering, answer: Extract<TAnswer, { type: "ordering" }>): TGradeResult {
  if (!answer.order.length) return invalidResult(EMPTY_ANSWER);
  const ids = new Set(q.items.map((i) => i.id));
  const given = new Set(answer.order);
  if (answer.order.length !== ids.size || given.size !== ids.size || answer.order.some((id) => !ids.has(id))) {
    return invalidResult({ zh: "顺序必须恰好包含每一项一次。", en: "The order must list every item exactly once." }, [answer.order.join(", ")]);
  }
  const pos = new Map(answer.order.map((id, i) => [id, i]));
  const text = new Map(q.items.map((i) => [i.id, i.text]));
  const checks = [];
  for (let i = 0; i + 1 < q.answer.length; i++) {
    const a = q.answer[i];
    const b = q.answer[i + 1];
    const passed = pos.get(a)! < pos.get(b)!;
    const ta = text.get(a)!;
    const tb = text.get(b)!;
    checks.push({
      id: `${a}-before-${b}`,
      passed,
      weight: 1,
      earned: passed ? 1 : 0,
      description: { zh: `「${ta.zh}」在「${tb.zh}」之前`, en: `"${ta.en}" comes before "${tb.en}"` },
      expected: `${a} before ${b}`,
      observed: passed ? `${a} before ${b}` : `${b} before ${a}`,
      where: `items ${a}, ${b}`,
    });
  }
  return gradedResult(checks);
}

// Graders for single-choice, multiple-choice and true-false questions. An answer that names no
// choice, or a choice the question does not have, is invalid (no attempt used).
import type { TAnswer, TQuestion, TText } from "../questions/schema";
import { EMPTY_ANSWER, gradedResult, invalidResult } from "./result";
import type { TCheckResult, TGradeResult } from "./types";

type TSingle = Extract<TQuestion, { type: "single-choice" }>;
type TMultiple = Extract<TQuestion, { type: "multiple-choice" }>;
type TTrueFalse = Extract<TQuestion, { type: "true-false" }>;

const UNKNOWN_CHOICE = (id: string): TText => ({ zh: `没有 "${id}" 这个选项。`, en: `There is no choice "${id}".` });

export function gradeSingleChoice(q: TSingle, answer: Extract<TAnswer, { type: "single-choice" }>): TGradeResult {
  if (!answer.choice.trim()) return invalidResult(EMPTY_ANSWER);
  const chosen = q.choices.find((c) => c.id === answer.choice);
  if (!chosen) return invalidResult(UNKNOWN_CHOICE(answer.choice));
  const right = q.choices.find((c) => c.id === q.answer)!;
  const passed = chosen.id === right.id;
  const check: TCheckResult = {
    id: "answer",
    passed,
    weight: 1,
    earned: passed ? 1 : 0,
    description: { zh: "所选答案", en: "The chosen answer" },
    ...(!passed && chosen.feedback ? { feedback: chosen.feedback } : {}),
    expected: right.id,
    observed: chosen.id,
    where: "choice",
  };
  return gradedResult([check]);
}

/**
 * partial: each choice decided correctly (selected and right, or left out and wrong) earns 1/n of the
 * marks — 4 choices, key {a, c}, answer {a, b}: a ✓, b ✗, c ✗, d ✓ → 2/4. all-or-nothing: the exact set.
 */
export function gradeMultipleChoice(q: TMultiple, answer: Extract<TAnswer, { type: "multiple-choice" }>): TGradeResult {
  if (!answer.choices.length) return invalidResult(EMPTY_ANSWER);
  const ids = new Set(q.choices.map((c) => c.id));
  const unknown = answer.choices.find((c) => !ids.has(c));
  if (unknown !== undefined) return invalidResult(UNKNOWN_CHOICE(unknown));
  const selected = new Set(answer.choices);
  const key = new Set(q.answer);
  if (q.scoring === "all-or-nothing") {
    const passed = selected.size === key.size && [...key].every((k) => selected.has(k));
    const wrongPicked = q.choices.find((c) => selected.has(c.id) && !key.has(c.id) && c.feedback);
    return gradedResult([
      {
        id: "answer",
        passed,
        weight: 1,
        earned: passed ? 1 : 0,
        description: { zh: "所选的全部答案", en: "The set of chosen answers" },
        ...(!passed && wrongPicked?.feedback ? { feedback: wrongPicked.feedback } : {}),
        expected: [...q.answer].sort().join(", "),
        observed: [...selected].sort().join(", "),
        where: "choices",
      },
    ]);
  }
  return gradedResult(
    q.choices.map((c) => {
      const shouldSelect = key.has(c.id);
      const isSelected = selected.has(c.id);
      const passed = shouldSelect === isSelected;
      return {
        id: c.id,
        passed,
        weight: 1,
        earned: passed ? 1 : 0,
        description: c.text,
        ...(!passed && c.feedback ? { feedback: c.feedback } : {}),
        expected: shouldSelect ? "selected" : "not selected",
        observed: isSelected ? "selected" : "not selected",
        where: `choice ${c.id}`,
      };
    }),
  );
}

export function gradeTrueFalse(q: TTrueFalse, answer: Extract<TAnswer, { type: "true-false" }>): TGradeResult {
  const passed = answer.value === q.answer;
  return gradedResult([
    {
      id: "answer",
      passed,
      weight: 1,
      earned: passed ? 1 : 0,
      description: { zh: "判断", en: "True or false" },
      ...(!passed && q.feedback ? { feedback: q.feedback } : {}),
      expected: String(q.answer),
      observed: String(answer.value),
      where: "value",
    },
  ]);
}

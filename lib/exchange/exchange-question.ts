// What of a bank question survives Moodle's exchange formats (GIFT, Moodle XML): one language's
// text, the choices with their correctness and feedback, accepted answers, matching pairs. Bank-only
// data (objectives, sources, params, blank normalisation) has no place there and is not exported.
import type { TQuestion } from "@/lib/questions/schema";

export type TExchangeChoice = { text: string; correct: boolean; feedback?: string };

export type TExchangeQuestion =
  | { kind: "single-choice"; name: string; text: string; choices: TExchangeChoice[] }
  | { kind: "multiple-choice"; name: string; text: string; choices: TExchangeChoice[] }
  | { kind: "true-false"; name: string; text: string; answer: boolean; feedback?: string }
  | { kind: "fill-in"; name: string; text: string; accept: string[] }
  | { kind: "matching"; name: string; text: string; pairs: { left: string; right: string }[] };

export type TExchangeLocale = "en" | "zh";

/**
 * The exchange form of a bank question in one language, or null for the types the formats cannot
 * carry (ordering, simulator tasks) and fill-ins with more than one blank (GIFT's short answer and
 * Moodle's shortanswer have exactly one).
 */
export function toExchangeQuestion(q: TQuestion, locale: TExchangeLocale): TExchangeQuestion | null {
  const text = q.prompt[locale];
  switch (q.type) {
    case "single-choice":
    case "multiple-choice": {
      const right = new Set(q.type === "single-choice" ? [q.answer] : q.answer);
      const choices = q.choices.map((c) => ({ text: c.text[locale], correct: right.has(c.id), ...(c.feedback ? { feedback: c.feedback[locale] } : {}) }));
      return { kind: q.type, name: q.id, text, choices };
    }
    case "true-false":
      return { kind: "true-false", name: q.id, text, answer: q.answer, ...(q.feedback ? { feedback: q.feedback[locale] } : {}) };
    case "fill-in":
      return q.blanks.length === 1 ? { kind: "fill-in", name: q.id, text, accept: [...q.blanks[0].accept] } : null;
    case "matching": {
      const right = new Map(q.right.map((r) => [r.id, r.text[locale]]));
      const pairs = q.left.flatMap((l) => (right.has(q.answer[l.id]) ? [{ left: l.text[locale], right: right.get(q.answer[l.id])! }] : []));
      return { kind: "matching", name: q.id, text, pairs };
    }
    default:
      return null;
  }
}

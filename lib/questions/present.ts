// What the browser may see of a question: prompt, hint, choice texts, blank labels, task context —
// never the key, checks, solution, tests, feedback, explanation or objectives (an objective id such
// as "restart-policy.values.default-always" names the answer). Choices and items are shuffled by the
// attempt's seed, so the position of the right answer carries no information either.
import type { TText, TTopic } from "./schema";
import { shuffleBySeed, type TRenderedQuestion } from "./variants";

type TClientItem = { id: string; text: TText };

type TClientCommon = {
  id: string;
  topic: TTopic;
  difficulty: "easy" | "medium" | "hard";
  prompt: TText;
  hint?: TText;
  /** The attempt's seed: the variant and the shuffles were made with it. */
  seed: number;
};

export type TClientQuestion =
  | (TClientCommon & { type: "single-choice"; choices: TClientItem[] })
  | (TClientCommon & { type: "multiple-choice"; choices: TClientItem[]; scoring: "partial" | "all-or-nothing" })
  | (TClientCommon & { type: "true-false" })
  | (TClientCommon & { type: "fill-in"; blanks: { id: string; label?: TText }[] })
  | (TClientCommon & { type: "ordering"; items: TClientItem[] })
  | (TClientCommon & { type: "matching"; left: TClientItem[]; right: TClientItem[] })
  | (TClientCommon & {
      type: "manifest" | "command" | "troubleshooting" | "spot-the-mistake";
      task: { answer: "manifest" | "commands" | "either"; namespace: string; starter?: string; context?: string };
    });

const item = (i: { id: string; text: TText }): TClientItem => ({ id: i.id, text: i.text });

/** The client-safe DTO of a rendered question (see renderQuestion), shuffled by `seed`. */
export function toClientQuestion(q: TRenderedQuestion, seed: number): TClientQuestion {
  const common: TClientCommon = {
    id: q.id,
    topic: q.topic,
    difficulty: q.difficulty,
    prompt: q.prompt,
    ...(q.hint ? { hint: q.hint } : {}),
    seed,
  };
  switch (q.type) {
    case "single-choice":
      return { ...common, type: q.type, choices: shuffleBySeed(q.choices, seed, "choices").map(item) };
    case "multiple-choice":
      return { ...common, type: q.type, choices: shuffleBySeed(q.choices, seed, "choices").map(item), scoring: q.scoring };
    case "true-false":
      return { ...common, type: q.type };
    case "fill-in":
      // Blanks keep their order: they follow the prompt's ___ positions.
      return { ...common, type: q.type, blanks: q.blanks.map((b) => ({ id: b.id, ...(b.label ? { label: b.label } : {}) })) };
    case "ordering":
      return { ...common, type: q.type, items: shuffleAvoidingKey(q.items, q.answer, seed).map(item) };
    case "matching":
      return { ...common, type: q.type, left: shuffleBySeed(q.left, seed, "left").map(item), right: shuffleBySeed(q.right, seed, "right").map(item) };
    default: {
      const t = q.task;
      return {
        ...common,
        type: q.type,
        task: { answer: t.answer, namespace: t.namespace, ...(t.starter !== undefined ? { starter: t.starter } : {}), ...(t.context ? { context: t.context } : {}) },
      };
    }
  }
}

/** Ordering items must not be shown already in the right order; rotate once if the shuffle did that. */
function shuffleAvoidingKey<T extends { id: string }>(items: readonly T[], key: readonly string[], seed: number): T[] {
  const out = shuffleBySeed(items, seed, "items");
  if (out.map((i) => i.id).join("\n") === key.join("\n")) out.push(out.shift()!);
  return out;
}

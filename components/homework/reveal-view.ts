// The result view's reveal (explanation, key, sources) from the data layer's TReveal; null until
// the assignment's solutions are released.
import type { TAnswerView } from "@/components/practice/types";
import type { TReveal } from "@/lib/server/practice";

export function toRevealView(reveal: TReveal | null): TAnswerView["reveal"] {
  if (!reveal) return null;
  return {
    explanation: reveal.explanation,
    sources: reveal.sources.map((s) => ({ ref: s.source, excerpt: s.excerpt })),
    solution:
      reveal.solution.type === "sim"
        ? {
            ...(reveal.solution.manifest !== undefined ? { manifest: reveal.solution.manifest } : {}),
            ...(reveal.solution.commands !== undefined ? { commands: reveal.solution.commands } : {}),
          }
        : null,
    choiceFeedback: reveal.choiceFeedback,
    ...(reveal.feedback ? { feedback: reveal.feedback } : {}),
    ...(reveal.mistakes ? { mistakes: reveal.mistakes } : {}),
  };
}

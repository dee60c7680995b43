// The server's reveal (explanation, key, note excerpts) shaped for the result view.
import type { TReveal } from "@/lib/server/practice";
import type { TAnswerView } from "./types";

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

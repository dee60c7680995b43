// Picks the learner's language from a question's bilingual text.
import type { Locale } from "@/lib/i18n";
import type { TText } from "@/lib/questions/schema";

export function pickText(text: TText, locale: Locale): string {
  return text[locale] ?? text.en;
}

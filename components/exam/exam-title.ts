// The display title of an exam template: built-in topic quizzes ("quiz-<topic>") are named in the
// reader's language; other templates keep the title they were saved with.
import type { Locale, Translate } from "@/lib/i18n";
import { TOPICS } from "@/lib/questions/schema";
import { topicTitle } from "@/lib/questions/topics";

export function examTitle(slug: string, title: string, t: Translate, locale: Locale): string {
  const topic = slug.startsWith("quiz-") ? slug.slice("quiz-".length) : null;
  if (topic && (TOPICS as readonly string[]).includes(topic)) return t("exams.quizTopic", { topic: topicTitle(topic, locale) });
  return title;
}

// Export of the bank's choice, true/false, one-blank fill-in and matching questions in Moodle's
// exchange formats (GIFT, Moodle XML), for instructors who also run a Moodle course.
import "server-only";
import type { CurrentUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toExchangeQuestion, type TExchangeLocale, type TExchangeQuestion } from "@/lib/exchange/exchange-question";
import { toGift } from "@/lib/exchange/gift";
import { toMoodleXml } from "@/lib/exchange/moodle-xml";
import { ZQuestion } from "@/lib/questions/schema";

export type TExportFormat = "gift" | "moodle-xml";

export async function exportBank(
  actor: CurrentUser,
  options: { format: TExportFormat; locale: TExchangeLocale; topic?: string },
): Promise<{ filename: string; contentType: string; body: string; count: number }> {
  if (!hasRole(actor.role, "INSTRUCTOR")) throw new AppError("FORBIDDEN");
  const rows = await db.question.findMany({
    where: { retiredAt: null, type: { in: ["single-choice", "multiple-choice", "true-false", "fill-in", "matching"] }, ...(options.topic ? { topic: options.topic } : {}) },
    select: { id: true, currentVersion: { select: { content: true } } },
    orderBy: { id: "asc" },
  });
  const questions: TExchangeQuestion[] = [];
  for (const row of rows) {
    const parsed = ZQuestion.safeParse(row.currentVersion?.content);
    if (!parsed.success) continue;
    const exchange = toExchangeQuestion(parsed.data, options.locale);
    if (exchange) questions.push(exchange);
  }
  const base = `kubedrill-${options.topic ?? "bank"}-${options.locale}`;
  return options.format === "gift"
    ? { filename: `${base}.gift.txt`, contentType: "text/plain; charset=utf-8", body: toGift(questions), count: questions.length }
    : { filename: `${base}.xml`, contentType: "application/xml; charset=utf-8", body: toMoodleXml(questions), count: questions.length };
}

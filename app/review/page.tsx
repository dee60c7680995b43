// The learner's spaced-review queue (FSRS): today's due cards, most overdue first, each opening the
// question's practice page; and a practice set built from their weakest objectives.
import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import { Icon } from "@/components/ui/icon";
import { Table } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { requirePageUser } from "@/lib/auth/guard";
import { getLocale, getT } from "@/lib/i18n/server";
import { getReviewQueue, weakestPracticeSet } from "@/lib/server/progress";
import { topicTitle } from "@/lib/questions/topics";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("review.title") };
}

export default async function ReviewPage() {
  const user = await requirePageUser("/review");
  const [t, locale, queue, weakest] = await Promise.all([getT(), getLocale(), getReviewQueue(user), weakestPracticeSet(user)]);
  const dateFormat = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-US", { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t("review.title")}</h1>
        <p className="lead">{t("review.lead")}</p>
      </header>
      <Card title={t("review.dueTitle", { count: queue.due.length })} labelledBy="due-title">
        {queue.due.length === 0 ? (
          <EmptyState icon={<Icon name="chart" size={32} />} headingLevel={3} title={t("review.emptyTitle")} body={t("review.emptyBody", { count: queue.upcoming })} />
        ) : (
          <Table caption={t("review.dueTitle", { count: queue.due.length })}>
            <thead>
              <tr>
                <th scope="col">{t("review.question")}</th>
                <th scope="col">{t("review.topic")}</th>
                <th scope="col">{t("review.due")}</th>
                <th scope="col">{t("review.state")}</th>
                <th scope="col">{t("review.lapses")}</th>
              </tr>
            </thead>
            <tbody>
              {queue.due.map((item) => (
                <tr key={item.questionId}>
                  <td>
                    <Link href={`/practice/${item.questionId}`}>{item.questionId}</Link>
                  </td>
                  <td>{topicTitle(item.topic, locale)}</td>
                  <td>{dateFormat.format(new Date(item.due))}</td>
                  <td>
                    <Badge tone={item.state === "Relearning" ? "warning" : "info"}>{item.state}</Badge>
                  </td>
                  <td>{item.lapses}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card title={t("review.weakestTitle")} labelledBy="weakest-set-title">
        <p className="muted">{t("review.weakestLead")}</p>
        <ul>
          {weakest.questions.map((q) => (
            <li key={q.id}>
              <Link href={`/practice/${q.id}`}>{q.title[locale]}</Link>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

// One assignment for the learner: its rules (due on the class's clock, attempts, late policy, time
// limit) and its questions with their status.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, DescriptionList } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/guard";
import { isAppError } from "@/lib/errors";
import { getLocale, getT } from "@/lib/i18n/server";
import { getHomework, type THomeworkView } from "@/lib/server/assignments";

type Props = { params: Promise<{ aid: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("homework.title") };
}

export default async function HomeworkAssignmentPage({ params }: Props) {
  const { aid } = await params;
  const user = await requirePageUser(`/homework/${aid}`);
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  let hw: THomeworkView;
  try {
    hw = await getHomework(user, aid);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
  const format = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en", { dateStyle: "medium", timeStyle: "short", timeZone: hw.timeZone });
  return (
    <div className="page">
      <nav aria-label={t("practice.breadcrumb")}>
        <Link href="/homework">{t("homework.title")}</Link>
      </nav>
      <header className="page-header">
        <h1>{hw.title}</h1>
        <p className="lead">
          {hw.className} · <Badge>{t(`homework.status.${hw.status}`)}</Badge> {hw.percent === null ? null : `${hw.percent}%`}
        </p>
      </header>
      <div className="stack">
        <Card>
          {hw.description ? <p>{hw.description}</p> : null}
          <DescriptionList
            items={[
              { term: t("assignments.dueAt"), detail: `${format.format(hw.dueAt)} (${hw.timeZone})` },
              { term: t("assignments.attemptsAllowed"), detail: hw.attemptsAllowed ?? t("homework.unlimited") },
              {
                term: t("assignments.latePolicy"),
                detail: hw.latePolicy.kind === "penalty" ? t("assignments.latePenalty", { percent: hw.latePolicy.percentPerDay, days: hw.latePolicy.maxDays }) : t("assignments.lateNone"),
              },
              ...(hw.timeLimitMs ? [{ term: t("assignments.timeLimitMin"), detail: Math.round(hw.timeLimitMs / 60000) }] : []),
              { term: t("homework.solutions"), detail: hw.solutionsReleased ? t("homework.solutionsReleased") : t("homework.solutionsHidden") },
            ]}
          />
          {!hw.open ? <p className="muted">{t("homework.error.closed")}</p> : null}
        </Card>
        <Card>
          <Table caption={t("assignments.questions")}>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("assignments.questions")}</th>
                <th scope="col">{t("homework.attemptsUsed")}</th>
                <th scope="col">{t("homework.score")}</th>
              </tr>
            </thead>
            <tbody>
              {hw.items.map((item) => (
                <tr key={item.index}>
                  <td>{item.index + 1}</td>
                  <th scope="row">
                    <Link href={`/homework/${hw.assignmentId}/${item.index + 1}`}>{t("homework.question", { n: item.index + 1, id: item.questionId })}</Link>{" "}
                    {item.type ? <Badge tone="info">{t(`practice.type.${item.type}` as "practice.type.single-choice")}</Badge> : null}
                  </th>
                  <td>
                    {item.attemptsUsed}
                    {hw.attemptsAllowed ? ` / ${hw.attemptsAllowed}` : ""}
                  </td>
                  <td>
                    {item.bestPercent === null ? "–" : `${item.bestPercent}%`} {item.late ? <Badge tone="warning">{t("homework.status.late")}</Badge> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      </div>
    </div>
  );
}

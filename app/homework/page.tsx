// /homework — the signed-in learner's assignments across their classes: due date on the class's
// clock, status and score.
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import { Table } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/guard";
import { getLocale, getT } from "@/lib/i18n/server";
import { listHomework } from "@/lib/server/assignments";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("homework.title") };
}

export default async function HomeworkPage() {
  const user = await requirePageUser("/homework");
  const [t, locale, items] = await Promise.all([getT(), getLocale(), listHomework(user)]);
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t("homework.title")}</h1>
        <p className="lead">{t("homework.lead")}</p>
      </header>
      <Card>
        {items.length === 0 ? (
          <EmptyState headingLevel={2} title={t("homework.emptyTitle")} body={t("homework.emptyBody")} />
        ) : (
          <Table caption={t("homework.title")}>
            <thead>
              <tr>
                <th scope="col">{t("assignments.title")}</th>
                <th scope="col">{t("homework.class")}</th>
                <th scope="col">{t("assignments.dueAt")}</th>
                <th scope="col">{t("homework.statusLabel")}</th>
                <th scope="col">{t("homework.score")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((h) => (
                <tr key={h.assignmentId}>
                  <th scope="row">
                    <Link href={`/homework/${h.assignmentId}`}>{h.title}</Link>
                  </th>
                  <td>{h.className}</td>
                  <td>
                    {new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en", { dateStyle: "medium", timeStyle: "short", timeZone: h.timeZone }).format(h.dueAt)} ({h.timeZone})
                    {h.extended ? (
                      <>
                        {" "}
                        <Badge>{t("gradebook.extended")}</Badge>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <Badge tone={h.status === "late" ? "warning" : h.status === "graded" || h.status === "submitted" ? "success" : "neutral"}>{t(`homework.status.${h.status}`)}</Badge>
                  </td>
                  <td>{h.percent === null ? "–" : `${h.percent}%`}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}

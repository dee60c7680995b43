// Item analysis of one assignment: per question difficulty, discrimination, wrong choices, check
// failure rates, median time and flags for questions that look broken.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import styles from "@/components/instructor/instructor.module.css";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/guard";
import { isAppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { getItemAnalysis, type TItemAnalysis } from "@/lib/server/item-analysis";

type Props = { params: Promise<{ id: string; aid: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("items.title") };
}

export default async function ItemsPage({ params }: Props) {
  const { id, aid } = await params;
  const user = await requirePageRole("INSTRUCTOR", `/instructor/classes/${id}/assignments/${aid}/items`);
  const t = await getT();
  let analysis: TItemAnalysis;
  try {
    analysis = await getItemAnalysis(user, aid);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
  const pct = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)}%`);
  return (
    <div className="page">
      <nav aria-label={t("practice.breadcrumb")}>
        <Link href={`/instructor/classes/${id}`}>{t("classes.assignments")}</Link>
      </nav>
      <header className="page-header">
        <h1>{t("items.heading", { title: analysis.title })}</h1>
        <p className="lead">{t("items.lead", { learners: analysis.learners })}</p>
      </header>
      <Card>
        <Table caption={t("items.title")}>
          <thead>
            <tr>
              <th scope="col">{t("assignments.questions")}</th>
              <th scope="col">{t("items.responses")}</th>
              <th scope="col">{t("items.difficulty")}</th>
              <th scope="col">{t("items.discrimination")}</th>
              <th scope="col">{t("items.wrongChoices")}</th>
              <th scope="col">{t("items.checkFailures")}</th>
              <th scope="col">{t("items.medianTime")}</th>
              <th scope="col">{t("items.flags")}</th>
            </tr>
          </thead>
          <tbody>
            {analysis.items.map((item) => (
              <tr key={item.questionId}>
                <th scope="row">{item.questionId}</th>
                <td>{item.responses}</td>
                <td>{pct(item.difficulty)}</td>
                <td>{item.discrimination ?? "–"}</td>
                <td>{item.wrongChoices.map((w) => `${w.choice} (${w.count})`).join(", ") || "–"}</td>
                <td>{item.checkFailures.map((c) => `${c.checkId} ${pct(c.rate)}`).join(", ") || "–"}</td>
                <td>{item.medianTimeMs === null ? "–" : t("items.seconds", { seconds: Math.round(item.medianTimeMs / 1000) })}</td>
                <td className={styles.flag}>
                  {item.flags
                    .map((f) => (f.kind === "too-hard" ? t("items.flag.tooHard") : f.kind === "negative-discrimination" ? t("items.flag.negative") : t("items.flag.check", { check: f.checkId })))
                    .join("; ")}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}

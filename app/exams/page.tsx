// Exams and quizzes: the templates the learner can start (CKAD mock exam, training run, quizzes by
// topic, with the CKAD domain shares) and their exam history with scores.
import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import { StartExamButton } from "@/components/exam/start-exam-button";
import styles from "@/components/exam/exam.module.css";
import { requirePageUser } from "@/lib/auth/guard";
import { getLocale, getT } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n";
import { listExams, type TExamTemplateDto } from "@/lib/server/exams";
import { CKAD_DOMAINS } from "@/lib/exams/blueprint";
import { topicTitle } from "@/lib/questions/topics";
import { examTitle } from "@/components/exam/exam-title";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("exams.title") };
}

export default async function ExamsPage() {
  const user = await requirePageUser("/exams");
  const [t, locale, { templates, history }] = await Promise.all([getT(), getLocale(), listExams(user)]);
  const dateFormat = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-US", { dateStyle: "medium", timeStyle: "short" });
  const inProgress = new Set(history.filter((h) => h.status === "in_progress").map((h) => h.templateSlug));
  const title = (tpl: Pick<TExamTemplateDto, "slug" | "title" | "topic">) => (tpl.topic ? t("exams.quizTopic", { topic: topicTitle(tpl.topic, locale) }) : tpl.title);
  const featured = templates.filter((tpl) => !tpl.topic);
  const quizzes = templates.filter((tpl) => tpl.topic);
  const card = (tpl: TExamTemplateDto) => (
    <li key={tpl.slug} className={styles.template}>
      <h3>{title(tpl)}</h3>
      <p className={styles.meta}>
        <Badge tone={tpl.mode === "exam" ? "info" : "neutral"}>{t(`exams.mode.${tpl.mode}`)}</Badge>{" "}
        {tpl.mode === "training" ? t("exams.untimed") : t("exams.minutes", { minutes: Math.round((tpl.durationSec * user.timeMultiplier) / 60) })} ·{" "}
        {t("exams.tasks", { count: tpl.taskCount })}
      </p>
      {tpl.description && !tpl.topic ? <p className={styles.meta}>{tpl.description}</p> : null}
      <StartExamButton slug={tpl.slug} resume={inProgress.has(tpl.slug)} />
    </li>
  );
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t("exams.title")}</h1>
        <p className="lead">{t("exams.lead")}</p>
        {user.timeMultiplier !== 1 ? <p>{t("exams.accommodation", { multiplier: user.timeMultiplier })}</p> : null}
      </header>
      <Card title={t("exams.templates")} labelledBy="templates-title">
        <ul className={styles.templates}>{featured.map(card)}</ul>
        <p className={styles.meta}>
          {t("exams.shares")}: {CKAD_DOMAINS.map((d) => `${d.title[locale]} ${d.weight}%`).join(" · ")}
        </p>
        <details>
          <summary>{t("exams.quizzes")}</summary>
          <ul className={styles.templates}>{quizzes.map(card)}</ul>
        </details>
      </Card>
      <Card title={t("exams.history")} labelledBy="history-title">
        {history.length === 0 ? (
          <p className="muted">{t("exams.historyEmpty")}</p>
        ) : (
          <Table caption={t("exams.history")}>
            <thead>
              <tr>
                <th scope="col">{t("exams.col.exam")}</th>
                <th scope="col">{t("exams.col.started")}</th>
                <th scope="col">{t("exams.col.status")}</th>
                <th scope="col">{t("exams.col.score")}</th>
                <th scope="col">{t("exams.col.result")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id}>
                  <td>{examTitle(h.templateSlug, h.title, t, locale)}</td>
                  <td>{dateFormat.format(h.startedAt)}</td>
                  <td>{t(`exams.status.${h.status}` as MessageKey)}</td>
                  <td>{h.percent === null ? "—" : `${h.percent}%`}</td>
                  <td>
                    {h.status === "in_progress" ? (
                      <Link href={`/exams/${h.id}`}>{t("exams.resume")}</Link>
                    ) : (
                      <>
                        {h.passed === null ? null : <Badge tone={h.passed ? "success" : "danger"}>{h.passed ? t("exams.passed") : t("exams.failed")}</Badge>}{" "}
                        <Link href={`/exams/${h.id}/result`}>{t("exams.viewResult")}</Link>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}

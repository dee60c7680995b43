// The result of a closed exam: total and pass/fail, score per CKAD domain, time used, and per task
// its checks, explanation and reference solution (the same result view as practice).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { ResultView } from "@/components/practice/result-view";
import { toRevealView } from "@/components/practice/reveal-view";
import { Markdown } from "@/components/practice/markdown";
import { pickText } from "@/components/practice/text";
import { requirePageUser } from "@/lib/auth/guard";
import { isAppError } from "@/lib/errors";
import { getLocale, getT } from "@/lib/i18n/server";
import { getExamResult, type TExamResult } from "@/lib/server/exams";
import { examTitle } from "@/components/exam/exam-title";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("exams.title") };
}

async function load(id: string): Promise<TExamResult | "open"> {
  const user = await requirePageUser(`/exams/${id}/result`);
  try {
    return await getExamResult(user, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "CONFLICT") return "open";
    throw error;
  }
}

function minutes(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export default async function ExamResultPage({ params }: Params) {
  const { id } = await params;
  const result = await load(id);
  if (result === "open") redirect(`/exams/${id}`);
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t("result.title", { title: examTitle(result.slug, result.title, t, locale) })}</h1>
        <p className="lead">
          {t("result.total")}: <strong>{result.percent}%</strong> ({result.earned} / {result.possible}){" "}
          {result.passed === null ? (
            <Badge>{t("result.trainingNote")}</Badge>
          ) : (
            <Badge tone={result.passed ? "success" : "danger"}>{result.passed ? t("exams.passed") : t("exams.failed")}</Badge>
          )}{" "}
          <span className="muted">{t("result.passMark", { percent: result.passingScore })}</span>
        </p>
        <p>
          {t("result.timeUsed")}: {minutes(result.usedMs)} · {t(`exams.status.${result.status as "submitted"}`)}
        </p>
        <Link href="/exams">{t("result.backToExams")}</Link>
      </header>
      <Card title={t("result.perDomain")} labelledBy="domains-title">
        <Table caption={t("result.perDomain")}>
          <thead>
            <tr>
              <th scope="col">{t("exam.domain")}</th>
              <th scope="col">{t("result.score")}</th>
              <th scope="col">%</th>
            </tr>
          </thead>
          <tbody>
            {result.domains.map((d) => (
              <tr key={d.domain}>
                <td>{d.title[locale]}</td>
                <td>
                  {d.earned} / {d.possible}
                </td>
                <td>{d.percent}%</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
      <Card title={t("result.perTask")} labelledBy="tasks-title">
        <Table caption={t("result.perTask")}>
          <thead>
            <tr>
              <th scope="col">{t("result.task")}</th>
              <th scope="col">{t("exam.domain")}</th>
              <th scope="col">{t("result.score")}</th>
              <th scope="col">{t("result.time")}</th>
            </tr>
          </thead>
          <tbody>
            {result.tasks.map((task) => (
              <tr key={task.index}>
                <td>
                  <a href={`#task-${task.index + 1}`}>{t("exam.taskLabel", { n: task.index + 1 })}</a>
                </td>
                <td>{result.domains.find((d) => d.domain === task.domain)?.title[locale] ?? task.domain}</td>
                <td>
                  {task.earned} / {task.points} ({task.percent}%)
                </td>
                <td>{minutes(task.timeMs)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
      {result.tasks.map((task) => (
        <Card key={task.index} title={<span id={`task-${task.index + 1}`}>{t("exam.taskLabel", { n: task.index + 1 })}</span>} labelledBy={`task-title-${task.index}`}>
          <Markdown source={pickText(task.question.prompt, locale)} />
          {task.result && task.result.status === "graded" && task.answer ? (
            <ResultView
              view={{ answerId: `${result.id}-${task.index}`, submittedAt: result.submittedAt ?? result.startedAt, answer: task.answer, result: task.result, reveal: toRevealView(task.reveal) }}
            />
          ) : (
            <div className="stack">
              <p>
                <Badge tone="danger">0%</Badge> {task.result && task.result.status === "invalid" ? pickText(task.result.reason, locale) : task.result && task.result.status === "error" ? pickText(task.result.message, locale) : null}
              </p>
              {task.result && task.result.status === "invalid" && task.result.details.length > 0 ? <pre>{task.result.details.join("\n")}</pre> : null}
              <Markdown source={pickText(task.reveal.explanation, locale)} />
              {task.reveal.solution.type === "sim" ? <pre>{task.reveal.solution.manifest ?? task.reveal.solution.commands}</pre> : null}
            </div>
          )}
        </Card>
      ))}
    </div>
  );
}

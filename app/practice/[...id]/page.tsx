// One question, whatever its type: the prompt, the answer area, Precheck/Submit and the result, with
// the learner's earlier attempts. Opening the page reuses the attempt in progress (so a reload keeps
// the same variant and terminal) or starts a new one with a fresh seed.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Markdown } from "@/components/practice/markdown";
import { PracticeSession } from "@/components/practice/practice-session";
import styles from "@/components/practice/practice.module.css";
import { requirePageUser } from "@/lib/auth/guard";
import { isAppError } from "@/lib/errors";
import { getLocale, getT } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n";
import { openPractice, type TOpenPractice } from "@/lib/server/practice";

type Params = { params: Promise<{ id: string[] }> };

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

function questionId(segments: string[]): string | null {
  const id = segments.map((s) => decodeURIComponent(s)).join("/");
  return ID.test(id) ? id : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  const id = questionId((await params).id);
  return { title: id ? `${id} · ${t("practice.title")}` : t("practice.title") };
}

async function open(id: string): Promise<TOpenPractice> {
  const user = await requirePageUser(`/practice/${id}`);
  try {
    return await openPractice(user, id);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}

export default async function PracticeQuestionPage({ params }: Params) {
  const id = questionId((await params).id);
  if (!id) notFound();
  const [practice, t, locale] = await Promise.all([open(id), getT(), getLocale()]);
  const { question } = practice;
  const task = "task" in question ? question.task : null;

  return (
    <div className="page">
      <nav aria-label={t("practice.breadcrumb")} className={styles.breadcrumb}>
        <Link href="/practice">{t("practice.title")}</Link>
        <span aria-hidden="true"> / </span>
        <Link href={`/practice?topic=${question.topic}`}>{t(`practice.topic.${question.topic}` as MessageKey)}</Link>
      </nav>
      <header className="page-header">
        <h1 className={styles.questionTitle}>{t("practice.question.title", { id: question.id })}</h1>
        <p className={styles.questionMeta}>
          <Badge tone="info">{t(`practice.type.${question.type}`)}</Badge> <Badge>{t(`practice.difficulty.${question.difficulty}`)}</Badge>
        </p>
      </header>
      <div className={styles.questionLayout}>
        <Card title={t("practice.question.prompt")} labelledBy="prompt-title">
          <Markdown source={question.prompt[locale]} className={styles.prose} />
          {task ? (
            <dl className={styles.taskFacts}>
              {task.context ? (
                <>
                  <dt>{t("practice.question.context")}</dt>
                  <dd>
                    <code>kubectl config use-context {task.context}</code>
                  </dd>
                </>
              ) : null}
              <dt>{t("practice.question.namespace")}</dt>
              <dd>
                <code>{task.namespace}</code>
              </dd>
            </dl>
          ) : null}
          {question.hint ? (
            <details className={styles.details}>
              <summary>{t("practice.question.hint")}</summary>
              <Markdown source={question.hint[locale]} className={styles.prose} />
            </details>
          ) : null}
        </Card>
        <PracticeSession
          key={practice.attemptId}
          attemptId={practice.attemptId}
          question={question}
          previous={practice.previous.map((p) => ({ attemptId: p.attemptId, submittedAt: p.submittedAt.toISOString(), percent: p.percent }))}
        />
      </div>
    </div>
  );
}

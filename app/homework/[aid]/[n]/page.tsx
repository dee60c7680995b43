// One homework question (1-based n): the prompt and the practice answer controls bound to the
// learner's assignment attempt; the last graded answer, and the solution once released.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HomeworkSession } from "@/components/homework/homework-session";
import { toRevealView } from "@/components/homework/reveal-view";
import { Markdown } from "@/components/practice/markdown";
import styles from "@/components/practice/practice.module.css";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/guard";
import { isAppError } from "@/lib/errors";
import { getLocale, getT } from "@/lib/i18n/server";
import { openAssignmentQuestion, type TAssignmentAttemptView } from "@/lib/server/assignments";

type Props = { params: Promise<{ aid: string; n: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("homework.title") };
}

export default async function HomeworkQuestionPage({ params }: Props) {
  const { aid, n } = await params;
  const user = await requirePageUser(`/homework/${aid}/${n}`);
  const index = /^\d{1,3}$/.test(n) ? Number(n) - 1 : -1;
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  let view: TAssignmentAttemptView;
  try {
    view = await openAssignmentQuestion(user, aid, index);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
  const { question } = view;
  const canRetry = view.attemptsAllowed === null || view.attemptsUsed < view.attemptsAllowed;
  const showLatest = view.status === "graded" && view.latest;
  return (
    <div className="page">
      <nav aria-label={t("practice.breadcrumb")} className={styles.breadcrumb}>
        <Link href="/homework">{t("homework.title")}</Link>
        <span aria-hidden="true"> / </span>
        <Link href={`/homework/${view.assignmentId}`}>{view.title}</Link>
      </nav>
      <header className="page-header">
        <h1 className={styles.questionTitle}>{t("homework.question", { n: view.index + 1, id: question.id })}</h1>
        <p className={styles.questionMeta}>
          <Badge tone="info">{t(`practice.type.${question.type}`)}</Badge>{" "}
          {t("homework.attemptsLine", { used: view.attemptsUsed, allowed: view.attemptsAllowed ?? "∞" })}
        </p>
      </header>
      <div className={styles.questionLayout}>
        <Card title={t("practice.question.prompt")} labelledBy="prompt-title">
          <Markdown source={question.prompt[locale]} className={styles.prose} />
          {"task" in question ? (
            <dl className={styles.taskFacts}>
              <dt>{t("practice.question.namespace")}</dt>
              <dd>
                <code>{question.task.namespace}</code>
              </dd>
            </dl>
          ) : null}
        </Card>
        <HomeworkSession
          key={view.attemptId ?? "closed"}
          attemptId={view.attemptId}
          question={question}
          writable={view.writable}
          canRetry={canRetry && view.status === "graded"}
          initialView={
            showLatest && view.latest
              ? { answerId: view.latest.answerId, submittedAt: view.latest.submittedAt.toISOString(), answer: view.latest.answer, result: view.latest.result, reveal: toRevealView(view.reveal) }
              : null
          }
          initialLate={showLatest && view.latest ? { late: view.latest.late, penaltyPercent: view.latest.penaltyPercent } : null}
        />
      </div>
    </div>
  );
}

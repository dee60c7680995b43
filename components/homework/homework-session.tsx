"use client";
// One homework question: the practice answer controls (choice forms or the simulator workspace)
// submitted through the homework action, then the practice result view. Solutions stay hidden until
// the instructor's release date (the server sends no reveal before then).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { submitHomeworkAnswer } from "@/app/homework/actions";
import { ChoiceAnswerForm } from "@/components/practice/answer-forms";
import { draftToAnswer, initialDraft, type TDraft } from "@/components/practice/draft";
import styles from "@/components/practice/practice.module.css";
import { ResultView } from "@/components/practice/result-view";
import { SimWorkspace } from "@/components/practice/sim-workspace";
import type { TAnswerView } from "@/components/practice/types";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { useI18n } from "@/lib/i18n/client";
import type { TClientQuestion } from "@/lib/questions/present";

function newIdempotencyKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `k${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}

export function HomeworkSession({
  attemptId,
  question,
  writable,
  canRetry,
  initialView,
  initialLate,
}: {
  attemptId: string | null;
  question: TClientQuestion;
  writable: boolean;
  canRetry: boolean;
  initialView: TAnswerView | null;
  initialLate: { late: boolean; penaltyPercent: number } | null;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [draft, setDraft] = useState<TDraft>(() => initialDraft(question));
  const [terminalSession, setTerminalSession] = useState<string | null>(null);
  const [terminalCommands, setTerminalCommands] = useState<string[]>([]);
  const [view, setView] = useState<TAnswerView | null>(initialView);
  const [late, setLate] = useState(initialLate);
  const [graded, setGraded] = useState(!writable);
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, startSubmit] = useTransition();
  const isSim = "task" in question;

  function currentAnswer() {
    if (draft.type !== "sim" || !isSim) return draftToAnswer(draft);
    const mode = question.task.answer;
    return draftToAnswer({ type: "sim", manifest: mode === "commands" ? "" : draft.manifest, commands: mode === "manifest" ? "" : terminalCommands.join("\n") });
  }

  function submit() {
    const answer = currentAnswer();
    if (!answer || !attemptId || graded || submitting) return;
    setFailure(null);
    startSubmit(async () => {
      const response = await submitHomeworkAnswer({
        attemptId,
        answer,
        idempotencyKey: newIdempotencyKey(),
        ...(answer.type === "sim" && answer.commands && terminalSession ? { terminalSessionId: terminalSession } : {}),
      });
      if (!response.ok) {
        setFailure(response.message);
        return;
      }
      setView(response.view);
      if (response.attemptStatus === "graded") {
        setGraded(true);
        setLate({ late: response.late, penaltyPercent: response.penaltyPercent });
      }
    });
  }

  return (
    <div className={styles.session}>
      {attemptId ? (
        <form
          className={styles.answerForm}
          aria-label={t("practice.answer.label")}
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          {"task" in question ? (
            draft.type === "sim" ? (
              <SimWorkspace
                attemptId={attemptId}
                question={question}
                manifest={draft.manifest}
                onManifestChange={(manifest) => setDraft({ ...draft, manifest })}
                onSubmitShortcut={submit}
                onTerminalSession={setTerminalSession}
                onTerminalCommands={setTerminalCommands}
                readOnly={graded}
              />
            ) : null
          ) : (
            <ChoiceAnswerForm question={question} draft={draft} onChange={setDraft} disabled={graded || submitting} />
          )}
          {failure ? <FormAlert>{failure}</FormAlert> : null}
          <div className={styles.actions}>
            <Button type="submit" pending={submitting} disabled={graded || !currentAnswer()}>
              {t("practice.submit")}
            </Button>
            {graded && canRetry ? (
              <Button variant="secondary" onClick={() => router.refresh()}>
                {t("homework.nextAttempt")}
              </Button>
            ) : null}
          </div>
        </form>
      ) : (
        <p className="muted">{t("homework.closedQuestion")}</p>
      )}
      {late?.late ? (
        <p role="status">
          <Badge tone="warning">{t("homework.status.late")}</Badge> {t("homework.penalty", { percent: late.penaltyPercent })}
        </p>
      ) : null}
      <div aria-live="polite" className={styles.resultWrap}>
        {view ? <ResultView view={view} /> : null}
      </div>
    </div>
  );
}

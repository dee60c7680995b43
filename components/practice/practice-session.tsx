"use client";
// One practice attempt at one question, for every question type: the answer controls (choice forms
// or the simulator workspace), Precheck (simulator tasks: validation and a server dry-run, no score)
// and Submit, the result once graded, and the learner's earlier attempts. The answer in progress is
// kept in localStorage under the attempt's id, so a reload loses nothing.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, useTransition } from "react";
import { loadAttemptView, precheckPracticeAnswer, submitPracticeAnswer } from "@/app/practice/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { useI18n } from "@/lib/i18n/client";
import type { TClientQuestion } from "@/lib/questions/present";
import { ChoiceAnswerForm } from "./answer-forms";
import { draftStorageKey, draftToAnswer, initialDraft, restoreDraft, type TDraft } from "./draft";
import { ResultView } from "./result-view";
import { SimWorkspace } from "./sim-workspace";
import type { TAnswerView, TPrecheckView, TPreviousAttemptView } from "./types";
import styles from "./practice.module.css";

function readStoredDraft(attemptId: string, question: TClientQuestion): TDraft | null {
  try {
    return restoreDraft(window.localStorage.getItem(draftStorageKey(attemptId)), question);
  } catch {
    return null; // storage disabled (private mode, quota): the page still works, without recovery
  }
}

function writeStoredDraft(attemptId: string, draft: TDraft | null): void {
  try {
    if (draft) window.localStorage.setItem(draftStorageKey(attemptId), JSON.stringify(draft));
    else window.localStorage.removeItem(draftStorageKey(attemptId));
  } catch {
    // see readStoredDraft
  }
}

function newIdempotencyKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `k${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}

export function PracticeSession({
  attemptId,
  question,
  previous,
}: {
  attemptId: string;
  question: TClientQuestion;
  previous: TPreviousAttemptView[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  const resultHeadingId = useId();
  const [draft, setDraft] = useState<TDraft>(() => initialDraft(question));
  const [restored, setRestored] = useState(false);
  const [terminalSession, setTerminalSession] = useState<string | null>(null);
  const [terminalCommands, setTerminalCommands] = useState<string[]>([]);
  const [view, setView] = useState<TAnswerView | null>(null);
  const [graded, setGraded] = useState(false);
  const [precheck, setPrecheck] = useState<TPrecheckView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // A one-line summary for screen readers; the full result is reached by the focus move below.
  const [announcement, setAnnouncement] = useState("");
  const [submitting, startSubmit] = useTransition();
  const [prechecking, startPrecheck] = useTransition();
  const resultRef = useRef<HTMLDivElement>(null);

  // Restore after mount (localStorage does not exist during server rendering).
  useEffect(() => {
    const stored = readStoredDraft(attemptId, question);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time hydration from storage
    if (stored) setDraft(stored);
    setRestored(true);
  }, [attemptId, question]);

  useEffect(() => {
    if (restored && !graded) writeStoredDraft(attemptId, draft);
  }, [attemptId, draft, restored, graded]);

  const isSim = "task" in question;
  const starter = isSim ? (question.task.starter ?? "") : "";

  // What Submit sends for a simulator task: the editor's manifest unless it is the untouched starter
  // (spot-the-mistake's starter is the flawed text, a legitimate if wrong answer), plus the terminal.
  const answerFromDraft = useCallback(() => {
    if (draft.type !== "sim" || !isSim) return draftToAnswer(draft);
    const mode = question.task.answer;
    const useManifest = mode !== "commands" && (mode === "manifest" || question.type === "spot-the-mistake" || draft.manifest !== starter);
    return draftToAnswer({ type: "sim", manifest: useManifest ? draft.manifest : "", commands: mode === "manifest" ? "" : terminalCommands.join("\n") });
  }, [draft, isSim, question, starter, terminalCommands]);

  const answer = answerFromDraft();
  const busy = submitting || prechecking;

  function submit() {
    const current = answerFromDraft();
    if (!current || busy || graded) return;
    setFailure(null);
    startSubmit(async () => {
      const response = await submitPracticeAnswer({
        attemptId,
        answer: current,
        idempotencyKey: newIdempotencyKey(),
        ...(current.type === "sim" && current.commands && terminalSession ? { terminalSessionId: terminalSession } : {}),
      });
      if (!response.ok) {
        setFailure(response.message);
        return;
      }
      setView(response.view);
      setPrecheck(null);
      const result = response.view.result;
      setAnnouncement(
        result.status === "graded"
          ? t("practice.result.announce", { score: Math.round(result.score * 100) / 100, max: result.maxScore, percent: Math.round(result.percent * 100) })
          : result.status === "invalid"
            ? t("practice.result.invalidTitle")
            : t("practice.result.errorTitle"),
      );
      if (response.attemptStatus !== "in_progress" && response.view.result.status === "graded") {
        setGraded(true);
        writeStoredDraft(attemptId, null);
      }
      requestAnimationFrame(() => resultRef.current?.focus());
    });
  }

  function runPrecheck() {
    if (draft.type !== "sim" || !draft.manifest.trim() || busy) return;
    setFailure(null);
    startPrecheck(async () => {
      const response = await precheckPracticeAnswer(attemptId, { type: "sim", manifest: draft.manifest });
      if (!response.ok) {
        setFailure(response.message);
        return;
      }
      setPrecheck(response.precheck);
    });
  }

  return (
    <div className={styles.session}>
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
        {isSim && terminalCommands.length > 0 && question.task.answer !== "manifest" ? (
          <details className={styles.details}>
            <summary>{t("practice.answer.terminalCommands", { count: terminalCommands.length })}</summary>
            <pre className={styles.pre}>{terminalCommands.join("\n")}</pre>
          </details>
        ) : null}
        {failure ? <FormAlert>{failure}</FormAlert> : null}
        <div className={styles.actions}>
          {isSim && question.task.answer !== "commands" ? (
            <Button variant="secondary" pending={prechecking} disabled={graded || draft.type !== "sim" || !draft.manifest.trim()} onClick={runPrecheck}>
              {t("practice.precheck")}
            </Button>
          ) : null}
          <Button type="submit" pending={submitting} disabled={graded || !answer}>
            {t("practice.submit")}
          </Button>
          {graded ? (
            <Button variant="secondary" onClick={() => router.refresh()}>
              {t("practice.retry")}
            </Button>
          ) : null}
          {isSim ? <span className={styles.shortcut}>{t("practice.submitShortcut")}</span> : null}
        </div>
      </form>

      <div aria-live="polite" className={styles.liveRegion}>
        {precheck ? (
          precheck.ok ? (
            <div className={styles.precheckOk} role="status">
              <p>
                <strong>{t("practice.precheck.ok")}</strong>
              </p>
              {precheck.objects.length > 0 ? (
                <ul>
                  {precheck.objects.map((object) => (
                    <li key={object}>
                      <code>{object}</code>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : (
            <div className={styles.precheckFailed}>
              <p>
                <strong>{t("practice.precheck.failed")}</strong>
              </p>
              <pre className={`${styles.pre} ${styles.preError}`}>{precheck.errors.join("\n")}</pre>
            </div>
          )
        ) : null}
      </div>

      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <div ref={resultRef} tabIndex={-1} role="region" aria-labelledby={view ? resultHeadingId : undefined} className={styles.resultWrap}>
        {view ? <ResultView view={view} headingId={resultHeadingId} /> : null}
      </div>

      {previous.length > 0 ? <PreviousAttempts previous={previous} /> : null}
    </div>
  );
}

function PreviousAttempts({ previous }: { previous: TPreviousAttemptView[] }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const [views, setViews] = useState<Record<string, TAnswerView | null | string>>({});
  const [pending, startTransition] = useTransition();
  const format = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en", { dateStyle: "medium", timeStyle: "short" });

  function toggle(attemptId: string) {
    if (open === attemptId) {
      setOpen(null);
      return;
    }
    setOpen(attemptId);
    if (views[attemptId] !== undefined) return;
    startTransition(async () => {
      const response = await loadAttemptView(attemptId);
      setViews((current) => ({ ...current, [attemptId]: response.ok ? response.view : response.message }));
    });
  }

  return (
    <section className={styles.previous} aria-labelledby="previous-attempts">
      <h2 id="previous-attempts">{t("practice.previous.title")}</h2>
      <ol className={styles.previousList}>
        {previous.map((attempt, index) => {
          const loaded = views[attempt.attemptId];
          const percent = Math.round(attempt.percent);
          return (
            <li key={attempt.attemptId}>
              <div className={styles.previousRow}>
                <span>{t("practice.previous.attempt", { n: previous.length - index })}</span>
                <time dateTime={attempt.submittedAt}>{format.format(new Date(attempt.submittedAt))}</time>
                <Badge tone={percent >= 100 ? "success" : percent > 0 ? "warning" : "danger"}>{percent}%</Badge>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-expanded={open === attempt.attemptId}
                  pending={pending && open === attempt.attemptId && loaded === undefined}
                  onClick={() => toggle(attempt.attemptId)}
                >
                  {open === attempt.attemptId ? t("practice.previous.hide") : t("practice.previous.show")}
                </Button>
              </div>
              {open === attempt.attemptId && loaded !== undefined ? (
                typeof loaded === "string" ? (
                  <FormAlert>{loaded}</FormAlert>
                ) : loaded ? (
                  <ResultView view={loaded} />
                ) : (
                  <p className="muted">{t("practice.previous.none")}</p>
                )
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

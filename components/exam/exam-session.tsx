"use client";
// Taking an exam: a countdown to the server's deadline (corrected for this browser's clock offset,
// with spoken alerts at 30, 15 and 5 minutes), a task navigator with answered/flagged state, each
// task with its cluster context and the same answer controls as practice (choice forms, YAML editor,
// terminal), a notepad, and autosave of everything as it changes (also kept in localStorage, so a
// failed save or a crashed tab loses nothing). At the deadline the page stops accepting input and
// goes to the result, which the server grades from what was saved.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { revealTrainingTaskAction, saveExamDraftAction, saveExamStateAction, submitExamAction } from "@/app/exams/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/field";
import { ChoiceAnswerForm } from "@/components/practice/answer-forms";
import { draftToAnswer, initialDraft, type TDraft } from "@/components/practice/draft";
import { Markdown } from "@/components/practice/markdown";
import { SimWorkspace } from "@/components/practice/sim-workspace";
import { SolutionDiff } from "@/components/practice/solution-diff";
import { pickText } from "@/components/practice/text";
import { useI18n } from "@/lib/i18n/client";
import type { TAnswer } from "@/lib/questions/schema";
import type { TClientQuestion } from "@/lib/questions/present";
import type { TExamView } from "@/lib/server/exams";
import type { TReveal } from "@/lib/server/practice";
import styles from "./exam.module.css";

const ALERT_MINUTES = [30, 15, 5] as const;
const SAVE_DELAY_MS = 700;

/** A saved answer back into the editable draft of its question. */
export function answerToDraft(answer: TAnswer | undefined, question: TClientQuestion): TDraft {
  const initial = initialDraft(question);
  if (!answer) return initial;
  switch (answer.type) {
    case "single-choice":
      return initial.type === "single-choice" ? { ...initial, choice: answer.choice } : initial;
    case "multiple-choice":
      return initial.type === "multiple-choice" ? { ...initial, choices: answer.choices } : initial;
    case "true-false":
      return initial.type === "true-false" ? { ...initial, value: answer.value } : initial;
    case "fill-in":
      return initial.type === "fill-in" ? { ...initial, blanks: { ...initial.blanks, ...answer.blanks } } : initial;
    case "ordering":
      return initial.type === "ordering" && answer.order.length === initial.order.length ? { ...initial, order: answer.order } : initial;
    case "matching":
      return initial.type === "matching" ? { ...initial, pairs: answer.pairs } : initial;
    case "sim":
      return initial.type === "sim" ? { ...initial, manifest: answer.manifest ?? initial.manifest, commands: answer.commands ?? "" } : initial;
  }
}

function isAnswered(draft: TDraft, terminalUsed: boolean): boolean {
  if (draft.type === "sim") return terminalUsed || draftToAnswer(draft) !== null;
  return draftToAnswer(draft) !== null;
}

/** This device's clock; read in effects and event handlers only, never during render. */
function wallClock(): number {
  return Date.now();
}

function storageKey(sessionId: string): string {
  return `kubedrill:exam:${sessionId}`;
}

function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h > 0 ? `${h}:` : ""}${String(m).padStart(h > 0 ? 2 : 1, "0")}:${String(s).padStart(2, "0")}`;
}

export function ExamSession({ view }: { view: TExamView }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const training = view.mode === "training";
  const [current, setCurrent] = useState(Math.min(view.currentTaskIndex, view.tasks.length - 1));
  const [drafts, setDrafts] = useState<TDraft[]>(() => view.tasks.map((task) => answerToDraft(task.draft?.answer, task.question)));
  const [flagged, setFlagged] = useState<boolean[]>(() => view.tasks.map((task) => task.flagged));
  const [terminalUsed, setTerminalUsed] = useState<boolean[]>(() => view.tasks.map(() => false));
  const [notes, setNotes] = useState(view.notes);
  const [saveState, setSaveState] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [closed, setClosed] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, startSubmit] = useTransition();
  const [alert, setAlert] = useState<string | null>(null);
  const [reveals, setReveals] = useState<Record<number, TReveal>>({});
  const timeMs = useRef<number[]>(view.tasks.map((task) => task.draft?.timeMs ?? 0));
  const taskStartedAt = useRef<number>(0);
  const saveTimers = useRef<Map<string, ReturnType<typeof setTimeout>>>(new Map());

  // The countdown runs on the server's clock: this device's offset is measured once on mount, and the
  // tick (not render) decides alerts and the close at zero.
  const deadline = new Date(view.deadlineAt).getTime();
  const serverNow = new Date(view.serverNow).getTime();
  const [now, setNow] = useState<number>(serverNow);
  const remaining = deadline - now;
  const alerted = useRef<Set<number> | null>(null);

  const goToResult = useCallback(() => router.push(`/exams/${view.id}/result`), [router, view.id]);

  const markClosed = useCallback(() => {
    setClosed(true);
    setTimeout(goToResult, 1500);
  }, [goToResult]);

  useEffect(() => {
    const offset = serverNow - wallClock();
    taskStartedAt.current = wallClock();
    let done = false;
    const tick = () => {
      const current = wallClock() + offset;
      setNow(current);
      if (training || done) return;
      const left = deadline - current;
      if (alerted.current === null) alerted.current = new Set(ALERT_MINUTES.filter((m) => left <= m * 60_000));
      if (left <= 0) {
        done = true;
        markClosed();
        return;
      }
      for (const minutes of ALERT_MINUTES) {
        if (left <= minutes * 60_000 && !alerted.current.has(minutes)) {
          alerted.current.add(minutes);
          setAlert(t("exam.alert", { minutes }));
        }
      }
    };
    const first = setTimeout(tick, 0);
    const interval = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(interval);
    };
  }, [serverNow, deadline, training, markClosed, t]);

  // Local copy of everything, so nothing is lost if the network or the tab fails.
  useEffect(() => {
    try {
      window.localStorage.setItem(storageKey(view.id), JSON.stringify({ drafts, notes, current }));
    } catch {
      // storage unavailable: the server copy still exists
    }
  }, [drafts, notes, current, view.id]);

  const schedule = useCallback((key: string, run: () => Promise<{ ok: boolean; code?: string; savedAt?: string }>) => {
    const timers = saveTimers.current;
    const pending = timers.get(key);
    if (pending) clearTimeout(pending);
    setSaveState("saving");
    timers.set(
      key,
      setTimeout(async () => {
        timers.delete(key);
        try {
          const result = await run();
          if (result.ok) {
            setSaveState("saved");
            setSavedAt(result.savedAt ?? new Date().toISOString());
          } else if (result.code === "CONFLICT") {
            markClosed();
          } else {
            setSaveState("failed");
          }
        } catch {
          setSaveState("failed");
        }
      }, SAVE_DELAY_MS),
    );
  }, [markClosed]);

  const spentOn = (index: number) => timeMs.current[index] + (index === current ? wallClock() - taskStartedAt.current : 0);

  const saveDraft = useCallback(
    (index: number, draft: TDraft) => {
      schedule(`draft-${index}`, () =>
        saveExamDraftAction({
          sessionId: view.id,
          taskIndex: index,
          draft: { ...(draftToAnswer(draft) ? { answer: draftToAnswer(draft)! } : {}), timeMs: Math.round(spentOn(index)) },
        }),
      );
    },
    // spentOn reads refs only
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [schedule, view.id, current],
  );

  const updateDraft = (index: number, draft: TDraft) => {
    if (closed) return;
    setDrafts((list) => list.map((d, i) => (i === index ? draft : d)));
    saveDraft(index, draft);
  };

  const goTo = (index: number) => {
    if (index < 0 || index >= view.tasks.length || index === current) return;
    timeMs.current[current] += wallClock() - taskStartedAt.current;
    taskStartedAt.current = wallClock();
    const previous = current;
    setCurrent(index);
    if (!closed) {
      saveDraft(previous, drafts[previous]);
      schedule("state", () => saveExamStateAction({ sessionId: view.id, currentTaskIndex: index }));
    }
  };

  const toggleFlag = (index: number) => {
    if (closed) return;
    const value = !flagged[index];
    setFlagged((list) => list.map((f, i) => (i === index ? value : f)));
    schedule(`flag-${index}`, () => saveExamDraftAction({ sessionId: view.id, taskIndex: index, flagged: value }));
  };

  const updateNotes = (value: string) => {
    setNotes(value);
    if (!closed) schedule("notes", () => saveExamStateAction({ sessionId: view.id, notes: value }));
  };

  const submit = () =>
    startSubmit(async () => {
      setSubmitError(null);
      // Flush the current task's draft first, so the last keystrokes are graded.
      await saveExamDraftAction({ sessionId: view.id, taskIndex: current, draft: { ...(draftToAnswer(drafts[current]) ? { answer: draftToAnswer(drafts[current])! } : {}), timeMs: Math.round(spentOn(current)) } });
      const result = await submitExamAction(view.id);
      if (result.ok) goToResult();
      else setSubmitError(result.message);
    });

  const reveal = async (index: number) => {
    const result = await revealTrainingTaskAction(view.id, index);
    if (result.ok) setReveals((r) => ({ ...r, [index]: result.reveal }));
  };

  const task = view.tasks[current];
  const draft = drafts[current];
  const question = task.question;
  const low = !training && remaining <= 5 * 60_000;

  return (
    <div className={styles.layout}>
      <aside className={styles.sidebar} aria-label={t("exam.navigator")}>
        {!training ? (
          <div>
            <p className="muted">{t("exam.timeLeft")}</p>
            <p className={`${styles.timer} ${low ? styles.timerLow : ""}`} role="timer" aria-live="off">
              {formatRemaining(remaining)}
            </p>
          </div>
        ) : (
          <Badge tone="neutral">{t("exams.mode.training")}</Badge>
        )}
        <div role="alert" aria-live="assertive">
          {alert ? <FormAlert>{alert}</FormAlert> : null}
          {closed ? <FormAlert>{t("exam.ended")}</FormAlert> : null}
        </div>
        <nav aria-label={t("exam.navigator")}>
          <ol className={styles.navGrid}>
            {view.tasks.map((tk, i) => {
              const answered = isAnswered(drafts[i], terminalUsed[i]);
              const states = [answered ? t("exam.answered") : null, flagged[i] ? t("exam.flaggedState") : null].filter(Boolean).join(", ");
              return (
                <li key={tk.index}>
                  <button
                    type="button"
                    className={`${styles.navButton} ${answered ? styles.navAnswered : ""}`}
                    aria-current={i === current ? "step" : undefined}
                    aria-label={`${t("exam.taskLabel", { n: i + 1 })}${states ? ` (${states})` : ""}`}
                    onClick={() => goTo(i)}
                  >
                    {i + 1}
                    {flagged[i] ? (
                      <span className={styles.navFlag} aria-hidden="true">
                        ⚑
                      </span>
                    ) : null}
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
        <p className={styles.status} aria-live="polite">
          {saveState === "saving" ? t("exam.saving") : saveState === "failed" ? t("exam.saveFailed") : savedAt ? t("exam.saved", { time: new Date(savedAt).toLocaleTimeString(locale === "zh" ? "zh-CN" : "en-US") }) : null}
        </p>
        <label htmlFor="exam-notepad">
          <strong>{t("exam.notepad")}</strong>
        </label>
        <p className="muted" id="exam-notepad-hint">
          {t("exam.notepadHint")}
        </p>
        <textarea
          id="exam-notepad"
          className={styles.notepad}
          aria-describedby="exam-notepad-hint"
          value={notes}
          readOnly={closed}
          onChange={(event) => updateNotes(event.target.value)}
        />
        <Button variant="danger" disabled={closed || submitting} onClick={() => setConfirming(true)}>
          {t("exam.submit")}
        </Button>
      </aside>

      <section aria-labelledby="task-heading" className="stack">
        <div className={styles.taskHeader}>
          <h2 id="task-heading">{t("exam.taskOf", { n: current + 1, total: view.tasks.length })}</h2>
          <p className={styles.meta}>
            <Badge tone="info">{t("exam.points", { points: task.points })}</Badge>{" "}
            <Badge>{view.domains.find((d) => d.id === task.domain)?.title[locale] ?? task.domain}</Badge>
          </p>
        </div>
        {"task" in question ? <pre className={styles.context}>{t("exam.context", { context: task.context })}</pre> : null}
        <Markdown source={pickText(question.prompt, locale)} />
        {question.hint && training ? (
          <details>
            <summary>{t("practice.question.hint")}</summary>
            <Markdown source={pickText(question.hint, locale)} />
          </details>
        ) : null}

        <div key={task.attemptId}>
          {draft.type === "sim" && "task" in question ? (
            <SimWorkspace
              attemptId={task.attemptId}
              question={question}
              manifest={draft.manifest}
              onManifestChange={(manifest) => updateDraft(current, { ...draft, manifest })}
              onSubmitShortcut={() => goTo(current + 1)}
              onTerminalSession={() => undefined}
              onTerminalCommands={(lines) => {
                if (lines.length > 0) setTerminalUsed((list) => list.map((u, i) => (i === current ? true : u)));
              }}
              readOnly={closed}
            />
          ) : !("task" in question) ? (
            <ChoiceAnswerForm question={question} draft={draft} onChange={(d) => updateDraft(current, d)} disabled={closed} />
          ) : null}
        </div>

        {training ? (
          reveals[current] ? (
            <div className="stack">
              <Markdown source={pickText(reveals[current].explanation, locale)} />
              {reveals[current].solution.type === "sim" ? (
                <SolutionDiff
                  label={t("practice.result.solution")}
                  answer={draft.type === "sim" ? draft.manifest || draft.commands : ""}
                  solution={(reveals[current].solution as { manifest?: string; commands?: string }).manifest ?? (reveals[current].solution as { commands?: string }).commands ?? ""}
                />
              ) : (
                <pre>{JSON.stringify(reveals[current].solution, null, 2)}</pre>
              )}
            </div>
          ) : (
            <Button variant="secondary" onClick={() => reveal(current)}>
              {t("exam.showSolution")}
            </Button>
          )
        ) : null}

        <div className={styles.actions}>
          <Button variant="secondary" disabled={current === 0} onClick={() => goTo(current - 1)}>
            {t("exam.previous")}
          </Button>
          <Button variant="secondary" disabled={closed} onClick={() => toggleFlag(current)} aria-pressed={flagged[current]}>
            {flagged[current] ? t("exam.unflag") : t("exam.flag")}
          </Button>
          <Button disabled={current === view.tasks.length - 1} onClick={() => goTo(current + 1)}>
            {t("exam.next")}
          </Button>
        </div>
      </section>

      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t("exam.submit")}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t("exam.cancel")}
            </Button>
            <Button variant="danger" pending={submitting} onClick={submit}>
              {submitting ? t("exam.submitting") : t("exam.submit")}
            </Button>
          </>
        }
      >
        <p>{t("exam.submitConfirm")}</p>
        {submitError ? <FormAlert>{submitError}</FormAlert> : null}
      </Dialog>
    </div>
  );
}

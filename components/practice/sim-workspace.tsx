"use client";
// The answer area of a simulator task: the YAML editor and/or the terminal, as task.answer allows
// (tabs "YAML" / "Terminal" when both), with the editor's live diagnostics listed in words below it.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { LazyYamlEditor } from "@/components/editor/lazy-yaml-editor";
import type { EditorDiagnostic } from "@/components/editor/field-docs";
import { LazyWebTerminal } from "@/components/terminal/lazy-web-terminal";
import { Button } from "@/components/ui/button";
import { Tabs } from "@/components/ui/tabs";
import { useI18n } from "@/lib/i18n/client";
import type { TClientQuestion } from "@/lib/questions/present";
import styles from "./practice.module.css";

type SimQuestion = Extract<TClientQuestion, { task: unknown }>;

// Mounts its children the first time it is displayed (a hidden tab panel has no size), so the
// terminal opens its server session only when the learner actually looks at it.
function MountWhenShown({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || shown) return;
    const observer = new ResizeObserver(() => {
      if (element.offsetWidth > 0) setShown(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown]);
  return <div ref={ref}>{shown ? children : null}</div>;
}

export function SimWorkspace({
  attemptId,
  question,
  manifest,
  onManifestChange,
  onSubmitShortcut,
  onTerminalSession,
  onTerminalCommands,
  readOnly,
}: {
  attemptId: string;
  question: SimQuestion;
  manifest: string;
  onManifestChange: (value: string) => void;
  onSubmitShortcut: () => void;
  onTerminalSession: (sessionId: string) => void;
  onTerminalCommands: (lines: string[]) => void;
  readOnly: boolean;
}) {
  const { t } = useI18n();
  const hintId = useId();
  const [diagnostics, setDiagnostics] = useState<EditorDiagnostic[]>([]);
  const mode = question.task.answer;
  const starter = question.task.starter ?? "";

  const editor: ReactNode = (
    <div className={styles.workspacePanel}>
      <div className={styles.editorToolbar}>
        <p id={hintId} className={styles.editorHint}>
          {t("editor.hint")}
        </p>
        {starter ? (
          <Button size="sm" variant="secondary" disabled={readOnly || manifest === starter} onClick={() => onManifestChange(starter)}>
            {t("editor.reset")}
          </Button>
        ) : null}
      </div>
      <div className={styles.editorFrame}>
        <LazyYamlEditor
          value={manifest}
          onChange={onManifestChange}
          onSubmit={onSubmitShortcut}
          onDiagnostics={setDiagnostics}
          label={t("editor.label")}
          describedBy={hintId}
          placeholder={t("editor.placeholder")}
          requiredLabel={t("editor.required")}
        />
      </div>
      <div aria-live="polite" className={styles.diagnostics}>
        {diagnostics.length > 0 ? (
          <>
            <p className={styles.diagnosticsTitle}>{t("editor.problems", { count: diagnostics.length })}</p>
            <ul>
              {diagnostics.map((d, index) => (
                <li key={index}>
                  <span className={styles.diagnosticWhere}>{t("editor.lineColumn", { line: d.line, column: d.column })}</span> {d.message}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );

  const terminal: ReactNode = (
    <div className={styles.workspacePanel}>
      <p className={styles.editorHint}>{t("terminal.hint")}</p>
      <MountWhenShown>
        <div className={styles.terminalFrame}>
          <LazyWebTerminal
          attemptId={attemptId}
          label={t("terminal.label")}
          messages={{
            connecting: t("terminal.connecting"),
            failed: t("terminal.failed"),
            unavailable: t("terminal.unavailable"),
            readOnly: t("terminal.readOnly"),
          }}
          onSession={onTerminalSession}
          onCommands={onTerminalCommands}
          />
        </div>
      </MountWhenShown>
    </div>
  );

  if (mode === "manifest") return editor;
  if (mode === "commands") return terminal;
  return (
    <Tabs
      label={t("practice.workspace.label")}
      items={[
        { id: "yaml", label: t("practice.workspace.yaml"), content: editor },
        { id: "terminal", label: t("practice.workspace.terminal"), content: terminal },
      ]}
    />
  );
}

"use client";
// The result of one submitted answer: score, each check (✓/✗, expected vs observed, where, when),
// the simulator's evidence (events, pod timeline, kubectl get/describe, the answer's own output),
// then the explanation, the note it comes from and the reference solution diffed against the answer.
// A refused ("invalid") answer shows why, with Kubernetes' messages, and says no attempt was used.
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import { useI18n } from "@/lib/i18n/client";
import type { TCheckResult, TSimReport } from "@/lib/grading/types";
import { Markdown, renderInline } from "./markdown";
import { PodTimeline } from "./pod-timeline";
import { SolutionDiff } from "./solution-diff";
import { pickText } from "./text";
import type { TAnswerView } from "./types";
import styles from "./practice.module.css";

function percentText(percent: number): string {
  return `${Math.round(percent * 100)}%`;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className={styles.resultSection}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function CheckItem({ check }: { check: TCheckResult }) {
  const { t, locale } = useI18n();
  return (
    <li className={styles.check} data-passed={check.passed}>
      <span className={styles.checkMark} aria-hidden="true">
        {check.passed ? "✓" : "✗"}
      </span>
      <div className={styles.checkBody}>
        <p className={styles.checkTitle}>
          <span className="visually-hidden">{check.passed ? t("practice.result.passed") : t("practice.result.failed")}: </span>
          {renderInline(pickText(check.description, locale))}{" "}
          <span className="muted">
            ({t("practice.result.points", { earned: Math.round(check.earned * 100) / 100, weight: check.weight })})
          </span>
        </p>
        {!check.passed && check.feedback ? <p className={styles.checkFeedback}>{renderInline(pickText(check.feedback, locale))}</p> : null}
        <dl className={styles.checkFacts}>
          <dt>{t("practice.result.expected")}</dt>
          <dd>
            <code>{check.expected}</code>
          </dd>
          <dt>{t("practice.result.observed")}</dt>
          <dd>
            <code>{check.observed}</code>
          </dd>
          <dt>{t("practice.result.where")}</dt>
          <dd>
            <code>{check.where}</code>
          </dd>
          {check.at !== undefined ? (
            <>
              <dt>{t("practice.result.when")}</dt>
              <dd>{t("practice.result.afterSeconds", { seconds: check.at })}</dd>
            </>
          ) : null}
        </dl>
      </div>
    </li>
  );
}

function SimReport({ report }: { report: TSimReport }) {
  const { t } = useI18n();
  // Applying the manifest prints "pod/web created" into stdout too: list only what stdout lacks.
  const applyOnly = report.applyMessages.filter((message) => !report.answerOutput.stdout.includes(message));
  return (
    <>
      {applyOnly.length > 0 || report.answerOutput.stdout || report.answerOutput.stderr ? (
        <Section title={t("practice.result.answerOutput")}>
          {applyOnly.length > 0 ? <pre className={styles.pre}>{applyOnly.join("\n")}</pre> : null}
          {report.answerOutput.stdout ? <pre className={styles.pre}>{report.answerOutput.stdout}</pre> : null}
          {report.answerOutput.stderr ? <pre className={`${styles.pre} ${styles.preError}`}>{report.answerOutput.stderr}</pre> : null}
        </Section>
      ) : null}
      <Section title={t("practice.result.events")}>
        {report.eventsRows.length === 0 ? (
          <p className="muted">{t("practice.result.noEvents")}</p>
        ) : (
          <Table caption={t("practice.result.eventsCaption")}>
            <thead>
              <tr>
                <th scope="col">{t("practice.result.col.time")}</th>
                <th scope="col">{t("practice.result.col.type")}</th>
                <th scope="col">{t("practice.result.col.reason")}</th>
                <th scope="col">{t("practice.result.col.object")}</th>
                <th scope="col">{t("practice.result.col.message")}</th>
              </tr>
            </thead>
            <tbody>
              {report.eventsRows.map((row, index) => (
                <tr key={index}>
                  <td>
                    {row.firstSeen}s{row.count > 1 ? ` (×${row.count}, ${row.lastSeen}s)` : ""}
                  </td>
                  <td>{row.type === "Warning" ? <Badge tone="warning">{row.type}</Badge> : row.type}</td>
                  <td>{row.reason}</td>
                  <td>
                    <code>{row.object}</code>
                  </td>
                  <td>{row.message}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Section>
      <Section title={t("practice.result.timeline")}>
        <PodTimeline entries={report.timeline} answerAt={report.answerAt} endSeconds={report.virtualSeconds} />
      </Section>
      {report.get ? (
        <Section title={t("practice.result.get")}>
          <pre className={styles.pre}>{report.get}</pre>
        </Section>
      ) : null}
      {report.describe.length > 0 ? (
        <Section title={t("practice.result.describe")}>
          {report.describe.map((item) => (
            <details key={item.ref} className={styles.details}>
              <summary>
                <code>kubectl describe {item.ref}</code>
              </summary>
              <pre className={styles.pre}>{item.text}</pre>
            </details>
          ))}
        </Section>
      ) : null}
    </>
  );
}

export function ResultView({ view, headingId }: { view: TAnswerView; headingId?: string }) {
  const { t, locale } = useI18n();
  const { result } = view;

  if (result.status === "invalid") {
    return (
      <div className={styles.result} data-status="invalid">
        <h2 id={headingId}>{t("practice.result.invalidTitle")}</h2>
        <p>{pickText(result.reason, locale)}</p>
        {result.details.length > 0 ? <pre className={`${styles.pre} ${styles.preError}`}>{result.details.join("\n")}</pre> : null}
        <p className="muted">{t("practice.result.invalidNotCounted")}</p>
      </div>
    );
  }
  if (result.status === "error") {
    return (
      <div className={styles.result} data-status="error">
        <h2 id={headingId}>{t("practice.result.errorTitle")}</h2>
        <p>{pickText(result.message, locale)}</p>
        <p className="muted">{t(result.code === "internal" ? "practice.result.errorInternal" : "practice.result.errorBudget")}</p>
      </div>
    );
  }

  const full = result.score >= result.maxScore;
  return (
    <div className={styles.result} data-status="graded">
      <div className={styles.scoreLine}>
        <h2 id={headingId}>{t("practice.result.title")}</h2>
        <p className={styles.score}>
          {t("practice.result.score", { score: Math.round(result.score * 100) / 100, max: result.maxScore })}{" "}
          <Badge tone={full ? "success" : result.score > 0 ? "warning" : "danger"}>{percentText(result.percent)}</Badge>
        </p>
      </div>
      <Section title={t("practice.result.checks")}>
        <ul className={styles.checks}>
          {result.checks.map((check) => (
            <CheckItem key={check.id} check={check} />
          ))}
        </ul>
      </Section>
      {result.report ? <SimReport report={result.report} /> : null}
      {view.reveal ? <Reveal view={view} /> : null}
    </div>
  );
}

function Reveal({ view }: { view: TAnswerView }) {
  const { t, locale } = useI18n();
  const reveal = view.reveal;
  if (!reveal) return null;
  const manifestAnswer = view.answer.type === "sim" ? (view.answer.manifest ?? "") : "";
  const commandsAnswer = view.answer.type === "sim" ? (view.answer.commands ?? "") : "";
  return (
    <>
      {reveal.choiceFeedback.length > 0 ? (
        <Section title={t("practice.result.choices")}>
          <ul className={styles.checks}>
            {reveal.choiceFeedback.map((choice) => (
              <li key={choice.id} className={styles.check} data-passed={choice.correct}>
                <span className={styles.checkMark} aria-hidden="true">
                  {choice.correct ? "✓" : "✗"}
                </span>
                <div className={styles.checkBody}>
                  <p className={styles.checkTitle}>
                    <span className="visually-hidden">{choice.correct ? t("practice.result.choiceRight") : t("practice.result.choiceWrong")}: </span>
                    {renderInline(pickText(choice.text, locale))}
                  </p>
                  {choice.feedback ? <p className={styles.checkFeedback}>{renderInline(pickText(choice.feedback, locale))}</p> : null}
                </div>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section title={t("practice.result.explanation")}>
        <Markdown source={pickText(reveal.explanation, locale)} className={styles.prose} />
        {reveal.feedback ? <Markdown source={pickText(reveal.feedback, locale)} className={styles.prose} /> : null}
        {reveal.mistakes && reveal.mistakes.length > 0 ? (
          <>
            <h4>{t("practice.result.mistakes")}</h4>
            <ul>
              {reveal.mistakes.map((mistake, index) => (
                <li key={index}>{renderInline(pickText(mistake, locale))}</li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>
      {reveal.sources.length > 0 ? (
        <Section title={t("practice.result.sources")}>
          <ul className={styles.sources}>
            {reveal.sources.map((source) => (
              <li key={source.ref}>
                <code>{source.ref}</code>
                {source.excerpt ? (
                  <blockquote lang="zh-CN" className={styles.excerpt}>
                    {source.excerpt}
                  </blockquote>
                ) : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {reveal.solution && (reveal.solution.manifest || reveal.solution.commands) ? (
        <Section title={t("practice.result.solution")}>
          {reveal.solution.manifest ? (
            <SolutionDiff answer={manifestAnswer} solution={reveal.solution.manifest} label={t("practice.result.solutionManifest")} />
          ) : null}
          {reveal.solution.commands ? (
            <SolutionDiff answer={commandsAnswer} solution={reveal.solution.commands} label={t("practice.result.solutionCommands")} />
          ) : null}
        </Section>
      ) : null}
    </>
  );
}

"use client";
// The reference solution next to the learner's answer as a unified line diff (LCS, line-diff.ts).
// Each changed line says "added"/"removed" in words for screen readers, not only by colour or sign.
import { useI18n } from "@/lib/i18n/client";
import { diffLines, diffStats } from "./line-diff";
import styles from "./practice.module.css";

export function SolutionDiff({ answer, solution, label }: { answer: string; solution: string; label: string }) {
  const { t } = useI18n();
  const lines = diffLines(answer, solution);
  const stats = diffStats(lines);
  return (
    <div className={styles.diffBlock}>
      <p className={styles.diffSummary}>
        <strong>{label}</strong> · {t("practice.diff.summary", { added: stats.added, removed: stats.removed })}
      </p>
      {stats.added === 0 && stats.removed === 0 ? <p className="muted">{t("practice.diff.identical")}</p> : null}
      <pre className={styles.diff} aria-label={t("practice.diff.label", { what: label })}>
        {lines.map((line, index) => (
          <span key={index} className={styles[`diff-${line.kind}`]}>
            <span aria-hidden="true">{line.kind === "added" ? "+ " : line.kind === "removed" ? "- " : "  "}</span>
            {line.kind !== "same" ? <span className="visually-hidden">{line.kind === "added" ? t("practice.diff.added") : t("practice.diff.removed")}: </span> : null}
            {line.text}
            {"\n"}
          </span>
        ))}
      </pre>
    </div>
  );
}

"use client";
// Each pod's phase, readiness and restarts over virtual time, drawn as an SVG lane chart, with the
// same data as a table for screen readers and anyone who prefers numbers (colour is never the only
// signal: segments carry their status word when wide enough, and restarts are marked with a glyph).
import type { TimelineEntry } from "@/lib/sim";
import { useI18n } from "@/lib/i18n/client";
import { Table } from "@/components/ui/table";
import { buildTimeline, segmentLabel, segmentTone, tickStep } from "./timeline-model";
import styles from "./practice.module.css";

const WIDTH = 800;
const LABEL = 150;
const LANE = 34;
const TOP = 8;
const AXIS = 28;

const FILL: Record<ReturnType<typeof segmentTone>, string> = {
  ready: "var(--color-success)",
  running: "var(--color-primary)",
  waiting: "var(--color-warning)",
  failed: "var(--color-danger)",
  done: "var(--color-text-muted)",
};

function seconds(value: number): string {
  return `${Math.round(value * 10) / 10}s`;
}

export function PodTimeline({ entries, answerAt, endSeconds }: { entries: TimelineEntry[]; answerAt: number; endSeconds: number }) {
  const { t } = useI18n();
  const model = buildTimeline(entries, answerAt, endSeconds);
  if (model.lanes.length === 0) return <p className="muted">{t("practice.result.timelineEmpty")}</p>;
  const span = Math.max(model.end - model.start, 1);
  const x = (s: number) => LABEL + ((s - model.start) / span) * (WIDTH - LABEL - 10);
  const height = TOP + model.lanes.length * LANE + AXIS;
  const step = tickStep(span);
  const ticks: number[] = [];
  for (let s = Math.ceil(model.start / step) * step; s <= model.end; s += step) ticks.push(s);
  const titleId = `timeline-${answerAt}`;

  return (
    <figure className={styles.timeline}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={titleId} className={styles.timelineSvg}>
        <title id={titleId}>{t("practice.result.timelineAlt", { pods: model.lanes.length, seconds: Math.round(span) })}</title>
        {ticks.map((s) => (
          <g key={s}>
            <line x1={x(s)} x2={x(s)} y1={TOP} y2={height - AXIS + 4} stroke="var(--color-border)" />
            <text x={x(s)} y={height - 8} textAnchor="middle" fontSize="11" fill="var(--color-text-muted)">
              {s}s
            </text>
          </g>
        ))}
        <line x1={x(0)} x2={x(0)} y1={TOP} y2={height - AXIS + 4} stroke="var(--color-text)" strokeDasharray="4 3" />
        {model.lanes.map((lane, index) => {
          const y = TOP + index * LANE;
          return (
            <g key={`${lane.namespace}/${lane.pod}`}>
              <text x={LABEL - 8} y={y + LANE / 2 + 4} textAnchor="end" fontSize="12" fill="var(--color-text)" fontFamily="var(--font-mono)">
                {lane.pod.length > 20 ? `${lane.pod.slice(0, 19)}…` : lane.pod}
              </text>
              {lane.segments.map((segment, segmentIndex) => {
                const left = x(segment.from);
                const width = Math.max(x(segment.to) - left, 1.5);
                const label = `${segmentLabel(segment)}${segment.ready ? " ✓" : ""}`;
                return (
                  <g key={segmentIndex}>
                    <rect x={left} y={y + 6} width={width} height={LANE - 12} rx="3" fill={FILL[segmentTone(segment)]}>
                      <title>
                        {`${lane.pod}: ${label}, ${t("practice.result.restarts")} ${segment.restarts} (${seconds(segment.from)} – ${seconds(segment.to)})`}
                      </title>
                    </rect>
                    {width > label.length * 7 + 8 ? (
                      <text x={left + 4} y={y + LANE / 2 + 4} fontSize="11" fill="var(--color-bg)" pointerEvents="none">
                        {label}
                      </text>
                    ) : null}
                  </g>
                );
              })}
              {lane.restartsAt.map((s, restartIndex) => (
                <text key={restartIndex} x={x(s)} y={y + 6} textAnchor="middle" fontSize="12" fill="var(--color-text)">
                  ↻
                </text>
              ))}
              {lane.deletedAt !== undefined ? (
                <text x={x(lane.deletedAt) + 2} y={y + LANE / 2 + 4} fontSize="12" fill="var(--color-text)">
                  ✕
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.legend}>
        <span>
          <span className={styles.swatch} style={{ background: FILL.ready }} /> {t("practice.result.legendReady")}
        </span>
        <span>
          <span className={styles.swatch} style={{ background: FILL.running }} /> {t("practice.result.legendRunning")}
        </span>
        <span>
          <span className={styles.swatch} style={{ background: FILL.waiting }} /> {t("practice.result.legendWaiting")}
        </span>
        <span>
          <span className={styles.swatch} style={{ background: FILL.failed }} /> {t("practice.result.legendFailed")}
        </span>
        <span>
          <span className={styles.swatch} style={{ background: FILL.done }} /> {t("practice.result.legendDone")}
        </span>
        <span>↻ {t("practice.result.legendRestart")}</span>
        <span>┆ {t("practice.result.legendAnswer")}</span>
      </figcaption>
      <details className={styles.details}>
        <summary>{t("practice.result.timelineTable")}</summary>
        <Table caption={t("practice.result.timelineCaption")}>
          <thead>
            <tr>
              <th scope="col">{t("practice.result.col.pod")}</th>
              <th scope="col">{t("practice.result.col.from")}</th>
              <th scope="col">{t("practice.result.col.to")}</th>
              <th scope="col">{t("practice.result.col.status")}</th>
              <th scope="col">{t("practice.result.col.ready")}</th>
              <th scope="col">{t("practice.result.restarts")}</th>
            </tr>
          </thead>
          <tbody>
            {model.lanes.flatMap((lane) =>
              lane.segments.map((segment, index) => (
                <tr key={`${lane.namespace}/${lane.pod}/${index}`}>
                  <td>{lane.pod}</td>
                  <td>{seconds(segment.from)}</td>
                  <td>{seconds(segment.to)}</td>
                  <td>{segmentLabel(segment)}</td>
                  <td>{segment.ready ? t("practice.result.yes") : t("practice.result.no")}</td>
                  <td>{segment.restarts}</td>
                </tr>
              )),
            )}
          </tbody>
        </Table>
      </details>
    </figure>
  );
}

// Answers per day (bars) and that day's average score (line, 0–100 on the right axis), drawn as SVG.
// The same numbers are available as a table for assistive technology. Server component.
import styles from "./charts.module.css";

export type TActivityDay = { day: string; answers: number; accuracy: number | null };

const W = 640;
const H = 200;
const PAD = { top: 12, right: 36, bottom: 24, left: 32 };

export function ActivityChart({ days, label }: { days: TActivityDay[]; label: string }) {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const maxAnswers = Math.max(1, ...days.map((d) => d.answers));
  const slot = innerW / Math.max(1, days.length);
  const barW = Math.max(2, slot * 0.7);
  const y = (answers: number) => PAD.top + innerH - (answers / maxAnswers) * innerH;
  const yPct = (pct: number) => PAD.top + innerH - (pct / 100) * innerH;
  const x = (i: number) => PAD.left + i * slot + slot / 2;
  const points = days.map((d, i) => (d.accuracy === null ? null : `${x(i).toFixed(1)},${yPct(d.accuracy).toFixed(1)}`));
  // Break the line on days without answers.
  const segments: string[] = [];
  let current: string[] = [];
  for (const p of points) {
    if (p) current.push(p);
    else if (current.length) {
      segments.push(current.join(" "));
      current = [];
    }
  }
  if (current.length) segments.push(current.join(" "));
  const labelEvery = Math.ceil(days.length / 6);
  return (
    <svg className={styles.chart} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {[0, 50, 100].map((p) => (
        <g key={p}>
          <line className={styles.grid} x1={PAD.left} x2={W - PAD.right} y1={yPct(p)} y2={yPct(p)} />
          <text className={styles.label} x={W - PAD.right + 4} y={yPct(p) + 4}>
            {p}%
          </text>
        </g>
      ))}
      <text className={styles.label} x={4} y={PAD.top + 8}>
        {maxAnswers}
      </text>
      <text className={styles.label} x={4} y={PAD.top + innerH}>
        0
      </text>
      {days.map((d, i) =>
        d.answers > 0 ? <rect key={d.day} className={styles.barSoft} x={x(i) - barW / 2} y={y(d.answers)} width={barW} height={PAD.top + innerH - y(d.answers)} /> : null,
      )}
      {segments.map((s, i) =>
        s.includes(" ") ? <polyline key={i} className={styles.line} points={s} /> : <circle key={i} className={styles.dot} cx={s.split(",")[0]} cy={s.split(",")[1]} r={3} />,
      )}
      <line className={styles.axis} x1={PAD.left} x2={W - PAD.right} y1={PAD.top + innerH} y2={PAD.top + innerH} />
      {days.map((d, i) =>
        i % labelEvery === 0 ? (
          <text key={d.day} className={styles.label} x={x(i)} y={H - 6} textAnchor="middle">
            {d.day.slice(5)}
          </text>
        ) : null,
      )}
    </svg>
  );
}

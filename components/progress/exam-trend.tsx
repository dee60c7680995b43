// Exam scores over time: one point per finished exam (green passed, red not), joined by a line, with the
// pass mark drawn. Server component.
import styles from "./charts.module.css";

export type TExamPoint = { id: string; at: string; percent: number; passed: boolean };

const W = 640;
const H = 180;
const PAD = { top: 12, right: 16, bottom: 24, left: 36 };

export function ExamTrend({ exams, label, passPercent = 66 }: { exams: TExamPoint[]; label: string; passPercent?: number }) {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (exams.length === 1 ? innerW / 2 : (i / (exams.length - 1)) * innerW);
  const y = (p: number) => PAD.top + innerH - (p / 100) * innerH;
  return (
    <svg className={styles.chart} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {[0, 50, 100].map((p) => (
        <g key={p}>
          <line className={styles.grid} x1={PAD.left} x2={W - PAD.right} y1={y(p)} y2={y(p)} />
          <text className={styles.label} x={4} y={y(p) + 4}>
            {p}%
          </text>
        </g>
      ))}
      <line className={styles.axis} x1={PAD.left} x2={W - PAD.right} y1={y(passPercent)} y2={y(passPercent)} />
      {exams.length > 1 ? <polyline className={styles.line} points={exams.map((e, i) => `${x(i)},${y(e.percent)}`).join(" ")} /> : null}
      {exams.map((e, i) => (
        <circle key={e.id} className={e.passed ? styles.dot : styles.dotFail} cx={x(i)} cy={y(e.percent)} r={4} />
      ))}
      {exams.map((e, i) => (
        <text key={`${e.id}-d`} className={styles.label} x={x(i)} y={H - 6} textAnchor="middle">
          {e.at.slice(5, 10)}
        </text>
      ))}
    </svg>
  );
}

// Mastery per topic as labelled horizontal bars (a list, so screen readers read "topic, value"), with
// the topic's page linked. Server component.
import Link from "next/link";
import styles from "./charts.module.css";

export type TMasteryBar = { topic: string; label: string; mastery: number; covered: number; objectives: number };

export function MasteryBars({ items, coveredLabel }: { items: TMasteryBar[]; coveredLabel: string }) {
  return (
    <ul className={styles.mastery}>
      {items.map((item) => (
        <li key={item.topic}>
          <Link href={`/practice?topic=${encodeURIComponent(item.topic)}`}>{item.label}</Link>
          <div
            className={styles.track}
            role="meter"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={item.mastery}
            aria-label={`${item.label}: ${item.mastery} / 100, ${coveredLabel} ${item.covered}/${item.objectives}`}
          >
            <div className={styles.fill} style={{ width: `${Math.max(0, Math.min(100, item.mastery))}%` }} />
          </div>
          <span className={styles.num}>{Math.round(item.mastery)}</span>
        </li>
      ))}
    </ul>
  );
}

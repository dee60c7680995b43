// A titled surface for grouping content, and a definition list for "label: value" facts inside it.
import type { ReactNode } from "react";
import styles from "./card.module.css";

export function Card({
  title,
  headingLevel = 2,
  actions,
  children,
  labelledBy,
}: {
  title?: ReactNode;
  headingLevel?: 2 | 3;
  actions?: ReactNode;
  children: ReactNode;
  labelledBy?: string;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className={styles.card} aria-labelledby={title ? labelledBy : undefined}>
      {title || actions ? (
        <div className={styles.header}>
          {title ? <Heading id={labelledBy}>{title}</Heading> : <span />}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}

export function DescriptionList({ items }: { items: { term: ReactNode; detail: ReactNode }[] }) {
  return (
    <dl className={styles.list}>
      {items.map((item, index) => (
        <div key={index} className={styles.row}>
          <dt>{item.term}</dt>
          <dd>{item.detail}</dd>
        </div>
      ))}
    </dl>
  );
}

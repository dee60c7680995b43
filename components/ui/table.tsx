// A data table with a caption (its accessible name) that scrolls sideways on narrow screens
// instead of overflowing the page. Rows and cells are plain <thead>/<tbody>/<tr>/<th>/<td>.
import type { ReactNode } from "react";
import styles from "./table.module.css";

export function Table({ caption, children }: { caption: ReactNode; children: ReactNode }) {
  return (
    <div className={styles.wrap}>
      <table className={styles.table}>
        <caption>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

// Mirrors Go's text/tabwriter (as forked in github.com/liggitt/tabwriter) with padchar ' ' and no flags:
// cells are tab-terminated, the last cell of a line is not part of any column, and each call is one Flush.

/** cli-runtime GetNewTabWriter (tables): minwidth 6, padding 3. describe's tabbedString uses 0 and 2. */
export type TabwriterSettings = { minWidth: number; padding: number };

const TABLE_SETTINGS: TabwriterSettings = { minWidth: 6, padding: 3 };

function cellWidth(text: string): number {
  return Array.from(text).length;
}

/** Aligns tab-separated lines exactly as kubectl's tabwriter does. Input lines must not contain "\n". */
export function alignTabbed(lines: string[], settings: TabwriterSettings = TABLE_SETTINGS): string {
  const { minWidth: MIN_WIDTH, padding: PADDING } = settings;
  const cells = lines.map((line) => line.split("\t"));
  const widths: number[] = [];
  let out = "";

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const line = cells[i];
      line.forEach((cell, j) => {
        out += cell;
        if (j < widths.length && j < line.length - 1) out += " ".repeat(widths[j] - cellWidth(cell));
      });
      out += "\n";
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= cells[current].length - 1) continue;
      // A cell exists in this column: print the lines above, then size this column block.
      writeLines(line0, current);
      line0 = current;
      let width = MIN_WIDTH;
      for (; current < line1; current++) {
        const line = cells[current];
        if (column >= line.length - 1) break;
        const w = cellWidth(line[column]) + PADDING;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, current);
      widths.pop();
      line0 = current;
      current--; // the for-loop increment re-examines the line that ended the block
    }
    writeLines(line0, line1);
  };

  format(0, cells.length);
  return out;
}

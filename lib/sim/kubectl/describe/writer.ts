// Mirrors kubectl describe's output plumbing (staging/src/k8s.io/kubectl/pkg/describe/describe.go):
// tabbedString (tabwriter minwidth 0, tabwidth 8, padding 2) and PrefixWriter (two spaces per level).
import { alignTabbed } from "../format/tabwriter";

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

export class PrefixWriter {
  private segments: string[] = [];
  private current = "";

  /** w.Write(level, text): the text is prefixed with two spaces per level (only once, at its start). */
  write(level: number, text: string): void {
    this.current += "  ".repeat(level) + text;
  }

  /** w.WriteLine(text) */
  writeLine(text: string): void {
    this.current += `${text}\n`;
  }

  /** w.Flush(): what was written so far is aligned on its own (describe flushes before the events table). */
  flush(): void {
    this.segments.push(this.current);
    this.current = "";
  }

  /** The aligned output of every flushed segment. */
  toString(): string {
    const all = [...this.segments, this.current];
    return all
      .map((segment) => {
        if (segment === "") return "";
        const lines = segment.split("\n");
        const trailing = lines[lines.length - 1];
        lines.pop();
        const aligned = alignTabbed(lines, { minWidth: 0, padding: 2 });
        return aligned + trailing;
      })
      .join("");
  }
}

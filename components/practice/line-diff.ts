// A line diff by longest common subsequence, for "your answer vs the reference solution" in the
// result view. Answers are a few dozen lines, so the O(n·m) table is cheap (200×200 = 40k cells);
// longer inputs are capped so a pasted novel cannot stall the page.

export type DiffLine =
  | { kind: "same"; text: string; left: number; right: number }
  | { kind: "removed"; text: string; left: number }
  | { kind: "added"; text: string; right: number };

export const MAX_DIFF_LINES = 2000;

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  // A trailing newline ends the last line; it does not start an empty one.
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.slice(0, MAX_DIFF_LINES);
}

/**
 * Lines of `before` (the learner's answer) and `after` (the reference) in order, each marked same,
 * removed (only in before) or added (only in after). Line numbers are 1-based.
 * diffLines("a\nb\nc", "a\nc\nd") → same a, removed b, same c, added d.
 */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = length of the LCS of a[i..] and b[j..].
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: "same", text: a[i], left: i + 1, right: j + 1 });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      // Removals before additions at a change, as `diff -u` prints them.
      out.push({ kind: "removed", text: a[i], left: i + 1 });
      i++;
    } else {
      out.push({ kind: "added", text: b[j], right: j + 1 });
      j++;
    }
  }
  for (; i < n; i++) out.push({ kind: "removed", text: a[i], left: i + 1 });
  for (; j < m; j++) out.push({ kind: "added", text: b[j], right: j + 1 });
  return out;
}

export function diffStats(lines: DiffLine[]): { added: number; removed: number; same: number } {
  let added = 0;
  let removed = 0;
  let same = 0;
  for (const line of lines) {
    if (line.kind === "added") added++;
    else if (line.kind === "removed") removed++;
    else same++;
  }
  return { added, removed, same };
}

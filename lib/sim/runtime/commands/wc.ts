// wc [-lwc] [FILE]...
import type { CommandImpl } from "./types";
import { flagsOrUsage, readInputs } from "./util";

export const wc: CommandImpl = function* (c) {
  const f = flagsOrUsage(c, { bool: "lwcmL", long: { lines: "=l", words: "=w", bytes: "=c", chars: "=m" } });
  if (!f) return 1;
  const { chunks, failed } = readInputs(c, f.operands);
  const cols = (["l", "w", "c"] as const).filter((k) => f.flags[k] || (k === "c" && f.flags.m));
  const shown = cols.length ? cols : (["l", "w", "c"] as const);
  const rows = chunks.map((ch) => ({
    name: ch.name === "-" ? "" : ch.name,
    l: (ch.text.match(/\n/g) ?? []).length,
    w: ch.text.split(/\s+/).filter(Boolean).length,
    c: ch.text.length,
  }));
  if (rows.length > 1) rows.push({ name: "total", l: sum(rows, "l"), w: sum(rows, "w"), c: sum(rows, "c") });
  const single = shown.length === 1;
  const stdinOnly = f.operands.length === 0;
  const width = c.flavor === "busybox" ? 9 : stdinOnly ? 7 : Math.max(1, ...rows.flatMap((r) => shown.map((k) => String(r[k]).length)));
  for (const r of rows) {
    const nums = shown.map((k) => (single && (stdinOnly || rows.length === 1) ? String(r[k]) : String(r[k]).padStart(width)));
    c.io.out(`${nums.join(c.flavor === "busybox" && !single ? " " : " ")}${r.name ? ` ${r.name}` : ""}\n`);
  }
  return failed ? 1 : 0;
};
const sum = (rows: { l: number; w: number; c: number }[], k: "l" | "w" | "c") => rows.reduce((n, r) => n + r[k], 0);

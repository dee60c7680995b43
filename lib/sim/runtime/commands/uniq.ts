// uniq [-cdu] [INPUT]
import type { CommandImpl } from "./types";
import { flagsOrUsage, lines, readInputs } from "./util";

export const uniq: CommandImpl = function* (c) {
  const f = flagsOrUsage(c, { bool: "cdui", long: { count: "=c" } });
  if (!f) return 1;
  const { chunks, failed } = readInputs(c, f.operands.slice(0, 1));
  const ls = lines(chunks.map((x) => x.text).join(""));
  const groups: { line: string; n: number }[] = [];
  for (const l of ls) {
    const last = groups[groups.length - 1];
    if (last && (f.flags.i ? last.line.toLowerCase() === l.toLowerCase() : last.line === l)) last.n++;
    else groups.push({ line: l, n: 1 });
  }
  for (const g of groups) {
    if (f.flags.d && g.n < 2) continue;
    if (f.flags.u && g.n > 1) continue;
    c.io.out(f.flags.c ? `${String(g.n).padStart(7)} ${g.line}\n` : `${g.line}\n`);
  }
  return failed ? 1 : 0;
};

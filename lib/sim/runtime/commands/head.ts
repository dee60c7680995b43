// head [-n N | -N] [-c N] [FILE]...
import type { CommandImpl } from "./types";
import { flagsOrUsage, lines, joinLines, readInputs } from "./util";

export const head: CommandImpl = function* (c) {
  const f = flagsOrUsage(c, { bool: "qv", value: "nc", long: { lines: "=n", bytes: "=c" }, numericFlag: "n" });
  if (!f) return 1;
  const { chunks, failed } = readInputs(c, f.operands, "cannot-open");
  const n = Number(f.flags.n ?? 10);
  chunks.forEach((ch, i) => {
    if (chunks.length > 1) c.io.out(`${i ? "\n" : ""}==> ${ch.name === "-" ? "standard input" : ch.name} <==\n`);
    if (typeof f.flags.c === "string") c.io.out(ch.text.slice(0, Number(f.flags.c)));
    else {
      const ls = lines(ch.text);
      c.io.out(joinLines(n < 0 ? ls.slice(0, n) : ls.slice(0, n)));
    }
  });
  return failed ? 1 : 0;
};

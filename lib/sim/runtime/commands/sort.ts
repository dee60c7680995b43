// sort [-nrufb] [-t SEP] [-k N[,M]] [FILE]...
import type { CommandImpl } from "./types";
import { flagsOrUsage, lines, joinLines, readInputs } from "./util";

export const sort: CommandImpl = function* (c) {
  const f = flagsOrUsage(c, { bool: "nrufbhVs", value: "tko", long: { numeric: "=n", reverse: "=r", unique: "=u" } });
  if (!f) return 2;
  const { chunks, failed } = readInputs(c, f.operands);
  let ls = lines(chunks.map((ch) => ch.text).join(""));
  const sep = typeof f.flags.t === "string" ? f.flags.t : null;
  const key = typeof f.flags.k === "string" ? f.flags.k.split(",").map((x) => parseInt(x, 10)) : null;
  const keyOf = (line: string): string => {
    if (!key) return line;
    const fields = sep === null ? line.trim().split(/\s+/) : line.split(sep);
    const from = key[0] - 1;
    const to = key[1] ? key[1] : fields.length;
    return fields.slice(from, to).join(sep ?? " ");
  };
  const cmp = (a: string, b: string): number => {
    let ka = keyOf(a);
    let kb = keyOf(b);
    if (f.flags.f) { ka = ka.toLowerCase(); kb = kb.toLowerCase(); }
    if (f.flags.n || f.flags.h) {
      const d = (parseFloat(ka) || 0) - (parseFloat(kb) || 0);
      if (d !== 0) return d;
      return a < b ? -1 : a > b ? 1 : 0;
    }
    return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  };
  ls = [...ls].sort(cmp);
  if (f.flags.r) ls.reverse();
  if (f.flags.u) ls = ls.filter((l, i) => i === 0 || cmp(ls[i - 1], l) !== 0);
  c.io.out(joinLines(ls));
  return failed ? 2 : 0;
};

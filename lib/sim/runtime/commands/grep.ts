// grep [-ivqcnolwxEFhH] [-e PATTERN] PATTERN [FILE]...: BRE by default, ERE with -E / egrep.
import type { CommandImpl } from "./types";
import { flagsOrUsage, lines, readInputs, complain } from "./util";

/** POSIX basic regular expression → JS RegExp source (\( \) \{ \} \| \+ \? are the operators). */
export function breToJs(bre: string): string {
  let out = "";
  for (let i = 0; i < bre.length; i++) {
    const ch = bre[i];
    if (ch === "\\" && i + 1 < bre.length) {
      const n = bre[++i];
      out += "(){}|+?".includes(n) ? n : `\\${n}`;
      continue;
    }
    out += "(){}|+?".includes(ch) ? `\\${ch}` : ch;
  }
  return out;
}
export function posixClasses(re: string): string {
  return re
    .replace(/\[:alpha:\]/g, "a-zA-Z").replace(/\[:digit:\]/g, "0-9").replace(/\[:alnum:\]/g, "a-zA-Z0-9")
    .replace(/\[:upper:\]/g, "A-Z").replace(/\[:lower:\]/g, "a-z").replace(/\[:space:\]/g, "\\s").replace(/\[:blank:\]/g, " \\t")
    .replace(/\[:punct:\]/g, "!-\\/:-@\\[-`{-~");
}

export const grep: CommandImpl = function* (c) {
  const f = flagsOrUsage(c, { bool: "ivqcnolwxEFhHrRsL", value: "em", long: { "ignore-case": "=i", "invert-match": "=v", quiet: "=q", count: "=c", "extended-regexp": "=E", regexp: "=e", color: "bool" } });
  if (!f) return 2;
  const patterns = f.repeated.e ?? [];
  const operands = [...f.operands];
  if (patterns.length === 0) {
    if (operands.length === 0) {
      c.io.err(c.flavor === "gnu" ? "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n" : "BusyBox v1.36.1 multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n");
      return 2;
    }
    patterns.push(operands.shift() as string);
  }
  const ere = Boolean(f.flags.E) || c.name.endsWith("egrep");
  let re: RegExp;
  try {
    const src = patterns.map((p) => {
      let s = f.flags.F ? p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : posixClasses(ere ? p : breToJs(p));
      if (f.flags.w) s = `\\b(?:${s})\\b`;
      if (f.flags.x) s = `^(?:${s})$`;
      return s;
    }).join("|");
    re = new RegExp(src, f.flags.i ? "i" : "");
  } catch {
    complain(c, c.flavor === "gnu" ? "Unmatched ( or \\(" : `bad regex '${patterns[0]}'`);
    return 2;
  }
  const { chunks, failed } = readInputs(c, operands);
  const multi = chunks.length > 1 && !f.flags.h;
  const max = typeof f.flags.m === "string" ? Number(f.flags.m) : Infinity;
  let matchedAny = false;
  for (const ch of chunks) {
    let count = 0;
    const name = ch.name === "-" ? "(standard input)" : ch.name;
    const ls = lines(ch.text);
    for (let i = 0; i < ls.length && count < max; i++) {
      if (c.tick()) yield { kind: "busy" };
      const hit = re.test(ls[i]) !== Boolean(f.flags.v);
      if (!hit) continue;
      count++;
      matchedAny = true;
      if (f.flags.q) return 0;
      if (f.flags.c || f.flags.l || f.flags.L) continue;
      const prefix = `${multi || f.flags.H ? `${name}:` : ""}${f.flags.n ? `${i + 1}:` : ""}`;
      if (f.flags.o && !f.flags.v) {
        const g = new RegExp(re.source, re.flags + "g");
        for (const m of ls[i].matchAll(g)) if (m[0]) c.io.out(`${prefix}${m[0]}\n`);
      } else c.io.out(`${prefix}${ls[i]}\n`);
    }
    if (f.flags.c) c.io.out(`${multi ? `${name}:` : ""}${count}\n`);
    if (f.flags.l && count > 0) c.io.out(`${name}\n`);
    if (f.flags.L && count === 0) c.io.out(`${name}\n`);
  }
  if (failed && !f.flags.q) return 2;
  return matchedAny ? 0 : 1;
};

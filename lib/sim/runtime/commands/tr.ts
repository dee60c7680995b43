// tr [-d] [-s] [-c] SET1 [SET2]: ranges, escapes and [:class:] sets.
import type { CommandImpl } from "./types";
import { complain } from "./util";

export function expandSet(s: string): string[] {
  const classes: Record<string, string> = {
    "[:upper:]": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "[:lower:]": "abcdefghijklmnopqrstuvwxyz", "[:digit:]": "0123456789",
    "[:space:]": " \t\n\r\f\v", "[:blank:]": " \t", "[:alpha:]": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "[:alnum:]": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "[:punct:]": "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
  };
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const cls = Object.keys(classes).find((k) => s.startsWith(k, i));
    if (cls) { out.push(...classes[cls]); i += cls.length - 1; continue; }
    let ch = s[i];
    if (ch === "\\" && i + 1 < s.length) {
      const n = s[++i];
      ch = n === "n" ? "\n" : n === "t" ? "\t" : n === "r" ? "\r" : n;
    }
    if (s[i + 1] === "-" && i + 2 < s.length) {
      const end = s[i + 2];
      for (let code = ch.charCodeAt(0); code <= end.charCodeAt(0) && out.length < 65536; code++) out.push(String.fromCharCode(code));
      i += 2;
      continue;
    }
    out.push(ch);
  }
  return out;
}

export const tr: CommandImpl = function* (c) {
  let del = false;
  let squeeze = false;
  let complement = false;
  const sets: string[] = [];
  for (const a of c.args) {
    if (/^-[dsc]+$/.test(a)) {
      del ||= a.includes("d");
      squeeze ||= a.includes("s");
      complement ||= a.includes("c");
    } else sets.push(a);
  }
  if (sets.length === 0 || (!del && !squeeze && sets.length < 2)) {
    complain(c, c.flavor === "gnu" ? `missing operand${sets.length ? ` after '${sets[0]}'` : ""}\nTry 'tr --help' for more information.` : "missing operand");
    return 1;
  }
  const s1 = expandSet(sets[0]);
  const s2 = sets[1] !== undefined ? expandSet(sets[1]) : [];
  const in1 = (ch: string) => s1.includes(ch) !== complement;
  let out = "";
  let prev = "";
  for (const ch of c.io.stdin) {
    let o: string | null = ch;
    if (del && in1(ch)) o = null;
    else if (!del && s2.length && in1(ch)) {
      const idx = s1.indexOf(ch);
      o = s2[Math.min(idx, s2.length - 1)] ?? ch;
    }
    if (o === null) continue;
    const squeezeSet = del ? s2 : s2.length ? s2 : s1;
    if (squeeze && o === prev && squeezeSet.includes(o)) continue;
    out += o;
    prev = o;
  }
  c.io.out(out);
  return 0;
};

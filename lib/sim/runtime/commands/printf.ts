// printf(1): %s %d %i %u %x %X %o %c %f %e %g %b %%, widths, precision, flags; the format is reused
// until the arguments run out, as POSIX requires.
import { interpretEscapes } from "./echo";
import type { CommandImpl } from "./types";

export function formatPrintf(format: string, args: string[]): { text: string; errors: string[] } {
  const errors: string[] = [];
  let out = "";
  let argi = 0;
  const next = () => (argi < args.length ? args[argi++] : undefined);
  const toNum = (s: string | undefined): number => {
    if (s === undefined || s === "") return 0;
    if (/^['"]/.test(s)) return s.charCodeAt(1) || 0;
    const t = s.trim();
    if (/^[-+]?\d+$/.test(t)) return Number(t);
    if (/^[-+]?0[xX][0-9a-fA-F]+$/.test(t)) return parseInt(t, 16);
    if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
    errors.push(`invalid number '${s}'`);
    return parseFloat(t) || 0;
  };
  let guard = 0;
  do {
    const startArg = argi;
    for (let i = 0; i < format.length; i++) {
      const c = format[i];
      if (c === "\\") {
        const [t] = interpretEscapes(format.slice(i, i + 2) === "\\0" ? format.slice(i, i + 5) : format.slice(i, i + 2));
        const consumed = format.slice(i, i + 2) === "\\0" ? 1 + (/^[0-7]{0,3}/.exec(format.slice(i + 2))?.[0].length ?? 0) + 1 : 2;
        out += t;
        i += consumed - 1;
        continue;
      }
      if (c !== "%") { out += c; continue; }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([sdiuxXocfeEgGb%])/.exec(format.slice(i));
      if (!m) { out += c; continue; }
      i += m[0].length - 1;
      const [, flags, w, p, conv] = m;
      if (conv === "%") { out += "%"; continue; }
      const width = w === "*" ? toNum(next()) : w ? Number(w) : 0;
      const prec = p === "*" ? toNum(next()) : p !== undefined ? Number(p) : undefined;
      const arg = next();
      let s: string;
      switch (conv) {
        case "s": s = arg ?? ""; if (prec !== undefined) s = s.slice(0, prec); break;
        case "b": s = interpretEscapes(arg ?? "")[0]; break;
        case "c": s = (arg ?? "").slice(0, 1); break;
        case "d": case "i": case "u": {
          const n = Math.trunc(toNum(arg));
          s = String(Math.abs(n));
          if (prec !== undefined) s = s.padStart(prec, "0");
          s = (n < 0 ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "") + s;
          break;
        }
        case "x": case "X": case "o": {
          const n = Math.trunc(toNum(arg));
          s = (n >>> 0).toString(conv === "o" ? 8 : 16);
          if (conv === "X") s = s.toUpperCase();
          if (flags.includes("#") && n !== 0) s = (conv === "o" ? "0" : conv === "x" ? "0x" : "0X") + s;
          break;
        }
        case "f": s = toNum(arg).toFixed(prec ?? 6); if (flags.includes("+") && !s.startsWith("-")) s = `+${s}`; break;
        case "e": case "E": {
          s = toNum(arg).toExponential(prec ?? 6).replace(/e([+-])(\d)$/, "e$10$2");
          if (conv === "E") s = s.toUpperCase();
          break;
        }
        default: s = String(Number(toNum(arg).toPrecision(prec || 6))); break;
      }
      if (s.length < width) {
        if (flags.includes("-")) s = s.padEnd(width);
        else if (flags.includes("0") && /[diuxXofeEgG]/.test(conv)) {
          const sign = /^[-+ ]/.test(s) ? s[0] : "";
          s = sign + s.slice(sign.length).padStart(width - sign.length, "0");
        } else s = s.padStart(width);
      }
      out += s;
    }
    if (argi === startArg) break;
  } while (argi < args.length && ++guard < 10_000);
  return { text: out, errors };
}

export const printf: CommandImpl = function* (c) {
  if (c.args.length === 0) {
    c.io.err(c.flavor === "gnu" ? "printf: missing operand\nTry 'printf --help' for more information.\n" : "Usage: printf FORMAT [ARG]...\n");
    return 1;
  }
  const r = formatPrintf(c.args[0], c.args.slice(1));
  c.io.out(r.text);
  for (const e of r.errors) c.io.err(`printf: ${e}\n`);
  return r.errors.length ? 1 : 0;
};

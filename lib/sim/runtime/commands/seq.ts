// seq [-s SEP] [-w] [FIRST [INCREMENT]] LAST (bounded to MAX_SEQ numbers).
import type { CommandImpl } from "./types";
import { complain } from "./util";

export const MAX_SEQ = 1_000_000;

export const seq: CommandImpl = function* (c) {
  let sep = "\n";
  let width = false;
  const nums: string[] = [];
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i];
    if (a === "-s") { sep = c.args[++i] ?? "\n"; continue; }
    if (a.startsWith("-s") && a.length > 2) { sep = a.slice(2); continue; }
    if (a === "-w") { width = true; continue; }
    nums.push(a);
  }
  if (nums.length === 0 || nums.length > 3) {
    complain(c, c.flavor === "gnu" ? "missing operand\nTry 'seq --help' for more information." : "missing operand");
    return 1;
  }
  const vals = nums.map(Number);
  const bad = nums.find((n, i) => Number.isNaN(vals[i]));
  if (bad !== undefined) {
    complain(c, c.flavor === "gnu" ? `invalid floating point argument: '${bad}'\nTry 'seq --help' for more information.` : `invalid number '${bad}'`);
    return 1;
  }
  const [first, inc, last] = vals.length === 1 ? [1, 1, vals[0]] : vals.length === 2 ? [vals[0], 1, vals[1]] : vals;
  if (inc === 0) return 1;
  const out: string[] = [];
  const pad = width ? String(Math.max(Math.abs(first), Math.abs(last))).length : 0;
  for (let v = first, n = 0; inc > 0 ? v <= last : v >= last; v += inc, n++) {
    if (n >= MAX_SEQ) break;
    if (n % 1000 === 0 && c.tick()) yield { kind: "busy" };
    const s = Number.isInteger(v) ? String(v) : String(Math.round(v * 1e9) / 1e9);
    out.push(pad ? s.padStart(pad, "0") : s);
  }
  if (out.length) c.io.out(`${out.join(sep)}\n`);
  return 0;
};

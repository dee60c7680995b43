// test / [ (POSIX test(1) with -a/-o and parentheses).
import { normalizePath, type Vfs } from "../vfs";
import type { CommandImpl } from "./types";

export type TestResult = { kind: "ok"; value: boolean } | { kind: "error"; message: string };

const UNARY = new Set(["-e", "-f", "-d", "-s", "-r", "-w", "-x", "-L", "-h", "-z", "-n", "-b", "-c", "-p", "-S", "-g", "-u", "-k", "-t", "-a"]);
const BINARY = new Set(["=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "<", ">", "-nt", "-ot", "-ef"]);

export function evaluateTest(args: string[], env: { fs: Vfs; cwd: string }): TestResult {
  let pos = 0;
  const fileTest = (op: string, arg: string): boolean => {
    const path = normalizePath(arg, env.cwd);
    if (op === "-L" || op === "-h") { const l = env.fs.lstat(path); return l.ok && l.value.node.kind === "symlink"; }
    const st = env.fs.stat(path);
    if (!st.ok) return false;
    switch (op) {
      case "-e": case "-a": return true;
      case "-f": return st.value.node.kind === "file";
      case "-d": return st.value.node.kind === "dir";
      case "-s": return st.value.size > 0 && st.value.node.kind !== "dir" ? true : st.value.node.kind === "dir";
      case "-x": return (st.value.node.mode & 0o111) !== 0;
      case "-w": return !st.value.readOnly;
      case "-r": return true;
      default: return false;
    }
  };
  const int = (s: string): number | null => (/^\s*[-+]?\d+\s*$/.test(s) ? Number(s) : null);
  const binary = (a: string, op: string, b: string): TestResult => {
    if (op === "=" || op === "==") return { kind: "ok", value: a === b };
    if (op === "!=") return { kind: "ok", value: a !== b };
    if (op === "<") return { kind: "ok", value: a < b };
    if (op === ">") return { kind: "ok", value: a > b };
    if (op === "-nt" || op === "-ot" || op === "-ef") return { kind: "ok", value: false };
    const x = int(a);
    const y = int(b);
    if (x === null) return { kind: "error", message: `${a}: integer expression expected` };
    if (y === null) return { kind: "error", message: `${b}: integer expression expected` };
    const v = { "-eq": x === y, "-ne": x !== y, "-lt": x < y, "-le": x <= y, "-gt": x > y, "-ge": x >= y }[op as "-eq"];
    return { kind: "ok", value: v };
  };

  const primary = (): TestResult => {
    const a = args[pos];
    if (a === undefined) return { kind: "ok", value: false };
    if (a === "!" && args.length - pos > 1) {
      pos++;
      const r = primary();
      return r.kind === "ok" ? { kind: "ok", value: !r.value } : r;
    }
    if (a === "(" && args.length - pos > 2) {
      pos++;
      const r = or();
      if (args[pos] !== ")") return { kind: "error", message: "missing )" };
      pos++;
      return r;
    }
    if (BINARY.has(args[pos + 1] ?? "") && pos + 2 < args.length) {
      pos += 3;
      return binary(a, args[pos - 2], args[pos - 1]);
    }
    if (UNARY.has(a) && pos + 1 < args.length) {
      const arg = args[pos + 1];
      pos += 2;
      if (a === "-z") return { kind: "ok", value: arg === "" };
      if (a === "-n") return { kind: "ok", value: arg !== "" };
      if (a === "-t") return { kind: "ok", value: false };
      return { kind: "ok", value: fileTest(a, arg) };
    }
    pos++;
    return { kind: "ok", value: a !== "" };
  };
  const and = (): TestResult => {
    let r = primary();
    while (r.kind === "ok" && args[pos] === "-a") {
      pos++;
      const s = primary();
      if (s.kind === "error") return s;
      r = { kind: "ok", value: r.value && s.value };
    }
    return r;
  };
  const or = (): TestResult => {
    let r = and();
    while (r.kind === "ok" && args[pos] === "-o") {
      pos++;
      const s = and();
      if (s.kind === "error") return s;
      r = { kind: "ok", value: r.value || s.value };
    }
    return r;
  };
  if (args.length === 0) return { kind: "ok", value: false };
  const r = or();
  if (r.kind === "ok" && pos < args.length) {
    return { kind: "error", message: args.length > 3 ? "too many arguments" : `${args[pos]}: unknown operand` };
  }
  return r;
}

export const test: CommandImpl = function* (c) {
  let args = c.args;
  if (c.name === "[" || c.name.endsWith("/[")) {
    if (args[args.length - 1] !== "]") {
      c.io.err("[: missing ]\n");
      return 2;
    }
    args = args.slice(0, -1);
  }
  const r = evaluateTest(args, { fs: c.proc.fs, cwd: c.cwd });
  if (r.kind === "error") {
    c.io.err(`${c.name}: ${r.message}\n`);
    return 2;
  }
  return r.value ? 0 : 1;
};

// awk: the subset CKAD one-liners use — [-F SEP] [-v VAR=VAL] programs made of `pattern { action }` rules
// with BEGIN/END, /regex/ and comparison patterns, and actions of print/printf, assignments (+=, ++),
// $N, NF, NR, $NF, string concatenation and arithmetic. Anything else fails with a parse error.
import type { CommandImpl } from "./types";
import { formatPrintf } from "./printf";
import { complain, lines, readInputs } from "./util";

class AwkError extends Error {}

type Tok = { t: "num" | "str" | "re" | "name" | "field" | "op" | "punct"; v: string };

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let lastSignificant: Tok | undefined;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch) && ch !== "\n") { i++; continue; }
    if (ch === "\n" || ch === ";") { toks.push({ t: "punct", v: ";" }); i++; lastSignificant = undefined; continue; }
    if (ch === "#") { while (i < src.length && src[i] !== "\n") i++; continue; }
    if (ch === '"') {
      let s = "";
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === "\\" && i + 1 < src.length) {
          const n = src[++i];
          s += n === "n" ? "\n" : n === "t" ? "\t" : n;
          i++;
          continue;
        }
        s += src[i++];
      }
      i++;
      toks.push((lastSignificant = { t: "str", v: s }));
      continue;
    }
    if (ch === "/" && (!lastSignificant || lastSignificant.t === "op" || (lastSignificant.t === "punct" && lastSignificant.v !== ")"))) {
      let s = "";
      i++;
      while (i < src.length && src[i] !== "/") {
        if (src[i] === "\\" && src[i + 1] === "/") { s += "/"; i += 2; continue; }
        s += src[i++];
      }
      i++;
      toks.push((lastSignificant = { t: "re", v: s }));
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) { toks.push((lastSignificant = { t: "num", v: num[0] })); i += num[0].length; continue; }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) { toks.push((lastSignificant = { t: "name", v: name[0] })); i += name[0].length; continue; }
    if (ch === "$") { toks.push((lastSignificant = { t: "field", v: "$" })); i++; continue; }
    const op = /^(\+\+|--|\+=|-=|\*=|\/=|==|!=|<=|>=|&&|\|\||!~|[-+*/%<>=!~?:])/.exec(src.slice(i));
    if (op) { toks.push((lastSignificant = { t: "op", v: op[0] })); i += op[0].length; continue; }
    if ("{}(),".includes(ch)) { toks.push((lastSignificant = { t: "punct", v: ch })); i++; continue; }
    throw new AwkError(`unexpected character '${ch}'`);
  }
  return toks;
}

type Expr =
  | { k: "num"; v: number } | { k: "str"; v: string } | { k: "re"; v: RegExp } | { k: "var"; name: string }
  | { k: "field"; e: Expr } | { k: "bin"; op: string; a: Expr; b: Expr } | { k: "not"; e: Expr } | { k: "neg"; e: Expr }
  | { k: "assign"; op: string; target: Expr; e: Expr } | { k: "incr"; op: string; target: Expr; post: boolean }
  | { k: "call"; name: string; args: Expr[] } | { k: "cat"; parts: Expr[] };
type Stmt = { k: "print"; args: Expr[]; printf: boolean } | { k: "expr"; e: Expr } | { k: "if"; cond: Expr; then: Stmt[]; else: Stmt[] } | { k: "next" };
type Rule = { pattern: "BEGIN" | "END" | Expr | null; action: Stmt[] | null };

function parseProgram(src: string): Rule[] {
  const toks = lex(src);
  let p = 0;
  const peek = () => toks[p];
  const is = (v: string) => toks[p]?.v === v && toks[p]?.t !== "str";
  const expect = (v: string) => { if (!is(v)) throw new AwkError(`syntax error at or near ${toks[p]?.v ?? "end of file"}`); p++; };
  const skipSemis = () => { while (is(";")) p++; };

  const primary = (): Expr => {
    const t = toks[p++];
    if (!t) throw new AwkError("syntax error at or near end of file");
    if (t.t === "num") return { k: "num", v: Number(t.v) };
    if (t.t === "str") return { k: "str", v: t.v };
    if (t.t === "re") return { k: "re", v: new RegExp(t.v) };
    if (t.t === "field") return { k: "field", e: primary() };
    if (t.v === "(") { const e = expr(); expect(")"); return e; }
    if (t.v === "!") return { k: "not", e: unary() };
    if (t.v === "-") return { k: "neg", e: unary() };
    if (t.v === "++" || t.v === "--") return { k: "incr", op: t.v, target: primary(), post: false };
    if (t.t === "name") {
      if (is("(") && ["length", "substr", "toupper", "tolower", "index", "int", "split"].includes(t.v)) {
        p++;
        const args: Expr[] = [];
        while (!is(")")) { args.push(expr()); if (is(",")) p++; }
        p++;
        return { k: "call", name: t.v, args };
      }
      if (t.v === "length") return { k: "call", name: "length", args: [] };
      return { k: "var", name: t.v };
    }
    throw new AwkError(`syntax error at or near ${t.v}`);
  };
  const unary = (): Expr => {
    const e = primary();
    if (is("++") || is("--")) return { k: "incr", op: toks[p++].v, target: e, post: true };
    return e;
  };
  const mul = (): Expr => { let a = unary(); while (is("*") || is("/") || is("%")) { const op = toks[p++].v; a = { k: "bin", op, a, b: unary() }; } return a; };
  const add = (): Expr => { let a = mul(); while (is("+") || is("-")) { const op = toks[p++].v; a = { k: "bin", op, a, b: mul() }; } return a; };
  const startsOperand = () => { const t = peek(); return t && (t.t === "num" || t.t === "str" || t.t === "field" || (t.t === "name" && t.v !== "in") || (t.t === "punct" && t.v === "(") || (t.t === "op" && (t.v === "!" || t.v === "-" && false))); };
  const concat = (): Expr => { const parts = [add()]; while (startsOperand()) parts.push(add()); return parts.length === 1 ? parts[0] : { k: "cat", parts }; };
  const cmp = (): Expr => { let a = concat(); while (["<", ">", "<=", ">=", "==", "!=", "~", "!~"].some((o) => is(o))) { const op = toks[p++].v; a = { k: "bin", op, a, b: concat() }; } return a; };
  const and = (): Expr => { let a = cmp(); while (is("&&")) { p++; a = { k: "bin", op: "&&", a, b: cmp() }; } return a; };
  const or = (): Expr => { let a = and(); while (is("||")) { p++; a = { k: "bin", op: "||", a, b: and() }; } return a; };
  const expr = (): Expr => {
    const a = or();
    if (["=", "+=", "-=", "*=", "/="].some((o) => is(o))) { const op = toks[p++].v; return { k: "assign", op, target: a, e: expr() }; }
    return a;
  };
  const block = (): Stmt[] => {
    expect("{");
    const out: Stmt[] = [];
    for (;;) {
      skipSemis();
      if (is("}")) { p++; break; }
      out.push(statement());
    }
    return out;
  };
  const statement = (): Stmt => {
    if (is("print") || is("printf")) {
      const printf = toks[p++].v === "printf";
      const args: Expr[] = [];
      const paren = is("(");
      if (paren) p++;
      while (peek() && !is(";") && !is("}") && !is(")")) { args.push(expr()); if (is(",")) p++; }
      if (paren) expect(")");
      return { k: "print", args, printf };
    }
    if (is("next")) { p++; return { k: "next" }; }
    if (is("if")) {
      p++; expect("(");
      const cond = expr();
      expect(")");
      skipSemis();
      const then = is("{") ? block() : [statement()];
      skipSemis();
      let els: Stmt[] = [];
      if (is("else")) { p++; skipSemis(); els = is("{") ? block() : [statement()]; }
      return { k: "if", cond, then, else: els };
    }
    return { k: "expr", e: expr() };
  };
  const rules: Rule[] = [];
  for (;;) {
    skipSemis();
    if (p >= toks.length) break;
    let pattern: Rule["pattern"] = null;
    if (is("BEGIN")) { p++; pattern = "BEGIN"; }
    else if (is("END")) { p++; pattern = "END"; }
    else if (!is("{")) pattern = expr();
    const action = is("{") ? block() : null;
    rules.push({ pattern, action });
  }
  return rules;
}

export function runAwk(program: string, input: string, fs: string | null, vars: Record<string, string>, tick: () => void): string {
  const rules = parseProgram(program);
  let out = "";
  const env = new Map<string, string | number>(Object.entries(vars));
  let fields: string[] = [];
  let record = "";
  let nr = 0;
  const split = (line: string) => (fs === null || fs === " " ? line.trim().split(/\s+/).filter(Boolean) : line.split(fs.length === 1 ? fs : new RegExp(fs)));
  const num = (v: string | number) => (typeof v === "number" ? v : parseFloat(v) || 0);
  const str = (v: string | number) => (typeof v === "number" ? (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)))) : v);
  const getField = (i: number): string => (i === 0 ? record : (fields[i - 1] ?? ""));
  const setLval = (target: Expr, v: string | number) => {
    if (target.k === "var") env.set(target.name, v);
    else if (target.k === "field") {
      const i = num(evalE(target.e));
      if (i === 0) { record = str(v); fields = split(record); }
      else { fields[i - 1] = str(v); record = fields.join(" "); }
    } else throw new AwkError("assignment to non-variable");
  };
  const evalE = (e: Expr): string | number => {
    switch (e.k) {
      case "num": return e.v;
      case "str": return e.v;
      case "re": return e.v.test(record) ? 1 : 0;
      case "var":
        if (e.name === "NR" || e.name === "FNR") return nr;
        if (e.name === "NF") return fields.length;
        return env.get(e.name) ?? "";
      case "field": return getField(num(evalE(e.e)));
      case "not": return truthy(evalE(e.e)) ? 0 : 1;
      case "neg": return -num(evalE(e.e));
      case "cat": return e.parts.map((x) => str(evalE(x))).join("");
      case "assign": {
        const v = evalE(e.e);
        const cur = e.op === "=" ? 0 : num(evalE(e.target));
        const r = e.op === "=" ? v : e.op === "+=" ? cur + num(v) : e.op === "-=" ? cur - num(v) : e.op === "*=" ? cur * num(v) : cur / num(v);
        setLval(e.target, r);
        return r;
      }
      case "incr": {
        const cur = num(evalE(e.target));
        setLval(e.target, cur + (e.op === "++" ? 1 : -1));
        return e.post ? cur : cur + (e.op === "++" ? 1 : -1);
      }
      case "call": {
        const a = e.args.map(evalE);
        switch (e.name) {
          case "length": return str(a.length ? a[0] : record).length;
          case "toupper": return str(a[0] ?? "").toUpperCase();
          case "tolower": return str(a[0] ?? "").toLowerCase();
          case "int": return Math.trunc(num(a[0] ?? 0));
          case "index": return str(a[0] ?? "").indexOf(str(a[1] ?? "")) + 1;
          case "substr": { const s = str(a[0] ?? ""); const st = Math.max(1, num(a[1] ?? 1)); return a[2] === undefined ? s.slice(st - 1) : s.slice(st - 1, st - 1 + num(a[2])); }
          default: throw new AwkError(`function ${e.name} not supported`);
        }
      }
      case "bin": {
        if (e.op === "&&") return truthy(evalE(e.a)) && truthy(evalE(e.b)) ? 1 : 0;
        if (e.op === "||") return truthy(evalE(e.a)) || truthy(evalE(e.b)) ? 1 : 0;
        if (e.op === "~" || e.op === "!~") {
          const re = e.b.k === "re" ? e.b.v : new RegExp(str(evalE(e.b)));
          const m = re.test(str(evalE(e.a)));
          return (e.op === "~") === m ? 1 : 0;
        }
        const a = evalE(e.a);
        const b = evalE(e.b);
        const numeric = isNumeric(a) && isNumeric(b);
        const cmp = numeric ? num(a) - num(b) : str(a) < str(b) ? -1 : str(a) > str(b) ? 1 : 0;
        switch (e.op) {
          case "+": return num(a) + num(b);
          case "-": return num(a) - num(b);
          case "*": return num(a) * num(b);
          case "/": if (num(b) === 0) throw new AwkError("division by zero"); return num(a) / num(b);
          case "%": return num(a) % num(b);
          case "<": return cmp < 0 ? 1 : 0;
          case ">": return cmp > 0 ? 1 : 0;
          case "<=": return cmp <= 0 ? 1 : 0;
          case ">=": return cmp >= 0 ? 1 : 0;
          case "==": return cmp === 0 ? 1 : 0;
          case "!=": return cmp !== 0 ? 1 : 0;
        }
        throw new AwkError(`operator ${e.op} not supported`);
      }
    }
  };
  const ofs = () => str(env.get("OFS") ?? " ");
  class Next {}
  const exec = (stmts: Stmt[]) => {
    for (const s of stmts) {
      tick();
      if (s.k === "print") {
        if (s.printf) {
          const [fmt, ...rest] = s.args.map((a) => str(evalE(a)));
          out += formatPrintf(fmt ?? "", rest).text;
        } else out += `${s.args.length ? s.args.map((a) => str(evalE(a))).join(ofs()) : record}\n`;
      } else if (s.k === "expr") evalE(s.e);
      else if (s.k === "if") exec(truthy(evalE(s.cond)) ? s.then : s.else);
      else throw new Next();
    }
  };
  for (const r of rules) if (r.pattern === "BEGIN") exec(r.action ?? []);
  for (const line of lines(input)) {
    nr++;
    record = line;
    fields = split(line);
    try {
      for (const r of rules) {
        if (r.pattern === "BEGIN" || r.pattern === "END") continue;
        if (r.pattern !== null && !truthy(evalE(r.pattern))) continue;
        if (r.action === null) out += `${record}\n`;
        else exec(r.action);
      }
    } catch (e) {
      if (!(e instanceof Next)) throw e;
    }
  }
  for (const r of rules) if (r.pattern === "END") exec(r.action ?? []);
  return out;
}

const truthy = (v: string | number) => (typeof v === "number" ? v !== 0 : v !== "");
const isNumeric = (v: string | number) => typeof v === "number" || /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v);

export const awk: CommandImpl = function* (c) {
  let fs: string | null = null;
  const vars: Record<string, string> = {};
  let i = 0;
  for (; i < c.args.length; i++) {
    const a = c.args[i];
    if (a === "-F") { fs = c.args[++i] ?? " "; continue; }
    if (a.startsWith("-F")) { fs = a.slice(2); continue; }
    if (a === "-v") { const kv = c.args[++i] ?? ""; vars[kv.split("=")[0]] = kv.slice(kv.indexOf("=") + 1); continue; }
    break;
  }
  if (fs === "\\t" || fs === "t") fs = "\t";
  const program = c.args[i];
  if (program === undefined) {
    c.io.err(c.flavor === "gnu" ? "usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]\n" : "BusyBox v1.36.1 multi-call binary.\n\nUsage: awk [OPTIONS] [AWK_PROGRAM] [FILE]...\n");
    return 2;
  }
  const { chunks, failed } = readInputs(c, c.args.slice(i + 1));
  try {
    c.io.out(runAwk(program, chunks.map((x) => x.text).join(""), fs, vars, () => { c.tick(); }));
  } catch (e) {
    if (!(e instanceof AwkError)) throw e;
    complain(c, c.flavor === "gnu" ? `line 1: ${e.message}` : `cmd. line:1: ${e.message}`);
    return 2;
  }
  return failed ? 2 : 0;
};

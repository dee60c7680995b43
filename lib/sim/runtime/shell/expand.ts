// Word expansion (POSIX 2.6): tilde, parameter, command substitution, arithmetic, field splitting, pathname
// expansion and quote removal. Command substitution runs commands, so expansion is a generator too.
import type { Word, WordPart } from "./ast";
import type { Yield } from "../commands/types";
import type { Vfs } from "../vfs";

export class ExpansionError extends Error {}

export type ExpandHost = {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  positional(): string[];
  special(name: string): string | undefined; // ? $ ! # - 0
  commandSubstitution(script: import("./ast").Script): Generator<Yield, string, unknown>;
  nounset: boolean;
  noglob: boolean;
  home: string;
  fs: Vfs;
  cwd: string;
};

type Field = { text: string; pattern: string; glob: boolean; any: boolean };
type Mode = "fields" | "string" | "pattern";

const GLOB_CHARS = /[*?[]/;
/** An unescaped `*`, `?` or a complete `[...]` bracket expression: a lone `[` (the test command) is literal. */
function hasGlobMeta(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") { i++; continue; }
    if (c === "*" || c === "?") return true;
    if (c === "[" && pattern.indexOf("]", i + 2) !== -1) return true;
  }
  return false;
}
export const escapeGlob = (s: string) => s.replace(/[\\*?[\]]/g, (c) => `\\${c}`);

/** Glob pattern (sh syntax, `\` escapes) → anchored RegExp. */
export function patternToRegExp(pattern: string, anchored = true): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\" && i + 1 < pattern.length) { re += escapeRe(pattern[++i]); continue; }
    if (c === "*") { re += "[\\s\\S]*"; continue; }
    if (c === "?") { re += "[\\s\\S]"; continue; }
    if (c === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end !== -1) {
        let body = pattern.slice(i + 1, end);
        if (body.startsWith("!")) body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, "\\\\")}]`;
        i = end;
        continue;
      }
    }
    re += escapeRe(c);
  }
  return new RegExp(anchored ? `^${re}$` : re);
}
const escapeRe = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

export function matchPattern(text: string, pattern: string): boolean {
  try {
    return patternToRegExp(pattern).test(text);
  } catch {
    return text === pattern;
  }
}

function* expandParts(parts: WordPart[], host: ExpandHost, mode: Mode): Generator<Yield, Field[], unknown> {
  const fields: Field[] = [];
  let cur: Field = { text: "", pattern: "", glob: false, any: false };
  const literal = (text: string, quoted: boolean) => {
    cur.text += text;
    cur.pattern += quoted ? escapeGlob(text) : text;
    if (!quoted && GLOB_CHARS.test(text)) cur.glob = true;
    cur.any = true;
  };
  const breakField = () => {
    if (cur.any) fields.push(cur);
    cur = { text: "", pattern: "", glob: false, any: false };
  };
  const expansion = (value: string, quoted: boolean) => {
    if (quoted || mode !== "fields") {
      // In pattern mode an unquoted expansion's glob characters stay active (case $x in $pat).
      literal(value, quoted || mode === "string");
      if (quoted && value === "") cur.any = true;
      return;
    }
    if (value === "") return;
    const pieces = value.split(/[ \t\n]+/);
    pieces.forEach((piece, idx) => {
      if (idx > 0) breakField();
      if (piece !== "") literal(piece, false);
    });
  };

  for (const part of parts) {
    switch (part.kind) {
      case "lit":
        literal(part.text, part.quoted);
        break;
      case "tilde":
        literal(part.user === "" ? host.home : part.user === "root" ? "/root" : `~${part.user}`, true);
        break;
      case "length": {
        const v = part.name === "@" || part.name === "*" ? String(host.positional().length) : (lookup(part.name, host) ?? "");
        expansion(String(v.length), part.quoted);
        break;
      }
      case "arith": {
        const exprFields = yield* expandParts(part.expr, host, "string");
        const expr = exprFields.map((f) => f.text).join("");
        expansion(String(evalArith(expr, host)), part.quoted);
        break;
      }
      case "cmdsub": {
        const out = yield* host.commandSubstitution(part.script);
        expansion(out.replace(/\n+$/, ""), part.quoted);
        break;
      }
      case "param": {
        if ((part.name === "@" || part.name === "*") && part.op === null) {
          const args = host.positional();
          if (part.quoted && part.name === "@") {
            args.forEach((a, idx) => {
              if (idx > 0) breakField();
              literal(a, true);
            });
            if (args.length === 0 && !cur.any) { /* "$@" with no args expands to zero fields */ }
          } else {
            const joined = args.join(" ");
            expansion(joined, part.quoted);
          }
          break;
        }
        const value = yield* expandParam(part, host);
        expansion(value, part.quoted);
        break;
      }
    }
  }
  breakField();
  return fields;
}

function lookup(name: string, host: ExpandHost): string | undefined {
  if (/^[0-9]+$/.test(name)) {
    const n = Number(name);
    return n === 0 ? host.special("0") : host.positional()[n - 1];
  }
  if (name.length === 1 && "?$!#-*@".includes(name)) {
    if (name === "*" || name === "@") return host.positional().join(" ");
    return host.special(name);
  }
  return host.getVar(name);
}

function* expandParam(part: Extract<WordPart, { kind: "param" }>, host: ExpandHost): Generator<Yield, string, unknown> {
  const value = lookup(part.name, host);
  const argString = function* (): Generator<Yield, string, unknown> {
    const f = yield* expandParts(part.arg ?? [], host, "string");
    return f.map((x) => x.text).join("");
  };
  const argPattern = function* (parts: WordPart[] | null | undefined): Generator<Yield, string, unknown> {
    const f = yield* expandParts(parts ?? [], host, "pattern");
    return f.map((x) => x.pattern).join("");
  };
  switch (part.op) {
    case null:
      if (value === undefined && host.nounset && !/^[?$#!\-0]$/.test(part.name)) throw new ExpansionError(`${part.name}: parameter not set`);
      return value ?? "";
    case ":-": return value ? value : yield* argString();
    case "-": return value !== undefined ? value : yield* argString();
    case ":=": case "=": {
      if (part.op === ":=" ? !value : value === undefined) {
        const v = yield* argString();
        host.setVar(part.name, v);
        return v;
      }
      return value ?? "";
    }
    case ":+": return value ? yield* argString() : "";
    case "+": return value !== undefined ? yield* argString() : "";
    case ":?": case "?": {
      if (part.op === ":?" ? !value : value === undefined) {
        const msg = yield* argString();
        throw new ExpansionError(`${part.name}: ${msg || "parameter not set"}`);
      }
      return value ?? "";
    }
    case "#": case "##": case "%": case "%%": {
      const v = value ?? "";
      const re = patternToRegExp(yield* argPattern(part.arg));
      const longest = part.op.length === 2;
      if (part.op[0] === "#") {
        const order = longest ? range(v.length, -1) : range(0, v.length + 1);
        for (const n of order) if (re.test(v.slice(0, n))) return v.slice(n);
      } else {
        const order = longest ? range(0, v.length + 1) : range(v.length, -1);
        for (const n of order) if (re.test(v.slice(n))) return v.slice(0, n);
      }
      return v;
    }
    case "/": case "//": {
      const v = value ?? "";
      const pat = yield* argPattern(part.arg);
      const repF = yield* expandParts(part.arg2 ?? [], host, "string");
      const rep = repF.map((x) => x.text).join("");
      if (pat === "") return v;
      const re = new RegExp(patternToRegExp(pat, false).source, part.op === "//" ? "g" : "");
      return v.replace(re, () => rep);
    }
    case ":": {
      const v = value ?? "";
      const offF = yield* expandParts(part.arg ?? [], host, "string");
      let off = evalArith(offF.map((x) => x.text).join("") || "0", host);
      if (off < 0) off = Math.max(0, v.length + off);
      if (!part.arg2) return v.slice(off);
      const lenF = yield* expandParts(part.arg2, host, "string");
      const len = evalArith(lenF.map((x) => x.text).join("") || "0", host);
      return len < 0 ? v.slice(off, v.length + len) : v.slice(off, off + len);
    }
  }
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  if (from <= to) for (let i = from; i < to; i++) out.push(i);
  else for (let i = from; i > to; i--) out.push(i);
  return out;
}

const MAX_GLOB_RESULTS = 10_000;

/** Pathname expansion of one field pattern against the filesystem; sorted, dotfiles only when asked for. */
export function globPaths(pattern: string, fs: Vfs, cwd: string): string[] {
  const absolute = pattern.startsWith("/");
  const segments = pattern.split("/").filter((s, i) => s !== "" || i === 0);
  let candidates: string[] = [absolute ? "/" : ""];
  for (const seg of segments) {
    if (seg === "") continue;
    const next: string[] = [];
    const isPattern = /(^|[^\\])[*?[]/.test(seg);
    for (const base of candidates) {
      const dir = base === "" ? cwd : base;
      const join = (name: string) => (base === "" ? name : base === "/" ? `/${name}` : `${base}/${name}`);
      if (!isPattern) {
        const name = seg.replace(/\\(.)/g, "$1");
        const full = join(name);
        if (fs.lstat(full.startsWith("/") ? full : `${cwd}/${full}`).ok) next.push(full);
        continue;
      }
      const entries = fs.readdir(dir);
      if (!entries.ok) continue;
      const re = patternToRegExp(seg);
      for (const name of entries.value) {
        if (name.startsWith(".") && !seg.startsWith(".")) continue;
        if (re.test(name)) next.push(join(name));
      }
    }
    candidates = next.slice(0, MAX_GLOB_RESULTS);
    if (candidates.length === 0) return [];
  }
  return candidates.sort();
}

/** Full expansion of command words into argv fields. */
const literalWords = new WeakMap<Word, string | null>();
/** The text of a word that is plain literals without glob characters (most words), else null. */
function literalText(w: Word): string | null {
  let t = literalWords.get(w);
  if (t === undefined) {
    t = w.parts.length > 0 && w.parts.every((p) => p.kind === "lit" && (p.quoted || !GLOB_CHARS.test(p.text)))
      ? w.parts.map((p) => (p as { text: string }).text).join("")
      : null;
    literalWords.set(w, t);
  }
  return t;
}

export function* expandWords(words: Word[], host: ExpandHost): Generator<Yield, string[], unknown> {
  const out: string[] = [];
  for (const w of words) {
    const lit = literalText(w);
    if (lit !== null) { out.push(lit); continue; }
    const fields = yield* expandParts(w.parts, host, "fields");
    for (const f of fields) {
      if (f.glob && !host.noglob && hasGlobMeta(f.pattern)) {
        const matches = globPaths(f.pattern, host.fs, host.cwd);
        if (matches.length) { out.push(...matches); continue; }
      }
      out.push(f.text);
    }
  }
  return out;
}

/** Expansion without field splitting or globbing (assignments, redirection targets, case subjects). */
export function* expandString(word: Word | WordPart[], host: ExpandHost): Generator<Yield, string, unknown> {
  const fields = yield* expandParts(Array.isArray(word) ? word : word.parts, host, "string");
  return fields.map((f) => f.text).join("");
}

/** Expansion to a glob pattern in which quoted characters are escaped (case patterns, [[ == ]]). */
export function* expandPattern(word: Word, host: ExpandHost): Generator<Yield, string, unknown> {
  const fields = yield* expandParts(word.parts, host, "pattern");
  return fields.map((f) => f.pattern).join("");
}

// ── arithmetic (POSIX 2.6.4 with the C operators ash/dash/bash accept) ───────────────────

export class ArithError extends Error {}

export function evalArith(expr: string, host: Pick<ExpandHost, "getVar" | "setVar">): number {
  const tokens = expr.match(/\s*(0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*=?|<<=?|>>=?|&&|\|\||[<>=!]=|\+\+|--|[-+*/%&|^]=|[-+*/%()<>!~?:=&|^,])/gy);
  const rest = expr.replace(/^(\s*(0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*=?|<<=?|>>=?|&&|\|\||[<>=!]=|\+\+|--|[-+*/%&|^]=|[-+*/%()<>!~?:=&|^,]))*\s*/, "");
  if (rest !== "") throw new ArithError(`arithmetic syntax error`);
  const toks = (tokens ?? []).map((t) => t.trim());
  let pos = 0;
  let depth = 0;
  const peek = () => toks[pos];
  const take = () => toks[pos++];
  const varValue = (name: string): number => {
    const v = host.getVar(name);
    if (v === undefined || v === "") return 0;
    if (++depth > 50) throw new ArithError("expression recursion level exceeded");
    const n = /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : evalArith(v, host);
    depth--;
    return n;
  };
  const wrap = (n: number) => (Number.isFinite(n) ? Math.trunc(n) : 0);

  const primary = (): number => {
    const t = take();
    if (t === undefined) throw new ArithError("arithmetic syntax error");
    if (t === "(") {
      const v = comma();
      if (take() !== ")") throw new ArithError("arithmetic syntax error");
      return v;
    }
    if (t === "-") return -unary();
    if (t === "+") return unary();
    if (t === "!") return unary() ? 0 : 1;
    if (t === "~") return ~unary();
    if (t === "++" || t === "--") {
      const name = take();
      const v = varValue(name) + (t === "++" ? 1 : -1);
      host.setVar(name, String(v));
      return v;
    }
    if (/^\d/.test(t)) return t.startsWith("0x") || t.startsWith("0X") ? parseInt(t, 16) : /^0\d+$/.test(t) ? parseInt(t, 8) : Number(t);
    if (/^[A-Za-z_]/.test(t)) {
      const op = peek();
      if (op === "++" || op === "--") {
        pos++;
        const v = varValue(t);
        host.setVar(t, String(v + (op === "++" ? 1 : -1)));
        return v;
      }
      if (op === "=" || (op && /^(\*\*|<<|>>|[-+*/%&|^])=$/.test(op))) {
        pos++;
        const rhs = assign();
        const cur = varValue(t);
        const v = op === "=" ? rhs : binary(op.slice(0, -1), cur, rhs);
        host.setVar(t, String(v));
        return v;
      }
      return varValue(t);
    }
    throw new ArithError("arithmetic syntax error");
  };
  const unary = primary;
  const binary = (op: string, a: number, b: number): number => {
    switch (op) {
      case "*": return wrap(a * b);
      case "/": if (b === 0) throw new ArithError("division by zero"); return wrap(a / b);
      case "%": if (b === 0) throw new ArithError("division by zero"); return wrap(a % b);
      case "+": return a + b;
      case "-": return a - b;
      case "**": return wrap(a ** b);
      case "<<": return a << b;
      case ">>": return a >> b;
      case "<": return a < b ? 1 : 0;
      case ">": return a > b ? 1 : 0;
      case "<=": return a <= b ? 1 : 0;
      case ">=": return a >= b ? 1 : 0;
      case "==": return a === b ? 1 : 0;
      case "!=": return a !== b ? 1 : 0;
      case "&": return a & b;
      case "^": return a ^ b;
      case "|": return a | b;
      case "&&": return a && b ? 1 : 0;
      case "||": return a || b ? 1 : 0;
    }
    throw new ArithError("arithmetic syntax error");
  };
  const LEVELS = [["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", ">", "<=", ">="], ["<<", ">>"], ["+", "-"], ["*", "/", "%"], ["**"]];
  const level = (n: number): number => {
    if (n === LEVELS.length) return unary();
    let a = level(n + 1);
    while (LEVELS[n].includes(peek())) {
      const op = take();
      const b = level(n + 1);
      a = binary(op, a, b);
    }
    return a;
  };
  const ternary = (): number => {
    const c = level(0);
    if (peek() === "?") {
      pos++;
      const a = assign();
      if (take() !== ":") throw new ArithError("arithmetic syntax error");
      const b = assign();
      return c ? a : b;
    }
    return c;
  };
  const assign = ternary;
  const comma = (): number => {
    let v = assign();
    while (peek() === ",") { pos++; v = assign(); }
    return v;
  };
  if (toks.length === 0) return 0;
  const v = comma();
  if (pos !== toks.length) throw new ArithError("arithmetic syntax error");
  return v;
}

// Recursive-descent parser for POSIX sh (plus [[ ]], (( )) and `function f` of bash/ash) into ./ast.
import type { AndOr, Assignment, Command, List, ParamOp, Pipeline, Redir, Script, Word, WordPart } from "./ast";
import { findClosingBacktick, findClosingBrace, findClosingDouble, findClosingParen, ShellSyntaxError, tokenize, type Token } from "./lexer";

const RESERVED = new Set(["if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for", "in", "{", "}", "!", "[[", "]]", "function"]);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_DEPTH = 200;
export const MAX_SCRIPT_CHARS = 256 * 1024;

const cache = new Map<string, Script>();
const CACHE_LIMIT = 2000;

/** Parses (and caches by text: pods restart with the same script many times) a shell script. */
export function parseScript(src: string): Script {
  const hit = cache.get(src);
  if (hit) return hit;
  if (src.length > MAX_SCRIPT_CHARS) throw new ShellSyntaxError("script too long", 1, "");
  const script = new Parser(tokenize(src)).parseScript();
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(src, script);
  return script;
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token { return this.tokens[this.pos]; }
  private next(): Token { return this.tokens[this.pos++]; }
  private isWord(raw?: string): boolean {
    const t = this.peek();
    return t.kind === "word" && (raw === undefined || t.raw === raw);
  }
  private isOp(op: string): boolean {
    const t = this.peek();
    return t.kind === "op" && t.op === op;
  }
  private fail(): never {
    const t = this.peek();
    const near = t.kind === "word" ? t.raw : t.kind === "op" ? t.op : t.kind === "redir" ? t.op : t.kind === "newline" ? "newline" : "end of file";
    throw new ShellSyntaxError(t.kind === "eof" ? "unexpected end of file" : `unexpected "${near}"`, t.line, t.kind === "eof" ? "" : near);
  }
  private expectWord(raw: string): void {
    if (!this.isWord(raw)) this.fail();
    this.pos++;
  }
  private skipNewlines(): void {
    while (this.peek().kind === "newline") this.pos++;
  }

  parseScript(): Script {
    const body = this.parseList(new Set());
    if (this.peek().kind !== "eof") this.fail();
    return { kind: "script", body };
  }

  /** A compound list ending before any of the `terminators` reserved words (or `)`, `;;`, EOF). */
  private parseList(terminators: Set<string>): List {
    if (++this.depth > MAX_DEPTH) throw new ShellSyntaxError("nesting too deep", this.peek().line, "");
    const items: List["items"] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.kind === "eof") break;
      if (t.kind === "op" && (t.op === ")" || t.op === ";;" || t.op === ";&")) break;
      if (t.kind === "word" && terminators.has(t.raw)) break;
      const node = this.parseAndOr();
      let background = false;
      const sep = this.peek();
      if (sep.kind === "op" && (sep.op === ";" || sep.op === "&")) {
        background = sep.op === "&";
        this.pos++;
      } else if (sep.kind === "newline") {
        this.pos++;
      } else if (!(sep.kind === "eof" || (sep.kind === "op" && (sep.op === ")" || sep.op === ";;" || sep.op === ";&")) || (sep.kind === "word" && terminators.has(sep.raw)))) {
        this.fail();
      }
      items.push({ node, background });
    }
    this.depth--;
    return { kind: "list", items };
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr["rest"] = [];
    while (this.isOp("&&") || this.isOp("||")) {
      const op = (this.next() as { op: "&&" | "||" }).op;
      this.skipNewlines();
      rest.push({ op, pipeline: this.parsePipeline() });
    }
    return { kind: "andor", first, rest };
  }

  private parsePipeline(): Pipeline {
    let negate = false;
    if (this.isWord("!")) { this.pos++; negate = true; }
    const commands = [this.parseCommand()];
    while (this.isOp("|")) {
      this.pos++;
      this.skipNewlines();
      commands.push(this.parseCommand());
    }
    return { kind: "pipeline", negate, commands };
  }

  private parseRedirs(): Redir[] {
    const redirs: Redir[] = [];
    while (this.peek().kind === "redir") redirs.push(this.parseRedir());
    return redirs;
  }
  private parseRedir(): Redir {
    const t = this.next() as Extract<Token, { kind: "redir" }>;
    const target = this.peek();
    if (target.kind !== "word") this.fail();
    this.pos++;
    return { fd: t.fd, op: t.op, target: parseWord(target.raw), heredoc: t.heredoc };
  }

  private parseCommand(): Command {
    const t = this.peek();
    if (t.kind === "op" && t.op === "(") {
      this.pos++;
      // "((" starts an arithmetic command in bash/ash.
      if (this.isOp("(")) {
        const exprTokens: string[] = [];
        this.pos++;
        let depth = 0;
        for (;;) {
          const x = this.next();
          if (x.kind === "eof") this.fail();
          if (x.kind === "op" && x.op === ")") {
            if (depth === 0 && this.isOp(")")) { this.pos++; break; }
            depth--;
            exprTokens.push(")");
            continue;
          }
          if (x.kind === "op" && x.op === "(") depth++;
          exprTokens.push(x.kind === "word" ? x.raw : x.kind === "op" ? x.op : x.kind === "redir" ? x.op : " ");
        }
        return { kind: "arith-cmd", expr: parseWordParts(exprTokens.join(" "), true), redirs: this.parseRedirs() };
      }
      const body = this.parseList(new Set());
      if (!this.isOp(")")) this.fail();
      this.pos++;
      return { kind: "subshell", body, redirs: this.parseRedirs() };
    }
    if (t.kind === "word") {
      switch (t.raw) {
        case "{": {
          this.pos++;
          const body = this.parseList(new Set(["}"]));
          if (body.items.length === 0) this.fail();
          this.expectWord("}");
          return { kind: "group", body, redirs: this.parseRedirs() };
        }
        case "if": return this.parseIf();
        case "while": case "until": return this.parseLoop();
        case "for": return this.parseFor();
        case "case": return this.parseCase();
        case "[[": return this.parseCond();
        case "function": {
          this.pos++;
          const name = this.next();
          if (name.kind !== "word" || !NAME.test(name.raw.replace(/\(\)$/, ""))) this.fail();
          if (this.isOp("(")) { this.pos++; if (!this.isOp(")")) this.fail(); this.pos++; }
          this.skipNewlines();
          return { kind: "funcdef", name: name.raw.replace(/\(\)$/, ""), body: this.parseCommand() };
        }
        case "then": case "else": case "elif": case "fi": case "do": case "done": case "esac": case "}": case "in": case "]]":
          this.fail();
      }
      // name() { ...; }
      const after = this.tokens[this.pos + 1];
      const after2 = this.tokens[this.pos + 2];
      if (NAME.test(t.raw) && after?.kind === "op" && after.op === "(" && after2?.kind === "op" && after2.op === ")") {
        this.pos += 3;
        this.skipNewlines();
        return { kind: "funcdef", name: t.raw, body: this.parseCommand() };
      }
    }
    return this.parseSimple();
  }

  private parseSimple(): Command {
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    const line = this.peek().line;
    for (;;) {
      const t = this.peek();
      if (t.kind === "redir") { redirs.push(this.parseRedir()); continue; }
      if (t.kind !== "word") break;
      if (words.length === 0) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(t.raw);
        if (m) {
          this.pos++;
          assigns.push({ name: m[1], append: m[2] === "+", value: parseWord(t.raw.slice(m[0].length)) });
          continue;
        }
      }
      this.pos++;
      words.push(parseWord(t.raw));
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) this.fail();
    return { kind: "simple", assigns, words, redirs, line };
  }

  private parseIf(): Command {
    this.expectWord("if");
    const clauses: { cond: List; body: List }[] = [];
    let elseBody: List | null = null;
    const cond = this.parseList(new Set(["then"]));
    if (cond.items.length === 0) this.fail();
    this.expectWord("then");
    const body = this.parseList(new Set(["elif", "else", "fi"]));
    if (body.items.length === 0) this.fail();
    clauses.push({ cond, body });
    for (;;) {
      if (this.isWord("elif")) {
        this.pos++;
        const c = this.parseList(new Set(["then"]));
        if (c.items.length === 0) this.fail();
        this.expectWord("then");
        const b = this.parseList(new Set(["elif", "else", "fi"]));
        if (b.items.length === 0) this.fail();
        clauses.push({ cond: c, body: b });
        continue;
      }
      if (this.isWord("else")) {
        this.pos++;
        elseBody = this.parseList(new Set(["fi"]));
        if (elseBody.items.length === 0) this.fail();
      }
      break;
    }
    this.expectWord("fi");
    if (clauses.some((c) => c.cond.items.length === 0 || c.body.items.length === 0) || elseBody?.items.length === 0) this.fail();
    return { kind: "if", clauses, elseBody, redirs: this.parseRedirs() };
  }

  private parseDoGroup(): List {
    this.skipNewlines();
    this.expectWord("do");
    const body = this.parseList(new Set(["done"]));
    if (body.items.length === 0) this.fail();
    this.expectWord("done");
    return body;
  }

  private parseLoop(): Command {
    const until = (this.next() as { raw: string }).raw === "until";
    const cond = this.parseList(new Set(["do"]));
    const body = this.parseDoGroup();
    return { kind: "loop", until, cond, body, redirs: this.parseRedirs() };
  }

  private parseFor(): Command {
    this.expectWord("for");
    const name = this.next();
    if (name.kind !== "word" || !NAME.test(name.raw)) this.fail();
    let items: Word[] | null = null;
    this.skipNewlines();
    if (this.isWord("in")) {
      this.pos++;
      items = [];
      while (this.peek().kind === "word") items.push(parseWord((this.next() as { raw: string }).raw));
      if (this.isOp(";")) this.pos++;
    } else if (this.isOp(";")) this.pos++;
    const body = this.parseDoGroup();
    return { kind: "for", name: name.raw, items, body, redirs: this.parseRedirs() };
  }

  private parseCase(): Command {
    this.expectWord("case");
    const subj = this.next();
    if (subj.kind !== "word") this.fail();
    this.skipNewlines();
    this.expectWord("in");
    const arms: { patterns: Word[]; body: List }[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.isWord("esac")) { this.pos++; break; }
      if (this.isOp("(")) this.pos++;
      const patterns: Word[] = [];
      for (;;) {
        const p = this.next();
        if (p.kind !== "word") { this.pos--; this.fail(); }
        patterns.push(parseWord(p.raw));
        if (this.isOp("|")) { this.pos++; continue; }
        break;
      }
      if (!this.isOp(")")) this.fail();
      this.pos++;
      const body = this.parseList(new Set(["esac"]));
      arms.push({ patterns, body });
      if (this.isOp(";;") || this.isOp(";&")) { this.pos++; continue; }
      this.skipNewlines();
      this.expectWord("esac");
      break;
    }
    return { kind: "case", subject: parseWord(subj.raw), arms, redirs: this.parseRedirs() };
  }

  private parseCond(): Command {
    const line = this.peek().line;
    this.expectWord("[[");
    const words: Word[] = [];
    for (;;) {
      const t = this.next();
      if (t.kind === "word" && t.raw === "]]") break;
      if (t.kind === "word") words.push(parseWord(t.raw));
      else if (t.kind === "op" && (t.op === "&&" || t.op === "||" || t.op === "(" || t.op === ")")) words.push({ raw: t.op, parts: [{ kind: "lit", text: t.op, quoted: false }] });
      else if (t.kind === "redir" && (t.op === "<" || t.op === ">")) words.push({ raw: t.op, parts: [{ kind: "lit", text: t.op, quoted: true }] });
      else { this.pos--; this.fail(); }
    }
    return { kind: "cond", words, redirs: this.parseRedirs(), line };
  }
}

export function isReservedWord(word: string): boolean {
  return RESERVED.has(word);
}

// ── words ──────────────────────────────────────────────────────────────────────────

export function parseWord(raw: string): Word {
  return { raw, parts: parseWordParts(raw, false) };
}

const SPECIAL_PARAMS = new Set(["@", "*", "#", "?", "-", "$", "!", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);

/** Splits a raw word into literal, parameter, command-substitution and arithmetic parts. */
export function parseWordParts(raw: string, inDouble = false): WordPart[] {
  const parts: WordPart[] = [];
  const lit = (text: string, quoted: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === "lit" && last.quoted === quoted) last.text += text;
    else parts.push({ kind: "lit", text, quoted });
  };
  let i = 0;
  if (!inDouble && raw.startsWith("~")) {
    const m = /^~([A-Za-z0-9_.-]*)(?=\/|$)/.exec(raw);
    if (m) { parts.push({ kind: "tilde", user: m[1] }); i = m[0].length; }
  }
  while (i < raw.length) {
    const c = raw[i];
    if (c === "\\") {
      const n = raw[i + 1];
      if (n === undefined) { lit("\\", inDouble); i++; continue; }
      if (inDouble && !"$`\"\\\n".includes(n)) { lit(`\\${n}`, true); i += 2; continue; }
      if (n !== "\n") lit(n, true);
      i += 2;
      continue;
    }
    if (!inDouble && c === "'") {
      const j = raw.indexOf("'", i + 1);
      lit(raw.slice(i + 1, j === -1 ? raw.length : j), true);
      i = j === -1 ? raw.length : j + 1;
      continue;
    }
    if (!inDouble && c === '"') {
      const j = findClosingDouble(raw, i + 1);
      const inner = raw.slice(i + 1, j === -1 ? raw.length : j);
      const innerParts = parseWordParts(inner, true);
      if (innerParts.length === 0) lit("", true);
      for (const p of innerParts) {
        if (p.kind === "lit") lit(p.text, true);
        else parts.push(p);
      }
      i = j === -1 ? raw.length : j + 1;
      continue;
    }
    if (c === "`") {
      const j = findClosingBacktick(raw, i + 1);
      const inner = raw.slice(i + 1, j === -1 ? raw.length : j).replace(/\\([`$\\])/g, "$1");
      parts.push({ kind: "cmdsub", script: parseScript(inner), quoted: inDouble });
      i = j === -1 ? raw.length : j + 1;
      continue;
    }
    if (c === "$") {
      const n = raw[i + 1];
      if (n === "(" && raw[i + 2] === "(") {
        const end = findArithEnd(raw, i + 3);
        if (end !== -1) {
          parts.push({ kind: "arith", expr: parseWordParts(raw.slice(i + 3, end), true), quoted: inDouble });
          i = end + 2;
          continue;
        }
      }
      if (n === "(") {
        const j = findClosingParen(raw, i + 2);
        const inner = raw.slice(i + 2, j === -1 ? raw.length : j - 1);
        parts.push({ kind: "cmdsub", script: parseScript(inner), quoted: inDouble });
        i = j === -1 ? raw.length : j;
        continue;
      }
      if (n === "{") {
        const j = findClosingBrace(raw, i + 2);
        const inner = raw.slice(i + 2, j === -1 ? raw.length : j - 1);
        parts.push(parseBraceParam(inner, inDouble));
        i = j === -1 ? raw.length : j;
        continue;
      }
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + 1));
      if (m) {
        parts.push({ kind: "param", name: m[0], op: null, arg: null, quoted: inDouble });
        i += 1 + m[0].length;
        continue;
      }
      if (n !== undefined && SPECIAL_PARAMS.has(n)) {
        parts.push({ kind: "param", name: n, op: null, arg: null, quoted: inDouble });
        i += 2;
        continue;
      }
      lit("$", inDouble);
      i++;
      continue;
    }
    lit(c, inDouble);
    i++;
  }
  return parts;
}

function findArithEnd(raw: string, start: number): number {
  let depth = 0;
  for (let i = start; i < raw.length; i++) {
    if (raw[i] === "(") depth++;
    else if (raw[i] === ")") {
      if (depth === 0) return raw[i + 1] === ")" ? i : -1;
      depth--;
    }
  }
  return -1;
}

const PARAM_OPS: ParamOp[] = [":-", ":=", ":+", ":?", "%%", "##", "//", "-", "=", "+", "?", "%", "#", "/", ":"];

function parseBraceParam(inner: string, quoted: boolean): WordPart {
  if (inner.startsWith("#") && inner.length > 1) {
    const name = inner.slice(1);
    if (/^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])$/.test(name)) return { kind: "length", name, quoted };
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])/.exec(inner);
  if (!m) return { kind: "lit", text: `\${${inner}}`, quoted };
  const name = m[1];
  const rest = inner.slice(name.length);
  if (rest === "") return { kind: "param", name, op: null, arg: null, quoted };
  const op = PARAM_OPS.find((o) => rest.startsWith(o));
  if (!op) return { kind: "lit", text: `\${${inner}}`, quoted };
  const argRaw = rest.slice(op.length);
  if (op === "/" || op === "//") {
    const k = argRaw.indexOf("/");
    const pat = k === -1 ? argRaw : argRaw.slice(0, k);
    const rep = k === -1 ? "" : argRaw.slice(k + 1);
    return { kind: "param", name, op, arg: parseWordParts(pat, quoted), arg2: parseWordParts(rep, quoted), quoted };
  }
  if (op === ":") {
    const k = argRaw.indexOf(":");
    const off = k === -1 ? argRaw : argRaw.slice(0, k);
    return { kind: "param", name, op, arg: parseWordParts(off, true), arg2: k === -1 ? null : parseWordParts(argRaw.slice(k + 1), true), quoted };
  }
  return { kind: "param", name, op, arg: parseWordParts(argRaw, quoted), quoted };
}

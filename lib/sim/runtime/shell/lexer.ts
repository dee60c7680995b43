// Shell tokenizer: words keep their raw source text (quotes included); the parser splits them into parts.
// Here-document bodies are read at the newline that follows their operator, as POSIX specifies.

export type Token =
  | { kind: "word"; raw: string; line: number }
  | { kind: "op"; op: ";" | "&&" | "||" | "|" | "&" | "(" | ")" | ";;" | ";&"; line: number }
  | { kind: "newline"; line: number }
  | { kind: "redir"; op: RedirOp; fd: number | null; line: number; heredoc?: { body: string; quoted: boolean } }
  | { kind: "eof"; line: number };

export type RedirOp = ">" | ">>" | "<" | ">&" | "<&" | "<<" | "<<-" | "<<<" | ">|" | "&>" | "&>>" | "<>";

export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    /** The token the parser choked on ("" at end of input), used for dash/ash style messages. */
    readonly near: string,
  ) {
    super(message);
  }
}

const META = new Set([" ", "\t", "\n", ";", "&", "|", "(", ")", "<", ">"]);

/** Index just past the `)` closing a `$(`/`(` opened before `start`, honouring quotes and nesting. */
export function findClosingParen(src: string, start: number, depth = 1): number {
  let i = start;
  while (i < src.length) {
    const c = src[i];
    if (c === "\\") { i += 2; continue; }
    if (c === "'") { const j = src.indexOf("'", i + 1); if (j === -1) return -1; i = j + 1; continue; }
    if (c === '"') { const j = findClosingDouble(src, i + 1); if (j === -1) return -1; i = j + 1; continue; }
    if (c === "`") { const j = findClosingBacktick(src, i + 1); if (j === -1) return -1; i = j + 1; continue; }
    if (c === "(") depth++;
    else if (c === ")") { depth--; if (depth === 0) return i + 1; }
    i++;
  }
  return -1;
}
/** Index of the `"` closing a double-quoted string whose body starts at `start`. */
export function findClosingDouble(src: string, start: number): number {
  let i = start;
  while (i < src.length) {
    const c = src[i];
    if (c === "\\") { i += 2; continue; }
    if (c === '"') return i;
    if (c === "$" && src[i + 1] === "(") { const j = findClosingParen(src, i + 2); if (j === -1) return -1; i = j; continue; }
    if (c === "$" && src[i + 1] === "{") { const j = findClosingBrace(src, i + 2); if (j === -1) return -1; i = j; continue; }
    if (c === "`") { const j = findClosingBacktick(src, i + 1); if (j === -1) return -1; i = j + 1; continue; }
    i++;
  }
  return -1;
}
export function findClosingBacktick(src: string, start: number): number {
  let i = start;
  while (i < src.length) {
    if (src[i] === "\\") { i += 2; continue; }
    if (src[i] === "`") return i;
    i++;
  }
  return -1;
}
/** Index just past the `}` closing a `${` whose body starts at `start`. */
export function findClosingBrace(src: string, start: number): number {
  let i = start;
  let depth = 1;
  while (i < src.length) {
    const c = src[i];
    if (c === "\\") { i += 2; continue; }
    if (c === "'") { const j = src.indexOf("'", i + 1); if (j === -1) return -1; i = j + 1; continue; }
    if (c === '"') { const j = findClosingDouble(src, i + 1); if (j === -1) return -1; i = j + 1; continue; }
    if (c === "$" && src[i + 1] === "{") { depth++; i += 2; continue; }
    if (c === "}") { depth--; if (depth === 0) return i + 1; }
    i++;
  }
  return -1;
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  const pendingHeredocs: { token: Extract<Token, { kind: "redir" }>; delim: string; quoted: boolean; strip: boolean }[] = [];
  let expectDelimFor: (typeof pendingHeredocs)[number] | null = null;

  const readHeredocs = () => {
    for (const h of pendingHeredocs) {
      const lines: string[] = [];
      while (i < src.length) {
        let end = src.indexOf("\n", i);
        if (end === -1) end = src.length;
        let text = src.slice(i, end);
        i = Math.min(end + 1, src.length);
        line++;
        if (h.strip) text = text.replace(/^\t+/, "");
        if (text === h.delim) break;
        lines.push(text);
      }
      // bash and ash accept a here-document ended by end of input (with a warning we do not print).
      h.token.heredoc = { body: lines.length ? `${lines.join("\n")}\n` : "", quoted: h.quoted };
    }
    pendingHeredocs.length = 0;
  };

  while (i < src.length) {
    const c = src[i];
    if (c === " " || c === "\t") { i++; continue; }
    if (c === "\\" && src[i + 1] === "\n") { i += 2; line++; continue; }
    if (c === "#") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c === "\n") {
      tokens.push({ kind: "newline", line });
      i++;
      line++;
      if (pendingHeredocs.length) readHeredocs();
      continue;
    }
    const two = src.slice(i, i + 2);
    const three = src.slice(i, i + 3);
    if (two === "&&" || two === "||" || two === ";;" || two === ";&") {
      tokens.push({ kind: "op", op: two as ";;", line });
      i += 2;
      continue;
    }
    if (three === "&>>") { tokens.push({ kind: "redir", op: "&>>", fd: null, line }); i += 3; continue; }
    if (two === "&>") { tokens.push({ kind: "redir", op: "&>", fd: null, line }); i += 2; continue; }
    if (c === ";" || c === "&" || c === "|" || c === "(" || c === ")") {
      tokens.push({ kind: "op", op: c, line });
      i++;
      continue;
    }
    if (c === "<" || c === ">") {
      const op = readRedirOp(src, i);
      const tok: Extract<Token, { kind: "redir" }> = { kind: "redir", op, fd: null, line };
      tokens.push(tok);
      i += op.length;
      if (op === "<<" || op === "<<-") {
        expectDelimFor = { token: tok, delim: "", quoted: false, strip: op === "<<-" };
      }
      continue;
    }
    // A word: runs until an unquoted metacharacter.
    const start = i;
    while (i < src.length && !META.has(src[i])) {
      const ch = src[i];
      if (ch === "\\") { i += 2; continue; }
      if (ch === "'") {
        const j = src.indexOf("'", i + 1);
        if (j === -1) throw new ShellSyntaxError("unterminated quoted string", line, "'");
        i = j + 1;
        continue;
      }
      if (ch === '"') {
        const j = findClosingDouble(src, i + 1);
        if (j === -1) throw new ShellSyntaxError("unterminated quoted string", line, '"');
        i = j + 1;
        continue;
      }
      if (ch === "`") {
        const j = findClosingBacktick(src, i + 1);
        if (j === -1) throw new ShellSyntaxError("unterminated quoted string", line, "`");
        i = j + 1;
        continue;
      }
      if (ch === "$" && src[i + 1] === "(") {
        const j = findClosingParen(src, i + 2);
        if (j === -1) throw new ShellSyntaxError("unterminated quoted string", line, "$(");
        i = j;
        continue;
      }
      if (ch === "$" && src[i + 1] === "{") {
        const j = findClosingBrace(src, i + 2);
        if (j === -1) throw new ShellSyntaxError("missing '}'", line, "${");
        i = j;
        continue;
      }
      i++;
    }
    const raw = src.slice(start, i);
    for (const ch of raw) if (ch === "\n") line++;
    // "2>file": a word of digits directly followed by a redirection operator is its file descriptor.
    if (/^\d$/.test(raw) && (src[i] === "<" || src[i] === ">")) {
      const op = readRedirOp(src, i);
      const tok: Extract<Token, { kind: "redir" }> = { kind: "redir", op, fd: Number(raw), line };
      tokens.push(tok);
      i += op.length;
      if (op === "<<" || op === "<<-") expectDelimFor = { token: tok, delim: "", quoted: false, strip: op === "<<-" };
      continue;
    }
    if (expectDelimFor) {
      const quoted = /['"\\]/.test(raw);
      pendingHeredocs.push({ ...expectDelimFor, delim: raw.replace(/['"\\]/g, ""), quoted });
      expectDelimFor = null;
    }
    tokens.push({ kind: "word", raw, line });
  }
  if (pendingHeredocs.length) readHeredocs();
  tokens.push({ kind: "eof", line });
  return tokens;
}

function readRedirOp(src: string, i: number): RedirOp {
  const three = src.slice(i, i + 3);
  if (three === "<<<" || three === "<<-") return three;
  const two = src.slice(i, i + 2);
  if (two === ">>" || two === ">&" || two === "<&" || two === "<<" || two === ">|" || two === "<>") return two;
  return src[i] as "<" | ">";
}

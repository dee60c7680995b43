// Mirrors sigs.k8s.io/yaml Marshal as kubectl -o yaml uses it: the object goes through JSON into go-yaml v2
// (keys in go-yaml's natural order, best_indent 2, best_width 80), whose scalar rules are ported from
// yaml.v2 encode.go (stringv), resolve.go and emitterc.go (analyze_scalar, select_scalar_style, write_*).

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

const RESOLVE_MAP = new Set([
  "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE",
  "n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE",
  "", "~", "null", "Null", "NULL",
  ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
  "<<",
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
// go-yaml's parseTimestamp layouts: 2006-1-2T15:4:5.999999999Z07:00, "2006-1-2t…", "2006-1-2 15:4:5.999999999", 2006-1-2.
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?(?:Z|[+-]\d{1,2}(?::\d{2})?)?)|(?: \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?))?$/;

/** Go strconv.ParseInt(s, 0, 64) / ParseUint syntax after go-yaml removed underscores. */
function isGoInt(s: string): boolean {
  return /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/.test(s);
}

/** True when go-yaml would read the plain scalar back as something other than a string. */
function resolvesToNonString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return true;
  const c = s[0];
  if (c === "." ) return YAML_STYLE_FLOAT.test(s);
  if (c === "+" || c === "-" || (c >= "0" && c <= "9")) {
    if (TIMESTAMP.test(s)) return true;
    const plain = s.replace(/_/g, "");
    if (isGoInt(plain)) return true;
    if (YAML_STYLE_FLOAT.test(plain)) return true;
    if (plain.startsWith("0b") || plain.startsWith("-0b")) return /^-?0b[01]+$/.test(plain);
  }
  return false;
}

function isBreak(ch: string): boolean {
  return ch === "\r" || ch === "\n" || ch === "\u0085" || ch === "\u2028" || ch === "\u2029";
}

function isPrintable(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    c === 0x85 ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

type ScalarAnalysis = {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
};

function analyzeScalar(value: string): ScalarAnalysis {
  if (value.length === 0) {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  const chars = Array.from(value);
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  if (value.startsWith("---") || value.startsWith("...")) blockIndicators = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const next = chars[i + 1];
    const followedByWhitespace = next === undefined || next === " " || next === "\t" || isBreak(next);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) blockIndicators = true;
      else if ((ch === "?" || ch === ":") && followedByWhitespace) blockIndicators = true;
      else if (ch === "-" && followedByWhitespace) blockIndicators = true;
    } else if (ch === ":" && followedByWhitespace) blockIndicators = true;
    else if (ch === "#" && precededByWhitespace) blockIndicators = true;
    if (!isPrintable(ch)) special = true;
    if (ch === " ") {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = ch === " " || ch === "\t" || isBreak(ch);
  }
  const a: ScalarAnalysis = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) a.blockPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

/** A line-oriented writer that tracks the column the way go-yaml's emitter does. */
class Emitter {
  out = "";
  column = 0;
  indent = 0;
  whitespace = true;
  indention = true;

  put(text: string): void {
    this.out += text;
    this.column += Array.from(text).length;
  }
  putBreak(): void {
    this.out += "\n";
    this.column = 0;
  }
  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }
  /** write_indicator: a separating space unless we are at whitespace. */
  indicator(text: string, needWhitespace: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.put(text);
    this.whitespace = false;
    this.indention = false;
  }
}

type Style = "plain" | "single" | "double" | "literal";

function chooseStyle(value: string, simpleKey: boolean): Style {
  // encode.go stringv: multi-line → literal, plain when it resolves to a string, else double-quoted.
  let style: Style;
  if (value.includes("\n")) style = "literal";
  else if (!resolvesToNonString(value) && !BASE60_FLOAT.test(value)) style = "plain";
  else style = "double";
  const a = analyzeScalar(value);
  if (simpleKey && a.multiline) style = "double";
  if (style === "plain") {
    if (!a.blockPlainAllowed) style = "single";
    if (value.length === 0 && simpleKey) style = "single";
  }
  if (style === "single" && !a.singleQuotedAllowed) style = "double";
  if (style === "literal" && (!a.blockAllowed || simpleKey)) style = "double";
  return style;
}

function writePlain(e: Emitter, value: string, allowBreaks: boolean): void {
  if (!e.whitespace) e.put(" ");
  const chars = Array.from(value);
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === " ") {
      if (allowBreaks && !spaces && e.column > BEST_WIDTH && chars[i + 1] !== " ") e.writeIndent();
      else e.put(ch);
      spaces = true;
    } else {
      e.put(ch);
      e.indention = false;
      spaces = false;
    }
  }
  e.whitespace = false;
  e.indention = false;
}

function writeSingleQuoted(e: Emitter, value: string, allowBreaks: boolean): void {
  e.indicator("'", true);
  const chars = Array.from(value);
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === " ") {
      if (allowBreaks && !spaces && e.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1 && chars[i + 1] !== " ") {
        e.writeIndent();
      } else e.put(ch);
      spaces = true;
    } else {
      if (ch === "'") e.put("'");
      e.put(ch);
      e.indention = false;
      spaces = false;
    }
  }
  e.indicator("'", false);
}

const DOUBLE_ESCAPES: Record<string, string> = {
  "\0": "0", "\x07": "a", "\b": "b", "\t": "t", "\n": "n", "\x0b": "v", "\f": "f", "\r": "r", "\x1b": "e",
  '"': '"', "\\": "\\", "\u0085": "N", "\u00a0": "_", "\u2028": "L", "\u2029": "P",
};

function writeDoubleQuoted(e: Emitter, value: string, allowBreaks: boolean): void {
  e.indicator('"', true);
  const chars = Array.from(value);
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const code = ch.codePointAt(0)!;
    if (!isPrintable(ch) || code === 0xfeff || isBreak(ch) || ch === '"' || ch === "\\") {
      e.put("\\");
      const named = DOUBLE_ESCAPES[ch];
      if (named) e.put(named);
      else if (code <= 0xff) e.put(`x${code.toString(16).toUpperCase().padStart(2, "0")}`);
      else if (code <= 0xffff) e.put(`u${code.toString(16).toUpperCase().padStart(4, "0")}`);
      else e.put(`U${code.toString(16).toUpperCase().padStart(8, "0")}`);
      spaces = false;
    } else if (ch === " ") {
      if (allowBreaks && !spaces && e.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
        e.writeIndent();
        if (chars[i + 1] === " ") e.put("\\");
      } else e.put(ch);
      spaces = true;
    } else {
      e.put(ch);
      spaces = false;
    }
  }
  e.indicator('"', false);
}

function writeLiteral(e: Emitter, value: string): void {
  e.indicator("|", true);
  // write_block_scalar_hints: an indentation indicator for leading space/break, then the chomping indicator.
  if (value[0] === " " || isBreak(value[0] ?? "")) e.put(String(BEST_INDENT));
  const last = value[value.length - 1];
  if (value.length === 0 || !isBreak(last)) e.put("-");
  else if (value.length === 1 || isBreak(value[value.length - 2])) e.put("+");
  e.putBreak();
  e.indention = true;
  e.whitespace = true;
  let breaks = true;
  for (const ch of Array.from(value)) {
    if (isBreak(ch)) {
      e.putBreak();
      e.indention = true;
      breaks = true;
    } else {
      if (breaks) {
        e.writeIndent();
        breaks = false;
      }
      e.put(ch);
      e.indention = false;
    }
  }
}

function emitString(e: Emitter, value: string, simpleKey: boolean): void {
  const style = chooseStyle(value, simpleKey);
  // emit_scalar increases the indent for the scalar's own continuation lines.
  const saved = e.indent;
  e.indent = e.indent + BEST_INDENT;
  switch (style) {
    case "plain":
      writePlain(e, value, !simpleKey);
      break;
    case "single":
      writeSingleQuoted(e, value, !simpleKey);
      break;
    case "double":
      writeDoubleQuoted(e, value, !simpleKey);
      break;
    case "literal":
      writeLiteral(e, value);
      break;
  }
  e.indent = saved;
}

/** How go-yaml prints a number that came from JSON: integers as ints, others as FormatFloat(f, 'g', -1, 64). */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return ".nan";
  if (f === Infinity) return ".inf";
  if (f === -Infinity) return "-.inf";
  if (Number.isInteger(f)) return String(f);
  const [mant, expPart] = f.toExponential().split("e");
  const exp = Number(expPart);
  // 'g' with shortest precision switches to %e when exp < -4 || exp >= 6.
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  return String(f);
}

function emitScalar(e: Emitter, value: unknown): void {
  if (value === null || value === undefined) return emitPlainToken(e, "null");
  if (typeof value === "boolean") return emitPlainToken(e, value ? "true" : "false");
  if (typeof value === "number") return emitPlainToken(e, formatGoFloat(value));
  return emitString(e, String(value), false);
}

function emitPlainToken(e: Emitter, token: string): void {
  if (!e.whitespace) e.put(" ");
  e.put(token);
  e.whitespace = false;
  e.indention = false;
}

/** go-yaml v2's keyList.Less: letters after non-letters, runs of digits compared as numbers. */
export function compareYamlKeys(a: string, b: string): number {
  const ar = Array.from(a);
  const br = Array.from(b);
  const isLetter = (c: string) => /\p{L}/u.test(c);
  const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i] ? -1 : 1;
    if (al || bl) return bl ? -1 : 1;
    let an = 0;
    let bn = 0;
    if (ar[i] === "0" || br[i] === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn ? -1 : 1;
    if (ai !== bi) return ai < bi ? -1 : 1;
    return ar[i] < br[i] ? -1 : 1;
  }
  return ar.length - br.length;
}

function isComposite(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === "object" && value !== null;
}

function isEmptyComposite(value: Record<string, unknown> | unknown[]): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(definedEntries(value)).length === 0;
}

/** JSON drops undefined members, so the YAML (which goes through JSON) does too. */
function definedEntries(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && typeof v !== "function") out[k] = v;
  return out;
}

function emitNode(e: Emitter, value: unknown): void {
  if (!isComposite(value)) return emitScalar(e, value);
  if (isEmptyComposite(value)) return emitPlainToken(e, Array.isArray(value) ? "[]" : "{}");
  if (Array.isArray(value)) return emitSequence(e, value);
  return emitMapping(e, definedEntries(value));
}

function emitMapping(e: Emitter, map: Record<string, unknown>): void {
  const saved = e.indent;
  const keys = Object.keys(map).sort(compareYamlKeys);
  for (const key of keys) {
    e.writeIndent();
    emitString(e, key, true);
    e.indicator(":", false);
    const child = map[key];
    if (isComposite(child) && !isEmptyComposite(child)) {
      // Sequences inside mappings are "indentless" in go-yaml; nested mappings go one level deeper.
      e.indent = Array.isArray(child) ? saved : saved + BEST_INDENT;
      emitNode(e, child);
      e.indent = saved;
    } else emitNode(e, child);
  }
}

function emitSequence(e: Emitter, seq: unknown[]): void {
  const saved = e.indent;
  for (const item of seq) {
    e.writeIndent();
    // write_indicator("-", need_whitespace, is_whitespace=false, is_indention=true): the first key of a
    // mapping item (or the dash of a nested sequence) then pads to the item's indent on the same line.
    e.put("-");
    e.whitespace = false;
    if (isComposite(item) && !isEmptyComposite(item)) {
      e.indent = saved + BEST_INDENT;
      emitNode(e, item);
    } else emitNode(e, item);
    e.indent = saved;
  }
}

/** Serializes a JSON-compatible value exactly as `kubectl -o yaml` does (trailing newline included). */
export function toYaml(value: unknown): string {
  const e = new Emitter();
  const normalized = JSON.parse(JSON.stringify(value ?? null)) as unknown;
  emitNode(e, normalized);
  return e.out.endsWith("\n") ? e.out : `${e.out}\n`;
}

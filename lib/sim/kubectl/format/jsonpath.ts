// Mirrors k8s.io/client-go/util/jsonpath (parser.go, jsonpath.go) as kubectl's -o jsonpath uses it:
// allowMissingKeys is on, maps/arrays print as compact JSON, results of one action are space-separated.
import { toCompactJson } from "./json";

type ParamsEntry = { value: number; known: boolean; derived: boolean };

type JsonPathNode =
  | { kind: "list"; nodes: JsonPathNode[] }
  | { kind: "text"; text: string }
  | { kind: "field"; value: string }
  | { kind: "identifier"; name: string }
  | { kind: "array"; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { kind: "filter"; left: JsonPathList; right: JsonPathList; operator: string }
  | { kind: "int"; value: number }
  | { kind: "float"; value: number }
  | { kind: "bool"; value: boolean }
  | { kind: "wildcard" }
  | { kind: "recursive" }
  | { kind: "union"; nodes: JsonPathList[] };

type JsonPathList = { kind: "list"; nodes: JsonPathNode[] };

class JsonPathError extends Error {}

const EOF = "";

function isTerminator(r: string): boolean {
  return r === EOF || " \t\r\n.,[]$@{}".includes(r);
}

function isAlphaNumeric(r: string): boolean {
  return r === "_" || /[\p{L}\p{Nd}]/u.test(r);
}

class Parser {
  input = "";
  pos = 0;
  start = 0;
  root: JsonPathList = { kind: "list", nodes: [] };

  parse(text: string): JsonPathList {
    this.input = text;
    this.root = { kind: "list", nodes: [] };
    this.pos = 0;
    this.start = 0;
    this.parseText(this.root);
    return this.root;
  }

  next(): string {
    if (this.pos >= this.input.length) {
      this.pos = this.input.length + 1; // so backup() after EOF is harmless
      return EOF;
    }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos)!);
    this.pos += r.length;
    return r;
  }
  peek(): string {
    const save = this.pos;
    const r = this.next();
    this.pos = save;
    return r;
  }
  backup(r: string): void {
    this.pos -= r === EOF ? 1 : r.length;
  }
  consumeText(): string {
    const end = Math.min(this.pos, this.input.length);
    const value = this.input.slice(this.start, end);
    this.start = end;
    return value;
  }

  parseText(cur: JsonPathList): void {
    for (;;) {
      if (this.input.startsWith("{", this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ kind: "text", text: this.consumeText() });
        this.parseLeftDelim(cur);
        return;
      }
      if (this.next() === EOF) break;
    }
    if (Math.min(this.pos, this.input.length) > this.start) cur.nodes.push({ kind: "text", text: this.consumeText() });
  }

  parseLeftDelim(cur: JsonPathList): void {
    this.pos += 1;
    this.consumeText();
    const node: JsonPathList = { kind: "list", nodes: [] };
    cur.nodes.push(node);
    this.parseInsideAction(node);
  }

  parseInsideAction(cur: JsonPathList): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith("}")) {
        this.pos += 1;
        this.consumeText();
        this.parseText(this.root);
        return;
      }
      if (rest.startsWith("[?(")) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith("..")) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === EOF || r === "\r" || r === "\n") throw new JsonPathError("unclosed action");
      if (r === " ") this.consumeText();
      else if (r === "@" || r === "$") this.consumeText();
      else if (r === "[") this.parseArray(cur);
      else if (r === '"' || r === "'") this.parseQuote(cur, r);
      else if (r === ".") this.parseField(cur);
      else if (r === "+" || r === "-" || /\p{Nd}/u.test(r)) {
        this.backup(r);
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup(r);
        this.parseIdentifier(cur);
      } else {
        const cp = r.codePointAt(0)!;
        throw new JsonPathError(`unrecognized character in action: U+${cp.toString(16).toUpperCase().padStart(4, "0")} '${r}'`);
      }
    }
  }

  parseIdentifier(cur: JsonPathList): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup(r);
        break;
      }
    }
    const value = this.consumeText();
    if (value === "true" || value === "false") cur.nodes.push({ kind: "bool", value: value === "true" });
    else cur.nodes.push({ kind: "identifier", name: value });
  }

  parseRecursive(cur: JsonPathList): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last && last.kind === "recursive") throw new JsonPathError("invalid multiple recursive descent");
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ kind: "recursive" });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  parseNumber(cur: JsonPathList): void {
    const first = this.peek();
    if (first === "+" || first === "-") this.next();
    for (;;) {
      const r = this.next();
      if (r !== "." && !/\p{Nd}/u.test(r)) {
        this.backup(r);
        break;
      }
    }
    const value = this.consumeText();
    if (/^[+-]?\d+$/.test(value)) cur.nodes.push({ kind: "int", value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push({ kind: "float", value: Number(value) });
    else throw new JsonPathError(`cannot parse number ${value}`);
  }

  parseArray(cur: JsonPathList): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === "\n") throw new JsonPathError("unterminated array");
      if (r === "]") break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === "*") text = ":";
    const strs = text.split(",");
    if (strs.length > 1) {
      const union: JsonPathList[] = strs.map((s) => parseAction(`[${s.trim()}]`));
      cur.nodes.push({ kind: "union", nodes: union });
      return;
    }
    const dictKey = /^'([^']*)'$/.exec(text);
    if (dictKey) {
      for (const node of parseAction(`.${dictKey[1]}`).nodes) cur.nodes.push(node);
      return;
    }
    const slice = /^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$/.exec(text);
    if (!slice) throw new JsonPathError(`invalid array index ${text}`);
    const values = [slice[1] ?? "", slice[2] ?? "", slice[3] ?? ""];
    const params: [ParamsEntry, ParamsEntry, ParamsEntry] = [
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
    ];
    for (let i = 0; i < 3; i++) {
      let v = values[i];
      if (v !== "") {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === "") params[i].known = false;
        else {
          if (!/^[+-]?\d+$/.test(v)) throw new JsonPathError(`array index ${v} is not a number`);
          params[i] = { value: Number(v), known: true, derived: false };
        }
      } else if (i === 1) params[i] = { value: params[0].value + 1, known: true, derived: true };
    }
    cur.nodes.push({ kind: "array", params });
  }

  parseFilter(cur: JsonPathList): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = "";
    for (;;) {
      const r = this.next();
      if (r === EOF || r === "\n") throw new JsonPathError("unterminated filter");
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== "\\" && r === pair) end = true;
      } else if (r === ")") {
        if (begin === end) break;
      }
    }
    if (this.next() !== "]") throw new JsonPathError("unclosed array expect ]");
    let text = this.consumeText();
    text = text.slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text);
    if (!m) cur.nodes.push({ kind: "filter", left: parseAction(text), right: { kind: "list", nodes: [] }, operator: "exists" });
    else cur.nodes.push({ kind: "filter", left: parseAction(m[1]), right: parseAction(m[3]), operator: m[2] });
  }

  parseQuote(cur: JsonPathList, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === "\n") throw new JsonPathError("unterminated quoted string");
      if (r === "\\") {
        const n = this.next();
        if (n !== EOF && n !== "\n") continue;
        break;
      }
      if (r === end) break;
    }
    const value = this.consumeText();
    cur.nodes.push({ kind: "text", text: unquoteExtend(value) });
  }

  parseField(cur: JsonPathList): void {
    this.consumeText();
    for (;;) {
      const r = this.next();
      if (r === "\\") {
        this.next();
        continue;
      }
      if (isTerminator(r)) {
        this.backup(r);
        break;
      }
    }
    const value = this.consumeText();
    if (value === "*") cur.nodes.push({ kind: "wildcard" });
    else cur.nodes.push({ kind: "field", value: value.replace(/\\/g, "") });
  }
}

/** UnquoteExtend: strconv.Unquote that also accepts single-quoted strings. */
function unquoteExtend(quoted: string): string {
  let body = quoted.slice(1, -1);
  if (quoted[0] === "'") body = body.replace(/\\'/g, "'").replace(/"/g, '\\"');
  try {
    return JSON.parse(`"${body.replace(/\\x([0-9a-fA-F]{2})/g, "\\u00$1").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b")}"`) as string;
  } catch {
    throw new JsonPathError(`unquote string ${quoted} error invalid syntax`);
  }
}

function parseAction(text: string): JsonPathList {
  const root = new Parser().parse(`{${text}}`);
  return root.nodes[0] as JsonPathList;
}

/** Parses a template into its node tree; throws with client-go's message when malformed. */
export function parseJsonPath(template: string): JsonPathList {
  return new Parser().parse(template);
}

// ---- evaluation -------------------------------------------------------------------------------------------

type Value = unknown;

function goTypeName(v: Value): string {
  if (Array.isArray(v)) return "[]interface {}";
  if (v !== null && typeof v === "object") return "map[string]interface {}";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  return "interface {}";
}

class Evaluator {
  inRange = 0;
  beginRange = 0;
  endRange = 0;
  lastEndNode: JsonPathNode | undefined;

  findResults(data: Value, nodes: JsonPathNode[]): Value[][] {
    const full: Value[][] = [];
    const cur: Value[] = [data];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const results = this.walk(cur, node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = nodes[i];
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        const rest = nodes.slice(i + 1);
        if (results.length > 0) for (const value of results) full.push(...this.findResults(value, rest));
        else this.findResults(null, rest);
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  walk(values: Value[], node: JsonPathNode): Value[] {
    switch (node.kind) {
      case "list": {
        let cur = values;
        for (const n of node.nodes) cur = this.walk(cur, n);
        return cur;
      }
      case "text":
        return [node.text];
      case "field":
        return this.evalField(values, node.value);
      case "array":
        return this.evalArray(values, node.params);
      case "filter":
        return this.evalFilter(values, node);
      case "int":
      case "float":
      case "bool":
        return [node.value];
      case "wildcard":
        return this.evalWildcard(values);
      case "recursive":
        return this.evalRecursive(values);
      case "union":
        return node.nodes.flatMap((list) => this.walk(values, list));
      case "identifier":
        if (node.name === "range") {
          this.beginRange++;
          return values;
        }
        if (node.name === "end") {
          if (this.inRange > 0) {
            this.endRange++;
            return [];
          }
          throw new JsonPathError("not in range, nothing to end");
        }
        throw new JsonPathError(`unrecognized identifier ${node.name}`);
    }
  }

  evalField(values: Value[], name: string): Value[] {
    const results: Value[] = [];
    for (const v of values) {
      if (v === null || v === undefined) continue;
      if (typeof v === "object" && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, name)) {
        const child = (v as Record<string, Value>)[name];
        if (child !== undefined) results.push(child);
      }
    }
    return results; // allowMissingKeys: a missing key is no result, not an error
  }

  evalArray(values: Value[], template: [ParamsEntry, ParamsEntry, ParamsEntry]): Value[] {
    const result: Value[] = [];
    for (const v of values) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new JsonPathError(`${goTypeName(v)} is not array or slice`);
      const params = template.map((p) => ({ ...p }));
      const len = v.length;
      if (!params[0].known) params[0].value = 0;
      if (params[0].value < 0) params[0].value += len;
      if (!params[1].known) params[1].value = len;
      if (params[1].value < 0 || (params[1].value === 0 && params[1].derived)) params[1].value += len;
      if (params[1].value === params[0].value) return result;
      if (params[0].value >= len || params[0].value < 0) {
        throw new JsonPathError(`array index out of bounds: index ${params[0].value}, length ${len}`);
      }
      if (params[1].value > len || params[1].value < 0) {
        throw new JsonPathError(`array index out of bounds: index ${params[1].value - 1}, length ${len}`);
      }
      if (params[0].value > params[1].value) {
        throw new JsonPathError(`starting index ${params[0].value} is greater than ending index ${params[1].value}`);
      }
      const sliced = v.slice(params[0].value, params[1].value);
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) throw new JsonPathError("step must be > 0");
        step = params[2].value;
      }
      for (let i = 0; i < sliced.length; i += step) result.push(sliced[i]);
    }
    return result;
  }

  evalWildcard(values: Value[]): Value[] {
    const results: Value[] = [];
    for (const v of values) {
      if (v === null || v === undefined) continue;
      if (Array.isArray(v)) results.push(...v);
      else if (typeof v === "object") {
        // Go map iteration order is random; sorted keys keep the output deterministic.
        const rec = v as Record<string, Value>;
        for (const k of Object.keys(rec).sort()) results.push(rec[k]);
      }
    }
    return results;
  }

  evalRecursive(values: Value[]): Value[] {
    const result: Value[] = [];
    for (const v of values) {
      if (v === null || v === undefined || typeof v !== "object") continue;
      const children = Array.isArray(v)
        ? v
        : Object.keys(v as Record<string, Value>)
            .sort()
            .map((k) => (v as Record<string, Value>)[k]);
      if (children.length !== 0) {
        result.push(v);
        result.push(...this.evalRecursive(children));
      }
    }
    return result;
  }

  evalFilter(values: Value[], node: Extract<JsonPathNode, { kind: "filter" }>): Value[] {
    const results: Value[] = [];
    for (const v of values) {
      if (!Array.isArray(v)) throw new JsonPathError(`${goSprint(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        const lefts = this.walk([item], node.left);
        if (node.operator === "exists") {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathError("can only compare one element at a time");
        const rights = this.walk([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathError("can only compare one element at a time");
        if (compare(lefts[0], rights[0], node.operator)) results.push(item);
      }
    }
    return results;
  }
}

function compare(left: Value, right: Value, op: string): boolean {
  const comparable = (typeof left === "number" && typeof right === "number") || (typeof left === "string" && typeof right === "string");
  if (op === "==" || op === "!=") {
    if (typeof left !== typeof right || (typeof left === "object" && left !== null)) {
      if (typeof left === "boolean" || typeof left === "number" || typeof left === "string") {
        throw new JsonPathError("incompatible types for comparison");
      }
      throw new JsonPathError("invalid type for comparison");
    }
    return op === "==" ? left === right : left !== right;
  }
  if (!comparable) {
    if (typeof left !== typeof right) throw new JsonPathError("incompatible types for comparison");
    throw new JsonPathError("invalid type for comparison");
  }
  const l = left as number | string;
  const r = right as number | string;
  switch (op) {
    case "<":
      return l < r;
    case ">":
      return l > r;
    case "<=":
      return l <= r;
    case ">=":
      return l >= r;
    default:
      throw new JsonPathError(`unrecognized filter operator ${op}`);
  }
}

/** fmt.Sprint of a decoded JSON value (custom-columns cells, non-JSON jsonpath results). */
export function goSprint(v: Value): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "number") return formatGoNumber(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) return `[${v.map(goSprint).join(" ")}]`;
  const rec = v as Record<string, Value>;
  return `map[${Object.keys(rec)
    .sort()
    .map((k) => `${k}:${goSprint(rec[k])}`)
    .join(" ")}]`;
}

/** %v of an int64 (integers from unstructured JSON) or float64. */
function formatGoNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const [mant, expPart] = n.toExponential().split("e");
  const exp = Number(expPart);
  if (exp < -4 || exp >= 21) return `${mant}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  return String(n);
}

/** %#v of a decoded JSON value, as kubectl prints "object given to jsonpath engine was". */
export function goSharpV(v: Value): string {
  if (v === null || v === undefined) return "interface {}(nil)";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") return formatGoNumber(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSharpV(x)).join(", ")}}`;
  const rec = v as Record<string, Value>;
  const body = Object.keys(rec)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${goSharpV(rec[k])}`)
    .join(", ");
  return `map[string]interface {}{${body}}`;
}

function printResults(results: Value[]): string {
  let out = "";
  results.forEach((r, i) => {
    let text: string;
    if (r !== null && typeof r === "object") text = toCompactJson(r);
    else if (r === null || r === undefined) text = "null";
    else text = goSprint(r);
    if (i !== results.length - 1) text += " ";
    out += text;
  });
  return out;
}

export type JsonPathResult = { ok: true; text: string } | { ok: false; error: string };

/** Finds the raw result groups of a parsed template (custom-columns and --sort-by use these). */
export function findJsonPathResults(template: string, data: Value): Value[][] {
  const root = parseJsonPath(template);
  return new Evaluator().findResults(data, root.nodes);
}

/**
 * `kubectl -o jsonpath=TEMPLATE` on one object (or a List object): the printed text, or kubectl's error
 * line (without the leading "error: ") for parse and execution failures.
 */
export function evaluateJsonPath(template: string, data: Value): JsonPathResult {
  let root: JsonPathList;
  try {
    root = parseJsonPath(template);
  } catch (err) {
    if (err instanceof JsonPathError) return { ok: false, error: `error parsing jsonpath ${template}, ${err.message}\n` };
    throw err;
  }
  try {
    const full = new Evaluator().findResults(data, root.nodes);
    return { ok: true, text: full.map(printResults).join("") };
  } catch (err) {
    if (!(err instanceof JsonPathError)) throw err;
    const detail =
      `Error executing template: ${err.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n`;
    return { ok: false, error: `error executing jsonpath ${JSON.stringify(template)}: ${detail}\n` };
  }
}

/**
 * RelaxedJSONPathExpression (kubectl get): accepts "name1.name2", ".name1.name2", "{name1.name2}" and
 * "{.name1.name2}" and returns "{.name1.name2}"; used by custom-columns and --sort-by.
 */
export function relaxedJsonPathExpression(expression: string): { ok: true; value: string } | { ok: false; error: string } {
  if (expression.length === 0) return { ok: true, value: expression };
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expression);
  if (!m) {
    return {
      ok: false,
      error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    };
  }
  return { ok: true, value: `{.${m[1] ?? m[2]}}` };
}

export { JsonPathError };

// Mirrors Go encoding/json as kubectl's JSONPrinter uses it: json.MarshalIndent(obj, "", "    ") plus "\n",
// with Go's HTML-safe string escaping (<, >, & → \u003c, \u003e, \u0026).
//
// Key order: objects read from the API server reach kubectl as unstructured maps, whose keys encoding/json
// sorts ("sorted"); objects kubectl builds itself (run/create --dry-run) are Go structs printed in field
// order, which generators reproduce through insertion order ("insertion").

export type JsonKeyOrder = "sorted" | "insertion";

function goByteCompare(a: string, b: string): number {
  // encoding/json sorts map keys by their UTF-8 bytes; code point order is the same order.
  const ac = Array.from(a);
  const bc = Array.from(b);
  for (let i = 0; i < ac.length && i < bc.length; i++) {
    const d = ac[i].codePointAt(0)! - bc[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return ac.length - bc.length;
}

/** Go's encodeState.string with escapeHTML = true. */
export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (c < 0x20 || ch === "<" || ch === ">" || ch === "&" || c === 0x2028 || c === 0x2029) {
      out += `\\u${c.toString(16).padStart(4, "0")}`;
    } else out += ch;
  }
  return `${out}"`;
}

/** Go's float64 encoding: like JS except exponents are written with at least two digits (1e-07). */
function goJsonNumber(n: number): string {
  if (!Number.isFinite(n)) return "null";
  const s = String(n);
  return s.replace(/e([+-])(\d)$/, "e$10$2");
}

function encode(value: unknown, order: JsonKeyOrder, indent: string, step: string): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return goJsonNumber(value);
  if (typeof value === "string") return goJsonString(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (step === "") return `[${value.map((v) => encode(v, order, "", "")).join(",")}]`;
    const inner = indent + step;
    return `[\n${value.map((v) => inner + encode(v, order, inner, step)).join(",\n")}\n${indent}]`;
  }
  if (typeof value === "object") {
    let keys = Object.keys(value).filter((k) => {
      const v = (value as Record<string, unknown>)[k];
      return v !== undefined && typeof v !== "function";
    });
    if (order === "sorted") keys = keys.sort(goByteCompare);
    if (keys.length === 0) return "{}";
    const record = value as Record<string, unknown>;
    if (step === "") return `{${keys.map((k) => `${goJsonString(k)}:${encode(record[k], order, "", "")}`).join(",")}}`;
    const inner = indent + step;
    return `{\n${keys.map((k) => `${inner}${goJsonString(k)}: ${encode(record[k], order, inner, step)}`).join(",\n")}\n${indent}}`;
  }
  return "null";
}

/** `kubectl -o json` output for one object or a List (trailing newline included). */
export function toJson(value: unknown, options: { keyOrder?: JsonKeyOrder } = {}): string {
  return `${encode(value, options.keyOrder ?? "sorted", "", "    ")}\n`;
}

/** json.Marshal (compact, sorted keys): how jsonpath prints maps and arrays. */
export function toCompactJson(value: unknown): string {
  return encode(value, "sorted", "", "");
}

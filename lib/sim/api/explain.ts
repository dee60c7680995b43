// Mirrors kubectl v1.32 `kubectl explain` (k8s.io/kubectl/pkg/explain/v2: templates/plaintext.tmpl and
// funcs.go), rendering the generated schema the way the template renders the OpenAPI v3 document:
// refs wrapped in allOf, Time as string, Quantity/IntOrString by name, `wrap` = go-wordwrap after
// removing line breaks, `indent` = pad every line.
import { resolveResourceArg } from "./resources";
import { getDefinition } from "./schema";
import type { SchemaDefinition, SchemaField, SchemaType } from "./schema";

export type ExplainOptions = { recursive?: boolean; apiVersion?: string };
export type ExplainResult = { ok: true; text: string } | { ok: false; error: string };

/** go-wordwrap WrapString (v1.0.1) over code points, as term.NewWordWrapWriter uses it. */
function wordWrap(s: string, limit: number): string {
  let out = "";
  let current = 0;
  let word = "";
  let wordLen = 0;
  let space = "";
  let spaceLen = 0;
  for (const ch of s) {
    if (ch === "\n") {
      if (wordLen === 0) {
        if (current + spaceLen > limit) current = 0;
        else {
          current += spaceLen;
          out += space;
        }
      } else {
        current += spaceLen + wordLen;
        out += space + word;
        word = "";
        wordLen = 0;
      }
      space = "";
      spaceLen = 0;
      out += ch;
      current = 0;
    } else if (/\s/.test(ch) && ch !== "\u00a0") {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        out += space + word;
        space = "";
        spaceLen = 0;
        word = "";
        wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + spaceLen + wordLen > limit && wordLen < limit) {
        out += "\n";
        current = 0;
        space = "";
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}

/** The template's `wrap`: realign line breaks (drop them), then word-wrap. */
function wrap(limit: number, s: string): string {
  return wordWrap(s.replaceAll("\n", ""), limit);
}

function indent(amount: number, s: string): string {
  const pad = " ".repeat(amount);
  return pad + s.replaceAll("\n", `\n${pad}`);
}

/** typeGuess: "string", "integer", "[]Container", "map[string]string", "Object", "Quantity" … */
function typeGuess(type: SchemaType): string {
  switch (type.kind) {
    case "string":
    case "Time":
    case "MicroTime":
      return "string";
    case "boolean":
      return "boolean";
    case "int32":
    case "int64":
      return "integer";
    case "number":
      return "number";
    case "IntOrString":
      return "IntOrString";
    case "Quantity":
      return "Quantity";
    case "object":
      return "Object";
    case "array":
      return `[]${typeGuess(type.items)}`;
    case "map":
      return `map[string]${typeGuess(type.values)}`;
    case "ref":
      return type.key.split(".").pop() ?? "Object";
  }
}

/** The definition a type leads to for field traversal (through arrays and maps), if any. */
function definitionOf(type: SchemaType): SchemaDefinition | undefined {
  switch (type.kind) {
    case "array":
      return definitionOf(type.items);
    case "map":
      return definitionOf(type.values);
    case "ref":
      return getDefinition(type.key);
    default:
      return undefined;
  }
}

/** The "description" template: a field's own description, then the referenced type's. */
function fieldDescription(field: SchemaField): string {
  let text = field.description ? `${field.description}\n` : "";
  const definition = definitionOf(field.type);
  if (definition?.description) text += `${definition.description}\n`;
  return text;
}

/** extractEnum: the long view lists one value per line, the short view at most `limit` values. */
function extractEnum(values: string[] | undefined, longView: boolean, limit: number, indentAmount: number): string {
  if (!values?.length) return "";
  let out = longView ? "ENUM:" : `\n${" ".repeat(indentAmount)}enum: `;
  for (let i = 0; i < values.length; i++) {
    if (limit > -1 && i >= limit) {
      out += ", ....";
      break;
    }
    if (i > 0 && !longView) out += ", ";
    else if (longView) out += "\n    ";
    out += values[i] === "" ? '""' : values[i];
  }
  return out;
}

function fieldDetail(field: SchemaField, level: number, short: boolean): string {
  const indentAmount = level * 2;
  let out = `${indent(indentAmount, field.name)}\t<${typeGuess(field.type)}>`;
  if (field.required) out += " -required-";
  out += extractEnum(field.enum, false, 4, indentAmount);
  out += "\n";
  if (!short) {
    out += `${indent(indentAmount + 2, wrap(78 - indentAmount, field.description || "<no description>"))}\n`;
    out += "\n";
  }
  return out;
}

function fieldList(definition: SchemaDefinition, level: number, recursive: boolean, history: Set<string>): string {
  if (history.has(definition.key)) return "";
  const nextHistory = new Set(history).add(definition.key);
  let out = "";
  for (const field of definition.fields) {
    out += fieldDetail(field, level, recursive);
    if (recursive) {
      const child = definitionOf(field.type);
      if (child) out += fieldList(child, level + 1, recursive, nextHistory);
    }
  }
  return out;
}

/**
 * `kubectl explain RESOURCE[.FIELD…]`. `resourceArg` may carry the field path ("pod.spec.containers");
 * `fieldPath` adds to it. Returns kubectl's exact text or its error message.
 */
export function explain(resourceArg: string, fieldPath: string | string[] = [], options: ExplainOptions = {}): ExplainResult {
  const [resourceName, ...inlinePath] = resourceArg.split(".");
  const path = [...inlinePath, ...(typeof fieldPath === "string" ? fieldPath.split(".") : fieldPath)].filter((p) => p !== "");
  const resolved = resolveResourceArg(resourceName);
  if (!resolved.ok) return { ok: false, error: resolved.error };
  let info = resolved.info;
  if (options.apiVersion && options.apiVersion !== info.apiVersion) {
    return { ok: false, error: `error: couldn't find resource for "${info.group ? `${info.group}/` : ""}${options.apiVersion.split("/").pop()}, Kind=${info.kind}"` };
  }
  const root = getDefinition(info.schemaKey);
  if (!root) return { ok: false, error: `error: GVK ${info.apiVersion}, Kind=${info.kind} not found in OpenAPI schema` };
  info = resolved.info;
  let out = "";
  if (info.group) out += `GROUP:      ${info.group}\n`;
  out += `KIND:       ${info.kind}\nVERSION:    ${info.version}\n\n`;

  let definition: SchemaDefinition | undefined = root;
  let description = root.description ? `${root.description}\n` : "";
  for (let i = 0; i < path.length; i++) {
    const field = definition?.byName.get(path[i]);
    if (!field) return { ok: false, error: `error: field "${path[path.length - 1]}" does not exist` };
    if (i === path.length - 1) {
      out += `FIELD: ${field.name} <${typeGuess(field.type)}>\n${extractEnum(field.enum, true, -1, 0)}\n\n`;
    }
    description = fieldDescription(field);
    definition = definitionOf(field.type);
    if (!definition && i < path.length - 1) return { ok: false, error: `error: field "${path[path.length - 1]}" does not exist` };
  }
  out += "DESCRIPTION:\n";
  out += `${indent(4, wrap(76, description || "<empty>"))}\n`;
  const fields = definition ? fieldList(definition, 1, options.recursive === true, new Set()) : "";
  if (fields) out += `FIELDS:\n${fields}`;
  out += "\n";
  return { ok: true, text: out };
}

// Mirrors kubectl's resource builder (k8s.io/cli-runtime/pkg/resource/visitor.go StreamVisitor) and
// sigs.k8s.io/yaml: split a stream into documents, convert YAML to JSON, skip empty documents, expand
// `kind: List`, and check apiVersion/kind (k8s.io/kubectl/pkg/validation getObjectKind).
// Errors are worded as kubectl prints them; go-yaml's syntax messages are mapped from js-yaml's.
import yaml from "js-yaml";
import { KUBE_YAML_SCHEMA } from "./yaml-schema";

export const MAX_MANIFEST_BYTES = 64 * 1024;
export const MAX_DOCUMENTS = 50;
/** Total nodes visited while converting, aliases expanded: stops billion-laughs documents early. */
export const MAX_NODES = 20_000;
export const MAX_DEPTH = 64;

export type ManifestErrorKind =
  | "too-large"
  | "too-many-documents"
  | "yaml-syntax"
  | "invalid-map-key"
  | "unsupported-value"
  | "excessive-aliasing"
  | "too-deep"
  | "not-an-object"
  | "missing-type";

export type ManifestError = {
  kind: ManifestErrorKind;
  /** The message without kubectl's "error: " prefix, e.g. `error parsing pod.yaml: error converting …`. */
  message: string;
  /** What kubectl prints: `error: ${message}`. */
  kubectlText: string;
  /** 1-based line in the whole input, when known. */
  line?: number;
  /** 0-based index of the document the error is in, when known. */
  documentIndex?: number;
};

export type ManifestDocument = {
  object: Record<string, unknown> & { apiVersion: string; kind: string };
  /** 0-based position in the stream after empty documents are dropped and Lists expanded. */
  index: number;
  /** 1-based line where the document starts. */
  line: number;
};

export type ParseManifestsResult =
  | { ok: true; documents: ManifestDocument[] }
  /** `documents` are those before the failing one: kubectl has already acted on them by then. */
  | { ok: false; error: ManifestError; documents: ManifestDocument[] };

export type ParseManifestsOptions = { source?: string };

const VALIDATE_GUIDANCE = "if you choose to ignore these errors, turn validation off with --validate=false";

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function makeError(
  kind: ManifestErrorKind,
  message: string,
  extra: { line?: number; documentIndex?: number } = {},
): ManifestError {
  return { kind, message, kubectlText: `error: ${message}`, ...extra };
}

type RawDocument = { text: string; startLine: number };

/** Splits on "---" lines like k8s.io/apimachinery/pkg/util/yaml's YAMLReader. */
function splitDocuments(text: string): RawDocument[] {
  const lines = text.split("\n");
  const docs: RawDocument[] = [];
  let current: string[] = [];
  let startLine = 1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // Only a line that is exactly "---" (trailing whitespace allowed) separates documents.
    if (line.startsWith("---") && line.slice(3).trim() === "") {
      docs.push({ text: current.join("\n"), startLine });
      current = [];
      startLine = i + 2;
      continue;
    }
    current.push(line);
  }
  docs.push({ text: current.join("\n"), startLine });
  return docs;
}

type YamlExceptionLike = { reason?: string; mark?: { line: number; column: number; buffer?: string } };

/**
 * Translates a js-yaml failure into go-yaml v2's wording ("yaml: line N: …"). Checked case by case
 * against kubectl v1.32 (`kubectl apply --dry-run=client` reports YAML errors without a server).
 * go-yaml numbers lines within the document: kubectl converts each document separately.
 */
function goYamlMessage(error: YamlExceptionLike, doc: RawDocument): { message: string; line?: number } {
  const reason = error.reason ?? "unknown error";
  const markLine = error.mark?.line ?? 0; // 0-based within the document
  const markColumn = error.mark?.column ?? 0;
  const docLines = doc.text.split("\n");
  const absoluteLine = doc.startLine + markLine;
  const indentOf = (s: string | undefined) => (s === undefined ? 0 : s.length - s.trimStart().length);
  const isContent = (s: string) => s.trim() !== "" && !s.trim().startsWith("#");
  const previousContentLine = (): string | undefined => {
    for (let i = markLine - 1; i >= 0; i--) if (isContent(docLines[i])) return docLines[i];
    return undefined;
  };
  // Scanner errors print the 1-based line; parser errors print the 0-based line of the problem token
  // (so "did not find expected key" points at the line above). Line 0 is not printed at all.
  const where = (line: number) => (line === 0 ? "" : `line ${line}: `);
  const scanner = (text: string, line0 = markLine) => ({
    message: `yaml: ${where(line0 === 0 ? 0 : line0 + 1)}${text}`,
    line: doc.startLine + line0,
  });
  const parser = (text: string) => ({ message: `yaml: ${where(markLine)}${text}`, line: absoluteLine });
  /** The block the offending line falls back to: a sequence expects '-', a mapping a key. */
  const expectedInBlock = () => {
    const here = indentOf(docLines[markLine]);
    for (let i = markLine - 1; i >= 0; i--) {
      if (!isContent(docLines[i]) || indentOf(docLines[i]) > here) continue;
      if (indentOf(docLines[i]) === here && /^\s*-(\s|$)/.test(docLines[i])) return "did not find expected '-' indicator";
      break;
    }
    return "did not find expected key";
  };
  const charAtMark = docLines[markLine]?.[markColumn];

  // '`' and '@' are reserved indicators: the scanner stops right there.
  if (charAtMark === "`" || charAtMark === "@") return scanner("found character that cannot start any token");
  if (reason === "bad indentation of a mapping entry" || reason.startsWith("end of the stream or a document separator")) {
    // A ':' where no key may start (a key indented too far, "a: b: c", a key after a bare scalar).
    if (charAtMark === ":") return scanner("mapping values are not allowed in this context");
    return parser(expectedInBlock());
  }
  if (reason === "bad indentation of a sequence entry") return parser(expectedInBlock());
  if (reason.startsWith("can not read a block mapping entry")) {
    // A plain scalar was left where a key belongs (a key without ": ", stray prose after a manifest).
    // js-yaml reads on to a later ':' or the end; go-yaml gives up at the first token after that
    // scalar: the next line not indented deeper than it (or the end of the document).
    const isKeyLine = (line: string) => /:(\s|$)/.test(line.replace(/\s+#.*$/, ""));
    let keyLine = markLine;
    for (let i = Math.min(markLine, docLines.length) - 1; i >= 0; i--) {
      if (!isContent(docLines[i])) continue;
      if (isKeyLine(docLines[i])) break;
      if (keyLine !== markLine && indentOf(docLines[i]) > indentOf(docLines[keyLine])) break;
      keyLine = i;
    }
    let errorLine = docLines.length - 1;
    for (let i = keyLine + 1; i < docLines.length; i++) {
      if (isContent(docLines[i]) && indentOf(docLines[i]) <= indentOf(docLines[keyLine])) {
        errorLine = i;
        break;
      }
    }
    return scanner("could not find expected ':'", errorLine);
  }
  if (reason.startsWith("can not read an implicit mapping pair")) return scanner("could not find expected ':'");
  if (reason === "tab characters must not be used in indentation") {
    // After a plain scalar value the tab sits where that scalar could continue.
    const previous = previousContentLine();
    const plainValue = previous !== undefined && /:\s+[^\s#"'|>&*!\[{][^#]*$/.test(previous.trimEnd());
    return scanner(plainValue ? "found a tab character that violates indentation" : "found character that cannot start any token");
  }
  if (reason.startsWith("unexpected end of the stream within a") && reason.includes("quoted scalar")) {
    return scanner("found unexpected end of stream");
  }
  if (reason === "missed comma between flow collection entries" || reason.includes("within a flow collection")) {
    const opener = Math.max(doc.text.lastIndexOf("{"), doc.text.lastIndexOf("["));
    if (opener >= 0 && doc.text.slice(opener + 1).trim() === "") return parser("did not find expected node content");
    return parser(`did not find expected ',' or '${doc.text[opener] === "{" ? "}" : "]"}'`);
  }
  if (reason.startsWith("incomplete explicit mapping pair")) return scanner("mapping values are not allowed in this context");
  const alias = /^unidentified alias "(.*)"$/.exec(reason);
  if (alias) return { message: `yaml: unknown anchor '${alias[1]}' referenced` };
  return scanner(reason);
}

type ConvertState = { nodes: number };

class ConvertError extends Error {
  constructor(
    readonly kind: "excessive-aliasing" | "too-deep" | "invalid-map-key" | "unsupported-value",
    message: string,
  ) {
    super(message);
  }
}

/**
 * YAML value → JSON value as sigs.k8s.io/yaml does: map keys become strings, and each node is copied
 * so aliases expand (bounded by MAX_NODES, like go-yaml's "excessive aliasing" guard).
 */
function toJsonValue(value: unknown, state: ConvertState, depth: number): unknown {
  if (++state.nodes > MAX_NODES) throw new ConvertError("excessive-aliasing", "yaml: document contains excessive aliasing");
  if (depth > MAX_DEPTH) throw new ConvertError("too-deep", `yaml: exceeded max depth of ${MAX_DEPTH}`);
  if (typeof value === "number" && !Number.isFinite(value)) {
    // encoding/json refuses what YAML allows (.inf, .nan, 1e400).
    throw new ConvertError("unsupported-value", `json: unsupported value: ${Number.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf"}`);
  }
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item, state, depth + 1));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      // js-yaml stringifies a mapping used as a key; go-yaml cannot turn it into a JSON key.
      if (key === "[object Object]") throw new ConvertError("invalid-map-key", "yaml: invalid map key");
      out[key] = toJsonValue(item, state, depth + 1);
    }
    return out;
  }
  return value;
}

/** getObjectKind from k8s.io/kubectl/pkg/validation: errors in the order kubectl lists them. */
function typeErrors(object: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const apiVersion = object.apiVersion;
  if (apiVersion === undefined || apiVersion === null) errors.push("apiVersion not set");
  else if (typeof apiVersion !== "string") errors.push("apiVersion isn't string type");
  else if (apiVersion.split("/").length > 2) errors.push(`unexpected GroupVersion string: ${apiVersion}`);
  const kind = object.kind;
  if (kind === undefined || kind === null) errors.push("kind not set");
  else if (typeof kind !== "string") errors.push("kind isn't string type");
  return errors;
}

function aggregate(errors: string[]): string {
  return errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`;
}

/**
 * Parses a manifest stream as `kubectl apply -f SOURCE` reads it. `source` is the file name kubectl
 * would print ("pod.yaml", or "STDIN" for `-f -`).
 */
export function parseManifests(text: string, options: ParseManifestsOptions = {}): ParseManifestsResult {
  const source = options.source ?? "STDIN";
  const documents: ManifestDocument[] = [];
  if (utf8Length(text) > MAX_MANIFEST_BYTES) {
    return {
      ok: false,
      documents,
      error: makeError("too-large", `error parsing ${source}: manifest is larger than the limit of 64 KiB`),
    };
  }
  const rawDocs = splitDocuments(text);
  const nonEmpty = rawDocs.filter((d) => d.text.split("\n").some((l) => l.trim() && !l.trim().startsWith("#")));
  if (nonEmpty.length > MAX_DOCUMENTS) {
    return {
      ok: false,
      documents,
      error: makeError("too-many-documents", `error parsing ${source}: more than ${MAX_DOCUMENTS} documents in one manifest`),
    };
  }
  const state: ConvertState = { nodes: 0 };
  for (const doc of rawDocs) {
    let loaded: unknown;
    try {
      // json: true lets a repeated key override the earlier one, as go-yaml does for kubectl (which
      // converts with the non-strict sigs.k8s.io/yaml): `image` given twice keeps the last value.
      loaded = yaml.load(doc.text, { schema: KUBE_YAML_SCHEMA, json: true });
    } catch (raw) {
      const error = raw as YamlExceptionLike;
      const translated = goYamlMessage(error, doc);
      return {
        ok: false,
        documents,
        error: makeError("yaml-syntax", `error parsing ${source}: error converting YAML to JSON: ${translated.message}`, {
          line: translated.line,
          documentIndex: documents.length,
        }),
      };
    }
    if (loaded === null || loaded === undefined) continue;
    let value: unknown;
    try {
      value = toJsonValue(loaded, state, 0);
    } catch (raw) {
      if (raw instanceof ConvertError) {
        if (raw.kind === "invalid-map-key") {
          // The usual cause is a Helm template pasted as YAML: `image: {{ .Values.image }}`.
          const template = /\{\{\s*(.*?)\s*\}\}/.exec(doc.text);
          const goKey = template ? `map[interface {}]interface {}{${JSON.stringify(template[1])}:interface {}(nil)}` : "map[interface {}]interface {}{}";
          return {
            ok: false,
            documents,
            error: makeError("invalid-map-key", `error parsing ${source}: error converting YAML to JSON: yaml: invalid map key: ${goKey}`, {
              line: doc.startLine,
              documentIndex: documents.length,
            }),
          };
        }
        return {
          ok: false,
          documents,
          error: makeError(raw.kind, `error parsing ${source}: error converting YAML to JSON: ${raw.message}`, {
            line: doc.startLine,
            documentIndex: documents.length,
          }),
        };
      }
      throw raw;
    }
    if (typeof value !== "object" || Array.isArray(value)) {
      return {
        ok: false,
        documents,
        error: makeError(
          "not-an-object",
          `error validating "${source}": error validating data: invalid object to validate; ${VALIDATE_GUIDANCE}`,
          { line: doc.startLine, documentIndex: documents.length },
        ),
      };
    }
    const object = value as Record<string, unknown>;
    const items = object.kind === "List" && Array.isArray(object.items) ? (object.items as unknown[]) : [object];
    for (const item of items) {
      const errors =
        item && typeof item === "object" && !Array.isArray(item)
          ? typeErrors(item as Record<string, unknown>)
          : ["invalid object to validate"];
      if (errors.length) {
        return {
          ok: false,
          documents,
          error: makeError(
            "missing-type",
            `error validating "${source}": error validating data: ${aggregate(errors)}; ${VALIDATE_GUIDANCE}`,
            { line: doc.startLine, documentIndex: documents.length },
          ),
        };
      }
      if (documents.length >= MAX_DOCUMENTS) {
        return {
          ok: false,
          documents,
          error: makeError("too-many-documents", `error parsing ${source}: more than ${MAX_DOCUMENTS} documents in one manifest`),
        };
      }
      documents.push({
        object: item as ManifestDocument["object"],
        index: documents.length,
        line: doc.startLine,
      });
    }
  }
  return { ok: true, documents };
}

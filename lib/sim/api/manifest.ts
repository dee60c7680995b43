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
  | "duplicate-key"
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

/** Translates a js-yaml failure into go-yaml v2's wording ("yaml: line N: …"). */
function goYamlMessage(error: YamlExceptionLike, doc: RawDocument): { message: string; line?: number } {
  const reason = error.reason ?? "unknown error";
  const markLine = error.mark?.line ?? 0; // 0-based within the document
  const docLines = doc.text.split("\n");
  const scannerLine = doc.startLine + markLine; // 1-based line of the problem
  // go-yaml prints parser errors with the 0-based line of the problem token (it only adds one for
  // scanner errors), which is why "did not find expected key" points at the line above.
  const parserLine = doc.startLine + markLine - 1;
  const indentOf = (s: string | undefined) => (s === undefined ? 0 : s.length - s.trimStart().length);
  const previousContentLine = () => {
    for (let i = markLine - 1; i >= 0; i--) if (docLines[i].trim() && !docLines[i].trim().startsWith("#")) return docLines[i];
    return undefined;
  };
  const scanner = (text: string) => ({ message: `yaml: line ${scannerLine}: ${text}`, line: scannerLine });
  const parser = (text: string) => ({ message: `yaml: line ${parserLine}: ${text}`, line: scannerLine });

  const markColumn = error.mark?.column ?? 0;
  const charAtMark = docLines[markLine]?.[markColumn];
  // '`' and '@' are reserved indicators: libyaml's scanner stops right there.
  if (charAtMark === "`" || charAtMark === "@") return scanner("found character that cannot start any token");
  if (reason.startsWith("end of the stream or a document separator") && charAtMark === ":") {
    return scanner("mapping values are not allowed in this context");
  }
  if (reason === "bad indentation of a mapping entry") {
    const here = docLines[markLine];
    const previous = previousContentLine();
    if (here !== undefined && previous !== undefined && indentOf(here) < indentOf(previous)) {
      return parser("did not find expected key");
    }
    return scanner("mapping values are not allowed in this context");
  }
  if (reason.startsWith("can not read a block mapping entry")) {
    // A plain scalar spanning lines was used as a key. libyaml gives up on the line after the one the
    // would-be key starts on: the first line after the last real "key:" line at this indentation.
    const here = indentOf(docLines[markLine]);
    let keyStart = 0;
    for (let i = markLine - 1; i >= 0; i--) {
      const text = docLines[i].replace(/\s+#.*$/, "");
      if (text.trim() && indentOf(text) < here) {
        keyStart = i + 1;
        break;
      }
      if (text.trim() && indentOf(text) === here && /:(\s|$)/.test(text)) {
        keyStart = i + 1;
        break;
      }
    }
    const line = doc.startLine + Math.min(keyStart + 1, markLine);
    return { message: `yaml: line ${line}: could not find expected ':'`, line };
  }
  if (reason.startsWith("can not read an implicit mapping pair")) {
    return scanner("could not find expected ':'");
  }
  if (reason === "bad indentation of a sequence entry" || reason.startsWith("end of the stream or a document separator")) {
    return parser("did not find expected key");
  }
  if (reason === "tab characters must not be used in indentation") {
    return scanner("found character that cannot start any token");
  }
  if (reason.startsWith("unexpected end of the stream within a") && reason.includes("quoted scalar")) {
    return scanner("found unexpected end of stream");
  }
  if (reason === "missed comma between flow collection entries" || reason.includes("within a flow collection")) {
    const opener = doc.text.lastIndexOf("{") > doc.text.lastIndexOf("[") ? "}" : "]";
    return parser(`did not find expected ',' or '${opener}'`);
  }
  if (reason.startsWith("incomplete explicit mapping pair")) {
    return scanner("mapping values are not allowed in this context");
  }
  const alias = /^unidentified alias "(.*)"$/.exec(reason);
  if (alias) return { message: `yaml: unknown anchor '${alias[1]}' referenced` };
  return scanner(reason);
}

/** The key text at a js-yaml mark (for duplicate-key errors). */
function keyAt(doc: RawDocument, line: number, column: number): string {
  const text = doc.text.split("\n")[line] ?? "";
  const fromColumn = text.slice(column).trimStart() || text.trimStart();
  const key = fromColumn.replace(/^-\s+/, "").split(":")[0].trim();
  return key.replace(/^["']|["']$/g, "");
}

type ConvertState = { nodes: number };

class ConvertError extends Error {
  constructor(
    readonly kind: "excessive-aliasing" | "too-deep",
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
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item, state, depth + 1));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
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
      loaded = yaml.load(doc.text, { schema: KUBE_YAML_SCHEMA, json: false });
    } catch (raw) {
      const error = raw as YamlExceptionLike;
      if (error.reason === "duplicated mapping key" && error.mark) {
        const line = doc.startLine + error.mark.line;
        const key = keyAt(doc, error.mark.line, error.mark.column);
        return {
          ok: false,
          documents,
          error: makeError(
            "duplicate-key",
            `error parsing ${source}: error converting YAML to JSON: yaml: unmarshal errors:\n  line ${line}: key "${key}" already set in map`,
            { line, documentIndex: documents.length },
          ),
        };
      }
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
      const jsonType = Array.isArray(value) ? "array" : typeof value === "boolean" ? "bool" : typeof value;
      return {
        ok: false,
        documents,
        error: makeError(
          "not-an-object",
          `error parsing ${source}: json: cannot unmarshal ${jsonType} into Go value of type map[string]interface {}`,
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

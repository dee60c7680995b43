// Mirrors the API server's JSON decoding of a request body (k8s.io/apimachinery/pkg/runtime/serializer/
// json with sigs.k8s.io/json UnmarshalStrict, encoding/json's UnmarshalTypeError wording, and the
// Quantity/IntOrString/Time UnmarshalJSON methods) plus field validation "Strict" (unknown fields are
// errors), "Warn" (warnings) or "Ignore".
import { ERR_FORMAT_WRONG, formatQuantity, parseQuantity } from "./quantity";
import { getDefinition, goTypeName } from "./schema";
import type { SchemaDefinition, SchemaType } from "./schema";
import type { ApiStatus, KubeObject, ResourceInfo } from "./types";

export type FieldValidation = "Strict" | "Warn" | "Ignore";

export type DecodeResult =
  | { ok: true; object: KubeObject; warnings: string[] }
  | { ok: false; status: ApiStatus };

export type DecodeOptions = { fieldValidation?: FieldValidation };

type DecodeState = {
  /** First encoding/json type error (json keeps decoding but returns only the first). */
  typeError?: string;
  /** An UnmarshalJSON error that aborts decoding (e.g. a bad Quantity). */
  fatal?: string;
  unknown: string[];
};

// Non-pointer Go fields tagged omitempty whose zero value therefore disappears from stored objects
// (`hostNetwork: false` is not shown by `kubectl get -o yaml`). Pointer fields keep false/0.
const OMIT_ZERO_FIELDS = new Set([
  "core.v1.PodSpec.hostNetwork",
  "core.v1.PodSpec.hostPID",
  "core.v1.PodSpec.hostIPC",
  "core.v1.PodSpec.nodeName",
  "core.v1.PodSpec.hostname",
  "core.v1.PodSpec.subdomain",
  "core.v1.PodSpec.serviceAccountName",
  "core.v1.PodSpec.schedulerName",
  "core.v1.PodSpec.priorityClassName",
  "core.v1.Container.image",
  "core.v1.Container.workingDir",
  "core.v1.Container.stdin",
  "core.v1.Container.stdinOnce",
  "core.v1.Container.tty",
  "core.v1.Container.imagePullPolicy",
  "core.v1.Container.terminationMessagePath",
  "core.v1.ContainerPort.hostPort",
  "core.v1.ContainerPort.name",
  "core.v1.ContainerPort.hostIP",
  "core.v1.VolumeMount.readOnly",
  "core.v1.VolumeMount.subPath",
  "core.v1.EnvVar.value",
  "core.v1.ServiceSpec.clusterIP",
  "core.v1.ServiceSpec.type",
  "core.v1.ServicePort.name",
  "core.v1.ServicePort.nodePort",
  "meta.v1.ObjectMeta.namespace",
  "meta.v1.ObjectMeta.generateName",
  "meta.v1.ObjectMeta.resourceVersion",
  "meta.v1.ObjectMeta.uid",
]);

// []byte fields: JSON carries them as base64 strings (d.ts types say only "string").
const BYTES_MAP_FIELDS = new Set(["core.v1.Secret.data", "core.v1.ConfigMap.binaryData"]);

const BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * The byte offset encoding/base64's StdEncoding.Decode reports for malformed input (CorruptInputError),
 * or undefined when the text decodes. Newlines are skipped, as Go does.
 */
export function base64ErrorOffset(src: string): number | undefined {
  const isNewline = (c: string) => c === "\n" || c === "\r";
  let si = 0;
  for (;;) {
    if (si === src.length) return undefined;
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return undefined;
        return si - j;
      }
      const ch = src[si++];
      if (BASE64_ALPHABET.includes(ch)) continue;
      if (isNewline(ch)) {
        j--;
        continue;
      }
      if (ch !== "=") return si - 1;
      // Padding: only after two or three symbols, and it must end the input.
      if (j === 0 || j === 1) return si - 1;
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return src.length;
        if (src[si] !== "=") return si - 1;
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) return si;
      return undefined;
    }
  }
}

function jsonKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "string":
      return "string";
    case "number":
      return "number";
    case "boolean":
      return "bool";
    default:
      return "object";
  }
}

function typeError(state: DecodeState, value: string, struct: string, fieldPath: string, goType: string): void {
  if (state.typeError) return;
  state.typeError = struct
    ? `json: cannot unmarshal ${value} into Go struct field ${struct}.${fieldPath} of type ${goType}`
    : `json: cannot unmarshal ${value} into Go value of type ${goType}`;
}

/** Go prints a number that does not fit the integer type with its text: "number 1.5". */
function numberText(n: number): string {
  return `number ${String(n)}`;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * Decodes `value` as `type`. `structName`/`goPath` are the error context encoding/json keeps (the
 * innermost struct and the dotted JSON path without indices); `path` is the strict-decoding path
 * with indices ("spec.containers[0].image"). Returns undefined for "absent" (null).
 */
function decodeValue(
  value: unknown,
  type: SchemaType,
  state: DecodeState,
  structName: string,
  goPath: string,
  path: string,
): unknown {
  if (value === null || value === undefined) return undefined;
  switch (type.kind) {
    case "string":
      if (typeof value !== "string") typeError(state, jsonKind(value), structName, goPath, "string");
      return typeof value === "string" ? value : undefined;
    case "boolean":
      if (typeof value !== "boolean") typeError(state, jsonKind(value), structName, goPath, "bool");
      return typeof value === "boolean" ? value : undefined;
    case "int32":
    case "int64":
    case "number":
      return decodeNumber(value, type.kind, state, structName, goPath);
    case "IntOrString":
      if (typeof value === "string") return value;
      // IntOrString.UnmarshalJSON decodes a non-string into its int32 IntVal.
      return decodeNumber(value, "int32", state, structName, goPath);
    case "Quantity": {
      if (typeof value !== "string" && typeof value !== "number") {
        // Quantity.UnmarshalJSON parses the raw JSON text ("true", "{…}"), which never matches.
        state.fatal ??= ERR_FORMAT_WRONG;
        return undefined;
      }
      const parsed = parseQuantity(value);
      if (!parsed.ok) {
        state.fatal ??= parsed.error;
        return undefined;
      }
      return formatQuantity(parsed.quantity);
    }
    case "Time":
    case "MicroTime":
      if (typeof value !== "string") {
        typeError(state, jsonKind(value), structName, goPath, "string");
        return undefined;
      }
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
        state.fatal ??= `parsing time "${value}" as "2006-01-02T15:04:05Z07:00": cannot parse "${value}" as "2006"`;
        return undefined;
      }
      return value;
    case "object":
      return value;
    case "array": {
      if (!Array.isArray(value)) {
        typeError(state, jsonKind(value), structName, goPath, goTypeName(type));
        return undefined;
      }
      const out: unknown[] = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        const item = decodeValue(value[i], type.items, state, structName, goPath, `${path}[${i}]`);
        // A null element of a struct slice decodes to the zero struct.
        out[i] = item === undefined ? zeroOf(type.items) : item;
      }
      return out;
    }
    case "map": {
      if (typeof value !== "object" || Array.isArray(value)) {
        typeError(state, jsonKind(value), structName, goPath, goTypeName(type));
        return undefined;
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value as object).sort()) {
        const item = decodeValue((value as Record<string, unknown>)[key], type.values, state, structName, goPath, `${path}.${key}`);
        out[key] = item === undefined ? zeroOf(type.values) : item;
      }
      return out;
    }
    case "ref": {
      const definition = getDefinition(type.key);
      if (!definition) return value;
      if (typeof value !== "object" || Array.isArray(value)) {
        typeError(state, jsonKind(value), structName, goPath, definition.goName);
        return undefined;
      }
      return decodeStruct(value as Record<string, unknown>, definition, state, goPath, path);
    }
  }
}

function zeroOf(type: SchemaType): unknown {
  switch (type.kind) {
    case "string":
    case "Time":
    case "MicroTime":
      return "";
    case "boolean":
      return false;
    case "int32":
    case "int64":
    case "number":
    case "IntOrString":
      return 0;
    case "Quantity":
      return "0";
    case "ref":
      return {};
    default:
      return null;
  }
}

function decodeNumber(
  value: unknown,
  kind: "int32" | "int64" | "number",
  state: DecodeState,
  structName: string,
  goPath: string,
): number | undefined {
  const goType = kind === "number" ? "float64" : kind;
  if (typeof value !== "number") {
    typeError(state, jsonKind(value), structName, goPath, goType);
    return undefined;
  }
  if (kind === "number") return value;
  const fits =
    Number.isInteger(value) &&
    (kind === "int32" ? value >= INT32_MIN && value <= INT32_MAX : Number.isSafeInteger(value) || Math.abs(value) < 2 ** 63);
  if (!fits) {
    typeError(state, numberText(value), structName, goPath, goType);
    return undefined;
  }
  return value;
}

function decodeStruct(
  raw: Record<string, unknown>,
  definition: SchemaDefinition,
  state: DecodeState,
  goPath: string,
  path: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // sigs.k8s.io/yaml marshals maps with sorted keys, so the API server meets fields in sorted order.
  for (const key of Object.keys(raw).sort()) {
    const fieldPath = path ? `${path}.${key}` : key;
    const field = definition.byName.get(key);
    if (!field) {
      state.unknown.push(fieldPath);
      continue;
    }
    const value = decodeValue(raw[key], field.type, state, definition.name, goPath ? `${goPath}.${key}` : key, fieldPath);
    if (BYTES_MAP_FIELDS.has(`${definition.key}.${key}`) && value && typeof value === "object") {
      for (const item of Object.values(value as Record<string, unknown>)) {
        const offset = typeof item === "string" ? base64ErrorOffset(item) : undefined;
        // encoding/json saves this like a type error: the first one wins, decoding goes on.
        if (offset !== undefined) state.typeError ??= `illegal base64 data at input byte ${offset}`;
      }
    }
    if (value === undefined) continue;
    if ((value === false || value === 0 || value === "") && OMIT_ZERO_FIELDS.has(`${definition.key}.${key}`)) continue;
    out[key] = value;
  }
  return out;
}

/** Base64 (StdEncoding) of a string's UTF-8 bytes. */
export function base64EncodeUtf8(text: string): string {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64_ALPHABET[(n >> 18) & 63] + BASE64_ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? BASE64_ALPHABET[(n >> 6) & 63] : "=";
    out += i + 2 < bytes.length ? BASE64_ALPHABET[n & 63] : "=";
  }
  return out;
}

/**
 * Convert_v1_Secret_To_core_Secret: stringData is write-only; its entries overwrite data (base64 of
 * the UTF-8 text) and it is never stored.
 */
function mergeStringData(secret: Record<string, unknown>): void {
  const stringData = secret.stringData as Record<string, unknown> | undefined;
  if (!stringData) return;
  const data: Record<string, unknown> = { ...((secret.data as Record<string, unknown> | undefined) ?? {}) };
  for (const [key, value] of Object.entries(stringData)) data[key] = base64EncodeUtf8(String(value));
  delete secret.stringData;
  secret.data = Object.fromEntries(Object.keys(data).sort().map((k) => [k, data[k]]));
}

export function badRequest(message: string): ApiStatus {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason: "BadRequest", code: 400 };
}

/**
 * Decodes a manifest object (already JSON-shaped: see parseManifests) into the stored form of its kind.
 * Quantities come back canonical ("1024Mi" → "1Gi"), nulls are dropped, fields are sorted.
 */
export function decodeObject(raw: unknown, info: ResourceInfo, options: DecodeOptions = {}): DecodeResult {
  const fieldValidation = options.fieldValidation ?? "Strict";
  const prefix = `${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: `;
  const definition = getDefinition(info.schemaKey);
  if (!definition) return { ok: false, status: badRequest(`${prefix}no kind "${info.kind}" is registered`) };
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return {
      ok: false,
      status: badRequest(`${prefix}json: cannot unmarshal ${jsonKind(raw)} into Go value of type ${definition.goName}`),
    };
  }
  const state: DecodeState = { unknown: [] };
  const object = decodeStruct(raw as Record<string, unknown>, definition, state, "", "");
  if (state.fatal) return { ok: false, status: badRequest(prefix + state.fatal) };
  if (state.typeError) return { ok: false, status: badRequest(prefix + state.typeError) };
  const unknownMessages = state.unknown.map((p) => `unknown field "${p}"`);
  if (unknownMessages.length && fieldValidation === "Strict") {
    return { ok: false, status: badRequest(`${prefix}strict decoding error: ${unknownMessages.join(", ")}`) };
  }
  if (info.kind === "Secret") mergeStringData(object);
  object.apiVersion = info.apiVersion;
  object.kind = info.kind;
  if (!object.metadata) object.metadata = {};
  return {
    ok: true,
    object: object as KubeObject,
    warnings: fieldValidation === "Warn" ? unknownMessages : [],
  };
}

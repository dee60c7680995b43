// Shared pieces of kubectl's object generators (staging/src/k8s.io/kubectl/pkg/generate, pkg/cmd/create):
// result type, Go-style flag value parsing with cobra/pflag error texts, label/env parsing, base64.
import type { ObjectMeta } from "kubernetes-types/meta/v1";
import type { KubeObject } from "../format/kube-object";

/**
 * `error` is the complete stderr kubectl prints, e.g. `error: exactly one NAME is required, got 0\n` +
 * `See 'kubectl create deployment -h' for help and examples\n`.
 */
export type GenerateResult = { ok: true; object: KubeObject } | { ok: false; error: string; commandFailed?: string };

/** Reads a file named on the command line (--from-file, --from-env-file, --cert); undefined when missing. */
export type FileReader = {
  read(path: string): string | undefined;
  /** Files directly inside a directory (names only), or undefined when `path` is not a directory. */
  listDir?(path: string): string[] | undefined;
};

export const fail = (message: string): { ok: false; error: string } => ({ ok: false, error: `error: ${message}\n` });

/** cmdutil.UsageErrorf: the message plus the hint to the command's help. */
export const usageError = (command: string, message: string): { ok: false; error: string } => ({
  ok: false,
  error: `error: ${message}\nSee 'kubectl ${command} -h' for help and examples\n`,
});

/**
 * Cobra's missing required flag error. kubectl logs it through klog (`commandFailed` carries the message;
 * the command prints the klog line with the session's clock), `error` is the plain form.
 */
export const requiredFlags = (...flags: string[]): { ok: false; error: string; commandFailed: string } => {
  const message = `required flag(s) ${flags.map((f) => `"${f}"`).join(", ")} not set`;
  return { ok: false, error: `error: ${message}\n`, commandFailed: message };
};
export const requiredFlag = (flag: string) => requiredFlags(flag);

/** Cobra/pflag's bad flag value error ("Error: invalid argument … See '… --help' for usage."). */
export function invalidFlagValue(command: string, flag: string, value: string, cause: string): { ok: false; error: string } {
  return {
    ok: false,
    error: `Error: invalid argument "${value}" for "${flag}" flag: ${cause}\nSee 'kubectl ${command} --help' for usage.\n`,
  };
}

/** strconv.ParseInt(s, 0, bits) as pflag's intN flags parse; returns the Go error text on failure. */
export function parseGoInt(s: string, bits: 32 | 64): { ok: true; value: number } | { ok: false; cause: string } {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]*|[1-9][0-9_]*|0)$/.exec(s);
  if (!m || s.includes("__") || s.endsWith("_")) return { ok: false, cause: `strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax` };
  const body = m[2].replace(/_/g, "");
  let value: number;
  if (/^0[xX]/.test(body)) value = parseInt(body.slice(2), 16);
  else if (/^0[bB]/.test(body)) value = parseInt(body.slice(2), 2);
  else if (/^0[oO]/.test(body)) value = parseInt(body.slice(2), 8);
  else if (body.length > 1 && body.startsWith("0")) value = parseInt(body.slice(1), 8);
  else value = parseInt(body, 10);
  if (m[1] === "-") value = -value;
  const max = bits === 32 ? 2 ** 31 - 1 : Number.MAX_SAFE_INTEGER;
  if (value > max || value < -max - 1) return { ok: false, cause: `strconv.ParseInt: parsing ${JSON.stringify(s)}: value out of range` };
  return { ok: true, value };
}

/** strconv.Atoi: decimal only; returns the Go error text on failure. */
export function atoi(s: string): { ok: true; value: number } | { ok: false; cause: string } {
  if (!/^[+-]?\d+$/.test(s)) return { ok: false, cause: `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax` };
  const value = Number(s);
  if (!Number.isSafeInteger(value)) return { ok: false, cause: `strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range` };
  return { ok: true, value };
}

/** generate.ParseLabels: "a=b,c=d" into a map. */
export function parseLabels(spec: string): { ok: true; labels: Record<string, string> } | { ok: false; cause: string } {
  const labels: Record<string, string> = {};
  for (const part of spec.split(",")) {
    const kv = part.split("=");
    if (kv.length !== 2) return { ok: false, cause: `unexpected label spec: ${part}` };
    if (kv[0].length === 0) return { ok: false, cause: "unexpected empty label key" };
    labels[kv[0]] = kv[1];
  }
  return { ok: true, labels };
}

const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** validation.IsEnvVarName's message. */
export function envVarNameErrors(name: string): string[] {
  if (ENV_VAR_NAME.test(name)) return [];
  return [
    "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
  ];
}

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

/** validation.IsConfigMapKey's messages. */
export function configMapKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push("must be no more than 253 characters");
  if (!CONFIG_KEY.test(key)) {
    errs.push(
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
  }
  if (key === ".") errs.push("must not be '.'");
  else if (key === "..") errs.push("must not be '..'");
  else if (key.startsWith("..")) errs.push("must not start with '..'");
  return errs;
}

/** UTF-8 bytes of a string (no TextEncoder dependency). */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Standard base64 of the UTF-8 encoding, as Secret.data values are serialized. */
export function base64(s: string): string {
  const bytes = utf8Bytes(s);
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : "=";
    out += i + 2 < bytes.length ? B64[n & 63] : "=";
  }
  return out;
}

/** metadata as the typed ObjectMeta serializes it: name, namespace, creationTimestamp, labels, annotations. */
export function objectMeta(fields: {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: unknown[];
}): ObjectMeta {
  const meta: Record<string, unknown> = {};
  if (fields.name) meta.name = fields.name;
  if (fields.namespace) meta.namespace = fields.namespace;
  meta.creationTimestamp = null;
  if (fields.labels && Object.keys(fields.labels).length > 0) meta.labels = sortedMap(fields.labels);
  if (fields.annotations && Object.keys(fields.annotations).length > 0) meta.annotations = sortedMap(fields.annotations);
  if (fields.ownerReferences && fields.ownerReferences.length > 0) meta.ownerReferences = fields.ownerReferences;
  // creationTimestamp: null is how the zero metav1.Time serializes; ObjectMeta types it as a string.
  return meta as ObjectMeta;
}

/** Go's encoding/json writes map keys sorted (struct fields keep their order): copy a map in that order. */
export function sortedMap<V>(map: Record<string, V>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const k of Object.keys(map).sort()) out[k] = map[k];
  return out;
}

/** Keeps only defined members, preserving the (Go struct) insertion order. */
export function compact<T extends Record<string, unknown>>(fields: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** Flag values as the command parser hands them over: numbers may still be raw text. */
export type IntFlag = number | string;

export function intFlag(command: string, flag: string, value: IntFlag | undefined, bits: 32 | 64): { ok: true; value: number | undefined } | { ok: false; error: string } {
  if (value === undefined) return { ok: true, value: undefined };
  if (typeof value === "number") return { ok: true, value };
  const parsed = parseGoInt(value, bits);
  if (!parsed.ok) return invalidFlagValue(command, flag, value, parsed.cause);
  return { ok: true, value: parsed.value };
}

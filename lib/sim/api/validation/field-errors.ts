// Mirrors k8s.io/apimachinery/pkg/util/validation/field (errors.go) and the Invalid status of
// k8s.io/apimachinery/pkg/api/errors NewInvalid, as kubectl prints it (cmdutil.StandardErrorMessage).
import type { ApiStatus, FieldError, FieldErrorType } from "../types";

/** A value printed with Go's %#v, for the errors whose bad value is a struct, map or slice. */
export type GoValue = { goSyntax: string };

export function goValue(goSyntax: string): GoValue {
  return { goSyntax };
}

function isGoValue(value: unknown): value is GoValue {
  return typeof value === "object" && value !== null && "goSyntax" in value;
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  Required: "Required value",
  Invalid: "Invalid value",
  Unsupported: "Unsupported value",
  NotSupported: "Unsupported value",
  Duplicate: "Duplicate value",
  Forbidden: "Forbidden",
  TooLong: "Too long",
  TooMany: "Too many",
  NotFound: "Not found",
  InternalError: "Internal error",
};

/** Go's %q for a string: double-quoted with Go escapes. */
export function goQuote(value: string): string {
  return JSON.stringify(value).replace(/\\u([0-9a-f]{4})/g, (_, hex: string) => `\\u${hex}`);
}

/** Go's %#v of map[string]string: map[string]string{"a":"b"} with sorted keys. */
export function goStringMap(map: Record<string, unknown> | undefined): string {
  if (!map) return "map[string]string(nil)";
  const entries = Object.keys(map)
    .sort()
    .map((k) => `${goQuote(k)}:${goQuote(String(map[k]))}`);
  return `map[string]string{${entries.join(", ")}}`;
}

/** Go's %#v of []string. */
export function goStringSlice(values: unknown[] | undefined): string {
  if (!values) return "[]string(nil)";
  return `[]string{${values.map((v) => goQuote(String(v))).join(", ")}}`;
}

/** %#v of an intstr.IntOrString value (the form maxSurge/maxUnavailable errors print). */
export function goIntOrString(value: unknown): string {
  if (typeof value === "string") return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(value)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${typeof value === "number" ? value : 0}, StrVal:""}`;
}

/** %#v of a metav1.LabelSelector. */
export function goLabelSelector(selector: Record<string, unknown> | undefined): string {
  const matchLabels = selector?.matchLabels as Record<string, unknown> | undefined;
  const expressions = selector?.matchExpressions as Array<Record<string, unknown>> | undefined;
  const labels = matchLabels ? goStringMap(matchLabels) : "map[string]string(nil)";
  const exprs = expressions
    ? `[]v1.LabelSelectorRequirement{${expressions
        .map(
          (e) =>
            `v1.LabelSelectorRequirement{Key:${goQuote(String(e.key ?? ""))}, Operator:${goQuote(String(e.operator ?? ""))}, Values:${goStringSlice(
              e.values as unknown[] | undefined,
            )}}`,
        )
        .join(", ")}}`
    : "[]v1.LabelSelectorRequirement(nil)";
  return `v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}`;
}

/** field.Error.ErrorBody(): "Invalid value: \"Web\": a lowercase RFC 1123 …". */
export function errorBody(error: FieldError): string {
  let s: string;
  const type = error.type;
  if (type === "Required" || type === "Forbidden" || type === "TooLong" || type === "InternalError" || !error.hasValue) {
    s = TYPE_TEXT[type];
  } else {
    const value = error.value;
    if (value === null || value === undefined) s = `${TYPE_TEXT[type]}: "null"`;
    else if (typeof value === "string") s = `${TYPE_TEXT[type]}: ${goQuote(value)}`;
    else if (typeof value === "number" || typeof value === "boolean") s = `${TYPE_TEXT[type]}: ${String(value)}`;
    else if (isGoValue(value)) s = `${TYPE_TEXT[type]}: ${value.goSyntax}`;
    else s = `${TYPE_TEXT[type]}: ${JSON.stringify(value)}`;
  }
  if (error.detail) s += `: ${error.detail}`;
  return s;
}

/** field.Error.Error(): "spec.containers[0].image: Required value". */
export function formatFieldError(error: FieldError): string {
  return `${error.field}: ${errorBody(error)}`;
}

// Constructors named after field.Required, field.Invalid, …
export function required(field: string, detail = ""): FieldError {
  return { type: "Required", field, detail };
}
export function invalid(field: string, value: unknown, detail: string): FieldError {
  return { type: "Invalid", field, value, hasValue: true, detail };
}
export function notSupported(field: string, value: unknown, supported: string[]): FieldError {
  return {
    type: "NotSupported",
    field,
    value,
    hasValue: true,
    detail: supported.length ? `supported values: ${supported.map(goQuote).join(", ")}` : "",
  };
}
export function duplicate(field: string, value: unknown): FieldError {
  return { type: "Duplicate", field, value, hasValue: true };
}
export function forbidden(field: string, detail: string): FieldError {
  return { type: "Forbidden", field, detail };
}
export function notFound(field: string, value: unknown): FieldError {
  return { type: "NotFound", field, value, hasValue: true };
}
export function tooLong(field: string, maxLength: number): FieldError {
  return { type: "TooLong", field, detail: `may not be more than ${maxLength} bytes` };
}

/** utilerrors.Aggregate's Error(): one message alone, several deduplicated inside brackets. */
export function aggregateMessages(messages: string[]): string {
  if (messages.length === 1) return messages[0];
  const seen: string[] = [];
  for (const m of messages) if (!seen.includes(m)) seen.push(m);
  return seen.length === 1 ? seen[0] : `[${seen.join(", ")}]`;
}

/**
 * The 422 Invalid status for a rejected object. `message` is what kubectl prints for it
 * (`The Pod "web" is invalid: spec.containers[0].image: Required value`).
 */
export function toInvalidStatus(kind: string, name: string, errors: FieldError[], group = ""): ApiStatus {
  const causes = errors.map((e) => ({ reason: fieldErrorCauseType(e.type), message: errorBody(e), field: e.field }));
  const base = `The ${kind} ${goQuote(name)} is invalid`;
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message: errors.length ? `${base}: ${aggregateMessages(errors.map(formatFieldError))}` : base,
    reason: "Invalid",
    details: { name, ...(group ? { group } : {}), kind, causes },
    code: 422,
  };
}

/** metav1.CauseType values are the field.ErrorType strings ("FieldValueRequired", …). */
function fieldErrorCauseType(type: FieldErrorType): string {
  switch (type) {
    case "Required":
      return "FieldValueRequired";
    case "Invalid":
      return "FieldValueInvalid";
    case "Unsupported":
    case "NotSupported":
      return "FieldValueNotSupported";
    case "Duplicate":
      return "FieldValueDuplicate";
    case "Forbidden":
      return "FieldValueForbidden";
    case "TooLong":
      return "FieldValueTooLong";
    case "TooMany":
      return "FieldValueTooMany";
    case "NotFound":
      return "FieldValueNotFound";
    case "InternalError":
      return "InternalError";
  }
}

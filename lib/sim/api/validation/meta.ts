// Mirrors k8s.io/apimachinery/pkg/api/validation/objectmeta.go and metav1 validation (labels,
// annotations, label selectors) plus pkg/apis/core/validation's name functions.
import type { FieldError } from "../types";
import { invalid, required, tooLong, notSupported } from "./field-errors";
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, maxLenError } from "./names";
import { asList, asObj, asString, type Obj } from "./util";

export type NameValidator = (name: string, prefix: boolean) => string[];

/** maskTrailingDash: generateName prefixes may end in "-". */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith("-") ? `${name.slice(0, -2)}a` : name;
}

export const nameIsDNSSubdomain: NameValidator = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
export const nameIsDNSLabel: NameValidator = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);
export const nameIsDNS1035Label: NameValidator = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);

export function validateLabelName(key: string, path: string): FieldError[] {
  return isQualifiedName(key).map((msg) => invalid(path, key, msg));
}

export function validateLabels(labels: unknown, path: string): FieldError[] {
  const map = asObj(labels);
  if (!map) return [];
  const errs: FieldError[] = [];
  for (const key of Object.keys(map).sort()) {
    errs.push(...validateLabelName(key, path));
    const value = String(map[key] ?? "");
    for (const msg of isValidLabelValue(value)) errs.push(invalid(path, value, msg));
  }
  return errs;
}

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

export function validateAnnotations(annotations: unknown, path: string): FieldError[] {
  const map = asObj(annotations);
  if (!map) return [];
  const errs: FieldError[] = [];
  let total = 0;
  for (const key of Object.keys(map).sort()) {
    for (const msg of isQualifiedName(key.toLowerCase())) errs.push(invalid(path, key, msg));
    total += key.length + String(map[key] ?? "").length;
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

/** ValidateObjectMeta for a create. */
export function validateObjectMeta(
  metadata: Obj | undefined,
  namespaced: boolean,
  nameFn: NameValidator,
  path = "metadata",
): FieldError[] {
  const meta = metadata ?? {};
  const errs: FieldError[] = [];
  const name = asString(meta.name);
  const generateName = asString(meta.generateName);
  if (generateName) {
    for (const msg of nameFn(generateName, true)) errs.push(invalid(`${path}.generateName`, generateName, msg));
  }
  if (!name) errs.push(required(`${path}.name`, "name or generateName is required"));
  else for (const msg of nameFn(name, false)) errs.push(invalid(`${path}.name`, name, msg));
  const namespace = asString(meta.namespace);
  if (namespaced) {
    if (!namespace) errs.push(required(`${path}.namespace`, ""));
    else for (const msg of isDNS1123Label(namespace)) errs.push(invalid(`${path}.namespace`, namespace, msg));
  } else if (namespace) {
    errs.push({ type: "Forbidden", field: `${path}.namespace`, detail: "not allowed on this type" });
  }
  errs.push(...validateLabels(meta.labels, `${path}.labels`));
  errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`));
  for (const [i, ref] of asList(meta.ownerReferences).entries()) {
    const refPath = `${path}.ownerReferences[${i}]`;
    if (!asString(ref.apiVersion)) errs.push(invalid(`${refPath}.apiVersion`, ref.apiVersion ?? "", "version must not be empty"));
    if (!asString(ref.kind)) errs.push(invalid(`${refPath}.kind`, ref.kind ?? "", "kind must not be empty"));
    if (!asString(ref.name)) errs.push(invalid(`${refPath}.name`, ref.name ?? "", "name must not be empty"));
    if (!asString(ref.uid)) errs.push(invalid(`${refPath}.uid`, ref.uid ?? "", "uid must not be empty"));
  }
  return errs;
}

/** ValidateObjectMetaUpdate: name, namespace, uid and creationTimestamp cannot change. */
export function validateObjectMetaUpdate(newMeta: Obj | undefined, oldMeta: Obj | undefined, path = "metadata"): FieldError[] {
  const errs: FieldError[] = [];
  const n = newMeta ?? {};
  const o = oldMeta ?? {};
  for (const key of ["name", "namespace", "uid", "creationTimestamp"]) {
    if (o[key] !== undefined && n[key] !== undefined && n[key] !== o[key]) {
      errs.push(invalid(`${path}.${key}`, n[key], "field is immutable"));
    }
  }
  errs.push(...validateLabels(n.labels, `${path}.labels`));
  errs.push(...validateAnnotations(n.annotations, `${path}.annotations`));
  return errs;
}

/** ValidateLabelSelector (metav1 validation). */
export function validateLabelSelector(selector: Obj | undefined, path: string): FieldError[] {
  if (!selector) return [];
  const errs: FieldError[] = [];
  for (const [i, expr] of asList(selector.matchExpressions).entries()) {
    const exprPath = `${path}.matchExpressions[${i}]`;
    const op = asString(expr.operator);
    const values = Array.isArray(expr.values) ? expr.values : [];
    if (op === "In" || op === "NotIn") {
      if (values.length === 0) errs.push(required(`${exprPath}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (op === "Exists" || op === "DoesNotExist") {
      if (values.length > 0) {
        errs.push({ type: "Forbidden", field: `${exprPath}.values`, detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'" });
      }
    } else {
      errs.push(invalid(`${exprPath}.operator`, op, "not a valid selector operator"));
    }
    errs.push(...validateLabelName(asString(expr.key), `${exprPath}.key`));
  }
  errs.push(...validateLabels(selector.matchLabels, `${path}.matchLabels`));
  return errs;
}

export function validateNonnegative(value: unknown, path: string): FieldError[] {
  return typeof value === "number" && value < 0 ? [invalid(path, value, "must be greater than or equal to 0")] : [];
}

export function validateEnum(value: unknown, path: string, supported: string[], requiredIfEmpty = true): FieldError[] {
  const v = asString(value);
  if (!v) return requiredIfEmpty ? [required(path, "")] : [];
  return supported.includes(v) ? [] : [notSupported(path, v, supported)];
}

export { maxLenError };

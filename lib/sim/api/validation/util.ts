// Small typed accessors shared by the validators (objects arrive decoded, but validators stay total).
export type Obj = Record<string, unknown>;

export function asObj(value: unknown): Obj | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : undefined;
}

export function asList(value: unknown): Obj[] {
  return Array.isArray(value) ? value.map((v) => asObj(v) ?? {}) : [];
}

export function asString(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function asStringMap(value: unknown): Record<string, string> {
  const o = asObj(value);
  if (!o) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) out[k] = typeof v === "string" ? v : String(v);
  return out;
}

export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A label selector matches a label set (metav1.LabelSelectorAsSelector(...).Matches). */
export function selectorMatches(selector: Obj | undefined, labels: Record<string, string>): boolean {
  if (!selector) return false;
  const matchLabels = asStringMap(selector.matchLabels);
  for (const [k, v] of Object.entries(matchLabels)) if (labels[k] !== v) return false;
  for (const expr of asList(selector.matchExpressions)) {
    const key = asString(expr.key);
    const values = Array.isArray(expr.values) ? expr.values.map(String) : [];
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (expr.operator) {
      case "In":
        if (!has || !values.includes(labels[key])) return false;
        break;
      case "NotIn":
        if (has && values.includes(labels[key])) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

export function selectorIsEmpty(selector: Obj | undefined): boolean {
  if (!selector) return true;
  return Object.keys(asObj(selector.matchLabels) ?? {}).length === 0 && asList(selector.matchExpressions).length === 0;
}

/** Structural equality of decoded JSON values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => deepEqual(v, bb[i]));
  }
  const ao = a as Obj;
  const bo = b as Obj;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => deepEqual(ao[k], bo[k]));
}

// Semantic comparison for check assertions: Kubernetes quantities by value ("500m" = 0.5 = "0.5",
// "128Mi" = "134217728"), numbers and numeric strings by value, booleans and "true"/"false",
// objects by the fields the expectation names (the API server adds defaults such as a port's
// protocol: TCP), lists of objects as multisets, lists of scalars in order unless unordered.
// The quantity grammar mirrors k8s.io/apimachinery/pkg/api/resource/quantity.go (ParseQuantity);
// lib/sim does not export its parser through the facade, so it is repeated here.

/** An exact rational: value = num / den (den > 0). */
export type TRational = { num: bigint; den: bigint };

const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** Parses a Kubernetes quantity ("100m", "1.5Gi", "2e3", "0.5") to an exact rational. */
export function parseQuantity(text: string): TRational | undefined {
  const m = QUANTITY.exec(text.trim());
  if (!m) return undefined;
  const [, sign, digits, suffix = ""] = m;
  const [whole, frac = ""] = digits.split(".");
  let num = BigInt((whole || "0") + frac) * (sign === "-" ? -1n : 1n);
  let den = 10n ** BigInt(frac.length);
  if (suffix in BINARY) num *= 2n ** BigInt(BINARY[suffix]);
  else {
    const exp = suffix in DECIMAL ? DECIMAL[suffix] : Number(suffix.slice(1));
    if (Math.abs(exp) > 100) return undefined;
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den *= 10n ** BigInt(-exp);
  }
  return { num, den };
}

/** A number, or a string holding a number or a quantity, as a rational; otherwise undefined. */
export function toRational(v: unknown): TRational | undefined {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return undefined;
    return parseQuantity(numberToPlain(v));
  }
  if (typeof v === "string" && v.trim() !== "") return parseQuantity(v);
  return undefined;
}

function numberToPlain(n: number): string {
  // 1e-7 → "0.0000001": quantity syntax accepts e-notation too, but not every JS rendering of it ("1e+21").
  const s = String(n);
  return /e/.test(s) ? n.toFixed(20).replace(/0+$/, "").replace(/\.$/, "") : s;
}

export function compareRational(a: TRational, b: TRational): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

function scalarEqual(observed: unknown, expected: unknown): boolean {
  if (observed === expected) return true;
  if (observed == null || expected == null) return observed == null && expected == null;
  if (typeof observed === "boolean" || typeof expected === "boolean") return String(observed) === String(expected);
  if (typeof observed === "string" && typeof expected === "string" && observed === expected) return true;
  const a = toRational(observed);
  const b = toRational(expected);
  if (a && b) return compareRational(a, b) === 0;
  return false;
}

export type TCompareOptions = { unordered?: boolean };

/**
 * Does `observed` (from the cluster) equal `expected` (from the check)? Objects match when every field
 * the expectation names matches; lists need the same length; lists holding objects match as
 * multisets, lists of scalars in order unless `unordered`.
 */
export function semanticEqual(observed: unknown, expected: unknown, opts: TCompareOptions = {}): boolean {
  if (Array.isArray(expected)) {
    if (!Array.isArray(observed) || observed.length !== expected.length) return false;
    const multiset = opts.unordered || expected.some((e) => e && typeof e === "object") || observed.some((o) => o && typeof o === "object");
    if (!multiset) return expected.every((e, i) => semanticEqual(observed[i], e));
    return matchMultiset(observed, expected);
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(observed)) return false;
    return Object.entries(expected).every(([k, v]) => semanticEqual(observed[k], v));
  }
  if (Array.isArray(observed) || isPlainObject(observed)) return false;
  return scalarEqual(observed, expected);
}

/** Bipartite matching by backtracking; lists in checks are short. */
function matchMultiset(observed: unknown[], expected: unknown[]): boolean {
  const used = new Array<boolean>(observed.length).fill(false);
  const assign = (i: number): boolean => {
    if (i === expected.length) return true;
    for (let j = 0; j < observed.length; j++) {
      if (used[j] || !semanticEqual(observed[j], expected[i])) continue;
      used[j] = true;
      if (assign(i + 1)) return true;
      used[j] = false;
    }
    return false;
  };
  return assign(0);
}

/** For `contains` on a list: an element equal to `expected` (objects: by the fields it names). */
export function listContains(list: unknown[], expected: unknown): boolean {
  return list.some((e) => semanticEqual(e, expected));
}

/** -1, 0, 1, or undefined when the two are not comparable as numbers/quantities. */
export function compareOrdered(observed: unknown, bound: unknown): number | undefined {
  const a = toRational(observed);
  const b = toRational(bound);
  if (!a || !b) return undefined;
  return compareRational(a, b);
}

/** A value as a check result shows it: strings as they are, everything else as JSON. */
export function renderValue(v: unknown): string {
  if (v === undefined) return "<none>";
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

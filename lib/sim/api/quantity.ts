// Mirrors k8s.io/apimachinery/pkg/api/resource (quantity.go, suffix.go, amount.go): parsing, nano
// rounding and canonical formatting of resource.Quantity, exactly as the API server stores it.
//
// A quantity is held as an exact BigInt count of nano-units (10^-9): upstream rounds every non-zero
// value up to the nearest nano at parse time, so nano-units lose nothing and never drift like floats.

export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

export type Quantity = {
  /** value × 10^9, exact */
  nano: bigint;
  format: QuantityFormat;
  /** The text as given, when ParseQuantity keeps it (see keepsOriginalText); String() returns it. */
  original?: string;
};

export type ParseQuantityResult = { ok: true; quantity: Quantity } | { ok: false; error: string };

export const QUANTITY_REGEX_TEXT = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";
export const ERR_FORMAT_WRONG = `quantities must match the regular expression '${QUANTITY_REGEX_TEXT}'`;
export const ERR_NUMERIC = "unable to parse numeric part of quantity";
export const ERR_SUFFIX = "unable to parse quantity's suffix";

const NANO = 1_000_000_000n;
// Upstream caps BinarySI quantities at math.MaxInt64 (quantity.go maxAllowed).
const MAX_ALLOWED_NANO = 9223372036854775807n * NANO;

const DECIMAL_SUFFIXES: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  "": 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_BY_EXPONENT = new Map(Object.entries(BINARY_SUFFIXES).map(([s, e]) => [e, s]));

const SUFFIX_CHARS = /^[eEinumkKMGTP]*[-+]?[0-9]*$/;

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/**
 * parseQuantityString: sign, numerator without leading zeros ("0" when empty), denominator digits and
 * suffix. "." and "-0" are valid (zero); "1.G" is valid; anything outside the grammar is refused.
 */
function splitQuantity(str: string): { negative: boolean; num: string; denom: string; suffix: string } | null {
  let pos = 0;
  const end = str.length;
  let negative = false;
  if (str[0] === "-") {
    negative = true;
    pos++;
  } else if (str[0] === "+") pos++;
  while (pos < end && str[pos] === "0") pos++;
  if (pos >= end) return { negative, num: "0", denom: "", suffix: "" };
  const numStart = pos;
  while (pos < end && str[pos] >= "0" && str[pos] <= "9") pos++;
  const num = str.slice(numStart, pos) || "0";
  let denom = "";
  if (str[pos] === ".") {
    pos++;
    const denomStart = pos;
    while (pos < end && str[pos] >= "0" && str[pos] <= "9") pos++;
    denom = str.slice(denomStart, pos);
  }
  const suffix = str.slice(pos);
  if (!SUFFIX_CHARS.test(suffix)) return null;
  return { negative, num, denom, suffix };
}

/** Interprets a suffix: decimal SI, binary SI, or a decimal exponent such as "e3" / "E-2". */
function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | null {
  if (suffix in DECIMAL_SUFFIXES) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix], format: "DecimalSI" };
  if (suffix in BINARY_SUFFIXES) return { base: 2, exponent: BINARY_SUFFIXES[suffix], format: "BinarySI" };
  if (suffix.length > 1 && (suffix[0] === "e" || suffix[0] === "E")) {
    const rest = suffix.slice(1);
    if (/^[-+]?[0-9]+$/.test(rest)) {
      const exponent = Number.parseInt(rest, 10);
      if (Number.isSafeInteger(exponent)) return { base: 10, exponent, format: "DecimalExponent" };
    }
  }
  return null;
}

/** Divides rounding away from zero (inf.RoundUp). */
function divRoundUp(numerator: bigint, denominator: bigint): bigint {
  const q = numerator / denominator;
  return q * denominator === numerator ? q : q + 1n;
}

/**
 * ParseQuantity: "500m", "0.5", "128Mi", "1e3", 1.5 … A JSON/YAML number is parsed from its text, as
 * Quantity.UnmarshalJSON does for an unquoted value.
 */
export function parseQuantity(input: string | number): ParseQuantityResult {
  // UnmarshalJSON trims the text; a JSON number arrives as its literal text.
  const str = typeof input === "number" ? numberToQuantityText(input) : input.trim();
  if (str.length === 0) return { ok: false, error: ERR_FORMAT_WRONG };
  if (str === "0") return { ok: true, quantity: { nano: 0n, format: "DecimalSI", original: "0" } };
  const parts = splitQuantity(str);
  if (!parts) return { ok: false, error: ERR_FORMAT_WRONG };
  const suffix = interpretSuffix(parts.suffix);
  if (!suffix) return { ok: false, error: ERR_SUFFIX };
  // Huge exponents would make BigInt arithmetic explode; inf.Dec would not finish either.
  if (suffix.base === 10 && Math.abs(suffix.exponent) > 1000) return { ok: false, error: ERR_NUMERIC };

  const digits = BigInt(parts.num + parts.denom);
  // value = digits × 10^-(denom length) × base^exponent; in nano units: × 10^9.
  let numerator = digits;
  let scale10 = 9 - parts.denom.length; // power of ten still to apply
  if (suffix.base === 10) scale10 += suffix.exponent;
  else numerator = numerator << BigInt(suffix.exponent);
  let nano: bigint;
  if (scale10 >= 0) nano = numerator * pow10(scale10);
  else nano = divRoundUp(numerator, pow10(-scale10));

  let format = suffix.format;
  if (format === "BinarySI" && nano > MAX_ALLOWED_NANO) nano = MAX_ALLOWED_NANO;
  // A binary quantity below one unit is shown in decimal (e.g. "0.0001Ki" is not whole).
  if (format === "BinarySI" && nano < NANO && nano > 0n) format = "DecimalSI";
  if (parts.negative) nano = -nano;
  const quantity: Quantity = { nano, format };
  if (keepsOriginalText(parts.num, parts.denom, suffix)) quantity.original = str;
  return { ok: true, quantity };
}

/**
 * ParseQuantity's fast path keeps the text as given when it is already "canonical enough": e.g.
 * "1E3", "12.", "+1", "01", "1.500", "7Ki" print back unchanged, while "1000" becomes "1k".
 */
function keepsOriginalText(num: string, denom: string, suffix: { base: 2 | 10; exponent: number; format: QuantityFormat }): boolean {
  const shifted = num + denom;
  if (suffix.format === "BinarySI") {
    if (denom.length > 0) return false;
    const precision = 15 - num.length - Math.trunc((suffix.exponent * 3) / 10) - 1;
    if (precision < 0) return false;
    const value = BigInt(shifted);
    const result = value << BigInt(suffix.exponent);
    if (result > 9223372036854775807n) return false;
    return suffix.exponent % 10 === 0 && (value & 7n) !== 0n;
  }
  const precision = 18 - (num.length + denom.length);
  const scale = suffix.exponent - denom.length;
  if (precision < 0 || scale < -9) return false;
  return scale % 3 === 0 && !shifted.endsWith("000") && shifted[0] !== "0";
}

/** Text of a JSON number as encoding/json writes it (same as JavaScript's for finite numbers: "1e+21"). */
function numberToQuantityText(n: number): string {
  return String(n);
}

/** Strips all factors of `factor` from a non-zero value, returning the rest and how many were removed. */
function removeFactors(value: bigint, factor: bigint): [bigint, number] {
  let times = 0;
  while (value !== 0n && value % factor === 0n) {
    value /= factor;
    times++;
  }
  return [value, times];
}

/** Quantity.String(): the canonical form the API server stores ("0.5" → "500m", "1024Mi" → "1Gi"). */
export function formatQuantity(q: Quantity): string {
  if (q.original !== undefined) return q.original;
  if (q.nano === 0n) return "0";
  let format = q.format;
  if (format === "BinarySI") {
    if (q.nano > -1024n * NANO && q.nano < 1024n * NANO) format = "DecimalSI";
    else if (q.nano % NANO !== 0n) format = "DecimalSI";
  }
  if (format === "BinarySI") {
    const whole = q.nano / NANO;
    let [amount, times] = removeFactors(whole, 1024n);
    // Only Ki…Ei exist; larger powers stay in the number.
    while (times > 6) {
      amount *= 1024n;
      times--;
    }
    return amount.toString() + (BINARY_BY_EXPONENT.get(times * 10) ?? "");
  }
  // AsCanonicalBytes: strip factors of ten, then lower the exponent to a multiple of three.
  const [stripped, times] = removeFactors(q.nano, 10n);
  let amount = stripped;
  let exponent = times - 9;
  const mod = ((exponent % 3) + 3) % 3;
  if (mod !== 0) {
    amount *= pow10(mod);
    exponent -= mod;
  }
  if (format === "DecimalExponent") return amount.toString() + (exponent === 0 ? "" : `e${exponent}`);
  const suffix = DECIMAL_BY_EXPONENT.get(exponent);
  return amount.toString() + (suffix ?? `e${exponent}`);
}

/** Cmp: -1, 0 or 1. */
export function compareQuantity(a: Quantity, b: Quantity): -1 | 0 | 1 {
  return a.nano < b.nano ? -1 : a.nano > b.nano ? 1 : 0;
}

/** Canonicalizes a quantity string; returns the parse error when it is not a quantity. */
export function canonicalQuantity(input: string | number): ParseQuantityResult & { text?: string } {
  const parsed = parseQuantity(input);
  return parsed.ok ? { ...parsed, text: formatQuantity(parsed.quantity) } : parsed;
}

/** MilliValue(): the value in milli-units, rounded up (the scheduler's CPU unit). */
export function quantityMilliValue(q: Quantity): number {
  return Number(divRoundUpSigned(q.nano, 1_000_000n));
}

/** Value(): the value in whole units, rounded up (the scheduler's memory/storage unit). */
export function quantityValue(q: Quantity): number {
  return Number(divRoundUpSigned(q.nano, NANO));
}

function divRoundUpSigned(n: bigint, d: bigint): bigint {
  return n < 0n ? -divRoundUp(-n, d) : divRoundUp(n, d);
}

export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nano: a.nano + b.nano, format: a.nano === 0n ? b.format : a.format };
}

export function subtractQuantity(a: Quantity, b: Quantity): Quantity {
  return { nano: a.nano - b.nano, format: a.format };
}

export function zeroQuantity(format: QuantityFormat = "DecimalSI"): Quantity {
  return { nano: 0n, format };
}

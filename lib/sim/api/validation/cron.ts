// Mirrors github.com/robfig/cron/v3 ParseStandard (parser.go), which CronJob validation and the CronJob
// controller use: five fields or a descriptor (@hourly, @every 1h, …), with its error messages.

export type CronField = { bits: bigint };
export type CronSchedule =
  | { kind: "spec"; minute: bigint; hour: bigint; dom: bigint; month: bigint; dow: bigint; domStar: boolean; dowStar: boolean }
  | { kind: "every"; seconds: number };

type Bounds = { min: number; max: number; names?: Record<string, number> };

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 },
};
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

class CronError extends Error {}

function fail(message: string): never {
  throw new CronError(message);
}

function bitRange(min: number, max: number, step: number): bigint {
  let bits = 0n;
  for (let i = min; i <= max; i += step) bits |= 1n << BigInt(i);
  return bits;
}

/** mustParseInt: strconv.Atoi plus the non-negative check. */
function mustParseInt(expr: string): number {
  if (!/^[+-]?[0-9]+$/.test(expr)) fail(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const num = Number.parseInt(expr, 10);
  if (num < 0) fail(`negative number (${num}) not allowed: ${expr}`);
  return num;
}

function parseIntOrName(expr: string, names?: Record<string, number>): number {
  if (names) {
    const named = names[expr.toLowerCase()];
    if (named !== undefined) return named;
  }
  return mustParseInt(expr);
}

/** getRange: "*", "?", "a", "a-b", with an optional "/step". */
function getRange(expr: string, r: Bounds): { bits: bigint; star: boolean } {
  const rangeAndStep = expr.split("/");
  const lowAndHigh = rangeAndStep[0].split("-");
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === "*" || lowAndHigh[0] === "?") {
    start = r.min;
    end = r.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0], r.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], r.names);
    else fail(`too many hyphens: ${expr}`);
  }
  let step: number;
  if (rangeAndStep.length === 1) step = 1;
  else if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    // "N/step" means "N-max/step".
    if (singleDigit) end = r.max;
    if (step > 1) star = false;
  } else fail(`too many slashes: ${expr}`);
  if (start < r.min) fail(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > r.max) fail(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) fail(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) fail(`step of range should be a positive number: ${expr}`);
  return { bits: bitRange(start, end, step), star };
}

function getField(field: string, r: Bounds): { bits: bigint; star: boolean } {
  let bits = 0n;
  let star = false;
  for (const expr of field.split(",")) {
    const part = getRange(expr, r);
    bits |= part.bits;
    star ||= part.star;
  }
  return { bits, star };
}

/** Go's time.ParseDuration for the common forms ("1h30m", "90s", "1.5h"). */
function parseDuration(text: string): number {
  const re = /([0-9]*\.?[0-9]+)(ns|us|µs|ms|s|m|h)/g;
  const units: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  if (!/^([0-9]*\.?[0-9]+(ns|us|µs|ms|s|m|h))+$/.test(text)) fail(`failed to parse duration @every ${text}: time: invalid duration ${JSON.stringify(text)}`);
  let total = 0;
  for (const match of text.matchAll(re)) total += Number.parseFloat(match[1]) * units[match[2]];
  return total;
}

function parseDescriptor(descriptor: string): CronSchedule {
  const all = (r: Bounds) => bitRange(r.min, r.max, 1);
  const one = (n: number) => 1n << BigInt(n);
  const spec = (minute: bigint, hour: bigint, dom: bigint, month: bigint, dow: bigint, domStar: boolean, dowStar: boolean) =>
    ({ kind: "spec", minute, hour, dom, month, dow, domStar, dowStar }) as const;
  switch (descriptor) {
    case "@yearly":
    case "@annually":
      return spec(one(0), one(0), one(1), one(1), all(DOW), false, true);
    case "@monthly":
      return spec(one(0), one(0), one(1), all(MONTHS), all(DOW), false, true);
    case "@weekly":
      return spec(one(0), one(0), all(DOM), all(MONTHS), one(0), true, false);
    case "@daily":
    case "@midnight":
      return spec(one(0), one(0), all(DOM), all(MONTHS), all(DOW), true, true);
    case "@hourly":
      return spec(one(0), all(HOURS), all(DOM), all(MONTHS), all(DOW), true, true);
    default:
      if (descriptor.startsWith("@every ")) {
        const seconds = parseDuration(descriptor.slice("@every ".length));
        return { kind: "every", seconds: Math.max(1, Math.floor(seconds)) };
      }
      return fail(`unrecognized descriptor: ${descriptor}`);
  }
}

export type ParseCronResult = { ok: true; schedule: CronSchedule } | { ok: false; error: string };

/** cron.ParseStandard. */
export function parseCronSchedule(spec: string): ParseCronResult {
  try {
    if (spec.length === 0) fail("empty spec string");
    let text = spec;
    // TZ=/CRON_TZ= prefixes are handled (and refused) by CronJob validation before parsing.
    if (text.startsWith("TZ=") || text.startsWith("CRON_TZ=")) {
      const space = text.indexOf(" ");
      text = space >= 0 ? text.slice(space).trim() : "";
    }
    if (text.startsWith("@")) return { ok: true, schedule: parseDescriptor(text) };
    const fields = text.split(/\s+/).filter((f) => f !== "");
    if (fields.length !== 5) fail(`expected exactly 5 fields, found ${fields.length}: [${fields.join(" ")}]`);
    const minute = getField(fields[0], MINUTES);
    const hour = getField(fields[1], HOURS);
    const dom = getField(fields[2], DOM);
    const month = getField(fields[3], MONTHS);
    const dow = getField(fields[4], DOW);
    return {
      ok: true,
      schedule: {
        kind: "spec",
        minute: minute.bits,
        hour: hour.bits,
        dom: dom.bits,
        month: month.bits,
        dow: dow.bits,
        domStar: dom.star,
        dowStar: dow.star,
      },
    };
  } catch (error) {
    if (error instanceof CronError) return { ok: false, error: error.message };
    throw error;
  }
}

// Mirrors github.com/robfig/cron/v3 (ParseStandard, SpecSchedule.Next) as the CronJob controller
// uses it: five fields (minute hour day-of-month month day-of-week) with *, ?, ranges, steps, lists
// and JAN–DEC / SUN–SAT names, the @yearly/@annually/@monthly/@weekly/@daily/@midnight/@hourly and
// @every descriptors, and a CRON_TZ=/TZ= prefix. Day-of-month and day-of-week are OR-ed when both
// are restricted, as in Vixie cron.
import { utcFields, msFromUtc } from "../core/time";

export type CronSchedule =
  | { kind: "spec"; minute: Set<number>; hour: Set<number>; dom: Set<number>; month: Set<number>; dow: Set<number>; domStar: boolean; dowStar: boolean; offsetMs: number }
  | { kind: "every"; everyMs: number };

const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DOW_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

const DESCRIPTORS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

// Zones without daylight-saving time that the simulator can evaluate exactly (offset in minutes).
const FIXED_ZONES: Record<string, number> = {
  UTC: 0,
  "Etc/UTC": 0,
  GMT: 0,
  "Etc/GMT": 0,
  "Asia/Shanghai": 480,
  "Asia/Hong_Kong": 480,
  "Asia/Singapore": 480,
  "Asia/Taipei": 480,
  "Asia/Tokyo": 540,
  "Asia/Seoul": 540,
  "Asia/Kolkata": 330,
  "Asia/Dubai": 240,
};

/** The UTC offset of a time zone name, or an error like Go's time.LoadLocation. */
export function zoneOffsetMs(name: string): { ok: true; offsetMs: number } | { ok: false; error: string } {
  if (name === "" || name === "Local") return { ok: true, offsetMs: 0 };
  if (name in FIXED_ZONES) return { ok: true, offsetMs: FIXED_ZONES[name] * 60_000 };
  const m = /^Etc\/GMT([+-])(\d{1,2})$/.exec(name);
  // POSIX-style names: Etc/GMT+5 is five hours *behind* UTC.
  if (m && Number(m[2]) <= 14) return { ok: true, offsetMs: (m[1] === "+" ? -1 : 1) * Number(m[2]) * 3_600_000 };
  return { ok: false, error: `unknown time zone ${name}` };
}

function parseField(text: string, min: number, max: number, names?: string[]): { set: Set<number>; star: boolean } | string {
  const set = new Set<number>();
  let star = false;
  for (const part of text.split(",")) {
    const [rangePart, stepPart, extra] = part.split("/");
    if (extra !== undefined) return `too many slashes: ${part}`;
    let lo: number;
    let hi: number;
    const value = (v: string): number | string => {
      const n = names?.indexOf(v.toLowerCase()) ?? -1;
      if (n >= 0) return n + (min === 1 && names === MONTH_NAMES ? 1 : 0);
      if (!/^\d+$/.test(v)) return `failed to parse int from ${v}: strconv.Atoi: parsing "${v}": invalid syntax`;
      return Number(v);
    };
    if (rangePart === "*" || rangePart === "?") {
      lo = min;
      hi = max;
      if (stepPart === undefined) star = true;
    } else {
      const [a, b, more] = rangePart.split("-");
      if (more !== undefined) return `too many hyphens: ${rangePart}`;
      const va = value(a);
      if (typeof va === "string") return va;
      lo = va;
      if (b !== undefined) {
        const vb = value(b);
        if (typeof vb === "string") return vb;
        hi = vb;
      } else hi = stepPart !== undefined ? max : lo;
    }
    let step = 1;
    if (stepPart !== undefined) {
      if (!/^\d+$/.test(stepPart)) return `failed to parse int from ${stepPart}: strconv.Atoi: parsing "${stepPart}": invalid syntax`;
      step = Number(stepPart);
      if (step === 0) return `step of range should be a positive number: ${part}`;
    }
    if (lo < min) return `beginning of range (${lo}) below minimum (${min}): ${part}`;
    if (hi > max) return `end of range (${hi}) above maximum (${max}): ${part}`;
    if (lo > hi) return `beginning of range (${lo}) beyond end of range (${hi}): ${part}`;
    for (let v = lo; v <= hi; v += step) set.add(v);
  }
  return { set, star };
}

/** cron.ParseStandard plus the TZ= / CRON_TZ= prefix; errors carry robfig's wording. */
export function parseSchedule(text: string, timeZone?: string | null): { ok: true; schedule: CronSchedule } | { ok: false; error: string } {
  let spec = text.trim();
  let zone = timeZone ?? "";
  const tz = /^(?:CRON_TZ|TZ)=(\S+)\s+(.*)$/.exec(spec);
  if (tz) {
    zone = tz[1];
    spec = tz[2].trim();
  }
  const off = zoneOffsetMs(zone);
  if (!off.ok) return { ok: false, error: `provided bad location ${zone}: ${off.error}` };
  if (spec.startsWith("@every ")) {
    const d = parseGoDuration(spec.slice(7).trim());
    if (d === undefined) return { ok: false, error: `failed to parse duration ${spec}` };
    return { ok: true, schedule: { kind: "every", everyMs: Math.max(1000, Math.floor(d / 1000) * 1000) } };
  }
  if (spec.startsWith("@")) {
    const d = DESCRIPTORS[spec];
    if (!d) return { ok: false, error: `unrecognized descriptor: ${spec}` };
    spec = d;
  }
  const fields = spec.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return { ok: false, error: `expected exactly 5 fields, found ${fields.length}: ${spec}` };
  const minute = parseField(fields[0], 0, 59);
  const hour = parseField(fields[1], 0, 23);
  const dom = parseField(fields[2], 1, 31);
  const month = parseField(fields[3], 1, 12, MONTH_NAMES);
  const dow = parseField(fields[4], 0, 6, DOW_NAMES);
  for (const f of [minute, hour, dom, month, dow]) if (typeof f === "string") return { ok: false, error: f };
  const [mi, h, d, mo, w] = [minute, hour, dom, month, dow] as { set: Set<number>; star: boolean }[];
  return {
    ok: true,
    schedule: { kind: "spec", minute: mi.set, hour: h.set, dom: d.set, month: mo.set, dow: w.set, domStar: d.star, dowStar: w.star, offsetMs: off.offsetMs },
  };
}

function parseGoDuration(text: string): number | undefined {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let rest = text;
  if (!rest) return undefined;
  while (rest) {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)/.exec(rest);
    if (!m) return undefined;
    total += Number(m[1]) * units[m[2]];
    rest = rest.slice(m[0].length);
  }
  return total;
}

/** SpecSchedule.Next: the first activation strictly after `afterMs` (whole seconds). */
export function nextTime(s: CronSchedule, afterMs: number): number {
  if (s.kind === "every") return Math.floor(afterMs / 1000) * 1000 + s.everyMs;
  // Work in the zone's wall-clock time, starting at the next whole minute.
  let t = Math.floor((afterMs + s.offsetMs) / 60_000) * 60_000 + 60_000;
  const limit = t + 5 * 366 * 86_400_000;
  while (t < limit) {
    const f = utcFields(t);
    if (!s.month.has(f.month)) {
      t = f.month === 12 ? msFromUtc(f.year + 1, 1, 1) : msFromUtc(f.year, f.month + 1, 1);
      continue;
    }
    const domMatch = s.dom.has(f.day);
    const dowMatch = s.dow.has(f.weekday);
    const dayOk = s.domStar || s.dowStar ? domMatch && dowMatch : domMatch || dowMatch;
    if (!dayOk) {
      t = msFromUtc(f.year, f.month, f.day) + 86_400_000;
      continue;
    }
    if (!s.hour.has(f.hour)) {
      t = msFromUtc(f.year, f.month, f.day, f.hour) + 3_600_000;
      continue;
    }
    if (!s.minute.has(f.minute)) {
      t += 60_000;
      continue;
    }
    return t - s.offsetMs;
  }
  return Number.POSITIVE_INFINITY;
}

// The simulator's one implementation of UTC calendar arithmetic, and virtual wall-clock formatting without `Date` (lib/sim must not read the host clock): RFC 3339 in UTC
// with second precision, as Kubernetes serialises metav1.Time, and MicroTime for events.

export function daysFromCivil(y: number, m: number, d: number): number {
  // Howard Hinnant's days_from_civil: days since 1970-01-01 for a proleptic Gregorian date.
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [y + (m <= 2 ? 1 : 0), m, d];
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

// formatTime/parseTime run on every status write and event; most calls repeat the previous instant.
let lastFormatSec = NaN;
let lastFormatText = "";
const parsed = new Map<string, number>();
const PARSED_MAX = 4096;

/** `2025-01-01T00:00:05Z` — metav1.Time's wire form (seconds precision). */
export function formatTime(ms: number): string {
  const totalSec = Math.floor(ms / 1000);
  if (totalSec === lastFormatSec) return lastFormatText;
  lastFormatSec = totalSec;
  lastFormatText = formatSeconds(totalSec);
  return lastFormatText;
}

function formatSeconds(totalSec: number): string {
  const days = Math.floor(totalSec / 86400);
  const secOfDay = totalSec - days * 86400;
  const [y, m, d] = civilFromDays(days);
  const hh = Math.floor(secOfDay / 3600);
  const mm = Math.floor((secOfDay % 3600) / 60);
  const ss = secOfDay % 60;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(hh)}:${pad(mm)}:${pad(ss)}Z`;
}

/** `2025-01-01T00:00:05.123456Z` — metav1.MicroTime (events' eventTime). */
export function formatMicroTime(ms: number): string {
  const base = formatTime(ms);
  const micros = Math.round((ms - Math.floor(ms / 1000) * 1000) * 1000);
  return `${base.slice(0, -1)}.${pad(micros, 6)}Z`;
}

/** Parses RFC 3339 (`Z` or ±hh:mm offsets, optional fraction) to ms since the epoch; NaN when invalid. */
export function parseTime(text: string): number {
  const hit = parsed.get(text);
  if (hit !== undefined) return hit;
  const v = parseTimeUncached(text);
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(text, v);
  return v;
}

function parseTimeUncached(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.exec(text);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  let ms = daysFromCivil(+y, +mo, +d) * 86400000 + (+h * 3600 + +mi * 60 + +s) * 1000;
  if (frac) ms += Math.floor(Number(`0${frac}`) * 1000);
  if (tz !== "Z" && tz !== "z") {
    const sign = tz[0] === "-" ? -1 : 1;
    ms -= sign * (Number(tz.slice(1, 3)) * 3600 + Number(tz.slice(4, 6)) * 60) * 1000;
  }
  return ms;
}

/** Default start of virtual time for a new cluster: 2025-01-01T00:00:00Z. */
export const DEFAULT_START_MS = daysFromCivil(2025, 1, 1) * 86400000;

/** Calendar fields in UTC for the cron scheduler and `date`. */
export function utcFields(ms: number): { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number } {
  const totalSec = Math.floor(ms / 1000);
  const days = Math.floor(totalSec / 86400);
  const secOfDay = totalSec - days * 86400;
  const [year, month, day] = civilFromDays(days);
  // 1970-01-01 was a Thursday (4).
  const weekday = (((days % 7) + 7 + 4) % 7);
  return { year, month, day, hour: Math.floor(secOfDay / 3600), minute: Math.floor((secOfDay % 3600) / 60), second: secOfDay % 60, weekday };
}

export function msFromUtc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return (daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second) * 1000;
}

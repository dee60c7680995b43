// Mirrors k8s.io/apimachinery/pkg/util/duration (HumanDuration, ShortHumanDuration) and the timestamp helpers
// of pkg/printers/internalversion/printers.go. lib/sim may not use Date; the calendar arithmetic is core/time.ts's.

import { civilFromDays as civilDays, daysFromCivil } from "../../core/time";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const [year, month, day] = civilDays(days);
  return { year, month, day };
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Parses an RFC 3339 timestamp (metav1.Time / MicroTime) into ms since the epoch; undefined when malformed. */
export function parseTimestamp(value: string | undefined | null): number | undefined {
  if (!value) return undefined;
  const m = RFC3339.exec(value);
  if (!m) return undefined;
  const days = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  let ms = days * 86400000 + Number(m[4]) * HOUR + Number(m[5]) * MINUTE + Number(m[6]) * SECOND;
  if (m[7]) ms += Math.floor(Number(`0${m[7]}`) * 1000);
  if (m[8] !== "Z" && m[8] !== "z") {
    const sign = m[8][0] === "-" ? -1 : 1;
    ms -= sign * (Number(m[8].slice(1, 3)) * HOUR + Number(m[8].slice(4, 6)) * MINUTE);
  }
  return ms;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function splitMs(ms: number) {
  const days = Math.floor(ms / 86400000);
  const rest = ms - days * 86400000;
  return {
    ...civilFromDays(days),
    weekday: (((days + 4) % 7) + 7) % 7, // 1970-01-01 was a Thursday
    hour: Math.floor(rest / HOUR),
    minute: Math.floor((rest % HOUR) / MINUTE),
    second: Math.floor((rest % MINUTE) / SECOND),
  };
}

/** metav1.Time as serialized: "2006-01-02T15:04:05Z" (UTC, second precision). */
export function formatTimestamp(ms: number): string {
  const t = splitMs(ms);
  return `${t.year}-${pad2(t.month)}-${pad2(t.day)}T${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}Z`;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Go's time.RFC1123Z ("Mon, 02 Jan 2006 15:04:05 -0700"), which describe uses; the simulator runs in UTC. */
export function formatRfc1123z(ms: number): string {
  const t = splitMs(ms);
  return `${WEEKDAYS[t.weekday]}, ${pad2(t.day)} ${MONTHS[t.month - 1]} ${t.year} ${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)} +0000`;
}

/** duration.HumanDuration: ~2-3 significant figures, e.g. 90s, 2m30s, 5h10m, 3d4h, 2y30d. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const years = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** duration.ShortHumanDuration: one unit only, e.g. 45s, 12m, 5h, 3d, 2y. */
export function shortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** The AGE column (translateTimestampSince): "<unknown>" for a missing timestamp, else HumanDuration(now - t). */
export function formatAge(creation: number | string | undefined | null, nowMs: number): string {
  const ms = typeof creation === "string" ? parseTimestamp(creation) : (creation ?? undefined);
  if (ms === undefined || ms === null) return "<unknown>";
  return humanDuration(nowMs - ms);
}

/** translateTimestampUntil: "<unknown>" for a missing timestamp, else HumanDuration(t - now). */
export function formatUntil(timestamp: string | undefined, nowMs: number): string {
  const ms = parseTimestamp(timestamp);
  if (ms === undefined) return "<unknown>";
  return humanDuration(ms - nowMs);
}

// strftime and calendar fields for the runtime's commands; the calendar arithmetic is core/time.ts's.
import { civilFromDays, daysFromCivil } from "../core/time";

export { daysFromCivil };
export type CivilTime = { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number; weekday: number };

export function civilFromMs(epochMs: number): CivilTime {
  const ms = Math.floor(epochMs);
  const days = Math.floor(ms / 86_400_000);
  const rem = ms - days * 86_400_000;
  const [year, month, day] = civilFromDays(days);
  // 1970-01-01 was a Thursday (weekday 4, Sunday = 0).
  const weekday = (((days % 7) + 7 + 4) % 7);
  return {
    year, month, day,
    hour: Math.floor(rem / 3_600_000), minute: Math.floor((rem % 3_600_000) / 60_000),
    second: Math.floor((rem % 60_000) / 1000), ms: rem % 1000, weekday,
  };
}

export const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export const pad = (n: number, width = 2) => String(n).padStart(width, "0");

// nginx formats the same few patterns for every request and log line: keep the last result per format.
const lastByFormat = new Map<string, { ms: number; text: string }>();

/** strftime subset used by `date +FORMAT`, nginx logs and ls -l. */
export function strftime(format: string, epochMs: number): string {
  const last = lastByFormat.get(format);
  if (last && last.ms === epochMs) return last.text;
  const text = strftimeUncached(format, epochMs);
  if (lastByFormat.size > 64) lastByFormat.clear();
  lastByFormat.set(format, { ms: epochMs, text });
  return text;
}

type Piece = string | ((t: CivilTime, epochMs: number) => string);
const compiled = new Map<string, Piece[]>();

/** The format split once into literal text and field formatters. */
function compile(format: string): Piece[] {
  let pieces = compiled.get(format);
  if (pieces) return pieces;
  pieces = [];
  let last = 0;
  for (const m of format.matchAll(/%([a-zA-Z%])/g)) {
    if (m.index! > last) pieces.push(format.slice(last, m.index));
    pieces.push(field(m[1]) ?? m[0]);
    last = m.index! + m[0].length;
  }
  if (last < format.length) pieces.push(format.slice(last));
  if (compiled.size > 256) compiled.clear();
  compiled.set(format, pieces);
  return pieces;
}

function field(c: string): ((t: CivilTime, epochMs: number) => string) | undefined {
  switch (c) {
    case "Y": return (t) => String(t.year);
    case "y": return (t) => pad(t.year % 100);
    case "m": return (t) => pad(t.month);
    case "d": return (t) => pad(t.day);
    case "e": return (t) => String(t.day).padStart(2, " ");
    case "H": return (t) => pad(t.hour);
    case "M": return (t) => pad(t.minute);
    case "S": return (t) => pad(t.second);
    case "s": return (_t, ms) => String(Math.floor(ms / 1000));
    case "N": return (t) => pad(t.ms * 1_000_000, 9);
    case "a": return (t) => WEEKDAYS[t.weekday];
    case "b": case "h": return (t) => MONTHS[t.month - 1];
    case "Z": return () => "UTC";
    case "z": return () => "+0000";
    case "F": return (t) => `${t.year}-${pad(t.month)}-${pad(t.day)}`;
    case "T": return (t) => `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
    case "D": return (t) => `${pad(t.month)}/${pad(t.day)}/${pad(t.year % 100)}`;
    case "j": return (t, ms) => pad(Math.floor(ms / 86_400_000) - daysFromCivil(t.year, 1, 1) + 1, 3);
    case "%": return () => "%";
    default: return undefined;
  }
}

function strftimeUncached(format: string, epochMs: number): string {
  const t = civilFromMs(epochMs);
  let out = "";
  for (const p of compile(format)) out += typeof p === "string" ? p : p(t, epochMs);
  return out;
}


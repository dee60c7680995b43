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

/** strftime subset used by `date +FORMAT`, nginx logs and ls -l. */
export function strftime(format: string, epochMs: number): string {
  const t = civilFromMs(epochMs);
  return format.replace(/%([a-zA-Z%])/g, (whole, c: string) => {
    switch (c) {
      case "Y": return String(t.year);
      case "y": return pad(t.year % 100);
      case "m": return pad(t.month);
      case "d": return pad(t.day);
      case "e": return String(t.day).padStart(2, " ");
      case "H": return pad(t.hour);
      case "M": return pad(t.minute);
      case "S": return pad(t.second);
      case "s": return String(Math.floor(epochMs / 1000));
      case "N": return pad(t.ms * 1_000_000, 9);
      case "a": return WEEKDAYS[t.weekday];
      case "b": case "h": return MONTHS[t.month - 1];
      case "Z": return "UTC";
      case "z": return "+0000";
      case "F": return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
      case "T": return `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
      case "D": return `${pad(t.month)}/${pad(t.day)}/${pad(t.year % 100)}`;
      case "j": {
        const start = Math.floor(epochMs / 86_400_000) - daysFromCivil(t.year, 1, 1);
        return pad(start + 1, 3);
      }
      case "%": return "%";
      default: return whole;
    }
  });
}


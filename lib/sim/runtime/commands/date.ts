// date [-u] [+FORMAT] [-d @SECONDS]: always UTC (containers have no TZ unless set), from the virtual clock.
import type { CommandImpl } from "./types";
import { strftime } from "../civil-time";
import { complain } from "./util";

export const date: CommandImpl = function* (c) {
  let at = c.proc.now();
  let format: string | null = null;
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i];
    if (a === "-u" || a === "--utc") continue;
    if (a === "-R") { format = "%a, %d %b %Y %H:%M:%S +0000"; continue; }
    if (a === "-I" || a === "--iso-8601") { format = "%Y-%m-%d"; continue; }
    if (a === "-d" || a === "--date") {
      const v = c.args[++i] ?? "";
      if (/^@\d+$/.test(v)) at = Number(v.slice(1)) * 1000;
      else if (v !== "now") {
        complain(c, c.flavor === "gnu" ? `invalid date '${v}'` : `invalid date '${v}'`);
        return 1;
      }
      continue;
    }
    if (a.startsWith("+")) { format = a.slice(1); continue; }
    complain(c, c.flavor === "gnu" ? `invalid date '${a}'` : `invalid date '${a}'`);
    return 1;
  }
  // busybox: "Mon Nov 23 10:00:00 UTC 2026"; coreutils pads the day: "Mon Nov 23 10:00:00 UTC 2026" too.
  c.io.out(`${strftime(format ?? "%a %b %e %H:%M:%S %Z %Y", at)}\n`);
  return 0;
};

// yes [STRING]: bounded — real yes runs until SIGPIPE; here it stops after MAX_LINES (or its CPU budget).
import type { CommandImpl } from "./types";

export const MAX_YES_LINES = 100_000;

export const yes: CommandImpl = function* (c) {
  const line = `${c.args.length ? c.args.join(" ") : "y"}\n`;
  for (let i = 0; i < MAX_YES_LINES; i += 1000) {
    c.io.out(line.repeat(1000));
    if (c.tick()) yield { kind: "busy" };
  }
  return 0;
};

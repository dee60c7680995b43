// sleep: durations add up (`sleep 1m 30s`); `infinity` blocks until a signal.
import type { CommandImpl } from "./types";
import { complain, parseDuration, progName } from "./util";

export const sleep: CommandImpl = function* (c) {
  if (c.args.length === 0) {
    c.io.err(c.flavor === "gnu" ? "sleep: missing operand\nTry 'sleep --help' for more information.\n" : "BusyBox v1.36.1 multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n");
    return 1;
  }
  let total = 0;
  for (const a of c.args) {
    const ms = parseDuration(a);
    if (ms === null) {
      complain(c, c.flavor === "gnu" ? `invalid time interval '${a}'\nTry '${progName(c)} --help' for more information.` : `invalid number '${a}'`);
      return 1;
    }
    total += ms;
  }
  if (total === Infinity) {
    for (;;) yield { kind: "wait" };
  }
  if (total > 0) yield { kind: "sleep", ms: total };
  return 0;
};

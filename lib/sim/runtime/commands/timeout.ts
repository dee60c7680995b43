// timeout [-s SIG] DURATION COMMAND [ARG]...: drives the child and cuts its sleeps at the deadline.
// GNU timeout exits 124 on expiry; busybox's reports the child's death by SIGTERM (143).
import type { CommandImpl, Yield } from "./types";
import { complain, parseDuration } from "./util";
import { BUSY_SLICE_MS_FOR_TIMEOUT } from "./timeout-constants";

export const timeout: CommandImpl = function* (c) {
  let i = 0;
  while (c.args[i]?.startsWith("-") && i < c.args.length) i += c.args[i] === "-s" || c.args[i] === "-k" ? 2 : 1;
  const limit = parseDuration(c.args[i] ?? "");
  const argv = c.args.slice(i + 1);
  if (limit === null || argv.length === 0) {
    complain(c, c.flavor === "gnu" ? "missing operand\nTry 'timeout --help' for more information." : "invalid number");
    return 125;
  }
  const found = c.host.lookup(argv[0], c.env.PATH ?? "", c.cwd);
  if (found.kind !== "program" && found.kind !== "script") {
    complain(c, c.flavor === "gnu" ? `failed to run command '${argv[0]}': No such file or directory` : `can't execute '${argv[0]}': No such file or directory`);
    return 127;
  }
  const child = c.host.run(argv, c.io, { env: c.env, cwd: c.cwd, pid1: false });
  let elapsed = 0;
  let input: unknown;
  const expired = c.flavor === "gnu" ? 124 : 143;
  for (;;) {
    const r = child.next(input);
    if (r.done) return r.value;
    const y: Yield = r.value;
    if (y.kind === "sleep" || y.kind === "busy") {
      const ms = y.kind === "sleep" ? y.ms : BUSY_SLICE_MS_FOR_TIMEOUT;
      if (elapsed + ms >= limit) {
        if (limit - elapsed > 0) yield { kind: "sleep", ms: limit - elapsed };
        return expired;
      }
      elapsed += ms;
      input = yield y;
      continue;
    }
    if (y.kind === "wait") {
      if (limit !== Infinity) yield { kind: "sleep", ms: limit - elapsed };
      else for (;;) yield { kind: "wait" };
      return expired;
    }
    input = yield y;
  }
};

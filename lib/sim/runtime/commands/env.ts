// env [-i] [NAME=VALUE]... [COMMAND [ARG]...] and printenv [NAME]...
import type { CommandImpl } from "./types";
import { complain } from "./util";

export const env: CommandImpl = function* (c) {
  let vars: Record<string, string> = { ...c.env };
  let i = 0;
  for (; i < c.args.length; i++) {
    const a = c.args[i];
    if (a === "-i" || a === "-" || a === "--ignore-environment") { vars = {}; continue; }
    if (a === "-u") { delete vars[c.args[++i]]; continue; }
    if (/^[^=]+=/.test(a)) { const k = a.slice(0, a.indexOf("=")); vars[k] = a.slice(k.length + 1); continue; }
    break;
  }
  const rest = c.args.slice(i);
  if (rest.length === 0) {
    c.io.out(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(""));
    return 0;
  }
  // execvp falls back to a default search path when PATH is unset (env -i).
  const path = vars.PATH ?? "/usr/local/bin:/usr/bin:/bin";
  const found = c.host.lookup(rest[0], path, c.cwd);
  if (found.kind !== "program" && found.kind !== "script") {
    complain(c, c.flavor === "gnu" ? `'${rest[0]}': No such file or directory` : `can't execute '${rest[0]}': No such file or directory`);
    return 127;
  }
  // The program sees the environment as given (no PATH if -i removed it); only the lookup used the default.
  return yield* c.host.run([found.path, ...rest.slice(1)], c.io, { env: vars, cwd: c.cwd, pid1: c.pid1 });
};

export const printenv: CommandImpl = function* (c) {
  if (c.args.length === 0) {
    c.io.out(Object.entries(c.env).map(([k, v]) => `${k}=${v}\n`).join(""));
    return 0;
  }
  let status = 0;
  for (const name of c.args) {
    if (name in c.env) c.io.out(`${c.env[name]}\n`);
    else status = 1;
  }
  return status;
};

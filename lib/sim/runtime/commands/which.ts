// which NAME...: first match in $PATH.
import type { CommandImpl } from "./types";

export const which: CommandImpl = function* (c) {
  let status = 0;
  for (const name of c.args.filter((a) => !a.startsWith("-"))) {
    const f = c.host.lookup(name, c.env.PATH ?? "", c.cwd);
    if (f.kind === "program" || f.kind === "script") c.io.out(`${f.path}\n`);
    else status = 1;
  }
  return status;
};

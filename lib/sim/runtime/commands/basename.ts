// basename NAME [SUFFIX] and dirname NAME.
import type { CommandImpl } from "./types";
import { complain } from "./util";

export const basename: CommandImpl = function* (c) {
  if (!c.args[0] && c.args[0] !== "") {
    complain(c, "missing operand");
    return 1;
  }
  let s = c.args[0].replace(/\/+$/, "");
  s = s === "" && c.args[0].startsWith("/") ? "/" : s.slice(s.lastIndexOf("/") + 1);
  const suffix = c.args[1];
  if (suffix && s.endsWith(suffix) && s !== suffix) s = s.slice(0, -suffix.length);
  c.io.out(`${s}\n`);
  return 0;
};

export const dirname: CommandImpl = function* (c) {
  if (c.args[0] === undefined) {
    complain(c, "missing operand");
    return 1;
  }
  const s = c.args[0].replace(/\/+$/, "");
  const i = s.lastIndexOf("/");
  c.io.out(`${i === -1 ? "." : i === 0 ? "/" : s.slice(0, i).replace(/\/+$/, "") || "/"}\n`);
  return 0;
};

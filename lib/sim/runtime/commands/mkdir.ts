// mkdir [-p] [-m MODE] DIR...
import type { CommandImpl } from "./types";
import { absolute } from "./types";
import { complain, flagsOrUsage } from "./util";
import { ERRNO_TEXT } from "../vfs";

export const mkdir: CommandImpl = function* (c) {
  const f = flagsOrUsage(c, { bool: "pv", value: "m", long: { parents: "=p", mode: "=m" } });
  if (!f) return 1;
  if (f.operands.length === 0) {
    complain(c, c.flavor === "gnu" ? "missing operand\nTry 'mkdir --help' for more information." : "missing operand");
    return 1;
  }
  const mode = typeof f.flags.m === "string" && /^[0-7]+$/.test(f.flags.m) ? parseInt(f.flags.m, 8) : undefined;
  let status = 0;
  for (const d of f.operands) {
    const r = c.proc.fs.mkdir(absolute(c, d), { parents: Boolean(f.flags.p), mode });
    if (!r.ok) {
      complain(c, `${c.flavor === "gnu" ? "cannot" : "can't"} create directory '${d}': ${ERRNO_TEXT[r.errno]}`);
      status = 1;
    }
  }
  return status;
};

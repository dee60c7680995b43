// rmdir DIR...
import type { CommandImpl } from "./types";
import { absolute } from "./types";
import { complain, flagsOrUsage } from "./util";
import { ERRNO_TEXT } from "../vfs";

export const rmdir: CommandImpl = function* (c) {
  const f = flagsOrUsage(c, { bool: "p" });
  if (!f) return 1;
  let status = 0;
  for (const d of f.operands) {
    const r = c.proc.fs.rmdir(absolute(c, d));
    if (!r.ok) {
      complain(c, c.flavor === "gnu" ? `failed to remove '${d}': ${ERRNO_TEXT[r.errno]}` : `'${d}': ${ERRNO_TEXT[r.errno]}`);
      status = 1;
    }
  }
  return status;
};

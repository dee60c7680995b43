// touch FILE...: creates empty files or updates mtime on the virtual clock.
import type { CommandImpl } from "./types";
import { absolute } from "./types";
import { complain, flagsOrUsage } from "./util";
import { ERRNO_TEXT } from "../vfs";

export const touch: CommandImpl = function* (c) {
  const f = flagsOrUsage(c, { bool: "cam", value: "dtr" });
  if (!f) return 1;
  if (f.operands.length === 0) {
    complain(c, c.flavor === "gnu" ? "missing file operand\nTry 'touch --help' for more information." : "missing file operand");
    return 1;
  }
  let status = 0;
  for (const file of f.operands) {
    const path = absolute(c, file);
    const fs = c.proc.fs;
    const r = fs.exists(path) ? fs.updateMeta(path, { mtime: c.proc.now() }) : f.flags.c ? ({ ok: true } as const) : fs.writeFile(path, "", { append: true });
    if (!r.ok) {
      complain(c, c.flavor === "gnu" ? `cannot touch '${file}': ${ERRNO_TEXT[r.errno]}` : `${file}: ${ERRNO_TEXT[r.errno]}`);
      status = 1;
    }
  }
  return status;
};

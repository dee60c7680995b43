// mv SRC... DEST
import type { CommandImpl } from "./types";
import { absolute } from "./types";
import { complain, flagsOrUsage } from "./util";
import { baseName, ERRNO_TEXT } from "../vfs";

export const mv: CommandImpl = function* (c) {
  const f = flagsOrUsage(c, { bool: "fivn", long: { force: "=f" } });
  if (!f) return 1;
  const gnu = c.flavor === "gnu";
  if (f.operands.length < 2) {
    complain(c, gnu ? "missing file operand\nTry 'mv --help' for more information." : "missing file operand");
    return 1;
  }
  const fs = c.proc.fs;
  const destRaw = f.operands[f.operands.length - 1];
  const dest = absolute(c, destRaw);
  const dst = fs.stat(dest);
  const destIsDir = dst.ok && dst.value.node.kind === "dir";
  let status = 0;
  for (const s of f.operands.slice(0, -1)) {
    const from = absolute(c, s);
    const to = destIsDir ? `${dest}/${baseName(from)}` : dest;
    const r = fs.rename(from, to);
    if (!r.ok) {
      if (r.errno === "ENOENT" && !fs.lstat(from).ok) complain(c, gnu ? `cannot stat '${s}': No such file or directory` : `can't rename '${s}': No such file or directory`);
      else complain(c, gnu ? `cannot move '${s}' to '${destRaw}': ${ERRNO_TEXT[r.errno]}` : `can't rename '${s}': ${ERRNO_TEXT[r.errno]}`);
      status = 1;
    }
  }
  return status;
};

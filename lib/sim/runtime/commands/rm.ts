// rm [-rfiv] FILE...
import type { CommandImpl } from "./types";
import { absolute } from "./types";
import { complain, flagsOrUsage } from "./util";
import { ERRNO_TEXT } from "../vfs";

export const rm: CommandImpl = function* (c) {
  const f = flagsOrUsage(c, { bool: "rRfiv", long: { recursive: "=r", force: "=f", verbose: "=v" } });
  if (!f) return 1;
  const recursive = Boolean(f.flags.r || f.flags.R);
  const force = Boolean(f.flags.f);
  if (f.operands.length === 0 && !force) {
    complain(c, c.flavor === "gnu" ? "missing operand\nTry 'rm --help' for more information." : "missing operand");
    return 1;
  }
  let status = 0;
  const gnu = c.flavor === "gnu";
  for (const file of f.operands) {
    const path = absolute(c, file);
    const st = c.proc.fs.lstat(path);
    if (!st.ok) {
      if (!force) {
        complain(c, `${gnu ? "cannot remove" : "can't remove"} '${file}': ${ERRNO_TEXT[st.errno]}`);
        status = 1;
      }
      continue;
    }
    if (st.value.node.kind === "dir" && !recursive) {
      complain(c, gnu ? `cannot remove '${file}': Is a directory` : `'${file}' is a directory`);
      status = 1;
      continue;
    }
    const r = recursive ? c.proc.fs.removeTree(path) : c.proc.fs.unlink(path);
    if (!r.ok) {
      complain(c, `${gnu ? "cannot remove" : "can't remove"} '${file}': ${ERRNO_TEXT[r.errno]}`);
      status = 1;
    } else if (f.flags.v) c.io.out(gnu ? `removed '${file}'\n` : `removed '${file}'\n`);
  }
  return status;
};

// cp [-r] SRC... DEST
import type { CommandImpl } from "./types";
import { absolute } from "./types";
import { complain, flagsOrUsage } from "./util";
import { baseName, ERRNO_TEXT } from "../vfs";

export const cp: CommandImpl = function* (c) {
  const f = flagsOrUsage(c, { bool: "rRapfvdL", long: { recursive: "=r", archive: "=a", force: "=f" } });
  if (!f) return 1;
  const recursive = Boolean(f.flags.r || f.flags.R || f.flags.a);
  const gnu = c.flavor === "gnu";
  if (f.operands.length < 2) {
    complain(c, gnu ? `missing ${f.operands.length ? `destination file operand after '${f.operands[0]}'` : "file operand"}\nTry 'cp --help' for more information.` : "missing file operand");
    return 1;
  }
  const fs = c.proc.fs;
  const dest = absolute(c, f.operands[f.operands.length - 1]);
  const destIsDir = fs.stat(dest).ok && fs.stat(dest).ok && (fs.stat(dest) as { ok: true; value: { node: { kind: string } } }).value.node.kind === "dir";
  let status = 0;
  const copy = (from: string, to: string, shown: string): boolean => {
    const st = fs.stat(from);
    if (!st.ok) {
      complain(c, `${gnu ? "cannot stat" : "can't stat"} '${shown}': ${ERRNO_TEXT[st.errno]}`);
      return false;
    }
    if (st.value.node.kind === "dir") {
      if (!recursive) {
        complain(c, gnu ? `-r not specified; omitting directory '${shown}'` : `omitting directory '${shown}'`);
        return false;
      }
      const mk = fs.mkdir(to);
      if (!mk.ok && mk.errno !== "EEXIST") {
        complain(c, `${gnu ? "cannot create directory" : "can't create directory"} '${to}': ${ERRNO_TEXT[mk.errno]}`);
        return false;
      }
      const entries = fs.readdir(from);
      let ok = true;
      if (entries.ok) for (const e of entries.value) ok = copy(`${from}/${e}`, `${to}/${e}`, `${shown}/${e}`) && ok;
      return ok;
    }
    const data = fs.readFile(from);
    if (!data.ok) return false;
    const w = fs.writeFile(to, data.value, { mode: st.value.node.mode });
    if (!w.ok) {
      complain(c, gnu ? `cannot create regular file '${to}': ${ERRNO_TEXT[w.errno]}` : `can't create '${to}': ${ERRNO_TEXT[w.errno]}`);
      return false;
    }
    return true;
  };
  const sources = f.operands.slice(0, -1);
  if (sources.length > 1 && !destIsDir) {
    complain(c, gnu ? `target '${f.operands[f.operands.length - 1]}' is not a directory` : `'${f.operands[f.operands.length - 1]}' is not a directory`);
    return 1;
  }
  for (const s of sources) {
    const from = absolute(c, s);
    const to = destIsDir ? `${dest}/${baseName(from)}` : dest;
    if (!copy(from, to, s)) status = 1;
  }
  return status;
};

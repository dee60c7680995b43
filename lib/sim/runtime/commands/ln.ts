// ln [-s] [-f] TARGET LINK (hard links are modelled as copies).
import type { CommandImpl } from "./types";
import { absolute } from "./types";
import { complain, flagsOrUsage } from "./util";
import { baseName, ERRNO_TEXT } from "../vfs";

export const ln: CommandImpl = function* (c) {
  const f = flagsOrUsage(c, { bool: "sfnvT", long: { symbolic: "=s", force: "=f" } });
  if (!f) return 1;
  if (f.operands.length === 0) {
    complain(c, c.flavor === "gnu" ? "missing file operand\nTry 'ln --help' for more information." : "missing file operand");
    return 1;
  }
  const fs = c.proc.fs;
  const target = f.operands[0];
  let link = f.operands[1] ?? baseName(target);
  const linkPath0 = absolute(c, link);
  const ls = fs.stat(linkPath0);
  if (ls.ok && ls.value.node.kind === "dir" && !f.flags.n) link = `${link}/${baseName(target)}`;
  const linkPath = absolute(c, link);
  if (f.flags.f) fs.unlink(linkPath);
  const r = f.flags.s
    ? fs.symlink(target, linkPath)
    : (() => {
        const data = fs.readFile(absolute(c, target));
        if (!data.ok) return data;
        if (fs.lstat(linkPath).ok) return { ok: false as const, errno: "EEXIST" as const };
        return fs.writeFile(linkPath, data.value);
      })();
  if (!r.ok) {
    complain(c, c.flavor === "gnu" ? `failed to create ${f.flags.s ? "symbolic " : "hard "}link '${link}': ${ERRNO_TEXT[r.errno]}` : `${link}: ${ERRNO_TEXT[r.errno]}`);
    return 1;
  }
  return 0;
};

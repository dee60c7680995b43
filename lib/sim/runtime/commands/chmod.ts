// chmod MODE FILE... (octal and symbolic u/g/o/a ±rwx).
import type { CommandImpl } from "./types";
import { absolute } from "./types";
import { complain } from "./util";
import { ERRNO_TEXT } from "../vfs";

export function applyMode(current: number, spec: string): number | null {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let mode = current;
  for (const clause of spec.split(",")) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m) return null;
    const who = m[1] === "" || m[1].includes("a") ? "ugo" : m[1];
    let bits = 0;
    for (const p of m[3]) {
      const v = p === "r" ? 4 : p === "w" ? 2 : p === "x" || p === "X" ? 1 : 0;
      for (const w of who) bits |= v << (w === "u" ? 6 : w === "g" ? 3 : 0);
    }
    if (m[2] === "+") mode |= bits;
    else if (m[2] === "-") mode &= ~bits;
    else {
      let mask = 0;
      for (const w of who) mask |= 7 << (w === "u" ? 6 : w === "g" ? 3 : 0);
      mode = (mode & ~mask) | bits;
    }
  }
  return mode;
}

export const chmod: CommandImpl = function* (c) {
  const args = c.args.filter((a) => a !== "-R" && a !== "-v");
  if (args.length < 2) {
    complain(c, c.flavor === "gnu" ? `missing operand\nTry 'chmod --help' for more information.` : "missing operand");
    return 1;
  }
  let status = 0;
  for (const file of args.slice(1)) {
    const st = c.proc.fs.stat(absolute(c, file));
    if (!st.ok) {
      complain(c, c.flavor === "gnu" ? `cannot access '${file}': ${ERRNO_TEXT[st.errno]}` : `${file}: ${ERRNO_TEXT[st.errno]}`);
      status = 1;
      continue;
    }
    const mode = applyMode(st.value.node.mode, args[0]);
    if (mode === null) {
      complain(c, c.flavor === "gnu" ? `invalid mode: '${args[0]}'` : `invalid mode '${args[0]}'`);
      return 1;
    }
    const r = c.proc.fs.updateMeta(absolute(c, file), { mode });
    if (!r.ok) {
      complain(c, c.flavor === "gnu" ? `changing permissions of '${file}': ${ERRNO_TEXT[r.errno]}` : `${file}: ${ERRNO_TEXT[r.errno]}`);
      status = 1;
    }
  }
  return status;
};

// tee [-a] FILE...: copies stdin to stdout and files.
import type { CommandImpl } from "./types";
import { absolute } from "./types";
import { complain, writeTarget } from "./util";
import { ERRNO_TEXT } from "../vfs";

export const tee: CommandImpl = function* (c) {
  const append = c.args.includes("-a") || c.args.includes("--append");
  let status = 0;
  for (const file of c.args.filter((a) => !a.startsWith("-"))) {
    const r = writeTarget(c, file, c.io.stdin, append);
    if (!r.ok) {
      complain(c, `${file}: ${ERRNO_TEXT[r.errno]}`);
      status = 1;
    }
  }
  c.io.out(c.io.stdin);
  return status;
};

export const tac: CommandImpl = function* (c) {
  const files = c.args.length ? c.args : ["-"];
  for (const f of files) {
    const text = f === "-" ? c.io.stdin : c.proc.fs.readFile(absolute(c, f));
    const t = typeof text === "string" ? text : text.ok ? text.value : null;
    if (t === null) {
      complain(c, c.flavor === "gnu" ? `failed to open '${f}' for reading: No such file or directory` : `${f}: No such file or directory`);
      return 1;
    }
    const ls = t.split("\n");
    if (ls[ls.length - 1] === "") ls.pop();
    c.io.out(ls.reverse().map((l) => `${l}\n`).join(""));
  }
  return 0;
};

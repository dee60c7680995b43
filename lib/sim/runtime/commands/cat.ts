// cat [-n] [FILE]...
import type { CommandImpl } from "./types";
import { flagsOrUsage, readInputs } from "./util";

export const cat: CommandImpl = function* (c) {
  const f = flagsOrUsage(c, { bool: "nuAevtsb", long: { number: "=n" } });
  if (!f) return 1;
  const { chunks, failed } = readInputs(c, f.operands);
  let text = chunks.map((x) => x.text).join("");
  if (f.flags.n) {
    let n = 0;
    text = text.replace(/^(.*)$/gm, (line, _l, off: number) => (off === text.length && line === "" ? "" : `${String(++n).padStart(6)}\t${line}`));
  }
  c.io.out(text);
  return failed ? 1 : 0;
};

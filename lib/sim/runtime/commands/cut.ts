// cut -d DELIM -f LIST | -c LIST [FILE]...
import type { CommandImpl } from "./types";
import { complain, flagsOrUsage, lines, readInputs } from "./util";

function parseList(spec: string): ((n: number) => boolean) | null {
  const ranges: [number, number][] = [];
  for (const part of spec.split(",")) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === "" && m[3] === "")) return null;
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    ranges.push([a, b]);
  }
  return (n) => ranges.some(([a, b]) => n >= a && n <= b);
}

export const cut: CommandImpl = function* (c) {
  const f = flagsOrUsage(c, { bool: "sn", value: "dfcb", long: { delimiter: "=d", fields: "=f", characters: "=c" } });
  if (!f) return 1;
  const listSpec = (f.flags.f ?? f.flags.c ?? f.flags.b) as string | undefined;
  if (typeof listSpec !== "string") {
    complain(c, c.flavor === "gnu" ? "you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information." : "expected a list of bytes, characters, or fields");
    return 1;
  }
  const pick = parseList(listSpec);
  if (!pick) {
    complain(c, c.flavor === "gnu" ? `invalid field value '${listSpec}'` : `invalid range '${listSpec}'`);
    return 1;
  }
  const delim = typeof f.flags.d === "string" ? f.flags.d : "\t";
  const { chunks, failed } = readInputs(c, f.operands);
  for (const l of lines(chunks.map((x) => x.text).join(""))) {
    if (f.flags.f) {
      if (!l.includes(delim)) { if (!f.flags.s) c.io.out(`${l}\n`); continue; }
      c.io.out(`${l.split(delim).filter((_, i) => pick(i + 1)).join(delim)}\n`);
    } else c.io.out(`${[...l].filter((_, i) => pick(i + 1)).join("")}\n`);
  }
  return failed ? 1 : 0;
};

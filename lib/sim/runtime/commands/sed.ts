// sed [-n] [-E|-r] [-i] [-e SCRIPT]... [SCRIPT] [FILE]...: commands s///[gpi], d, p, q with line,
// `$` and /regex/ addresses (and ranges), separated by `;` or newlines.
import type { CommandImpl } from "./types";
import { absolute } from "./types";
import { breToJs, posixClasses } from "./grep";
import { complain, flagsOrUsage, lines, readInputs } from "./util";

type Address = { kind: "line"; n: number } | { kind: "last" } | { kind: "re"; re: RegExp };
type SedCmd = { from?: Address; to?: Address; negate: boolean; op: "s" | "d" | "p" | "q" | "="; re?: RegExp; rep?: string; global?: boolean; print?: boolean; inRange?: boolean };

class SedError extends Error {}

function parseSed(script: string, ere: boolean): SedCmd[] {
  const cmds: SedCmd[] = [];
  let i = 0;
  const toRe = (src: string, flags = "") => {
    try {
      return new RegExp(posixClasses(ere ? src : breToJs(src)), flags);
    } catch {
      throw new SedError(`bad regex '${src}'`);
    }
  };
  const readDelimited = (delim: string): string => {
    let out = "";
    while (i < script.length && script[i] !== delim) {
      if (script[i] === "\\" && script[i + 1] === delim) { out += delim; i += 2; continue; }
      if (script[i] === "\\" && i + 1 < script.length) { out += script[i] + script[i + 1]; i += 2; continue; }
      out += script[i++];
    }
    if (script[i] !== delim) throw new SedError(`unterminated \`s' command`);
    i++;
    return out;
  };
  const readAddr = (): Address | undefined => {
    if (/\d/.test(script[i] ?? "")) {
      const m = /^\d+/.exec(script.slice(i)) as RegExpExecArray;
      i += m[0].length;
      return { kind: "line", n: Number(m[0]) };
    }
    if (script[i] === "$") { i++; return { kind: "last" }; }
    if (script[i] === "/") { i++; return { kind: "re", re: toRe(readDelimited("/")) }; }
    return undefined;
  };
  while (i < script.length) {
    while (/[\s;]/.test(script[i] ?? "")) i++;
    if (i >= script.length) break;
    const cmd: SedCmd = { negate: false, op: "p" };
    cmd.from = readAddr();
    if (cmd.from && script[i] === ",") { i++; cmd.to = readAddr(); }
    while (script[i] === " ") i++;
    if (script[i] === "!") { cmd.negate = true; i++; }
    const op = script[i++];
    if (op === "s") {
      const delim = script[i++];
      const pat = readDelimited(delim);
      const rep = readDelimited(delim);
      let flags = "";
      while (/[gpiI0-9]/.test(script[i] ?? "")) flags += script[i++];
      cmd.op = "s";
      cmd.re = toRe(pat, flags.includes("i") || flags.includes("I") ? "i" : "");
      cmd.rep = rep;
      cmd.global = flags.includes("g");
      cmd.print = flags.includes("p");
    } else if (op === "d" || op === "p" || op === "q" || op === "=") cmd.op = op;
    else throw new SedError(`unknown command: '${op ?? ""}'`);
    cmds.push(cmd);
  }
  return cmds;
}

function replacement(rep: string, m: RegExpExecArray | string[]): string {
  let out = "";
  for (let i = 0; i < rep.length; i++) {
    const ch = rep[i];
    if (ch === "\\" && i + 1 < rep.length) {
      const n = rep[++i];
      out += /\d/.test(n) ? (m[Number(n)] ?? "") : n === "n" ? "\n" : n === "t" ? "\t" : n;
    } else if (ch === "&") out += m[0];
    else out += ch;
  }
  return out;
}

export function runSed(script: string, input: string, opts: { quiet: boolean; ere: boolean }): string {
  const cmds = parseSed(script, opts.ere);
  const ls = lines(input);
  let out = "";
  const matches = (a: Address, line: string, n: number) => (a.kind === "line" ? a.n === n : a.kind === "last" ? n === ls.length : a.re.test(line));
  for (let idx = 0; idx < ls.length; idx++) {
    let line = ls[idx];
    const n = idx + 1;
    let deleted = false;
    let quit = false;
    for (const cmd of cmds) {
      let selected = true;
      if (cmd.from) {
        if (cmd.to) {
          if (cmd.inRange) {
            selected = true;
            if (matches(cmd.to, line, n) || (cmd.to.kind === "line" && n >= cmd.to.n)) cmd.inRange = false;
          } else if (matches(cmd.from, line, n)) {
            selected = true;
            cmd.inRange = !(cmd.to.kind === "line" && cmd.to.n <= n);
          } else selected = false;
        } else selected = matches(cmd.from, line, n);
      }
      if (cmd.negate) selected = !selected;
      if (!selected) continue;
      if (cmd.op === "d") { deleted = true; break; }
      if (cmd.op === "p") out += `${line}\n`;
      if (cmd.op === "=") out += `${n}\n`;
      if (cmd.op === "q") { quit = true; break; }
      if (cmd.op === "s" && cmd.re) {
        const re = new RegExp(cmd.re.source, cmd.re.flags + (cmd.global ? "g" : ""));
        let did = false;
        line = line.replace(re, (...args) => {
          did = true;
          const groups = args.slice(0, -2).filter((x) => typeof x === "string" || x === undefined) as string[];
          return replacement(cmd.rep ?? "", groups);
        });
        if (did && cmd.print) out += `${line}\n`;
      }
    }
    if (!deleted && !opts.quiet) out += `${line}\n`;
    if (quit) break;
  }
  return out;
}

export const sed: CommandImpl = function* (c) {
  const f = flagsOrUsage(c, { bool: "nErisu", value: "ef", long: { quiet: "=n", "in-place": "=i", "regexp-extended": "=E", expression: "=e" } });
  if (!f) return 1;
  const operands = [...f.operands];
  const scripts = f.repeated.e ?? [];
  if (scripts.length === 0) {
    if (operands.length === 0) {
      c.io.err(c.flavor === "gnu" ? "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n" : "BusyBox v1.36.1 multi-call binary.\n\nUsage: sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\n");
      return 1;
    }
    scripts.push(operands.shift() as string);
  }
  const opts = { quiet: Boolean(f.flags.n), ere: Boolean(f.flags.E || f.flags.r) };
  try {
    if (f.flags.i) {
      let status = 0;
      for (const file of operands) {
        const r = c.proc.fs.readFile(absolute(c, file));
        if (!r.ok) {
          complain(c, c.flavor === "gnu" ? `can't read ${file}: No such file or directory` : `can't open '${file}': No such file or directory`);
          status = c.flavor === "gnu" ? 2 : 1;
          continue;
        }
        const w = c.proc.fs.writeFile(absolute(c, file), runSed(scripts.join("\n"), r.value, opts));
        if (!w.ok) {
          complain(c, c.flavor === "gnu" ? `couldn't open temporary file ${file.replace(/[^/]*$/, "")}sedXXXXXX: Read-only file system` : `can't create '${file}': Read-only file system`);
          status = 4;
        }
      }
      return status;
    }
    const { chunks, failed } = readInputs(c, operands);
    c.io.out(runSed(scripts.join("\n"), chunks.map((x) => x.text).join(""), opts));
    return failed ? 2 : 0;
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    complain(c, c.flavor === "gnu" ? `-e expression #1, char 0: ${e.message}` : e.message);
    return 1;
  }
};

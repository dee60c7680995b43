// GNU grep 3.x as a kubesim pipe filter (`kubectl describe pod x | grep -A6 State`): BRE by default
// (`\|` alternation, `\(…\)`), -E/-F, -i -v -c -n -w -x -o -q -m N, -e PATTERN, context -A/-B/-C N and
// -NUM with "--" between groups, and GNU's wording and exit status 2 for unknown options.
import { breToJs, posixClasses } from "../runtime/commands/grep";

export type GrepResult = { stdout: string; stderr: string; exitCode: number };

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";
// -y is GNU's obsolete synonym of -i.
const BOOL_SHORT = "ivycnwxoqEFGhHs";
const LONG_BOOL: Record<string, string> = {
  "ignore-case": "i",
  "invert-match": "v",
  count: "c",
  "line-number": "n",
  "word-regexp": "w",
  "line-regexp": "x",
  "only-matching": "o",
  quiet: "q",
  silent: "q",
  "extended-regexp": "E",
  "fixed-strings": "F",
  "basic-regexp": "G",
  "no-filename": "h",
  "with-filename": "H",
  "no-messages": "s",
};
const LONG_VALUE: Record<string, string> = { regexp: "e", "max-count": "m", "after-context": "A", "before-context": "B", context: "C" };

type Options = { flags: Set<string>; patterns: string[]; after: number; before: number; max: number; operands: string[] };

function contextNumber(name: string, value: string): number | string {
  if (!/^\d+$/.test(value)) return `grep: ${value}: invalid context length argument\n`;
  return Number(value);
}

function parseArgs(args: string[]): Options | { error: string } {
  const o: Options = { flags: new Set(), patterns: [], after: -1, before: -1, max: Infinity, operands: [] };
  let context = -1;
  const setValue = (key: string, value: string): string | undefined => {
    if (key === "e") o.patterns.push(value);
    else if (key === "m") {
      if (!/^-?\d+$/.test(value)) return `grep: invalid max count\n`;
      o.max = Number(value) < 0 ? Infinity : Number(value);
    } else {
      const n = contextNumber(key, value);
      if (typeof n === "string") return n;
      if (key === "A") o.after = n;
      else if (key === "B") o.before = n;
      else context = n;
    }
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      o.operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (name === "color" || name === "colour") continue;
      if (LONG_BOOL[name] && eq < 0) {
        o.flags.add(LONG_BOOL[name]);
        continue;
      }
      if (LONG_VALUE[name]) {
        const value = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (value === undefined) return { error: `grep: option '--${name}' requires an argument\n${USAGE}` };
        const err = setValue(LONG_VALUE[name], value);
        if (err) return { error: err };
        continue;
      }
      return { error: `grep: unrecognized option '${a}'\n${USAGE}` };
    }
    if (a.startsWith("-") && a.length > 1) {
      // -NUM is -C NUM.
      if (/^-\d+$/.test(a)) {
        context = Number(a.slice(1));
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        if (BOOL_SHORT.includes(ch)) {
          o.flags.add(ch);
          continue;
        }
        if ("eABCm".includes(ch)) {
          const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (value === undefined) return { error: `grep: option requires an argument -- '${ch}'\n${USAGE}` };
          const err = setValue(ch, value);
          if (err) return { error: err };
          break;
        }
        return { error: `grep: invalid option -- '${ch}'\n${USAGE}` };
      }
      continue;
    }
    o.operands.push(a);
  }
  if (context >= 0) {
    if (o.after < 0) o.after = context;
    if (o.before < 0) o.before = context;
  }
  o.after = Math.max(0, o.after);
  o.before = Math.max(0, o.before);
  if (o.patterns.length === 0) {
    const p = o.operands.shift();
    if (p === undefined) return { error: USAGE };
    o.patterns.push(p);
  }
  return o;
}

function compile(o: Options): RegExp | undefined {
  const ere = o.flags.has("E");
  // Each -e, and each line of a pattern, is an alternative.
  const alternatives = o.patterns.flatMap((p) => p.split("\n"));
  const src = alternatives
    .map((p) => {
      let s = o.flags.has("F") ? p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : posixClasses(ere ? p : breToJs(p));
      if (o.flags.has("w")) s = `(?<![A-Za-z0-9_])(?:${s})(?![A-Za-z0-9_])`;
      if (o.flags.has("x")) s = `^(?:${s})$`;
      return s;
    })
    .join("|");
  try {
    return new RegExp(src, o.flags.has("i") || o.flags.has("y") ? "i" : "");
  } catch {
    return undefined;
  }
}

/** Runs grep over piped text (no FILE operands: the pipe is standard input). */
export function pipeGrep(text: string, args: string[]): GrepResult {
  const parsed = parseArgs(args);
  if ("error" in parsed) return { stdout: "", stderr: parsed.error, exitCode: 2 };
  const o = parsed;
  if (o.operands.length) {
    // kubesim has no files on the workstation side of a pipe.
    return { stdout: "", stderr: o.operands.map((f) => `grep: ${f}: No such file or directory\n`).join(""), exitCode: 2 };
  }
  const re = compile(o);
  if (!re) return { stdout: "", stderr: "grep: Unmatched ( or \\(\n", exitCode: 2 };
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const invert = o.flags.has("v");
  const selected: number[] = [];
  for (let i = 0; i < lines.length && selected.length < o.max; i++) if (re.test(lines[i]) !== invert) selected.push(i);
  const exitCode = selected.length ? 0 : 1;
  if (o.flags.has("q")) return { stdout: "", stderr: "", exitCode };
  if (o.flags.has("c")) return { stdout: `${selected.length}\n`, stderr: "", exitCode };
  const numbered = o.flags.has("n");
  let out = "";
  if (o.flags.has("o")) {
    if (invert) return { stdout: "", stderr: "", exitCode };
    const g = new RegExp(re.source, `${re.flags}g`);
    for (const i of selected) for (const m of lines[i].matchAll(g)) if (m[0]) out += `${numbered ? `${i + 1}:` : ""}${m[0]}\n`;
    return { stdout: out, stderr: "", exitCode };
  }
  // Context: print each selected line with B lines before and A after; non-adjacent groups get "--".
  const isSelected = new Set(selected);
  let last = -1;
  const afterLimit = o.max === Infinity ? Infinity : selected.length ? selected[selected.length - 1] + o.after : -1;
  for (const i of selected) {
    const from = Math.max(i - o.before, last + 1);
    if (last >= 0 && from > last + 1 && (o.before > 0 || o.after > 0)) out += "--\n";
    for (let j = from; j <= i + o.after && j < lines.length && j <= afterLimit; j++) {
      if (j <= last) continue;
      if (j > i && isSelected.has(j)) break;
      const sep = isSelected.has(j) ? ":" : "-";
      out += `${numbered ? `${j + 1}${sep}` : ""}${lines[j]}\n`;
      last = j;
    }
  }
  return { stdout: out, stderr: "", exitCode };
}

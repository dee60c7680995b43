// echo: busybox/bash print escapes only with -e; dash's builtin always interprets them and has no -e.
import type { CommandImpl } from "./types";

export type EchoMode = "bsd" | "dash";

/** Interprets \n, \t, \\, \c (stop output), \0NNN octal, \xHH; returns [text, stopped]. */
export function interpretEscapes(s: string): [string, boolean] {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "\\" || i === s.length - 1) { out += c; continue; }
    const n = s[++i];
    switch (n) {
      case "n": out += "\n"; break;
      case "t": out += "\t"; break;
      case "r": out += "\r"; break;
      case "a": out += "\x07"; break;
      case "b": out += "\b"; break;
      case "f": out += "\f"; break;
      case "v": out += "\v"; break;
      case "e": out += "\x1b"; break;
      case "\\": out += "\\"; break;
      case "c": return [out, true];
      case "0": {
        const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))?.[0] ?? "";
        out += String.fromCharCode(parseInt(m || "0", 8));
        i += m.length;
        break;
      }
      case "x": {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))?.[0];
        if (m) { out += String.fromCharCode(parseInt(m, 16)); i += m.length; } else out += "\\x";
        break;
      }
      default: out += `\\${n}`;
    }
  }
  return [out, false];
}

export function echoText(args: string[], mode: EchoMode): string {
  let newline = true;
  let escapes = mode === "dash";
  let i = 0;
  if (mode === "dash") {
    if (args[0] === "-n") { newline = false; i = 1; }
  } else {
    for (; i < args.length; i++) {
      const a = args[i];
      if (!/^-[neE]+$/.test(a)) break;
      for (const c of a.slice(1)) {
        if (c === "n") newline = false;
        else if (c === "e") escapes = true;
        else escapes = false;
      }
    }
  }
  let text = args.slice(i).join(" ");
  if (escapes) {
    const [t, stopped] = interpretEscapes(text);
    if (stopped) return t;
    text = t;
  }
  return newline ? `${text}\n` : text;
}

/** /bin/echo (coreutils or busybox applet): -n, -e, -E. */
export const echo: CommandImpl = function* (c) {
  c.io.out(echoText(c.args, "bsd"));
  return 0;
};

// sh / bash: busybox ash, dash or bash depending on the image (messages differ; see shell/interpreter).
import { Shell } from "../shell/interpreter";
import { parseScript } from "../shell/parser";
import { ShellSyntaxError } from "../shell/lexer";
import type { SimpleCommand } from "../shell/ast";
import type { ShellFlavor } from "../types";
import { absolute, type CommandImpl } from "./types";

function makeShell(flavor: ShellFlavor): CommandImpl {
  return function* (c) {
    let script: string | null = null;
    let arg0 = c.name;
    let positional: string[] = [];
    const opts = { e: false, x: false, u: false };
    let i = 0;
    for (; i < c.args.length; i++) {
      const a = c.args[i];
      if (a === "-c") {
        script = c.args[i + 1] ?? null;
        if (script === null) {
          c.io.err(flavor === "bash" ? `${c.name}: -c: option requires an argument\n` : flavor === "dash" ? `${c.name}: 0: -c requires an argument\n` : `${c.name}: -c requires an argument\n`);
          return 2;
        }
        if (c.args[i + 2] !== undefined) { arg0 = c.args[i + 2]; positional = c.args.slice(i + 3); }
        break;
      }
      if (/^-[euxilsc]+$/.test(a) && a.includes("c")) {
        for (const ch of a.slice(1)) if (ch in opts) opts[ch as "e"] = true;
        script = c.args[i + 1] ?? "";
        if (c.args[i + 2] !== undefined) { arg0 = c.args[i + 2]; positional = c.args.slice(i + 3); }
        break;
      }
      if (/^[-+][euxils]+$/.test(a)) {
        for (const ch of a.slice(1)) if (ch in opts) opts[ch as "e"] = a[0] === "-";
        continue;
      }
      if (a === "--") { i++; }
      // A script file: sh /path/to/script.sh args…
      const file = c.args[i];
      if (file !== undefined) {
        const content = c.proc.fs.readFile(absolute(c, file));
        if (!content.ok) {
          if (flavor === "dash") c.io.err(`${c.name}: 0: cannot open ${file}: No such file\n`);
          else if (flavor === "bash") c.io.err(`${c.name}: ${file}: No such file or directory\n`);
          else c.io.err(`${c.name}: can't open '${file}': No such file or directory\n`);
          return flavor === "bash" ? 127 : 2;
        }
        script = content.value;
        arg0 = file;
        positional = c.args.slice(i + 1);
      }
      break;
    }
    // No -c and no file: the shell reads commands from stdin; a container without a TTY has none, so it exits.
    if (script === null) script = c.io.stdin;
    const sh = new Shell({ host: c.host, flavor, arg0, args: positional, env: c.env, cwd: c.cwd, pid1: c.pid1 });
    sh.errexit = opts.e;
    sh.xtrace = opts.x;
    sh.nounset = opts.u;
    const io = { stdin: { data: "", pos: 0 }, out: c.io.out, err: c.io.err };
    let parsed;
    try {
      parsed = parseScript(script);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        c.io.err(sh.syntaxError(e));
        return 2;
      }
      throw e;
    }
    // `sh -c 'one simple command'` execs it in place (ash, dash ≥ 0.5.11 and bash all do), so that command
    // becomes PID 1 and receives SIGTERM itself — while `sh -c 'a; b'` keeps the shell as PID 1.
    const items = parsed.body.items;
    if (items.length === 1 && !items[0].background && items[0].node.rest.length === 0) {
      const p = items[0].node.first;
      if (!p.negate && p.commands.length === 1 && p.commands[0].kind === "simple") sh.execSingle = p.commands[0] as SimpleCommand;
    }
    return yield* sh.runScript(parsed, io);
  };
}

export const sh = makeShell("ash");
export function shellFor(flavor: ShellFlavor): CommandImpl {
  return makeShell(flavor);
}

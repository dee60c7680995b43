// Shell builtins: the commands that must run inside the shell process because they change its state
// (cd, export, trap, wait, exec, read…), plus echo/printf/test/kill which every sh implements built in.
import type { Yield } from "../commands/types";
import { SIGNAL_NUMBERS, type Signal } from "../types";
import { echoText, type EchoMode } from "../commands/echo";
import { formatPrintf } from "../commands/printf";
import { evaluateTest } from "../commands/test";
import { normalizePath } from "../vfs";
import { parseScript } from "./parser";
import { evalArith } from "./expand";
import { ShellSyntaxError } from "./lexer";
import { BreakSignal, ContinueSignal, ReturnSignal, ShellExit, type Shell, type ShellIo } from "./interpreter";

export type Builtin = (sh: Shell, args: string[], io: ShellIo) => Generator<Yield, number, unknown>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** "TERM", "SIGTERM", "15", "term" → "TERM"; EXIT/0 → "EXIT". */
export function parseSignalName(s: string): Signal | "EXIT" | null {
  const up = s.toUpperCase().replace(/^SIG/, "");
  if (up === "EXIT" || up === "0") return "EXIT";
  if (up in SIGNAL_NUMBERS) return up as Signal;
  const byNum = (Object.entries(SIGNAL_NUMBERS) as [Signal, number][]).find(([, n]) => String(n) === up);
  if (byNum) return byNum[0];
  if (up === "USR1" || up === "10" || up === "USR2" || up === "12" || up === "CHLD" || up === "17" || up === "WINCH" || up === "28") return null;
  return null;
}

function* noop(): Generator<Yield, number, unknown> {
  return 0;
}

const err = (sh: Shell, io: ShellIo, cmd: string, msg: string) => {
  io.err(sh.flavor === "ash" ? `${sh.prefix()}${cmd}: ${msg}\n` : `${sh.prefix()}${cmd}: ${msg}\n`);
};

export const BUILTINS: Record<string, Builtin> = {
  ":": noop,
  true: noop,
  *false() { return 1; },

  *echo(sh, args, io) {
    const mode: EchoMode = sh.flavor === "dash" ? "dash" : "bsd";
    io.out(echoText(args, mode));
    return 0;
  },
  *printf(sh, args, io) {
    if (args.length === 0) {
      io.err(sh.flavor === "bash" ? `${sh.prefix()}printf: usage: printf [-v var] format [arguments]\n` : `${sh.prefix()}printf: usage: printf format [arg ...]\n`);
      return 2;
    }
    const r = formatPrintf(args[0], args.slice(1));
    io.out(r.text);
    for (const e of r.errors) io.err(`${sh.prefix()}printf: ${e}\n`);
    return r.errors.length ? 1 : 0;
  },
  *test(sh, args, io) {
    return runTest(sh, args, io, "test");
  },
  *"["(sh, args, io) {
    if (args[args.length - 1] !== "]") {
      io.err(`${sh.prefix()}[: missing ]\n`);
      return 2;
    }
    return runTest(sh, args.slice(0, -1), io, "[");
  },

  *pwd(sh, _args, io) {
    io.out(`${sh.cwd}\n`);
    return 0;
  },
  *cd(sh, args, io) {
    const target = args[0] === undefined ? (sh.vars.get("HOME") ?? "/") : args[0] === "-" ? (sh.vars.get("OLDPWD") ?? sh.cwd) : args[0];
    const path = normalizePath(target, sh.cwd);
    const st = sh.host.ctx.fs.stat(path);
    if (!st.ok || st.value.node.kind !== "dir") {
      const why = !st.ok ? (st.errno === "ENOENT" ? "No such file or directory" : "Not a directory") : "Not a directory";
      if (sh.flavor === "dash") io.err(`${sh.prefix()}cd: can't cd to ${target}\n`);
      else if (sh.flavor === "bash") io.err(`${sh.prefix()}cd: ${target}: ${why}\n`);
      else io.err(`${sh.prefix()}cd: can't cd to ${target}: ${why}\n`);
      return sh.flavor === "dash" ? 2 : 1;
    }
    sh.vars.set("OLDPWD", sh.cwd);
    sh.cwd = path;
    sh.vars.set("PWD", path);
    if (args[0] === "-") io.out(`${path}\n`);
    return 0;
  },

  *export(sh, args, io) {
    if (args.length === 0 || args[0] === "-p") {
      for (const k of [...sh.exported].sort()) {
        const v = sh.vars.get(k);
        if (v !== undefined) io.out(sh.flavor === "bash" ? `declare -x ${k}="${v}"\n` : `export ${k}='${v.replace(/'/g, "'\\''")}'\n`);
      }
      return 0;
    }
    for (const a of args) {
      const eq = a.indexOf("=");
      const name = eq === -1 ? a : a.slice(0, eq);
      if (!NAME.test(name)) {
        err(sh, io, "export", sh.flavor === "bash" ? `\`${a}': not a valid identifier` : `${a}: bad variable name`);
        return sh.flavor === "bash" ? 1 : 2;
      }
      if (eq !== -1) sh.setVar(name, a.slice(eq + 1));
      sh.exported.add(name);
    }
    return 0;
  },
  *readonly(sh, args) {
    for (const a of args) {
      const eq = a.indexOf("=");
      const name = eq === -1 ? a : a.slice(0, eq);
      if (eq !== -1) sh.setVar(name, a.slice(eq + 1));
      sh.readonlyVars.add(name);
    }
    return 0;
  },
  *local(sh, args, io) {
    const frame = sh.localStack[sh.localStack.length - 1];
    if (!frame) {
      err(sh, io, "local", "not in a function");
      return 1;
    }
    for (const a of args) {
      const eq = a.indexOf("=");
      const name = eq === -1 ? a : a.slice(0, eq);
      if (!frame.has(name)) frame.set(name, sh.vars.get(name));
      if (eq !== -1) sh.setVar(name, a.slice(eq + 1));
    }
    return 0;
  },
  *unset(sh, args) {
    const fn = args[0] === "-f";
    for (const a of args.filter((x) => x !== "-f" && x !== "-v")) {
      if (fn) sh.funcs.delete(a);
      else if (!sh.readonlyVars.has(a)) { sh.vars.delete(a); sh.exported.delete(a); }
    }
    return 0;
  },
  *set(sh, args, io) {
    if (args.length === 0) {
      for (const k of [...sh.vars.keys()].sort()) io.out(`${k}='${(sh.vars.get(k) ?? "").replace(/'/g, "'\\''")}'\n`);
      return 0;
    }
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === "--") { sh.positional = args.slice(i + 1); return 0; }
      if (a === "-o" || a === "+o") {
        const opt = args[++i];
        const on = a === "-o";
        if (opt === "errexit") sh.errexit = on;
        else if (opt === "nounset") sh.nounset = on;
        else if (opt === "xtrace") sh.xtrace = on;
        else if (opt === "noglob") sh.noglob = on;
        else if (opt === "pipefail") sh.pipefail = on;
        else if (opt !== undefined) { err(sh, io, "set", `Illegal option -o ${opt}`); return 2; }
        continue;
      }
      if (/^[-+][euxfvnC]+$/.test(a)) {
        const on = a[0] === "-";
        for (const c of a.slice(1)) {
          if (c === "e") sh.errexit = on;
          else if (c === "u") sh.nounset = on;
          else if (c === "x") sh.xtrace = on;
          else if (c === "f") sh.noglob = on;
        }
        continue;
      }
      sh.positional = args.slice(i);
      return 0;
    }
    return 0;
  },
  *shift(sh, args, io) {
    const n = args[0] === undefined ? 1 : Number(args[0]);
    if (!Number.isInteger(n) || n < 0 || n > sh.positional.length) {
      err(sh, io, "shift", sh.flavor === "bash" ? `${args[0] ?? n}: shift count out of range` : "can't shift that many");
      return sh.flavor === "bash" ? 1 : 2;
    }
    sh.positional = sh.positional.slice(n);
    return 0;
  },
  *exit(sh, args, io) {
    let code = sh.status;
    if (args[0] !== undefined) {
      if (!/^-?\d+$/.test(args[0])) {
        err(sh, io, "exit", sh.flavor === "bash" ? `${args[0]}: numeric argument required` : `Illegal number: ${args[0]}`);
        code = 2;
      } else code = ((Number(args[0]) % 256) + 256) % 256;
    }
    throw new ShellExit(code);
  },
  *return(sh, args) {
    throw new ReturnSignal(args[0] === undefined ? sh.status : ((Number(args[0]) % 256) + 256) % 256);
  },
  *break(_sh, args) {
    throw new BreakSignal(Math.max(1, Number(args[0] ?? 1) || 1));
  },
  *continue(_sh, args) {
    throw new ContinueSignal(Math.max(1, Number(args[0] ?? 1) || 1));
  },

  *eval(sh, args, io) {
    const text = args.join(" ");
    try {
      const script = parseScript(text);
      return yield* sh.runList(script.body, io);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        io.err(sh.syntaxError(e));
        return 2;
      }
      throw e;
    }
  },
  *"."(sh, args, io) {
    return yield* sourceFile(sh, args, io, ".");
  },
  *source(sh, args, io) {
    return yield* sourceFile(sh, args, io, "source");
  },

  *exec(sh, args, io) {
    const env = sh.env();
    sh.exitTrapRan = true;
    const code = yield* sh.runExternal(args, io, env, true);
    throw new ShellExit(code);
  },

  *trap(sh, args, io) {
    if (args.length === 0 || args[0] === "-p") {
      for (const [sig, action] of [...sh.traps].sort()) io.out(`trap -- '${action}' ${sig}\n`);
      return 0;
    }
    if (args[0] === "-l") {
      io.out(" 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 9) SIGKILL\t15) SIGTERM\n");
      return 0;
    }
    // `trap N SIG…` with a number first (or `-`) resets; otherwise the first word is the action.
    let action: string | null = args[0];
    let sigs = args.slice(1);
    if (args.length === 1 || args[0] === "-" || /^\d+$/.test(args[0])) {
      if (args[0] === "-") sigs = args.slice(1);
      else sigs = args;
      action = null;
    }
    for (const s of sigs) {
      const sig = parseSignalName(s);
      if (!sig) {
        err(sh, io, "trap", sh.flavor === "bash" ? `${s}: invalid signal specification` : `${s}: bad trap`);
        return 1;
      }
      if (sig === "KILL") continue;
      if (action === null) sh.traps.delete(sig);
      else sh.traps.set(sig, action);
    }
    sh.syncSignalHandler();
    return 0;
  },

  *wait(sh, args, io) {
    const pids = args.length ? args.map(Number) : null;
    if (pids && pids.some((p) => !Number.isInteger(p))) {
      err(sh, io, "wait", `Illegal number: ${args.find((a) => !/^\d+$/.test(a))}`);
      return 2;
    }
    const targets = pids ?? [...sh.jobs];
    for (const p of targets) {
      if (!sh.jobs.includes(p)) {
        if (sh.flavor === "bash") err(sh, io, "wait", `pid ${p} is not a child of this shell`);
        return 127;
      }
    }
    if (targets.some((p) => !sh.host.jobStatus(p)?.done)) {
      const r = yield { kind: "join", pids: targets };
      if (typeof r === "object" && r !== null && "interrupted" in r) {
        return 128 + SIGNAL_NUMBERS[(r as { interrupted: Signal }).interrupted];
      }
    }
    if (!pids) {
      sh.jobs = sh.jobs.filter((p) => !sh.host.jobStatus(p)?.done);
      return 0;
    }
    return sh.host.jobStatus(pids[pids.length - 1])?.code ?? 127;
  },

  *kill(sh, args, io) {
    let sig: Signal = "TERM";
    let rest = args;
    if (args[0] === "-l") {
      io.out("HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM\n");
      return 0;
    }
    if (args[0] === "-s" && args[1]) {
      const s = parseSignalName(args[1]);
      if (!s || s === "EXIT") { err(sh, io, "kill", `bad signal name '${args[1]}'`); return 1; }
      sig = s;
      rest = args.slice(2);
    } else if (args[0]?.startsWith("-") && args[0].length > 1) {
      const s = parseSignalName(args[0].slice(1));
      if (!s || s === "EXIT") { err(sh, io, "kill", `bad signal name '${args[0].slice(1)}'`); return 1; }
      sig = s;
      rest = args.slice(1);
    }
    if (rest.length === 0) {
      io.err(sh.flavor === "bash" ? `${sh.prefix()}kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n` : `${sh.prefix()}kill: usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]\n`);
      return sh.flavor === "bash" ? 2 : 2;
    }
    let status = 0;
    for (const p of rest) {
      const pid = Number(p.replace(/^%/, ""));
      const ok = sh.jobs.includes(pid) ? sh.host.killJob(pid, sig) : Number.isInteger(pid) && sh.host.ctx.kill(pid, SIGNAL_NUMBERS[sig]);
      if (!ok) {
        if (sh.flavor === "bash") io.err(`${sh.prefix()}kill: (${p}) - No such process\n`);
        else if (sh.flavor === "dash") io.err(`${sh.prefix()}kill: No such process\n`);
        else io.err(`${sh.prefix()}kill: can't kill pid ${p}: No such process\n`);
        status = 1;
      }
    }
    return status;
  },

  *read(sh, args, io) {
    let raw = false;
    const names: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i] === "-r") raw = true;
      else if (args[i] === "-p" || args[i] === "-t" || args[i] === "-n" || args[i] === "-u") i++;
      else if (args[i] === "-s") continue;
      else names.push(args[i]);
    }
    if (names.length === 0) names.push("REPLY");
    const { data, pos } = io.stdin;
    if (pos >= data.length) {
      for (const n of names) sh.setVar(n, "");
      return 1;
    }
    let end = data.indexOf("\n", pos);
    const eof = end === -1;
    if (eof) end = data.length;
    let line = data.slice(pos, end);
    io.stdin.pos = eof ? data.length : end + 1;
    if (!raw) line = line.replace(/\\(.)/g, "$1");
    const ifs = sh.vars.get("IFS") ?? " \t\n";
    const ws = ifs.replace(/[^ \t\n]/g, "");
    const trimmed = ws ? line.replace(new RegExp(`^[${ws}]+|[${ws}]+$`, "g"), "") : line;
    let rest = trimmed;
    names.forEach((n, idx) => {
      if (idx === names.length - 1) { sh.setVar(n, rest); return; }
      const m = new RegExp(`^([^${escapeClass(ifs)}]*)[${escapeClass(ifs)}]*`).exec(rest);
      sh.setVar(n, m ? m[1] : rest);
      rest = m ? rest.slice(m[0].length) : "";
    });
    return eof ? 1 : 0;
  },

  *type(sh, args, io) {
    let status = 0;
    for (const a of args) {
      if (sh.funcs.has(a)) io.out(`${a} is a function\n`);
      else if (BUILTINS[a]) io.out(`${a} is a shell builtin\n`);
      else {
        const f = sh.host.lookup(a, sh.vars.get("PATH") ?? "", sh.cwd);
        if (f.kind === "program" || f.kind === "script") io.out(`${a} is ${f.path}\n`);
        else { io.err(sh.flavor === "bash" ? `${sh.prefix()}type: ${a}: not found\n` : ""); io.out(sh.flavor === "bash" ? "" : `${a}: not found\n`); status = 1; }
      }
    }
    return status;
  },
  *command(sh, args, io) {
    if (args[0] === "-v" || args[0] === "-V") {
      let status = 0;
      for (const a of args.slice(1)) {
        if (BUILTINS[a] || sh.funcs.has(a)) io.out(`${a}\n`);
        else {
          const f = sh.host.lookup(a, sh.vars.get("PATH") ?? "", sh.cwd);
          if (f.kind === "program" || f.kind === "script") io.out(`${f.path}\n`);
          else status = 1;
        }
      }
      return status;
    }
    if (args.length === 0) return 0;
    const b = BUILTINS[args[0]];
    if (b) return yield* b(sh, args.slice(1), io);
    return yield* sh.runExternal(args, io, sh.env(), false);
  },
  *umask(_sh, args, io) {
    if (args.length === 0) io.out("0022\n");
    return 0;
  },
  *ulimit(_sh, args, io) {
    if (args.length === 0 || args[0] === "-n") io.out(args[0] === "-n" ? "1048576\n" : "unlimited\n");
    return 0;
  },
  hash: noop,
  *jobs(sh, _args, io) {
    sh.jobs.forEach((pid, i) => {
      const st = sh.host.jobStatus(pid);
      io.out(`[${i + 1}]${i === sh.jobs.length - 1 ? "+" : " "}  ${st?.done ? "Done" : "Running"}\n`);
    });
    return 0;
  },
  *let(sh, args, io) {
    let v = 0;
    for (const a of args) {
      try {
        v = evalArith(a, sh.arithHost());
      } catch (e) {
        io.err(`${sh.prefix()}let: ${(e as Error).message}\n`);
        return 1;
      }
    }
    return v !== 0 ? 0 : 1;
  },
};
BUILTINS.declare = BUILTINS.local;
BUILTINS.typeset = BUILTINS.local;


const escapeClass = (s: string) => s.replace(/[\]\\^-]/g, "\\$&").replace(/\t/g, "\\t").replace(/\n/g, "\\n");

function* sourceFile(sh: Shell, args: string[], io: ShellIo, name: string): Generator<Yield, number, unknown> {
  if (!args[0]) {
    err(sh, io, name, "filename argument required");
    return 2;
  }
  const path = normalizePath(args[0], sh.cwd);
  const content = sh.host.ctx.fs.readFile(path);
  if (!content.ok) {
    if (sh.flavor === "bash") io.err(`${sh.prefix()}${args[0]}: No such file or directory\n`);
    else if (sh.flavor === "dash") io.err(`${sh.prefix()}${name}: cannot open ${args[0]}: No such file\n`);
    else io.err(`${sh.prefix()}${name}: can't open '${args[0]}': No such file or directory\n`);
    throw new ShellExit(sh.flavor === "bash" ? 1 : 2);
  }
  try {
    const script = parseScript(content.value);
    return yield* sh.runList(script.body, io);
  } catch (e) {
    if (e instanceof ShellSyntaxError) {
      io.err(sh.syntaxError(e));
      return 2;
    }
    if (e instanceof ReturnSignal) return e.code;
    throw e;
  }
}

function runTest(sh: Shell, args: string[], io: ShellIo, name: string): number {
  // dash's test has no `==` (POSIX only defines `=`): `[ "$a" == b ]` fails with "unexpected operator".
  if (sh.flavor === "dash" && args.length === 3 && args[1] === "==") {
    io.err(`${sh.prefix()}${name}: ${args[0]}: unexpected operator\n`);
    return 2;
  }
  const r = evaluateTest(args, { fs: sh.host.ctx.fs, cwd: sh.cwd });
  if (r.kind === "error") {
    io.err(`${sh.prefix()}${name}: ${r.message}\n`);
    return 2;
  }
  return r.value ? 0 : 1;
}

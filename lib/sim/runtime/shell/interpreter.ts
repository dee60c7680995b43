// The shell interpreter: walks the AST as a generator, yielding the effects of the programs it runs
// (sleep, wait, busy) to the process scheduler. One Shell object per shell process; subshells,
// pipeline stages and command substitutions run on clones, as fork() would give them.
import type { AndOr, Command, List, Pipeline, Redir, Script, SimpleCommand, Word } from "./ast";
import type { SignalAction, Yield } from "../commands/types";
import type { ProcessHost } from "../host";
import type { ShellFlavor, Signal } from "../types";
import { SIGNAL_NUMBERS } from "../types";
import { ArithError, evalArith, ExpansionError, expandPattern, expandString, expandWords, matchPattern, type ExpandHost } from "./expand";
import { parseScript } from "./parser";
import { ShellSyntaxError } from "./lexer";
import { ERRNO_TEXT, normalizePath, type Errno } from "../vfs";
import { BUILTINS } from "./builtins";

export class ShellExit { constructor(readonly code: number) {} }
export class BreakSignal { constructor(public levels: number) {} }
export class ContinueSignal { constructor(public levels: number) {} }
export class ReturnSignal { constructor(readonly code: number) {} }

/** Standard input as a buffer with a read cursor, so `while read line` consumes it line by line. */
export type Stdin = { data: string; pos: number };
export type ShellIo = { stdin: Stdin; out(text: string): void; err(text: string): void };

export const MAX_FUNCTION_DEPTH = 100;
const MAX_SUBST_OUTPUT = 1024 * 1024;

export type ShellOptions = {
  host: ProcessHost;
  flavor: ShellFlavor;
  arg0: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  pid1: boolean;
};

export class Shell {
  /** Mutable so an interactive session can carry one shell across the processes that run its lines. */
  host: ProcessHost;
  /** Set when the shell ran `exit` (or hit a fatal error); an interactive session then ends. */
  exited = false;
  readonly flavor: ShellFlavor;
  arg0: string;
  positional: string[];
  vars = new Map<string, string>();
  exported = new Set<string>();
  readonlyVars = new Set<string>();
  funcs = new Map<string, Command>();
  status = 0;
  lastBg: number | null = null;
  cwd: string;
  errexit = false;
  nounset = false;
  xtrace = false;
  noglob = false;
  pipefail = false;
  traps = new Map<string, string>();
  pendingSignals: Signal[] = [];
  jobs: number[] = [];
  pid1: boolean;
  line = 1;
  condDepth = 0;
  funcDepth = 0;
  localStack: Map<string, string | undefined>[] = [];
  isSubshell = false;
  /** Interactive shells (kubectl exec -it … sh) keep going after each line and run the EXIT trap only on exit. */
  interactive = false;
  exitTrapRan = false;

  constructor(o: ShellOptions) {
    this.host = o.host;
    this.flavor = o.flavor;
    this.arg0 = o.arg0;
    this.positional = o.args;
    this.cwd = o.cwd;
    this.pid1 = o.pid1;
    for (const [k, v] of Object.entries(o.env)) {
      this.vars.set(k, v);
      this.exported.add(k);
    }
    if (!this.vars.has("IFS")) this.vars.set("IFS", " \t\n");
    if (!this.vars.has("PWD")) { this.vars.set("PWD", o.cwd); this.exported.add("PWD"); }
    this.vars.set("PPID", "0");
    if (o.flavor === "bash" && !this.vars.has("HOSTNAME")) this.vars.set("HOSTNAME", o.host.ctx.hostname);
  }

  clone(): Shell {
    const s = Object.create(Shell.prototype) as Shell;
    Object.assign(s, this);
    s.vars = new Map(this.vars);
    s.exported = new Set(this.exported);
    s.readonlyVars = new Set(this.readonlyVars);
    s.funcs = new Map(this.funcs);
    // A forked shell resets traps that run commands (POSIX), keeps ignored ones; it is never PID 1.
    s.traps = new Map([...this.traps].filter(([, action]) => action === ""));
    s.pendingSignals = [];
    s.jobs = [];
    s.pid1 = false;
    s.isSubshell = true;
    s.localStack = [];
    s.exitTrapRan = false;
    s.execSingle = null;
    return s;
  }

  env(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of [...this.exported].sort()) {
      const v = this.vars.get(k);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }

  setVar(name: string, value: string): void {
    if (this.readonlyVars.has(name)) throw new ShellError(`${name}: is read only`, 2);
    this.vars.set(name, value);
  }

  // ── messages in the shell's own dialect ─────────────────────────────────────────────
  prefix(): string {
    if (this.flavor === "dash") return `${this.arg0}: ${this.line}: `;
    if (this.flavor === "bash") return `${this.arg0}: line ${this.line}: `;
    return `${this.arg0}: `;
  }
  notFound(name: string): string {
    return this.flavor === "bash" ? `${this.prefix()}${name}: command not found\n` : `${this.prefix()}${name}: not found\n`;
  }
  syntaxError(e: ShellSyntaxError): string {
    const near = e.near === "newline" ? "newline" : e.near;
    if (this.flavor === "dash") return `${this.arg0}: ${e.line}: Syntax error: ${near ? `"${near}" unexpected` : "end of file unexpected"}\n`;
    if (this.flavor === "bash") {
      if (!near) return `${this.arg0}: -c: line ${e.line}: syntax error: unexpected end of file\n`;
      return `${this.arg0}: -c: line ${e.line}: syntax error near unexpected token \`${near}'\n`;
    }
    if (e.message.startsWith("unterminated")) return `${this.arg0}: syntax error: unterminated quoted string\n`;
    return `${this.arg0}: syntax error: ${near ? `unexpected "${near}"` : "unexpected end of file"}\n`;
  }

  // ── entry points ──────────────────────────────────────────────────────────────────────
  /** Runs a script text (sh -c, a script file, eval); syntax errors exit 2 like real shells. */
  *runText(text: string, io: ShellIo): Generator<Yield, number, unknown> {
    let script: Script;
    try {
      script = parseScript(text);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        io.err(this.syntaxError(e));
        return 2;
      }
      throw e;
    }
    return yield* this.runScript(script, io);
  }

  *runScript(script: Script, io: ShellIo): Generator<Yield, number, unknown> {
    try {
      yield* this.runList(script.body, io);
    } catch (e) {
      if (e instanceof ShellExit) { this.status = e.code; this.exited = true; }
      else if (e instanceof ReturnSignal) this.status = e.code;
      else if (e instanceof BreakSignal || e instanceof ContinueSignal) { /* outside a loop: ignored */ }
      else throw e;
    }
    if (this.exited || !this.interactive) yield* this.runExitTrap(io);
    return this.status;
  }

  *runExitTrap(io: ShellIo): Generator<Yield, void, unknown> {
    const action = this.traps.get("EXIT");
    if (action && !this.exitTrapRan) {
      this.exitTrapRan = true;
      const saved = this.status;
      try {
        const script = parseScript(action);
        yield* this.runList(script.body, io);
        this.status = saved;
      } catch (e) {
        if (e instanceof ShellExit) this.status = e.code;
        else if (!(e instanceof ShellSyntaxError || e instanceof ReturnSignal)) throw e;
      }
    }
  }

  /** Runs trap actions for signals that arrived while a foreground command ran. */
  *runPendingTraps(io: ShellIo): Generator<Yield, void, unknown> {
    while (this.pendingSignals.length) {
      const sig = this.pendingSignals.shift() as Signal;
      const action = this.traps.get(sig);
      if (action === undefined || action === "") continue;
      const saved = this.status;
      try {
        const script = parseScript(action);
        yield* this.runList(script.body, io);
      } catch (e) {
        if (e instanceof ShellSyntaxError) io.err(this.syntaxError(e));
        else throw e;
      }
      this.status = saved;
    }
  }

  /** Installs (or removes) PID 1's disposition from the trap table. */
  syncSignalHandler(): void {
    if (!this.pid1) return;
    const trapped = [...this.traps.keys()].filter((k) => k !== "EXIT");
    if (trapped.length === 0) { this.host.setSignalHandler(null); return; }
    this.host.setSignalHandler((sig): SignalAction => {
      const action = this.traps.get(sig);
      if (action === undefined) return { kind: "ignore" };
      if (action === "") return { kind: "ignore" };
      this.pendingSignals.push(sig);
      return { kind: "wake" };
    });
  }

  // ── lists, and-or lists, pipelines ───────────────────────────────────────────────────
  *runList(list: List, io: ShellIo): Generator<Yield, number, unknown> {
    for (const item of list.items) {
      if (item.background) {
        const child = this.clone();
        const job = child.runAndOrGuarded(item.node, { stdin: { data: "", pos: 0 }, out: io.out, err: io.err });
        const pid = this.host.spawnJob(job, describeAndOr(item.node));
        this.lastBg = pid;
        this.jobs.push(pid);
        this.status = 0;
      } else {
        this.status = yield* this.runAndOr(item.node, io);
      }
      if (this.pendingSignals.length) yield* this.runPendingTraps(io);
    }
    return this.status;
  }

  private *runAndOrGuarded(node: AndOr, io: ShellIo): Generator<Yield, number, unknown> {
    try {
      return yield* this.runAndOr(node, io);
    } catch (e) {
      if (e instanceof ShellExit) return e.code;
      if (e instanceof ReturnSignal) return e.code;
      if (e instanceof BreakSignal || e instanceof ContinueSignal) return this.status;
      throw e;
    }
  }

  *runAndOr(node: AndOr, io: ShellIo): Generator<Yield, number, unknown> {
    const guarded = node.rest.length > 0;
    if (guarded) this.condDepth++;
    let status: number;
    try {
      status = yield* this.runPipeline(node.first, io);
    } finally {
      if (guarded) this.condDepth--;
    }
    for (let i = 0; i < node.rest.length; i++) {
      const { op, pipeline } = node.rest[i];
      if ((op === "&&" && status !== 0) || (op === "||" && status === 0)) continue;
      const last = i === node.rest.length - 1;
      if (!last) this.condDepth++;
      try {
        status = yield* this.runPipeline(pipeline, io);
      } finally {
        if (!last) this.condDepth--;
      }
    }
    this.status = status;
    return status;
  }

  *runPipeline(p: Pipeline, io: ShellIo): Generator<Yield, number, unknown> {
    if (p.negate) this.condDepth++;
    let status: number;
    try {
      if (p.commands.length === 1) {
        status = yield* this.runCommand(p.commands[0], io);
      } else {
        // Stages run one after another on a forked shell each, the output of one buffered as the next's input.
        let input: Stdin = io.stdin;
        const statuses: number[] = [];
        for (let i = 0; i < p.commands.length; i++) {
          const last = i === p.commands.length - 1;
          let buffer = "";
          const stageIo: ShellIo = {
            stdin: input,
            out: last ? io.out : (t) => { if (buffer.length < MAX_SUBST_OUTPUT) buffer += t; },
            err: io.err,
          };
          const child = this.clone();
          let code: number;
          try {
            code = yield* child.runCommand(p.commands[i], stageIo);
          } catch (e) {
            if (e instanceof ShellExit) code = e.code;
            else if (e instanceof ReturnSignal) code = e.code;
            else if (e instanceof BreakSignal || e instanceof ContinueSignal) code = child.status;
            else throw e;
          }
          statuses.push(code);
          input = { data: buffer, pos: 0 };
        }
        status = statuses[statuses.length - 1];
        if (this.pipefail) status = [...statuses].reverse().find((s) => s !== 0) ?? 0;
      }
    } finally {
      if (p.negate) this.condDepth--;
    }
    if (p.negate) status = status === 0 ? 1 : 0;
    this.status = status;
    if (status !== 0 && this.errexit && this.condDepth === 0 && !p.negate) throw new ShellExit(status);
    return status;
  }

  // ── commands ──────────────────────────────────────────────────────────────────────────
  *runCommand(cmd: Command, io: ShellIo): Generator<Yield, number, unknown> {
    if (this.host.tick()) yield { kind: "busy" };
    switch (cmd.kind) {
      case "simple":
        return yield* this.runSimple(cmd, io);
      case "funcdef":
        this.funcs.set(cmd.name, cmd.body);
        return 0;
      default: {
        const redirected = yield* this.applyRedirs(cmd.redirs, io);
        if (redirected.kind === "error") return 1;
        try {
          return yield* this.runCompound(cmd, redirected.io);
        } finally {
          redirected.close();
        }
      }
    }
  }

  private *runCompound(cmd: Exclude<Command, SimpleCommand | { kind: "funcdef" }>, io: ShellIo): Generator<Yield, number, unknown> {
    switch (cmd.kind) {
      case "group":
        return yield* this.runList(cmd.body, io);
      case "subshell": {
        const child = this.clone();
        try {
          yield* child.runList(cmd.body, io);
        } catch (e) {
          if (e instanceof ShellExit) child.status = e.code;
          else if (!(e instanceof BreakSignal || e instanceof ContinueSignal || e instanceof ReturnSignal)) throw e;
        }
        yield* child.runExitTrap(io);
        return child.status;
      }
      case "if": {
        for (const clause of cmd.clauses) {
          this.condDepth++;
          let c: number;
          try {
            c = yield* this.runList(clause.cond, io);
          } finally {
            this.condDepth--;
          }
          if (c === 0) return yield* this.runList(clause.body, io);
        }
        if (cmd.elseBody) return yield* this.runList(cmd.elseBody, io);
        this.status = 0;
        return 0;
      }
      case "loop": {
        let status = 0;
        for (;;) {
          if (this.host.tick()) yield { kind: "busy" };
          this.condDepth++;
          let c: number;
          try {
            c = yield* this.runList(cmd.cond, io);
          } finally {
            this.condDepth--;
          }
          if ((c === 0) === cmd.until) break;
          const r = yield* this.runLoopBody(cmd.body, io);
          status = r.status;
          if (r.stop) break;
        }
        this.status = status;
        return status;
      }
      case "for": {
        const items = cmd.items === null ? [...this.positional] : yield* expandWords(cmd.items, this.expandHost());
        let status = 0;
        for (const item of items) {
          if (this.host.tick()) yield { kind: "busy" };
          this.setVar(cmd.name, item);
          const r = yield* this.runLoopBody(cmd.body, io);
          status = r.status;
          if (r.stop) break;
        }
        this.status = status;
        return status;
      }
      case "case": {
        const subject = yield* expandString(cmd.subject, this.expandHost());
        for (let i = 0; i < cmd.arms.length; i++) {
          for (const pat of cmd.arms[i].patterns) {
            const p = yield* expandPattern(pat, this.expandHost());
            if (matchPattern(subject, p)) return yield* this.runList(cmd.arms[i].body, io);
          }
        }
        this.status = 0;
        return 0;
      }
      case "cond": {
        this.line = cmd.line;
        // dash has no [[ ]]: the words run as a command named "[[" (a classic bash-ism failure in Debian images).
        if (this.flavor === "dash") {
          io.err(this.notFound("[["));
          this.status = 127;
          return 127;
        }
        const status = yield* this.evalCond(cmd.words);
        this.status = status;
        return status;
      }
      case "arith-cmd": {
        try {
          const expr = yield* expandString(cmd.expr, this.expandHost());
          const v = evalArith(expr, this.arithHost());
          this.status = v !== 0 ? 0 : 1;
        } catch (e) {
          if (!(e instanceof ArithError)) throw e;
          io.err(`${this.prefix()}${e.message}\n`);
          this.status = 1;
        }
        return this.status;
      }
    }
  }

  private *runLoopBody(body: List, io: ShellIo): Generator<Yield, { status: number; stop: boolean }, unknown> {
    try {
      const status = yield* this.runList(body, io);
      return { status, stop: false };
    } catch (e) {
      if (e instanceof BreakSignal) {
        if (--e.levels > 0) throw e;
        return { status: 0, stop: true };
      }
      if (e instanceof ContinueSignal) {
        if (--e.levels > 0) throw e;
        return { status: 0, stop: false };
      }
      throw e;
    }
  }

  private *runSimple(cmd: SimpleCommand, io: ShellIo): Generator<Yield, number, unknown> {
    this.line = cmd.line;
    let argv: string[];
    const assigns: [string, string][] = [];
    try {
      this.lastSubstStatus = null;
      argv = yield* expandWords(cmd.words, this.expandHost());
      for (const a of cmd.assigns) {
        const v = yield* expandString(a.value, this.expandHost());
        assigns.push([a.name, a.append ? (this.vars.get(a.name) ?? "") + v : v]);
      }
    } catch (e) {
      if (e instanceof ExpansionError || e instanceof ArithError) {
        io.err(`${this.prefix()}${e.message}\n`);
        // Expansion errors abort a non-interactive shell (POSIX 2.8.1).
        throw new ShellExit(e instanceof ArithError ? 2 : 1);
      }
      throw e;
    }
    if (this.xtrace) io.err(`+ ${[...assigns.map(([k, v]) => `${k}=${v}`), ...argv].join(" ")}\n`);

    if (argv.length === 0) {
      for (const [k, v] of assigns) this.setVar(k, v);
      const redirected = yield* this.applyRedirs(cmd.redirs, io);
      if (redirected.kind === "error") return (this.status = 1);
      redirected.close();
      this.status = this.lastSubstStatus ?? 0;
      return this.status;
    }

    const name = argv[0];
    // `exec` with only redirections rewires the shell's own stdio.
    if (name === "exec" && argv.length === 1) {
      const redirected = yield* this.applyRedirs(cmd.redirs, io);
      if (redirected.kind === "error") return (this.status = 1);
      this.permanentIo = redirected.io;
      return (this.status = 0);
    }

    const redirected = yield* this.applyRedirs(cmd.redirs, this.permanentIo ? { ...this.permanentIo, stdin: io.stdin } : io);
    if (redirected.kind === "error") return (this.status = 1);
    const cio = redirected.io;
    try {
      const fn = this.funcs.get(name);
      if (fn) {
        for (const [k, v] of assigns) this.setVar(k, v);
        return (this.status = yield* this.callFunction(fn, argv.slice(1), cio));
      }
      const builtin = BUILTINS[name];
      if (builtin && !(this.flavor !== "bash" && BASH_ONLY.has(name))) {
        const special = SPECIAL_BUILTINS.has(name);
        const saved = special ? [] : assigns.map(([k]) => [k, this.vars.get(k)] as const);
        for (const [k, v] of assigns) this.setVar(k, v);
        try {
          return (this.status = yield* builtin(this, argv.slice(1), cio));
        } finally {
          for (const [k, v] of saved) {
            if (v === undefined) this.vars.delete(k);
            else this.vars.set(k, v);
          }
        }
      }
      const env = this.env();
      for (const [k, v] of assigns) env[k] = v;
      return (this.status = yield* this.runExternal(argv, cio, env, cmd === this.execSingle && this.traps.size === 0));
    } finally {
      redirected.close();
    }
  }

  permanentIo: ShellIo | null = null;
  /** The only command of an `sh -c` script, which the shell execs instead of forking (see commands/sh). */
  execSingle: SimpleCommand | null = null;
  lastSubstStatus: number | null = null;

  *runExternal(argv: string[], io: ShellIo, env: Record<string, string>, asExec: boolean): Generator<Yield, number, unknown> {
    const name = argv[0];
    const found = this.host.lookup(name, env.PATH ?? this.vars.get("PATH") ?? "", this.cwd);
    if (found.kind === "not-found") {
      if (name.includes("/")) io.err(this.flavor === "dash" ? `${this.prefix()}${name}: not found\n` : `${this.prefix()}${name}: No such file or directory\n`);
      else io.err(this.notFound(name));
      return 127;
    }
    if (found.kind === "not-executable") {
      io.err(`${this.prefix()}${name}: Permission denied\n`);
      return 126;
    }
    if (found.kind === "is-directory") {
      io.err(this.flavor === "bash" ? `${this.prefix()}${name}: Is a directory\n` : `${this.prefix()}${name}: Permission denied\n`);
      return 126;
    }
    const stdinText = io.stdin.data.slice(io.stdin.pos);
    io.stdin.pos = io.stdin.data.length;
    const code = yield* this.host.run(argv, { stdin: stdinText, out: io.out, err: io.err }, { env, cwd: this.cwd, pid1: asExec && this.pid1 });
    return code;
  }

  *callFunction(body: Command, args: string[], io: ShellIo): Generator<Yield, number, unknown> {
    if (this.funcDepth >= MAX_FUNCTION_DEPTH) {
      io.err(`${this.prefix()}function nesting too deep\n`);
      throw new ShellExit(2);
    }
    const savedArgs = this.positional;
    this.positional = args;
    this.funcDepth++;
    this.localStack.push(new Map());
    try {
      return yield* this.runCommand(body, io);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.code;
      throw e;
    } finally {
      const locals = this.localStack.pop() as Map<string, string | undefined>;
      for (const [k, v] of locals) {
        if (v === undefined) this.vars.delete(k);
        else this.vars.set(k, v);
      }
      this.funcDepth--;
      this.positional = savedArgs;
    }
  }

  // ── [[ ]] ───────────────────────────────────────────────────────────────────────────
  private *evalCond(words: Word[]): Generator<Yield, number, unknown> {
    // Operands are expanded without splitting; the right side of == / != is a pattern.
    const host = this.expandHost();
    let pos = 0;
    const peekRaw = () => words[pos]?.raw;
    const operand = function* (w: Word): Generator<Yield, string, unknown> { return yield* expandString(w, host); };
    const primary = function* (self: Shell): Generator<Yield, boolean, unknown> {
      const raw = peekRaw();
      if (raw === "!") { pos++; return !(yield* primary(self)); }
      if (raw === "(") {
        pos++;
        const v = yield* or(self);
        if (peekRaw() === ")") pos++;
        return v;
      }
      const a = words[pos++];
      if (a === undefined) return false;
      const op = peekRaw();
      if (a.raw.startsWith("-") && a.raw.length === 2 && words[pos] && !["==", "=", "!=", "<", ">", "=~", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "&&", "||", ")"].includes(op ?? "")) {
        const b = yield* operand(words[pos++]);
        return self.unaryTest(a.raw, b);
      }
      if (op && ["==", "=", "!=", "<", ">", "=~", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot"].includes(op)) {
        pos++;
        const left = yield* operand(a);
        const rw = words[pos++];
        if (!rw) return false;
        if (op === "==" || op === "=" || op === "!=") {
          const pat = yield* expandPattern(rw, host);
          const m = matchPattern(left, pat);
          return op === "!=" ? !m : m;
        }
        const right = yield* operand(rw);
        if (op === "=~") {
          try { return new RegExp(right).test(left); } catch { return false; }
        }
        if (op === "<") return left < right;
        if (op === ">") return left > right;
        const x = Number(left) || 0;
        const y = Number(right) || 0;
        return { "-eq": x === y, "-ne": x !== y, "-lt": x < y, "-le": x <= y, "-gt": x > y, "-ge": x >= y }[op as "-eq"] ?? false;
      }
      return (yield* operand(a)) !== "";
    };
    const and = function* (self: Shell): Generator<Yield, boolean, unknown> {
      let v = yield* primary(self);
      while (peekRaw() === "&&") { pos++; const r = yield* primary(self); v = v && r; }
      return v;
    };
    const or = function* (self: Shell): Generator<Yield, boolean, unknown> {
      let v = yield* and(self);
      while (peekRaw() === "||") { pos++; const r = yield* and(self); v = v || r; }
      return v;
    };
    return (yield* or(this)) ? 0 : 1;
  }

  unaryTest(op: string, arg: string): boolean {
    const fs = this.host.ctx.fs;
    const path = arg.startsWith("/") ? arg : normalizePath(arg, this.cwd);
    const st = fs.stat(path);
    switch (op) {
      case "-e": case "-a": return st.ok;
      case "-f": return st.ok && st.value.node.kind === "file";
      case "-d": return st.ok && st.value.node.kind === "dir";
      case "-L": case "-h": { const l = fs.lstat(path); return l.ok && l.value.node.kind === "symlink"; }
      case "-s": return st.ok && st.value.size > 0;
      case "-r": case "-x": case "-w":
        if (!st.ok) return false;
        if (op === "-x") return (st.value.node.mode & 0o111) !== 0;
        if (op === "-w") return !st.value.readOnly;
        return true;
      case "-z": return arg === "";
      case "-n": return arg !== "";
      case "-v": return this.vars.has(arg);
      default: return false;
    }
  }

  // ── redirections ──────────────────────────────────────────────────────────────────────
  *applyRedirs(redirs: Redir[], io: ShellIo): Generator<Yield, { kind: "ok"; io: ShellIo; close(): void } | { kind: "error" }, unknown> {
    if (redirs.length === 0) return { kind: "ok", io, close: () => {} };
    const fds: { 0: Stdin; 1: (t: string) => void; 2: (t: string) => void } = { 0: io.stdin, 1: io.out, 2: io.err };
    const fs = this.host.ctx.fs;
    const host = this.expandHost();
    for (const r of redirs) {
      if (r.op === "<<" || r.op === "<<-") {
        const body = r.heredoc?.body ?? "";
        const text = r.heredoc?.quoted ? body : yield* expandString({ raw: body, parts: heredocParts(body) }, host);
        fds[(r.fd ?? 0) as 0] = { data: text, pos: 0 };
        continue;
      }
      const target = yield* expandString(r.target, host);
      if (r.op === "<<<") {
        fds[(r.fd ?? 0) as 0] = { data: `${target}\n`, pos: 0 };
        continue;
      }
      if (r.op === ">&" || r.op === "<&") {
        const fd = r.fd ?? (r.op === ">&" ? 1 : 0);
        if (target === "-") {
          if (fd === 1 || fd === 2) fds[fd] = () => {};
          continue;
        }
        if (/^\d+$/.test(target)) {
          const src = Number(target);
          if ((fd === 1 || fd === 2) && (src === 1 || src === 2)) fds[fd] = fds[src as 1 | 2];
          else if (fd === 0 && src === 0) { /* no-op */ }
          else if (src > 2) {
            io.err(this.flavor === "bash" ? `${this.prefix()}${src}: Bad file descriptor\n` : `${this.prefix()}${src}: bad file descriptor\n`);
            return { kind: "error" };
          }
          continue;
        }
        if (r.op === "<&") {
          io.err(`${this.prefix()}${target}: ambiguous redirect\n`);
          return { kind: "error" };
        }
        // `>& file` is bash's `&> file`.
      }
      const path = normalizePath(target, this.cwd);
      const special = this.specialFile(path);
      if (r.op === "<" || r.op === "<>") {
        if (special === "null") { fds[(r.fd ?? 0) as 0] = { data: "", pos: 0 }; continue; }
        const content = fs.readFile(path);
        if (!content.ok) {
          io.err(this.openError(target, content.errno, "read"));
          return { kind: "error" };
        }
        fds[(r.fd ?? 0) as 0] = { data: content.value, pos: 0 };
        continue;
      }
      let sink: (t: string) => void;
      if (special === "null") sink = () => {};
      else if (special === "stdout") sink = io.out;
      else if (special === "stderr") sink = io.err;
      else {
        const append = r.op === ">>" || r.op === "&>>";
        const res = fs.writeFile(path, "", { append: true });
        if (!res.ok) {
          io.err(this.openError(target, res.errno, "write"));
          return { kind: "error" };
        }
        if (!append) fs.writeFile(path, "");
        sink = (t: string) => { fs.writeFile(path, t, { append: true }); };
      }
      if (r.op === "&>" || r.op === "&>>" || (r.op === ">&" && r.fd === null)) { fds[1] = sink; fds[2] = sink; }
      else fds[(r.fd ?? 1) as 1] = sink;
    }
    return { kind: "ok", io: { stdin: fds[0], out: fds[1], err: fds[2] }, close: () => {} };
  }

  private specialFile(path: string): "null" | "stdout" | "stderr" | null {
    const real = this.host.ctx.fs.resolve(path);
    const p = real.ok ? real.value : path;
    if (p === "/dev/null" || path === "/dev/null") return "null";
    if (p === "/dev/stdout" || p === "/proc/self/fd/1" || path === "/dev/stdout") return "stdout";
    if (p === "/dev/stderr" || p === "/proc/self/fd/2" || path === "/dev/stderr") return "stderr";
    return null;
  }

  private openError(target: string, errno: Errno, mode: "read" | "write"): string {
    if (this.flavor === "bash") return `${this.prefix()}${target}: ${ERRNO_TEXT[errno]}\n`;
    if (this.flavor === "dash") {
      const what = errno === "ENOENT" ? (mode === "read" ? "No such file" : "Directory nonexistent") : ERRNO_TEXT[errno];
      return `${this.prefix()}${mode === "read" ? "cannot open" : "cannot create"} ${target}: ${what}\n`;
    }
    if (mode === "read") return `${this.prefix()}can't open '${target}': ${ERRNO_TEXT[errno]}\n`;
    return `${this.prefix()}can't create ${target}: ${errno === "ENOENT" ? "nonexistent directory" : ERRNO_TEXT[errno]}\n`;
  }

  // ── expansion host ──────────────────────────────────────────────────────────────────────
  private cachedExpandHost: ExpandHost | null = null;
  /** One host object per shell (getters read live state): expansion runs for every command. */
  expandHost(): ExpandHost {
    if (this.cachedExpandHost && (this.cachedExpandHost as ExpandHost & { owner: Shell }).owner === this) return this.cachedExpandHost;
    const host = {
      owner: this as Shell,
      getVar: (n: string) => this.getVar(n),
      setVar: (n: string, v: string) => this.setVar(n, v),
      positional: () => this.positional,
      special: (n: string) => this.special(n),
      commandSubstitution: (script: Script) => this.commandSubstitution(script),
      get nounset() { return this.owner.nounset; },
      get noglob() { return this.owner.noglob; },
      get home() { return this.owner.vars.get("HOME") ?? "/root"; },
      get fs() { return this.owner.host.ctx.fs; },
      get cwd() { return this.owner.cwd; },
    };
    this.cachedExpandHost = host;
    return host;
  }
  arithHost() {
    return { getVar: (n: string) => this.getVar(n), setVar: (n: string, v: string) => this.setVar(n, v) };
  }
  getVar(name: string): string | undefined {
    if (name === "RANDOM") return String(Math.floor(this.host.ctx.random() * 32768));
    if (name === "LINENO") return String(this.line);
    if (name === "SECONDS") return String(Math.floor(this.host.ctx.now() / 1000) % 100000);
    return this.vars.get(name);
  }
  special(name: string): string | undefined {
    switch (name) {
      case "?": return String(this.status);
      case "$": return String(this.host.ctx.pid);
      case "!": return this.lastBg === null ? "" : String(this.lastBg);
      case "#": return String(this.positional.length);
      case "-": return `${this.errexit ? "e" : ""}${this.nounset ? "u" : ""}${this.xtrace ? "x" : ""}${this.noglob ? "f" : ""}`;
      case "0": return this.arg0;
    }
    return undefined;
  }

  private *commandSubstitution(script: Script): Generator<Yield, string, unknown> {
    const child = this.clone();
    let out = "";
    const io: ShellIo = {
      stdin: { data: "", pos: 0 },
      out: (t) => { if (out.length < MAX_SUBST_OUTPUT) out += t; },
      err: (t) => this.currentErr(t),
    };
    try {
      yield* child.runList(script.body, io);
    } catch (e) {
      if (e instanceof ShellExit) child.status = e.code;
      else if (!(e instanceof BreakSignal || e instanceof ContinueSignal || e instanceof ReturnSignal)) throw e;
    }
    this.lastSubstStatus = child.status;
    this.status = child.status;
    return out;
  }

  /** Where stderr of command substitutions goes: the process's stderr. */
  currentErr(t: string): void {
    this.host.ctx.stderr(t);
  }
}

const SPECIAL_BUILTINS = new Set(["export", "readonly", "set", "unset", "shift", "exit", "return", "break", "continue", "eval", ".", "exec", "trap", ":", "local"]);
const BASH_ONLY = new Set(["source", "declare", "typeset", "let"]);

function heredocParts(body: string) {
  // Inside an unquoted here-document, quotes are literal but $ and ` expand (as within double quotes).
  return parseHeredoc(body);
}
import { parseWordParts } from "./parser";
function parseHeredoc(body: string) {
  return parseWordParts(body.replace(/"/g, '\\"'), true);
}

function describeAndOr(node: AndOr): string {
  const first = node.first.commands[0];
  if (first?.kind === "simple") return first.words.map((w) => w.raw.replace(/^["']|["']$/g, "")).join(" ");
  return "sh";
}

export class ShellError extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}

export { SIGNAL_NUMBERS };

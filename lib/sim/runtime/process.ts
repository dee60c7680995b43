// A simulated container process: a tiny cooperative scheduler over generator "threads" (the program and
// its shell's background jobs) that turns their yields into the Effects the kubelet schedules on the
// virtual clock, and models PID 1 signal semantics.
//
// Bounds (why they exist): a resume runs at most STEPS_PER_SLICE interpreter steps per thread before the
// thread is treated as CPU-bound and parked for BUSY_SLICE_MS of virtual time; a thread that stays busy for
// MAX_BUSY_STEPS steps without ever sleeping or blocking (`while true; do :; done`) is ended with a
// message, because simulating a spinning CPU for hours would stall the whole simulation. Output is capped per
// resume so `yes` cannot flood the log store.
import type { CommandContext, CommandImpl, CommandIo, SignalAction, Yield } from "./commands/types";
import { COMMANDS } from "./commands/registry";
import type { ProcessHost, ProgramLookup } from "./host";
import { SIGNAL_NUMBERS, type Effect, type Process, type ProcessContext, type ResolvedImage, type Signal, type SpawnResult } from "./types";
import { normalizePath } from "./vfs";

export const STEPS_PER_SLICE = 5_000;
export const BUSY_SLICE_MS = 100;
export const MAX_BUSY_STEPS = 100_000;
export const MAX_OUTPUT_PER_RESUME = 256 * 1024;
const MAX_ROUNDS = 100_000;

type ThreadState =
  | { kind: "ready"; input?: unknown }
  | { kind: "sleep"; until: number }
  | { kind: "wait" }
  | { kind: "join"; pids: number[] | null }
  | { kind: "done"; code: number };
type Thread = { pid: number; gen: Generator<Yield, number, unknown>; state: ThreadState; busySteps: number; command: string; startedAt: number };

export type SpawnOptions = {
  pid1?: boolean;
  maxSteps?: number;
  /** Runs this generator as the main thread instead of looking up argv (interactive shell sessions). */
  main?: (host: ProcessHost, io: CommandIo) => Generator<Yield, number, unknown>;
};

export function lookupProgram(fs: ProcessContext["fs"], name: string, path: string, cwd: string): ProgramLookup {
  const classify = (p: string): ProgramLookup | null => {
    const st = fs.stat(p);
    if (!st.ok) return null;
    const node = st.value.node;
    if (node.kind === "dir") return { kind: "is-directory", path: p };
    if (node.kind !== "file") return null;
    if ((node.mode & 0o111) === 0) return { kind: "not-executable", path: p };
    if (node.program) return { kind: "program", path: p, program: node.program };
    const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(node.data);
    return { kind: "script", path: p, interpreter: shebang ? [shebang[1], ...(shebang[2] ? [shebang[2]] : [])] : ["/bin/sh"] };
  };
  if (name === "") return { kind: "not-found" };
  if (name.includes("/")) return classify(normalizePath(name, cwd)) ?? { kind: "not-found" };
  let denied: ProgramLookup | null = null;
  for (const dir of path.split(":")) {
    if (!dir) continue;
    const found = classify(dir.startsWith("/") ? `${dir}/${name}` : normalizePath(`${dir}/${name}`, cwd));
    if (!found || found.kind === "is-directory") continue;
    if (found.kind === "not-executable") { denied ??= found; continue; }
    return found;
  }
  return denied ?? { kind: "not-found" };
}

export class SimProcess implements Process, ProcessHost {
  readonly ctx: ProcessContext;
  private threads: Thread[] = [];
  private main: Thread | null = null;
  private handler: ((sig: Signal) => SignalAction) | null = null;
  private exitCode: number | null = null;
  private current: Thread | null = null;
  private sliceSteps = 0;
  private totalSteps = 0;
  private outputBudget = MAX_OUTPUT_PER_RESUME;
  private scheduling = false;
  private jobSeq = 0;
  private cpu = -1;

  constructor(
    private readonly argv: string[],
    readonly image: ResolvedImage,
    ctx: ProcessContext,
    private readonly opts: SpawnOptions,
  ) {
    // Output goes through a per-resume budget; everything else is the caller's context unchanged.
    // The cap only applies while the process runs (a runaway loop); server handlers logging between resumes
    // (nginx access lines) are bounded by the requests the cluster makes.
    const budgeted = (write: (t: string) => void) => (t: string) => {
      if (!this.scheduling) { write(t); return; }
      if (this.outputBudget <= 0) return;
      const piece = t.length > this.outputBudget ? t.slice(0, this.outputBudget) : t;
      this.outputBudget -= piece.length;
      write(piece);
    };
    this.ctx = { ...ctx, stdout: budgeted((t) => ctx.stdout(t)), stderr: budgeted((t) => ctx.stderr(t)) };
  }

  // ── Process ────────────────────────────────────────────────────────────────────────────
  start(): Effect {
    const io: CommandIo = { stdin: "", out: (t) => this.ctx.stdout(t), err: (t) => this.ctx.stderr(t) };
    const gen = this.opts.main
      ? this.opts.main(this, io)
      : this.run(this.argv, io, { env: this.ctx.env, cwd: this.ctx.cwd, pid1: this.opts.pid1 ?? this.ctx.pid === 1 });
    this.main = { pid: this.ctx.pid, gen, state: { kind: "ready" }, busySteps: 0, command: this.argv.join(" "), startedAt: this.ctx.now() };
    this.threads.push(this.main);
    return this.schedule();
  }

  resume(): Effect {
    return this.schedule();
  }

  signal(sig: Signal): Effect | null {
    if (this.exitCode !== null) return null;
    if (sig === "KILL") return this.finish(128 + SIGNAL_NUMBERS.KILL);
    if (this.handler) {
      const action = this.handler(sig);
      if (action.kind === "ignore") return null;
      if (action.kind === "exit") return this.finish(action.code);
      if (this.main && this.main.state.kind === "join") this.main.state = { kind: "ready", input: { interrupted: sig } };
      return this.schedule();
    }
    // The kernel never applies a default action to PID 1 of a PID namespace for signals it has no handler
    // for: `sleep 3600` or `sh -c '…'` as PID 1 ignore SIGTERM, and the kubelet waits out the grace period.
    const pid1 = this.opts.pid1 ?? this.ctx.pid === 1;
    if (pid1) return null;
    return this.finish(128 + SIGNAL_NUMBERS[sig]);
  }

  private finish(code: number): Effect {
    this.exitCode = code;
    for (const t of this.threads) if (t.state.kind !== "done") t.state = { kind: "done", code };
    this.setCpu(0);
    return { kind: "exit", code };
  }

  private setCpu(m: number): void {
    if (m !== this.cpu) {
      this.cpu = m;
      this.ctx.setCpuUsage(m);
    }
  }

  private schedule(): Effect {
    this.scheduling = true;
    try {
      return this.runThreads();
    } finally {
      this.scheduling = false;
    }
  }

  private runThreads(): Effect {
    if (this.exitCode !== null) return { kind: "exit", code: this.exitCode };
    this.outputBudget = MAX_OUTPUT_PER_RESUME;
    const now = this.ctx.now();
    for (let round = 0, progress = true; progress && round < MAX_ROUNDS; round++) {
      progress = false;
      for (const t of [...this.threads]) {
        if (this.exitCode !== null) return { kind: "exit", code: this.exitCode };
        const input = this.runnable(t, now);
        if (input === null) continue;
        progress = true;
        this.step(t, input.value, now);
      }
    }
    if (this.exitCode !== null) return { kind: "exit", code: this.exitCode };
    // Still runnable after MAX_ROUNDS (threads ping-ponging without sleeping): come back in a moment.
    if (this.threads.some((t) => t.state.kind === "ready")) return { kind: "sleep", ms: BUSY_SLICE_MS };
    let busy = 0;
    let wake = Infinity;
    for (const t of this.threads) {
      if (t.state.kind === "sleep") wake = Math.min(wake, t.state.until);
      if (t.state.kind === "sleep" && t.busySteps > 0) busy++;
    }
    this.setCpu(busy * 1000);
    if (wake !== Infinity) return { kind: "sleep", ms: Math.max(1, wake - now) };
    return { kind: "wait" };
  }

  private runnable(t: Thread, now: number): { value: unknown } | null {
    const s = t.state;
    if (s.kind === "ready") return { value: s.input };
    if (s.kind === "sleep" && s.until <= now) return { value: undefined };
    if (s.kind === "join") {
      const targets = s.pids ?? this.threads.filter((x) => x !== t && x !== this.main).map((x) => x.pid);
      if (targets.every((pid) => this.jobStatus(pid)?.done ?? true)) return { value: undefined };
    }
    return null;
  }

  private step(t: Thread, input: unknown, now: number): void {
    this.current = t;
    this.sliceSteps = 0;
    let r: IteratorResult<Yield, number>;
    try {
      r = t.gen.next(input);
    } catch (e) {
      if (e instanceof StepBudgetExceeded) throw e;
      // A bug in a simulated program must not take the simulation down: report it like a crashed binary.
      this.ctx.stderr(`${this.argv[0]}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      r = { done: true, value: 2 };
    } finally {
      this.current = null;
    }
    if (r.done) {
      t.state = { kind: "done", code: r.value };
      if (t === this.main) this.finish(r.value);
      return;
    }
    const y = r.value;
    switch (y.kind) {
      case "sleep":
        if (y.ms > 0) {
          t.busySteps = 0;
          t.state = { kind: "sleep", until: now + y.ms };
          break;
        }
        // `sleep 0` in a loop still spins: it counts towards the busy budget like any other step.
        t.busySteps += this.sliceSteps + 1;
        if (t.busySteps >= MAX_BUSY_STEPS) {
          this.endBusy(t);
          return;
        }
        t.state = { kind: "ready" };
        break;
      case "wait":
        t.busySteps = 0;
        t.state = { kind: "wait" };
        break;
      case "join":
        t.state = { kind: "join", pids: y.pids };
        break;
      case "busy":
        t.busySteps += STEPS_PER_SLICE;
        if (t.busySteps >= MAX_BUSY_STEPS) {
          this.endBusy(t);
          return;
        }
        t.state = { kind: "sleep", until: now + BUSY_SLICE_MS };
        break;
    }
  }

  private endBusy(t: Thread): void {
    this.ctx.stderr(`kubedrill: ${t.command.slice(0, 60)}: ended after ${MAX_BUSY_STEPS} steps without sleeping (busy loops are not simulated)\n`);
    t.state = { kind: "done", code: 137 };
    if (t === this.main) this.finish(137);
  }

  // ── ProcessHost ─────────────────────────────────────────────────────────────────────────
  tick(): boolean {
    this.totalSteps++;
    if (this.opts.maxSteps !== undefined && this.totalSteps > this.opts.maxSteps) {
      this.exitCode ??= 124;
      throw new StepBudgetExceeded();
    }
    return ++this.sliceSteps >= STEPS_PER_SLICE;
  }

  spawnJob(run: Generator<Yield, number, unknown>, command: string): number {
    const pid = this.ctx.pid + 1 + ++this.jobSeq;
    this.threads.push({ pid, gen: run, state: { kind: "ready" }, busySteps: 0, command, startedAt: this.ctx.now() });
    return pid;
  }
  jobStatus(pid: number): { done: boolean; code: number } | undefined {
    const t = this.threads.find((x) => x.pid === pid && x !== this.main);
    if (!t) return undefined;
    return t.state.kind === "done" ? { done: true, code: t.state.code } : { done: false, code: 0 };
  }
  killJob(pid: number, sig: Signal): boolean {
    const t = this.threads.find((x) => x.pid === pid && x !== this.main);
    if (!t || t.state.kind === "done") return false;
    t.state = { kind: "done", code: 128 + SIGNAL_NUMBERS[sig] };
    return true;
  }
  jobs(): { pid: number; command: string; startedAt: number }[] {
    return this.threads.filter((t) => t !== this.main && t.state.kind !== "done").map((t) => ({ pid: t.pid, command: t.command, startedAt: t.startedAt }));
  }
  setSignalHandler(handler: ((sig: Signal) => SignalAction) | null): void {
    this.handler = handler;
  }
  lookup(name: string, path: string, cwd: string): ProgramLookup {
    return lookupProgram(this.ctx.fs, name, path, cwd);
  }

  *run(argv: string[], io: CommandIo, opts: { env: Record<string, string>; cwd: string; pid1: boolean }): Generator<Yield, number, unknown> {
    const found = this.lookup(argv[0] ?? "", opts.env.PATH ?? "", opts.cwd);
    if (found.kind === "script") {
      return yield* this.run([...found.interpreter, found.path, ...argv.slice(1)], io, opts);
    }
    if (found.kind !== "program") {
      io.err(`exec ${argv[0]}: ${found.kind === "not-found" ? "no such file or directory" : "permission denied"}\n`);
      return found.kind === "not-found" ? 127 : 126;
    }
    const impl: CommandImpl | undefined = COMMANDS[found.program];
    if (!impl) {
      io.err(`exec ${found.path}: exec format error\n`);
      return 126;
    }
    const setHandler = (h: (sig: Signal) => SignalAction) => this.setSignalHandler(h);
    const c: CommandContext = {
      name: argv[0],
      args: argv.slice(1),
      io,
      env: opts.env,
      cwd: opts.cwd,
      proc: this.ctx,
      image: this.image,
      flavor: this.image.shell === "ash" ? "busybox" : "gnu",
      host: this,
      pid1: opts.pid1,
      onSignal(h) {
        if (opts.pid1) setHandler(h);
      },
      exec: (next) => this.run(next, io, opts),
      tick: () => this.tick(),
    };
    return yield* impl(c);
  }
}

export class StepBudgetExceeded extends Error {}

/** `exec: "foo": executable file not found in $PATH`, as runc reports it through containerd. */
function spawnError(argv: string[], found: ProgramLookup): string {
  const name = argv[0];
  if (found.kind === "is-directory") return `exec: "${name}": is a directory`;
  if (found.kind === "not-executable") return `exec: "${name}": permission denied`;
  if (name.includes("/")) return `exec: "${name}": stat ${name}: no such file or directory`;
  return `exec: "${name}": executable file not found in $PATH`;
}

export function spawnProcess(argv: string[], image: ResolvedImage, ctx: ProcessContext, opts: SpawnOptions = {}): SpawnResult {
  if (argv.length === 0) return { kind: "not-found", message: "no command specified" };
  const found = lookupProgram(ctx.fs, argv[0], ctx.env.PATH ?? "", ctx.cwd);
  if (found.kind !== "program" && found.kind !== "script") return { kind: "not-found", message: spawnError(argv, found) };
  return { kind: "ok", process: new SimProcess(argv, image, ctx, opts) };
}

export type RunResult = { exitCode: number; timedOut: boolean; elapsedMs: number; startError?: string };

/**
 * Runs a command to completion on a private clock (exec probes, `kubectl exec`): sleeps advance a local
 * counter, not the cluster clock. A process that blocks (`wait`) or outlives timeoutMs is killed and
 * reported as timed out, like the kubelet's exec probe timeout.
 */
export function runToCompletion(
  argv: string[],
  image: ResolvedImage,
  ctx: ProcessContext,
  opts: { timeoutMs?: number; maxSteps?: number } = {},
): RunResult {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const base = ctx.now();
  let elapsed = 0;
  const local: ProcessContext = { ...ctx, now: () => base + elapsed };
  const spawned = spawnProcess(argv, image, local, { pid1: false, maxSteps: opts.maxSteps ?? 2_000_000 });
  if (spawned.kind === "not-found") return { exitCode: 127, timedOut: false, elapsedMs: 0, startError: spawned.message };
  return drive(spawned.process, timeoutMs, (ms) => { elapsed += ms; }, () => elapsed);
}

/** Runs a process to its end on a private clock that `advance` moves; kills it at the timeout. */
export function drive(p: Process, timeoutMs: number, advance: (ms: number) => void, elapsedNow: () => number): RunResult {
  let effect: Effect;
  const guard = (f: () => Effect): Effect | "budget" => {
    try {
      return f();
    } catch (e) {
      if (e instanceof StepBudgetExceeded) return "budget";
      throw e;
    }
  };
  let r = guard(() => p.start());
  for (let i = 0; i < 1_000_000; i++) {
    if (r === "budget") return { exitCode: 137, timedOut: true, elapsedMs: elapsedNow() };
    effect = r;
    if (effect.kind === "exit") return { exitCode: effect.code, timedOut: false, elapsedMs: elapsedNow() };
    if (effect.kind === "wait" || elapsedNow() + effect.ms > timeoutMs) {
      p.signal("KILL");
      return { exitCode: 137, timedOut: true, elapsedMs: timeoutMs };
    }
    advance(effect.ms);
    r = guard(() => p.resume());
  }
  p.signal("KILL");
  return { exitCode: 137, timedOut: true, elapsedMs: elapsedNow() };
}

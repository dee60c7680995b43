// What a simulated program sees: its argv, stdio, environment and the container (ProcessContext).
import type { ProcessContext, ResolvedImage, Signal } from "../types";
import type { ProcessHost } from "../host";

/**
 * What a program yields to the process scheduler. `busy` means "my CPU slice is used up" (see process.ts);
 * `join` is the shell's `wait` for background jobs (null = all of them).
 */
export type Yield =
  | { kind: "sleep"; ms: number }
  | { kind: "wait" }
  | { kind: "busy" }
  | { kind: "join"; pids: number[] | null };

export type CommandIo = { stdin: string; out(text: string): void; err(text: string): void };

/** What a program does with a signal while it is the container's PID 1 (or the target of kill). */
export type SignalAction = { kind: "ignore" } | { kind: "exit"; code: number } | { kind: "wake" };

export type UserlandFlavor = "busybox" | "gnu";

export type CommandContext = {
  /** argv[0] as given (messages use it; busybox applets print their applet name). */
  name: string;
  args: string[];
  io: CommandIo;
  env: Record<string, string>;
  cwd: string;
  proc: ProcessContext;
  image: ResolvedImage;
  flavor: UserlandFlavor;
  /** Installs this program's signal disposition. Only honoured for PID 1's program (and exec'd processes). */
  onSignal(handler: (sig: Signal) => SignalAction): void;
  /** Replaces this program with another (`exec "$@"` at the end of a docker-entrypoint.sh). */
  exec(argv: string[]): Generator<Yield, number, unknown>;
  /** The process: runs other programs (sh, env, timeout, xargs) and background jobs. */
  host: ProcessHost;
  /** Whether this program is the container's PID 1 (its signal disposition is the container's). */
  pid1: boolean;
  /** Counts one unit of work; returns true when the CPU slice is used up and the program must yield busy. */
  tick(): boolean;
};

export type CommandImpl = (c: CommandContext) => Generator<Yield, number, unknown>;

/** Absolute path of `p` relative to the command's working directory. */
export function absolute(c: Pick<CommandContext, "cwd">, p: string): string {
  if (p.startsWith("/")) return p;
  return c.cwd === "/" ? `/${p}` : `${c.cwd}/${p}`;
}

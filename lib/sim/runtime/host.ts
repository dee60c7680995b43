// The services a running program gets from its process (see process.ts): step budget, background jobs,
// signal disposition and program lookup. Kept separate so the shell and the commands do not import process.ts.
import type { CommandIo, SignalAction, Yield } from "./commands/types";
import type { ProcessContext, ResolvedImage, Signal } from "./types";

export type ProgramLookup =
  | { kind: "program"; path: string; program: string }
  | { kind: "script"; path: string; interpreter: string[] }
  | { kind: "not-found" }
  | { kind: "not-executable"; path: string }
  | { kind: "is-directory"; path: string };

export type ProcessHost = {
  ctx: ProcessContext;
  image: ResolvedImage;
  /** Counts one interpreter step; true when the CPU slice is used up (the caller then yields `busy`). */
  tick(): boolean;
  /** Starts a concurrent thread (a background job); returns its pid. */
  spawnJob(run: Generator<Yield, number, unknown>, command: string): number;
  jobStatus(pid: number): { done: boolean; code: number } | undefined;
  killJob(pid: number, sig: Signal): boolean;
  /** Background jobs still running (for ps). */
  jobs(): { pid: number; command: string; startedAt: number }[];
  /** Sets PID 1's signal disposition (ignored unless `pid1` is true for the caller). */
  setSignalHandler(handler: ((sig: Signal) => SignalAction) | null): void;
  lookup(name: string, path: string, cwd: string): ProgramLookup;
  /** Runs a program found by lookup (or a builtin-less exec) with the given stdio. */
  run(argv: string[], io: CommandIo, opts: { env: Record<string, string>; cwd: string; pid1: boolean }): Generator<Yield, number, unknown>;
};

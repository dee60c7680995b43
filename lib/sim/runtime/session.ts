// Interactive shells for `kubectl exec -it POD -- sh`: one shell whose variables, functions, traps and
// working directory persist from line to line; each line runs to completion on a private clock.
import { drive, lookupProgram, SimProcess, type RunResult } from "./process";
import { Shell } from "./shell/interpreter";
import type { ProcessContext, ResolvedImage, ShellFlavor } from "./types";

export type ShellSession = {
  /** The prompt the shell would print: busybox `/ # `, dash `# `, bash `root@pod:/# `. */
  prompt(): string;
  /** Runs one line (or a pasted block); `exited` turns true after `exit`. */
  run(line: string, opts?: { timeoutMs?: number; maxSteps?: number }): RunResult & { exited: boolean };
  readonly exited: boolean;
};

export type SessionResult = { kind: "ok"; session: ShellSession } | { kind: "not-found"; message: string };

const SHELLS: Record<string, ShellFlavor | "image"> = { sh: "image", ash: "ash", bash: "bash", dash: "dash" };

export function openShellSession(argv: string[], image: ResolvedImage, ctx: ProcessContext): SessionResult {
  const name = argv[0] ?? "sh";
  const found = lookupProgram(ctx.fs, name, ctx.env.PATH ?? "", ctx.cwd);
  if (found.kind !== "program" || !(found.program in SHELLS)) {
    return { kind: "not-found", message: name.includes("/") ? `exec: "${name}": stat ${name}: no such file or directory` : `exec: "${name}": executable file not found in $PATH` };
  }
  const kind = SHELLS[found.program];
  const flavor: ShellFlavor = kind === "image" ? image.shell : kind;
  let shell: Shell | null = null;
  let exited = false;
  const session: ShellSession = {
    get exited() { return exited; },
    prompt() {
      const cwd = shell?.cwd ?? ctx.cwd;
      const root = (ctx.user?.uid ?? 0) === 0;
      const mark = root ? "#" : "$";
      if (flavor === "ash") return `${cwd} ${mark} `;
      if (flavor === "dash") return `${mark} `;
      const home = ctx.env.HOME ?? "/root";
      return `root@${ctx.hostname}:${cwd === home ? "~" : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd}${mark} `;
    },
    run(line, opts = {}) {
      if (exited) return { exitCode: shell?.status ?? 0, timedOut: false, elapsedMs: 0, exited };
      const base = ctx.now();
      let elapsed = 0;
      const local: ProcessContext = { ...ctx, now: () => base + elapsed };
      const p = new SimProcess([name], image, local, {
        pid1: false,
        maxSteps: opts.maxSteps ?? 2_000_000,
        main: (host, io) => {
          if (!shell) {
            shell = new Shell({ host, flavor, arg0: name, args: [], env: ctx.env, cwd: ctx.cwd, pid1: false });
            shell.interactive = true;
          }
          shell.host = host;
          return shell.runText(line, { stdin: { data: "", pos: 0 }, out: io.out, err: io.err });
        },
      });
      const r = drive(p, opts.timeoutMs ?? 3_600_000, (ms) => { elapsed += ms; }, () => elapsed);
      const s = shell as Shell | null;
      if (s?.exited) exited = true;
      return { ...r, exited };
    },
  };
  return { kind: "ok", session };
}

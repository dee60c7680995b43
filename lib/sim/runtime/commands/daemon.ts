// Shared shape of long-running servers: bind ports, then block until a signal ends them.
import type { CommandContext, SignalAction, Yield } from "./types";
import type { ServerHandler, Signal } from "../types";

export type DaemonOptions = {
  ports: { port: number; handler: ServerHandler }[];
  /** Called for TERM/INT/QUIT/HUP: return an exit code to stop, or null to ignore the signal. */
  onSignal?: (sig: Signal) => number | null;
  /** How the program reports a port it cannot bind (returns the exit code). */
  bindError?: (port: number) => number;
};

export function* runDaemon(c: CommandContext, o: DaemonOptions): Generator<Yield, number, unknown> {
  const bound: number[] = [];
  for (const { port, handler } of o.ports) {
    const r = c.proc.listen(port, handler);
    if (!r.ok) {
      for (const p of bound) c.proc.unlisten(p);
      if (o.bindError) return o.bindError(port);
      c.io.err(`listen tcp :${port}: bind: address already in use\n`);
      return 1;
    }
    bound.push(port);
  }
  let exit: number | null = null;
  if (o.onSignal) {
    const handler = o.onSignal;
    c.onSignal((sig): SignalAction => {
      const code = handler(sig);
      if (code === null) return { kind: "ignore" };
      for (const p of bound) c.proc.unlisten(p);
      exit = code;
      return { kind: "exit", code };
    });
  }
  while (exit === null) yield { kind: "wait" };
  return exit;
}

export const text = (status: number, body: string, type = "text/plain; charset=utf-8"): { status: number; headers: Record<string, string>; body: string } => ({
  status,
  headers: { "Content-Type": type, "Content-Length": String(body.length) },
  body,
});

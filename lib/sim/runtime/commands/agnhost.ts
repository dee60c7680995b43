// agnhost (registry.k8s.io/e2e-test-images/agnhost): the subcommands Kubernetes docs and e2e tests use —
// netexec, serve-hostname, liveness, pause, test-webserver, fake-gitserver-less basics — with their ports,
// endpoints and log lines (test/images/agnhost in kubernetes/kubernetes).
import type { CommandContext, CommandImpl, Yield } from "./types";
import { runDaemon, text } from "./daemon";
import type { HttpRequest, Signal } from "../types";
import { strftime } from "../civil-time";

function flag(args: string[], name: string, def: string): string {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === `--${name}` || a === `-${name}`) return args[i + 1] ?? def;
    if (a.startsWith(`--${name}=`) || a.startsWith(`-${name}=`)) return a.slice(a.indexOf("=") + 1);
  }
  return def;
}

/** Go programs install handlers for SIGTERM, so as PID 1 they still die from it (status 2 in Go's runtime). */
const goExit = (sig: Signal) => (sig === "HUP" ? null : 2);

function* netexec(c: CommandContext): Generator<Yield, number, unknown> {
  const port = Number(flag(c.args, "http-port", "8080"));
  const udp = Number(flag(c.args, "udp-port", "8081"));
  c.io.err(`I1123 00:00:00.000000       1 log.go:245] Started HTTP server on port ${port}\nI1123 00:00:00.000000       1 log.go:245] Started UDP server on port ${udp}\n`);
  const started = c.proc.now();
  const handle = (req: HttpRequest) => {
    const [path, query = ""] = req.path.split("?");
    const q = new Map(query.split("&").filter(Boolean).map((kv) => kv.split("=").map(decodeURIComponent) as [string, string]));
    c.io.err(`I1123 00:00:00.000000       1 log.go:245] GET ${path}\n`);
    switch (path) {
      case "/": return text(200, `NOW: ${strftime("%Y-%m-%d %H:%M:%S", c.proc.now())}.000000000 +0000 UTC m=+${((c.proc.now() - started) / 1000).toFixed(9)}`);
      case "/hostname": case "/hostName": return text(200, c.proc.hostname);
      case "/clientip": return text(200, `${req.clientIP ?? "10.244.0.1"}:${40000 + (c.proc.now() % 20000)}`);
      case "/echo": return text(200, q.get("msg") ?? "");
      case "/healthz": return c.proc.now() - started < 0 ? text(503, "not ready") : text(200, "");
      case "/header": return text(200, req.headers[q.get("key") ?? ""] ?? "");
      case "/exit": return text(200, "");
      default: return text(404, "404 page not found\n");
    }
  };
  return yield* runDaemon(c, { ports: [{ port, handler: { http: handle } }], onSignal: goExit });
}

function* serveHostname(c: CommandContext): Generator<Yield, number, unknown> {
  const port = Number(flag(c.args, "port", "9376"));
  c.io.err(`I1123 00:00:00.000000       1 log.go:245] Serving on port ${port}.\n`);
  return yield* runDaemon(c, { ports: [{ port, handler: { http: () => text(200, c.proc.hostname), tcp: () => ({ banner: c.proc.hostname }) } }], onSignal: goExit });
}

/** agnhost liveness: /healthz is 200 for the first 10 s, then 500 (test/images/agnhost/liveness/server.go). */
export function* livenessServer(c: CommandContext, port = 8080): Generator<Yield, number, unknown> {
  const started = c.proc.now();
  return yield* runDaemon(c, {
    ports: [{
      port,
      handler: {
        http: (req) => {
          const path = req.path.split("?")[0];
          const seconds = (c.proc.now() - started) / 1000;
          if (path === "/healthz") return seconds > 10 ? text(500, `error: ${seconds}`) : text(200, "ok");
          if (path === "/redirect") return { status: 302, headers: { Location: "/healthz" }, body: "" };
          return text(404, "404 page not found\n");
        },
      },
    }],
    onSignal: goExit,
  });
}

export function* pauseForever(c: CommandContext, agnhostStyle: boolean): Generator<Yield, number, unknown> {
  if (agnhostStyle) c.io.out("Paused\n");
  let exit: number | null = null;
  c.onSignal((sig) => {
    if (sig === "HUP") return { kind: "ignore" };
    if (agnhostStyle) c.io.out(`Shutting down after receiving signal: ${sig === "TERM" ? "terminated" : sig === "INT" ? "interrupt" : "quit"}.\nExiting.\n`);
    exit = 0;
    return { kind: "exit", code: 0 };
  });
  while (exit === null) yield { kind: "wait" };
  return exit;
}

export const agnhost: CommandImpl = function* (c) {
  const sub = c.args[0];
  const sc = { ...c, args: c.args.slice(1) };
  switch (sub) {
    case "netexec": return yield* netexec(sc);
    case "serve-hostname": return yield* serveHostname(sc);
    case "liveness": return yield* livenessServer(sc);
    case "pause": return yield* pauseForever(sc, true);
    case "test-webserver": {
      const port = Number(flag(sc.args, "port", "80"));
      return yield* runDaemon(sc, { ports: [{ port, handler: { http: () => text(200, "Hello World") } }], onSignal: goExit });
    }
    case "dns-suffix": c.io.out("cluster.local\n"); return 0;
    case "dns-server-list": c.io.out("10.96.0.10\n"); return 0;
    case undefined: case "help": case "--help":
      c.io.out("Usage:\n  agnhost [flags]\n  agnhost [command]\n\nAvailable Commands:\n  dns-server-list  Prints the DNS servers\n  dns-suffix       Prints the host's DNS suffix list\n  help             Help about any command\n  liveness         Starts a server that fails liveness checks after 10 seconds\n  netexec          Creates HTTP(S), UDP, and (optionally) SCTP servers with various endpoints\n  pause            Pauses the execution\n  serve-hostname   Serves the hostname\n  test-webserver   Creates a test webserver.\n\nFlags:\n  -h, --help   help for agnhost\n\nUse \"agnhost [command] --help\" for more information about a command.\n");
      return 0;
    default:
      c.io.err(`Error: unknown command "${sub}" for "agnhost"\nRun 'agnhost --help' for usage.\n`);
      return 1;
  }
};

/** registry.k8s.io/liveness's /server (the liveness-probe docs' image). */
export const livenessImageServer: CommandImpl = function* (c) {
  return yield* livenessServer(c);
};

/** registry.k8s.io/pause: sleeps until SIGINT/SIGTERM and exits 0. */
export const pause: CommandImpl = function* (c) {
  return yield* pauseForever(c, false);
};

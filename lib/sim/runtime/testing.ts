// Builders for a container's filesystem and a self-contained ProcessContext (fake clock, recorded output,
// in-memory listeners and a scriptable network) — used by this module's tests and handy for the kubelet's.
import type { HttpRequest, HttpResponse, NetResult, NetworkAccess, ProcessContext, ProcessInfo, ResolvedImage, ServerHandler } from "./types";
import { Vfs } from "./vfs";
import { resolveImage } from "./images";
import { runToCompletion } from "./process";

/** A container root filesystem: the image layer (shared, frozen) under a fresh copy-on-write upper layer. */
export function createContainerFs(image: ResolvedImage, now: () => number): Vfs {
  return new Vfs(image.layer, { now });
}

export type TestContext = ProcessContext & {
  clock: { now: number };
  out: string[];
  err: string[];
  listeners: Map<number, ServerHandler>;
  memory: number;
  cpu: number;
  killed: { pid: number; signal: number }[];
  /** Names the fake DNS knows: name → ip (fqdn is name.default.svc.cluster.local unless it has dots). */
  dns: Map<string, string>;
  /** Remote servers by "ip:port"; requests to this pod's IP or localhost hit `listeners`. */
  remotes: Map<string, ServerHandler | "timeout">;
  stdoutText(): string;
  stderrText(): string;
};

export function createTestContext(image: ResolvedImage, opts: { env?: Record<string, string>; pid?: number; hostname?: string; start?: number; fs?: Vfs } = {}): TestContext {
  // 2026-11-23T10:00:00Z
  const clock = { now: opts.start ?? 1_795_428_000_000 };
  const fs = opts.fs ?? createContainerFs(image, () => clock.now);
  const listeners = new Map<number, ServerHandler>();
  const dns = new Map<string, string>();
  const remotes = new Map<string, ServerHandler | "timeout">();
  const podIP = "10.244.1.5";
  const out: string[] = [];
  const err: string[] = [];
  const env: Record<string, string> = {};
  for (const kv of image.config.env) env[kv.slice(0, kv.indexOf("="))] = kv.slice(kv.indexOf("=") + 1);
  Object.assign(env, { HOSTNAME: opts.hostname ?? "pod-1", HOME: "/root" }, opts.env ?? {});
  const target = (host: string, port: number): ServerHandler | "timeout" | undefined =>
    host === podIP || host === "127.0.0.1" || host === "localhost" ? listeners.get(port) : remotes.get(`${host}:${port}`);
  const net: NetworkAccess = {
    resolve(name) {
      const short = name.replace(/\.$/, "");
      for (const [k, ip] of dns) {
        const fqdn = k.includes(".") ? k : `${k}.default.svc.cluster.local`;
        if (short === k || short === fqdn || fqdn.startsWith(`${short}.`)) return { kind: "ok", ip, fqdn };
      }
      return { kind: "nxdomain" };
    },
    http(req: HttpRequest): NetResult<HttpResponse> {
      const t = target(req.host, req.port);
      if (t === "timeout") return { kind: "timeout", afterMs: 130_000 };
      if (!t?.http) return { kind: "refused" };
      return { kind: "ok", value: t.http(req) };
    },
    tcp(host, port) {
      const t = target(host, port);
      if (t === "timeout") return { kind: "timeout", afterMs: 130_000 };
      if (!t) return { kind: "refused" };
      return { kind: "ok", value: t.tcp ? t.tcp() : {} };
    },
    reverse(ip) {
      if (ip === "10.96.0.10") return "kube-dns.kube-system.svc.cluster.local";
      for (const [k, v] of dns) if (v === ip) return k.includes(".") ? k : `${k}.default.svc.cluster.local`;
      return undefined;
    },
  };
  let seed = 42;
  const ctx: TestContext = {
    env, cwd: image.config.workingDir || "/", hostname: opts.hostname ?? "pod-1", fs,
    now: () => clock.now,
    stdout: (t) => { out.push(t); },
    stderr: (t) => { err.push(t); },
    net,
    listen(port, handler) {
      if (listeners.has(port)) return { ok: false, error: "address already in use" };
      listeners.set(port, handler);
      return { ok: true };
    },
    unlisten(port) { listeners.delete(port); },
    setMemoryUsage(bytes) { ctx.memory = bytes; },
    setCpuUsage(m) { ctx.cpu = m; },
    random() {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    },
    pid: opts.pid ?? 1,
    processes: (): ProcessInfo[] => [{ pid: 1, user: "root", command: "sh", startedAt: clock.now }],
    kill(pid, signal) {
      ctx.killed.push({ pid, signal });
      return pid === 1;
    },
    podIP,
    clock, out, err, listeners, memory: 0, cpu: 0, killed: [], dns, remotes,
    stdoutText: () => out.join(""),
    stderrText: () => err.join(""),
  };
  return ctx;
}

/** Resolves `image`, runs `sh -c script` to completion in a fresh container and returns what it printed. */
export function runShell(
  imageRef: string,
  script: string,
  setup?: (ctx: TestContext) => void,
  opts: { timeoutMs?: number; maxSteps?: number; shell?: string } = {},
): { code: number; out: string; err: string; timedOut: boolean; elapsedMs: number; ctx: TestContext } {
  const r = resolveImage(imageRef);
  if (r.kind !== "ok") throw new Error(`test image ${imageRef}: ${r.message}`);
  const ctx = createTestContext(r.image, { pid: 7 });
  setup?.(ctx);
  const res = runToCompletion([opts.shell ?? "sh", "-c", script], r.image, ctx, { timeoutMs: opts.timeoutMs, maxSteps: opts.maxSteps });
  return { code: res.exitCode, out: ctx.stdoutText(), err: ctx.stderrText(), timedOut: res.timedOut, elapsedMs: res.elapsedMs, ctx };
}

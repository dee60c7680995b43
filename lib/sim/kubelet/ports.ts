// The kubelet's dependencies: lib/sim/runtime for images and processes, and pod networking. Until
// lib/sim/network registers itself, `localPodNetwork` provides what a node's CNI plugin gives the
// kubelet: pod IPs from the node's podCIDR (lowest free address from .2, as host-local IPAM does),
// listening sockets per pod IP, and probes that reach them.
import type { Engine } from "../core/engine";
import { createCatalog, resolveImage, type ImageSpec } from "../runtime/images";
import { runToCompletion, spawnProcess } from "../runtime/process";
import type { HttpRequest, HttpResponse, NetResult, NetworkAccess, ServerHandler } from "../runtime/types";
import type { KubeletDeps, NetworkPort, Obj, RuntimePort } from "./state";

export function defaultRuntime(extraImages?: unknown[]): RuntimePort {
  const catalog = extraImages?.length ? createCatalog(extraImages as ImageSpec[]) : undefined;
  return {
    resolveImage: (ref) => (catalog ? catalog.resolve(ref) : resolveImage(ref)),
    spawnProcess: (argv, image, ctx) => spawnProcess(argv, image, ctx, { pid1: ctx.pid === 1 }),
    runToCompletion: (argv, image, ctx, opts) => runToCompletion(argv, image, ctx, opts),
  };
}

type NetState = { used: Set<string>; listeners: Map<string, ServerHandler> };

export function localPodNetwork(): NetworkPort {
  const states = new WeakMap<Engine, NetState>();
  const st = (e: Engine): NetState => {
    let s = states.get(e);
    if (!s) states.set(e, (s = { used: new Set(), listeners: new Map() }));
    return s;
  };
  const connect = (e: Engine, ip: string, port: number): NetResult<ServerHandler> => {
    const s = st(e);
    if (!s.used.has(ip)) return { kind: "no-route" };
    const h = s.listeners.get(`${ip}:${port}`);
    return h ? { kind: "ok", value: h } : { kind: "refused" };
  };
  const http = (e: Engine, ip: string, port: number, req: HttpRequest): NetResult<HttpResponse> => {
    const c = connect(e, ip, port);
    if (c.kind !== "ok") return c;
    if (!c.value.http) return { kind: "ok", value: { status: 400, headers: {}, body: "" } };
    return { kind: "ok", value: c.value.http(req) };
  };
  const tcp = (e: Engine, ip: string, port: number): NetResult<{ banner?: string }> => {
    const c = connect(e, ip, port);
    if (c.kind !== "ok") return c;
    return { kind: "ok", value: c.value.tcp ? c.value.tcp() : {} };
  };
  return {
    allocatePodIP(engine, nodeName) {
      const node = engine.store.get("nodes", undefined, nodeName) as Obj | undefined;
      const cidr: string = node?.spec?.podCIDR ?? "10.244.0.0/24";
      const base = cidr.split("/")[0].split(".").slice(0, 3).join(".");
      const s = st(engine);
      for (let i = 2; i < 255; i++) {
        const ip = `${base}.${i}`;
        if (!s.used.has(ip)) {
          s.used.add(ip);
          return ip;
        }
      }
      return `${base}.254`;
    },
    releasePodIP(engine, ip) {
      const s = st(engine);
      s.used.delete(ip);
      for (const k of [...s.listeners.keys()]) if (k.startsWith(`${ip}:`)) s.listeners.delete(k);
    },
    listen(engine, ip, port, handler) {
      const s = st(engine);
      const k = `${ip}:${port}`;
      if (s.listeners.has(k)) return { ok: false, error: "Address in use" };
      s.listeners.set(k, handler);
      return { ok: true };
    },
    unlisten(engine, ip, port) {
      st(engine).listeners.delete(`${ip}:${port}`);
    },
    networkFor(engine, pod): NetworkAccess {
      const own = (pod as Obj).status?.podIP as string | undefined;
      const target = (host: string) => (host === "localhost" || host === "127.0.0.1" ? own ?? host : host);
      return {
        resolve: (name) => (/^\d+\.\d+\.\d+\.\d+$/.test(name) ? { kind: "ok", ip: name, fqdn: name } : { kind: "nxdomain" }),
        http: (req) => http(engine, target(req.host), req.port, req),
        tcp: (host, port) => tcp(engine, target(host), port),
      };
    },
    probeHttp: (engine, ip, port, req) => http(engine, ip, port, req),
    probeTcp: (engine, ip, port) => tcp(engine, ip, port),
  };
}

export function defaultDeps(extraImages?: unknown[]): KubeletDeps {
  return { runtime: defaultRuntime(extraImages), network: localPodNetwork() };
}

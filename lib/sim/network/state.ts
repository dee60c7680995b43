// The pod network's bookkeeping, as a node's CNI plugin (flannel's bridge + host-local IPAM) and the
// sockets inside pods keep it: addresses handed out per node, listening sockets per IP:port, and the
// per-Service round-robin cursors of the service proxy. Not an API object: replaying a snapshot's
// operation log rebuilds it.
import type { Engine } from "../core/engine";
import type { ServerHandler } from "../runtime/types";

export type NetworkState = {
  /** Allocated pod IP → node. */
  ips: Map<string, string>;
  /** host-local's last reserved address per node (allocation continues after it). */
  lastReserved: Map<string, number>;
  listeners: Map<string, ServerHandler>;
  /** Round-robin position per `namespace/service:port`. */
  cursors: Map<string, number>;
  /** sessionAffinity: ClientIP → chosen endpoint per `namespace/service:port|client`. */
  affinity: Map<string, string>;
};

const MODULE = "network";

export function networkState(engine: Engine): NetworkState {
  let s = engine.modules.get(MODULE) as NetworkState | undefined;
  if (!s) {
    s = { ips: new Map(), lastReserved: new Map(), listeners: new Map(), cursors: new Map(), affinity: new Map() };
    engine.modules.set(MODULE, s);
  }
  return s;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function isIPv4(text: string): boolean {
  const m = IPV4.exec(text);
  return !!m && m.slice(1).every((o) => Number(o) <= 255);
}

export function ipToInt(ip: string): number {
  return ip.split(".").reduce((a, o) => a * 256 + Number(o), 0);
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}

/** "10.244.1.0/24" → first and last address as integers. */
export function cidrRange(cidr: string): { first: number; last: number } | undefined {
  const [ip, bits] = cidr.split("/");
  if (!isIPv4(ip) || !/^\d+$/.test(bits ?? "")) return undefined;
  const size = 2 ** (32 - Number(bits));
  const first = Math.floor(ipToInt(ip) / size) * size;
  return { first, last: first + size - 1 };
}

export function inCidr(ip: string, cidr: string): boolean {
  const r = cidrRange(cidr);
  if (!r || !isIPv4(ip)) return false;
  const n = ipToInt(ip);
  return n >= r.first && n <= r.last;
}

/**
 * host-local IPAM on the node's podCIDR: the gateway (.1, the cni0 bridge) and the broadcast address
 * are reserved; allocation continues after the last reserved address and wraps around, so a freed
 * IP is not handed out again at once (10.244.1.2, .3, .4, … even after .2 is released).
 */
export function allocatePodIP(engine: Engine, nodeName: string): string {
  const s = networkState(engine);
  const node = engine.store.get("nodes", undefined, nodeName) as { spec?: { podCIDR?: string } } | undefined;
  const range = cidrRange(node?.spec?.podCIDR ?? "10.244.0.0/24")!;
  const first = range.first + 2;
  const last = range.last - 1;
  const size = last - first + 1;
  const start = s.lastReserved.get(nodeName) ?? first - 1;
  for (let i = 1; i <= size; i++) {
    const n = first + ((start - first + i + size) % size);
    const ip = intToIp(n);
    if (!s.ips.has(ip)) {
      s.ips.set(ip, nodeName);
      s.lastReserved.set(nodeName, n);
      return ip;
    }
  }
  // The range is exhausted (more pods than a /24 holds): reuse the last address rather than fail.
  return intToIp(last);
}

export function releasePodIP(engine: Engine, ip: string): void {
  const s = networkState(engine);
  s.ips.delete(ip);
  for (const k of [...s.listeners.keys()]) if (k.startsWith(`${ip}:`)) s.listeners.delete(k);
}

export type ListenResult = { ok: true } | { ok: false; error: "address already in use" };

export function listen(engine: Engine, ip: string, port: number, handler: ServerHandler): ListenResult {
  const s = networkState(engine);
  const key = `${ip}:${port}`;
  if (s.listeners.has(key)) return { ok: false, error: "address already in use" };
  s.listeners.set(key, handler);
  return { ok: true };
}

export function unlisten(engine: Engine, ip: string, port: number): void {
  networkState(engine).listeners.delete(`${ip}:${port}`);
}

export function listenerAt(engine: Engine, ip: string, port: number): ServerHandler | undefined {
  return networkState(engine).listeners.get(`${ip}:${port}`);
}

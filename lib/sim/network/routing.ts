// Packet paths of the simulated cluster network, in the order a real node resolves them:
// loopback and the pod's own IP stay inside its network namespace; a Service ClusterIP (or a
// NodePort on any node's InternalIP) is DNATed by kube-proxy to one ready endpoint — round robin per
// Service port, ClientIP affinity honoured — and an empty Service is REJECTed ("Connection refused");
// a pod IP reaches that pod's listening socket or is refused; hostPorts map node:port to the pod;
// NetworkPolicy (policy.ts) drops what it denies; unknown addresses time out.
import type { Engine } from "../core/engine";
import type { KubeObject } from "../core/types";
import type { HttpRequest, HttpResponse, NetResult, NetworkAccess, ServerHandler } from "../runtime/types";
import { apiserverResponse } from "./apiserver";
import { CLUSTER_DNS_IP, queryName, resolveName, resolverFor, reverseLookup, type Resolution, type ResolverConfig } from "./dns";
import { serviceEndpoints, usableEndpoints, type Endpoint, type ServicePort } from "./endpoints";
import { EXTERNAL_PORTS, externalHostByIp, externalResponse } from "./external";
import { isConnectionAllowed, peerOfPod, type Peer } from "./policy";
import { isIPv4, listenerAt, networkState } from "./state";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

/** Linux gives up on an unanswered connect() after 6 SYN retransmissions (~127 s); clients cap it with their own timeout. */
export const CONNECT_TIMEOUT_MS = 127_000;

/** A socket that accepted the connection. */
export type Server = { http(req: HttpRequest): HttpResponse; tcp(): { banner?: string } };

export type Source = { pod?: KubeObject; ip: string };

const TIMEOUT: NetResult<never> = { kind: "timeout", afterMs: CONNECT_TIMEOUT_MS };
const REFUSED: NetResult<never> = { kind: "refused" };

function fromHandler(h: ServerHandler): Server {
  return {
    // A TCP server that does not speak HTTP answers an HTTP request with garbage; clients report a bad response.
    http: (req) => (h.http ? h.http(req) : { status: 400, headers: {}, body: "" }),
    tcp: () => (h.tcp ? h.tcp() : {}),
  };
}

function httpOnly(respond: (req: HttpRequest) => HttpResponse): Server {
  return { http: respond, tcp: () => ({}) };
}

export function podByIp(engine: Engine, ip: string): KubeObject | undefined {
  let hostNet: KubeObject | undefined;
  for (const p of engine.store.list("pods")) {
    if ((p.status as Obj | undefined)?.podIP !== ip) continue;
    if (!(p.spec as Obj | undefined)?.hostNetwork) return p;
    hostNet ??= p;
  }
  return hostNet;
}

export function nodeAddress(node: KubeObject): string | undefined {
  return ((node.status as Obj | undefined)?.addresses ?? []).find((a: Obj) => a.type === "InternalIP")?.address;
}

function nodeByIp(engine: Engine, ip: string): KubeObject | undefined {
  return engine.store.list("nodes").find((n) => nodeAddress(n) === ip);
}

function serviceByClusterIp(engine: Engine, ip: string): KubeObject | undefined {
  return engine.store.list("services").find((s) => {
    const spec = s.spec as Obj | undefined;
    return spec?.type !== "ExternalName" && (spec?.clusterIP === ip || (spec?.clusterIPs ?? []).includes(ip));
  });
}

/** Connects to a pod IP (or host-network address): policy first, then the listening socket. */
function connectEndpoint(engine: Engine, src: Source, ip: string, port: number): NetResult<Server> {
  const dstPod = podByIp(engine, ip);
  const to: Peer = dstPod ? peerOfPod(dstPod, ip) : { ip };
  const from: Peer = src.pod ? peerOfPod(src.pod, src.ip) : { ip: src.ip };
  if (!isConnectionAllowed(engine, from, to, port)) return TIMEOUT;
  const h = listenerAt(engine, ip, port);
  if (h) return { kind: "ok", value: fromHandler(h) };
  const known = dstPod || networkState(engine).ips.has(ip) || nodeByIp(engine, ip);
  return known ? REFUSED : TIMEOUT;
}

function pickEndpoint(engine: Engine, svc: KubeObject, sp: ServicePort, eps: Endpoint[], clientIP: string): Endpoint {
  const s = networkState(engine);
  const key = `${svc.metadata.namespace}/${svc.metadata.name}:${sp.port}`;
  const spec = svc.spec as Obj;
  if (spec.sessionAffinity === "ClientIP") {
    const stuck = s.affinity.get(`${key}|${clientIP}`);
    const found = stuck && eps.find((e) => `${e.ip}:${e.port}` === stuck);
    if (found) return found;
  }
  const i = s.cursors.get(key) ?? 0;
  s.cursors.set(key, i + 1);
  const ep = eps[i % eps.length];
  if (spec.sessionAffinity === "ClientIP") s.affinity.set(`${key}|${clientIP}`, `${ep.ip}:${ep.port}`);
  return ep;
}

function connectService(engine: Engine, src: Source, svc: KubeObject, sp: ServicePort): NetResult<Server> {
  const eps = usableEndpoints(serviceEndpoints(engine, svc, sp));
  if (!eps.length) {
    // The cluster's own services have no pods here: the apiserver is the control plane's host
    // process, and CoreDNS answers inside the simulator.
    if (svc.metadata.namespace === "default" && svc.metadata.name === "kubernetes") return { kind: "ok", value: httpOnly(apiserverResponse) };
    return REFUSED;
  }
  const ep = pickEndpoint(engine, svc, sp, eps, src.ip);
  if (svc.metadata.namespace === "default" && svc.metadata.name === "kubernetes" && nodeByIp(engine, ep.ip)) return { kind: "ok", value: httpOnly(apiserverResponse) };
  return connectEndpoint(engine, src, ep.ip, ep.port);
}

function servicePorts(svc: KubeObject): ServicePort[] {
  return ((svc.spec as Obj | undefined)?.ports ?? []) as ServicePort[];
}

function connectNode(engine: Engine, src: Source, node: KubeObject, ip: string, port: number): NetResult<Server> {
  for (const svc of engine.store.list("services")) {
    const type = (svc.spec as Obj | undefined)?.type;
    if (type !== "NodePort" && type !== "LoadBalancer") continue;
    const sp = servicePorts(svc).find((p) => p.nodePort === port && (p.protocol ?? "TCP") === "TCP");
    if (sp) return connectService(engine, src, svc, sp);
  }
  for (const pod of engine.store.list("pods")) {
    const spec = pod.spec as Obj | undefined;
    if (spec?.nodeName !== node.metadata.name || !(pod.status as Obj | undefined)?.podIP) continue;
    for (const c of spec?.containers ?? []) {
      for (const p of c.ports ?? []) {
        if (p.hostPort === port && (p.protocol ?? "TCP") === "TCP") return connectEndpoint(engine, src, (pod.status as Obj).podIP, p.containerPort);
      }
    }
  }
  if (listenerAt(engine, ip, port)) return connectEndpoint(engine, src, ip, port);
  const isControlPlane = "node-role.kubernetes.io/control-plane" in (node.metadata.labels ?? {});
  if (isControlPlane && port === 6443) return { kind: "ok", value: httpOnly(apiserverResponse) };
  if (port === 10250) return { kind: "ok", value: httpOnly(() => ({ status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" }, body: "Unauthorized" })) };
  return REFUSED;
}

/** Where a TCP connection from `src` to ip:port ends up. */
export function connect(engine: Engine, src: Source, ip: string, port: number): NetResult<Server> {
  if (ip === "127.0.0.1" || ip === "localhost" || (src.pod && ip === src.ip)) {
    // Containers of a pod share its network namespace: loopback reaches the pod's own sockets.
    const h = src.ip ? listenerAt(engine, src.ip, port) ?? listenerAt(engine, "127.0.0.1", port) : undefined;
    return h ? { kind: "ok", value: fromHandler(h) } : REFUSED;
  }
  const svc = serviceByClusterIp(engine, ip);
  if (svc) {
    const sp = servicePorts(svc).find((p) => p.port === port && (p.protocol ?? "TCP") === "TCP");
    if (sp) return connectService(engine, src, svc, sp);
    // CoreDNS serves DNS over TCP and its metrics on the kube-dns Service.
    if (ip === CLUSTER_DNS_IP && (port === 53 || port === 9153)) return { kind: "ok", value: httpOnly(() => ({ status: 404, headers: {}, body: "404 page not found\n" })) };
    return TIMEOUT;
  }
  const node = nodeByIp(engine, ip);
  if (node) return connectNode(engine, src, node, ip, port);
  if (podByIp(engine, ip) || networkState(engine).ips.has(ip)) return connectEndpoint(engine, src, ip, port);
  const host = externalHostByIp(ip);
  if (host) {
    if (src.pod && !isConnectionAllowed(engine, peerOfPod(src.pod, src.ip), { ip }, port)) return TIMEOUT;
    return EXTERNAL_PORTS.includes(port) ? { kind: "ok", value: httpOnly((req) => externalResponse(host, req)) } : TIMEOUT;
  }
  return TIMEOUT;
}

function ownIp(engine: Engine, pod: KubeObject | undefined): string {
  if (!pod) return "";
  const live = engine.store.get("pods", pod.metadata.namespace, pod.metadata.name!) ?? pod;
  return ((live.status as Obj | undefined)?.podIP as string | undefined) ?? "";
}

/** Name resolution from a pod: its DNS queries go to the cluster DNS, which NetworkPolicy egress may block. */
function resolveFrom(engine: Engine, src: Source, cfg: ResolverConfig, name: string): Resolution {
  if (isIPv4(name)) return { kind: "ok", ip: name, fqdn: name };
  if (name === "localhost") return { kind: "ok", ip: "127.0.0.1", fqdn: "localhost" };
  if (dnsBlocked(engine, src, cfg)) return { kind: "nxdomain" };
  return resolveName(engine, name, cfg);
}

function dnsBlocked(engine: Engine, src: Source, cfg: ResolverConfig): boolean {
  if (!src.pod || !cfg.cluster) return false;
  const dns: Peer = { ip: CLUSTER_DNS_IP, pod: { namespace: "kube-system", labels: { "k8s-app": "kube-dns" } } };
  return !isConnectionAllowed(engine, peerOfPod(src.pod, src.ip), dns, 53, "UDP");
}

function access(engine: Engine, source: () => Source, cfg: ResolverConfig): NetworkAccess {
  const target = (src: Source, host: string): string | undefined => {
    const r = resolveFrom(engine, src, cfg, host);
    return r.kind === "ok" ? r.ip : undefined;
  };
  return {
    resolve: (name) => resolveFrom(engine, source(), cfg, name),
    query: (name) => (dnsBlocked(engine, source(), cfg) ? { kind: "nxdomain" } : queryName(engine, name, cfg)),
    http(req) {
      const src = source();
      const ip = target(src, req.host);
      if (!ip) return { kind: "no-route" };
      const c = connect(engine, src, ip, req.port);
      if (c.kind !== "ok") return c;
      return { kind: "ok", value: c.value.http({ ...req, clientIP: req.clientIP ?? (src.ip || undefined) }) };
    },
    tcp(host, port) {
      const src = source();
      const ip = target(src, host);
      if (!ip) return { kind: "no-route" };
      const c = connect(engine, src, ip, port);
      return c.kind === "ok" ? { kind: "ok", value: c.value.tcp() } : c;
    },
    reverse: (ip) => reverseLookup(engine, ip),
  };
}

/** The network as a container of `pod` sees it (wget, curl, nc, nslookup in the runtime). */
export function networkFor(engine: Engine, pod: KubeObject): NetworkAccess {
  return access(engine, () => ({ pod: engine.store.get("pods", pod.metadata.namespace, pod.metadata.name!) ?? pod, ip: ownIp(engine, pod) }), resolverFor(pod));
}

/** The network as a shell on a node sees it (`curl <ClusterIP>` from controlplane): no cluster DNS. */
export function networkFromNode(engine: Engine, nodeName: string): NetworkAccess {
  const node = engine.store.get("nodes", undefined, nodeName);
  return access(engine, () => ({ ip: (node && nodeAddress(node)) ?? "" }), resolverFor(undefined));
}

/** The kubelet's probes come from the node itself: NetworkPolicy does not apply to them. */
export function probeHttp(engine: Engine, podIP: string, port: number, req: HttpRequest, timeoutMs: number): NetResult<HttpResponse> {
  const h = listenerAt(engine, podIP, port);
  if (h) return { kind: "ok", value: fromHandler(h).http(req) };
  return podByIp(engine, podIP) || networkState(engine).ips.has(podIP) || nodeByIp(engine, podIP) ? REFUSED : { kind: "timeout", afterMs: timeoutMs };
}

export function probeTcp(engine: Engine, podIP: string, port: number, timeoutMs: number): NetResult<{ banner?: string }> {
  const h = listenerAt(engine, podIP, port);
  if (h) return { kind: "ok", value: fromHandler(h).tcp() };
  return podByIp(engine, podIP) || networkState(engine).ips.has(podIP) || nodeByIp(engine, podIP) ? REFUSED : { kind: "timeout", afterMs: timeoutMs };
}

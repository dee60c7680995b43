// Where a Service's traffic goes, as kube-proxy sees it. The source of truth is the EndpointSlices
// the endpointslice controller maintains (label kubernetes.io/service-name), exactly what kube-proxy
// watches. A Service with no slices at all falls back to its Endpoints object (a selectorless
// Service with hand-written Endpoints, which the EndpointSlice mirroring controller would mirror),
// and, when no controller runs in the cluster, to its selected pods.
// Mirrors pkg/proxy/endpointslicecache.go: ready endpoints, else serving-and-terminating ones.
import type { Engine } from "../core/engine";
import type { KubeObject } from "../core/types";
import { fromMap, matches } from "../core/selectors";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

export type ServicePort = { name?: string; port: number; targetPort?: number | string; protocol?: string; nodePort?: number };
export type Endpoint = { ip: string; port: number; ready: boolean; serving: boolean; terminating: boolean; hostname?: string; pod?: { namespace: string; name: string } };

export const SERVICE_NAME_LABEL = "kubernetes.io/service-name";

/** The container port a Service port targets on one pod (a name is looked up among its container ports). */
export function resolveTargetPort(pod: Obj, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === "number") return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((i: Obj) => i.restartPolicy === "Always")]) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? "TCP") === (sp.protocol ?? "TCP")) return p.containerPort;
  }
  return undefined;
}

function podReady(pod: Obj): boolean {
  return (pod.status?.conditions ?? []).some((c: Obj) => c.type === "Ready" && c.status === "True");
}

function fromSlices(slices: KubeObject[], sp: ServicePort): Endpoint[] {
  const out: Endpoint[] = [];
  for (const slice of slices as Obj[]) {
    const port = (slice.ports ?? []).find((p: Obj) => (p.name ?? "") === (sp.name ?? "") && (p.protocol ?? "TCP") === (sp.protocol ?? "TCP"));
    if (!port?.port) continue;
    for (const ep of slice.endpoints ?? []) {
      const c = ep.conditions ?? {};
      // A nil ready condition means ready (discovery/v1 semantics).
      const ready = c.ready !== false;
      out.push({
        ip: ep.addresses[0],
        port: port.port,
        ready,
        serving: c.serving ?? ready,
        terminating: c.terminating ?? false,
        hostname: ep.hostname,
        pod: ep.targetRef?.kind === "Pod" ? { namespace: ep.targetRef.namespace, name: ep.targetRef.name } : undefined,
      });
    }
  }
  return out;
}

function fromEndpoints(eps: Obj, sp: ServicePort): Endpoint[] {
  const out: Endpoint[] = [];
  for (const subset of eps.subsets ?? []) {
    const ports: Obj[] = subset.ports ?? [];
    const port = ports.length === 1 && !sp.name ? ports[0] : ports.find((p) => (p.name ?? "") === (sp.name ?? ""));
    if (!port?.port) continue;
    const add = (a: Obj, ready: boolean) =>
      out.push({ ip: a.ip, port: port.port, ready, serving: ready, terminating: false, hostname: a.hostname, pod: a.targetRef?.kind === "Pod" ? { namespace: a.targetRef.namespace, name: a.targetRef.name } : undefined });
    for (const a of subset.addresses ?? []) add(a, true);
    for (const a of subset.notReadyAddresses ?? []) add(a, false);
  }
  return out;
}

function fromPods(engine: Engine, svc: Obj, sp: ServicePort): Endpoint[] {
  const selector = svc.spec?.selector;
  if (!selector || !Object.keys(selector).length) return [];
  const sel = fromMap(selector);
  const out: Endpoint[] = [];
  for (const pod of engine.store.list("pods", svc.metadata.namespace) as Obj[]) {
    if (!matches(sel, pod.metadata.labels) || !pod.status?.podIP || ["Succeeded", "Failed"].includes(pod.status?.phase)) continue;
    const port = resolveTargetPort(pod, sp);
    if (port === undefined) continue;
    const serving = podReady(pod);
    const terminating = !!pod.metadata.deletionTimestamp;
    const ready = !!svc.spec?.publishNotReadyAddresses || (serving && !terminating);
    const hostname = pod.spec?.hostname && pod.spec?.subdomain === svc.metadata.name ? pod.spec.hostname : undefined;
    out.push({ ip: pod.status.podIP, port, ready, serving, terminating, hostname, pod: { namespace: pod.metadata.namespace, name: pod.metadata.name } });
  }
  return out;
}

/** Every endpoint of one Service port, ready or not, from the single source described above. */
export function serviceEndpoints(engine: Engine, svc: KubeObject, sp: ServicePort): Endpoint[] {
  const ns = svc.metadata.namespace;
  const slices = engine.store.list("endpointslices", ns).filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === svc.metadata.name);
  if (slices.length) return fromSlices(slices, sp);
  const eps = engine.store.get("endpoints", ns, svc.metadata.name!);
  if (eps) return fromEndpoints(eps as Obj, sp);
  return fromPods(engine, svc as Obj, sp);
}

/** What kube-proxy programs: ready endpoints, or, when none is ready, the serving terminating ones. */
export function usableEndpoints(all: Endpoint[]): Endpoint[] {
  const seen = new Set<string>();
  const dedupe = (list: Endpoint[]) => list.filter((e) => !seen.has(`${e.ip}:${e.port}`) && seen.add(`${e.ip}:${e.port}`));
  const ready = dedupe(all.filter((e) => e.ready));
  if (ready.length) return ready;
  return dedupe(all.filter((e) => e.serving && e.terminating));
}

/** DNS for headless Services: every ready address (any port), in a stable order. */
export function readyAddresses(engine: Engine, svc: KubeObject): Endpoint[] {
  const ports: ServicePort[] = ((svc.spec as Obj)?.ports ?? []).length ? (svc.spec as Obj).ports : [{ port: 0 }];
  const out: Endpoint[] = [];
  const seen = new Set<string>();
  const ns = svc.metadata.namespace;
  const slices = engine.store.list("endpointslices", ns).filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === svc.metadata.name);
  let all: Endpoint[];
  if (slices.length) {
    // Headless Services without ports still publish addresses: read them port-independently.
    all = [];
    for (const slice of slices as Obj[]) {
      for (const ep of slice.endpoints ?? []) {
        const ready = ep.conditions?.ready !== false;
        all.push({ ip: ep.addresses[0], port: 0, ready, serving: ready, terminating: !!ep.conditions?.terminating, hostname: ep.hostname, pod: ep.targetRef?.kind === "Pod" ? { namespace: ep.targetRef.namespace, name: ep.targetRef.name } : undefined });
      }
    }
  } else all = ports.flatMap((sp) => serviceEndpoints(engine, svc, sp));
  for (const e of all) {
    if (!e.ready || seen.has(e.ip)) continue;
    seen.add(e.ip);
    out.push(e);
  }
  return out;
}

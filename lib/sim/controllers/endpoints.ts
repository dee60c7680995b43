// Mirrors pkg/controller/endpoint/endpoints_controller.go (syncService): for each Service with a
// selector, the Endpoints object named like it — ready pods in `addresses`, others in
// `notReadyAddresses` (all ready with publishNotReadyAddresses), ports resolved per pod (named
// targetPorts from container ports), subsets absent when no pod qualifies. Helpers are shared with
// the EndpointSlice controller (pkg/controller/util/endpointslice).
import type { Engine } from "../core/engine";
import type { Change } from "../core/store";
import { fromMap, matches } from "../core/selectors";
import { formatTime } from "../core/time";
import type { KubeObject } from "../core/types";
import { ControllerClient } from "./client";
import { isPodReady, jsonEqual, splitKey, stableStringify, ts, type Obj } from "./controller-utils";

export const ENDPOINTS_CONTROLLER = "endpoint";
export const TRIGGER_TIME_ANNOTATION = "endpoints.kubernetes.io/last-change-trigger-time";
export const HEADLESS_LABEL = "service.kubernetes.io/headless";

/** podutil.FindPort: a numeric targetPort as is; a named one from the pod's container ports. */
export function findPort(pod: Obj, servicePort: Obj): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === "number") return target;
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((i: Obj) => i.restartPolicy === "Always")]) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? "TCP") === (servicePort.protocol ?? "TCP")) return p.containerPort;
    }
  }
  return undefined;
}

/** endpointsliceutil.ShouldPodBeInEndpoints. */
export function shouldPodBeInEndpoints(pod: Obj, includeTerminating: boolean): boolean {
  if (pod.status?.phase === "Failed" || pod.status?.phase === "Succeeded") return false;
  if (!pod.status?.podIP && !(pod.status?.podIPs ?? []).length) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** ShouldSetHostname: the pod's hostname+subdomain names this Service. */
export function shouldSetHostname(pod: Obj, svc: Obj): boolean {
  return !!pod.spec?.hostname && pod.spec?.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace;
}

export function selectedPods(engine: Engine, svc: Obj): Obj[] {
  const sel = fromMap(svc.spec.selector);
  return engine.store.list("pods", svc.metadata.namespace, sel) as Obj[];
}

/** The most recent change among the Service and its pods: the last-change-trigger-time annotation. */
export function triggerTime(svc: Obj, pods: Obj[]): string {
  let t = ts(svc.metadata.creationTimestamp);
  for (const p of pods) {
    t = Math.max(t, ts(p.metadata.creationTimestamp));
    for (const c of p.status?.conditions ?? []) if (c.type === "Ready") t = Math.max(t, ts(c.lastTransitionTime));
    if (p.metadata.deletionTimestamp) t = Math.max(t, ts(p.metadata.deletionTimestamp) - (p.metadata.deletionGracePeriodSeconds ?? 0) * 1000);
  }
  return formatTime(t);
}

export function serviceLabels(svc: Obj): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  delete labels[HEADLESS_LABEL];
  if (svc.spec?.clusterIP === "None") labels[HEADLESS_LABEL] = "";
  return labels;
}

/** Keys of the Services (with a selector) whose endpoints a pod change may affect. */
export function serviceKeysForPod(change: Change, engine: Engine): string[] {
  const ns = change.object.metadata.namespace;
  const keys: string[] = [];
  for (const svc of engine.store.list("services", ns) as Obj[]) {
    if (!svc.spec?.selector) continue;
    const sel = fromMap(svc.spec.selector);
    if (matches(sel, change.object.metadata.labels) || (change.old && matches(sel, change.old.metadata.labels))) keys.push(`${ns}/${svc.metadata.name}`);
  }
  return keys;
}

type Address = { ip: string; hostname?: string; nodeName?: string; targetRef?: Obj };
type Port = { name?: string; port: number; protocol: string; appProtocol?: string };

function endpointPort(sp: Obj, port: number): Port {
  const p: Port = { port, protocol: sp.protocol ?? "TCP" };
  const out: Port = sp.name ? { name: sp.name, ...p } : p;
  if (sp.appProtocol) out.appProtocol = sp.appProtocol;
  return out;
}

function compareIP(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Subsets for a Service: addresses grouped by identical port sets (endpoints.RepackSubsets). */
export function computeSubsets(svc: Obj, pods: Obj[]): Obj[] {
  const tolerateUnready = !!svc.spec?.publishNotReadyAddresses;
  const groups = new Map<string, { ports: Port[]; ready: Address[]; notReady: Address[] }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue;
    const addr: Address = { ip: pod.status.podIP ?? pod.status.podIPs[0].ip };
    if (shouldSetHostname(pod, svc)) addr.hostname = pod.spec.hostname;
    if (pod.spec?.nodeName) addr.nodeName = pod.spec.nodeName;
    addr.targetRef = { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
    let ports: Port[] = [];
    const svcPorts = svc.spec?.ports ?? [];
    if (svcPorts.length === 0) {
      if (svc.spec?.clusterIP !== "None") continue;
    } else {
      for (const sp of svcPorts) {
        const n = findPort(pod, sp);
        if (n !== undefined) ports.push(endpointPort(sp, n));
      }
      if (!ports.length) continue;
    }
    ports = ports.sort((a, b) => ((a.name ?? "") < (b.name ?? "") ? -1 : (a.name ?? "") > (b.name ?? "") ? 1 : a.port - b.port));
    const key = stableStringify(ports);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports, ready: [], notReady: [] }));
    if (tolerateUnready || isPodReady(pod)) g.ready.push(addr);
    else g.notReady.push(addr);
  }
  return [...groups.keys()].sort().map((k) => {
    const g = groups.get(k)!;
    const s: Obj = {};
    if (g.ready.length) s.addresses = g.ready.sort((a, b) => compareIP(a.ip, b.ip));
    if (g.notReady.length) s.notReadyAddresses = g.notReady.sort((a, b) => compareIP(a.ip, b.ip));
    if (g.ports.length) s.ports = g.ports;
    return s;
  });
}

export function installEndpointsController(engine: Engine): void {
  engine.registerController({
    name: ENDPOINTS_CONTROLLER,
    watches: [
      { resource: "services", keys: (c) => [`${c.object.metadata.namespace}/${c.object.metadata.name}`] },
      { resource: "pods", keys: serviceKeysForPod },
      { resource: "endpoints", keys: (c) => (c.type === "DELETED" ? [`${c.object.metadata.namespace}/${c.object.metadata.name}`] : []) },
    ],
    reconcile: (key, e) => syncEndpoints(e, key),
  });
}

export function syncEndpoints(engine: Engine, key: string): void {
  const [ns, name] = splitKey(key);
  const client = new ControllerClient(engine, "endpoint-controller");
  const svc = engine.store.get("services", ns, name) as Obj | undefined;
  const current = engine.store.get("endpoints", ns, name) as Obj | undefined;
  if (!svc) {
    // The Endpoints object is the Service's: it goes with it.
    if (current) client.delete("endpoints", ns, name);
    return;
  }
  if (!svc.spec?.selector || svc.spec.type === "ExternalName") return;
  const pods = selectedPods(engine, svc);
  const subsets = computeSubsets(svc, pods);
  const labels = serviceLabels(svc);
  if (current && jsonEqual(current.subsets ?? [], subsets) && jsonEqual(current.metadata.labels ?? {}, labels)) return;
  const annotations: Record<string, string> = { ...(current?.metadata.annotations ?? {}), [TRIGGER_TIME_ANNOTATION]: triggerTime(svc, pods) };
  const ep: Obj = {
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: { ...(current?.metadata ?? {}), name, namespace: ns, labels, annotations },
  };
  if (!Object.keys(labels).length) delete ep.metadata.labels;
  if (subsets.length) ep.subsets = subsets;
  if (current) client.update("endpoints", ep as KubeObject);
  else client.create("endpoints", ep as KubeObject);
}

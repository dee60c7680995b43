// Mirrors pkg/controller/endpointslice (reconciler.go, utils.go podToEndpoint): per Service with a
// selector, EndpointSlices `<svc>-<5 chars>` managed by endpointslice-controller.k8s.io, one per port
// set and at most 100 endpoints each, with ready/serving/terminating conditions (terminating pods
// included), and an empty placeholder slice when no pod qualifies.
import type { Engine } from "../core/engine";
import type { KubeObject } from "../core/types";
import { ControllerClient } from "./client";
import { getControllerOf, isPodReady, jsonEqual, splitKey, stableStringify, type Obj } from "./controller-utils";
import { findPort, selectedPods, serviceKeysForPod, serviceLabels, shouldPodBeInEndpoints, shouldSetHostname, TRIGGER_TIME_ANNOTATION, triggerTime } from "./endpoints";

export const ENDPOINTSLICE_CONTROLLER = "endpointslice";
export const SERVICE_NAME_LABEL = "kubernetes.io/service-name";
export const MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
export const CONTROLLER_NAME = "endpointslice-controller.k8s.io";
const MAX_ENDPOINTS_PER_SLICE = 100;

/** podToEndpoint: ready only when serving and not terminating (unless publishNotReadyAddresses). */
export function podToEndpoint(pod: Obj, svc: Obj, node: Obj | undefined): Obj {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = !!svc.spec?.publishNotReadyAddresses || (serving && !terminating);
  const ep: Obj = {
    addresses: [pod.status.podIP ?? pod.status.podIPs[0].ip],
    conditions: { ready, serving, terminating },
  };
  if (shouldSetHostname(pod, svc)) ep.hostname = pod.spec.hostname;
  ep.targetRef = { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata?.labels?.["topology.kubernetes.io/zone"];
  if (zone) ep.zone = zone;
  return ep;
}

function endpointPorts(svc: Obj, pod: Obj): Obj[] {
  const out: Obj[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const n = findPort(pod, sp);
    if (n === undefined) continue;
    const p: Obj = { name: sp.name ?? "", port: n, protocol: sp.protocol ?? "TCP" };
    if (sp.appProtocol) p.appProtocol = sp.appProtocol;
    out.push(p);
  }
  return out;
}

export function installEndpointSliceController(engine: Engine): void {
  engine.registerController({
    name: ENDPOINTSLICE_CONTROLLER,
    watches: [
      { resource: "services", keys: (c) => [`${c.object.metadata.namespace}/${c.object.metadata.name}`] },
      { resource: "pods", keys: serviceKeysForPod },
      {
        resource: "endpointslices",
        keys: (c) => {
          const svc = c.object.metadata.labels?.[SERVICE_NAME_LABEL];
          return svc && c.object.metadata.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME ? [`${c.object.metadata.namespace}/${svc}`] : [];
        },
      },
    ],
    reconcile: (key, e) => syncEndpointSlices(e, key),
  });
}

export function syncEndpointSlices(engine: Engine, key: string): void {
  const [ns, name] = splitKey(key);
  const client = new ControllerClient(engine, "endpointslice-controller");
  const svc = engine.store.get("services", ns, name) as Obj | undefined;
  const existing = (engine.store.list("endpointslices", ns) as Obj[]).filter(
    (s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name && s.metadata.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME && !s.metadata.deletionTimestamp,
  );
  if (!svc || !svc.spec?.selector || svc.spec.type === "ExternalName") {
    // Slices of a deleted Service go with it (the garbage collector would do it through ownerReferences).
    for (const s of existing) if (!svc || getControllerOf(s)?.uid !== svc.metadata.uid || !svc.spec?.selector) client.delete("endpointslices", ns, s.metadata.name);
    return;
  }
  const pods = selectedPods(engine, svc);
  const groups = new Map<string, { ports: Obj[]; endpoints: Obj[] }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = endpointPorts(svc, pod);
    if (!ports.length && (svc.spec.ports ?? []).length) continue;
    const k = stableStringify(ports);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { ports, endpoints: [] }));
    g.endpoints.push(podToEndpoint(pod, svc, pod.spec?.nodeName ? (engine.store.get("nodes", undefined, pod.spec.nodeName) as Obj) : undefined));
  }
  const desired: { ports: Obj[] | null; endpoints: Obj[] | null }[] = [];
  for (const k of [...groups.keys()].sort()) {
    const g = groups.get(k)!;
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
      desired.push({ ports: g.ports.length ? g.ports : null, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
    }
  }
  if (!desired.length) desired.push({ ports: null, endpoints: null });

  const labels = { ...serviceLabels(svc), [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: CONTROLLER_NAME };
  const trigger = triggerTime(svc, pods);
  const unused = [...existing].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  for (const want of desired) {
    // Reuse a slice with the same ports first, then any spare one.
    let i = unused.findIndex((s) => jsonEqual(s.ports ?? null, want.ports));
    if (i < 0) i = unused.length ? 0 : -1;
    const cur = i >= 0 ? unused.splice(i, 1)[0] : undefined;
    if (cur && jsonEqual([cur.endpoints ?? null, cur.ports ?? null, cur.metadata.labels], [want.endpoints, want.ports, labels])) continue;
    const slice: Obj = {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: cur
        ? { ...cur.metadata, labels, annotations: { ...(cur.metadata.annotations ?? {}), [TRIGGER_TIME_ANNOTATION]: trigger } }
        : {
            generateName: `${name}-`,
            namespace: ns,
            labels,
            annotations: { [TRIGGER_TIME_ANNOTATION]: trigger },
            ownerReferences: [{ apiVersion: "v1", kind: "Service", name, uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }],
          },
      addressType: "IPv4",
      endpoints: want.endpoints,
      ports: want.ports,
    };
    if (cur) client.update("endpointslices", slice as KubeObject);
    else client.create("endpointslices", slice as KubeObject);
  }
  for (const s of unused) client.delete("endpointslices", ns, s.metadata.name);
}


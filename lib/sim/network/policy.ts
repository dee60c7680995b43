// The one place that decides whether a connection may pass: NetworkPolicy (networking.k8s.io/v1) as
// the policy API specifies it. A pod selected by no policy of a direction is open in that direction;
// once selected, only traffic some rule allows passes — egress checked at the client pod, ingress at
// the server pod, after the service proxy has picked the backend (policies see pod IPs, not
// ClusterIPs). Denied packets are dropped, so clients see a timeout.
import type { Engine } from "../core/engine";
import type { KubeObject } from "../core/types";
import { fromLabelSelector, matches } from "../core/selectors";
import { inCidr } from "./state";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

/** One end of a connection: a pod (maybe virtual, like CoreDNS), or just an address (a node, the outside). */
export type Peer = { ip: string; pod?: { namespace: string; labels: Record<string, string>; spec?: Obj } };

export function peerOfPod(pod: KubeObject, ip?: string): Peer {
  return { ip: ip ?? ((pod.status as Obj | undefined)?.podIP ?? ""), pod: { namespace: pod.metadata.namespace ?? "default", labels: pod.metadata.labels ?? {}, spec: pod.spec as Obj } };
}

function policyTypes(p: Obj): string[] {
  if (Array.isArray(p.spec?.policyTypes) && p.spec.policyTypes.length) return p.spec.policyTypes;
  return p.spec?.egress ? ["Ingress", "Egress"] : ["Ingress"];
}

function selecting(engine: Engine, pod: Peer["pod"], type: "Ingress" | "Egress"): Obj[] {
  if (!pod) return [];
  return (engine.store.list("networkpolicies", pod.namespace) as Obj[]).filter(
    (p) => policyTypes(p).includes(type) && matches(fromLabelSelector(p.spec?.podSelector ?? {}), pod.labels),
  );
}

function namespaceLabels(engine: Engine, ns: string): Record<string, string> {
  return engine.store.get("namespaces", undefined, ns)?.metadata.labels ?? { "kubernetes.io/metadata.name": ns };
}

function peerMatches(engine: Engine, rulePeer: Obj, policyNs: string, other: Peer): boolean {
  if (rulePeer.ipBlock) {
    const block = rulePeer.ipBlock as { cidr: string; except?: string[] };
    return !!other.ip && inCidr(other.ip, block.cidr) && !(block.except ?? []).some((e) => inCidr(other.ip, e));
  }
  if (!other.pod) return false;
  if (rulePeer.namespaceSelector) {
    if (!matches(fromLabelSelector(rulePeer.namespaceSelector), namespaceLabels(engine, other.pod.namespace))) return false;
  } else if (other.pod.namespace !== policyNs) return false;
  return rulePeer.podSelector ? matches(fromLabelSelector(rulePeer.podSelector), other.pod.labels) : true;
}

function namedPort(pod: Peer["pod"], name: string, protocol: string): number | undefined {
  for (const c of pod?.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === name && (p.protocol ?? "TCP") === protocol) return p.containerPort;
  return undefined;
}

function portMatches(rulePorts: Obj[] | undefined, port: number, protocol: string, server: Peer): boolean {
  if (!rulePorts?.length) return true;
  return rulePorts.some((rp) => {
    if ((rp.protocol ?? "TCP") !== protocol) return false;
    if (rp.port === undefined || rp.port === null) return true;
    const p = typeof rp.port === "number" ? rp.port : /^\d+$/.test(rp.port) ? Number(rp.port) : namedPort(server.pod, rp.port, protocol);
    if (p === undefined) return false;
    return rp.endPort ? port >= p && port <= rp.endPort : port === p;
  });
}

function allowedBy(engine: Engine, policies: Obj[], kind: "ingress" | "egress", other: Peer, port: number, protocol: string, server: Peer): boolean {
  for (const p of policies) {
    for (const rule of p.spec?.[kind] ?? []) {
      const peers: Obj[] | undefined = kind === "ingress" ? rule.from : rule.to;
      const peerOk = !peers?.length || peers.some((peer) => peerMatches(engine, peer, p.metadata.namespace, other));
      if (peerOk && portMatches(rule.ports, port, protocol, server)) return true;
    }
  }
  return false;
}

/** Whether `from` may open a connection to `to`:port (protocol TCP unless given). */
export function isConnectionAllowed(engine: Engine, from: Peer, to: Peer, port: number, protocol = "TCP"): boolean {
  // A pod talking to itself never leaves its network namespace.
  if (from.pod && to.pod && from.ip && from.ip === to.ip) return true;
  const egress = selecting(engine, from.pod, "Egress");
  if (egress.length && !allowedBy(engine, egress, "egress", to, port, protocol, to)) return false;
  const ingress = selecting(engine, to.pod, "Ingress");
  if (ingress.length && !allowedBy(engine, ingress, "ingress", from, port, protocol, to)) return false;
  return true;
}

// The scheduler cache's snapshot (pkg/scheduler/backend/cache/snapshot.go, framework.NodeInfo): every
// node with the pods bound to it. Like the scheduler's pod informer (field selector
// status.phase!=Succeeded,status.phase!=Failed), finished pods no longer hold resources or ports.
import type { Container, Pod } from "kubernetes-types/core/v1";
import type { HostPort, Lister, NodeInfo } from "./types";
import { asNode, asPod } from "./types";
import { addResources, podRequests, toResourceList, type ResourceList } from "./resources";

export function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

/** Host ports a pod claims (containers and sidecar init containers), defaults as the API applies them. */
export function podHostPorts(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === "Always")];
  for (const c of containers) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort || p.hostPort <= 0) continue;
      out.push({ ip: p.hostIP || "0.0.0.0", protocol: p.protocol || "TCP", port: p.hostPort });
    }
  }
  return out;
}

const allocatableCache = new WeakMap<object, ResourceList>();

export function buildNodeInfo(nodeObj: unknown, pods: Pod[]): NodeInfo {
  const node = nodeObj as NodeInfo["node"];
  const requested: ResourceList = {};
  const nonZeroRequested: ResourceList = {};
  const usedPorts: HostPort[] = [];
  for (const p of pods) {
    addResources(requested, podRequests(p));
    addResources(nonZeroRequested, podRequests(p, { nonZero: true }));
    usedPorts.push(...podHostPorts(p));
  }
  return {
    node,
    name: node.metadata?.name ?? "",
    pods,
    requested,
    nonZeroRequested,
    allocatable: allocatableOf(node),
    usedPorts,
  };
}

/** All nodes (sorted by name) with their non-terminal bound pods. */
export function snapshot(lister: Lister): NodeInfo[] {
  const byNode = new Map<string, Pod[]>();
  for (const o of lister.list("pods")) {
    const p = asPod(o);
    const n = p.spec?.nodeName;
    if (!n || isTerminal(p)) continue;
    let list = byNode.get(n);
    if (!list) byNode.set(n, (list = []));
    list.push(p);
  }
  return lister.list("nodes").map((o) => buildNodeInfo(asNode(o), byNode.get(o.metadata.name!) ?? []));
}

function allocatableOf(node: NodeInfo["node"]): ResourceList {
  let r = allocatableCache.get(node);
  if (!r) allocatableCache.set(node, (r = toResourceList(node.status?.allocatable as Record<string, string> | undefined)));
  return r;
}

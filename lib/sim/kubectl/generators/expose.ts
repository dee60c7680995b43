// Mirrors `kubectl expose` (staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go: RunExpose, createService)
// with the introspection helpers of pkg/polymorphichelpers (mapbasedselectorforobject.go,
// portsforobject.go, protocolsforobject.go) for --dry-run=client output.
import type { Container, ContainerPort, ServicePort } from "kubernetes-types/core/v1";
import type { LabelSelector } from "kubernetes-types/meta/v1";
import type { KubeObject } from "../format/kube-object";
import { atoi, compact, fail, objectMeta, parseLabels, sortedMap, type GenerateResult } from "./common";

export type ExposeFlags = {
  port?: string;
  targetPort?: string;
  protocol?: string;
  type?: string;
  name?: string;
  selector?: string;
  labels?: string;
  externalIp?: string;
  loadBalancerIp?: string;
  sessionAffinity?: string;
  clusterIp?: string;
  namespace?: string;
};

const EXPOSABLE = new Set(["Pod", "Service", "ReplicationController", "Deployment", "ReplicaSet"]);

function groupKindString(o: KubeObject): string {
  const group = o.apiVersion?.includes("/") ? o.apiVersion.split("/")[0] : "";
  return group ? `${o.kind}.${group}` : (o.kind ?? "");
}

function podSpecOf(o: KubeObject): { containers?: Container[] } | undefined {
  const spec = o.spec as { containers?: Container[]; template?: { spec?: { containers?: Container[] } } } | undefined;
  if (o.kind === "Pod") return spec;
  return spec?.template?.spec;
}

/** MapBasedSelectorForObject: "k=v,…" from the object, or kubectl's error. */
function mapBasedSelector(o: KubeObject): { ok: true; selector: string } | { ok: false; cause: string } {
  const join = (m: Record<string, string>) =>
    Object.keys(m)
      .sort()
      .map((k) => `${k}=${m[k]}`)
      .join(",");
  switch (o.kind) {
    case "Pod": {
      const labels = o.metadata?.labels ?? {};
      if (Object.keys(labels).length === 0) return { ok: false, cause: "the pod has no labels and cannot be exposed" };
      return { ok: true, selector: join(labels) };
    }
    case "Service": {
      const selector = (o.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {};
      if (Object.keys(selector).length === 0) return { ok: false, cause: "the service has no pod selector set" };
      return { ok: true, selector: join(selector) };
    }
    case "ReplicationController":
      return { ok: true, selector: join((o.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {}) };
    default: {
      const selector = (o.spec as { selector?: LabelSelector } | undefined)?.selector;
      if (selector?.matchExpressions && selector.matchExpressions.length > 0) {
        const exprs = selector.matchExpressions
          .map((e) => `{Key:${e.key} Operator:${e.operator} Values:[${(e.values ?? []).join(" ")}]}`)
          .join(" ");
        return { ok: false, cause: `couldn't convert expressions - "[${exprs}]" to map-based selector format` };
      }
      return { ok: true, selector: join(selector?.matchLabels ?? {}) };
    }
  }
}

/** PortsForObject (deduplicated, in container order) and ProtocolsForObject (port → protocols). */
function portsAndProtocols(o: KubeObject): { ports: string[]; protocols: Map<string, string[]> } {
  const ports: string[] = [];
  const protocols = new Map<string, string[]>();
  const add = (port: number, protocol: string | undefined) => {
    const key = String(port);
    if (!ports.includes(key)) ports.push(key);
    protocols.set(key, [...(protocols.get(key) ?? []), protocol || "TCP"]);
  };
  if (o.kind === "Service") {
    for (const p of ((o.spec as { ports?: ServicePort[] } | undefined)?.ports ?? [])) add(p.port, p.protocol);
  } else {
    for (const c of podSpecOf(o)?.containers ?? []) for (const p of (c.ports ?? []) as ContainerPort[]) add(p.containerPort, p.protocol);
  }
  return { ports, protocols };
}

/** `kubectl expose (-f FILE | TYPE NAME) [--port] [--target-port] [--type] [--name] …` for one object. */
export function generateExpose(target: KubeObject, flags: ExposeFlags): GenerateResult {
  if (!target.kind || !EXPOSABLE.has(target.kind)) return fail(`cannot expose a ${groupKindString(target)}`);
  let defaultName = target.metadata?.name ?? "";
  if (defaultName.length > 63) defaultName = defaultName.slice(0, 63);

  let selectorSpec = flags.selector ?? "";
  if (!selectorSpec) {
    const s = mapBasedSelector(target);
    if (!s.ok) return fail(`couldn't retrieve selectors via --selector flag or introspection: ${s.cause}`);
    selectorSpec = s.selector;
  }
  const headless = flags.clusterIp === "None";
  const introspected = portsAndProtocols(target);
  let portString = flags.port ?? "";
  if (!portString) {
    if (introspected.ports.length === 0 && !headless) return fail("couldn't find port via --port flag or introspection");
    portString = introspected.ports.join(",");
  }
  const protocolMap = introspected.protocols;

  let labelSpec = flags.labels ?? "";
  if (!labelSpec) {
    const labels = target.metadata?.labels ?? {};
    labelSpec = Object.keys(labels)
      .sort()
      .map((k) => `${k}=${labels[k]}`)
      .join(",");
  }
  let labels: Record<string, string> | undefined;
  if (labelSpec) {
    const parsed = parseLabels(labelSpec);
    if (!parsed.ok) return fail(parsed.cause);
    labels = parsed.labels;
  }
  let selector: Record<string, string> | undefined;
  if (selectorSpec) {
    const parsed = parseLabels(selectorSpec);
    if (!parsed.ok) return fail(parsed.cause);
    selector = parsed.labels;
  }

  const ports: Record<string, unknown>[] = [];
  if (portString) {
    const parts = portString.split(",");
    for (let i = 0; i < parts.length; i++) {
      const n = atoi(parts[i]);
      if (!n.ok) return fail(n.cause);
      const name = parts.length > 1 ? `port-${i + 1}` : undefined;
      let protocol = flags.protocol ?? "";
      if (!protocol && protocolMap.size === 0) protocol = "TCP";
      else if (!protocol && protocolMap.size > 0) {
        protocol = "TCP";
        const found = protocolMap.get(parts[i]);
        if (found) {
          if (found.length === 1) protocol = found[0];
          else {
            // One service port per protocol the object serves this port number on.
            for (const p of found) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, protocol: p, port: n.value });
            continue;
          }
        }
      }
      ports.push(compact({ name, protocol, port: n.value }));
    }
  }
  let targetPort: number | string | undefined;
  if (flags.targetPort) {
    const n = atoi(flags.targetPort);
    targetPort = n.ok ? n.value : flags.targetPort;
  }
  const withTargets = ports.map((p) => ({ ...p, targetPort: targetPort ?? (p.port as number) }));

  const type = flags.type || undefined;
  let sessionAffinity: string | undefined;
  if (flags.sessionAffinity) {
    if (flags.sessionAffinity !== "None" && flags.sessionAffinity !== "ClientIP") return fail(`unknown session affinity: ${flags.sessionAffinity}`);
    sessionAffinity = flags.sessionAffinity;
  }
  const metadata = objectMeta({ name: flags.name || defaultName, namespace: flags.namespace, labels });
  const service: KubeObject = {
    kind: "Service",
    apiVersion: "v1",
    metadata,
    spec: compact({
      ports: withTargets.length > 0 ? withTargets : undefined,
      selector: selector ? sortedMap(selector) : undefined,
      clusterIP: flags.clusterIp || undefined,
      type,
      externalIPs: flags.externalIp ? [flags.externalIp] : undefined,
      sessionAffinity,
      loadBalancerIP: type === "LoadBalancer" && flags.loadBalancerIp ? flags.loadBalancerIp : undefined,
    }),
    status: { loadBalancer: {} },
  };
  return { ok: true, object: service };
}

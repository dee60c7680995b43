// Check targets, kubectl-style: "pod/web", "deployment/api -n prod", "svc web", "pods -l app=web",
// "pods -l app=web -n prod", "pods" (every pod in the namespace). Resource names resolve as kubectl
// resolves them (plural, singular, short name, kind, "deployments.apps") against the cluster's
// discovery list.
import type { Cluster, KubeObject } from "../sim";

export type TTarget = {
  text: string;
  resource: string;
  name?: string;
  namespace?: string;
  selector?: string;
  fieldSelector?: string;
  allNamespaces?: boolean;
};

export type TResourceInfo = { kind: string; resource: string; group: string; singular: string; namespaced: boolean };

export function parseTarget(text: string): { ok: true; target: TTarget } | { ok: false; error: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const target: TTarget = { text, resource: "" };
  const positional: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const value = (flag: string): string | undefined => (w.startsWith(`${flag}=`) ? w.slice(flag.length + 1) : w === flag ? words[++i] : undefined);
    let v: string | undefined;
    if ((v = value("-n") ?? value("--namespace")) !== undefined) target.namespace = v;
    else if ((v = value("-l") ?? value("--selector")) !== undefined) target.selector = v;
    else if ((v = value("--field-selector")) !== undefined) target.fieldSelector = v;
    else if (w === "-A" || w === "--all-namespaces") target.allNamespaces = true;
    else if (w.startsWith("-")) return { ok: false, error: `target "${text}": unknown flag ${w}` };
    else positional.push(w);
  }
  if (!positional.length) return { ok: false, error: `target "${text}": no resource type` };
  if (positional.length > 2) return { ok: false, error: `target "${text}": too many names` };
  const [first, second] = positional;
  const slash = first.indexOf("/");
  if (slash >= 0) {
    if (second !== undefined) return { ok: false, error: `target "${text}": give TYPE/NAME or TYPE NAME, not both` };
    target.resource = first.slice(0, slash);
    target.name = first.slice(slash + 1);
    if (!target.name) return { ok: false, error: `target "${text}": empty name` };
  } else {
    target.resource = first;
    if (second !== undefined) target.name = second;
  }
  if (target.name && (target.selector || target.fieldSelector)) return { ok: false, error: `target "${text}": a name and a selector cannot be combined` };
  return { ok: true, target };
}

export function resolveResource(cluster: Cluster, typed: string): TResourceInfo | undefined {
  const t = typed.toLowerCase();
  const [base, ...groupParts] = t.split(".");
  const group = groupParts.join(".");
  for (const info of cluster.engine.api.machinery.listResources()) {
    if (group && info.group !== group && !(group.startsWith(`${info.version}.`) && group.slice(info.version.length + 1) === info.group)) continue;
    if (info.resource === base || info.singular === base || info.kind.toLowerCase() === base || (!group && info.shortNames.includes(base))) {
      return { kind: info.kind, resource: info.resource, group: info.group, singular: info.singular || info.kind.toLowerCase(), namespaced: info.namespaced };
    }
  }
  return undefined;
}

/** kubectl's way of naming one object: "pod/web", "deployment.apps/api". */
export function refOf(info: TResourceInfo, name: string): string {
  return `${info.singular}${info.group ? `.${info.group}` : ""}/${name}`;
}

export type TFetched =
  | { ok: true; info: TResourceInfo; single: boolean; namespace: string | undefined; objects: KubeObject[] }
  | { ok: false; error: string };

/** The objects a target names now (a named object that does not exist: an empty list). */
export function fetchTarget(cluster: Cluster, target: TTarget, defaultNamespace: string): TFetched {
  const info = resolveResource(cluster, target.resource);
  if (!info) return { ok: false, error: `the server doesn't have a resource type "${target.resource}"` };
  const namespace = info.namespaced ? target.namespace ?? defaultNamespace : undefined;
  if (target.name !== undefined) {
    const obj = cluster.get(info.resource, target.name, namespace);
    return { ok: true, info, single: true, namespace, objects: obj ? [obj] : [] };
  }
  const listed = cluster.list(info.resource, {
    namespace,
    allNamespaces: target.allNamespaces,
    labelSelector: target.selector,
    fieldSelector: target.fieldSelector,
  });
  if (!listed.ok) return { ok: false, error: listed.error.kind === "status" ? listed.error.status.message : listed.error.message };
  const items = [...listed.items].sort((a, b) => key(a).localeCompare(key(b)));
  return { ok: true, info, single: false, namespace, objects: items };
}

function key(o: KubeObject): string {
  return `${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;
}

// The simulator's discovery document: which kinds exist, their REST names and scopes, as a kubeadm
// v1.32 API server reports them (`kubectl api-resources`). kubectl's RESTMapper rules for resolving
// "po", "pods", "deployment.apps", "deployments.v1.apps" live here too.
import type { ResourceInfo } from "./types";

const ALL_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
const NO_COLLECTION_VERBS = ["create", "delete", "get", "list", "patch", "update", "watch"];

type Entry = {
  group: string;
  version: string;
  kind: string;
  plural: string;
  shortNames?: string[];
  namespaced: boolean;
  verbs?: string[];
  categories?: string[];
};

// Order is the order `kubectl api-resources` prints: core group first, then groups alphabetically.
const ENTRIES: Entry[] = [
  { group: "", version: "v1", kind: "ConfigMap", plural: "configmaps", shortNames: ["cm"], namespaced: true },
  { group: "", version: "v1", kind: "Endpoints", plural: "endpoints", shortNames: ["ep"], namespaced: true },
  { group: "", version: "v1", kind: "Event", plural: "events", shortNames: ["ev"], namespaced: true },
  { group: "", version: "v1", kind: "LimitRange", plural: "limitranges", shortNames: ["limits"], namespaced: true },
  {
    group: "",
    version: "v1",
    kind: "Namespace",
    plural: "namespaces",
    shortNames: ["ns"],
    namespaced: false,
    verbs: NO_COLLECTION_VERBS,
  },
  { group: "", version: "v1", kind: "Node", plural: "nodes", shortNames: ["no"], namespaced: false },
  {
    group: "",
    version: "v1",
    kind: "PersistentVolumeClaim",
    plural: "persistentvolumeclaims",
    shortNames: ["pvc"],
    namespaced: true,
  },
  { group: "", version: "v1", kind: "PersistentVolume", plural: "persistentvolumes", shortNames: ["pv"], namespaced: false },
  { group: "", version: "v1", kind: "Pod", plural: "pods", shortNames: ["po"], namespaced: true, categories: ["all"] },
  { group: "", version: "v1", kind: "PodTemplate", plural: "podtemplates", namespaced: true },
  { group: "", version: "v1", kind: "ResourceQuota", plural: "resourcequotas", shortNames: ["quota"], namespaced: true },
  { group: "", version: "v1", kind: "Secret", plural: "secrets", namespaced: true },
  { group: "", version: "v1", kind: "ServiceAccount", plural: "serviceaccounts", shortNames: ["sa"], namespaced: true },
  {
    group: "",
    version: "v1",
    kind: "Service",
    plural: "services",
    shortNames: ["svc"],
    namespaced: true,
    categories: ["all"],
  },
  { group: "apps", version: "v1", kind: "ControllerRevision", plural: "controllerrevisions", namespaced: true },
  {
    group: "apps",
    version: "v1",
    kind: "DaemonSet",
    plural: "daemonsets",
    shortNames: ["ds"],
    namespaced: true,
    categories: ["all"],
  },
  {
    group: "apps",
    version: "v1",
    kind: "Deployment",
    plural: "deployments",
    shortNames: ["deploy"],
    namespaced: true,
    categories: ["all"],
  },
  {
    group: "apps",
    version: "v1",
    kind: "ReplicaSet",
    plural: "replicasets",
    shortNames: ["rs"],
    namespaced: true,
    categories: ["all"],
  },
  {
    group: "apps",
    version: "v1",
    kind: "StatefulSet",
    plural: "statefulsets",
    shortNames: ["sts"],
    namespaced: true,
    categories: ["all"],
  },
  {
    group: "autoscaling",
    version: "v2",
    kind: "HorizontalPodAutoscaler",
    plural: "horizontalpodautoscalers",
    shortNames: ["hpa"],
    namespaced: true,
    categories: ["all"],
  },
  {
    group: "batch",
    version: "v1",
    kind: "CronJob",
    plural: "cronjobs",
    shortNames: ["cj"],
    namespaced: true,
    categories: ["all"],
  },
  { group: "batch", version: "v1", kind: "Job", plural: "jobs", namespaced: true, categories: ["all"] },
  { group: "discovery.k8s.io", version: "v1", kind: "EndpointSlice", plural: "endpointslices", namespaced: true },
  { group: "networking.k8s.io", version: "v1", kind: "IngressClass", plural: "ingressclasses", namespaced: false },
  { group: "networking.k8s.io", version: "v1", kind: "Ingress", plural: "ingresses", shortNames: ["ing"], namespaced: true },
  {
    group: "networking.k8s.io",
    version: "v1",
    kind: "NetworkPolicy",
    plural: "networkpolicies",
    shortNames: ["netpol"],
    namespaced: true,
  },
  { group: "policy", version: "v1", kind: "PodDisruptionBudget", plural: "poddisruptionbudgets", shortNames: ["pdb"], namespaced: true },
  { group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRoleBinding", plural: "clusterrolebindings", namespaced: false },
  { group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRole", plural: "clusterroles", namespaced: false },
  { group: "rbac.authorization.k8s.io", version: "v1", kind: "RoleBinding", plural: "rolebindings", namespaced: true },
  { group: "rbac.authorization.k8s.io", version: "v1", kind: "Role", plural: "roles", namespaced: true },
  { group: "scheduling.k8s.io", version: "v1", kind: "PriorityClass", plural: "priorityclasses", shortNames: ["pc"], namespaced: false },
  { group: "storage.k8s.io", version: "v1", kind: "StorageClass", plural: "storageclasses", shortNames: ["sc"], namespaced: false },
];

/** Schema keys use the Go package group name: "" → core, "rbac.authorization.k8s.io" → rbac. */
function schemaGroup(group: string): string {
  if (group === "") return "core";
  return group.split(".")[0];
}

const RESOURCES: ResourceInfo[] = ENTRIES.map((e) => ({
  group: e.group,
  version: e.version,
  apiVersion: e.group ? `${e.group}/${e.version}` : e.version,
  kind: e.kind,
  plural: e.plural,
  singular: e.kind.toLowerCase(),
  shortNames: e.shortNames ?? [],
  namespaced: e.namespaced,
  verbs: e.verbs ?? ALL_VERBS,
  categories: e.categories ?? [],
  schemaKey: `${schemaGroup(e.group)}.${e.version}.${e.kind}`,
}));

const BY_API_VERSION_KIND = new Map(RESOURCES.map((r) => [`${r.apiVersion}/${r.kind}`, r]));

export type ResolveKindResult =
  | { ok: true; info: ResourceInfo }
  | { ok: false; error: string; kind: string; apiVersion: string };

/** The REST mapping for a manifest's apiVersion + kind (case-sensitive, like the API server). */
export function resolveKind(apiVersion: string, kind: string): ResolveKindResult {
  const info = BY_API_VERSION_KIND.get(`${apiVersion}/${kind}`);
  if (info) return { ok: true, info };
  return { ok: false, kind, apiVersion, error: `no matches for kind "${kind}" in version "${apiVersion}"` };
}

/**
 * kubectl apply/create's message for a manifest whose kind is unknown, e.g.
 * resource mapping not found for name: "web" namespace: "" from "pod.yaml": no matches for kind "Pod" in version "v2"
 * ensure CRDs are installed first
 */
export function formatResourceMappingError(args: {
  name: string;
  namespace: string;
  source: string;
  kind: string;
  apiVersion: string;
}): string {
  return `resource mapping not found for name: "${args.name}" namespace: "${args.namespace}" from "${args.source}": no matches for kind "${args.kind}" in version "${args.apiVersion}"\nensure CRDs are installed first`;
}

export type ResolveResourceResult = { ok: true; info: ResourceInfo } | { ok: false; error: string };

/**
 * Resolves a kubectl resource argument: "po", "pods", "pod", "Pod", "deploy", "deployment.apps",
 * "deployments.v1.apps" (resource[.version].group, as schema.ParseResourceArg splits it).
 */
export function resolveResourceArg(arg: string): ResolveResourceResult {
  const lower = arg.toLowerCase();
  const candidates: Array<{ resource: string; group?: string; version?: string }> = [{ resource: lower }];
  const parts = lower.split(".");
  if (parts.length >= 2) candidates.push({ resource: parts[0], group: parts.slice(1).join(".") });
  if (parts.length >= 3) candidates.push({ resource: parts[0], version: parts[1], group: parts.slice(2).join(".") });
  for (const c of candidates) {
    const found = RESOURCES.find(
      (r) =>
        (c.group === undefined || r.group === c.group || (c.group === "core" && r.group === "")) &&
        (c.version === undefined || r.version === c.version) &&
        (r.plural === c.resource || r.singular === c.resource || r.shortNames.includes(c.resource)),
    );
    if (found) return { ok: true, info: found };
  }
  return { ok: false, error: `error: the server doesn't have a resource type "${arg}"` };
}

/** Everything `kubectl api-resources` lists, in its order. */
export function listResources(): readonly ResourceInfo[] {
  return RESOURCES;
}

/** `kubectl api-versions`: sorted group/versions. */
export function listApiVersions(): string[] {
  return [...new Set(RESOURCES.map((r) => r.apiVersion))].sort();
}

/** Resources in a category, e.g. "all" for `kubectl get all`. */
export function resourcesInCategory(category: string): ResourceInfo[] {
  return RESOURCES.filter((r) => r.categories.includes(category));
}

// Mirrors the built-in admission plugins of a kubeadm v1.32 API server whose effects show in objects:
// NamespaceLifecycle (plugin/pkg/admission/namespace/lifecycle), ServiceAccount
// (plugin/pkg/admission/serviceaccount), Priority (plugin/pkg/admission/priority) and
// DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds), run in that order, and
// DefaultStorageClass (plugin/pkg/admission/storage/storageclass/setdefault) for PVCs.
import { deepCopy } from "../core/types";
import type { ApiStatus, KubeObject, ResourceInfo } from "./types";
import { resolveKind } from "./resources";

export type AdmissionOperation = "create" | "update" | "delete";

export type AdmissionContext = {
  operation: AdmissionOperation;
  /** Reads the current store: lookup("serviceaccounts", "default", "default"). */
  lookup(resource: string, namespace: string, name: string): KubeObject | undefined;
  /** Every object of a cluster-scoped resource ("storageclasses"). */
  list?(resource: string): KubeObject[];
  /** Random lowercase alphanumerics from the simulation's seeded RNG. */
  randomSuffix(n: number): string;
};

export type AdmitResult = { ok: true; object: KubeObject } | { ok: false; status: ApiStatus };

export const SERVICE_ACCOUNT_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
const IMMORTAL_NAMESPACES = new Set(["default", "kube-system", "kube-public"]);
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: 1h + 7s. */
const TOKEN_EXPIRATION_SECONDS = 3607;
const SYSTEM_PRIORITY_CLASSES: Record<string, number> = {
  "system-node-critical": 2000001000,
  "system-cluster-critical": 2000000000,
};

type Obj = Record<string, unknown>;

function asObj(value: unknown): Obj | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : undefined;
}

function asList(value: unknown): Obj[] {
  return Array.isArray(value) ? (value.filter((v) => asObj(v)) as Obj[]) : [];
}

function resourceOf(object: KubeObject): ResourceInfo | undefined {
  const resolved = resolveKind(object.apiVersion, object.kind);
  return resolved.ok ? resolved.info : undefined;
}

function qualifiedResource(info: ResourceInfo | undefined, fallbackKind: string): string {
  if (!info) return `${fallbackKind.toLowerCase()}s`;
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

/** errors.NewForbidden: `pods "web" is forbidden: <reason>`. */
export function forbiddenStatus(resource: string, name: string, reason: string, group = ""): ApiStatus {
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message: `${resource} "${name}" is forbidden: ${reason}`,
    reason: "Forbidden",
    details: { name, ...(group ? { group } : {}), kind: resource.split(".")[0] },
    code: 403,
  };
}

/** errors.NewNotFound: `namespaces "foo" not found`. */
export function notFoundStatus(resource: string, name: string, group = ""): ApiStatus {
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message: `${resource} "${name}" not found`,
    reason: "NotFound",
    details: { name, ...(group ? { group } : {}), kind: resource.split(".")[0] },
    code: 404,
  };
}

function namespaceLifecycle(object: KubeObject, info: ResourceInfo | undefined, ctx: AdmissionContext): ApiStatus | undefined {
  const name = object.metadata.name ?? "";
  if (object.kind === "Namespace" && ctx.operation === "delete" && IMMORTAL_NAMESPACES.has(name)) {
    return forbiddenStatus("namespaces", name, "this namespace may not be deleted");
  }
  if (ctx.operation !== "create" || !info?.namespaced) return undefined;
  const namespace = object.metadata.namespace ?? "default";
  const ns = ctx.lookup("namespaces", "", namespace);
  if (!ns) return notFoundStatus("namespaces", namespace);
  const phase = asObj(ns.status)?.phase;
  if (phase === "Terminating" || ns.metadata.deletionTimestamp) {
    return forbiddenStatus(
      qualifiedResource(info, object.kind),
      name,
      `unable to create new content in namespace ${namespace} because it is being terminated`,
      info.group,
    );
  }
  return undefined;
}

function hasServiceAccountMount(container: Obj): boolean {
  return asList(container.volumeMounts).some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH);
}

function serviceAccountAdmission(pod: KubeObject, ctx: AdmissionContext): ApiStatus | undefined {
  const spec = asObj(pod.spec) ?? {};
  pod.spec = spec;
  // Mirror pods (static pods from a kubelet) are left alone.
  if (pod.metadata.annotations?.["kubernetes.io/config.mirror"]) return undefined;
  const name = (spec.serviceAccountName as string) || (spec.serviceAccount as string) || "default";
  spec.serviceAccountName = name;
  const namespace = pod.metadata.namespace ?? "default";
  const serviceAccount = ctx.lookup("serviceaccounts", namespace, name);
  if (!serviceAccount) {
    return forbiddenStatus(
      "pods",
      pod.metadata.name ?? "",
      `error looking up service account ${namespace}/${name}: serviceaccount "${name}" not found`,
    );
  }
  // v1 conversion keeps the deprecated field in step with serviceAccountName.
  spec.serviceAccount = name;
  const automount =
    spec.automountServiceAccountToken !== undefined
      ? spec.automountServiceAccountToken !== false
      : serviceAccount.automountServiceAccountToken !== false;
  if (automount) mountServiceAccountToken(spec, ctx);
  const pullSecrets = serviceAccount.imagePullSecrets;
  if (Array.isArray(pullSecrets) && pullSecrets.length > 0 && asList(spec.imagePullSecrets).length === 0) {
    spec.imagePullSecrets = pullSecrets.map((s) => ({ name: asObj(s)?.name }));
  }
  return undefined;
}

function mountServiceAccountToken(spec: Obj, ctx: AdmissionContext): void {
  const containers = [...asList(spec.initContainers), ...asList(spec.containers)];
  if (containers.length > 0 && containers.every(hasServiceAccountMount)) return;
  const volumes = asList(spec.volumes);
  // Reuse a projected token volume the pod already has (e.g. re-admitted); otherwise add one.
  const existing = volumes.find((v) => typeof v.name === "string" && v.name.startsWith("kube-api-access-"));
  const volumeName = existing ? (existing.name as string) : `kube-api-access-${ctx.randomSuffix(5)}`;
  if (!existing) {
    spec.volumes = [
      ...(Array.isArray(spec.volumes) ? spec.volumes : []),
      {
        name: volumeName,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: "token" } },
            { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
            {
              downwardAPI: {
                items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }],
              },
            },
          ],
        },
      },
    ];
  }
  for (const container of containers) {
    if (hasServiceAccountMount(container)) continue;
    container.volumeMounts = [
      ...(Array.isArray(container.volumeMounts) ? container.volumeMounts : []),
      { mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name: volumeName, readOnly: true },
    ];
  }
}

function priorityAdmission(pod: KubeObject, ctx: AdmissionContext): ApiStatus | undefined {
  const spec = asObj(pod.spec) ?? {};
  const className = typeof spec.priorityClassName === "string" ? spec.priorityClassName : "";
  let priority = 0;
  let preemptionPolicy = "PreemptLowerPriority";
  if (className) {
    if (SYSTEM_PRIORITY_CLASSES[className] !== undefined) {
      priority = SYSTEM_PRIORITY_CLASSES[className];
    } else {
      const pc = ctx.lookup("priorityclasses", "", className);
      if (!pc) return forbiddenStatus("pods", pod.metadata.name ?? "", `no PriorityClass with name ${className} was found`);
      priority = typeof pc.value === "number" ? pc.value : 0;
      if (typeof pc.preemptionPolicy === "string") preemptionPolicy = pc.preemptionPolicy;
    }
  }
  if (spec.priority !== undefined && spec.priority !== priority) {
    return forbiddenStatus(
      "pods",
      pod.metadata.name ?? "",
      `the integer value of priority (${String(spec.priority)}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
    );
  }
  spec.priority = priority;
  if (spec.preemptionPolicy === undefined) spec.preemptionPolicy = preemptionPolicy;
  return undefined;
}

const NOT_READY_TAINT = "node.kubernetes.io/not-ready";
const UNREACHABLE_TAINT = "node.kubernetes.io/unreachable";

function defaultTolerationSeconds(pod: KubeObject): void {
  const spec = asObj(pod.spec) ?? {};
  const tolerations = asList(spec.tolerations);
  const tolerates = (key: string) =>
    tolerations.some((t) => (t.key === key || !t.key) && (t.effect === "NoExecute" || !t.effect));
  const added: Obj[] = [];
  if (!tolerates(NOT_READY_TAINT)) {
    added.push({ effect: "NoExecute", key: NOT_READY_TAINT, operator: "Exists", tolerationSeconds: 300 });
  }
  if (!tolerates(UNREACHABLE_TAINT)) {
    added.push({ effect: "NoExecute", key: UNREACHABLE_TAINT, operator: "Exists", tolerationSeconds: 300 });
  }
  if (added.length) spec.tolerations = [...(Array.isArray(spec.tolerations) ? spec.tolerations : []), ...added];
}

const DEFAULT_CLASS_ANNOTATIONS = ["storageclass.kubernetes.io/is-default-class", "storageclass.beta.kubernetes.io/is-default-class"];

/**
 * DefaultStorageClass: a claim created without spec.storageClassName (unset, not "") gets the default
 * class; with several defaults, the newest (then the first by name) wins, as GetDefaultClass does.
 */
function defaultStorageClass(pvc: KubeObject, ctx: AdmissionContext): KubeObject {
  const spec = asObj(pvc.spec);
  if (!spec || spec.storageClassName !== undefined || !ctx.list) return pvc;
  const defaults = ctx
    .list("storageclasses")
    .filter((sc) => DEFAULT_CLASS_ANNOTATIONS.some((a) => sc.metadata.annotations?.[a] === "true"))
    .sort((a, b) => {
      const ta = a.metadata.creationTimestamp ?? "";
      const tb = b.metadata.creationTimestamp ?? "";
      return ta === tb ? (a.metadata.name ?? "").localeCompare(b.metadata.name ?? "") : ta < tb ? 1 : -1;
    });
  if (!defaults.length) return pvc;
  const out = deepCopy(pvc);
  (out.spec as Obj).storageClassName = defaults[0].metadata.name;
  return out;
}

/**
 * Runs the admission chain on a defaulted object. Returns a new object (the input is not modified) or
 * the Status the API server answers with.
 */
export function admit(object: KubeObject, ctx: AdmissionContext): AdmitResult {
  const info = resourceOf(object);
  const lifecycle = namespaceLifecycle(object, info, ctx);
  if (lifecycle) return { ok: false, status: lifecycle };
  if (object.kind === "PersistentVolumeClaim" && ctx.operation === "create") return { ok: true, object: defaultStorageClass(object, ctx) };
  if (object.kind !== "Pod" || ctx.operation !== "create") return { ok: true, object };
  const pod = deepCopy(object);
  const failure = serviceAccountAdmission(pod, ctx) ?? priorityAdmission(pod, ctx);
  if (failure) return { ok: false, status: failure };
  defaultTolerationSeconds(pod);
  return { ok: true, object: pod };
}

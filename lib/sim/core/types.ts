// Shared object shapes of the simulator. Objects are plain JSON as the Kubernetes API serves them;
// the typed views come from kubernetes-types.
import type { ObjectMeta as K8sObjectMeta, OwnerReference as K8sOwnerReference } from "kubernetes-types/meta/v1";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
/** kubernetes-types marks system fields readonly; inside the simulator the apiserver writes them. */
export type ObjectMeta = Mutable<K8sObjectMeta>;
export type OwnerReference = Mutable<K8sOwnerReference>;

export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
};


/** Kubernetes' Status object, as error bodies from the API server. */
export type ApiStatus = {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, never>;
  status: "Failure";
  message: string;
  reason: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: { reason?: string; message?: string; field?: string }[];
  };
  code: number;
};

export type Result<T> = { ok: true; value: T } | { ok: false; status: ApiStatus };

export function statusError(code: number, reason: string, message: string, details?: ApiStatus["details"]): ApiStatus {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, ...(details ? { details } : {}), code };
}

export function notFound(resource: string, name: string, group = ""): ApiStatus {
  const qualified = group ? `${resource}.${group}` : resource;
  return statusError(404, "NotFound", `${qualified} "${name}" not found`, { name, group: group || undefined, kind: resource });
}

export function alreadyExists(resource: string, name: string, group = ""): ApiStatus {
  const qualified = group ? `${resource}.${group}` : resource;
  return statusError(409, "AlreadyExists", `${qualified} "${name}" already exists`, { name, group: group || undefined, kind: resource });
}

export function conflict(resource: string, name: string, group = ""): ApiStatus {
  const qualified = group ? `${resource}.${group}` : resource;
  return statusError(
    409,
    "Conflict",
    `Operation cannot be fulfilled on ${qualified} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, group: group || undefined, kind: resource },
  );
}

/**
 * Deep copy of a JSON value (objects in the store are never shared with callers). A direct walk is
 * several times faster than a JSON round trip; like JSON, it drops `undefined` object members.
 */
export function clone<T>(value: T): T {
  return cloneValue(value) as T;
}

function cloneValue(v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      out[i] = x === undefined ? null : cloneValue(x);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k in v as Record<string, unknown>) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = cloneValue(x);
  }
  return out;
}

/**
 * Deep copy with structuredClone's result for JSON data (undefined members and array holes kept as
 * undefined), without its serialisation cost: the API machinery copies every object it defaults.
 */
export function deepCopy<T>(value: T): T {
  return copyValue(value) as T;
}

function copyValue(v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = copyValue(v[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k in v as Record<string, unknown>) out[k] = copyValue((v as Record<string, unknown>)[k]);
  return out;
}

/** Structural equality of JSON values (undefined members count as absent). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let n = 0;
  for (const k in ao) {
    if (ao[k] === undefined) continue;
    n++;
    if (!deepEqual(ao[k], bo[k])) return false;
  }
  for (const k in bo) if (bo[k] !== undefined) n--;
  return n === 0;
}

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

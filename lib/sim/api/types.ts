// Public types of lib/sim/api: objects, API errors (metav1.Status) and field errors.
import type { ObjectMeta } from "kubernetes-types/meta/v1";

export type { ObjectMeta };

/** Any Kubernetes object as stored by the simulator: typed metadata, everything else open. */
export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
};

export type StatusCause = { reason?: string; message?: string; field?: string };

export type StatusReason =
  | "BadRequest"
  | "Invalid"
  | "NotFound"
  | "AlreadyExists"
  | "Conflict"
  | "Forbidden"
  | "MethodNotAllowed"
  | "InternalError";

/** metav1.Status as the API server returns it for a failed request. */
export type ApiStatus = {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, never>;
  status: "Failure";
  message: string;
  reason: StatusReason;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[] };
  code: number;
};

/** field.ErrorType as printed by field.Error.Error(). */
export type FieldErrorType =
  | "Required"
  | "Invalid"
  | "Unsupported"
  | "NotSupported"
  | "Duplicate"
  | "Forbidden"
  | "TooLong"
  | "TooMany"
  | "NotFound"
  | "InternalError";

export type FieldError = {
  type: FieldErrorType;
  field: string;
  /** The offending value; omitted when upstream prints none (Required, Forbidden, TooMany …). */
  value?: unknown;
  hasValue?: boolean;
  detail?: string;
};

export type ResourceInfo = {
  group: string;
  version: string;
  /** "v1" or "apps/v1" */
  apiVersion: string;
  kind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  verbs: string[];
  categories: string[];
  /** key of the definition in the generated schema, e.g. "core.v1.Pod" */
  schemaKey: string;
};

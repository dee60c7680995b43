// The shapes the kubectl output layer works on: plain Kubernetes objects and a read-only view of the store.
import type { ObjectMeta } from "kubernetes-types/meta/v1";

/** Any Kubernetes object as the API serves it (typed fields are read through narrow casts where needed). */
export type KubeObject = {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
};

/** Implemented by the simulator facade; describe uses it to find related objects (events, endpoints, pods). */
export type ObjectReader = {
  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(resource: string, namespace?: string): KubeObject[];
};

/** A JSON value as produced by JSON.parse. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

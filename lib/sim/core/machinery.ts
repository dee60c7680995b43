// The API machinery the apiserver write path runs (decode → default → admit → validate). It is
// injected so the core stays independent of how lib/sim/api implements each step.
import type { ApiStatus, KubeObject } from "./types";

export type ResourceInfo = {
  group: string;
  version: string;
  kind: string;
  /** Plural resource name, the store's key: "pods", "deployments". */
  resource: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
};

export type Lookup = (resource: string, namespace: string | undefined, name: string) => KubeObject | undefined;

export type AdmissionContext = {
  operation: "CREATE" | "UPDATE";
  lookup: Lookup;
  /** Every object of a cluster-scoped resource (DefaultStorageClass looks for the default class). */
  list?(resource: string): KubeObject[];
  randomSuffix(n: number): string;
};

export type Machinery = {
  resolveKind(apiVersion: string, kind: string): ResourceInfo | undefined;
  resourceInfo(resource: string): ResourceInfo | undefined;
  /** Every served resource (kubectl api-resources, resource-argument resolution). */
  listResources(): ResourceInfo[];
  /** Strict decoding of untrusted input (unknown fields, wrong types). */
  decode(raw: unknown, info: ResourceInfo): { ok: true; object: KubeObject; warnings: string[] } | { ok: false; status: ApiStatus };
  applyDefaults(object: KubeObject, ctx: { randomSuffix(n: number): string; operation?: "create" | "update" }): KubeObject;
  admit(object: KubeObject, ctx: AdmissionContext): { ok: true; object: KubeObject } | { ok: false; status: ApiStatus };
  validateCreate(object: KubeObject): ApiStatus | undefined;
  validateUpdate(object: KubeObject, old: KubeObject): ApiStatus | undefined;
};

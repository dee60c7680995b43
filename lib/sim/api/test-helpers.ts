// Test-only helpers: run manifests through the same parse → decode → default → admit → validate path
// the core's API server uses, with a tiny in-memory lookup.
import { admit } from "./admission";
import { decodeObject } from "./decode";
import { applyDefaults } from "./defaults";
import { parseManifests } from "./manifest";
import { resolveKind } from "./resources";
import type { KubeObject } from "./types";
import { toInvalidStatus, validateCreate } from "./validation";

export const testContext = {
  randomSuffix: (n: number) => "x7k2q9zzzz".slice(0, n),
  uid: "6a1c3f2e-0000-4000-8000-000000000001",
  allocateClusterIP: () => "10.96.12.34",
  allocateNodePort: () => 30080,
};

export const defaultStore: Record<string, KubeObject> = {
  "namespaces//default": { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" }, status: { phase: "Active" } },
  "namespaces//gone": { apiVersion: "v1", kind: "Namespace", metadata: { name: "gone" }, status: { phase: "Terminating" } },
  "serviceaccounts/default/default": { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: "default" } },
};

export type PipelineResult = { ok: true; object: KubeObject } | { ok: false; message: string; stage: string };

/** Runs one manifest document the way the API server handles a create. */
export function createFromYaml(text: string, store: Record<string, KubeObject> = defaultStore): PipelineResult {
  const parsed = parseManifests(text, { source: "test.yaml" });
  if (!parsed.ok) return { ok: false, stage: "parse", message: parsed.error.kubectlText };
  const raw = parsed.documents[0].object;
  const kind = resolveKind(raw.apiVersion, raw.kind);
  if (!kind.ok) return { ok: false, stage: "resolve", message: kind.error };
  const decoded = decodeObject(raw, kind.info);
  if (!decoded.ok) return { ok: false, stage: "decode", message: decoded.status.message };
  const object = decoded.object;
  if (kind.info.namespaced && !object.metadata.namespace) object.metadata = { ...object.metadata, namespace: "default" };
  const defaulted = applyDefaults(object, testContext);
  const admitted = admit(defaulted, {
    operation: "create",
    lookup: (resource, ns, name) => store[`${resource}/${ns}/${name}`],
    randomSuffix: testContext.randomSuffix,
  });
  if (!admitted.ok) return { ok: false, stage: "admit", message: admitted.status.message };
  const errors = validateCreate(admitted.object);
  if (errors.length) {
    return { ok: false, stage: "validate", message: toInvalidStatus(kind.info.kind, admitted.object.metadata.name ?? "", errors).message };
  }
  return { ok: true, object: admitted.object };
}

/** Decoded objects navigated freely in assertions (tests only). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions walk arbitrary JSON
export type Loose = any;

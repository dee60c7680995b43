// Client for the editor's Kubernetes field documentation (GET /api/editor/fields) and manifest
// diagnostics (POST /api/editor/validate). Field lists are cached per (apiVersion, kind, path) for
// the page's lifetime: the schema does not change while someone types.
export type FieldDoc = { name: string; type: string; required: boolean; description: string; enum?: string[] };
export type EditorDiagnostic = { line: number; column: number; message: string };

const cache = new Map<string, Promise<FieldDoc[]>>();

function isFieldDoc(value: unknown): value is FieldDoc {
  const f = value as FieldDoc;
  return !!f && typeof f.name === "string" && typeof f.type === "string" && typeof f.description === "string";
}

export function fetchFields(apiVersion: string, kind: string, path: readonly string[]): Promise<FieldDoc[]> {
  const key = `${apiVersion}|${kind}|${path.join(".")}`;
  let pending = cache.get(key);
  if (!pending) {
    const query = new URLSearchParams({ apiVersion, kind, path: path.join(".") });
    pending = fetch(`/api/editor/fields?${query}`, { headers: { accept: "application/json" } })
      .then(async (response) => {
        if (!response.ok) return [];
        const body = (await response.json()) as { fields?: unknown };
        return Array.isArray(body.fields) ? body.fields.filter(isFieldDoc) : [];
      })
      .catch(() => {
        cache.delete(key); // a network blip should not disable completion for the rest of the visit
        return [];
      });
    cache.set(key, pending);
  }
  return pending;
}

export async function fetchDiagnostics(manifest: string, signal?: AbortSignal): Promise<EditorDiagnostic[] | null> {
  try {
    const response = await fetch("/api/editor/validate", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ manifest }),
      signal,
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { diagnostics?: unknown };
    if (!Array.isArray(body.diagnostics)) return null;
    return body.diagnostics.filter(
      (d): d is EditorDiagnostic => !!d && typeof d.line === "number" && typeof d.column === "number" && typeof d.message === "string",
    );
  } catch {
    return null;
  }
}

const SCALAR_TYPES = new Set(["string", "integer", "number", "boolean", "Quantity", "IntOrString"]);

/**
 * What accepting a field completion inserts, so the cursor lands where the value goes:
 * `image: `, `containers:\n  - ` (a list of objects), `resources:\n    ` (an object or map).
 */
export function fieldInsertText(field: Pick<FieldDoc, "name" | "type">, keyColumn: number): string {
  const pad = " ".repeat(keyColumn);
  if (SCALAR_TYPES.has(field.type)) return `${field.name}: `;
  if (field.type.startsWith("[]")) return `${field.name}:\n${pad}- `;
  return `${field.name}:\n${pad}  `;
}

/** Common apiVersion/kind pairs for the top-level `apiVersion:` and `kind:` values. */
export const KINDS: { kind: string; apiVersion: string }[] = [
  { kind: "Pod", apiVersion: "v1" },
  { kind: "Service", apiVersion: "v1" },
  { kind: "ConfigMap", apiVersion: "v1" },
  { kind: "Secret", apiVersion: "v1" },
  { kind: "Namespace", apiVersion: "v1" },
  { kind: "PersistentVolumeClaim", apiVersion: "v1" },
  { kind: "PersistentVolume", apiVersion: "v1" },
  { kind: "ServiceAccount", apiVersion: "v1" },
  { kind: "Deployment", apiVersion: "apps/v1" },
  { kind: "StatefulSet", apiVersion: "apps/v1" },
  { kind: "DaemonSet", apiVersion: "apps/v1" },
  { kind: "ReplicaSet", apiVersion: "apps/v1" },
  { kind: "Job", apiVersion: "batch/v1" },
  { kind: "CronJob", apiVersion: "batch/v1" },
  { kind: "Ingress", apiVersion: "networking.k8s.io/v1" },
  { kind: "NetworkPolicy", apiVersion: "networking.k8s.io/v1" },
  { kind: "HorizontalPodAutoscaler", apiVersion: "autoscaling/v2" },
];

// Field documentation for editors: the fields allowed at a path of a manifest, with their types,
// enum values and the OpenAPI descriptions `kubectl explain` prints. Backs the YAML editor's
// completion and hover docs and needs no cluster.
import { getDefinition, type SchemaType } from "./api/schema";
import { resolveKind } from "./api";

export type FieldDoc = {
  name: string;
  /** kubectl explain's type text: "string", "integer", "boolean", "[]Container", "map[string]string", "Object". */
  type: string;
  required: boolean;
  description: string;
  enum?: string[];
};

export type FieldsAtResult =
  | { ok: true; kind: string; apiVersion: string; description: string; fields: FieldDoc[] }
  | { ok: false; error: string };

/**
 * The fields of the object found at `path` (field names; list indices are skipped) inside a manifest of
 * `apiVersion`/`kind`. `fieldsAt("v1", "Pod", ["spec", "containers"])` lists Container's fields.
 */
export function fieldsAt(apiVersion: string, kind: string, path: readonly string[]): FieldsAtResult {
  const resolved = resolveKind(apiVersion, kind);
  if (!resolved.ok) return { ok: false, error: resolved.error };
  let definition = getDefinition(resolved.info.schemaKey);
  if (!definition) return { ok: false, error: `no schema for ${apiVersion}/${kind}` };
  for (const segment of path) {
    if (/^\d+$/.test(segment)) continue;
    const field = definition.byName.get(segment);
    if (!field) return { ok: false, error: `field "${segment}" does not exist in ${definition.name}` };
    const key = refKey(field.type);
    const next = key ? getDefinition(key) : undefined;
    if (!next) return { ok: false, error: `field "${segment}" of ${definition.name} has no sub-fields` };
    definition = next;
  }
  return {
    ok: true,
    kind,
    apiVersion,
    description: definition.description,
    fields: definition.fields.map((f) => ({
      name: f.name,
      type: typeText(f.type),
      required: f.required,
      description: f.description,
      ...(f.enum ? { enum: f.enum } : {}),
    })),
  };
}

function refKey(type: SchemaType): string | undefined {
  if (type.kind === "ref") return type.key;
  if (type.kind === "array") return refKey(type.items);
  if (type.kind === "map") return refKey(type.values);
  return undefined;
}

function typeText(type: SchemaType): string {
  switch (type.kind) {
    case "array":
      return `[]${typeText(type.items)}`;
    case "map":
      return `map[string]${typeText(type.values)}`;
    case "ref":
      return type.key.split(".").pop() ?? type.key;
    case "int32":
    case "int64":
      return "integer";
    case "IntOrString":
      return "IntOrString";
    case "Quantity":
      return "Quantity";
    case "Time":
    case "MicroTime":
      return "string";
    case "object":
      return "Object";
    default:
      return type.kind;
  }
}

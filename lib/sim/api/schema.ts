// Parsed, cached view of the generated OpenAPI schema: definitions by key, field lookup by name.
import { DEFINITIONS } from "./schema.generated";
import type { SchemaDefinition, SchemaField, SchemaType } from "./schema-types";

export type { SchemaDefinition, SchemaField, SchemaType } from "./schema-types";

const typeCache = new Map<string, SchemaType>();

/** Parses a generated type string ("[]#core.v1.Container", "map[string]Quantity", "int32") once. */
export function parseSchemaType(text: string): SchemaType {
  const cached = typeCache.get(text);
  if (cached) return cached;
  let type: SchemaType;
  if (text.startsWith("[]")) type = { kind: "array", items: parseSchemaType(text.slice(2)) };
  else if (text.startsWith("map[string]")) type = { kind: "map", values: parseSchemaType(text.slice("map[string]".length)) };
  else if (text.startsWith("#")) type = { kind: "ref", key: text.slice(1) };
  else type = { kind: text } as SchemaType;
  typeCache.set(text, type);
  return type;
}

const definitionCache = new Map<string, SchemaDefinition>();

export function getDefinition(key: string): SchemaDefinition | undefined {
  const cached = definitionCache.get(key);
  if (cached) return cached;
  const raw = DEFINITIONS[key];
  if (!raw) return undefined;
  const [, version, name] = key.split(".");
  const fields: SchemaField[] = raw.f.map(([fieldName, type, required, description, enumValues]) => ({
    name: fieldName,
    type: parseSchemaType(type),
    required: required === 1,
    description,
    ...(enumValues ? { enum: enumValues } : {}),
  }));
  const definition: SchemaDefinition = {
    key,
    goName: `${version}.${name}`,
    name,
    description: raw.d,
    fields,
    byName: new Map(fields.map((f) => [f.name, f])),
  };
  definitionCache.set(key, definition);
  return definition;
}

/** Go type text of a schema type as encoding/json prints it in UnmarshalTypeError ("[]v1.Container"). */
export function goTypeName(type: SchemaType): string {
  switch (type.kind) {
    case "string":
    case "Time":
    case "MicroTime":
      return type.kind === "string" ? "string" : type.kind === "Time" ? "v1.Time" : "v1.MicroTime";
    case "boolean":
      return "bool";
    case "int32":
    case "int64":
      return type.kind;
    case "number":
      return "float64";
    case "IntOrString":
      return "intstr.IntOrString";
    case "Quantity":
      return "resource.Quantity";
    case "object":
      return "runtime.RawExtension";
    case "array":
      return `[]${goTypeName(type.items)}`;
    case "map":
      return `map[string]${goTypeName(type.values)}`;
    case "ref":
      return getDefinition(type.key)?.goName ?? type.key;
  }
}

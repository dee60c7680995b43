// Shapes of the generated schema (schema.generated.ts) and of the parsed form the decoder walks.

export type GeneratedField = [name: string, type: string, required: 0 | 1, description: string, enumValues?: string[]];
export type GeneratedDefinitions = Record<string, { d: string; f: GeneratedField[] }>;

export type SchemaType =
  | { kind: "string" }
  | { kind: "boolean" }
  | { kind: "int32" }
  | { kind: "int64" }
  | { kind: "number" }
  | { kind: "IntOrString" }
  | { kind: "Quantity" }
  | { kind: "Time" }
  | { kind: "MicroTime" }
  | { kind: "object" }
  | { kind: "array"; items: SchemaType }
  | { kind: "map"; values: SchemaType }
  | { kind: "ref"; key: string };

export type SchemaField = {
  name: string;
  type: SchemaType;
  required: boolean;
  description: string;
  /** OpenAPI enum values, when the Go type is an `+enum` string. */
  enum?: string[];
};

export type SchemaDefinition = {
  key: string;
  /** Go type name as the JSON decoder prints it, e.g. "v1.PodSpec". */
  goName: string;
  /** Bare name, e.g. "PodSpec". */
  name: string;
  description: string;
  fields: SchemaField[];
  byName: Map<string, SchemaField>;
};

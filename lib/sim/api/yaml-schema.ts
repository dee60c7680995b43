// A js-yaml schema that resolves plain scalars the way go-yaml v2 does (YAML 1.1), because kubectl
// converts manifests with sigs.k8s.io/yaml, which uses it: `on`/`yes`/`y` are booleans, `0755` is octal,
// `1_000` is an integer, and timestamps stay strings. Quoted scalars are never resolved.
import yaml from "js-yaml";

const NULLS = new Set(["", "~", "null", "Null", "NULL"]);
const TRUES = new Set(["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]);
const FALSES = new Set(["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]);

const null11 = new yaml.Type("tag:yaml.org,2002:null", {
  kind: "scalar",
  resolve: (data: string | null) => data === null || NULLS.has(data),
  construct: () => null,
  predicate: (object: unknown) => object === null,
  represent: { canonical: () => "~", lowercase: () => "null" },
  defaultStyle: "lowercase",
});

const bool11 = new yaml.Type("tag:yaml.org,2002:bool", {
  kind: "scalar",
  resolve: (data: string | null) => data !== null && (TRUES.has(data) || FALSES.has(data)),
  construct: (data: string) => TRUES.has(data),
  predicate: (object: unknown) => typeof object === "boolean",
  represent: { lowercase: (object: object) => ((object as unknown as boolean) ? "true" : "false") },
  defaultStyle: "lowercase",
});

// strconv.ParseInt(s, 0, 64) after removing "_", as go-yaml v2's resolve() does: decimal, 0x hex,
// leading-zero octal, 0o octal and 0b binary, with an optional sign.
const INT_RE = /^[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[1-9][0-9_]*|0)$/;
// Go-yaml v2 also accepts sexagesimal-free YAML 1.1 ints only in this form; anything else is a string.

function parseGoInt(data: string): number | undefined {
  if (!INT_RE.test(data)) return undefined;
  let text = data.replace(/_/g, "");
  let sign = 1;
  if (text[0] === "-" || text[0] === "+") {
    if (text[0] === "-") sign = -1;
    text = text.slice(1);
  }
  if (text === "") return undefined;
  let value: number;
  if (text.startsWith("0x")) value = Number.parseInt(text.slice(2), 16);
  else if (text.startsWith("0b")) value = Number.parseInt(text.slice(2), 2);
  else if (text.startsWith("0o")) value = Number.parseInt(text.slice(2), 8);
  else if (text.length > 1 && text[0] === "0") value = Number.parseInt(text.slice(1), 8);
  else value = Number.parseInt(text, 10);
  if (Number.isNaN(value)) return undefined;
  // Go has no negative zero integer: "-0" is 0.
  return value === 0 ? 0 : sign * value;
}

const int11 = new yaml.Type("tag:yaml.org,2002:int", {
  kind: "scalar",
  resolve: (data: string | null) => data !== null && parseGoInt(data) !== undefined,
  construct: (data: string) => parseGoInt(data) as number,
  predicate: (object: unknown) => typeof object === "number" && Number.isInteger(object),
  represent: { decimal: (object: object) => String(object) },
  defaultStyle: "decimal",
});

// go-yaml v2: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$ plus .inf/.nan spellings.
const FLOAT_RE = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const SPECIAL_FLOATS: Record<string, number> = {
  ".inf": Infinity,
  ".Inf": Infinity,
  ".INF": Infinity,
  "+.inf": Infinity,
  "+.Inf": Infinity,
  "+.INF": Infinity,
  "-.inf": -Infinity,
  "-.Inf": -Infinity,
  "-.INF": -Infinity,
  ".nan": NaN,
  ".NaN": NaN,
  ".NAN": NaN,
};

const float11 = new yaml.Type("tag:yaml.org,2002:float", {
  kind: "scalar",
  resolve: (data: string | null) => data !== null && (FLOAT_RE.test(data) || data in SPECIAL_FLOATS),
  construct: (data: string) => (data in SPECIAL_FLOATS ? SPECIAL_FLOATS[data] : Number.parseFloat(data)),
  predicate: (object: unknown) => typeof object === "number" && !Number.isInteger(object),
  represent: { decimal: (object: object) => String(object) },
  defaultStyle: "decimal",
});

const merge = new yaml.Type("tag:yaml.org,2002:merge", {
  kind: "scalar",
  resolve: (data: string | null) => data === "<<",
});

export const KUBE_YAML_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({
  implicit: [null11, bool11, int11, float11, merge],
});

// Mirrors `kubectl create role|clusterrole|rolebinding|clusterrolebinding|quota` for --dry-run=client output
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_role.go, create_clusterrole.go, create_rolebinding.go,
// create_clusterrolebinding.go, create_quota.go) and resource.Quantity's canonical form.
import type { KubeObject } from "../format/kube-object";
import { compact, fail, objectMeta, requiredFlag, sortedMap, usageError, type GenerateResult } from "./common";

/** The group of a resource kubectl's RESTMapper knows (plural and short names), as discovery on a v1.32 cluster. */
const KNOWN_RESOURCES: Record<string, [string, string]> = {};
for (const [group, entries] of Object.entries({
  "": [
    "pods:po", "services:svc", "configmaps:cm", "secrets", "serviceaccounts:sa", "endpoints:ep", "events:ev", "namespaces:ns",
    "nodes:no", "persistentvolumeclaims:pvc", "persistentvolumes:pv", "resourcequotas:quota", "limitranges:limits",
    "replicationcontrollers:rc", "podtemplates", "bindings", "componentstatuses:cs",
  ],
  apps: ["deployments:deploy", "replicasets:rs", "statefulsets:sts", "daemonsets:ds", "controllerrevisions"],
  batch: ["jobs", "cronjobs:cj"],
  autoscaling: ["horizontalpodautoscalers:hpa"],
  "networking.k8s.io": ["ingresses:ing", "networkpolicies:netpol", "ingressclasses"],
  "rbac.authorization.k8s.io": ["roles", "rolebindings", "clusterroles", "clusterrolebindings"],
  policy: ["poddisruptionbudgets:pdb"],
  "storage.k8s.io": ["storageclasses:sc", "volumeattachments", "csidrivers", "csinodes"],
  "discovery.k8s.io": ["endpointslices"],
  "coordination.k8s.io": ["leases"],
  "scheduling.k8s.io": ["priorityclasses:pc"],
  "apiextensions.k8s.io": ["customresourcedefinitions:crd,crds"],
})) {
  for (const entry of entries) {
    const [plural, shorts] = entry.split(":");
    KNOWN_RESOURCES[plural] = [plural, group];
    KNOWN_RESOURCES[plural.replace(/s$/, "")] = [plural, group];
    for (const s of (shorts ?? "").split(",").filter(Boolean)) KNOWN_RESOURCES[s] = [plural, group];
  }
}
KNOWN_RESOURCES.endpoints = ["endpoints", ""];

/** mapper.ResourceFor: the full resource name and group, or undefined when discovery does not know it. */
export type ResourceResolver = (resource: string, group: string) => { resource: string; group: string } | undefined;

export const defaultResourceResolver: ResourceResolver = (resource, group) => {
  const hit = KNOWN_RESOURCES[resource.toLowerCase()];
  if (!hit) return undefined;
  if (group && hit[1] !== group && !hit[1].startsWith(`${group}.`)) return undefined;
  return { resource: hit[0], group: hit[1] };
};

const VALID_VERBS = ["*", "get", "delete", "list", "create", "update", "patch", "watch", "proxy", "deletecollection", "use", "bind", "escalate", "impersonate"];

// Verbs that only make sense on particular resources (create_role.go specialVerbs).
const SPECIAL_VERBS: Record<string, { resource: string; group: string }[]> = {
  use: [{ group: "policy", resource: "podsecuritypolicies" }, { group: "extensions", resource: "podsecuritypolicies" }],
  bind: [{ group: "rbac.authorization.k8s.io", resource: "roles" }, { group: "rbac.authorization.k8s.io", resource: "clusterroles" }],
  escalate: [{ group: "rbac.authorization.k8s.io", resource: "roles" }, { group: "rbac.authorization.k8s.io", resource: "clusterroles" }],
  impersonate: [
    { group: "", resource: "users" },
    { group: "", resource: "serviceaccounts" },
    { group: "", resource: "groups" },
    { group: "authentication.k8s.io", resource: "userextras" },
  ],
};

export type RoleFlags = {
  /** --verb values as given (each may be comma-separated). */
  verb?: string[];
  resource?: string[];
  resourceName?: string[];
  namespace?: string;
  /** clusterrole only: --non-resource-url values (each may be comma-separated). */
  nonResourceURL?: string[];
  /** clusterrole only: --aggregation-rule key=value pairs. */
  aggregationRule?: string;
};

const VALID_NON_RESOURCE_VERBS = ["*", "get", "post", "put", "delete", "patch", "head", "options"];

export type RoleResult = GenerateResult & { warnings?: string[] };

function splitSlice(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(",")).filter((v) => v.length > 0);
}

function buildRole(kind: "Role" | "ClusterRole", name: string | undefined, flags: RoleFlags, resolve: ResourceResolver): RoleResult {
  const command = kind === "Role" ? "create role" : "create clusterrole";
  if (!name) return usageError(command, "exactly one NAME is required, got 0");
  const verbs: string[] = [];
  for (const v of splitSlice(flags.verb)) {
    if (v === "*") {
      verbs.splice(0, verbs.length, "*");
      break;
    }
    if (!verbs.includes(v)) verbs.push(v);
  }
  type Res = { resource: string; group: string; subResource: string };
  const resources: Res[] = [];
  for (const r of splitSlice(flags.resource)) {
    const slash = r.indexOf("/");
    const main = slash >= 0 ? r.slice(0, slash) : r;
    const subResource = slash >= 0 ? r.slice(slash + 1) : "";
    const dot = main.indexOf(".");
    const res: Res = { resource: dot >= 0 ? main.slice(0, dot) : main, group: dot >= 0 ? main.slice(dot + 1) : "", subResource };
    if (res.resource === "*" && dot < 0 && slash < 0) {
      resources.splice(0, resources.length, res);
      break;
    }
    resources.push(res);
  }
  const resourceNames: string[] = [];
  for (const n of flags.resourceName ?? []) if (!resourceNames.includes(n)) resourceNames.push(n);

  const nonResourceURLs = kind === "ClusterRole" ? splitSlice(flags.nonResourceURL) : [];
  if (kind === "ClusterRole" && flags.aggregationRule) {
    // create_clusterrole.go: an aggregated role has no rules of its own (they serialize as null).
    if (nonResourceURLs.length || verbs.length || resources.length || resourceNames.length) {
      return fail("aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames");
    }
    const labels = parseMapFlag(flags.aggregationRule);
    if (!labels.ok) return fail(labels.error);
    return {
      ok: true,
      object: { kind, apiVersion: "rbac.authorization.k8s.io/v1", metadata: objectMeta({ name }), aggregationRule: { clusterRoleSelectors: [{ matchLabels: labels.map }] }, rules: null },
    };
  }
  if (verbs.length === 0) return fail("at least one verb must be specified");
  if (kind === "ClusterRole" && resources.length === 0 && nonResourceURLs.length === 0) return fail("one of resource or nonResourceURL must be specified");
  const warnings = resources.length ? verbs.filter((v) => !VALID_VERBS.includes(v)).map((v) => `Warning: '${v}' is not a standard resource verb\n`) : [];
  if (resources.length === 0 && kind === "Role") return fail("at least one resource must be specified");
  if (nonResourceURLs.length) {
    for (const v of verbs) if (!VALID_NON_RESOURCE_VERBS.includes(v)) return fail(`invalid verb: '${v}' for nonResourceURL`);
    for (const url of nonResourceURLs) {
      if (url === "*") continue;
      if (!url.startsWith("/")) return fail("nonResourceURL should start with /");
      if (url.slice(0, -1).includes("*")) return fail("nonResourceURL only supports wildcard matches when '*' is at the end");
    }
  }
  for (const r of resources) {
    if (!r.resource) return fail("resource must be specified if apiGroup/subresource specified");
    if (r.resource === "*") break;
    const mapped = resolve(r.resource, r.group);
    const target = mapped ?? { resource: r.resource, group: r.group };
    let known = mapped !== undefined;
    for (const v of verbs) {
      const special = SPECIAL_VERBS[v];
      if (!special) continue;
      if (!special.some((s) => s.resource === target.resource && s.group === target.group)) {
        return fail(`can not perform '${v}' on '${target.resource}' in group '${target.group}'`);
      }
      known = true;
    }
    if (!known) return fail(`the server doesn't have a resource type "${r.resource}"`);
  }

  // generateResourcePolicyRules: one rule per API group, groups in sorted order.
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const mapped = resolve(r.resource, r.group) ?? { resource: r.resource, group: r.group };
    const full = r.subResource ? `${mapped.resource}/${r.subResource}` : mapped.resource;
    const list = byGroup.get(mapped.group) ?? [];
    if (!list.includes(full)) list.push(full);
    byGroup.set(mapped.group, list);
  }
  const rules: Record<string, unknown>[] = [...byGroup.keys()].sort().map((group) =>
    compact({ verbs, apiGroups: [group], resources: byGroup.get(group)!, resourceNames: resourceNames.length > 0 ? resourceNames : undefined }),
  );
  if (nonResourceURLs.length) rules.push({ verbs, nonResourceURLs });
  const role: KubeObject = {
    kind,
    apiVersion: "rbac.authorization.k8s.io/v1",
    metadata: objectMeta({ name, namespace: kind === "Role" ? flags.namespace : undefined }),
    rules,
  };
  return { ok: true, object: role, warnings };
}

/** `kubectl create role NAME --verb=… --resource=… [--resource-name=…]`; `warnings` go to stderr. */
export function generateRole(name: string | undefined, flags: RoleFlags, resolve: ResourceResolver = defaultResourceResolver): RoleResult {
  return buildRole("Role", name, flags, resolve);
}

/** pflag's mapStringString (`--aggregation-rule=a=b,c=d`). */
function parseMapFlag(text: string): { ok: true; map: Record<string, string> } | { ok: false; error: string } {
  const map: Record<string, string> = {};
  for (const pair of text.split(",")) {
    const eq = pair.indexOf("=");
    if (eq < 0) return { ok: false, error: `${pair} must be formatted as key=value` };
    map[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { ok: true, map: sortedMap(map) };
}

/** `kubectl create clusterrole NAME --verb=… (--resource=… | --non-resource-url=…) | --aggregation-rule=…`. */
export function generateClusterRole(name: string | undefined, flags: RoleFlags, resolve: ResourceResolver = defaultResourceResolver): RoleResult {
  return buildRole("ClusterRole", name, flags, resolve);
}

export type RoleBindingFlags = {
  role?: string;
  clusterrole?: string;
  user?: string[];
  group?: string[];
  /** NAMESPACE:NAME */
  serviceaccount?: string[];
  namespace?: string;
};

function subjects(flags: RoleBindingFlags): { ok: true; subjects: Record<string, unknown>[] } | { ok: false; error: string } {
  const out: Record<string, unknown>[] = [];
  // --user, --group and --serviceaccount are string arrays: commas are not separators.
  for (const user of flags.user ?? []) out.push({ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: user });
  for (const group of flags.group ?? []) out.push({ kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: group });
  for (const sa of flags.serviceaccount ?? []) {
    const tokens = sa.split(":");
    if (tokens.length !== 2 || !tokens[0] || !tokens[1]) return fail("serviceaccount must be <namespace>:<name>");
    out.push({ kind: "ServiceAccount", name: tokens[1], namespace: tokens[0] });
  }
  return { ok: true, subjects: out };
}

/** `kubectl create rolebinding NAME --role=…|--clusterrole=… [--user] [--group] [--serviceaccount=ns:name]` */
export function generateRoleBinding(name: string | undefined, flags: RoleBindingFlags): GenerateResult {
  if (!name) return usageError("create rolebinding", "exactly one NAME is required, got 0");
  if (!flags.clusterrole === !flags.role) return fail("exactly one of clusterrole or role must be specified");
  const s = subjects(flags);
  if (!s.ok) return s;
  const binding: KubeObject = {
    kind: "RoleBinding",
    apiVersion: "rbac.authorization.k8s.io/v1",
    metadata: objectMeta({ name, namespace: flags.namespace }),
  };
  if (s.subjects.length > 0) binding.subjects = s.subjects;
  binding.roleRef = { apiGroup: "rbac.authorization.k8s.io", kind: flags.role ? "Role" : "ClusterRole", name: flags.role || flags.clusterrole };
  return { ok: true, object: binding };
}

/** `kubectl create clusterrolebinding NAME --clusterrole=… [--user] [--group] [--serviceaccount=ns:name]` */
export function generateClusterRoleBinding(name: string | undefined, flags: RoleBindingFlags): GenerateResult {
  if (!flags.clusterrole) return requiredFlag("clusterrole");
  if (!name) return usageError("create clusterrolebinding", "exactly one NAME is required, got 0");
  const s = subjects(flags);
  if (!s.ok) return s;
  const binding: KubeObject = { kind: "ClusterRoleBinding", apiVersion: "rbac.authorization.k8s.io/v1", metadata: objectMeta({ name }) };
  if (s.subjects.length > 0) binding.subjects = s.subjects;
  binding.roleRef = { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: flags.clusterrole };
  return { ok: true, object: binding };
}

// ---- resource.Quantity -----------------------------------------------------------------------------------

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** resource.ParseQuantity(s).String(): the canonical form the API serializes (e.g. 1000m → 1, 1.5Gi → 1536Mi). */
export function canonicalQuantity(s: string): { ok: true; value: string } | { ok: false; error: string } {
  const m = QUANTITY.exec(s);
  const invalid = { ok: false as const, error: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'" };
  if (!m || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(m[1])) return invalid;
  const [, num, suffix] = m;
  const negative = num.startsWith("-");
  const digits = num.replace(/^[+-]/, "");
  const [intPart, fracPart = ""] = digits.split(".");
  // Exact decimal: mantissa (BigInt) × 10^exp10 × 2^exp2.
  const mantissa = BigInt(`${intPart}${fracPart}` || "0");
  let exp10 = -fracPart.length;
  let exp2 = 0;
  let binary = false;
  let exponentFormat = false;
  if (suffix in BINARY_SUFFIX) {
    exp2 = BINARY_SUFFIX[suffix];
    binary = true;
  } else if (suffix in DECIMAL_SUFFIX) exp10 += DECIMAL_SUFFIX[suffix];
  else if (/^[eE][-+]?\d+$/.test(suffix)) {
    exp10 += Number(suffix.slice(1));
    exponentFormat = true;
  }
  else return invalid;
  if (mantissa === BigInt(0)) return { ok: true, value: "0" };
  const sign = negative ? "-" : "";
  if (binary) {
    // Binary SI: bytes = mantissa × 10^exp10 × 2^exp2; print with the largest power-of-1024 suffix that divides it.
    let value = mantissa * BigInt(2) ** BigInt(exp2);
    if (exp10 < 0) {
      const div = BigInt(10) ** BigInt(-exp10);
      if (value % div === BigInt(0)) value /= div;
      // Not a whole number of bytes: Quantity falls back to decimal SI.
      else return { ok: true, value: decimalString(sign, mantissa * BigInt(2) ** BigInt(exp2), exp10) };
    } else value *= BigInt(10) ** BigInt(exp10);
    if (value < BigInt(1024)) return { ok: true, value: `${sign}${value}` };
    const names = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
    let i = 0;
    while (i < names.length - 1 && value % BigInt(1024) === BigInt(0)) {
      value /= BigInt(1024);
      i++;
    }
    return { ok: true, value: `${sign}${value}${names[i]}` };
  }
  return { ok: true, value: decimalString(sign, mantissa, exp10, exponentFormat) };
}

/** Decimal SI: strip trailing zeros, then use the largest exponent that is a multiple of 3 (not above it). */
function decimalString(sign: string, mantissa: bigint, exp10: number, exponentFormat = false): string {
  while (mantissa % BigInt(10) === BigInt(0) && mantissa !== BigInt(0)) {
    mantissa /= BigInt(10);
    exp10++;
  }
  let e = Math.floor(exp10 / 3) * 3;
  if (e < -9) e = -9;
  if (e > 18) e = 18;
  const shift = exp10 - e;
  let value = mantissa * BigInt(10) ** BigInt(Math.max(shift, 0));
  if (shift < 0) value = (mantissa + BigInt(10) ** BigInt(-shift) - BigInt(1)) / BigInt(10) ** BigInt(-shift); // rounds up, as Go does below nano
  // DecimalExponent quantities ("2e3") keep the e-notation: 2e3, 15e5 → 1500e3.
  const suffix = exponentFormat ? (e === 0 ? "" : `e${e}`) : (Object.keys(DECIMAL_SUFFIX).find((k) => DECIMAL_SUFFIX[k] === e) ?? "");
  return `${sign}${value}${suffix}`;
}

export type QuotaFlags = { hard?: string; scopes?: string; namespace?: string };

/** `kubectl create quota NAME [--hard=cpu=1,memory=1Gi,…] [--scopes=…]` */
export function generateQuota(name: string | undefined, flags: QuotaFlags): GenerateResult {
  if (!name) return usageError("create quota", "exactly one NAME is required, got 0");
  let hard: Record<string, string> | undefined;
  if (flags.hard) {
    hard = {};
    for (const statement of flags.hard.split(",")) {
      const parts = statement.split("=");
      if (parts.length !== 2) return fail(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
      const q = canonicalQuantity(parts[1]);
      if (!q.ok) return fail(q.error);
      hard[parts[0]] = q.value;
    }
  }
  let scopes: string[] | undefined;
  if (flags.scopes) {
    scopes = [];
    for (const scope of flags.scopes.split(",")) {
      if (scope === "") return fail('invalid resource quota scope ""');
      scopes.push(scope);
    }
  }
  const quota: KubeObject = {
    kind: "ResourceQuota",
    apiVersion: "v1",
    metadata: objectMeta({ name, namespace: flags.namespace }),
    spec: compact({ hard: hard ? sortedMap(hard) : undefined, scopes }),
    status: {},
  };
  return { ok: true, object: quota };
}

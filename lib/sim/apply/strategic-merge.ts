// Strategic merge patch and kubectl's client-side three-way apply, for the fields learners touch.
// Mirrors k8s.io/apimachinery/pkg/util/strategicpatch (patch.go: mergeMap, mergeSlice with
// patchMergeKey, null deletes) and kubectl apply's CreateThreeWayMergePatch: fields removed from the
// configuration since the last apply are deleted; fields set by others (kubectl scale, controllers)
// and never in the configuration are kept. Lists without a merge key are replaced whole.

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** patchMergeKey of list fields by name, with the context that disambiguates `ports`. */
function mergeKeyFor(path: string[], kind: string | undefined): string | undefined {
  const field = path[path.length - 1];
  const parent = path[path.length - 2];
  switch (field) {
    case "containers":
    case "initContainers":
    case "ephemeralContainers":
    case "env":
    case "volumes":
    case "imagePullSecrets":
    case "readinessGates":
    case "resourceClaims":
      return field === "readinessGates" ? "conditionType" : "name";
    case "volumeMounts":
      return "mountPath";
    case "volumeDevices":
      return "devicePath";
    case "hostAliases":
      return "ip";
    case "conditions":
      return "type";
    case "topologySpreadConstraints":
      return "topologyKey";
    case "ports":
      // Service ports merge on `port`; container ports on `containerPort`.
      if (kind === "Service" && parent === "spec" && path.length === 2) return "port";
      if (parent === "[]" || path.includes("containers") || path.includes("initContainers")) return "containerPort";
      return undefined;
    default:
      return undefined;
  }
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Applies a strategic merge patch to `target` (null deletes; merge-keyed lists merge by key). */
export function strategicMerge(target: unknown, patch: unknown, kind?: string, path: string[] = []): unknown {
  if (!isObj(patch)) return clone(patch);
  const out: Obj = isObj(target) ? clone(target) : {};
  for (const [k, pv] of Object.entries(patch)) {
    if (k === "$patch" || k.startsWith("$setElementOrder/") || k === "$retainKeys") continue;
    if (pv === null) {
      delete out[k];
      continue;
    }
    const childPath = [...path, k];
    const cur = out[k];
    if (isObj(pv)) {
      if ((pv as Obj).$patch === "replace") {
        const { $patch: _drop, ...rest } = pv as Obj;
        void _drop;
        out[k] = clone(rest);
      } else if ((pv as Obj).$patch === "delete") delete out[k];
      else out[k] = strategicMerge(isObj(cur) ? cur : {}, pv, kind, childPath) as Json;
      continue;
    }
    if (Array.isArray(pv)) {
      const key = mergeKeyFor(childPath, kind);
      if (key && Array.isArray(cur)) out[k] = mergeList(cur, pv, key, kind, childPath);
      else out[k] = clone(pv).filter((item) => !(isObj(item) && item.$patch === "delete"));
      continue;
    }
    out[k] = pv;
  }
  return out;
}

function mergeList(cur: Json[], patch: Json[], key: string, kind: string | undefined, path: string[]): Json[] {
  const result = clone(cur);
  for (const item of patch) {
    if (!isObj(item)) {
      result.push(item);
      continue;
    }
    const idx = result.findIndex((c) => isObj(c) && c[key] === item[key]);
    if (item.$patch === "delete") {
      if (idx >= 0) result.splice(idx, 1);
      continue;
    }
    if (idx >= 0) result[idx] = strategicMerge(result[idx], item, kind, [...path, "[]"]) as Json;
    else result.push(clone(item));
  }
  return result;
}

/**
 * kubectl apply's three-way merge: `original` is the last-applied configuration (or undefined),
 * `modified` the new configuration, `current` the live object. Returns the object to store.
 */
export function threeWayMerge(original: unknown, modified: unknown, current: unknown, kind?: string, path: string[] = []): unknown {
  if (!isObj(modified) || !isObj(current)) return clone(modified);
  const out: Obj = clone(current);
  const orig = isObj(original) ? original : {};
  for (const [k, mv] of Object.entries(modified)) {
    const cv = out[k];
    const ov = orig[k];
    const childPath = [...path, k];
    if (isObj(mv) && isObj(cv)) {
      out[k] = threeWayMerge(isObj(ov) ? ov : undefined, mv, cv, kind, childPath) as Json;
    } else if (Array.isArray(mv) && Array.isArray(cv)) {
      const key = mergeKeyFor(childPath, kind);
      out[k] = key ? threeWayList(Array.isArray(ov) ? ov : [], mv, cv, key, kind, childPath) : clone(mv);
    } else out[k] = clone(mv);
  }
  // Fields the user removed from the configuration since the last apply are deleted.
  for (const k of Object.keys(orig)) if (!(k in modified)) delete out[k];
  return out;
}

function threeWayList(original: Json[], modified: Json[], current: Json[], key: string, kind: string | undefined, path: string[]): Json[] {
  const keyOf = (v: Json) => (isObj(v) ? JSON.stringify(v[key] ?? null) : JSON.stringify(v));
  const origByKey = new Map(original.map((o) => [keyOf(o), o]));
  const curByKey = new Map(current.map((c) => [keyOf(c), c]));
  const modKeys = new Set(modified.map(keyOf));
  const result: Json[] = [];
  // The configuration's order first ($setElementOrder), then items others added.
  for (const m of modified) {
    const c = curByKey.get(keyOf(m));
    result.push(c !== undefined ? (threeWayMerge(origByKey.get(keyOf(m)), m, c, kind, [...path, "[]"]) as Json) : clone(m));
  }
  for (const c of current) {
    const k = keyOf(c);
    if (modKeys.has(k) || origByKey.has(k)) continue;
    result.push(clone(c));
  }
  return result;
}

/** RFC 7386 JSON merge patch (`kubectl patch --type merge`). */
export function jsonMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return clone(patch);
  const out: Obj = isObj(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = jsonMergePatch(out[k], v) as Json;
  }
  return out;
}

export type JsonPatchOp = { op: string; path: string; value?: unknown; from?: string };

/** RFC 6902 JSON patch (`kubectl patch --type json`); errors in the apiserver's words. */
export function jsonPatch(target: unknown, ops: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  if (!Array.isArray(ops)) return { ok: false, error: "json: cannot unmarshal object into Go value of type jsonpatch.Patch" };
  let doc = clone(target) as Json;
  const parse = (p: string) => (p === "" ? [] : p.replace(/^\//, "").split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")));
  const walk = (parts: string[]): { parent: Json; last: string } | undefined => {
    let cur: Json = doc;
    for (const part of parts.slice(0, -1)) {
      if (Array.isArray(cur)) cur = cur[Number(part)];
      else if (isObj(cur)) cur = cur[part];
      else return undefined;
      if (cur === undefined) return undefined;
    }
    return { parent: cur, last: parts[parts.length - 1] };
  };
  for (const raw of ops as JsonPatchOp[]) {
    const op = raw?.op;
    const parts = parse(String(raw?.path ?? ""));
    const at = walk(parts);
    if (!at) return { ok: false, error: `doc is missing path: "${raw?.path}": missing value` };
    const { parent, last } = at;
    const get = () => (Array.isArray(parent) ? parent[Number(last)] : isObj(parent) ? parent[last] : undefined);
    switch (op) {
      case "add":
        if (Array.isArray(parent)) parent.splice(last === "-" ? parent.length : Number(last), 0, clone(raw.value as Json));
        else if (isObj(parent)) parent[last] = clone(raw.value as Json);
        break;
      case "replace":
        if (get() === undefined) return { ok: false, error: `replace operation does not apply: doc is missing key: ${raw.path}: missing value` };
        if (Array.isArray(parent)) parent[Number(last)] = clone(raw.value as Json);
        else if (isObj(parent)) parent[last] = clone(raw.value as Json);
        break;
      case "remove":
        if (get() === undefined) return { ok: false, error: `remove operation does not apply: doc is missing path: "${raw.path}": missing value` };
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else if (isObj(parent)) delete parent[last];
        break;
      case "test":
        if (JSON.stringify(get()) !== JSON.stringify(raw.value)) return { ok: false, error: `testing value ${raw.path} failed: test failed` };
        break;
      case "copy":
      case "move": {
        const fromParts = parse(String(raw.from ?? ""));
        const src = walk(fromParts);
        const value = src ? (Array.isArray(src.parent) ? src.parent[Number(src.last)] : isObj(src.parent) ? src.parent[src.last] : undefined) : undefined;
        if (value === undefined) return { ok: false, error: `${op} operation does not apply: doc is missing from path: ${raw.from}: missing value` };
        if (op === "move" && src) {
          if (Array.isArray(src.parent)) src.parent.splice(Number(src.last), 1);
          else if (isObj(src.parent)) delete src.parent[src.last];
        }
        if (Array.isArray(parent)) parent.splice(last === "-" ? parent.length : Number(last), 0, clone(value));
        else if (isObj(parent)) parent[last] = clone(value);
        break;
      }
      default:
        return { ok: false, error: `Unexpected kind: ${op}` };
    }
    if (parts.length === 0) doc = clone(raw.value as Json);
  }
  return { ok: true, value: doc };
}

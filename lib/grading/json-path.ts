// The path language of check assertions: `spec.replicas`, `spec.containers[0].image`,
// `spec.containers[name=web].image`, `metadata.labels["app.kubernetes.io/name"]`,
// `spec.containers[*].name` (a list: one value per element). A leading "." is allowed, as in
// kubectl's jsonpath, so `.spec.replicas` works too.

export type TPathSegment =
  | { kind: "field"; name: string }
  | { kind: "index"; index: number }
  | { kind: "where"; field: string; value: string }
  | { kind: "all" };

export type TParsedPath = { ok: true; segments: TPathSegment[] } | { ok: false; error: string };

export function parsePath(path: string): TParsedPath {
  const segments: TPathSegment[] = [];
  let i = path.startsWith(".") ? 1 : 0;
  const fail = (why: string): TParsedPath => ({ ok: false, error: `invalid path "${path}": ${why}` });
  while (i < path.length) {
    const c = path[i];
    if (c === "[") {
      const close = findClose(path, i);
      if (close < 0) return fail("unclosed [");
      const inner = path.slice(i + 1, close).trim();
      i = close + 1;
      if (inner === "*") segments.push({ kind: "all" });
      else if (/^-?\d+$/.test(inner)) segments.push({ kind: "index", index: Number(inner) });
      else if (/^(["']).*\1$/.test(inner)) segments.push({ kind: "field", name: inner.slice(1, -1) });
      else {
        const eq = inner.indexOf("=");
        if (eq <= 0) return fail(`cannot read [${inner}]`);
        segments.push({ kind: "where", field: inner.slice(0, eq).trim(), value: unquote(inner.slice(eq + 1).trim()) });
      }
      if (path[i] === ".") i++;
      continue;
    }
    let j = i;
    while (j < path.length && path[j] !== "." && path[j] !== "[") j++;
    const name = path.slice(i, j);
    if (!name) return fail("empty field name");
    segments.push({ kind: "field", name });
    i = path[j] === "." ? j + 1 : j;
    if (path[j] === "." && j + 1 === path.length) return fail("ends with .");
  }
  if (!segments.length) return fail("empty");
  return { ok: true, segments };
}

function findClose(path: string, open: number): number {
  let quote: string | null = null;
  for (let i = open + 1; i < path.length; i++) {
    const c = path[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "]") return i;
  }
  return -1;
}

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}

/**
 * The value at `path` in `root`: undefined when any step is missing. After `[*]` the result is a
 * list with one entry per element that has the rest of the path (missing ones are skipped).
 */
export function resolvePath(root: unknown, segments: TPathSegment[]): unknown {
  let cur: unknown = root;
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s];
    if (cur == null) return undefined;
    switch (seg.kind) {
      case "field":
        if (typeof cur !== "object" || Array.isArray(cur)) return undefined;
        cur = (cur as Record<string, unknown>)[seg.name];
        break;
      case "index": {
        if (!Array.isArray(cur)) return undefined;
        cur = cur[seg.index < 0 ? cur.length + seg.index : seg.index];
        break;
      }
      case "where": {
        if (!Array.isArray(cur)) return undefined;
        cur = cur.find((e) => e && typeof e === "object" && String((e as Record<string, unknown>)[seg.field]) === seg.value);
        break;
      }
      case "all": {
        if (!Array.isArray(cur)) return undefined;
        const rest = segments.slice(s + 1);
        const values = cur.map((e) => resolvePath(e, rest)).filter((v) => v !== undefined);
        // `a[*].b[*].c` is one flat list, as kubectl's jsonpath prints it.
        return rest.some((r) => r.kind === "all") ? values.flat() : values;
      }
    }
  }
  return cur;
}

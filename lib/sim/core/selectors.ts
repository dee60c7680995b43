// Label and field selectors: metav1.LabelSelector evaluation (matchLabels + matchExpressions) and the
// string form kubectl and the API accept (`app=web,tier!=db,env in (a,b),!canary,version`).
// Mirrors k8s.io/apimachinery/pkg/labels/selector.go for the operators CKAD uses.
import type { LabelSelector } from "kubernetes-types/meta/v1";

export type Requirement =
  | { op: "=" | "!="; key: string; value: string }
  | { op: "in" | "notin"; key: string; values: string[] }
  | { op: "exists" | "!"; key: string }
  | { op: "gt" | "lt"; key: string; value: number };

export type Selector = { requirements: Requirement[]; matchesNothing?: boolean };

export type Labels = Record<string, string> | undefined | null;

export function matches(selector: Selector, labels: Labels): boolean {
  if (selector.matchesNothing) return false;
  const l = labels ?? {};
  return selector.requirements.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case "=":
        return has && v === r.value;
      case "!=":
        return !has || v !== r.value;
      case "in":
        return has && r.values.includes(v);
      case "notin":
        return !has || !r.values.includes(v);
      case "exists":
        return has;
      case "!":
        return !has;
      case "gt":
        return has && /^-?\d+$/.test(v) && Number(v) > r.value;
      case "lt":
        return has && /^-?\d+$/.test(v) && Number(v) < r.value;
    }
  });
}

/** metav1.LabelSelectorAsSelector: a nil selector matches nothing, an empty one matches everything. */
export function fromLabelSelector(sel: LabelSelector | undefined | null): Selector {
  if (sel == null) return { requirements: [], matchesNothing: true };
  const requirements: Requirement[] = [];
  for (const key of Object.keys(sel.matchLabels ?? {}).sort()) {
    requirements.push({ op: "=", key, value: String(sel.matchLabels![key]) });
  }
  for (const e of sel.matchExpressions ?? []) {
    switch (e.operator) {
      case "In":
        requirements.push({ op: "in", key: e.key, values: e.values ?? [] });
        break;
      case "NotIn":
        requirements.push({ op: "notin", key: e.key, values: e.values ?? [] });
        break;
      case "Exists":
        requirements.push({ op: "exists", key: e.key });
        break;
      case "DoesNotExist":
        requirements.push({ op: "!", key: e.key });
        break;
      default:
        return { requirements: [], matchesNothing: true };
    }
  }
  return { requirements };
}

/** A map selector (Service, ReplicationController): every pair must match; empty matches everything. */
export function fromMap(map: Record<string, string> | undefined | null): Selector {
  return { requirements: Object.keys(map ?? {}).sort().map((key) => ({ op: "=" as const, key, value: String(map![key]) })) };
}

export type ParseResult = { ok: true; selector: Selector } | { ok: false; error: string };

/** Parses the string form used by `-l` and `labelSelector=`. */
export function parseSelector(text: string): ParseResult {
  const requirements: Requirement[] = [];
  const src = text.trim();
  if (!src) return { ok: true, selector: { requirements } };
  // Split on commas that are not inside parentheses.
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of src) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  for (const raw of parts) {
    const p = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^!\s*([A-Za-z0-9_./-]+)$/.exec(p))) requirements.push({ op: "!", key: m[1] });
    else if ((m = /^([A-Za-z0-9_./-]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(p)))
      requirements.push({ op: m[2] as "in" | "notin", key: m[1], values: m[3].split(",").map((s) => s.trim()).filter((s) => s !== "" || m![3].trim() === "") });
    else if ((m = /^([A-Za-z0-9_./-]+)\s*(==|=|!=)\s*([A-Za-z0-9_.-]*)$/.exec(p)))
      requirements.push({ op: m[2] === "!=" ? "!=" : "=", key: m[1], value: m[3] });
    else if ((m = /^([A-Za-z0-9_./-]+)\s*(>|<)\s*(-?\d+)$/.exec(p)))
      requirements.push({ op: m[2] === ">" ? "gt" : "lt", key: m[1], value: Number(m[3]) });
    else if ((m = /^([A-Za-z0-9_./-]+)$/.exec(p))) requirements.push({ op: "exists", key: m[1] });
    else return { ok: false, error: `unable to parse requirement: found '${p}', expected: identifier` };
  }
  return { ok: true, selector: { requirements } };
}

export type FieldRequirement = { field: string; op: "=" | "!="; value: string };

export function parseFieldSelector(text: string): { ok: true; requirements: FieldRequirement[] } | { ok: false; error: string } {
  const requirements: FieldRequirement[] = [];
  for (const raw of text.split(",")) {
    const p = raw.trim();
    if (!p) continue;
    const m = /^([A-Za-z0-9_.]+)\s*(==|=|!=)\s*(.*)$/.exec(p);
    if (!m) return { ok: false, error: `invalid selector: '${text}'; can't understand '${p}'` };
    requirements.push({ field: m[1], op: m[2] === "!=" ? "!=" : "=", value: m[3] });
  }
  return { ok: true, requirements };
}

/** Renders a selector the way kubectl prints it (`app=web,tier in (a,b)`). */
export function formatSelector(sel: Selector): string {
  if (sel.matchesNothing) return "<none>";
  return sel.requirements
    .map((r) => {
      switch (r.op) {
        case "=":
          return `${r.key}=${r.value}`;
        case "!=":
          return `${r.key}!=${r.value}`;
        case "in":
          return `${r.key} in (${[...r.values].sort().join(",")})`;
        case "notin":
          return `${r.key} notin (${[...r.values].sort().join(",")})`;
        case "exists":
          return r.key;
        case "!":
          return `!${r.key}`;
        case "gt":
          return `${r.key}>${r.value}`;
        case "lt":
          return `${r.key}<${r.value}`;
      }
    })
    .join(",");
}

// kubectl get output: the human-readable table printer (cli-runtime printers/tableprinter.go with its
// decorateTable for NAMESPACE / -L / --show-labels / --show-kind) and the -o yaml|json|name|jsonpath|
// custom-columns printers (cli-runtime printers, kubectl/pkg/cmd/get/customcolumn.go, sorter.go).
import type { KubeObject } from "../format/kube-object";
import { toJson } from "../format/json";
import { findJsonPathResults, evaluateJsonPath, goSprint, relaxedJsonPathExpression, JsonPathError } from "../format/jsonpath";
import { formatLabels } from "../format/labels";
import { alignTabbed } from "../format/tabwriter";
import { formatAge } from "../format/time";
import { toYaml } from "../format/yaml";
import { findPrinterForKind, findResourcePrinter, groupKindName, type Column, type ResourcePrinter } from "./resources";

export { podRowCells } from "./pod-status";
export { findResourcePrinter, groupKindName, RESOURCE_PRINTERS } from "./resources";

export type TableOptions = {
  now: number;
  wide?: boolean;
  showLabels?: boolean;
  noHeaders?: boolean;
  allNamespaces?: boolean;
  labelColumns?: string[];
  sortBy?: string;
  showKind?: boolean;
};

/** The default handler (printObjectMeta) for resources without a dedicated printer: NAME and AGE. */
function defaultPrinter(resource: string): ResourcePrinter {
  return {
    resource,
    kind: "",
    group: "",
    columns: [{ name: "Name" }, { name: "Age" }],
    row: (o, now) => [o.metadata?.name ?? "", formatAge(o.metadata?.creationTimestamp, now)],
  };
}

/** cli-runtime appendCellValue: a value with a line break is cut there and marked with "...". */
function cellText(value: string | number): string {
  const s = String(value);
  const idx = s.search(/[\f\n\r]/);
  return idx >= 0 ? `${s.slice(0, idx)}...` : s;
}

/** "No resources found in default namespace." or, across all namespaces, "No resources found" (stderr). */
export function noResourcesMessage(namespace: string | undefined, allNamespaces = false): string {
  return !allNamespaces && namespace ? `No resources found in ${namespace} namespace.` : "No resources found";
}

/** sortorder.NaturalLess: digit runs compare as numbers, everything else byte-wise. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a[i];
    const cb = b[j];
    const da = ca >= "0" && ca <= "9";
    const db = cb >= "0" && cb <= "9";
    if (da && db) {
      let ei = i;
      while (ei < a.length && a[ei] === "0") ei++;
      let ej = j;
      while (ej < b.length && b[ej] === "0") ej++;
      const zi = ei;
      const zj = ej;
      while (ei < a.length && a[ei] >= "0" && a[ei] <= "9") ei++;
      while (ej < b.length && b[ej] >= "0" && b[ej] <= "9") ej++;
      const na = a.slice(zi, ei);
      const nb = b.slice(zj, ej);
      if (na.length !== nb.length) return na.length < nb.length;
      if (na !== nb) return na < nb;
      if (zi - i !== zj - j) return zi - i < zj - j; // fewer leading zeros first
      i = ei;
      j = ej;
      continue;
    }
    if (ca !== cb) return ca < cb;
    i++;
    j++;
  }
  return a.length - i < b.length - j;
}

function compareSortValues(a: unknown, b: unknown): number {
  if (a === undefined && b === undefined) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  const sa = typeof a === "string" ? a : goSprint(a);
  const sb = typeof b === "string" ? b : goSprint(b);
  if (naturalLess(sa, sb)) return -1;
  if (naturalLess(sb, sa)) return 1;
  return 0;
}

/** --sort-by=JSONPATH: a stable sort on the first value the expression yields for each object. */
export function sortObjects(objects: KubeObject[], sortBy: string): { ok: true; objects: KubeObject[] } | { ok: false; error: string } {
  const relaxed = relaxedJsonPathExpression(sortBy);
  if (!relaxed.ok) return { ok: false, error: relaxed.error };
  try {
    const keyed = objects.map((o, index) => {
      const results = findJsonPathResults(relaxed.value, JSON.parse(JSON.stringify(o)) as unknown);
      const first = results.length > 0 && results[0].length > 0 ? results[0][0] : undefined;
      return { o, index, key: first };
    });
    keyed.sort((x, y) => compareSortValues(x.key, y.key) || x.index - y.index);
    return { ok: true, objects: keyed.map((k) => k.o) };
  } catch (err) {
    if (err instanceof JsonPathError) return { ok: false, error: err.message };
    throw err;
  }
}

function visibleColumns(columns: Column[], wide: boolean): number[] {
  const out: number[] = [];
  columns.forEach((c, i) => {
    if (wide || !c.priority) out.push(i);
  });
  return out;
}

/** Header and row lines (tab-separated, unaligned) of one resource table. */
function tableLines(printer: ResourcePrinter, objects: KubeObject[], opts: TableOptions): string[] {
  const wide = opts.wide ?? false;
  const visible = visibleColumns(printer.columns, wide);
  const nameColumn = printer.columns.findIndex((c) => c.name === "Name");
  const labelColumns = opts.labelColumns ?? [];
  const lines: string[] = [];
  if (!opts.noHeaders) {
    const headers = visible.map((i) => printer.columns[i].name.toUpperCase());
    for (const label of labelColumns) {
      const parts = label.split("/");
      headers.push(parts[parts.length - 1].toUpperCase());
    }
    if (opts.showLabels) headers.push("LABELS");
    if (opts.allNamespaces) headers.unshift("NAMESPACE");
    lines.push(headers.join("\t"));
  }
  const kindPrefix = opts.showKind && printer.kind ? `${groupKindName(printer.kind, printer.group)}/` : "";
  for (const o of objects) {
    const cells = printer.row(o, opts.now);
    if (kindPrefix && nameColumn >= 0) cells[nameColumn] = `${kindPrefix}${cells[nameColumn]}`;
    const row = visible.map((i) => cellText(cells[i] ?? ""));
    const labels = o.metadata?.labels ?? {};
    for (const label of labelColumns) row.push(cellText(labels[label] ?? ""));
    if (opts.showLabels) row.push(cellText(formatLabels(labels)));
    if (opts.allNamespaces) row.unshift(o.metadata?.namespace ?? "");
    lines.push(row.join("\t"));
  }
  return lines;
}

/**
 * `kubectl get RESOURCE` as a table. Returns "" when there is nothing to print: kubectl then writes
 * noResourcesMessage(...) to stderr, which the caller routes.
 */
export function printTable(resource: string, objects: KubeObject[], opts: TableOptions): string {
  if (objects.length === 0) return "";
  const printer = findResourcePrinter(resource) ?? defaultPrinter(resource);
  let sorted = objects;
  if (opts.sortBy) {
    const result = sortObjects(objects, opts.sortBy);
    if (result.ok) sorted = result.objects;
  }
  return alignTabbed(tableLines(printer, sorted, opts));
}

/**
 * `kubectl get all` (and any multi-type get): one aligned table per resource type with objects, NAME
 * prefixed by the kind ("pod/web", "deployment.apps/web"), tables separated by a blank line.
 */
export function printTables(groups: { resource: string; objects: KubeObject[] }[], opts: TableOptions): string {
  const tables = groups
    .filter((g) => g.objects.length > 0)
    .map((g) => printTable(g.resource, g.objects, { ...opts, showKind: opts.showKind ?? groups.length > 1 }));
  return tables.join(opts.noHeaders ? "" : "\n");
}

/**
 * The resources `kubectl get all` lists, in the order it prints them: the "all" category in discovery order
 * (core, apps, autoscaling, batch; resources alphabetical within a group).
 */
export const GET_ALL_RESOURCES: readonly string[] = [
  "pods",
  "replicationcontrollers",
  "services",
  "daemonsets",
  "deployments",
  "replicasets",
  "statefulsets",
  "horizontalpodautoscalers",
  "cronjobs",
  "jobs",
];

export type OutputFormat = "yaml" | "json" | "name" | { jsonpath: string } | { customColumns: string } | { customColumnsFile: string };

export type PrintObjectsOptions = {
  /** Print a v1 List even for one object (kubectl does so unless a single object was requested by name). */
  asList?: boolean;
  noHeaders?: boolean;
};

/** The v1 List kubectl wraps several objects in for -o yaml/json/jsonpath. */
export function toList(objects: KubeObject[]): KubeObject {
  return { apiVersion: "v1", items: objects, kind: "List", metadata: { resourceVersion: "" } };
}

/** "pod/web", "deployment.apps/web" */
export function formatObjectName(o: KubeObject): string {
  const printer = findPrinterForKind(o.kind);
  const group = printer ? printer.group : o.apiVersion?.includes("/") ? o.apiVersion.split("/")[0] : "";
  return `${groupKindName(o.kind ?? "", group)}/${o.metadata?.name ?? ""}`;
}

type Columns = { header: string; spec: string }[];

function parseCustomColumns(spec: string): { ok: true; columns: Columns } | { ok: false; error: string } {
  if (spec.length === 0) return { ok: false, error: "custom-columns format specified but no custom columns given" };
  const columns: Columns = [];
  for (const part of spec.split(",")) {
    const idx = part.indexOf(":");
    if (idx < 0) return { ok: false, error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
    const relaxed = relaxedJsonPathExpression(part.slice(idx + 1));
    if (!relaxed.ok) return relaxed;
    columns.push({ header: part.slice(0, idx), spec: relaxed.value });
  }
  return { ok: true, columns };
}

function parseCustomColumnsFile(text: string): { ok: true; columns: Columns } | { ok: false; error: string } {
  // bufio.Scanner lines: a trailing newline does not start another line.
  const lines = text.split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  if (lines.length < 1) {
    return { ok: false, error: "invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs." };
  }
  if (lines.length < 2) {
    return { ok: false, error: "invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs." };
  }
  const headers = lines[0].split(/\s+/).filter((s) => s.length > 0);
  const specs = lines[1].split(/\s+/).filter((s) => s.length > 0);
  if (headers.length !== specs.length) {
    return { ok: false, error: `number of headers (${headers.length}) and field specifications (${specs.length}) don't match` };
  }
  const columns: Columns = [];
  for (let i = 0; i < headers.length; i++) {
    const relaxed = relaxedJsonPathExpression(specs[i]);
    if (!relaxed.ok) return relaxed;
    columns.push({ header: headers[i], spec: relaxed.value });
  }
  return { ok: true, columns };
}

function printCustomColumns(columns: Columns, objects: KubeObject[], noHeaders: boolean): { ok: true; text: string } | { ok: false; error: string } {
  const lines: string[] = [];
  if (!noHeaders) lines.push(columns.map((c) => c.header).join("\t"));
  try {
    for (const o of objects) {
      const data = JSON.parse(JSON.stringify(o)) as unknown;
      const cells = columns.map((c) => {
        const values = findJsonPathResults(c.spec, data);
        const strings: string[] = [];
        if (values.length === 0 || values[0].length === 0) strings.push("<none>");
        for (const group of values) for (const v of group) strings.push(goSprint(v));
        return strings.join(",");
      });
      lines.push(cells.join("\t"));
    }
  } catch (err) {
    if (err instanceof JsonPathError) return { ok: false, error: err.message };
    throw err;
  }
  return { ok: true, text: alignTabbed(lines) };
}

/**
 * kubectl get -o yaml|json|name|jsonpath=…|custom-columns=…|custom-columns-file=… for the given objects.
 * `error` is kubectl's message without the leading "error: " and without the final newline: kubectl prints
 * exactly "error: " + error + "\n" (a jsonpath execution error keeps the blank lines kubectl prints).
 */
export function printObjects(
  objects: KubeObject[],
  format: OutputFormat,
  opts: PrintObjectsOptions = {},
): { ok: true; text: string } | { ok: false; error: string } {
  const asList = opts.asList ?? objects.length !== 1;
  const data: KubeObject = asList ? toList(objects) : objects[0];
  if (format === "yaml") return { ok: true, text: toYaml(data) };
  if (format === "json") return { ok: true, text: toJson(data) };
  if (format === "name") return { ok: true, text: objects.map((o) => `${formatObjectName(o)}\n`).join("") };
  if ("jsonpath" in format) {
    const result = evaluateJsonPath(format.jsonpath, JSON.parse(JSON.stringify(data)) as unknown);
    // Like every error here, without the one newline the caller adds after "error: <message>".
    return result.ok ? result : { ok: false, error: result.error.replace(/\n$/, "") };
  }
  const parsed = "customColumns" in format ? parseCustomColumns(format.customColumns) : parseCustomColumnsFile(format.customColumnsFile);
  if (!parsed.ok) return parsed;
  return printCustomColumns(parsed.columns, objects, opts.noHeaders ?? false);
}

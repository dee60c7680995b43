// kubectl top pod|node against the simulated metrics API.
// Mirrors kubernetes/kubectl pkg/cmd/top (top_pod.go, top_node.go) and pkg/metricsutil/metrics_printer.go:
// columns, sorters, `%vm` / `%vMi` formatting, the --sum footer and the "metrics not available yet" checks.
import type { ParsedArgs } from "../cli/flags";
import type { CommandContext } from "../session";
import { parseSelector, type Selector } from "../../core/selectors";
import { goDuration } from "../../kubelet/format";
import { parseTime } from "../../core/time";
import { parseQuantity, quantityMilliValue, quantityValue } from "../../api/quantity";
import { listNodeMetrics, listPodMetrics, nodeMetrics, podMetrics, usageNumbers, type PodMetrics, type ResourceUsage } from "../../metrics";
import { alignTabbed } from "../format/tabwriter";

/** top_pod.go metricsCreationDelay: younger pods without metrics are "not available yet". */
const METRICS_CREATION_DELAY_MS = 2 * 60 * 1000;
const MI = 1024 * 1024;

type Usage = { cpuNano: number; memoryBytes: number };

function sumUsage(list: ResourceUsage[]): Usage {
  let cpuNano = 0;
  let memoryBytes = 0;
  for (const u of list) {
    const n = usageNumbers(u);
    cpuNano += n.cpuNanoCores;
    memoryBytes += n.memoryBytes;
  }
  return { cpuNano, memoryBytes };
}

/** resource.Quantity MilliValue() rounds up. */
const milli = (u: Usage) => Math.ceil(u.cpuNano / 1_000_000);
/** printSingleResourceUsage: `%vm` of MilliValue, `%vMi` of Value()/(1024*1024). */
const usageCells = (u: Usage) => [`${milli(u)}m`, `${Math.floor(u.memoryBytes / MI)}Mi`];

function sortKey(sortBy: string, u: Usage): number {
  return sortBy === "cpu" ? milli(u) : u.memoryBytes;
}

function selectorFrom(ctx: CommandContext, text: string | undefined): { ok: true; selector?: Selector } | { ok: false } {
  if (!text) return { ok: true };
  const parsed = parseSelector(text);
  if (!parsed.ok) {
    ctx.err(`error: ${parsed.error}\n`);
    return { ok: false };
  }
  return { ok: true, selector: parsed.selector };
}

function validate(ctx: CommandContext, p: ParsedArgs, kind: "pod" | "node"): { name?: string; sortBy: string } | null {
  if (p.args.length > 1) {
    ctx.err(`error: ${kind} [NAME | -l label]\nSee 'kubectl top ${kind} -h' for help and examples\n`);
    return null;
  }
  const sortBy = String(p.flags["sort-by"] ?? "");
  if (sortBy && sortBy !== "cpu" && sortBy !== "memory") {
    ctx.err("error: --sort-by accepts only cpu or memory\n");
    return null;
  }
  const name = p.args[0];
  if (name && (p.flags.selector || (kind === "pod" && p.flags["field-selector"]))) {
    ctx.err("error: only one of NAME or selector can be provided\n");
    return null;
  }
  return { name, sortBy };
}

export function runTopPod(ctx: CommandContext, p: ParsedArgs): number {
  const v = validate(ctx, p, "pod");
  if (!v) return 1;
  const sel = selectorFrom(ctx, p.flags.selector as string | undefined);
  if (!sel.ok) return 1;
  const engine = ctx.cluster.engine;
  const all = !!p.flags["all-namespaces"];
  const namespace = all ? undefined : ctx.namespace;
  let metrics: PodMetrics[];
  if (v.name) {
    const m = podMetrics(engine, ctx.namespace, v.name);
    if (!m) {
      ctx.err(`Error from server (NotFound): podmetrics.metrics.k8s.io "${ctx.namespace}/${v.name}" not found\n`);
      return 1;
    }
    metrics = [m];
  } else {
    metrics = listPodMetrics(engine, namespace, sel.selector);
  }
  if (metrics.length === 0) {
    // verifyEmptyMetrics: pods exist but none has metrics yet → why.
    const pods = engine.store.list("pods", namespace, sel.selector);
    if (pods.length) {
      for (const pod of pods) {
        const age = engine.now() - (parseTime(pod.metadata.creationTimestamp ?? "") ?? engine.now());
        if (age > METRICS_CREATION_DELAY_MS) {
          ctx.err(`error: Metrics not available for pod ${pod.metadata.namespace}/${pod.metadata.name}, age: ${goDuration(age)}\n`);
          return 1;
        }
      }
      ctx.err("error: metrics not available yet\n");
      return 1;
    }
    ctx.err(all ? "No resources found\n" : `No resources found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  ctx.out(printPodMetrics(metrics, { containers: !!p.flags.containers, withNamespace: all, noHeaders: !!p.flags["no-headers"], sortBy: v.sortBy, sum: !!p.flags.sum }));
  return 0;
}

/** TopCmdPrinter.PrintPodMetrics. */
export function printPodMetrics(metrics: PodMetrics[], o: { containers: boolean; withNamespace: boolean; noHeaders: boolean; sortBy: string; sum: boolean }): string {
  const lines: string[] = [];
  let columnWidth = 3;
  if (!o.noHeaders) {
    const head: string[] = [];
    if (o.withNamespace) {
      head.push("NAMESPACE");
      columnWidth++;
    }
    if (o.containers) {
      head.push("POD");
      columnWidth++;
    }
    lines.push([...head, "NAME", "CPU(cores)", "MEMORY(bytes)", ""].join("\t"));
  }
  const rows = metrics.map((m) => ({ m, usage: sumUsage(m.containers.map((c) => c.usage)) }));
  rows.sort((a, b) => {
    if (o.sortBy) {
      const d = sortKey(o.sortBy, b.usage) - sortKey(o.sortBy, a.usage);
      if (d !== 0) return d;
    }
    if (o.withNamespace && a.m.metadata.namespace !== b.m.metadata.namespace) return a.m.metadata.namespace < b.m.metadata.namespace ? -1 : 1;
    return a.m.metadata.name < b.m.metadata.name ? -1 : a.m.metadata.name > b.m.metadata.name ? 1 : 0;
  });
  const total: Usage = { cpuNano: 0, memoryBytes: 0 };
  for (const { m, usage } of rows) {
    total.cpuNano += usage.cpuNano;
    total.memoryBytes += usage.memoryBytes;
    const ns = o.withNamespace ? [m.metadata.namespace] : [];
    if (o.containers) {
      const containers = m.containers.map((c) => ({ name: c.name, usage: sumUsage([c.usage]) }));
      containers.sort((a, b) => {
        if (o.sortBy) {
          const d = sortKey(o.sortBy, b.usage) - sortKey(o.sortBy, a.usage);
          if (d !== 0) return d;
        }
        return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
      });
      for (const c of containers) lines.push([...ns, m.metadata.name, c.name, ...usageCells(c.usage), ""].join("\t"));
    } else {
      lines.push([...ns, m.metadata.name, ...usageCells(usage), ""].join("\t"));
    }
  }
  if (o.sum) {
    // printPodResourcesSum: underline the two usage columns, then the totals under them.
    lines.push([...Array(Math.max(0, columnWidth - 2)).fill(""), "________", "________", ""].join("\t"));
    lines.push([...Array(Math.max(0, columnWidth - 3)).fill(""), "", ...usageCells(total), ""].join("\t"));
  }
  return alignTabbed(lines);
}

export function runTopNode(ctx: CommandContext, p: ParsedArgs): number {
  const v = validate(ctx, p, "node");
  if (!v) return 1;
  const sel = selectorFrom(ctx, p.flags.selector as string | undefined);
  if (!sel.ok) return 1;
  const engine = ctx.cluster.engine;
  let metrics;
  if (v.name) {
    const m = nodeMetrics(engine, v.name);
    if (!m) {
      ctx.err(`Error from server (NotFound): nodemetrics.metrics.k8s.io "${v.name}" not found\n`);
      return 1;
    }
    metrics = [m];
  } else {
    metrics = listNodeMetrics(engine, sel.selector);
  }
  if (metrics.length === 0) {
    ctx.err("error: metrics not available yet\n");
    return 1;
  }
  const nodes = v.name ? [engine.store.get("nodes", undefined, v.name)!] : engine.store.list("nodes", undefined, sel.selector);
  const field = p.flags["show-capacity"] ? "capacity" : "allocatable";
  const available = new Map<string, { cpuMilli: number; memoryMilli: number }>();
  for (const n of nodes) {
    const res = (n.status as { [k: string]: Record<string, string> | undefined } | undefined)?.[field] ?? {};
    const cpu = parseQuantity(res.cpu ?? "0");
    const mem = parseQuantity(res.memory ?? "0");
    available.set(n.metadata.name!, {
      cpuMilli: cpu.ok ? quantityMilliValue(cpu.quantity) : 0,
      memoryMilli: mem.ok ? quantityValue(mem.quantity) * 1000 : 0,
    });
  }
  const rows = metrics.map((m) => ({ name: m.metadata.name, usage: sumUsage([m.usage]) }));
  rows.sort((a, b) => {
    if (v.sortBy) {
      const d = sortKey(v.sortBy, b.usage) - sortKey(v.sortBy, a.usage);
      if (d !== 0) return d;
    }
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  const lines: string[] = [];
  if (!p.flags["no-headers"]) lines.push(["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)", ""].join("\t"));
  // printAllResourceUsages: int64(float64(usage.MilliValue()) / float64(available.MilliValue()) * 100).
  const percent = (used: number, avail: number | undefined) => (avail === undefined ? [] : [`${Math.trunc((used / avail) * 100)}%`]);
  for (const r of rows) {
    const a = available.get(r.name);
    const [cpu, mem] = usageCells(r.usage);
    lines.push([r.name, cpu, ...percent(milli(r.usage), a?.cpuMilli), mem, ...percent(r.usage.memoryBytes * 1000, a?.memoryMilli), ""].join("\t"));
    available.delete(r.name);
  }
  // printMissingMetricsNodeLine: nodes whose kubelet did not report.
  for (const name of [...available.keys()].sort()) lines.push([name, "<unknown>", "<unknown>", "<unknown>", "<unknown>", ""].join("\t"));
  ctx.out(alignTabbed(lines));
  return 0;
}

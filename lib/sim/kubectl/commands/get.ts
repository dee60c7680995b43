// kubectl get: tables (default and wide), structured output, label/field selectors, -A, --show-labels,
// -L, --sort-by, --no-headers, `all`, TYPE/NAME arguments and -w watches. Mirrors
// staging/src/k8s.io/kubectl/pkg/cmd/get/get.go.
import type { KubeObject } from "../../core/types";
import type { ResourceInfo } from "../../core/machinery";
import { printObjects, printTable, printTables, noResourcesMessage } from "../printers";
import type { CommandContext } from "../session";
import type { ParsedArgs } from "../cli/flags";
import { parseOutput } from "./output";
import { readManifests, resolveType, unknownType, formatSimError, formatStatus } from "./util";
import { notFound } from "../../core/types";

const ALL = ["pods", "services", "daemonsets", "deployments", "replicasets", "statefulsets", "jobs", "cronjobs"];

type Request = { info: ResourceInfo; names: string[] };

/** Parses `TYPE[,TYPE] [NAME…]` and `TYPE/NAME…` argument forms. */
export function parseResourceArgs(ctx: CommandContext, args: string[]): { ok: true; requests: Request[]; byName: boolean } | { ok: false; error: string } {
  if (!args.length) return { ok: true, requests: [], byName: false };
  const requests: Request[] = [];
  if (args.some((a) => a.includes("/"))) {
    for (const a of args) {
      const slash = a.indexOf("/");
      if (slash < 0) return { ok: false, error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n` };
      const info = resolveType(ctx, a.slice(0, slash));
      if (!info) return { ok: false, error: unknownType(a.slice(0, slash)) };
      const name = a.slice(slash + 1);
      if (!name) return { ok: false, error: `error: arguments in resource/name form must have a single resource and name\n` };
      const existing = requests.find((r) => r.info === info);
      if (existing) existing.names.push(name);
      else requests.push({ info, names: [name] });
    }
    return { ok: true, requests, byName: true };
  }
  const [types, ...names] = args;
  for (const t of types.split(",")) {
    if (t === "all") {
      for (const r of ALL) {
        const info = resolveType(ctx, r);
        if (info) requests.push({ info, names: [...names] });
      }
      continue;
    }
    const info = resolveType(ctx, t);
    if (!info) return { ok: false, error: unknownType(t) };
    requests.push({ info, names: [...names] });
  }
  return { ok: true, requests, byName: names.length > 0 };
}

export function runGet(ctx: CommandContext, p: ParsedArgs): number {
  const flags = p.flags;
  const out = parseOutput(flags.output);
  if (!out.ok) {
    ctx.err(out.error);
    return 1;
  }
  const allNamespaces = Boolean(flags["all-namespaces"]);
  const filenames = (flags.filename as string[] | undefined) ?? [];
  let requests: Request[];
  let byName = false;
  if (filenames.length) {
    const read = readManifests(ctx, filenames, Boolean(flags.recursive));
    if (!read.ok) {
      ctx.err(read.error);
      return 1;
    }
    requests = [];
    for (const d of read.docs) {
      const info = ctx.cluster.engine.api.infoFor(d.object);
      if (!info) continue;
      requests.push({ info, names: [d.object.metadata?.name ?? ""] });
    }
    byName = true;
  } else {
    if (!p.args.length) {
      ctx.err(
        `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples\n`,
      );
      return 1;
    }
    const parsed = parseResourceArgs(ctx, p.args);
    if (!parsed.ok) {
      ctx.err(parsed.error);
      return 1;
    }
    requests = parsed.requests;
    byName = parsed.byName;
  }
  const selector = flags.selector as string | undefined;
  if (byName && selector) {
    ctx.err("error: selectors and the all flag cannot be used when passing resource/name arguments\n");
    return 1;
  }

  let exit = 0;
  const groups: { resource: string; objects: KubeObject[] }[] = [];
  const errors: string[] = [];
  for (const r of requests) {
    const ns = r.info.namespaced ? (allNamespaces && !r.names.length ? undefined : ctx.namespace) : undefined;
    if (r.names.length) {
      const objs: KubeObject[] = [];
      for (const name of r.names) {
        const o = ctx.cluster.get(r.info.resource, name, ns);
        if (!o) {
          errors.push(formatStatus(notFound(r.info.resource, name, r.info.group)));
          exit = 1;
        } else objs.push(o);
      }
      groups.push({ resource: r.info.resource, objects: objs });
    } else {
      const listed = ctx.cluster.list(r.info.resource, {
        namespace: ns,
        allNamespaces: allNamespaces || !r.info.namespaced,
        labelSelector: selector,
        fieldSelector: flags["field-selector"] as string | undefined,
      });
      if (!listed.ok) {
        ctx.err(formatSimError(listed.error));
        return 1;
      }
      groups.push({ resource: r.info.resource, objects: listed.items });
    }
  }

  const total = groups.reduce((n, g) => n + g.objects.length, 0);
  const nowMs = ctx.cluster.now();
  if (out.output.kind === "table") {
    const nonEmpty = groups.filter((g) => g.objects.length);
    if (nonEmpty.length) {
      const opts = {
        now: nowMs,
        wide: out.output.wide,
        showLabels: Boolean(flags["show-labels"]),
        noHeaders: Boolean(flags["no-headers"]),
        allNamespaces,
        labelColumns: ((flags["label-columns"] as string[] | undefined) ?? []).flatMap((l) => l.split(",")),
        sortBy: flags["sort-by"] as string | undefined,
        showKind: requests.length > 1 || p.args[0] === "all" || Boolean(flags["show-kind"]),
      };
      ctx.out(nonEmpty.length > 1 || opts.showKind ? printTables(nonEmpty, opts) : printTable(nonEmpty[0].resource, nonEmpty[0].objects, opts));
    } else if (!errors.length) {
      ctx.err(`${noResourcesMessage(requests.every((r) => r.info.namespaced) ? ctx.namespace : undefined, allNamespaces)}\n`);
    }
  } else {
    const objects = groups.flatMap((g) => g.objects);
    if (objects.length || !errors.length) {
      const single = byName && total === 1 && requests.length === 1 && requests[0].names.length === 1;
      if (objects.length || out.output.format !== "name") {
        const printed = printObjects(objects, out.output.format, { asList: !single, noHeaders: Boolean(flags["no-headers"]) });
        if (!printed.ok) {
          ctx.err(`${printed.error.startsWith("error:") ? printed.error : `error: ${printed.error}`}\n`);
          return 1;
        }
        ctx.out(printed.text);
      }
    }
  }
  for (const e of errors) ctx.err(e);

  if (flags.watch || flags["watch-only"]) startWatch(ctx, requests, Boolean(flags["watch-only"]), out.output.kind === "table" ? out.output.wide : false, allNamespaces);
  return exit;
}

/** `-w`: after the initial list, print a row for every change while virtual time advances. */
function startWatch(ctx: CommandContext, requests: Request[], watchOnly: boolean, wide: boolean, allNamespaces: boolean): void {
  const cluster = ctx.cluster;
  const seen = new Map<string, string>();
  const key = (o: KubeObject) => `${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`;
  const rowOf = (resource: string, o: KubeObject) =>
    printTable(resource, [o], { now: cluster.now(), wide, noHeaders: true, allNamespaces });
  const snapshot = () => {
    const rows: { k: string; resource: string; obj: KubeObject }[] = [];
    for (const r of requests) {
      const listed = cluster.list(r.info.resource, { namespace: ctx.namespace, allNamespaces: allNamespaces || !r.info.namespaced });
      if (!listed.ok) continue;
      for (const o of listed.items) if (!r.names.length || r.names.includes(o.metadata.name!)) rows.push({ k: key(o), resource: r.info.resource, obj: o });
    }
    return rows;
  };
  for (const row of snapshot()) seen.set(row.k, watchOnly ? "" : row.obj.metadata.resourceVersion ?? "");
  let printedHeader = !watchOnly;
  ctx.session.activeWatch = {
    id: 1,
    onAdvance: () => {
      const rows = snapshot();
      for (const row of rows) {
        const rv = row.obj.metadata.resourceVersion ?? "";
        if (seen.get(row.k) === rv) continue;
        seen.set(row.k, rv);
        const text = rowOf(row.resource, row.obj);
        if (!printedHeader) {
          ctx.session.emitWatch(printTable(row.resource, [row.obj], { now: cluster.now(), wide, allNamespaces }));
          printedHeader = true;
        } else ctx.session.emitWatch(text);
      }
    },
  };
}

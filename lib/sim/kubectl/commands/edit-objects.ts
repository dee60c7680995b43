// Commands that edit live objects in place: label, annotate, scale, cordon/uncordon, taint.
// Mirror staging/src/k8s.io/kubectl/pkg/cmd/{label,annotate,scale,drain,taint}.
import { klogCommandFailed } from "../format/klog";
import type { CommandContext } from "../session";
import type { ParsedArgs } from "../cli/flags";
import type { KubeObject } from "../../core/types";
import { notFound, clone } from "../../core/types";
import type { ResourceInfo } from "../../core/machinery";
import { parseResourceArgs } from "./get";
import { dryRunMode, dryRunSuffix, formatSimError, formatStatus, kindName, readManifests, withRecord } from "./util";
import { parseOutput } from "./output";
import { printObjects } from "../printers";
import { formatTime } from "../../core/time";

type Target = { info: ResourceInfo; obj: KubeObject };

/** Resolves `TYPE NAME…`, `TYPE/NAME…`, `-f`, `-l`, `--all` into live objects. */
export function collectTargets(
  ctx: CommandContext,
  p: ParsedArgs,
  args: string[],
  opts: { allowAll?: boolean } = {},
): { ok: true; targets: Target[] } | { ok: false; error: string } {
  const filenames = (p.flags.filename as string[] | undefined) ?? [];
  const targets: Target[] = [];
  const errors: string[] = [];
  if (filenames.length) {
    const read = readManifests(ctx, filenames, Boolean(p.flags.recursive));
    if (!read.ok) return read;
    for (const d of read.docs) {
      const info = ctx.cluster.engine.api.infoFor(d.object);
      if (!info) continue;
      const name = d.object.metadata?.name ?? "";
      const obj = ctx.cluster.get(info.resource, name, info.namespaced ? d.object.metadata?.namespace ?? ctx.namespace : undefined);
      if (!obj) errors.push(formatStatus(notFound(info.resource, name, info.group)));
      else targets.push({ info, obj });
    }
  } else {
    const parsed = parseResourceArgs(ctx, args);
    if (!parsed.ok) return parsed;
    if (!parsed.requests.length) return { ok: false, error: "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n" };
    for (const r of parsed.requests) {
      const ns = r.info.namespaced ? ctx.namespace : undefined;
      if (r.names.length) {
        for (const name of r.names) {
          const obj = ctx.cluster.get(r.info.resource, name, ns);
          if (!obj) errors.push(formatStatus(notFound(r.info.resource, name, r.info.group)));
          else targets.push({ info: r.info, obj });
        }
      } else if (p.flags.all || p.flags.selector || !opts.allowAll) {
        const listed = ctx.cluster.list(r.info.resource, {
          namespace: ns,
          allNamespaces: Boolean(p.flags["all-namespaces"]) || !r.info.namespaced,
          labelSelector: p.flags.selector as string | undefined,
        });
        if (!listed.ok) return { ok: false, error: formatSimError(listed.error) };
        if (!p.flags.all && !p.flags.selector) return { ok: false, error: "error: resource(s) were provided, but no name was specified\n" };
        for (const obj of listed.items) targets.push({ info: r.info, obj });
      }
    }
  }
  if (errors.length && !targets.length) return { ok: false, error: errors.join("") };
  for (const e of errors) ctx.err(e);
  return { ok: true, targets };
}

type Change = { key: string; value?: string; remove: boolean };

function parseChanges(words: string[], what: "label" | "annotation"): { ok: true; changes: Change[] } | { ok: false; error: string } {
  const changes: Change[] = [];
  for (const w of words) {
    if (w.endsWith("-") && !w.includes("=")) changes.push({ key: w.slice(0, -1), remove: true });
    else if (w.includes("=")) {
      const i = w.indexOf("=");
      const key = w.slice(0, i);
      const value = w.slice(i + 1);
      if (what === "label" && !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value)) {
        return { ok: false, error: `error: invalid label value: "${w}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n` };
      }
      changes.push({ key, value, remove: false });
    } else return { ok: false, error: `error: at least one ${what} update is required\n` };
  }
  if (!changes.length) return { ok: false, error: `error: at least one ${what} update is required\n` };
  return { ok: true, changes };
}

/** kubectl label / annotate. */
export function runLabelLike(ctx: CommandContext, p: ParsedArgs, what: "label" | "annotation"): number {
  const dry = dryRunMode(p.flags["dry-run"]);
  if (!dry.ok) {
    ctx.err(dry.error);
    return 1;
  }
  if (!p.args.length && !((p.flags.filename as string[] | undefined) ?? []).length) {
    ctx.err("error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n");
    return 1;
  }
  // Arguments: resource args first, then key=value / key- updates.
  const isChange = (a: string) => a.includes("=") || (a.endsWith("-") && !a.includes("/"));
  const firstChange = p.args.findIndex((a, i) => i > 0 && isChange(a));
  const resArgs = firstChange < 0 ? p.args : p.args.slice(0, firstChange);
  const changeArgs = firstChange < 0 ? [] : p.args.slice(firstChange);
  const parsed = parseChanges(changeArgs, what);
  if (!parsed.ok) {
    ctx.err(parsed.error);
    return 1;
  }
  const found = collectTargets(ctx, p, resArgs);
  if (!found.ok) {
    ctx.err(found.error);
    return 1;
  }
  const out = parseOutput(p.flags.output);
  const field = what === "label" ? "labels" : "annotations";
  let exit = 0;
  for (const { info, obj } of found.targets) {
    const current = { ...(obj.metadata[field] ?? {}) } as Record<string, string>;
    let changed = false;
    let onlyRemovals = true;
    for (const c of parsed.changes) {
      if (c.remove) {
        if (c.key in current) {
          delete current[c.key];
          changed = true;
        }
        continue;
      }
      onlyRemovals = false;
      if (c.key in current && current[c.key] !== c.value && !p.flags.overwrite) {
        ctx.err(`error: '${c.key}' already has a value (${current[c.key]}), and --overwrite is false\n`);
        return 1;
      }
      if (current[c.key] !== c.value) changed = true;
      current[c.key] = c.value!;
    }
    const verb = what === "label" ? (changed ? (onlyRemovals ? "unlabeled" : "labeled") : "not labeled") : changed ? (onlyRemovals ? "annotated" : "annotated") : "not annotated";
    let result = obj;
    if (changed && dry.mode === "none") {
      const next = clone(obj);
      next.metadata[field] = current;
      if (!Object.keys(current).length) delete next.metadata[field];
      const r = ctx.cluster.update(next);
      if (!r.ok) {
        ctx.err(formatSimError(r.error));
        exit = 1;
        continue;
      }
      result = r.object;
    }
    if (out.ok && out.output.kind === "structured") {
      const printed = printObjects([result], out.output.format, {});
      if (printed.ok) ctx.out(printed.text);
    } else ctx.out(`${kindName(info, obj.metadata.name!)} ${verb}${dryRunSuffix(dry.mode)}\n`);
  }
  return exit;
}

const SCALABLE = new Set(["deployments", "replicasets", "statefulsets", "replicationcontrollers"]);

export function runScale(ctx: CommandContext, p: ParsedArgs): number {
  if (!p.changed.has("replicas")) {
    ctx.err(klogCommandFailed(ctx.cluster.now(), 'required flag(s) "replicas" not set'));
    return 1;
  }
  const replicas = p.flags.replicas as number;
  if (replicas < 0) {
    ctx.err("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n");
    return 1;
  }
  const dry = dryRunMode(p.flags["dry-run"]);
  if (!dry.ok) {
    ctx.err(dry.error);
    return 1;
  }
  const found = collectTargets(ctx, p, p.args);
  if (!found.ok) {
    ctx.err(found.error);
    return 1;
  }
  let exit = 0;
  for (const { info, obj } of found.targets) {
    if (!SCALABLE.has(info.resource)) {
      ctx.err(`error: no scaler has been implemented for {"${info.group}" "${info.kind}"}\n`);
      exit = 1;
      continue;
    }
    const spec = (obj as { spec?: { replicas?: number } }).spec ?? {};
    const cur = p.flags["current-replicas"] as number;
    if (cur >= 0 && (spec.replicas ?? 1) !== cur) {
      ctx.err(`error: Expected replicas to be ${cur}, was ${spec.replicas ?? 1}\n`);
      exit = 1;
      continue;
    }
    if (dry.mode === "none") {
      const next = clone(obj) as KubeObject & { spec: { replicas?: number } };
      next.spec.replicas = replicas;
      const r = ctx.cluster.update(withRecord(ctx, p.flags.record, next));
      if (!r.ok) {
        ctx.err(formatSimError(r.error));
        exit = 1;
        continue;
      }
    }
    ctx.out(`${kindName(info, obj.metadata.name!)} scaled${dryRunSuffix(dry.mode)}\n`);
  }
  return exit;
}

export function runCordon(ctx: CommandContext, p: ParsedArgs, cordon: boolean): number {
  if (!p.args.length && !p.flags.selector) {
    const verb = cordon ? "cordon" : "uncordon";
    ctx.err(`error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples\n`);
    return 1;
  }
  const found = collectTargets(ctx, p, ["nodes", ...p.args]);
  if (!found.ok) {
    ctx.err(found.error);
    return 1;
  }
  for (const { obj } of found.targets) {
    const spec = (obj as { spec?: { unschedulable?: boolean } }).spec ?? {};
    const already = Boolean(spec.unschedulable) === cordon;
    if (!already) {
      const next = clone(obj) as KubeObject & { spec: Record<string, unknown> };
      next.spec = { ...(next.spec ?? {}) };
      if (cordon) next.spec.unschedulable = true;
      else delete next.spec.unschedulable;
      // The node lifecycle controller mirrors spec.unschedulable as a taint.
      const taints = ((next.spec.taints as { key: string; effect: string }[] | undefined) ?? []).filter((t) => t.key !== "node.kubernetes.io/unschedulable");
      if (cordon) taints.push({ effect: "NoSchedule", key: "node.kubernetes.io/unschedulable", timeAdded: undefined } as never);
      if (taints.length) next.spec.taints = taints.map((t) => (cordon && t.key === "node.kubernetes.io/unschedulable" ? { effect: "NoSchedule", key: t.key, timeAdded: formatTimeNow(ctx) } : t));
      else delete next.spec.taints;
      const r = ctx.cluster.update(next);
      if (!r.ok) {
        ctx.err(formatSimError(r.error));
        return 1;
      }
    }
    ctx.out(`node/${obj.metadata.name} ${already ? "already " : ""}${cordon ? "cordoned" : "uncordoned"}\n`);
  }
  return 0;
}

function formatTimeNow(ctx: CommandContext): string {
  return formatTime(ctx.cluster.now());
}

type Taint = { key: string; value?: string; effect: string; timeAdded?: string };

export function runTaint(ctx: CommandContext, p: ParsedArgs): number {
  if (p.args.length < 2) {
    ctx.err(p.args.length ? "error: at least one taint update is required\n" : "error: one or more resources must be specified as <resource> <name>\n");
    return 1;
  }
  const [type, ...rest] = p.args;
  if (!["node", "nodes", "no"].includes(type) && !type.startsWith("node/") && !type.startsWith("nodes/")) {
    ctx.err(`error: invalid resource type ${type}, only "nodes" are supported\n`);
    return 1;
  }
  const nameArgs = type.includes("/") ? [type] : [type, ...rest.filter((r) => !r.includes(":") && !r.includes("=") && !r.endsWith("-"))];
  const specs = rest.filter((r) => r.includes(":") || r.includes("=") || r.endsWith("-"));
  const adds: Taint[] = [];
  const removes: { key: string; effect?: string }[] = [];
  for (const s of specs) {
    if (s.endsWith("-")) {
      const body = s.slice(0, -1);
      const [kv, effect] = body.split(":");
      removes.push({ key: kv.split("=")[0], effect });
      continue;
    }
    const m = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(s);
    if (!m) {
      ctx.err(`error: invalid taint spec: ${s}, unknown taint effect or missing effect\n`);
      return 1;
    }
    adds.push({ key: m[1], ...(m[2] !== undefined ? { value: m[2] } : {}), effect: m[3] });
  }
  const found = collectTargets(ctx, p, nameArgs.length > 1 || type.includes("/") ? nameArgs : ["nodes", ...nameArgs.slice(1)]);
  if (!found.ok) {
    ctx.err(found.error);
    return 1;
  }
  for (const { obj } of found.targets) {
    let taints = [...(((obj as { spec?: { taints?: Taint[] } }).spec?.taints ?? []) as Taint[])];
    for (const r of removes) {
      const before = taints.length;
      taints = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
      if (taints.length === before) {
        ctx.err(`error: taint "${r.key}${r.effect ? `:${r.effect}` : ""}" not found\n`);
        return 1;
      }
    }
    for (const a of adds) {
      const existing = taints.findIndex((t) => t.key === a.key && t.effect === a.effect);
      if (existing >= 0) {
        if (!p.flags.overwrite) {
          ctx.err(`error: node ${obj.metadata.name} already has ${a.key} taint(s) with same effect(s) and --overwrite is false\n`);
          return 1;
        }
        taints[existing] = a;
      } else taints.push(a.effect === "NoExecute" ? { ...a, timeAdded: formatTimeNow(ctx) } : a);
    }
    const next = clone(obj) as KubeObject & { spec: Record<string, unknown> };
    if (taints.length) next.spec.taints = taints;
    else delete next.spec.taints;
    const r = ctx.cluster.update(next);
    if (!r.ok) {
      ctx.err(formatSimError(r.error));
      return 1;
    }
    ctx.out(`node/${obj.metadata.name} ${adds.length ? "tainted" : "untainted"}\n`);
  }
  return 0;
}

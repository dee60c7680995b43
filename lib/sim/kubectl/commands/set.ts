// kubectl set image | env | resources on pods and pod templates.
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/set/{set_image,set_env,set_resources}.go.
import type { CommandContext } from "../session";
import type { ParsedArgs } from "../cli/flags";
import type { KubeObject } from "../../core/types";
import { clone } from "../../core/types";
import { collectTargets } from "./edit-objects";
import { dryRunMode, dryRunSuffix, formatSimError, kindName, withRecord } from "./util";
import { parseQuantity } from "../../api";

type Container = { name: string; image?: string; env?: { name: string; value?: string; valueFrom?: unknown }[]; resources?: { limits?: Record<string, string>; requests?: Record<string, string> } };
type PodSpec = { containers?: Container[]; initContainers?: Container[] };

/** The pod spec inside any workload (UpdatePodSpecForObject). */
export function podSpecOf(obj: KubeObject): PodSpec | undefined {
  const o = obj as { kind: string; spec?: { template?: { spec?: PodSpec }; jobTemplate?: { spec?: { template?: { spec?: PodSpec } } } } & PodSpec };
  switch (o.kind) {
    case "Pod":
      return o.spec;
    case "CronJob":
      return o.spec?.jobTemplate?.spec?.template?.spec;
    case "Deployment":
    case "ReplicaSet":
    case "StatefulSet":
    case "DaemonSet":
    case "Job":
    case "ReplicationController":
      return o.spec?.template?.spec;
    default:
      return undefined;
  }
}

function splitAssignments(args: string[]): { resources: string[]; assignments: string[] } {
  const idx = args.findIndex((a, i) => i > 0 && (a.includes("=") || (a.endsWith("-") && !a.includes("/"))));
  return idx < 0 ? { resources: args, assignments: [] } : { resources: args.slice(0, idx), assignments: args.slice(idx) };
}

function update(ctx: CommandContext, p: ParsedArgs, args: string[], mutate: (obj: KubeObject, spec: PodSpec) => string | undefined, verb: string): number {
  const dry = dryRunMode(p.flags["dry-run"]);
  if (!dry.ok) {
    ctx.err(dry.error);
    return 1;
  }
  const found = collectTargets(ctx, p, args);
  if (!found.ok) {
    ctx.err(found.error);
    return 1;
  }
  let exit = 0;
  for (const { info, obj } of found.targets) {
    const next = clone(obj);
    const spec = podSpecOf(next);
    if (!spec) {
      ctx.err(`error: ${kindName(info, obj.metadata.name!)} ${verb === "image updated" ? "has no pod template" : "has no pod template"}\n`);
      exit = 1;
      continue;
    }
    const err = mutate(next, spec);
    if (err) {
      ctx.err(err);
      exit = 1;
      continue;
    }
    if (dry.mode === "none" && JSON.stringify(next) !== JSON.stringify(obj)) {
      const r = ctx.cluster.update(withRecord(ctx, p.flags.record, next));
      if (!r.ok) {
        ctx.err(formatSimError(r.error));
        exit = 1;
        continue;
      }
    }
    ctx.out(`${kindName(info, obj.metadata.name!)} ${verb}${dryRunSuffix(dry.mode)}\n`);
  }
  return exit;
}

/** No resource argument and no -f: resource.Builder's error, checked before the updates are. */
const noResources = (p: ParsedArgs) => !p.args.length && !((p.flags.filename as string[] | undefined) ?? []).length;
const NO_RESOURCES = "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n";

export function runSetImage(ctx: CommandContext, p: ParsedArgs): number {
  if (noResources(p)) {
    ctx.err(NO_RESOURCES);
    return 1;
  }
  const { resources, assignments } = splitAssignments(p.args);
  if (!assignments.length) {
    ctx.err("error: at least one image update is required\nSee 'kubectl set image -h' for help and examples\n");
    return 1;
  }
  const images = assignments.map((a) => {
    const i = a.indexOf("=");
    return { container: a.slice(0, i), image: a.slice(i + 1) };
  });
  return update(
    ctx,
    p,
    resources,
    (_obj, spec) => {
      for (const { container, image } of images) {
        const all = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
        const matches = container === "*" ? all : all.filter((c) => c.name === container);
        if (!matches.length) return `error: unable to find container named "${container}"\n`;
        for (const c of matches) c.image = image;
      }
      return undefined;
    },
    "image updated",
  );
}

export function runSetEnv(ctx: CommandContext, p: ParsedArgs): number {
  if (noResources(p)) {
    ctx.err("error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n");
    return 1;
  }
  const { resources, assignments } = splitAssignments(p.args);
  const containerFilter = (p.flags.containers as string | undefined) ?? "*";
  const from = p.flags.from as string | undefined;
  if (p.flags.list) {
    const found = collectTargets(ctx, p, resources);
    if (!found.ok) {
      ctx.err(found.error);
      return 1;
    }
    for (const { info, obj } of found.targets) {
      const spec = podSpecOf(obj);
      for (const c of spec?.containers ?? []) {
        if (containerFilter !== "*" && c.name !== containerFilter) continue;
        ctx.out(`# ${info.kind.toLowerCase() === "pod" ? "Pod" : `${info.kind}`} ${obj.metadata.name}, container ${c.name}\n`);
        for (const e of c.env ?? []) ctx.out(e.value !== undefined ? `${e.name}=${e.value}\n` : `# ${e.name} from: ${describeValueFrom(e.valueFrom)}\n`);
      }
    }
    return 0;
  }
  const adds: { name: string; value?: string; valueFrom?: unknown }[] = [];
  const removes: string[] = [];
  for (const a of [...assignments, ...((p.flags.env as string[] | undefined) ?? [])]) {
    if (a.endsWith("-") && !a.includes("=")) removes.push(a.slice(0, -1));
    else {
      const i = a.indexOf("=");
      adds.push({ name: a.slice(0, i), value: a.slice(i + 1) });
    }
  }
  if (from) {
    const [kind, name] = from.split("/");
    const isCm = ["configmap", "configmaps", "cm"].includes(kind);
    const isSecret = ["secret", "secrets"].includes(kind);
    const src = isCm ? ctx.cluster.get("configmaps", name, ctx.namespace) : isSecret ? ctx.cluster.get("secrets", name, ctx.namespace) : undefined;
    if (!src) {
      ctx.err(isCm || isSecret ? `Error from server (NotFound): ${isCm ? "configmaps" : "secrets"} "${name}" not found\n` : `error: unsupported resource specified in --from\n`);
      return 1;
    }
    const prefix = (p.flags.prefix as string | undefined) ?? "";
    for (const key of Object.keys((src as { data?: Record<string, string> }).data ?? {}).sort()) {
      const envName = (prefix + key).toUpperCase().replace(/[^A-Z0-9_]/g, "_");
      adds.push({ name: envName, valueFrom: isCm ? { configMapKeyRef: { key, name } } : { secretKeyRef: { key, name } } });
    }
  }
  if (!adds.length && !removes.length) {
    ctx.err("error: at least one environment variable must be provided\n");
    return 1;
  }
  return update(
    ctx,
    p,
    resources,
    (_obj, spec) => {
      for (const c of spec.containers ?? []) {
        if (containerFilter !== "*" && c.name !== containerFilter) continue;
        let env = [...(c.env ?? [])].filter((e) => !removes.includes(e.name));
        for (const a of adds) {
          const i = env.findIndex((e) => e.name === a.name);
          const entry = a.valueFrom ? { name: a.name, valueFrom: a.valueFrom } : { name: a.name, value: a.value };
          if (i >= 0) env[i] = entry;
          else env = [...env, entry];
        }
        if (env.length) c.env = env;
        else delete c.env;
      }
      return undefined;
    },
    "env updated",
  );
}

function describeValueFrom(v: unknown): string {
  const o = v as { configMapKeyRef?: { name: string; key: string }; secretKeyRef?: { name: string; key: string }; fieldRef?: { fieldPath: string } };
  if (o?.configMapKeyRef) return `configmap ${o.configMapKeyRef.name}, key ${o.configMapKeyRef.key}`;
  if (o?.secretKeyRef) return `secret ${o.secretKeyRef.name}, key ${o.secretKeyRef.key}`;
  if (o?.fieldRef) return `field path ${o.fieldRef.fieldPath}`;
  return "unknown source";
}

function parseResourceList(text: string | undefined): { ok: true; list?: Record<string, string> } | { ok: false; error: string } {
  if (!text) return { ok: true };
  const list: Record<string, string> = {};
  for (const part of text.split(",")) {
    const [k, v] = part.split("=");
    if (!k || v === undefined) return { ok: false, error: `error: invalid argument "${text}": resource must be in the form name=quantity\n` };
    const q = parseQuantity(v);
    if (!q.ok) return { ok: false, error: `error: ${q.error}\n` };
    list[k] = v;
  }
  return { ok: true, list };
}

export function runSetResources(ctx: CommandContext, p: ParsedArgs): number {
  if (noResources(p)) {
    ctx.err(NO_RESOURCES);
    return 1;
  }
  const limits = parseResourceList(p.flags.limits as string | undefined);
  const requests = parseResourceList(p.flags.requests as string | undefined);
  if (!limits.ok || !requests.ok) {
    ctx.err((!limits.ok ? limits.error : "") || (!requests.ok ? requests.error : ""));
    return 1;
  }
  if (!limits.list && !requests.list) {
    ctx.err("error: you must specify an update to requests or limits (in the form of --requests/--limits)\n");
    return 1;
  }
  const containerFilter = (p.flags.containers as string | undefined) ?? "*";
  return update(
    ctx,
    p,
    p.args,
    (_obj, spec) => {
      const targets = (spec.containers ?? []).filter((c) => containerFilter === "*" || c.name === containerFilter);
      if (!targets.length) return `error: unable to find container named ${containerFilter}\n`;
      for (const c of targets) {
        c.resources = { ...(c.resources ?? {}) };
        if (limits.list) c.resources.limits = { ...(c.resources.limits ?? {}), ...limits.list };
        if (requests.list) c.resources.requests = { ...(c.resources.requests ?? {}), ...requests.list };
      }
      return undefined;
    },
    "resource requirements updated",
  );
}

// kubectl logs: POD or TYPE/NAME (deployment/web picks its first pod), -c, --all-containers, -p,
// --tail, --since, --timestamps, -l (several pods, prefixed with --prefix), -f (prints what exists;
// later lines arrive while virtual time advances). Mirrors staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go.
import type { CommandContext } from "../session";
import type { ParsedArgs } from "../cli/flags";
import { parseDuration } from "../cli/flags";
import type { KubeObject } from "../../core/types";
import { notFound } from "../../core/types";
import { formatSimError, formatStatus, resolveType } from "./util";
import { fromLabelSelector } from "../../core/selectors";

type PodRef = { namespace: string; name: string; pod: KubeObject };

function podFor(ctx: CommandContext, arg: string): { ok: true; pod: PodRef } | { ok: false; error: string } {
  const slash = arg.indexOf("/");
  if (slash < 0) {
    const pod = ctx.cluster.get("pods", arg, ctx.namespace);
    if (!pod) return { ok: false, error: formatStatus(notFound("pods", arg)) };
    return { ok: true, pod: { namespace: ctx.namespace, name: arg, pod } };
  }
  const info = resolveType(ctx, arg.slice(0, slash));
  const name = arg.slice(slash + 1);
  if (!info) return { ok: false, error: `error: the server doesn't have a resource type "${arg.slice(0, slash)}"\n` };
  if (info.resource === "pods") return podFor(ctx, name);
  const owner = ctx.cluster.get(info.resource, name, ctx.namespace) as (KubeObject & { spec?: { selector?: unknown } }) | undefined;
  if (!owner) return { ok: false, error: formatStatus(notFound(info.resource, name, info.group)) };
  const sel = owner.spec?.selector;
  const selector = info.resource === "services" ? { matchLabels: sel as Record<string, string> } : (sel as { matchLabels?: Record<string, string> });
  const listed = ctx.cluster.list("pods", { namespace: ctx.namespace, labelSelector: fromLabelSelector(selector as never) });
  const pods = listed.ok ? listed.items : [];
  if (!pods.length) return { ok: false, error: `error: timed out waiting for the condition\n` };
  // kubectl picks the first pod by its sort (active, then creation); the store order is deterministic.
  const pod = pods.find((p) => (p as { status?: { phase?: string } }).status?.phase === "Running") ?? pods[0];
  if (pods.length > 1) ctx.err(`Found ${pods.length} pods, using pod/${pod.metadata.name}\n`);
  return { ok: true, pod: { namespace: ctx.namespace, name: pod.metadata.name!, pod } };
}

function containerNames(pod: KubeObject): string[] {
  const spec = (pod as { spec?: { containers?: { name: string }[] } }).spec;
  return (spec?.containers ?? []).map((c) => c.name);
}

export function runLogs(ctx: CommandContext, p: ParsedArgs): number {
  const f = p.flags;
  const selector = f.selector as string | undefined;
  if (!p.args.length && !selector) {
    ctx.err("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
    return 1;
  }
  if (p.args.length > 2) {
    ctx.err("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
    return 1;
  }
  let since: number | undefined;
  if (f.since !== undefined) {
    const ms = parseDuration(String(f.since));
    if (ms === undefined) {
      ctx.err(`error: invalid argument "${f.since}" for "--since" flag: time: invalid duration "${f.since}"\n`);
      return 1;
    }
    since = Math.ceil(ms / 1000);
  }
  const opts = {
    previous: Boolean(f.previous),
    tailLines: f.tail !== undefined && (f.tail as number) >= 0 ? (f.tail as number) : undefined,
    sinceSeconds: since,
    timestamps: Boolean(f.timestamps),
    limitBytes: (f["limit-bytes"] as number | undefined) || undefined,
  };
  let pods: PodRef[];
  if (selector) {
    const listed = ctx.cluster.list("pods", { namespace: ctx.namespace, labelSelector: selector });
    if (!listed.ok) {
      ctx.err(formatSimError(listed.error));
      return 1;
    }
    if (!listed.items.length) {
      ctx.err(`No resources found in ${ctx.namespace} namespace.\n`);
      return 0;
    }
    pods = listed.items.map((pod) => ({ namespace: ctx.namespace, name: pod.metadata.name!, pod }));
  } else {
    const found = podFor(ctx, p.args[0]);
    if (!found.ok) {
      ctx.err(found.error);
      return 1;
    }
    pods = [found.pod];
  }
  const explicitContainer = (f.container as string | undefined) || p.args[1];
  const allContainers = Boolean(f["all-containers"]);
  const prefix = Boolean(f.prefix) || (selector !== undefined && pods.length > 1 && Boolean(f.prefix));
  let exit = 0;
  for (const ref of pods) {
    const names = containerNames(ref.pod);
    const annotated = ref.pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"];
    let containers: (string | undefined)[];
    if (allContainers) containers = names;
    else if (explicitContainer) containers = [explicitContainer];
    else if (names.length > 1 && annotated) containers = [annotated];
    else if (names.length > 1 && !selector) {
      ctx.err(`Defaulted container "${names[0]}" out of: ${names.join(", ")}\n`);
      containers = [names[0]];
    } else containers = [names[0]];
    for (const c of containers) {
      const all = [...names, ...((ref.pod as { spec?: { initContainers?: { name: string }[]; ephemeralContainers?: { name: string }[] } }).spec?.initContainers ?? []).map((x) => x.name)];
      if (c && !all.includes(c)) {
        // findContainerByName: kubectl checks the name before asking the server.
        ctx.err(`error: container ${c} is not valid for pod ${ref.name}\n`);
        exit = 1;
        continue;
      }
      const r = ctx.cluster.logs(ref.namespace, ref.name, c, opts);
      if (!r.ok) {
        ctx.err(formatSimError(r.error));
        exit = 1;
        continue;
      }
      const text = prefix ? r.text.split(/(?<=\n)/).filter(Boolean).map((l) => `[pod/${ref.name}/${c}] ${l}`).join("") : r.text;
      ctx.out(text);
    }
  }
  if (f.follow && pods.length === 1) followLogs(ctx, pods[0], explicitContainer ?? containerNames(pods[0].pod)[0], Boolean(f.timestamps));
  return exit;
}

/** -f: new log output is emitted while virtual time advances (until the next command). */
function followLogs(ctx: CommandContext, ref: PodRef, container: string, timestamps: boolean): void {
  let printed = ctx.cluster.logs(ref.namespace, ref.name, container, { timestamps });
  let seen = printed.ok ? printed.text.length : 0;
  ctx.session.activeWatch = {
    id: 2,
    onAdvance: () => {
      printed = ctx.cluster.logs(ref.namespace, ref.name, container, { timestamps });
      if (!printed.ok) return;
      if (printed.text.length > seen) {
        ctx.session.emitWatch(printed.text.slice(seen));
        seen = printed.text.length;
      }
    },
  };
}

// kubectl exec POD [-c CONTAINER] [-i] [-t] -- COMMAND [args…]: runs in the container's shell model.
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go (argument checks and messages).
import type { CommandContext } from "../session";
import type { ParsedArgs } from "../cli/flags";
import { notFound } from "../../core/types";
import { formatStatus, resolveType } from "./util";
import { fromLabelSelector } from "../../core/selectors";
import type { KubeObject } from "../../core/types";

export function runExec(ctx: CommandContext, p: ParsedArgs): number {
  if (!p.args.length) {
    ctx.err("error: pod, type/name or --filename must be specified\n");
    return 1;
  }
  let command = p.dashArgs;
  if (!p.hadDash) {
    if (p.args.length > 1) {
      ctx.err("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
      return 1;
    }
    command = [];
  }
  if (!command.length) {
    ctx.err("error: you must specify at least one command for the container\n");
    return 1;
  }
  let podName = p.args[0];
  const slash = podName.indexOf("/");
  if (slash >= 0) {
    const info = resolveType(ctx, podName.slice(0, slash));
    const name = podName.slice(slash + 1);
    if (!info) {
      ctx.err(`error: the server doesn't have a resource type "${podName.slice(0, slash)}"\n`);
      return 1;
    }
    if (info.resource !== "pods") {
      const owner = ctx.cluster.get(info.resource, name, ctx.namespace) as (KubeObject & { spec?: { selector?: unknown } }) | undefined;
      if (!owner) {
        ctx.err(formatStatus(notFound(info.resource, name, info.group)));
        return 1;
      }
      const sel = info.resource === "services" ? { matchLabels: owner.spec?.selector as Record<string, string> } : owner.spec?.selector;
      const listed = ctx.cluster.list("pods", { namespace: ctx.namespace, labelSelector: fromLabelSelector(sel as never) });
      const pod = listed.ok ? listed.items.find((x) => (x as { status?: { phase?: string } }).status?.phase === "Running") ?? listed.items[0] : undefined;
      if (!pod) {
        ctx.err("error: timed out waiting for the condition\n");
        return 1;
      }
      podName = pod.metadata.name!;
    } else podName = name;
  }
  const pod = ctx.cluster.get("pods", podName, ctx.namespace);
  if (!pod) {
    ctx.err(formatStatus(notFound("pods", podName)));
    return 1;
  }
  const containers = ((pod as { spec?: { containers?: { name: string }[] } }).spec?.containers ?? []).map((c) => c.name);
  let container = p.flags.container as string | undefined;
  if (!container) {
    container = pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"] ?? containers[0];
    if (containers.length > 1 && !pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"]) {
      ctx.err(`Defaulted container "${containers[0]}" out of: ${containers.join(", ")}\n`);
    }
  }
  const r = ctx.cluster.exec(ctx.namespace, podName, container, command);
  if (!r.ok) {
    const msg = r.error.kind === "status" ? r.error.status.message : r.error.message;
    ctx.err(msg.startsWith("error:") || msg.startsWith("Error") ? `${msg}\n` : `error: ${msg}\n`);
    return 1;
  }
  ctx.out(r.result.stdout);
  ctx.err(r.result.stderr);
  if (r.result.exitCode !== 0) {
    ctx.err(`command terminated with exit code ${r.result.exitCode}\n`);
    return r.result.exitCode;
  }
  return 0;
}

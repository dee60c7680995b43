// kubectl port-forward TYPE/NAME [LOCAL_PORT:]REMOTE_PORT…: forwards localhost ports of the learner's
// terminal to a pod (a Service or workload picks one of its pods, as kubectl does). The forward stays
// active for the rest of the session, as if started with `&`.
import type { CommandContext } from "../session";
import type { ParsedArgs } from "../cli/flags";
import type { KubeObject } from "../../core/types";
import { notFound } from "../../core/types";
import { fromLabelSelector } from "../../core/selectors";
import { formatStatus, resolveType } from "./util";

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function runPortForward(ctx: CommandContext, p: ParsedArgs): number {
  const [target, ...ports] = p.args;
  if (!target || !ports.length) {
    ctx.err("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n");
    return 1;
  }
  const slash = target.indexOf("/");
  const info = slash < 0 ? resolveType(ctx, "pods") : resolveType(ctx, target.slice(0, slash));
  const name = slash < 0 ? target : target.slice(slash + 1);
  if (!info) {
    ctx.err(`error: the server doesn't have a resource type "${target.slice(0, slash)}"\n`);
    return 1;
  }
  const obj = ctx.cluster.get(info.resource, name, ctx.namespace) as Obj | undefined;
  if (!obj) {
    ctx.err(formatStatus(notFound(info.resource, name, info.group)));
    return 1;
  }
  let pod: Obj | undefined = obj;
  if (info.resource !== "pods") {
    const selector = info.resource === "services" ? { matchLabels: obj.spec?.selector ?? {} } : obj.spec?.selector;
    const listed = ctx.cluster.list("pods", { namespace: ctx.namespace, labelSelector: fromLabelSelector(selector) });
    pod = listed.ok ? (listed.items as Obj[]).find((x) => x.status?.phase === "Running") : undefined;
    if (!pod) {
      ctx.err("error: unable to forward port because pod is not running. Current status=Pending\n");
      return 1;
    }
  }
  if (pod.status?.phase !== "Running") {
    ctx.err(`error: unable to forward port because pod is not running. Current status=${pod.status?.phase ?? "Pending"}\n`);
    return 1;
  }
  for (const spec of ports) {
    const m = /^(\d*)(?::(\S+))?$/.exec(spec);
    if (!m) {
      ctx.err(`error: Error parsing local port '${spec}': strconv.ParseUint: parsing "${spec}": invalid syntax\n`);
      return 1;
    }
    const local = m[1] ? Number(m[1]) : 0;
    let remoteSpec = m[2] ?? m[1];
    // A Service port is translated to its target port (kubectl's translateServicePortToTargetPort).
    if (info.resource === "services") {
      const sp = (obj.spec?.ports ?? []).find((x: Obj) => String(x.port) === remoteSpec || x.name === remoteSpec);
      if (!sp) {
        ctx.err(`error: Service ${name} does not have a service port ${remoteSpec}\n`);
        return 1;
      }
      remoteSpec = String(sp.targetPort ?? sp.port);
    }
    let remote = Number(remoteSpec);
    if (!/^\d+$/.test(remoteSpec)) {
      const named = ((pod.spec?.containers ?? []) as Obj[]).flatMap((c) => c.ports ?? []).find((x: Obj) => x.name === remoteSpec);
      if (!named) {
        ctx.err(`error: Pod '${pod.metadata.name}' does not have a named port '${remoteSpec}'\n`);
        return 1;
      }
      remote = named.containerPort;
    }
    const localPort = local || 30000 + ctx.cluster.engine.rng.int(30000);
    const s = ctx.session;
    if (s.portForwards.some((f) => f.localPort === localPort && f.context === s.currentContext)) {
      ctx.err(`Unable to listen on port ${localPort}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${localPort}: bind: address already in use unable to create listener: Error listen tcp6 [::1]:${localPort}: bind: address already in use]\nerror: unable to listen on any of the requested ports: [{${localPort} ${remote}}]\n`);
      return 1;
    }
    s.portForwards.push({ context: s.currentContext, namespace: ctx.namespace, pod: (pod as KubeObject).metadata.name!, localPort, remotePort: remote });
    ctx.out(`Forwarding from 127.0.0.1:${localPort} -> ${remote}\nForwarding from [::1]:${localPort} -> ${remote}\n`);
  }
  return 0;
}

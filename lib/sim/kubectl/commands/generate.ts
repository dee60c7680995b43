// Commands built on the generators: run, create <kind>, expose; and describe.
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/{run,create,expose,describe}.
import type { CommandContext } from "../session";
import type { ParsedArgs } from "../cli/flags";
import type { KubeObject } from "../../core/types";
import { notFound } from "../../core/types";
import {
  generateConfigMap,
  generateCronJob,
  generateDeployment,
  generateExpose,
  generateIngress,
  generateJob,
  generateNamespace,
  generateRun,
  generateSecret,
  generateService,
  generateServiceAccount,
  generateClusterRole,
  generateClusterRoleBinding,
  generatePodDisruptionBudget,
  generatePriorityClass,
  generateQuota,
  generateRole,
  generateRoleBinding,
  type FileReader,
  type GenerateResult,
  type ServiceKind,
} from "../generators";
import { describe } from "../describe";
import { printObjects } from "../printers";
import { toJson } from "../format/json";
import { parseOutput } from "./output";
import { klogCommandFailed } from "../format/klog";
import { dryRunMode, dryRunSuffix, formatSimError, formatStatus, kindName, resolveType } from "./util";
import { parseResourceArgs } from "./get";
import { jsonMergePatch, jsonPatch, strategicMerge } from "../../apply/strategic-merge";

function fileReader(ctx: CommandContext): FileReader {
  return {
    read: (p) => ctx.files.read(p),
    listDir: (p) => ctx.files.list?.(p)?.map((e) => e.slice(e.lastIndexOf("/") + 1)),
  };
}

/** Creates (or prints, for --dry-run=client / -o) a generated object, as kubectl create does. */
function emit(ctx: CommandContext, p: ParsedArgs, generated: GenerateResult, verb = "created"): number {
  if (!generated.ok) {
    if (generated.commandFailed !== undefined) ctx.err(klogCommandFailed(ctx.cluster.now(), generated.commandFailed));
    else ctx.err(generated.error.endsWith("\n") ? generated.error : `${generated.error}\n`);
    return 1;
  }
  const dry = dryRunMode(p.flags["dry-run"]);
  if (!dry.ok) {
    ctx.err(dry.error);
    return 1;
  }
  const out = parseOutput(p.flags.output);
  if (!out.ok) {
    ctx.err(out.error);
    return 1;
  }
  let object = generated.object as KubeObject;
  if (p.flags.record || p.changed.has("save-config")) object = withChangeCause(ctx, p, object);
  const info = ctx.cluster.engine.api.infoFor(object);
  if (!info) {
    ctx.err(`error: no matches for kind "${object.kind}" in version "${object.apiVersion}"\n`);
    return 1;
  }
  if (dry.mode !== "client") {
    const [r] = ctx.cluster.create([object], { namespace: ctx.namespace, dryRun: dry.mode === "server" });
    if (!r.ok) {
      ctx.err(formatSimError(r.error));
      return 1;
    }
    object = r.object;
  }
  if (out.output.kind === "structured" && out.output.format === "json" && dry.mode === "client") {
    // A generated object is a typed Go struct: kubectl prints its JSON in field order, not sorted.
    ctx.out(toJson(object, { keyOrder: "insertion" }));
  } else if (out.output.kind === "structured") {
    const printed = printObjects([object], out.output.format, { asList: false });
    if (!printed.ok) {
      ctx.err(`error: ${printed.error}\n`);
      return 1;
    }
    ctx.out(printed.text);
  } else ctx.out(`${kindName(info, object.metadata.name!)} ${verb}${dryRunSuffix(dry.mode)}\n`);
  return 0;
}

function withChangeCause(ctx: CommandContext, p: ParsedArgs, object: KubeObject): KubeObject {
  if (!p.flags.record) return object;
  const annotations = { ...(object.metadata?.annotations ?? {}), "kubernetes.io/change-cause": ctx.changeCause };
  return { ...object, metadata: { ...object.metadata, annotations } };
}

const nsFlag = (ctx: CommandContext) => (ctx.explicitNamespace ? ctx.namespace : undefined);

export function runRun(ctx: CommandContext, p: ParsedArgs): number {
  const [name, ...rest] = p.args;
  const dry = dryRunMode(p.flags["dry-run"]);
  const args = [...rest, ...p.dashArgs];
  const generated = generateRun(name, {
    image: p.flags.image as string | undefined,
    port: p.changed.has("port") ? String(p.flags.port) : undefined,
    labels: p.flags.labels as string | undefined,
    annotations: p.flags.annotations as string[] | undefined,
    env: p.flags.env as string[] | undefined,
    restart: p.flags.restart as string | undefined,
    imagePullPolicy: p.flags["image-pull-policy"] as string | undefined,
    command: Boolean(p.flags.command),
    args: args.length ? args : undefined,
    privileged: Boolean(p.flags.privileged),
    stdin: Boolean(p.flags.stdin),
    tty: Boolean(p.flags.tty),
    attach: Boolean(p.flags.attach),
    dryRun: dry.ok && dry.mode !== "none",
    namespace: nsFlag(ctx),
  });
  if (!generated.ok) return emit(ctx, p, generated);
  if (p.flags.overrides) {
    const overridden = applyOverrides(generated.object as KubeObject, String(p.flags.overrides), String(p.flags["override-type"] ?? "merge"));
    if (!overridden.ok) return emit(ctx, p, overridden);
    generated.object = overridden.object as never;
  }
  if (p.flags.expose) {
    if (!p.changed.has("port")) {
      ctx.err("error: --port must be set when exposing a service\n");
      return 1;
    }
    const svc = generateExpose(generated.object as never, { port: String(p.flags.port), namespace: nsFlag(ctx) });
    const code = emit(ctx, p, svc);
    if (code) return code;
  }
  const interactive = Boolean(p.flags.stdin || p.flags.tty || p.flags.attach);
  if (!interactive) return emit(ctx, p, generated);
  return runAttached(ctx, p, generated.object as KubeObject);
}

/**
 * --overrides with --override-type (cmdutil.Overrider.Apply): the generated Pod is serialized to JSON and
 * patched — a JSON merge patch by default (lists such as containers are replaced whole), a strategic merge
 * patch (containers merge by name) or an RFC 6902 JSON patch.
 */
export function applyOverrides(object: KubeObject, overrides: string, type: string): GenerateResult {
  if (type !== "json" && type !== "merge" && type !== "strategic") {
    return { ok: false, error: "error: --override-type must be one of (json, merge, strategic)" };
  }
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch {
    return { ok: false, error: type === "json" ? "error: invalid character in JSON patch" : "error: Invalid JSON Patch" };
  }
  if (type === "json") {
    const r = jsonPatch(object, patch);
    return r.ok ? { ok: true, object: r.value as KubeObject } : { ok: false, error: `error: ${r.error}` };
  }
  if (type === "merge") return { ok: true, object: jsonMergePatch(object, patch) as KubeObject };
  return { ok: true, object: strategicMerge(object, patch, object.kind) as KubeObject };
}

/**
 * `kubectl run tmp --rm -i --image=busybox --restart=Never -- wget -qO- web`: the pod runs, its output is
 * streamed, and with --rm it is deleted afterwards. An interactive shell (no command) cannot be attached
 * to from a script, so it is refused with an explanation.
 */
function runAttached(ctx: CommandContext, p: ParsedArgs, pod: KubeObject): number {
  const spec = (pod as unknown as { spec: { containers: { command?: string[]; args?: string[] }[]; restartPolicy?: string } }).spec;
  const c = spec.containers[0];
  if (!c.command && !c.args) {
    ctx.err("error: an interactive shell needs a terminal; give the pod a command after --, e.g. kubectl run tmp --rm -i --image=busybox --restart=Never -- wget -qO- web\n");
    return 1;
  }
  const [r] = ctx.cluster.create([pod], { namespace: ctx.namespace });
  if (!r.ok) {
    ctx.err(formatSimError(r.error));
    return 1;
  }
  const name = r.object.metadata.name!;
  const ns = r.object.metadata.namespace!;
  const phase = () => (ctx.cluster.get("pods", name, ns) as { status?: { phase?: string } } | undefined)?.status?.phase;
  let waited = 0;
  // --pod-running-timeout (1m) to start; then until the container exits (bounded at one virtual hour).
  while (waited < 3600 && !["Succeeded", "Failed"].includes(phase() ?? "")) {
    if (waited >= 60 && phase() === "Pending") {
      ctx.err(`error: timed out waiting for the condition\n`);
      return 1;
    }
    ctx.session.advance(1);
    waited++;
    if (spec.restartPolicy === "Always" && phase() === "Running" && waited > 60) break;
  }
  if (p.flags.tty) ctx.err("If you don't see a command prompt, try pressing enter.\n");
  const logs = ctx.cluster.logs(ns, name, undefined, {});
  if (logs.ok) ctx.out(logs.text);
  const final = ctx.cluster.get("pods", name, ns) as { status?: { containerStatuses?: { state?: { terminated?: { exitCode?: number } } }[] } } | undefined;
  const exitCode = final?.status?.containerStatuses?.[0]?.state?.terminated?.exitCode ?? 0;
  if (p.flags.rm) {
    ctx.cluster.delete("pods", name, { namespace: ns });
    let w = 0;
    while (ctx.cluster.get("pods", name, ns) && w++ < 120) ctx.session.advance(1);
    ctx.out(`pod "${name}" deleted\n`);
  }
  if (exitCode !== 0) {
    ctx.err(`pod ${ns}/${name} terminated (Error)\n`);
    return 1;
  }
  return 0;
}

export function runCreateDeployment(ctx: CommandContext, p: ParsedArgs): number {
  return emit(
    ctx,
    p,
    generateDeployment(p.args[0], {
      image: p.flags.image as string[] | undefined,
      replicas: p.changed.has("replicas") ? (p.flags.replicas as number) : undefined,
      port: p.changed.has("port") ? (p.flags.port as number) : undefined,
      command: p.dashArgs.length ? p.dashArgs : undefined,
      namespace: nsFlag(ctx),
    }, () => ctx.cluster.engine.rng.suffix(5)),
  );
}

export function runCreateService(kind: ServiceKind) {
  return (ctx: CommandContext, p: ParsedArgs): number =>
    emit(
      ctx,
      p,
      generateService(kind, p.args[0], {
        tcp: p.flags.tcp as string[] | undefined,
        clusterip: p.flags.clusterip as string | undefined,
        nodePort: p.changed.has("node-port") ? (p.flags["node-port"] as number) : undefined,
        externalName: p.flags["external-name"] as string | undefined,
        namespace: nsFlag(ctx),
      }),
    );
}

export function runCreateConfigMap(ctx: CommandContext, p: ParsedArgs): number {
  return emit(
    ctx,
    p,
    generateConfigMap(
      p.args[0],
      { fromLiteral: p.flags["from-literal"] as string[], fromFile: p.flags["from-file"] as string[], fromEnvFile: p.flags["from-env-file"] as string[], namespace: nsFlag(ctx) },
      fileReader(ctx),
    ),
  );
}

export function runCreateSecret(kind: "generic" | "docker-registry" | "tls") {
  return (ctx: CommandContext, p: ParsedArgs): number =>
    emit(
      ctx,
      p,
      generateSecret(
        kind,
        p.args[0],
        {
          fromLiteral: p.flags["from-literal"] as string[],
          fromFile: p.flags["from-file"] as string[],
          fromEnvFile: p.flags["from-env-file"] as string[],
          type: p.flags.type as string | undefined,
          dockerServer: p.flags["docker-server"] as string | undefined,
          dockerUsername: p.flags["docker-username"] as string | undefined,
          dockerPassword: p.flags["docker-password"] as string | undefined,
          dockerEmail: p.flags["docker-email"] as string | undefined,
          cert: p.flags.cert as string | undefined,
          key: p.flags.key as string | undefined,
          namespace: nsFlag(ctx),
        },
        fileReader(ctx),
      ),
    );
}

export function runCreateJob(ctx: CommandContext, p: ParsedArgs): number {
  const from = p.flags.from as string | undefined;
  let fromCronJob: KubeObject | undefined;
  if (from) {
    const [type, name] = from.split("/");
    if (resolveType(ctx, type)?.resource === "cronjobs" && name) fromCronJob = ctx.cluster.get("cronjobs", name, ctx.namespace);
  }
  return emit(ctx, p, generateJob(p.args[0], { image: p.flags.image as string | undefined, from, fromCronJob, command: p.dashArgs.length ? p.dashArgs : undefined, namespace: nsFlag(ctx) }));
}

export function runCreateCronJob(ctx: CommandContext, p: ParsedArgs): number {
  return emit(
    ctx,
    p,
    generateCronJob(p.args[0], {
      image: p.flags.image as string | undefined,
      schedule: p.flags.schedule as string | undefined,
      restart: p.flags.restart as string | undefined,
      command: p.dashArgs.length ? p.dashArgs : undefined,
      namespace: nsFlag(ctx),
    }),
  );
}

export function runCreateNamespace(ctx: CommandContext, p: ParsedArgs): number {
  return emit(ctx, p, generateNamespace(p.args[0]));
}

export function runCreateRole(kind: "role" | "clusterrole") {
  return (ctx: CommandContext, p: ParsedArgs): number => {
    const flags = {
      verb: p.flags.verb as string[] | undefined,
      resource: p.flags.resource as string[] | undefined,
      resourceName: p.flags["resource-name"] as string[] | undefined,
      nonResourceURL: p.flags["non-resource-url"] as string[] | undefined,
      aggregationRule: p.flags["aggregation-rule"] as string | undefined,
      namespace: nsFlag(ctx),
    };
    const r = kind === "role" ? generateRole(p.args[0], flags) : generateClusterRole(p.args[0], flags);
    for (const w of r.warnings ?? []) ctx.err(w);
    return emit(ctx, p, r);
  };
}

export function runCreateRoleBinding(kind: "rolebinding" | "clusterrolebinding") {
  return (ctx: CommandContext, p: ParsedArgs): number => {
    const flags = {
      role: p.flags.role as string | undefined,
      clusterrole: p.flags.clusterrole as string | undefined,
      user: p.flags.user as string[] | undefined,
      group: p.flags.group as string[] | undefined,
      serviceaccount: p.flags.serviceaccount as string[] | undefined,
      namespace: nsFlag(ctx),
    };
    return emit(ctx, p, kind === "rolebinding" ? generateRoleBinding(p.args[0], flags) : generateClusterRoleBinding(p.args[0], flags));
  };
}

export function runCreateQuota(ctx: CommandContext, p: ParsedArgs): number {
  return emit(ctx, p, generateQuota(p.args[0], { hard: p.flags.hard as string | undefined, scopes: p.flags.scopes as string | undefined, namespace: nsFlag(ctx) }));
}

export function runCreatePriorityClass(ctx: CommandContext, p: ParsedArgs): number {
  return emit(
    ctx,
    p,
    generatePriorityClass(p.args[0], {
      value: p.flags.value as number | undefined,
      globalDefault: Boolean(p.flags["global-default"]),
      description: p.flags.description as string | undefined,
      preemptionPolicy: p.flags["preemption-policy"] as string | undefined,
    }),
  );
}

export function runCreatePdb(ctx: CommandContext, p: ParsedArgs): number {
  return emit(
    ctx,
    p,
    generatePodDisruptionBudget(p.args[0], {
      selector: p.flags.selector as string | undefined,
      minAvailable: p.flags["min-available"] as string | undefined,
      maxUnavailable: p.flags["max-unavailable"] as string | undefined,
      namespace: nsFlag(ctx),
    }),
  );
}

export function runCreateServiceAccount(ctx: CommandContext, p: ParsedArgs): number {
  return emit(ctx, p, generateServiceAccount(p.args[0], { namespace: nsFlag(ctx) }));
}

export function runCreateIngress(ctx: CommandContext, p: ParsedArgs): number {
  return emit(
    ctx,
    p,
    generateIngress(p.args[0], {
      rule: p.flags.rule as string[] | undefined,
      class: p.flags.class as string | undefined,
      defaultBackend: p.flags["default-backend"] as string | undefined,
      annotation: p.flags.annotation as string[] | undefined,
      namespace: nsFlag(ctx),
    }),
  );
}

export function runExpose(ctx: CommandContext, p: ParsedArgs): number {
  if (!p.args.length) {
    ctx.err(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    return 1;
  }
  const parsed = parseResourceArgs(ctx, p.args);
  if (!parsed.ok) {
    ctx.err(parsed.error);
    return 1;
  }
  const req = parsed.requests[0];
  const name = req?.names[0];
  if (!req || !name) {
    ctx.err("error: resource(s) were provided, but no name was specified\n");
    return 1;
  }
  const target = ctx.cluster.get(req.info.resource, name, ctx.namespace);
  if (!target) {
    ctx.err(formatStatus(notFound(req.info.resource, name, req.info.group)));
    return 1;
  }
  return emit(
    ctx,
    p,
    generateExpose(target, {
      port: p.flags.port as string | undefined,
      targetPort: p.flags["target-port"] as string | undefined,
      protocol: p.flags.protocol as string | undefined,
      type: p.flags.type as string | undefined,
      name: p.flags.name as string | undefined,
      selector: p.flags.selector as string | undefined,
      labels: p.flags.labels as string | undefined,
      externalIp: p.flags["external-ip"] as string | undefined,
      loadBalancerIp: p.flags["load-balancer-ip"] as string | undefined,
      sessionAffinity: p.flags["session-affinity"] as string | undefined,
      clusterIp: p.flags["cluster-ip"] as string | undefined,
      namespace: nsFlag(ctx),
    }),
    "exposed",
  );
}

export function runDescribe(ctx: CommandContext, p: ParsedArgs): number {
  if (!p.args.length && !((p.flags.filename as string[] | undefined) ?? []).length) {
    ctx.err(`error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n`);
    return 1;
  }
  const parsed = parseResourceArgs(ctx, p.args);
  if (!parsed.ok) {
    ctx.err(parsed.error);
    return 1;
  }
  const allNamespaces = Boolean(p.flags["all-namespaces"]);
  const reader = {
    get: (resource: string, namespace: string | undefined, name: string) => ctx.cluster.get(resource, name, namespace),
    list: (resource: string, namespace?: string) => {
      const r = ctx.cluster.list(resource, { namespace, allNamespaces: namespace === undefined });
      return r.ok ? r.items : [];
    },
  };
  const texts: string[] = [];
  let exit = 0;
  for (const r of parsed.requests) {
    const ns = r.info.namespaced ? ctx.namespace : undefined;
    let objects: KubeObject[] = [];
    if (r.names.length) {
      for (const name of r.names) {
        const exact = ctx.cluster.get(r.info.resource, name, ns);
        if (exact) {
          objects.push(exact);
          continue;
        }
        // kubectl describe falls back to a name-prefix match.
        const listed = ctx.cluster.list(r.info.resource, { namespace: ns });
        const prefixed = listed.ok ? listed.items.filter((o) => o.metadata.name!.startsWith(name)) : [];
        if (!prefixed.length) {
          ctx.err(formatStatus(notFound(r.info.resource, name, r.info.group)));
          exit = 1;
        }
        objects.push(...prefixed);
      }
    } else {
      const listed = ctx.cluster.list(r.info.resource, {
        namespace: ns,
        allNamespaces: allNamespaces || !r.info.namespaced,
        labelSelector: p.flags.selector as string | undefined,
      });
      if (!listed.ok) {
        ctx.err(formatSimError(listed.error));
        return 1;
      }
      objects = listed.items;
      if (!objects.length) ctx.err(r.info.namespaced && !allNamespaces ? `No resources found in ${ctx.namespace} namespace.\n` : "No resources found\n");
    }
    for (const o of objects) texts.push(describe(r.info.resource, o, reader, { now: ctx.cluster.now(), showEvents: p.flags["show-events"] !== false }));
  }
  if (texts.length) ctx.out(texts.join("\n\n"));
  return exit;
}

// Informational and kubeconfig commands: version, api-resources, api-versions, cluster-info, config.
import type { CommandContext } from "../session";
import type { ParsedArgs } from "../cli/flags";
import { KUBERNETES_VERSION } from "../../core/bootstrap";
import { alignTabbed } from "../format/tabwriter";
import { toYaml } from "../format/yaml";
import { toJson } from "../format/json";
import { allResources } from "./util";

const CLIENT_VERSION = "v1.32.0";

function versionInfo(git: string) {
  return {
    buildDate: "2024-12-11T18:04:20Z",
    compiler: "gc",
    gitCommit: "70d3cc986aa8221cd1dfb1121852688902d3bf53",
    gitTreeState: "clean",
    gitVersion: git,
    goVersion: "go1.23.3",
    major: "1",
    minor: "32",
    platform: "linux/amd64",
  };
}

export function runVersion(ctx: CommandContext, p: ParsedArgs): number {
  const client = Boolean(p.flags.client);
  const output = p.flags.output as string | undefined;
  if (output === "yaml" || output === "json") {
    const doc: Record<string, unknown> = { clientVersion: versionInfo(CLIENT_VERSION), kustomizeVersion: "v5.5.0" };
    if (!client) doc.serverVersion = versionInfo(KUBERNETES_VERSION);
    ctx.out(output === "yaml" ? toYaml(doc) : toJson(doc));
    return 0;
  }
  if (output) {
    ctx.err(`error: --output must be 'yaml' or 'json'\n`);
    return 1;
  }
  ctx.out(`Client Version: ${CLIENT_VERSION}\nKustomize Version: v5.5.0\n`);
  if (!client) ctx.out(`Server Version: ${KUBERNETES_VERSION}\n`);
  return 0;
}

const VERBS: Record<string, string> = {
  default: "create,delete,deletecollection,get,list,patch,update,watch",
};

export function runApiResources(ctx: CommandContext, p: ParsedArgs): number {
  const namespacedFlag = p.changed.has("namespaced") ? Boolean(p.flags.namespaced) : undefined;
  const group = p.flags["api-group"] as string | undefined;
  const wide = p.flags.output === "wide";
  const nameOnly = p.flags.output === "name";
  const rows = allResources(ctx)
    .filter((r) => namespacedFlag === undefined || r.namespaced === namespacedFlag)
    .filter((r) => group === undefined || r.group === group)
    .sort((a, b) => (a.group === b.group ? (a.resource < b.resource ? -1 : 1) : a.group < b.group ? -1 : 1));
  if (nameOnly) {
    ctx.out(rows.map((r) => `${r.resource}${r.group ? `.${r.group}` : ""}\n`).join(""));
    return 0;
  }
  const header = ["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND", ...(wide ? ["VERBS", "CATEGORIES"] : [])];
  const lines = [header.join("\t")];
  for (const r of rows) {
    const cells = [r.resource, r.shortNames.join(","), r.group ? `${r.group}/${r.version}` : r.version, String(r.namespaced), r.kind];
    if (wide) cells.push(`[${(VERBS[r.resource] ?? VERBS.default).split(",").join(" ")}]`, "");
    lines.push(cells.join("\t"));
  }
  if (p.flags["no-headers"]) lines.shift();
  ctx.out(alignTabbed(lines));
  return 0;
}

export function runApiVersions(ctx: CommandContext): number {
  const versions = new Set(allResources(ctx).map((r) => (r.group ? `${r.group}/${r.version}` : r.version)));
  ctx.out([...versions].sort().map((v) => `${v}\n`).join(""));
  return 0;
}

export function runClusterInfo(ctx: CommandContext): number {
  const cp = ctx.cluster.get("endpoints", "kubernetes", "default") as { subsets?: { addresses?: { ip: string }[] }[] } | undefined;
  const ip = cp?.subsets?.[0]?.addresses?.[0]?.ip ?? "172.30.1.2";
  ctx.out(
    `\u001b[0;32mKubernetes control plane\u001b[0m is running at \u001b[0;33mhttps://${ip}:6443\u001b[0m\n\u001b[0;32mCoreDNS\u001b[0m is running at \u001b[0;33mhttps://${ip}:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\u001b[0m\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`,
  );
  return 0;
}

function kubeconfig(ctx: CommandContext) {
  const s = ctx.session;
  return {
    apiVersion: "v1",
    clusters: [...new Set([...s.contexts.values()].map((c) => c.clusterName ?? "kubernetes"))].map((name) => ({
      cluster: { "certificate-authority-data": "DATA+OMITTED", server: "https://172.30.1.2:6443" },
      name,
    })),
    contexts: [...s.contexts.entries()].map(([name, c]) => ({
      context: { cluster: c.clusterName ?? "kubernetes", ...(c.namespace ? { namespace: c.namespace } : {}), user: c.user ?? "kubernetes-admin" },
      name,
    })),
    "current-context": s.currentContext,
    kind: "Config",
    preferences: {},
    users: [...new Set([...s.contexts.values()].map((c) => c.user ?? "kubernetes-admin"))].map((name) => ({
      name,
      user: { "client-certificate-data": "DATA+OMITTED", "client-key-data": "DATA+OMITTED" },
    })),
  };
}

export function runConfigView(ctx: CommandContext, p: ParsedArgs): number {
  const cfg = kubeconfig(ctx);
  if (p.flags.minify) {
    cfg.contexts = cfg.contexts.filter((c) => c.name === ctx.session.currentContext);
  }
  const output = (p.flags.output as string | undefined) ?? "yaml";
  ctx.out(output === "json" ? toJson(cfg) : toYaml(cfg));
  return 0;
}

export function runConfigCurrentContext(ctx: CommandContext): number {
  ctx.out(`${ctx.session.currentContext}\n`);
  return 0;
}

export function runConfigGetContexts(ctx: CommandContext, p: ParsedArgs): number {
  const s = ctx.session;
  if (p.flags.output === "name") {
    ctx.out([...s.contexts.keys()].map((k) => `${k}\n`).join(""));
    return 0;
  }
  const lines = ["CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE"];
  for (const [name, c] of s.contexts) {
    if (p.args.length && !p.args.includes(name)) continue;
    lines.push([name === s.currentContext ? "*" : "", name, c.clusterName ?? "kubernetes", c.user ?? "kubernetes-admin", c.namespace ?? ""].join("\t"));
  }
  ctx.out(alignTabbed(lines));
  return 0;
}

export function runConfigUseContext(ctx: CommandContext, p: ParsedArgs): number {
  const name = p.args[0];
  if (!name) {
    ctx.err("error: Unexpected args: []\n");
    return 1;
  }
  if (!ctx.session.contexts.has(name)) {
    ctx.err(`error: no context exists with the name: "${name}"\n`);
    return 1;
  }
  ctx.session.currentContext = name;
  ctx.out(`Switched to context "${name}".\n`);
  return 0;
}

export function runConfigSetContext(ctx: CommandContext, p: ParsedArgs): number {
  const s = ctx.session;
  const name = p.flags.current ? s.currentContext : p.args[0];
  if (!name) {
    ctx.err("error: you must specify a non-empty context name or --current\n");
    return 1;
  }
  const existing = s.contexts.get(name);
  if (!existing) {
    ctx.err(`error: cannot create a new context "${name}" in the simulated cluster; use one of: ${[...s.contexts.keys()].join(", ")}\n`);
    return 1;
  }
  if (p.changed.has("namespace")) existing.namespace = String(p.flags.namespace);
  ctx.out(`Context "${name}" modified.\n`);
  return 0;
}

// Shared pieces of kubectl commands: resource-type resolution, object naming, manifest reading and
// kubectl's error rendering (cmdutil.CheckErr / StandardErrorMessage / AddSourceToErr).
import yaml from "js-yaml";
import type { ApiStatus, KubeObject } from "../../core/types";
import type { ResourceInfo } from "../../core/machinery";
import type { SimError } from "../../cluster";
import type { CommandContext } from "../session";

export type ResolvedType = { info: ResourceInfo };

export function allResources(ctx: CommandContext): ResourceInfo[] {
  return ctx.cluster.engine.api.machinery.listResources();
}

/** Resolves `po`, `pods`, `pod`, `Pod`, `deployments.apps`, `deploy.v1.apps` to a served resource. */
export function resolveType(ctx: CommandContext, arg: string): ResourceInfo | undefined {
  const lower = arg.toLowerCase();
  const [head, ...groupParts] = lower.split(".");
  const group = groupParts.length ? groupParts.join(".") : undefined;
  const candidates = allResources(ctx).filter((r) => {
    if (group !== undefined) {
      const g = group.replace(/^v\d+[a-z0-9]*\./, "");
      if (r.group !== g && `${r.version}.${r.group}` !== group) return false;
    }
    return r.resource === head || r.singular === head || r.kind.toLowerCase() === head || r.shortNames.includes(head);
  });
  // Prefer the core group for ambiguous names, as kubectl's RESTMapper priority does.
  return candidates.sort((a, b) => (a.group === "" ? -1 : 0) - (b.group === "" ? -1 : 0))[0];
}

export function unknownType(arg: string): string {
  return `error: the server doesn't have a resource type "${arg}"\n`;
}

/** `pod/web`, `deployment.apps/web` — kubectl's -o name and action lines. */
export function kindName(info: ResourceInfo, name: string): string {
  return `${info.kind.toLowerCase()}${info.group ? `.${info.group}` : ""}/${name}`;
}

/** `pods "web"`, `deployments.apps "web"` — the delete line's prefix. */
export function resourceName(info: ResourceInfo, name: string): string {
  return `${info.kind.toLowerCase()}${info.group ? `.${info.group}` : ""} "${name}"`;
}

/** Renders an API error the way kubectl prints it (stderr text, ending in a newline). */
export function formatStatus(status: ApiStatus, source?: { verb: string; file: string }): string {
  if (status.reason === "Invalid" && status.details && (status.details.kind || status.details.name)) {
    const head = `The ${status.details.kind ?? ""} "${status.details.name ?? ""}" is invalid`;
    const causes = status.details.causes ?? [];
    if (causes.length === 1) return `${head}: ${causeText(causes[0])}\n`;
    if (causes.length > 1) return `${head}: \n${causes.map((c) => `* ${causeText(c)}`).join("\n")}\n`;
  }
  const message = source ? `error when ${source.verb} "${source.file}": ${status.message}` : status.message;
  if (status.reason === "Unauthorized") return `error: You must be logged in to the server (${message})\n`;
  return status.reason ? `Error from server (${status.reason}): ${message}\n` : `Error from server: ${message}\n`;
}

function causeText(c: { field?: string; message?: string }): string {
  return c.field ? `${c.field}: ${c.message ?? ""}` : c.message ?? "";
}

export function formatSimError(error: SimError, source?: { verb: string; file: string }): string {
  switch (error.kind) {
    case "status":
      return formatStatus(error.status, source);
    case "parse":
      return `error: ${error.message}\n`;
    case "limit":
      return `error: the simulated cluster stopped: ${error.message}\n`;
    case "unavailable":
    case "internal":
      return `error: ${error.message}\n`;
  }
}

export type ManifestDoc = { object: KubeObject; source: string };

/** Reads `-f` arguments (files, directories with -R, `-`) into documents; errors in kubectl's words. */
export function readManifests(
  ctx: CommandContext,
  filenames: string[],
  recursive: boolean,
): { ok: true; docs: ManifestDoc[] } | { ok: false; error: string } {
  const docs: ManifestDoc[] = [];
  for (const f of filenames) {
    if (/^https?:\/\//.test(f)) return { ok: false, error: `error: unable to read URL "${f}", server reported 404 Not Found, status code=404\n` };
    let sources: { name: string; text: string }[] = [];
    if (f === "-") {
      sources = [{ name: "STDIN", text: ctx.stdin ?? "" }];
    } else {
      const entries = ctx.files.list?.(f);
      if (entries) {
        const files = expandDir(ctx, f, entries, recursive);
        sources = files.map((p) => ({ name: p, text: ctx.files.read(p) ?? "" }));
      } else {
        const text = ctx.files.read(f);
        if (text === undefined) return { ok: false, error: `error: the path "${f}" does not exist\n` };
        sources = [{ name: f, text }];
      }
    }
    for (const s of sources) {
      const parsed = parseManifestText(s.text, s.name);
      if (!parsed.ok) return parsed;
      docs.push(...parsed.docs);
    }
  }
  return { ok: true, docs };
}

function expandDir(ctx: CommandContext, dir: string, entries: string[], recursive: boolean): string[] {
  const out: string[] = [];
  for (const e of [...entries].sort()) {
    const sub = ctx.files.list?.(e);
    if (sub) {
      if (recursive) out.push(...expandDir(ctx, e, sub, recursive));
      continue;
    }
    if (/\.(ya?ml|json)$/.test(e)) out.push(e);
  }
  return out;
}

export function parseManifestText(text: string, source: string): { ok: true; docs: ManifestDoc[] } | { ok: false; error: string } {
  let raw: unknown[];
  try {
    raw = yaml.loadAll(text, undefined, { schema: yaml.CORE_SCHEMA });
  } catch (e) {
    const err = e as { mark?: { line: number }; reason?: string; message: string };
    const line = err.mark ? err.mark.line + 1 : 0;
    const reason = err.reason ?? err.message;
    if (/duplicated mapping key/.test(reason)) {
      return { ok: false, error: `error: error parsing ${source}: error converting YAML to JSON: yaml: unmarshal errors:\n  line ${line}: mapping key already defined\n` };
    }
    return { ok: false, error: `error: error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${reason}\n` };
  }
  const docs: ManifestDoc[] = [];
  for (const d of raw) {
    if (d == null) continue;
    if (typeof d !== "object" || Array.isArray(d)) {
      return { ok: false, error: `error: error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false\n` };
    }
    const o = d as KubeObject;
    const missing = [o.apiVersion ? "" : "apiVersion not set", o.kind ? "" : "kind not set"].filter(Boolean);
    if (missing.length) {
      const listed = missing.length === 1 ? missing[0] : `[${missing.join(", ")}]`;
      return { ok: false, error: `error: error validating "${source}": error validating data: ${listed}; if you choose to ignore these errors, turn validation off with --validate=false\n` };
    }
    if (o.kind === "List" && Array.isArray((o as { items?: unknown }).items)) {
      for (const item of (o as unknown as { items: KubeObject[] }).items) docs.push({ object: item, source });
    } else docs.push({ object: o, source });
  }
  return { ok: true, docs };
}

export function noKindMatchError(doc: ManifestDoc, namespace: string): string {
  const o = doc.object;
  return `error: resource mapping not found for name: "${o.metadata?.name ?? ""}" namespace: "${o.metadata?.namespace ?? ""}" from "${doc.source}": no matches for kind "${o.kind}" in version "${o.apiVersion}"\nensure CRDs are installed first\n`;
  void namespace;
}

export function dryRunSuffix(mode: string | undefined): string {
  return mode === "client" ? " (dry run)" : mode === "server" ? " (server dry run)" : "";
}

/** Validates --dry-run's value as kubectl does. */
export function dryRunMode(value: unknown): { ok: true; mode: "none" | "client" | "server" } | { ok: false; error: string } {
  const v = value === undefined || value === "" ? "none" : String(value);
  if (v === "none" || v === "client" || v === "server") return { ok: true, mode: v };
  if (v === "true") return { ok: true, mode: "client" };
  if (v === "false") return { ok: true, mode: "none" };
  return { ok: false, error: `error: Invalid dry-run value (${v}). Must be "none", "server", or "client".\n` };
}

/** --record (deprecated, still honoured in v1.32): the command line becomes kubernetes.io/change-cause. */
export function withRecord(ctx: CommandContext, record: unknown, obj: KubeObject): KubeObject {
  if (!record) return obj;
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata?.annotations ?? {}), "kubernetes.io/change-cause": ctx.changeCause } } };
}

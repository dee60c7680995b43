// kubectl apply -f / create -f / replace -f: per document, in file order; action lines on stdout,
// errors (with the file they came from) on stderr; exit 1 when any document failed.
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go and create/create.go for -f.
import type { CommandContext } from "../session";
import type { ParsedArgs } from "../cli/flags";
import { dryRunMode, dryRunSuffix, formatSimError, kindName, noKindMatchError, readManifests, withRecord, type ManifestDoc } from "./util";
import { parseOutput } from "./output";
import { printObjects } from "../printers";
import type { KubeObject } from "../../core/types";

export type WriteMode = "apply" | "create" | "replace";

const VERB: Record<WriteMode, string> = { apply: "creating", create: "creating", replace: "replacing" };

export function runManifestWrite(ctx: CommandContext, p: ParsedArgs, mode: WriteMode): number {
  const filenames = (p.flags.filename as string[] | undefined) ?? [];
  if (!filenames.length) {
    if (mode === "apply") ctx.err("error: must specify one of -f and -k\n");
    else ctx.err(`error: must specify one of -f and -k\n`);
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
  const read = readManifests(ctx, filenames, Boolean(p.flags.recursive));
  if (!read.ok) {
    ctx.err(read.error);
    return 1;
  }
  if (!read.docs.length) {
    ctx.err("error: no objects passed to " + (mode === "apply" ? "apply" : mode) + "\n");
    return 1;
  }
  const docs = read.docs.map((d) => ({ ...d, object: withRecord(ctx, p.flags.record, d.object) }));
  return writeDocs(ctx, docs, mode, dry.mode, out.ok && out.output.kind === "structured" ? out.output : undefined, Boolean(p.flags.force));
}

export function writeDocs(
  ctx: CommandContext,
  docs: ManifestDoc[],
  mode: WriteMode,
  dry: "none" | "client" | "server",
  structured?: { kind: "structured"; format: import("../printers").OutputFormat },
  force = false,
): number {
  let exit = 0;
  const errors: string[] = [];
  const printed: KubeObject[] = [];
  for (const doc of docs) {
    const api = ctx.cluster.engine.api;
    const info = api.infoFor(doc.object);
    if (!info) {
      errors.push(noKindMatchError(doc, ctx.namespace));
      exit = 1;
      continue;
    }
    const objNs = doc.object.metadata?.namespace;
    if (info.namespaced && objNs && ctx.explicitNamespace && objNs !== ctx.namespace) {
      errors.push(`error: the namespace from the provided object "${objNs}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${objNs}' to perform this operation.\n`);
      exit = 1;
      continue;
    }
    const name = doc.object.metadata?.name;
    if (dry === "client") {
      printed.push(doc.object);
      if (!structured) ctx.out(`${kindName(info, name ?? "")} ${mode === "replace" ? "replaced" : mode === "apply" && ctx.cluster.get(info.resource, name ?? "", objNs ?? ctx.namespace) ? "configured" : "created"}${dryRunSuffix(dry)}\n`);
      continue;
    }
    if (mode === "replace" && force && name) {
      const live = ctx.cluster.get(info.resource, name, objNs ?? ctx.namespace);
      if (live) {
        ctx.cluster.delete(info.resource, name, { namespace: objNs ?? ctx.namespace, gracePeriodSeconds: 0 });
        ctx.out(`${kindName(info, name)} deleted\n`);
      }
      const [r] = ctx.cluster.create([doc.object], { namespace: ctx.namespace });
      if (!r.ok) {
        errors.push(formatSimError(r.error, { verb: "creating", file: doc.source }));
        exit = 1;
      } else ctx.out(`${kindName(info, r.object.metadata.name!)} replaced\n`);
      continue;
    }
    const [r] =
      mode === "apply"
        ? ctx.cluster.apply([doc.object], { namespace: ctx.namespace, dryRun: dry === "server" })
        : mode === "create"
          ? ctx.cluster.create([doc.object], { namespace: ctx.namespace, dryRun: dry === "server" })
          : ctx.cluster.replace([doc.object], { namespace: ctx.namespace, dryRun: dry === "server" });
    if (!r.ok) {
      const live = name ? ctx.cluster.get(info.resource, name, objNs ?? ctx.namespace) : undefined;
      const verb = mode === "replace" ? "replacing" : mode === "apply" && live ? "patching" : VERB[mode];
      if (r.error.kind === "status" && r.error.status.reason === "NotFound" && mode === "replace") {
        errors.push(formatSimError(r.error, { verb: "replacing", file: doc.source }));
      } else errors.push(formatSimError(r.error, { verb, file: doc.source }));
      exit = 1;
      continue;
    }
    printed.push(r.object);
    if (!structured) ctx.out(`${kindName(info, r.object.metadata.name!)} ${r.action}${dryRunSuffix(dry)}\n`);
  }
  if (structured && printed.length) {
    const res = printObjects(printed, structured.format, { asList: printed.length !== 1 });
    if (res.ok) ctx.out(res.text);
    else {
      ctx.err(`error: ${res.error}\n`);
      exit = 1;
    }
  }
  for (const e of errors) ctx.err(e);
  return exit;
}

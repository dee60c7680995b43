// kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json] [--patch-file F].
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go.
import yaml from "js-yaml";
import type { CommandContext } from "../session";
import type { ParsedArgs } from "../cli/flags";
import type { KubeObject } from "../../core/types";
import { jsonMergePatch, jsonPatch, strategicMerge } from "../../apply/strategic-merge";
import { collectTargets } from "./edit-objects";
import { dryRunMode, dryRunSuffix, formatSimError, kindName, withRecord } from "./util";
import { parseOutput } from "./output";
import { printObjects } from "../printers";
import { statusError } from "../../core/types";

export function runPatch(ctx: CommandContext, p: ParsedArgs): number {
  const type = String(p.flags.type ?? "strategic");
  if (!["strategic", "merge", "json"].includes(type)) {
    ctx.err(`error: --type must be one of [json merge strategic], not "${type}"\n`);
    return 1;
  }
  let text = p.flags.patch as string | undefined;
  const file = p.flags["patch-file"] as string | undefined;
  if (file) {
    text = ctx.files.read(file);
    if (text === undefined) {
      ctx.err(`error: unable to read patch file: open ${file}: no such file or directory\n`);
      return 1;
    }
  }
  if (!text) {
    ctx.err("error: must specify --patch or --patch-file containing the contents of the patch\n");
    return 1;
  }
  let patch: unknown;
  try {
    patch = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (e) {
    ctx.err(`error: unable to parse "${text}": yaml: ${(e as { reason?: string }).reason ?? (e as Error).message}\n`);
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
  const out = parseOutput(p.flags.output);
  let exit = 0;
  for (const { info, obj } of found.targets) {
    let next: unknown;
    if (type === "json") {
      const r = jsonPatch(obj, patch);
      if (!r.ok) {
        ctx.err(formatSimError({ kind: "status", status: statusError(422, "Invalid", r.error) }));
        exit = 1;
        continue;
      }
      next = r.value;
    } else if (type === "merge") next = jsonMergePatch(obj, patch);
    else next = strategicMerge(obj, patch, info.kind);
    const unchanged = JSON.stringify(next) === JSON.stringify(obj);
    let result = next as KubeObject;
    if (!unchanged && dry.mode === "none") {
      const r = ctx.cluster.update(withRecord(ctx, p.flags.record, { ...(next as KubeObject), metadata: { ...(next as KubeObject).metadata, resourceVersion: undefined } }));
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
    } else ctx.out(`${kindName(info, obj.metadata.name!)} patched${unchanged ? " (no change)" : ""}${dryRunSuffix(dry.mode)}\n`);
  }
  return exit;
}

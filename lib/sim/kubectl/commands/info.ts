// explain, wait, edit and events.
import type { CommandContext } from "../session";
import type { ParsedArgs } from "../cli/flags";
import { parseDuration } from "../cli/flags";
import { explain } from "../../api";
import { evaluateJsonPath } from "../format/jsonpath";
import { printTable } from "../printers";
import type { KubeObject } from "../../core/types";
import { collectTargets } from "./edit-objects";
import { kindName, resolveType } from "./util";

export function runExplain(ctx: CommandContext, p: ParsedArgs): number {
  if (!p.args.length) {
    ctx.err(`error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n`);
    return 1;
  }
  if (p.args.length > 1) {
    ctx.err(`error: We accept only this format: explain RESOURCE\nSee 'kubectl explain -h' for help and examples\n`);
    return 1;
  }
  const r = explain(p.args[0], [], { recursive: Boolean(p.flags.recursive), apiVersion: p.flags["api-version"] as string | undefined });
  if (!r.ok) {
    ctx.err(r.error.endsWith("\n") ? r.error : `${r.error}\n`);
    return 1;
  }
  ctx.out(r.text);
  return 0;
}

type Condition = { kind: "condition"; type: string; value: string } | { kind: "delete" } | { kind: "jsonpath"; path: string; value?: string } | { kind: "create" };

function parseFor(value: string): Condition | { error: string } {
  if (value === "delete") return { kind: "delete" };
  if (value === "create") return { kind: "create" };
  if (value.startsWith("condition=")) {
    const body = value.slice("condition=".length);
    const eq = body.indexOf("=");
    return eq >= 0 ? { kind: "condition", type: body.slice(0, eq), value: body.slice(eq + 1) } : { kind: "condition", type: body, value: "true" };
  }
  if (value.startsWith("jsonpath=")) {
    const body = value.slice("jsonpath=".length);
    const m = /^(\{.*\}|[^=]+)(?:=(.*))?$/.exec(body);
    if (!m) return { error: `error: unrecognized condition: "${value}"` };
    const path = m[1].startsWith("{") ? m[1] : `{${m[1]}}`;
    return { kind: "jsonpath", path, value: m[2] };
  }
  return { error: `error: unrecognized condition: "${value}"` };
}

function conditionMet(obj: KubeObject | undefined, cond: Condition): boolean {
  if (cond.kind === "delete") return !obj;
  if (!obj) return false;
  if (cond.kind === "create") return true;
  if (cond.kind === "condition") {
    const conditions = ((obj as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions ?? []);
    return conditions.some((c) => c.type.toLowerCase() === cond.type.toLowerCase() && c.status.toLowerCase() === cond.value.toLowerCase());
  }
  const r = evaluateJsonPath(cond.path, JSON.parse(JSON.stringify(obj)));
  if (!r.ok) return false;
  return cond.value === undefined ? r.text !== "" : r.text === cond.value;
}

/** kubectl wait: advances virtual time until every object meets the condition or --timeout passes. */
export function runWait(ctx: CommandContext, p: ParsedArgs): number {
  const forFlag = p.flags.for as string | undefined;
  if (!forFlag) {
    // conditionFuncFor("") in wait.go.
    ctx.err('error: unrecognized condition: ""\n');
    return 1;
  }
  const cond = parseFor(forFlag);
  if ("error" in cond) {
    ctx.err(`${cond.error}\n`);
    return 1;
  }
  const timeoutMs = parseDuration(String(p.flags.timeout ?? "30s")) ?? 30000;
  const found = collectTargets(ctx, p, p.args);
  if (!found.ok) {
    if (cond.kind === "delete" && /NotFound/.test(found.error)) return 0;
    ctx.err(found.error);
    return 1;
  }
  if (!found.targets.length) {
    ctx.err("error: no matching resources found\n");
    return 1;
  }
  let exit = 0;
  let waitedMs = 0;
  for (const { info, obj } of found.targets) {
    const current = () => {
      const live = ctx.cluster.get(info.resource, obj.metadata.name!, obj.metadata.namespace);
      return live && live.metadata.uid === obj.metadata.uid ? live : undefined;
    };
    while (!conditionMet(current(), cond) && waitedMs < timeoutMs) {
      ctx.session.advance(1);
      waitedMs += 1000;
    }
    if (conditionMet(current(), cond)) ctx.out(`${kindName(info, obj.metadata.name!)} condition met\n`);
    else {
      ctx.err(`error: timed out waiting for the condition on ${info.resource}${info.group ? `.${info.group}` : ""}/${obj.metadata.name}\n`);
      exit = 1;
    }
  }
  return exit;
}

export function runEdit(ctx: CommandContext, p: ParsedArgs): number {
  if (!p.args.length && !((p.flags.filename as string[] | undefined) ?? []).length) {
    ctx.err("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
    return 1;
  }
  const target = p.args.join(" ") || "<resource> <name>";
  const first = p.args[0]?.split("/")[0];
  const info = first ? resolveType(ctx, first) : undefined;
  const getArgs = p.args.length ? p.args.join(" ") : "TYPE NAME";
  ctx.err(
    `error: kubectl edit opens an interactive editor, which this terminal does not have.\n` +
      `To change ${info ? `the ${info.kind}` : target}: print it with "kubectl get ${getArgs} -o yaml", change the manifest, and apply it with "kubectl apply -f <file>" ` +
      `(or "kubectl replace --force -f <file>" for fields that cannot be changed in place). In the web terminal, "kubectl edit" opens the object in the YAML editor.\n`,
  );
  return 1;
}

/** kubectl events (v1.32): events sorted by last seen time, optionally --for an object and --types. */
export function runEvents(ctx: CommandContext, p: ParsedArgs): number {
  const allNamespaces = Boolean(p.flags["all-namespaces"]);
  let items = ctx.cluster.events(allNamespaces ? {} : { namespace: ctx.namespace });
  const forFlag = p.flags.for as string | undefined;
  if (forFlag) {
    const [type, name] = forFlag.split("/");
    const info = resolveType(ctx, type);
    if (!name) {
      ctx.err("error: --for must be in resource/name form\n");
      return 1;
    }
    if (!info) {
      ctx.err(`error: the server doesn't have a resource type "${type}"\n`);
      return 1;
    }
    items = items.filter((e) => {
      const io = e.involvedObject as { kind?: string; name?: string };
      return io.kind === info.kind && io.name === name;
    });
  }
  const types = ((p.flags.types as string[] | undefined) ?? []).map((t) => t.toLowerCase());
  if (types.length) items = items.filter((e) => types.includes(String(e.type).toLowerCase()));
  if (!items.length) {
    ctx.err(allNamespaces ? "No events found.\n" : `No events found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  ctx.out(printTable("events", items, { now: ctx.cluster.now(), allNamespaces, noHeaders: Boolean(p.flags["no-headers"]) }));
  return 0;
}

// kubectl delete: by TYPE NAME…, TYPE/NAME, -f, -l, --all; --grace-period, --force, --now, --cascade,
// --wait (default true: the command returns once the objects are gone, advancing virtual time).
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go.
import type { CommandContext } from "../session";
import type { ParsedArgs } from "../cli/flags";
import type { ResourceInfo } from "../../core/machinery";
import { notFound } from "../../core/types";
import { parseResourceArgs } from "./get";
import { dryRunMode, dryRunSuffix, formatSimError, formatStatus, readManifests, resourceName } from "./util";
import { parseDuration } from "../cli/flags";

type Target = { info: ResourceInfo; namespace?: string; name: string; uid?: string };

export function runDelete(ctx: CommandContext, p: ParsedArgs): number {
  const f = p.flags;
  const dry = dryRunMode(f["dry-run"]);
  if (!dry.ok) {
    ctx.err(dry.error);
    return 1;
  }
  const filenames = (f.filename as string[] | undefined) ?? [];
  const all = Boolean(f.all);
  const selector = f.selector as string | undefined;
  const allNamespaces = Boolean(f["all-namespaces"]);
  const targets: Target[] = [];
  const errors: string[] = [];
  if (filenames.length) {
    const read = readManifests(ctx, filenames, Boolean(f.recursive));
    if (!read.ok) {
      ctx.err(read.error);
      return 1;
    }
    for (const d of read.docs) {
      const info = ctx.cluster.engine.api.infoFor(d.object);
      if (!info) continue;
      targets.push({ info, namespace: info.namespaced ? d.object.metadata?.namespace ?? ctx.namespace : undefined, name: d.object.metadata?.name ?? "" });
    }
  } else {
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
    for (const r of parsed.requests) {
      if (r.names.length) {
        if (all || selector) {
          ctx.err("error: name cannot be provided when a selector is specified\n");
          return 1;
        }
        for (const name of r.names) targets.push({ info: r.info, namespace: r.info.namespaced ? ctx.namespace : undefined, name });
      } else {
        if (!all && !selector && !f["field-selector"]) {
          ctx.err(`error: resource(s) were provided, but no name was specified\n`);
          return 1;
        }
        const listed = ctx.cluster.list(r.info.resource, {
          namespace: ctx.namespace,
          allNamespaces: allNamespaces || !r.info.namespaced,
          labelSelector: selector,
          fieldSelector: f["field-selector"] as string | undefined,
        });
        if (!listed.ok) {
          ctx.err(formatSimError(listed.error));
          return 1;
        }
        for (const o of listed.items) targets.push({ info: r.info, namespace: o.metadata.namespace, name: o.metadata.name! });
        if (!listed.items.length) ctx.err(`No resources found${r.info.namespaced && !allNamespaces ? "" : ""}\n`);
      }
    }
  }

  let grace = f["grace-period"] as number | undefined;
  if (grace !== undefined && grace < 0) grace = undefined;
  if (f.now) grace = 1;
  const force = Boolean(f.force);
  if (force) {
    if (grace === undefined || grace === 0) {
      ctx.err("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n");
      grace = 0;
    }
  } else if (grace === 0) {
    // kubectl: --grace-period=0 without --force means 1 second.
    grace = 1;
  }
  const cascade = String(f.cascade ?? "background");
  const propagation = cascade === "orphan" || cascade === "false" ? "Orphan" : cascade === "foreground" ? "Foreground" : "Background";
  if (!["background", "foreground", "orphan", "true", "false"].includes(cascade)) {
    ctx.err(`error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".\n`);
    return 1;
  }

  let exit = 0;
  const deleted: Target[] = [];
  for (const t of targets) {
    if (dry.mode !== "none") {
      if (!ctx.cluster.get(t.info.resource, t.name, t.namespace)) {
        errors.push(formatStatus(notFound(t.info.resource, t.name, t.info.group)));
        exit = 1;
        continue;
      }
      ctx.out(`${resourceName(t.info, t.name)} deleted${dryRunSuffix(dry.mode)}\n`);
      continue;
    }
    const r = ctx.cluster.delete(t.info.resource, t.name, {
      namespace: t.namespace,
      gracePeriodSeconds: grace,
      propagationPolicy: propagation,
    });
    if (!r.ok) {
      if (f["ignore-not-found"] && r.error.kind === "status" && r.error.status.reason === "NotFound") continue;
      errors.push(formatSimError(r.error));
      exit = 1;
      continue;
    }
    deleted.push({ ...t, uid: r.object.metadata.uid });
    ctx.out(`${resourceName(t.info, t.name)} ${grace === 0 ? "force deleted" : "deleted"}\n`);
  }
  for (const e of errors) ctx.err(e);

  // --wait (default): block until every deleted object is gone, as kubectl does, bounded by --timeout.
  if (f.wait !== false && deleted.length) {
    const timeoutMs = parseDuration(String(f.timeout ?? "0s")) || 7 * 24 * 3600 * 1000;
    const limit = Math.min(timeoutMs, 3600 * 1000);
    let waited = 0;
    // Waits on the uid: a StatefulSet recreating `web-0` under the same name counts as gone.
    const present = () => deleted.some((t) => ctx.cluster.get(t.info.resource, t.name, t.namespace)?.metadata.uid === t.uid);
    while (present() && waited < limit) {
      ctx.session.advance(1);
      waited += 1000;
    }
  }
  return exit;
}

// kubectl rollout status | history | undo | pause | resume | restart.
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/rollout and pkg/polymorphichelpers
// (rollout_status.go, history.go, rollback.go, objectpauser.go, objectrestarter.go).
import type { CommandContext } from "../session";
import type { ParsedArgs } from "../cli/flags";
import { parseDuration } from "../cli/flags";
import type { KubeObject } from "../../core/types";
import { clone } from "../../core/types";
import { formatTime } from "../../core/time";
import { rollbackDeployment, rolloutHistory } from "../../controllers/deployment/rollback";
import { collectTargets } from "./edit-objects";
import { dryRunMode, dryRunSuffix, formatSimError, kindName } from "./util";
import { alignTabbed } from "../format/tabwriter";
import { describePodTemplate } from "../describe/common";
import { PrefixWriter } from "../describe/writer";

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ROLLOUT_KINDS = new Set(["deployments", "daemonsets", "statefulsets"]);

/** rollout's subcommands check for a resource before anything else (polymorphichelpers' "required resource not specified"). */
function requiredResource(ctx: CommandContext): number {
  ctx.err("error: required resource not specified\n");
  return 1;
}

function unsupported(ctx: CommandContext, info: { resource: string; group: string; kind: string }, obj: KubeObject): number {
  ctx.err(`error: no ${"rollout"} handler for ${info.kind.toLowerCase()}${info.group ? `.${info.group}` : ""}/${obj.metadata.name}\n`);
  return 1;
}

/** DeploymentStatusViewer / DaemonSetStatusViewer / StatefulSetStatusViewer. */
export function rolloutStatusMessage(obj: KubeObject): { message: string; done: boolean; error?: string } {
  const o = obj as Obj;
  const name = o.metadata.name;
  const status = o.status ?? {};
  const generation = o.metadata.generation ?? 0;
  switch (o.kind) {
    case "Deployment": {
      if (generation <= (status.observedGeneration ?? 0)) {
        const progressing = (status.conditions ?? []).find((c: Obj) => c.type === "Progressing");
        if (progressing?.reason === "ProgressDeadlineExceeded") return { message: "", done: true, error: `deployment "${name}" exceeded its progress deadline` };
        const replicas = o.spec.replicas ?? 1;
        const updated = status.updatedReplicas ?? 0;
        if (updated < replicas) return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
        if ((status.replicas ?? 0) > updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${(status.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
        if ((status.availableReplicas ?? 0) < updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${status.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
        return { message: `deployment "${name}" successfully rolled out\n`, done: true };
      }
      return { message: "Waiting for deployment spec update to be observed...\n", done: false };
    }
    case "DaemonSet": {
      if (o.spec.updateStrategy?.type !== "RollingUpdate") return { message: "", done: true, error: "rollout status is only available for RollingUpdate strategy type" };
      if (generation <= (status.observedGeneration ?? 0)) {
        const desired = status.desiredNumberScheduled ?? 0;
        if ((status.updatedNumberScheduled ?? 0) < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${status.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
        if ((status.numberAvailable ?? 0) < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${status.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
        return { message: `daemon set "${name}" successfully rolled out\n`, done: true };
      }
      return { message: "Waiting for daemon set spec update to be observed...\n", done: false };
    }
    case "StatefulSet": {
      if (o.spec.updateStrategy?.type !== "RollingUpdate") return { message: "", done: true, error: "rollout status is only available for RollingUpdate strategy type" };
      if (!status.observedGeneration || generation > status.observedGeneration) return { message: "Waiting for statefulset spec update to be observed...\n", done: false };
      const replicas = o.spec.replicas ?? 1;
      if ((status.readyReplicas ?? 0) < replicas) return { message: `Waiting for ${replicas - (status.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
      const partition = o.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
      if (partition > 0) {
        if ((status.updatedReplicas ?? 0) < replicas - partition) {
          return { message: `Waiting for partitioned roll out to finish: ${status.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...\n`, done: false };
        }
        return { message: `partitioned roll out complete: ${status.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
      }
      if (status.updateRevision !== status.currentRevision) {
        return { message: `waiting for statefulset rolling update to complete ${status.updatedReplicas ?? 0} pods at revision ${status.updateRevision}...\n`, done: false };
      }
      return { message: `statefulset rolling update complete ${status.currentReplicas ?? 0} pods at revision ${status.currentRevision}...\n`, done: true };
    }
  }
  return { message: "", done: true, error: "no status viewer has been implemented" };
}

export function runRolloutStatus(ctx: CommandContext, p: ParsedArgs): number {
  if (!p.args.length && !((p.flags.filename as string[] | undefined) ?? []).length) return requiredResource(ctx);
  const found = collectTargets(ctx, p, p.args);
  if (!found.ok) {
    ctx.err(found.error);
    return 1;
  }
  const watch = p.flags.watch !== false;
  const timeoutMs = parseDuration(String(p.flags.timeout ?? "0s")) || 0;
  // kubectl waits forever without --timeout; the simulator bounds the wait at one virtual hour.
  const limitMs = timeoutMs || 3600 * 1000;
  for (const { info, obj } of found.targets) {
    if (!ROLLOUT_KINDS.has(info.resource)) return unsupported(ctx, info, obj);
    let last = "";
    let waited = 0;
    for (;;) {
      const live = ctx.cluster.get(info.resource, obj.metadata.name!, obj.metadata.namespace);
      if (!live) {
        ctx.err(`error: object has been deleted\n`);
        return 1;
      }
      const st = rolloutStatusMessage(live);
      if (st.error) {
        ctx.err(`error: ${st.error}\n`);
        return 1;
      }
      if (st.message !== last) ctx.out(st.message);
      last = st.message;
      if (st.done || !watch) break;
      if (waited >= limitMs) {
        ctx.err("error: timed out waiting for the condition\n");
        return 1;
      }
      ctx.session.advance(1);
      waited += 1000;
    }
  }
  return 0;
}

function replicaSetsFor(ctx: CommandContext, obj: KubeObject): KubeObject[] {
  const listed = ctx.cluster.list("replicasets", { namespace: obj.metadata.namespace });
  return listed.ok ? listed.items : [];
}

export function runRolloutHistory(ctx: CommandContext, p: ParsedArgs): number {
  if (!p.args.length && !((p.flags.filename as string[] | undefined) ?? []).length) return requiredResource(ctx);
  const found = collectTargets(ctx, p, p.args);
  if (!found.ok) {
    ctx.err(found.error);
    return 1;
  }
  const revisionFlag = (p.flags.revision as number | undefined) ?? 0;
  for (const { info, obj } of found.targets) {
    if (info.resource === "deployments") {
      const history = rolloutHistory(obj, replicaSetsFor(ctx, obj));
      if (revisionFlag > 0) {
        const entry = history.find((h) => h.revision === revisionFlag);
        if (!entry) {
          ctx.err(`error: unable to find the specified revision\n`);
          return 1;
        }
        const template = clone((entry.replicaSet as Obj).spec.template);
        const w = new PrefixWriter();
        describePodTemplate(template, w);
        ctx.out(`${kindName(info, obj.metadata.name!)} with revision #${revisionFlag}\n${w.toString()}\n`);
        continue;
      }
      const lines = ["REVISION\tCHANGE-CAUSE", ...history.map((h) => `${h.revision}\t${h.changeCause || "<none>"}`)];
      ctx.out(`${kindName(info, obj.metadata.name!)} \n${alignTabbed(lines, { minWidth: 0, padding: 2 })}\n`);
      continue;
    }
    if (info.resource === "statefulsets" || info.resource === "daemonsets") {
      const listed = ctx.cluster.list("controllerrevisions", { namespace: obj.metadata.namespace });
      const revisions = (listed.ok ? listed.items : [])
        .filter((r) => r.metadata.ownerReferences?.some((o) => o.uid === obj.metadata.uid))
        .map((r) => ({ revision: (r as Obj).revision as number, cause: r.metadata.annotations?.["kubernetes.io/change-cause"] }))
        .sort((a, b) => a.revision - b.revision);
      const lines = ["REVISION\tCHANGE-CAUSE", ...revisions.map((r) => `${r.revision}\t${r.cause || "<none>"}`)];
      ctx.out(`${kindName(info, obj.metadata.name!)} \n${alignTabbed(lines, { minWidth: 0, padding: 2 })}\n`);
      continue;
    }
    return unsupported(ctx, info, obj);
  }
  return 0;
}

export function runRolloutUndo(ctx: CommandContext, p: ParsedArgs): number {
  if (!p.args.length && !((p.flags.filename as string[] | undefined) ?? []).length) return requiredResource(ctx);
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
  const toRevision = (p.flags["to-revision"] as number | undefined) ?? 0;
  for (const { info, obj } of found.targets) {
    if (info.resource !== "deployments") return unsupported(ctx, info, obj);
    const r = rollbackDeployment(obj, replicaSetsFor(ctx, obj), toRevision);
    if (!r.ok) {
      ctx.err(`error: ${r.error}\n`);
      return 1;
    }
    if (r.kind === "skipped") {
      ctx.out(`${kindName(info, obj.metadata.name!)} ${r.message}\n`);
      continue;
    }
    if (dry.mode === "none") {
      const u = ctx.cluster.update(r.deployment);
      if (!u.ok) {
        ctx.err(formatSimError(u.error));
        return 1;
      }
    }
    ctx.out(`${kindName(info, obj.metadata.name!)} rolled back${dryRunSuffix(dry.mode)}\n`);
  }
  return 0;
}

export function runRolloutPause(ctx: CommandContext, p: ParsedArgs, pause: boolean): number {
  if (!p.args.length && !((p.flags.filename as string[] | undefined) ?? []).length) return requiredResource(ctx);
  const found = collectTargets(ctx, p, p.args);
  if (!found.ok) {
    ctx.err(found.error);
    return 1;
  }
  let exit = 0;
  for (const { info, obj } of found.targets) {
    if (info.resource !== "deployments") {
      ctx.err(`error: ${kindName(info, obj.metadata.name!)} ${pause ? "pausing" : "resuming"} is not supported\n`);
      exit = 1;
      continue;
    }
    const paused = Boolean((obj as Obj).spec?.paused);
    if (paused === pause) {
      ctx.err(`error: deployments.apps "${obj.metadata.name}" is ${pause ? "already paused" : "not paused"}\n`);
      exit = 1;
      continue;
    }
    const next = clone(obj) as Obj;
    if (pause) next.spec.paused = true;
    else delete next.spec.paused;
    const u = ctx.cluster.update(next as KubeObject);
    if (!u.ok) {
      ctx.err(formatSimError(u.error));
      exit = 1;
      continue;
    }
    ctx.out(`${kindName(info, obj.metadata.name!)} ${pause ? "paused" : "resumed"}\n`);
  }
  return exit;
}

export function runRolloutRestart(ctx: CommandContext, p: ParsedArgs): number {
  if (!p.args.length && !((p.flags.filename as string[] | undefined) ?? []).length) return requiredResource(ctx);
  const found = collectTargets(ctx, p, p.args);
  if (!found.ok) {
    ctx.err(found.error);
    return 1;
  }
  let exit = 0;
  for (const { info, obj } of found.targets) {
    if (!ROLLOUT_KINDS.has(info.resource)) {
      ctx.err(`error: restarting is not supported\n`);
      exit = 1;
      continue;
    }
    if ((obj as Obj).spec?.paused) {
      ctx.err(`error: deployments.apps "${obj.metadata.name}" can't restart paused deployment (run rollout resume first)\n`);
      exit = 1;
      continue;
    }
    const next = clone(obj) as Obj;
    next.spec.template.metadata = next.spec.template.metadata ?? {};
    next.spec.template.metadata.annotations = { ...(next.spec.template.metadata.annotations ?? {}), "kubectl.kubernetes.io/restartedAt": formatTime(ctx.cluster.now()).replace("Z", "Z") };
    const u = ctx.cluster.update(next as KubeObject);
    if (!u.ok) {
      ctx.err(formatSimError(u.error));
      exit = 1;
      continue;
    }
    ctx.out(`${kindName(info, obj.metadata.name!)} restarted\n`);
  }
  return exit;
}

// Mirrors pkg/controller/deployment/deployment_controller.go (syncDeployment and its watches):
// claim ReplicaSets, then pause / scaling-event / Recreate / RollingUpdate.
import type { Engine } from "../../core/engine";
import type { Change } from "../../core/store";
import { matches } from "../../core/selectors";
import { ControllerClient } from "../client";
import { claimObjects, getControllerOf, selectorOf, splitKey, type Obj } from "../controller-utils";
import { DEPLOYMENT_CONTROLLER } from "./progress";
import { rolloutRecreate } from "./recreate";
import { rolloutRolling } from "./rolling";
import { checkPausedConditions, fresh, getAllReplicaSetsAndSyncRevision, isScalingEvent, sync, syncDeploymentStatus, type DeploymentCtx } from "./sync";

export { DEPLOYMENT_CONTROLLER };

function deploymentKeysForRS(change: Change, engine: Engine): string[] {
  const keys = new Set<string>();
  const ns = change.object.metadata.namespace;
  for (const o of [change.object, change.old]) {
    const ref = o && getControllerOf(o);
    if (ref?.kind === "Deployment") keys.add(`${ns}/${ref.name}`);
  }
  if (!getControllerOf(change.object) && change.type !== "DELETED") {
    for (const d of engine.store.list("deployments", ns)) {
      if (matches(selectorOf(d as Obj), change.object.metadata.labels)) keys.add(`${ns}/${d.metadata.name}`);
    }
  }
  return [...keys];
}

function deploymentKeysForPod(change: Change, engine: Engine): string[] {
  // Recreate waits for old pods to be gone: a pod deletion may unblock it.
  if (change.type !== "DELETED") return [];
  const ref = getControllerOf(change.object);
  if (ref?.kind !== "ReplicaSet") return [];
  const rs = engine.store.get("replicasets", change.object.metadata.namespace, ref.name);
  const dref = rs && getControllerOf(rs);
  return dref?.kind === "Deployment" ? [`${change.object.metadata.namespace}/${dref.name}`] : [];
}

export function installDeploymentController(engine: Engine): void {
  engine.registerController({
    name: DEPLOYMENT_CONTROLLER,
    watches: [
      { resource: "deployments", keys: (c) => [`${c.object.metadata.namespace}/${c.object.metadata.name}`] },
      { resource: "replicasets", keys: deploymentKeysForRS },
      { resource: "pods", keys: deploymentKeysForPod },
    ],
    reconcile: (key, e) => syncDeployment(e, key),
  });
}

export function syncDeployment(engine: Engine, key: string): void {
  const [ns, name] = splitKey(key);
  const ctx: DeploymentCtx = { engine, client: new ControllerClient(engine, "deployment-controller") };
  let d = engine.store.get("deployments", ns, name) as Obj | undefined;
  if (!d) return;
  const sel = d.spec?.selector;
  if (sel && !Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length) {
    ctx.client.event(d as never, "Warning", "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.");
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
      ctx.client.updateStatus("deployments", ns, name, { ...(d.status ?? {}), observedGeneration: d.metadata.generation });
    }
    return;
  }
  const rsList = claimObjects(ctx.client, "replicasets", d, selectorOf(d), engine.store.list("replicasets", ns) as Obj[]);
  const uids = new Set(rsList.map((rs) => rs.metadata.uid));
  const pods = (engine.store.list("pods", ns) as Obj[]).filter((p) => uids.has(getControllerOf(p)?.uid ?? ""));
  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
    syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS, d);
    return;
  }
  checkPausedConditions(ctx, d);
  d = fresh(ctx, d);
  if (d.spec?.paused) return sync(ctx, d, rsList);
  if (isScalingEvent(ctx, d, rsList)) return sync(ctx, fresh(ctx, d), rsList.map((rs) => fresh(ctx, rs)));
  d = fresh(ctx, d);
  const current = rsList.map((rs) => fresh(ctx, rs));
  if (d.spec?.strategy?.type === "Recreate") return rolloutRecreate(ctx, d, current, pods);
  return rolloutRolling(ctx, d, current);
}

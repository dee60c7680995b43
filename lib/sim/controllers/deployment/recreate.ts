// Mirrors pkg/controller/deployment/recreate.go: scale every old ReplicaSet to 0, wait until no old
// pod is left running (terminating pods count), then create/scale the new ReplicaSet.
import { getControllerOf, type Obj } from "../controller-utils";
import { syncRolloutStatus } from "./progress";
import { cleanupDeployment, fresh, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent, type DeploymentCtx } from "./sync";
import { deploymentComplete, filterActive, replicasOf, sumStatus } from "./util";

export function rolloutRecreate(ctx: DeploymentCtx, d: Obj, rsList: Obj[], pods: Obj[]): void {
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  let allRSs = [...oldRSs, newRS];
  let scaledDown = false;
  for (const rs of filterActive(oldRSs)) {
    if (scaleReplicaSetAndRecordEvent(ctx, rs, 0, d).scaled) scaledDown = true;
  }
  if (scaledDown) return syncRolloutStatus(ctx, allRSs, newRS, d);
  if (oldPodsRunning(newRS, oldRSs.map((rs) => fresh(ctx, rs)), pods)) return syncRolloutStatus(ctx, allRSs, newRS, d);
  if (!newRS) {
    const split = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true);
    if (split.failed || !split.newRS) return;
    newRS = split.newRS;
    oldRSs = split.oldRSs;
    allRSs = [...oldRSs, newRS];
  }
  scaleReplicaSetAndRecordEvent(ctx, fresh(ctx, newRS), replicasOf(d), d);
  const dd = fresh(ctx, d);
  if (deploymentComplete(dd, dd.status ?? {})) cleanupDeployment(ctx, oldRSs, dd);
  syncRolloutStatus(ctx, allRSs, newRS, d);
}

/** oldPodsRunning: old ReplicaSets still report replicas, or an old pod has not finished. */
export function oldPodsRunning(newRS: Obj | undefined, oldRSs: Obj[], pods: Obj[]): boolean {
  if (sumStatus(oldRSs, "replicas") > 0) return true;
  const oldUids = new Set(oldRSs.map((rs) => rs.metadata.uid));
  return pods.some((p) => {
    const uid = getControllerOf(p)?.uid;
    if (!uid || uid === newRS?.metadata.uid || !oldUids.has(uid)) return false;
    return p.status?.phase !== "Failed" && p.status?.phase !== "Succeeded";
  });
}

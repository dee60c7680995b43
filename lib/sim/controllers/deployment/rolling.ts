// Mirrors pkg/controller/deployment/rolling.go: scale the new ReplicaSet up within maxSurge, then
// scale old ones down within maxUnavailable (unhealthy replicas first), oldest first.
import { byCreation, type Obj } from "../controller-utils";
import { syncRolloutStatus } from "./progress";
import { cleanupDeployment, fresh, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent, type DeploymentCtx } from "./sync";
import { deploymentComplete, filterActive, maxUnavailable, newRSNewReplicas, replicasOf, sumSpec, sumStatus } from "./util";

export function rolloutRolling(ctx: DeploymentCtx, d: Obj, rsList: Obj[]): void {
  const { newRS, oldRSs, failed } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true);
  if (failed || !newRS) return;
  const allRSs = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(ctx, allRSs, newRS, d)) return syncRolloutStatus(ctx, allRSs, newRS, d);
  const live = (rs: Obj) => fresh(ctx, rs);
  if (reconcileOldReplicaSets(ctx, allRSs.map(live), filterActive(oldRSs.map(live)), live(newRS), d)) {
    return syncRolloutStatus(ctx, allRSs, newRS, d);
  }
  const dd = fresh(ctx, d);
  if (deploymentComplete(dd, dd.status ?? {})) cleanupDeployment(ctx, oldRSs, dd);
  syncRolloutStatus(ctx, allRSs, newRS, d);
}

export function reconcileNewReplicaSet(ctx: DeploymentCtx, allRSs: Obj[], newRS: Obj, d: Obj): boolean {
  if (replicasOf(newRS) === replicasOf(d)) return false;
  if (replicasOf(newRS) > replicasOf(d)) return scaleReplicaSetAndRecordEvent(ctx, newRS, replicasOf(d), d).scaled;
  return scaleReplicaSetAndRecordEvent(ctx, newRS, newRSNewReplicas(d, allRSs, newRS), d).scaled;
}

/**
 * reconcileOldReplicaSets. With 10 replicas and maxUnavailable 2, minAvailable is 8: old pods may go
 * only while all pods − 8 − the new set's unavailable pods stays positive.
 */
export function reconcileOldReplicaSets(ctx: DeploymentCtx, allRSs: Obj[], oldRSs: Obj[], newRS: Obj, d: Obj): boolean {
  if (sumSpec(oldRSs) === 0) return false;
  const allPods = sumSpec(allRSs);
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newRSUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newRSUnavailable;
  if (maxScaledDown <= 0) return false;
  const { oldRSs: cleaned, count: cleanupCount } = cleanupUnhealthyReplicas(ctx, oldRSs, d, maxScaledDown);
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(ctx, [...cleaned, newRS], cleaned, d);
  return cleanupCount + scaledDown > 0;
}

/** cleanupUnhealthyReplicas: first remove old replicas that are not available anyway. */
function cleanupUnhealthyReplicas(ctx: DeploymentCtx, oldRSs: Obj[], d: Obj, maxCleanup: number): { oldRSs: Obj[]; count: number } {
  const sorted = [...oldRSs].sort(byCreation);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (total >= maxCleanup) break;
    const rs = sorted[i];
    const available = rs.status?.availableReplicas ?? 0;
    if (replicasOf(rs) === 0 || replicasOf(rs) === available) continue;
    const n = Math.min(maxCleanup - total, replicasOf(rs) - available);
    const r = scaleReplicaSetAndRecordEvent(ctx, rs, replicasOf(rs) - n, d);
    sorted[i] = r.rs;
    total += n;
  }
  return { oldRSs: sorted, count: total };
}

function scaleDownOldReplicaSetsForRollingUpdate(ctx: DeploymentCtx, allRSs: Obj[], oldRSs: Obj[], d: Obj): number {
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const available = sumStatus(allRSs, "availableReplicas");
  if (available <= minAvailable) return 0;
  const totalToScaleDown = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= totalToScaleDown) break;
    if (replicasOf(rs) === 0) continue;
    const n = Math.min(replicasOf(rs), totalToScaleDown - total);
    scaleReplicaSetAndRecordEvent(ctx, rs, replicasOf(rs) - n, d);
    total += n;
  }
  return total;
}

// Mirrors pkg/controller/deployment/progress.go: the Progressing condition (NewReplicaSetAvailable,
// ReplicaSetUpdated, ProgressDeadlineExceeded), ReplicaFailure copied from the ReplicaSets, and the
// requeue at the progress deadline on the virtual clock.
import type { Obj } from "../controller-utils";
import { ts } from "../controller-utils";
import { fresh, hasProgressDeadline, type DeploymentCtx } from "./sync";
import {
  calculateStatus,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getCondition,
  newCondition,
  NewRSAvailableReason,
  removeDeploymentCondition,
  RSUpdatedReason,
  serialiseStatus,
  setDeploymentCondition,
  TimedOutReason,
} from "./util";

export const DEPLOYMENT_CONTROLLER = "deployment";

function replicaFailures(allRSs: Obj[], newRS: Obj | undefined): Obj[] {
  const toCond = (c: Obj) => ({
    type: c.type,
    status: c.status,
    lastUpdateTime: c.lastTransitionTime,
    lastTransitionTime: c.lastTransitionTime,
    reason: c.reason,
    message: c.message,
  });
  const fromNew = (newRS?.status?.conditions ?? []).filter((c: Obj) => c.type === "ReplicaFailure").map(toCond);
  if (fromNew.length) return fromNew;
  return allRSs.flatMap((rs) => (rs.status?.conditions ?? []).filter((c: Obj) => c.type === "ReplicaFailure").map(toCond));
}

/** syncRolloutStatus. */
export function syncRolloutStatus(ctx: DeploymentCtx, allRSs: (Obj | undefined)[], newRS: Obj | undefined, d0: Obj): void {
  const d = fresh(ctx, d0);
  const now = ctx.engine.now();
  const rss = allRSs.filter((r): r is Obj => !!r).map((r) => fresh(ctx, r));
  const nrs = fresh(ctx, newRS);
  const status = calculateStatus(rss, nrs, d, now);
  if (!hasProgressDeadline(d)) removeDeploymentCondition(status, "Progressing");
  const current = getCondition(d.status, "Progressing");
  const isComplete = status.replicas === status.updatedReplicas && current?.reason === NewRSAvailableReason;
  if (hasProgressDeadline(d) && !isComplete) {
    const subject = nrs ? `ReplicaSet "${nrs.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (deploymentComplete(d, status)) {
      setDeploymentCondition(status, newCondition("Progressing", "True", NewRSAvailableReason, `${subject} has successfully progressed.`, now));
    } else if (deploymentProgressing(d, status)) {
      // Progress refreshes lastUpdateTime (the deadline restarts) but not lastTransitionTime.
      let cond = newCondition("Progressing", "True", RSUpdatedReason, `${subject} is progressing.`, now);
      if (current?.status === "True") cond = { ...cond, lastTransitionTime: current.lastTransitionTime };
      removeDeploymentCondition(status, "Progressing");
      setDeploymentCondition(status, cond);
    } else if (deploymentTimedOut(d, status, now)) {
      setDeploymentCondition(status, newCondition("Progressing", "False", TimedOutReason, `${subject} has timed out progressing.`, now));
    }
  }
  const failures = replicaFailures(rss, nrs);
  if (failures.length) setDeploymentCondition(status, failures[0]);
  else removeDeploymentCondition(status, "ReplicaFailure");

  const serialised = serialiseStatus(status);
  if (JSON.stringify(serialised) === JSON.stringify(d.status ?? {})) {
    requeueStuckDeployment(ctx, d, status);
    return;
  }
  ctx.client.updateStatus("deployments", d.metadata.namespace, d.metadata.name, serialised);
}

/** requeueStuckDeployment: check again when the progress deadline passes. */
function requeueStuckDeployment(ctx: DeploymentCtx, d: Obj, status: Obj): void {
  const current = getCondition(d.status, "Progressing");
  if (!hasProgressDeadline(d) || !current) return;
  if (deploymentComplete(d, status) || current.reason === TimedOutReason) return;
  const after = ts(current.lastUpdateTime) + d.spec.progressDeadlineSeconds * 1000 - ctx.engine.now();
  ctx.engine.enqueueAfter(DEPLOYMENT_CONTROLLER, `${d.metadata.namespace}/${d.metadata.name}`, after > 0 ? after : 1);
}


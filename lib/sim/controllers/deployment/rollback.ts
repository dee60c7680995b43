// Mirrors kubectl's pkg/polymorphichelpers/rollback.go (DeploymentRollbacker, rsForRevision) and
// history.go (DeploymentHistoryViewer): `kubectl rollout undo` is client-side — it copies an old
// ReplicaSet's template and annotations back into the Deployment. Pure functions for the kubectl module.
import type { KubeObject } from "../../core/types";
import { getControllerOf, type Obj } from "../controller-utils";
import { CHANGE_CAUSE_ANNOTATION, equalIgnoreHash, POD_TEMPLATE_HASH_LABEL, revision, skipAnnotation } from "./util";

/** The ReplicaSets a Deployment controls (by controller reference). */
export function ownedReplicaSets(deployment: KubeObject, replicaSets: KubeObject[]): KubeObject[] {
  return replicaSets.filter((rs) => getControllerOf(rs)?.uid === deployment.metadata.uid);
}

/**
 * rsForRevision: the ReplicaSet of `toRevision`, or with 0/undefined the previous revision
 * (the second highest). Errors are kubectl's messages.
 */
export function findRevision(
  deployment: KubeObject,
  replicaSets: KubeObject[],
  toRevision = 0,
): { ok: true; replicaSet: KubeObject } | { ok: false; error: string } {
  if (toRevision < 0) return { ok: false, error: `unable to find specified revision ${toRevision} in history` };
  let latest: KubeObject | undefined;
  let latestRev = -1;
  let previous: KubeObject | undefined;
  let previousRev = -1;
  for (const rs of ownedReplicaSets(deployment, replicaSets)) {
    const v = (rs.metadata.annotations ?? {})["deployment.kubernetes.io/revision"];
    if (v === undefined || !/^\d+$/.test(v)) continue;
    const rev = Number(v);
    if (toRevision === 0) {
      if (latestRev < rev) {
        previousRev = latestRev;
        previous = latest;
        latestRev = rev;
        latest = rs;
      } else if (previousRev < rev) {
        previousRev = rev;
        previous = rs;
      }
    } else if (toRevision === rev) return { ok: true, replicaSet: rs };
  }
  if (toRevision > 0) return { ok: false, error: `unable to find specified revision ${toRevision} in history` };
  if (!previous) return { ok: false, error: `no rollout history found for deployment "${deployment.metadata.name}"` };
  return { ok: true, replicaSet: previous };
}

export type HistoryEntry = { revision: number; changeCause: string | undefined; replicaSet: KubeObject };

/** DeploymentHistoryViewer: revisions in ascending order with their change-cause. */
export function rolloutHistory(deployment: KubeObject, replicaSets: KubeObject[]): HistoryEntry[] {
  return ownedReplicaSets(deployment, replicaSets)
    .map((rs) => ({ revision: revision(rs as Obj), changeCause: rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION], replicaSet: rs }))
    .filter((e) => e.revision > 0)
    .sort((a, b) => a.revision - b.revision);
}

export type RollbackResult =
  | { ok: true; kind: "rolled-back"; deployment: KubeObject; message: "rolled back" }
  | { ok: true; kind: "skipped"; message: string }
  | { ok: false; error: string };

/**
 * DeploymentRollbacker.Rollback: the Deployment with the chosen revision's template (hash label
 * removed) and annotations (kept: the Deployment's own revision/last-applied/replicas annotations).
 */
export function rollbackDeployment(deployment: KubeObject, replicaSets: KubeObject[], toRevision = 0): RollbackResult {
  if (toRevision < 0) return { ok: false, error: `unable to find specified revision ${toRevision} in history` };
  const d = deployment as Obj;
  if (d.spec?.paused) return { ok: false, error: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again" };
  const found = findRevision(deployment, replicaSets, toRevision);
  if (!found.ok) return found;
  const rs = found.replicaSet as Obj;
  if (equalIgnoreHash(rs.spec?.template, d.spec?.template)) {
    return { ok: true, kind: "skipped", message: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  const template = JSON.parse(JSON.stringify(rs.spec.template)) as Obj;
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries((d.metadata.annotations ?? {}) as Record<string, string>)) if (skipAnnotation(k)) annotations[k] = v;
  for (const [k, v] of Object.entries((rs.metadata.annotations ?? {}) as Record<string, string>)) if (!skipAnnotation(k)) annotations[k] = v;
  const next = JSON.parse(JSON.stringify(deployment)) as Obj;
  next.spec.template = template;
  next.metadata.annotations = annotations;
  return { ok: true, kind: "rolled-back", deployment: next as KubeObject, message: "rolled back" };
}

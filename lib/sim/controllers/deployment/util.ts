// Mirrors pkg/controller/deployment/util/deployment_util.go: revisions and annotations, the new/old
// ReplicaSet split, maxSurge/maxUnavailable fenceposts, proportional-scaling fractions, status and
// the Available/Progressing conditions.
import { formatTime } from "../../core/time";
import { ts, scaledValue, setCondition, byCreation, jsonEqual, type Obj } from "../controller-utils";

export const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
export const REVISION_HISTORY_ANNOTATION = "deployment.kubernetes.io/revision-history";
export const DESIRED_REPLICAS_ANNOTATION = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS_ANNOTATION = "deployment.kubernetes.io/max-replicas";
export const CHANGE_CAUSE_ANNOTATION = "kubernetes.io/change-cause";
export const POD_TEMPLATE_HASH_LABEL = "pod-template-hash";

// Reasons and messages of the Progressing / Available / ReplicaFailure conditions (verbatim).
export const NewReplicaSetReason = "NewReplicaSetCreated";
export const FoundNewRSReason = "FoundNewReplicaSet";
export const RSUpdatedReason = "ReplicaSetUpdated";
export const NewRSAvailableReason = "NewReplicaSetAvailable";
export const TimedOutReason = "ProgressDeadlineExceeded";
export const PausedDeployReason = "DeploymentPaused";
export const ResumedDeployReason = "DeploymentResumed";
export const MinimumReplicasAvailable = "MinimumReplicasAvailable";
export const MinimumReplicasUnavailable = "MinimumReplicasUnavailable";
export const FailedRSCreateReason = "ReplicaSetCreateError";

// Annotations a ReplicaSet does not inherit from its Deployment (annotationsToSkip).
const ANNOTATIONS_TO_SKIP = new Set([
  "kubectl.kubernetes.io/last-applied-configuration",
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  "deprecated.deployment.rollback.to",
]);

export function skipAnnotation(key: string): boolean {
  return ANNOTATIONS_TO_SKIP.has(key);
}

export function revision(obj: Obj | undefined): number {
  const v = obj?.metadata?.annotations?.[REVISION_ANNOTATION];
  return v && /^\d+$/.test(v) ? Number(v) : 0;
}

export function maxRevision(rss: Obj[]): number {
  return rss.reduce((m, rs) => Math.max(m, revision(rs)), 0);
}

export function replicasOf(obj: Obj | undefined): number {
  return obj?.spec?.replicas ?? 0;
}

/** The template without its pod-template-hash label (shallow copies only: the input is shared). */
function stripHash(template: Obj | undefined): Obj {
  const t = template ?? {};
  const labels = t.metadata?.labels;
  if (!labels) return t;
  const { [POD_TEMPLATE_HASH_LABEL]: _hash, ...rest } = labels;
  void _hash;
  const metadata = { ...t.metadata };
  if (Object.keys(rest).length) metadata.labels = rest;
  else delete metadata.labels;
  return { ...t, metadata };
}

/** EqualIgnoreHash: templates equal apart from the pod-template-hash label. */
export function equalIgnoreHash(a: Obj | undefined, b: Obj | undefined): boolean {
  return jsonEqual(stripHash(a), stripHash(b));
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template matches the Deployment's. */
export function findNewReplicaSet(d: Obj, rss: Obj[]): Obj | undefined {
  return [...rss].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

export function findOldReplicaSets(d: Obj, rss: Obj[]): Obj[] {
  const n = findNewReplicaSet(d, rss);
  return rss.filter((rs) => rs.metadata.uid !== n?.metadata.uid);
}

export function filterActive(rss: (Obj | undefined)[]): Obj[] {
  return rss.filter((rs): rs is Obj => !!rs && replicasOf(rs) > 0);
}

export function sumSpec(rss: (Obj | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs ? replicasOf(rs) : 0), 0);
}

export function sumStatus(rss: (Obj | undefined)[], field: string): number {
  return rss.reduce((n, rs) => n + (rs?.status?.[field] ?? 0), 0);
}

export function isRollingUpdate(d: Obj): boolean {
  return (d.spec?.strategy?.type ?? "RollingUpdate") === "RollingUpdate";
}

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down, and both 0 would deadlock,
 * so unavailable becomes 1. 10 replicas, 25%/25% → surge 3, unavailable 2.
 */
export function resolveFenceposts(maxSurge: number | string | undefined, maxUnavailable: number | string | undefined, desired: number): [number, number] {
  const surge = scaledValue(maxSurge ?? "25%", desired, true);
  let unavailable = scaledValue(maxUnavailable ?? "25%", desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export function maxSurge(d: Obj): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  return resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicasOf(d))[0];
}

export function maxUnavailable(d: Obj): number {
  if (!isRollingUpdate(d) || replicasOf(d) === 0) return 0;
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  const u = resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicasOf(d))[1];
  return Math.min(u, replicasOf(d));
}

function intAnnotation(rs: Obj, key: string): number | undefined {
  const v = rs.metadata?.annotations?.[key];
  return v && /^-?\d+$/.test(v) ? Number(v) : undefined;
}

export function desiredReplicasAnnotation(rs: Obj): number | undefined {
  return intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
}

export function replicasAnnotationsNeedUpdate(rs: Obj, desired: number, max: number): boolean {
  return intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION) !== desired || intAnnotation(rs, MAX_REPLICAS_ANNOTATION) !== max;
}

export function setReplicasAnnotations(annotations: Record<string, string>, desired: number, max: number): void {
  annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired);
  annotations[MAX_REPLICAS_ANNOTATION] = String(max);
}

/**
 * SetNewReplicaSetAnnotations: copy the Deployment's annotations (change-cause among them), set the
 * revision (keeping a revision-history when an old template is reused) and the replicas annotations.
 * Returns whether anything changed.
 */
export function setNewReplicaSetAnnotations(d: Obj, annotations: Record<string, string>, newRevision: string, exists: boolean): boolean {
  let changed = false;
  for (const [k, v] of Object.entries((d.metadata.annotations ?? {}) as Record<string, string>)) {
    if (skipAnnotation(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  const old = annotations[REVISION_ANNOTATION];
  const oldNum = old && /^\d+$/.test(old) ? Number(old) : 0;
  if (oldNum < Number(newRevision)) {
    annotations[REVISION_ANNOTATION] = newRevision;
    changed = true;
    if (old && exists) {
      const hist = annotations[REVISION_HISTORY_ANNOTATION];
      annotations[REVISION_HISTORY_ANNOTATION] = hist ? `${hist},${old}` : old;
    }
  }
  if (!exists) {
    setReplicasAnnotations(annotations, replicasOf(d), replicasOf(d) + maxSurge(d));
    changed = true;
  }
  return changed;
}

/** NewRSNewReplicas: how big the new ReplicaSet may be now. */
export function newRSNewReplicas(d: Obj, allRSs: Obj[], newRS: Obj | undefined): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const current = sumSpec(allRSs);
  const maxTotal = replicasOf(d) + maxSurge(d);
  const newReplicas = replicasOf(newRS);
  if (current >= maxTotal) return newReplicas;
  const scaleUp = maxTotal - current;
  return newReplicas + Math.min(scaleUp, replicasOf(d) - newReplicas);
}

/** IsSaturated: the new ReplicaSet runs all the desired, available replicas. */
export function isSaturated(d: Obj, rs: Obj | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  return replicasOf(rs) === replicasOf(d) && desired === replicasOf(d) && (rs.status?.availableReplicas ?? 0) === replicasOf(d);
}

// Go's math.Round: half away from zero.
function goRound(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

function replicaSetFraction(rs: Obj, d: Obj): number {
  if (replicasOf(d) === 0) return -replicasOf(rs);
  const deploymentReplicas = replicasOf(d) + maxSurge(d);
  const annotated = intAnnotation(rs, MAX_REPLICAS_ANNOTATION) ?? d.status?.replicas ?? 0;
  if (annotated === 0) return 0;
  return goRound((replicasOf(rs) * deploymentReplicas) / annotated) - replicasOf(rs);
}

/** GetProportion: this ReplicaSet's share of a scaling change, within what is left to add. */
export function getProportion(rs: Obj | undefined, d: Obj, toAdd: number, added: number): number {
  if (!rs || replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

export function getCondition(status: Obj | undefined, type: string): Obj | undefined {
  return (status?.conditions ?? []).find((c: Obj) => c.type === type);
}

export function newCondition(type: string, status: string, reason: string, message: string, now: number): Obj {
  const t = formatTime(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

/**
 * SetDeploymentCondition; one difference from the generic helper: an identical status+reason still
 * refreshes nothing, matching upstream, so lastUpdateTime only moves when the reason changes.
 */
export function setDeploymentCondition(status: Obj, cond: Obj): void {
  status.conditions = setCondition(status.conditions, cond);
}

export function removeDeploymentCondition(status: Obj, type: string): void {
  status.conditions = (status.conditions ?? []).filter((c: Obj) => c.type !== type);
}

/** calculateStatus (sync.go). */
export function calculateStatus(allRSs: Obj[], newRS: Obj | undefined, d: Obj, now: number): Obj {
  const available = sumStatus(allRSs, "availableReplicas");
  const total = replicasOf(d);
  const status: Obj = {
    observedGeneration: d.metadata.generation,
    replicas: sumStatus(allRSs, "replicas"),
    updatedReplicas: newRS?.status?.replicas ?? 0,
    readyReplicas: sumStatus(allRSs, "readyReplicas"),
    availableReplicas: available,
    // Upstream counts unavailable against the ReplicaSets' sizes (surge included), not spec.replicas.
    unavailableReplicas: Math.max(0, sumSpec(allRSs) - available),
    conditions: [...(d.status?.conditions ?? [])],
  };
  if (d.status?.collisionCount != null) status.collisionCount = d.status.collisionCount;
  if (available >= total - maxUnavailable(d)) {
    setDeploymentCondition(status, newCondition("Available", "True", MinimumReplicasAvailable, "Deployment has minimum availability.", now));
  } else {
    setDeploymentCondition(status, newCondition("Available", "False", MinimumReplicasUnavailable, "Deployment does not have minimum availability.", now));
  }
  return status;
}

/** The status as the API serialises it: zero counters omitted (omitempty), key order as upstream. */
export function serialiseStatus(s: Obj): Obj {
  const out: Obj = {};
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  for (const k of ["replicas", "updatedReplicas", "readyReplicas", "availableReplicas", "unavailableReplicas"]) if (s[k]) out[k] = s[k];
  if (s.conditions?.length) out.conditions = s.conditions;
  if (s.collisionCount != null) out.collisionCount = s.collisionCount;
  return out;
}

/** DeploymentComplete: every replica updated and available, and the latest spec observed. */
export function deploymentComplete(d: Obj, s: Obj): boolean {
  return (
    (s.updatedReplicas ?? 0) === replicasOf(d) &&
    (s.replicas ?? 0) === replicasOf(d) &&
    (s.availableReplicas ?? 0) === replicasOf(d) &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available replicas than before. */
export function deploymentProgressing(d: Obj, s: Obj): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** DeploymentTimedOut: no progress for progressDeadlineSeconds since the Progressing condition's lastUpdateTime. */
export function deploymentTimedOut(d: Obj, s: Obj, now: number): boolean {
  if (d.spec?.progressDeadlineSeconds == null) return false;
  const cond = getCondition(s, "Progressing");
  if (!cond) return false;
  if (cond.reason === NewRSAvailableReason) return false;
  if (cond.reason === TimedOutReason) return true;
  return ts(cond.lastUpdateTime) + d.spec.progressDeadlineSeconds * 1000 < now;
}


// Mirrors pkg/controller/deployment/sync.go: the new/old ReplicaSet split with revision syncing,
// creating the new ReplicaSet (with hash-collision handling), proportional scaling, history cleanup
// and status updates shared by every strategy.
import type { Engine } from "../../core/engine";
import { clone, type KubeObject } from "../../core/types";
import type { ControllerClient } from "../client";
import { byCreation, computeHash, getControllerOf, newControllerRef, type Obj } from "../controller-utils";
import {
  calculateStatus,
  equalIgnoreHash,
  FailedRSCreateReason,
  filterActive,
  findNewReplicaSet,
  FoundNewRSReason,
  getCondition,
  getProportion,
  desiredReplicasAnnotation,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  maxSurge,
  newCondition,
  newRSNewReplicas,
  NewReplicaSetReason,
  PausedDeployReason,
  POD_TEMPLATE_HASH_LABEL,
  replicasAnnotationsNeedUpdate,
  replicasOf,
  ResumedDeployReason,
  revision,
  REVISION_ANNOTATION,
  serialiseStatus,
  setDeploymentCondition,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  sumSpec,
  TimedOutReason,
} from "./util";

export type DeploymentCtx = { engine: Engine; client: ControllerClient };

export function fresh(ctx: DeploymentCtx, obj: Obj): Obj;
export function fresh(ctx: DeploymentCtx, obj: Obj | undefined): Obj | undefined;
export function fresh(ctx: DeploymentCtx, obj: Obj | undefined): Obj | undefined {
  if (!obj) return undefined;
  const resource = obj.kind === "Deployment" ? "deployments" : "replicasets";
  return (ctx.engine.store.get(resource, obj.metadata.namespace, obj.metadata.name) as Obj | undefined) ?? obj;
}

export function hasProgressDeadline(d: Obj): boolean {
  const p = d.spec?.progressDeadlineSeconds;
  return p != null && p !== 2147483647;
}

function writeStatus(ctx: DeploymentCtx, d: Obj, status: Obj): void {
  ctx.client.updateStatus("deployments", d.metadata.namespace, d.metadata.name, serialiseStatus(status));
}

/** SetDeploymentRevision, written through the status path as upstream's UpdateStatus carries annotations. */
function syncDeploymentRevision(ctx: DeploymentCtx, d: Obj, rev: string): void {
  if (d.metadata.annotations?.[REVISION_ANNOTATION] === rev) return;
  ctx.client.updateMetadata("deployments", d.metadata.namespace, d.metadata.name, (m) => {
    m.annotations = { ...(m.annotations ?? {}), [REVISION_ANNOTATION]: rev };
  });
}

export type Split = { newRS: Obj | undefined; oldRSs: Obj[]; failed?: boolean };

/** getAllReplicaSetsAndSyncRevision. */
export function getAllReplicaSetsAndSyncRevision(ctx: DeploymentCtx, d: Obj, rsList: Obj[], createIfNotExisted: boolean): Split {
  const existing = findNewReplicaSet(d, rsList);
  const oldRSs = rsList.filter((rs) => rs.metadata.uid !== existing?.metadata.uid);
  const r = getNewReplicaSet(ctx, d, rsList, oldRSs, existing, createIfNotExisted);
  return { newRS: r.rs, oldRSs, failed: r.failed };
}

function getNewReplicaSet(
  ctx: DeploymentCtx,
  d: Obj,
  rsList: Obj[],
  oldRSs: Obj[],
  existing: Obj | undefined,
  create: boolean,
): { rs?: Obj; failed?: boolean } {
  const { engine, client } = ctx;
  const now = engine.now();
  const newRevision = String(maxRevision(oldRSs) + 1);
  if (existing) {
    const annotations = { ...(existing.metadata.annotations ?? {}) };
    const annotationsUpdated = setNewReplicaSetAnnotations(d, annotations, newRevision, true);
    const minReadyNeedsUpdate = (existing.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0);
    if (annotationsUpdated || minReadyNeedsUpdate) {
      // Only a ReplicaSet that changes is copied (store objects are shared).
      const copy = clone(existing);
      copy.metadata.annotations = annotations;
      copy.spec.minReadySeconds = d.spec?.minReadySeconds ?? 0;
      if (!copy.spec.minReadySeconds) delete copy.spec.minReadySeconds;
      const r = client.update("replicasets", copy as KubeObject);
      return { rs: r.ok ? (r.value as Obj) : existing };
    }
    syncDeploymentRevision(ctx, d, existing.metadata.annotations?.[REVISION_ANNOTATION] ?? newRevision);
    const dd = fresh(ctx, d);
    if (!getCondition(dd.status, "Progressing") && hasProgressDeadline(dd)) {
      const status = { ...(dd.status ?? {}) };
      setDeploymentCondition(status, newCondition("Progressing", "True", FoundNewRSReason, `Found new replica set "${existing.metadata.name}"`, now));
      writeStatus(ctx, dd, status);
    }
    return { rs: existing };
  }
  if (!create) return {};

  const template = clone(d.spec?.template ?? {}) as Obj;
  const collisionCount = d.status?.collisionCount;
  const hash = computeHash(template, collisionCount);
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } };
  const selector = clone(d.spec?.selector ?? {}) as Obj;
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const name = `${d.metadata.name}-${hash}`;
  const rs: Obj = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      annotations: {},
      ownerReferences: [newControllerRef(d)],
    },
    spec: { replicas: 0, selector, template },
  };
  if (d.spec?.minReadySeconds) rs.spec.minReadySeconds = d.spec.minReadySeconds;
  const newReplicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
  rs.spec.replicas = newReplicas;
  setNewReplicaSetAnnotations(d, rs.metadata.annotations, newRevision, false);

  const r = client.create("replicasets", rs as KubeObject);
  let created: Obj | undefined;
  let alreadyExists = false;
  if (!r.ok) {
    if (r.status.reason === "AlreadyExists") {
      const live = engine.store.get("replicasets", d.metadata.namespace, name) as Obj | undefined;
      const controlled = live && getControllerOf(live)?.uid === d.metadata.uid;
      if (live && controlled && equalIgnoreHash(d.spec?.template, live.spec?.template)) {
        created = live;
        alreadyExists = true;
      } else {
        // A hash collision: bump collisionCount so the next sync hashes to a different name.
        const dd = fresh(ctx, d);
        const status = { ...(dd.status ?? {}), collisionCount: (dd.status?.collisionCount ?? 0) + 1 };
        writeStatus(ctx, dd, status);
        return { failed: true };
      }
    } else {
      const dd = fresh(ctx, d);
      if (hasProgressDeadline(dd)) {
        const status = { ...(dd.status ?? {}) };
        setDeploymentCondition(
          status,
          newCondition("Progressing", "False", FailedRSCreateReason, `Failed to create new replica set "${name}": ${r.status.message}`, now),
        );
        writeStatus(ctx, dd, status);
      }
      return { failed: true };
    }
  } else created = r.value as Obj;

  if (!alreadyExists && newReplicas > 0) {
    client.event(d as KubeObject, "Normal", "ScalingReplicaSet", `Scaled up replica set ${name} from 0 to ${newReplicas}`);
  }
  syncDeploymentRevision(ctx, d, newRevision);
  if (!alreadyExists && hasProgressDeadline(d)) {
    const dd = fresh(ctx, d);
    const status = { ...(dd.status ?? {}) };
    setDeploymentCondition(status, newCondition("Progressing", "True", NewReplicaSetReason, `Created new replica set "${name}"`, now));
    writeStatus(ctx, dd, status);
  }
  void rsList;
  return { rs: created };
}

/** scaleReplicaSet: size and desired/max annotations; the event only when the size changed. */
export function scaleReplicaSet(ctx: DeploymentCtx, rs: Obj, newScale: number, d: Obj, operation: string): { scaled: boolean; rs: Obj } {
  const sizeNeedsUpdate = replicasOf(rs) !== newScale;
  const desired = replicasOf(d);
  const annotationsNeedUpdate = replicasAnnotationsNeedUpdate(rs, desired, desired + maxSurge(d));
  if (!sizeNeedsUpdate && !annotationsNeedUpdate) return { scaled: false, rs };
  const oldScale = replicasOf(rs);
  const copy = clone(rs) as Obj;
  copy.spec.replicas = newScale;
  copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}) };
  setReplicasAnnotations(copy.metadata.annotations, desired, desired + maxSurge(d));
  const r = ctx.client.update("replicasets", copy as KubeObject);
  if (!r.ok) return { scaled: false, rs };
  if (sizeNeedsUpdate) {
    ctx.client.event(d as KubeObject, "Normal", "ScalingReplicaSet", `Scaled ${operation} replica set ${rs.metadata.name} to ${newScale} from ${oldScale}`);
  }
  return { scaled: sizeNeedsUpdate, rs: r.value as Obj };
}

export function scaleReplicaSetAndRecordEvent(ctx: DeploymentCtx, rs: Obj, newScale: number, d: Obj): { scaled: boolean; rs: Obj } {
  if (replicasOf(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(ctx, rs, newScale, d, replicasOf(rs) < newScale ? "up" : "down");
}

/** ReplicaSetsBySizeNewer / BySizeOlder: bigger first; ties newer (or older) first. */
function bySize(newerFirst: boolean) {
  return (a: Obj, b: Obj) => {
    if (replicasOf(a) !== replicasOf(b)) return replicasOf(b) - replicasOf(a);
    return newerFirst ? byCreation(b, a) : byCreation(a, b);
  };
}

function findActiveOrLatest(newRS: Obj | undefined, oldRSs: Obj[]): Obj | undefined {
  if (!newRS && !oldRSs.length) return undefined;
  const all = [...oldRSs, ...(newRS ? [newRS] : [])].sort((a, b) => byCreation(b, a));
  const active = filterActive(all);
  if (active.length === 0) return newRS ?? all[0];
  if (active.length === 1) return active[0];
  return undefined;
}

/**
 * scale: a replicas change reaches the active ReplicaSets in proportion to their size (during a
 * rollout), any leftover going to the biggest; a lone active ReplicaSet just takes the new size.
 */
export function scale(ctx: DeploymentCtx, d: Obj, newRS: Obj | undefined, oldRSs: Obj[]): void {
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (replicasOf(activeOrLatest) === replicasOf(d)) return;
    scaleReplicaSetAndRecordEvent(ctx, activeOrLatest, replicasOf(d), d);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActive(oldRSs)) scaleReplicaSetAndRecordEvent(ctx, old, 0, d);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const allRSs = filterActive([...oldRSs, newRS]);
  const allRSsReplicas = sumSpec(allRSs);
  const allowedSize = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowedSize - allRSsReplicas;
  let operation: string;
  if (toAdd > 0) {
    allRSs.sort(bySize(true));
    operation = "up";
  } else if (toAdd < 0) {
    allRSs.sort(bySize(false));
    operation = "down";
  } else return;
  const sizes = new Map<string, number>();
  let added = 0;
  for (const rs of allRSs) {
    if (toAdd !== 0) {
      const p = getProportion(rs, d, toAdd, added);
      sizes.set(rs.metadata.name, replicasOf(rs) + p);
      added += p;
    } else sizes.set(rs.metadata.name, replicasOf(rs));
  }
  const leftover = toAdd - added;
  if (leftover !== 0 && allRSs.length) {
    const first = allRSs[0].metadata.name;
    sizes.set(first, Math.max(0, sizes.get(first)! + leftover));
  }
  for (const rs of allRSs) scaleReplicaSet(ctx, rs, sizes.get(rs.metadata.name)!, d, operation);
}

/** isScalingEvent: an active ReplicaSet's desired-replicas annotation differs from spec.replicas. */
export function isScalingEvent(ctx: DeploymentCtx, d: Obj, rsList: Obj[]): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  for (const rs of filterActive([...oldRSs, newRS].map((r) => fresh(ctx, r)))) {
    const desired = desiredReplicasAnnotation(rs);
    if (desired === undefined) continue;
    if (desired !== replicasOf(d)) return true;
  }
  return false;
}

/** cleanupDeployment: keep only revisionHistoryLimit old, fully scaled-down ReplicaSets. */
export function cleanupDeployment(ctx: DeploymentCtx, oldRSs: Obj[], d: Obj): void {
  const limit = d.spec?.revisionHistoryLimit;
  if (limit == null) return;
  const cleanable = oldRSs.map((rs) => fresh(ctx, rs)).filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  cleanable.sort((a, b) => revision(a) - revision(b) || byCreation(a, b));
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i];
    if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    ctx.client.delete("replicasets", rs.metadata.namespace, rs.metadata.name);
  }
}

export function syncDeploymentStatus(ctx: DeploymentCtx, allRSs: (Obj | undefined)[], newRS: Obj | undefined, d: Obj): void {
  const dd = fresh(ctx, d);
  const rss = allRSs.filter((r): r is Obj => !!r).map((r) => fresh(ctx, r));
  writeStatus(ctx, dd, calculateStatus(rss, fresh(ctx, newRS), dd, ctx.engine.now()));
}

/** sync: scaling and paused deployments — no rollout, just sizes, cleanup and status. */
export function sync(ctx: DeploymentCtx, d: Obj, rsList: Obj[]): void {
  const { newRS, oldRSs, failed } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  if (failed) return;
  scale(ctx, d, newRS, oldRSs);
  if (d.spec?.paused) cleanupDeployment(ctx, oldRSs, d);
  syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS, d);
}

/** checkPausedConditions: Progressing Unknown DeploymentPaused / DeploymentResumed. */
export function checkPausedConditions(ctx: DeploymentCtx, d: Obj): void {
  if (!hasProgressDeadline(d)) return;
  const cond = getCondition(d.status, "Progressing");
  if (cond?.reason === TimedOutReason) return;
  const pausedExists = cond?.reason === PausedDeployReason;
  const status = { ...(d.status ?? {}) };
  const now = ctx.engine.now();
  if (d.spec?.paused && !pausedExists) setDeploymentCondition(status, newCondition("Progressing", "Unknown", PausedDeployReason, "Deployment is paused", now));
  else if (!d.spec?.paused && pausedExists) setDeploymentCondition(status, newCondition("Progressing", "Unknown", ResumedDeployReason, "Deployment is resumed", now));
  else return;
  writeStatus(ctx, d, status);
}


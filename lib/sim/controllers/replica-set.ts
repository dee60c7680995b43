// Mirrors pkg/controller/replicaset/replica_set.go and replica_set_utils.go: keep `replicas` pods
// matching the selector — adopt orphans, release non-matching pods, create in slow-start batches,
// delete the lowest-ranked pods first — and report replicas/fullyLabeled/ready/available counts.
import type { Engine } from "../core/engine";
import type { Change } from "../core/store";
import { matches, fromMap } from "../core/selectors";
import { formatTime } from "../core/time";
import { ControllerClient } from "./client";
import {
  claimObjects,
  Expectations,
  getControllerOf,
  getPodsToDelete,
  isPodActive,
  isPodAvailable,
  isPodReady,
  moduleState,
  msUntilAvailable,
  podFromTemplate,
  removeCondition,
  selectorOf,
  setCondition,
  slowStartBatch,
  splitKey,
  type Obj,
} from "./controller-utils";

export const REPLICASET_CONTROLLER = "replicaset";
const BURST_REPLICAS = 500;

function expectations(engine: Engine): Expectations {
  return moduleState(engine, "controllers.replicaset.expectations", () => new Expectations());
}

function podKeys(change: Change, engine: Engine): string[] {
  const keys = new Set<string>();
  const pod = change.object as Obj;
  const ns = pod.metadata.namespace;
  for (const o of [change.object, change.old]) {
    if (!o) continue;
    const ref = getControllerOf(o);
    if (ref?.kind === "ReplicaSet") keys.add(`${ns}/${ref.name}`);
  }
  const ref = getControllerOf(pod);
  if (ref?.kind === "ReplicaSet") {
    const key = `${ns}/${ref.name}`;
    if (change.type === "ADDED") expectations(engine).observe(key, "add");
    if (change.type === "DELETED" || (pod.metadata.deletionTimestamp && !change.old?.metadata.deletionTimestamp)) expectations(engine).observe(key, "del");
  } else if (change.type !== "DELETED") {
    // An orphan: every ReplicaSet whose selector matches may adopt it.
    for (const rs of engine.store.list("replicasets", ns)) {
      if (matches(selectorOf(rs as Obj), pod.metadata.labels)) keys.add(`${ns}/${rs.metadata.name}`);
    }
  }
  return [...keys];
}

export function installReplicaSetController(engine: Engine): void {
  engine.registerController({
    name: REPLICASET_CONTROLLER,
    watches: [
      { resource: "replicasets", keys: (c) => [`${c.object.metadata.namespace}/${c.object.metadata.name}`] },
      { resource: "pods", keys: podKeys },
    ],
    reconcile: (key, e) => syncReplicaSet(e, key),
  });
}

/** Pods owned by another ReplicaSet of the same Deployment (for the colocation rank). */
function relatedPods(engine: Engine, rs: Obj, own: Obj[]): Obj[] {
  const owner = getControllerOf(rs);
  if (!owner) return own;
  const siblings = new Set(
    engine.store
      .list("replicasets", rs.metadata.namespace)
      .filter((r) => getControllerOf(r)?.uid === owner.uid)
      .map((r) => r.metadata.uid),
  );
  return engine.store.list("pods", rs.metadata.namespace).filter((p) => siblings.has(getControllerOf(p)?.uid ?? "")) as Obj[];
}

export function syncReplicaSet(engine: Engine, key: string): void {
  const [ns, name] = splitKey(key);
  const client = new ControllerClient(engine, "replicaset-controller");
  const exp = expectations(engine);
  const rs = engine.store.get("replicasets", ns, name) as Obj | undefined;
  if (!rs) {
    exp.forget(key);
    return;
  }
  const now = engine.now();
  const selector = selectorOf(rs);
  const allPods = engine.store.list("pods", ns) as Obj[];
  const active = allPods.filter(isPodActive);
  const filteredPods = claimObjects(client, "pods", rs, selector, active);

  let manageErr: { message: string; reason: string } | undefined;
  if (exp.satisfied(key, now) && !rs.metadata.deletionTimestamp) {
    manageErr = manageReplicas(engine, client, exp, key, filteredPods, rs);
  }
  const live = (engine.store.get("replicasets", ns, name) as Obj | undefined) ?? rs;
  const pods = (engine.store.list("pods", ns) as Obj[]).filter((p) => isPodActive(p) && getControllerOf(p)?.uid === rs.metadata.uid);
  const status = calculateStatus(live, pods, manageErr, now);
  client.updateStatus("replicasets", ns, name, status);

  // Requeue when a ready pod crosses minReadySeconds and becomes available.
  const minReady = live.spec?.minReadySeconds ?? 0;
  if (minReady > 0) {
    const waits = pods.map((p) => msUntilAvailable(p, minReady, now)).filter((w): w is number => w !== undefined);
    if (waits.length) engine.enqueueAfter(REPLICASET_CONTROLLER, key, Math.min(...waits));
  }
}

function manageReplicas(
  engine: Engine,
  client: ControllerClient,
  exp: Expectations,
  key: string,
  filteredPods: Obj[],
  rs: Obj,
): { message: string; reason: string } | undefined {
  const diff = filteredPods.length - (rs.spec?.replicas ?? 1);
  if (diff < 0) {
    const want = Math.min(-diff, BURST_REPLICAS);
    exp.expect(key, want, 0, engine.now());
    const created: string[] = [];
    const { successes, error } = slowStartBatch(want, 1, () => {
      const r = client.create("pods", podFromTemplate(rs.spec.template ?? {}, rs));
      if (!r.ok) {
        client.event(rs, "Warning", "FailedCreate", `Error creating: ${r.status.message}`);
        return r.status.message;
      }
      created.push(r.value.metadata.name!);
      client.event(rs, "Normal", "SuccessfulCreate", `Created pod: ${r.value.metadata.name}`);
      return undefined;
    });
    // Creations that were skipped will not be observed.
    exp.lower(key, want - successes, 0);
    return error === undefined ? undefined : { message: error, reason: "FailedCreate" };
  }
  if (diff > 0) {
    const n = Math.min(diff, BURST_REPLICAS);
    const victims = getPodsToDelete(filteredPods, relatedPods(engine, rs, filteredPods), n, engine.now());
    exp.expect(key, 0, victims.length, engine.now());
    let error: string | undefined;
    for (const pod of victims) {
      const r = client.delete("pods", pod.metadata.namespace, pod.metadata.name);
      if (!r.ok) {
        exp.lower(key, 0, 1);
        if (r.status.code === 404) continue;
        client.event(rs, "Warning", "FailedDelete", `Error deleting: ${r.status.message}`);
        error ??= r.status.message;
        continue;
      }
      client.event(rs, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`);
    }
    return error === undefined ? undefined : { message: error, reason: "FailedDelete" };
  }
  return undefined;
}

/** calculateStatus (replica_set_utils.go). Zero counters are omitted as the API's omitempty does. */
export function calculateStatus(rs: Obj, pods: Obj[], manageErr: { message: string; reason: string } | undefined, now: number): Obj {
  const templateLabels = fromMap(rs.spec?.template?.metadata?.labels);
  const minReady = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const p of pods) {
    if (matches(templateLabels, p.metadata.labels)) fullyLabeled++;
    if (isPodReady(p)) {
      ready++;
      if (isPodAvailable(p, minReady, now)) available++;
    }
  }
  let conditions: Obj[] = rs.status?.conditions ?? [];
  const failure = conditions.find((c) => c.type === "ReplicaFailure");
  if (manageErr && !failure) {
    conditions = setCondition(conditions, {
      lastTransitionTime: formatTime(now),
      message: manageErr.message,
      reason: manageErr.reason,
      status: "True",
      type: "ReplicaFailure",
    });
  } else if (!manageErr && failure) conditions = removeCondition(conditions, "ReplicaFailure");
  const status: Obj = { replicas: pods.length };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
  if (conditions.length) status.conditions = conditions;
  return status;
}


// Mirrors pkg/controller/statefulset/stateful_set_control.go (updateStatefulSet, processReplica),
// stateful_pod_control.go and stateful_set_utils.go: pods `<set>-<ordinal>` with stable identity
// (hostname, subdomain = serviceName, pod-name/pod-index/controller-revision-hash labels), PVCs from
// volumeClaimTemplates created before the pod, OrderedReady (one at a time, in order; scale down in
// reverse, waiting for termination) and Parallel management, ControllerRevisions, and RollingUpdate
// in reverse ordinal order down to the partition.
import type { Engine } from "../core/engine";
import { clone, type KubeObject } from "../core/types";
import { ControllerClient } from "./client";
import {
  claimObjects,
  fnv32,
  getControllerOf,
  isPodAvailable,
  isPodReady,
  msUntilAvailable,
  newControllerRef,
  ownerKeys,
  safeEncodeString,
  selectorOf,
  splitKey,
  jsonEqual,
  stableStringify,
  type Obj,
} from "./controller-utils";

export const STATEFULSET_CONTROLLER = "statefulset";
export const REVISION_LABEL = "controller-revision-hash";
export const POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
export const POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";

export function installStatefulSetController(engine: Engine): void {
  engine.registerController({
    name: STATEFULSET_CONTROLLER,
    watches: [
      { resource: "statefulsets", keys: (c) => (c.type === "DELETED" ? [] : [`${c.object.metadata.namespace}/${c.object.metadata.name}`]) },
      { resource: "pods", keys: (c) => ownerKeys(c, "StatefulSet") },
    ],
    reconcile: (key, e) => syncStatefulSet(e, key),
  });
}

/** getParentNameAndOrdinal: `web-2` of set `web` → 2. */
export function ordinalOf(setName: string, podName: string): number {
  const m = /^(.*)-(\d+)$/.exec(podName);
  return m && m[1] === setName ? Number(m[2]) : -1;
}

/** getPatch: the template as a strategic-merge "replace" patch; the ControllerRevision's data. */
export function revisionData(set: Obj): Obj {
  const template = clone(set.spec.template ?? {});
  template.metadata = { creationTimestamp: null, ...(template.metadata ?? {}) };
  return { spec: { template: { $patch: "replace", ...template } } };
}

/** ControllerRevisionName(set, HashControllerRevision): FNV-32 of the patch JSON, then the probe. */
export function revisionName(set: Obj, data: Obj, collisionCount: number): string {
  const hash = fnv32(stableStringify(data) + String(collisionCount));
  return `${set.metadata.name}-${safeEncodeString(String(hash))}`;
}

const startOrdinal = (set: Obj) => set.spec?.ordinals?.start ?? 0;

function isRunningAndReady(pod: Obj): boolean {
  return pod.status?.phase === "Running" && isPodReady(pod);
}

function isTerminating(pod: Obj): boolean {
  return !!pod.metadata.deletionTimestamp;
}

function claimName(set: Obj, template: Obj, ordinal: number): string {
  return `${template.metadata.name}-${set.metadata.name}-${ordinal}`;
}

/** newStatefulSetPod + updateIdentity + updateStorage. */
function newPod(set: Obj, template: Obj, ordinal: number, revision: string): Obj {
  const name = `${set.metadata.name}-${ordinal}`;
  const spec = clone(template.spec ?? {});
  spec.hostname = name;
  if (set.spec.serviceName) spec.subdomain = set.spec.serviceName;
  const claimVolumes = (set.spec.volumeClaimTemplates ?? []).map((t: Obj) => ({ name: t.metadata.name, persistentVolumeClaim: { claimName: claimName(set, t, ordinal) } }));
  if (claimVolumes.length) {
    const names = new Set(claimVolumes.map((v: Obj) => v.name));
    spec.volumes = [...(spec.volumes ?? []).filter((v: Obj) => !names.has(v.name)), ...claimVolumes];
  }
  const meta: Obj = {
    name,
    namespace: set.metadata.namespace,
    labels: { ...(template.metadata?.labels ?? {}), [REVISION_LABEL]: revision, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) },
    ownerReferences: [newControllerRef(set)],
  };
  if (template.metadata?.annotations) meta.annotations = { ...template.metadata.annotations };
  return { apiVersion: "v1", kind: "Pod", metadata: meta, spec };
}

type Revisions = { current: Obj; update: Obj; collisionCount: number };

/** getStatefulSetRevisions: reuse an equal revision (rollback), else create the next one. */
function syncRevisions(engine: Engine, client: ControllerClient, set: Obj): Revisions | undefined {
  const ns = set.metadata.namespace;
  const owned = (engine.store.list("controllerrevisions", ns) as Obj[])
    .filter((r) => getControllerOf(r)?.uid === set.metadata.uid)
    .sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0) || (a.metadata.name < b.metadata.name ? -1 : 1));
  let collisionCount: number = set.status?.collisionCount ?? 0;
  const data = revisionData(set);
  const next = (owned.at(-1)?.revision ?? 0) + 1;
  const equal = owned.filter((r) => jsonEqual(r.data, data));
  let update: Obj | undefined;
  if (equal.length && equal.at(-1) === owned.at(-1)) update = owned.at(-1);
  else if (equal.length) {
    const r = client.update("controllerrevisions", { ...equal.at(-1)!, revision: next } as unknown as KubeObject);
    update = r.ok ? (r.value as Obj) : equal.at(-1);
  } else {
    for (let attempt = 0; attempt < 5 && !update; attempt++) {
      const name = revisionName(set, data, collisionCount);
      const cr: Obj = {
        apiVersion: "apps/v1",
        kind: "ControllerRevision",
        metadata: { name, namespace: ns, labels: { ...(set.spec.template?.metadata?.labels ?? {}) }, ownerReferences: [newControllerRef(set)] },
        data,
        revision: next,
      };
      const r = client.create("controllerrevisions", cr as KubeObject);
      if (r.ok) update = r.value as Obj;
      else if (r.status.reason === "AlreadyExists") {
        const live = engine.store.get("controllerrevisions", ns, name) as Obj;
        if (jsonEqual(live.data, data) && getControllerOf(live)?.uid === set.metadata.uid) update = live;
        else collisionCount++;
      } else return undefined;
    }
    if (!update) return undefined;
  }
  if (!update) return undefined;
  const found = owned.find((r) => r.metadata.name === set.status?.currentRevision);
  const current = (found && (engine.store.get("controllerrevisions", ns, found.metadata.name) as Obj | undefined)) ?? update;
  return { current, update, collisionCount };
}

function templateOf(rev: Obj): Obj {
  const t = clone(rev.data?.spec?.template ?? {});
  delete t.$patch;
  if (t.metadata) delete t.metadata.creationTimestamp;
  return t;
}

export function syncStatefulSet(engine: Engine, key: string): void {
  const [ns, name] = splitKey(key);
  const client = new ControllerClient(engine, "statefulset-controller");
  const set = engine.store.get("statefulsets", ns, name) as Obj | undefined;
  if (!set) return;
  const now = engine.now();
  const selector = selectorOf(set);
  claimObjects(client, "pods", set, selector, (engine.store.list("pods", ns) as Obj[]).filter((p) => ordinalOf(name, p.metadata.name) >= 0));
  const revs = syncRevisions(engine, client, set);
  if (!revs) return;
  const { current, update } = revs;
  const owned = () => (engine.store.list("pods", ns) as Obj[]).filter((p) => getControllerOf(p)?.uid === set.metadata.uid);
  const minReady = set.spec.minReadySeconds ?? 0;

  const writeStatus = () => {
    const pods = owned();
    const s: Obj = { observedGeneration: set.metadata.generation, replicas: 0, readyReplicas: 0, currentReplicas: 0, updatedReplicas: 0, availableReplicas: 0 };
    for (const p of pods) {
      s.replicas++;
      if (isRunningAndReady(p)) {
        s.readyReplicas++;
        if (isPodAvailable(p, minReady, now)) s.availableReplicas++;
      }
      if (!isTerminating(p)) {
        if (p.metadata.labels?.[REVISION_LABEL] === current.metadata.name) s.currentReplicas++;
        if (p.metadata.labels?.[REVISION_LABEL] === update.metadata.name) s.updatedReplicas++;
      }
    }
    let currentRevision = current.metadata.name;
    const rolling = (set.spec.updateStrategy?.type ?? "RollingUpdate") === "RollingUpdate";
    if (rolling && s.updatedReplicas === s.replicas && s.readyReplicas === s.replicas) {
      s.currentReplicas = s.updatedReplicas;
      currentRevision = update.metadata.name;
    }
    const out: Obj = { observedGeneration: s.observedGeneration, replicas: s.replicas };
    if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
    if (s.currentReplicas) out.currentReplicas = s.currentReplicas;
    if (s.updatedReplicas) out.updatedReplicas = s.updatedReplicas;
    out.currentRevision = currentRevision;
    out.updateRevision = update.metadata.name;
    out.collisionCount = revs.collisionCount;
    out.availableReplicas = s.availableReplicas;
    client.updateStatus("statefulsets", ns, name, out);
    // Wake up when a ready pod becomes available.
    const waits = pods.map((p) => msUntilAvailable(p, minReady, now)).filter((w): w is number => w !== undefined);
    if (waits.length) engine.enqueueAfter(STATEFULSET_CONTROLLER, key, Math.min(...waits));
    cleanupHistory(engine, client, set, [current.metadata.name, update.metadata.name], pods);
  };

  if (set.metadata.deletionTimestamp) return writeStatus();
  updateReplicas(engine, client, set, current, update);
  writeStatus();
}

function updateReplicas(engine: Engine, client: ControllerClient, set: Obj, current: Obj, update: Obj): void {
  const ns = set.metadata.namespace;
  const name = set.metadata.name;
  const replicaCount: number = set.spec.replicas ?? 1;
  const start = startOrdinal(set);
  const monotonic = (set.spec.podManagementPolicy ?? "OrderedReady") !== "Parallel";
  const minReady = set.spec.minReadySeconds ?? 0;
  const now = engine.now();
  const rolling = (set.spec.updateStrategy?.type ?? "RollingUpdate") === "RollingUpdate";
  const partition: number = rolling ? set.spec.updateStrategy?.rollingUpdate?.partition ?? 0 : 0;
  const currentTemplate = templateOf(current);
  const updateTemplate = templateOf(update);

  const pods = (engine.store.list("pods", ns) as Obj[]).filter((p) => getControllerOf(p)?.uid === set.metadata.uid);
  const replicas: (Obj | undefined)[] = new Array(replicaCount).fill(undefined);
  const condemned: Obj[] = [];
  for (const p of pods) {
    const ord = ordinalOf(name, p.metadata.name);
    if (ord >= start && ord < start + replicaCount) replicas[ord - start] = p;
    else condemned.push(p);
  }
  condemned.sort((a, b) => ordinalOf(name, a.metadata.name) - ordinalOf(name, b.metadata.name));
  const versioned = (ord: number) => {
    // newVersionedStatefulSetPod: below the partition pods keep the current revision.
    const useCurrent = rolling && ord < start + partition;
    return useCurrent ? newPod(set, currentTemplate, ord, current.metadata.name) : newPod(set, updateTemplate, ord, update.metadata.name);
  };
  const healthy = (p: Obj) => isRunningAndReady(p) && !isTerminating(p) && isPodAvailable(p, minReady, now);
  const firstUnhealthy = [...replicas, ...condemned].find((p) => p && !healthy(p));

  for (let i = 0; i < replicaCount; i++) {
    const ord = start + i;
    let pod = replicas[i];
    if (pod && (pod.status?.phase === "Failed" || pod.status?.phase === "Succeeded") && !isTerminating(pod)) {
      // A finished pod is replaced: delete it now, recreate on the next sync.
      deletePod(client, set, pod);
      if (monotonic) return;
      continue;
    }
    if (!pod) {
      pod = versioned(ord);
      if (!createClaims(engine, client, set, ord, pod.metadata.name)) return;
      const r = client.create("pods", pod as KubeObject);
      if (!r.ok) {
        client.event(set, "Warning", "FailedCreate", `create Pod ${pod.metadata.name} in StatefulSet ${name} failed error: ${r.status.message}`);
        return;
      }
      client.event(set, "Normal", "SuccessfulCreate", `create Pod ${pod.metadata.name} in StatefulSet ${name} successful`);
      if (monotonic) return;
      continue;
    }
    if (isTerminating(pod) && monotonic) return;
    if (!isRunningAndReady(pod) && monotonic) return;
    if (!isPodAvailable(pod, minReady, now) && monotonic) return;
    // Enforce identity (labels) and storage (missing claims) on existing pods.
    createClaims(engine, client, set, ord, pod.metadata.name);
    const want = { [POD_NAME_LABEL]: pod.metadata.name, [POD_INDEX_LABEL]: String(ord) };
    if (Object.entries(want).some(([k, v]) => pod!.metadata.labels?.[k] !== v)) {
      client.updateMetadata("pods", ns, pod.metadata.name, (m) => {
        m.labels = { ...(m.labels ?? {}), ...want };
      });
    }
  }

  // Scale down: highest ordinal first, one at a time when ordered.
  for (let t = condemned.length - 1; t >= 0; t--) {
    const pod = condemned[t];
    if (isTerminating(pod)) {
      if (monotonic) return;
      continue;
    }
    if (!isRunningAndReady(pod) && monotonic && pod !== firstUnhealthy) return;
    if (!isPodAvailable(pod, minReady, now) && monotonic && pod !== firstUnhealthy) return;
    deletePod(client, set, pod);
    if (monotonic) return;
  }

  if (!rolling) return;
  // Rolling update: delete the highest-ordinal pod not at the update revision, then wait for it.
  for (let i = replicaCount - 1; i >= partition; i--) {
    const pod = (engine.store.get("pods", ns, `${name}-${start + i}`) as Obj | undefined) ?? undefined;
    if (!pod) return;
    if (pod.metadata.labels?.[REVISION_LABEL] !== update.metadata.name && !isTerminating(pod)) {
      deletePod(client, set, pod);
      return;
    }
    if (!healthy(pod)) return;
  }
}

function deletePod(client: ControllerClient, set: Obj, pod: Obj): void {
  const name = set.metadata.name;
  const policy = set.spec.persistentVolumeClaimRetentionPolicy ?? {};
  const replicas = set.spec.replicas ?? 1;
  const ord = ordinalOf(name, pod.metadata.name);
  // whenScaled: Delete — a condemned pod's claims become its dependents, so they go with it.
  if (policy.whenScaled === "Delete" && ord >= startOrdinal(set) + replicas) {
    for (const t of set.spec.volumeClaimTemplates ?? []) {
      client.updateMetadata("persistentvolumeclaims", set.metadata.namespace, claimName(set, t, ord), (m) => {
        const refs = (m.ownerReferences ?? []).filter((r) => r.uid !== set.metadata.uid);
        refs.push({ apiVersion: "v1", kind: "Pod", name: pod.metadata.name, uid: pod.metadata.uid, controller: true, blockOwnerDeletion: true });
        m.ownerReferences = refs;
      });
    }
  }
  const r = client.delete("pods", pod.metadata.namespace, pod.metadata.name);
  if (r.ok) client.event(set, "Normal", "SuccessfulDelete", `delete Pod ${pod.metadata.name} in StatefulSet ${name} successful`);
  else client.event(set, "Warning", "FailedDelete", `delete Pod ${pod.metadata.name} in StatefulSet ${name} failed error: ${r.status.message}`);
}

/** createPersistentVolumeClaims: missing claims are created before the pod. */
function createClaims(engine: Engine, client: ControllerClient, set: Obj, ordinal: number, podName: string): boolean {
  const ns = set.metadata.namespace;
  const whenDeleted = set.spec.persistentVolumeClaimRetentionPolicy?.whenDeleted ?? "Retain";
  for (const t of set.spec.volumeClaimTemplates ?? []) {
    const claim = claimName(set, t, ordinal);
    if (engine.store.get("persistentvolumeclaims", ns, claim)) continue;
    const pvc: Obj = {
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: {
        name: claim,
        namespace: ns,
        labels: { ...(t.metadata?.labels ?? {}), ...(set.spec.selector?.matchLabels ?? {}) },
        ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
        ...(whenDeleted === "Delete" ? { ownerReferences: [newControllerRef(set)] } : {}),
      },
      spec: clone(t.spec ?? {}),
    };
    const r = client.create("persistentvolumeclaims", pvc as KubeObject);
    if (!r.ok) {
      client.event(set, "Warning", "FailedCreate", `create Claim ${claim} for Pod ${podName} in StatefulSet ${set.metadata.name} failed error: ${r.status.message}`);
      return false;
    }
    client.event(set, "Normal", "SuccessfulCreate", `create Claim ${claim} Pod ${podName} in StatefulSet ${set.metadata.name} success`);
  }
  return true;
}

/** truncateHistory: keep revisionHistoryLimit revisions besides the live ones. */
function cleanupHistory(engine: Engine, client: ControllerClient, set: Obj, live: string[], pods: Obj[]): void {
  const inUse = new Set([...live, ...pods.map((p) => p.metadata.labels?.[REVISION_LABEL])]);
  const history = (engine.store.list("controllerrevisions", set.metadata.namespace) as Obj[])
    .filter((r) => getControllerOf(r)?.uid === set.metadata.uid && !inUse.has(r.metadata.name))
    .sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
  const limit = set.spec.revisionHistoryLimit ?? 10;
  for (const r of history.slice(0, Math.max(0, history.length - limit))) client.delete("controllerrevisions", r.metadata.namespace, r.metadata.name);
}

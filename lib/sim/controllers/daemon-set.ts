// Mirrors pkg/controller/daemon/daemon_controller.go (manage, podsShouldBeOnNode, updateDaemonSetStatus)
// and update.go (rollingUpdate with maxUnavailable): one pod per eligible node, pinned to it by
// node affinity on metadata.name, tolerating the automatic DaemonSet taints; old-revision pods are
// replaced at most maxUnavailable at a time.
import type { Engine } from "../core/engine";
import type { KubeObject } from "../core/types";
import { ControllerClient } from "./client";
import {
  byCreation,
  claimObjects,
  fnv32,
  getControllerOf,
  isPodAvailable,
  isPodReady,
  msUntilAvailable,
  newControllerRef,
  ownerKeys,
  podFromTemplate,
  safeEncodeString,
  scaledValue,
  selectorOf,
  splitKey,
  stableStringify,
  type Obj,
} from "./controller-utils";
import { daemonPodTolerations, nodeShouldRunDaemonPod, pinToNode } from "./node-eligibility";
import { revisionData } from "./stateful-set";

export const DAEMONSET_CONTROLLER = "daemonset";
const HASH_LABEL = "controller-revision-hash";

export function installDaemonSetController(engine: Engine): void {
  engine.registerController({
    name: DAEMONSET_CONTROLLER,
    watches: [
      { resource: "daemonsets", keys: (c) => (c.type === "DELETED" ? [] : [`${c.object.metadata.namespace}/${c.object.metadata.name}`]) },
      { resource: "pods", keys: (c) => ownerKeys(c, "DaemonSet") },
      { resource: "nodes", keys: (_c, e) => e.store.list("daemonsets").map((d) => `${d.metadata.namespace}/${d.metadata.name}`) },
    ],
    reconcile: (key, e) => syncDaemonSet(e, key),
  });
}

/** The ControllerRevision of the current template; pods carry its hash as controller-revision-hash. */
function syncRevision(engine: Engine, client: ControllerClient, ds: Obj): string {
  const data = revisionData(ds);
  const collision = ds.status?.collisionCount ?? 0;
  const hash = safeEncodeString(String(fnv32(stableStringify(data) + String(collision))));
  const name = `${ds.metadata.name}-${hash}`;
  const ns = ds.metadata.namespace;
  const owned = (engine.store.list("controllerrevisions", ns) as Obj[]).filter((r) => getControllerOf(r)?.uid === ds.metadata.uid);
  const max = owned.reduce((m, r) => Math.max(m, r.revision ?? 0), 0);
  const existing = owned.find((r) => r.metadata.name === name);
  if (!existing) {
    client.create("controllerrevisions", {
      apiVersion: "apps/v1",
      kind: "ControllerRevision",
      metadata: { name, namespace: ns, labels: { ...(ds.spec.template?.metadata?.labels ?? {}), [HASH_LABEL]: hash }, ownerReferences: [newControllerRef(ds)] },
      data,
      revision: max + 1,
    } as KubeObject);
  } else if ((existing.revision ?? 0) < max) {
    client.update("controllerrevisions", { ...existing, revision: max + 1 } as unknown as KubeObject);
  }
  const limit = ds.spec.revisionHistoryLimit ?? 10;
  const old = owned.filter((r) => r.metadata.name !== name).sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
  for (const r of old.slice(0, Math.max(0, old.length - limit))) client.delete("controllerrevisions", ns, r.metadata.name);
  return hash;
}

/** util.GetTargetNodeName: the bound node, or the node the pod is pinned to by affinity. */
function nodeOf(p: Obj): string | undefined {
  return p.spec?.nodeName ?? p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0];
}

export function syncDaemonSet(engine: Engine, key: string): void {
  const [ns, name] = splitKey(key);
  const client = new ControllerClient(engine, "daemonset-controller");
  const ds = engine.store.get("daemonsets", ns, name) as Obj | undefined;
  if (!ds) return;
  const now = engine.now();
  const minReady = ds.spec.minReadySeconds ?? 0;
  claimObjects(client, "pods", ds, selectorOf(ds), engine.store.list("pods", ns) as Obj[]);
  const hash = syncRevision(engine, client, ds);
  const nodes = engine.store.list("nodes") as Obj[];
  const owned = () => (engine.store.list("pods", ns) as Obj[]).filter((p) => getControllerOf(p)?.uid === ds.metadata.uid);

  if (!ds.metadata.deletionTimestamp) {
    // manage: create missing daemon pods, delete extra and misscheduled ones.
    const byNode = new Map<string, Obj[]>();
    for (const p of owned()) {
      const n = nodeOf(p);
      if (n) byNode.set(n, [...(byNode.get(n) ?? []), p]);
    }
    for (const node of nodes) {
      const should = nodeShouldRunDaemonPod(ds.spec.template?.spec ?? {}, node);
      const here = (byNode.get(node.metadata.name) ?? []).filter((p) => !p.metadata.deletionTimestamp);
      const failed = here.filter((p) => p.status?.phase === "Failed");
      for (const p of failed) deletePod(client, ds, p);
      const alive = here.filter((p) => p.status?.phase !== "Failed").sort(byCreation);
      if (should && alive.length === 0 && !(byNode.get(node.metadata.name) ?? []).some((p) => p.metadata.deletionTimestamp)) {
        createPod(client, ds, node.metadata.name, hash);
      } else if (should && alive.length > 1) {
        for (const p of alive.slice(1)) deletePod(client, ds, p);
      } else if (!should) {
        for (const p of alive) deletePod(client, ds, p);
      }
    }
    if ((ds.spec.updateStrategy?.type ?? "RollingUpdate") === "RollingUpdate") rollingUpdate(client, ds, owned(), nodes, hash, now);
  }

  // updateDaemonSetStatus.
  let desired = 0;
  let current = 0;
  let mis = 0;
  let ready = 0;
  let available = 0;
  let updated = 0;
  const pods = owned().filter((p) => !p.metadata.deletionTimestamp);
  for (const node of nodes) {
    const should = nodeShouldRunDaemonPod(ds.spec.template?.spec ?? {}, node);
    const here = pods.filter((p) => nodeOf(p) === node.metadata.name);
    if (should) {
      desired++;
      if (here.length) {
        current++;
        const p = here.sort(byCreation)[0];
        if (isPodReady(p)) {
          ready++;
          if (isPodAvailable(p, minReady, now)) available++;
        }
        if (p.metadata.labels?.[HASH_LABEL] === hash) updated++;
      }
    } else if (here.length) mis++;
  }
  const status: Obj = {
    currentNumberScheduled: current,
    desiredNumberScheduled: desired,
    numberMisscheduled: mis,
    numberReady: ready,
  };
  if (ds.metadata.generation) status.observedGeneration = ds.metadata.generation;
  if (updated) status.updatedNumberScheduled = updated;
  if (available) status.numberAvailable = available;
  if (desired - available > 0) status.numberUnavailable = desired - available;
  if (ds.status?.collisionCount != null) status.collisionCount = ds.status.collisionCount;
  client.updateStatus("daemonsets", ns, name, status);
  const waits = pods.map((p) => msUntilAvailable(p, minReady, now)).filter((w): w is number => w !== undefined);
  if (waits.length) engine.enqueueAfter(DAEMONSET_CONTROLLER, key, Math.min(...waits));
}

function createPod(client: ControllerClient, ds: Obj, nodeName: string, hash: string): void {
  const pod = podFromTemplate(ds.spec.template ?? {}, ds) as Obj;
  pod.metadata.labels = { ...pod.metadata.labels, [HASH_LABEL]: hash, "pod-template-generation": String(ds.metadata.generation ?? 1) };
  pod.spec.affinity = pinToNode(pod.spec, nodeName);
  pod.spec.tolerations = daemonPodTolerations(pod.spec);
  const r = client.create("pods", pod as KubeObject);
  if (!r.ok) client.event(ds, "Warning", "FailedCreate", `Error creating: ${r.status.message}`);
  else client.event(ds, "Normal", "SuccessfulCreate", `Created pod: ${r.value.metadata.name}`);
}

function deletePod(client: ControllerClient, ds: Obj, pod: Obj): void {
  const r = client.delete("pods", pod.metadata.namespace, pod.metadata.name);
  if (r.ok) client.event(ds, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`);
  else if (r.status.code !== 404) client.event(ds, "Warning", "FailedDelete", `Error deleting: ${r.status.message}`);
}

/** rollingUpdate (maxSurge 0): delete old-revision pods while unavailable ≤ maxUnavailable. */
function rollingUpdate(client: ControllerClient, ds: Obj, pods: Obj[], nodes: Obj[], hash: string, now: number): void {
  const minReady = ds.spec.minReadySeconds ?? 0;
  const eligible = nodes.filter((n) => nodeShouldRunDaemonPod(ds.spec.template?.spec ?? {}, n));
  const maxUnavailable = Math.max(scaledValue(ds.spec.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, eligible.length, true), 0) || (eligible.length ? 1 : 0);
  let unavailable = 0;
  const oldAvailable: Obj[] = [];
  for (const n of eligible) {
    const here = pods.filter((p) => nodeOf(p) === n.metadata.name);
    const live = here.filter((p) => !p.metadata.deletionTimestamp);
    const newPod = live.find((p) => p.metadata.labels?.[HASH_LABEL] === hash);
    const oldPod = live.find((p) => p.metadata.labels?.[HASH_LABEL] !== hash);
    const availablePod = live.find((p) => isPodAvailable(p, minReady, now));
    if (!availablePod) {
      unavailable++;
      if (oldPod && !newPod) {
        // An unavailable old pod may always be replaced.
        deletePod(client, ds, oldPod);
      }
      continue;
    }
    if (oldPod && !newPod) oldAvailable.push(oldPod);
  }
  for (const p of oldAvailable.sort((a, b) => ((nodeOf(a) ?? "") < (nodeOf(b) ?? "") ? -1 : 1))) {
    if (unavailable >= maxUnavailable) break;
    deletePod(client, ds, p);
    unavailable++;
  }
}

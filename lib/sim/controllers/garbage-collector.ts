// Mirrors pkg/controller/garbagecollector/garbagecollector.go (attemptToDeleteItem,
// processDeletingDependentsItem, orphanDependents): dependents whose owners are all gone are
// deleted (background); an owner with the `foregroundDeletion` finalizer first has its dependents
// deleted and waits for those with blockOwnerDeletion; an owner with the `orphan` finalizer has its
// ownerReferences stripped from its dependents. The apiserver removes an object whose last
// finalizer is removed. The dependency graph is recomputed from the store (small clusters).
import type { Engine } from "../core/engine";
import type { Change } from "../core/store";
import type { KubeObject, OwnerReference } from "../core/types";
import { ControllerClient } from "./client";

export const GC_CONTROLLER = "garbagecollector";

type Ref = { resource: string; namespace?: string; name: string };

function refKey(kind: "owner" | "dep", r: Ref): string {
  return `${kind}|${r.resource}|${r.namespace ?? ""}|${r.name}`;
}

function parseRef(key: string): Ref {
  const [, resource, ns, name] = key.split("|");
  return { resource, namespace: ns || undefined, name };
}

function resolveOwner(engine: Engine, ref: OwnerReference, namespace: string | undefined): { resource: string; obj?: KubeObject } | undefined {
  const info = engine.api.machinery.resolveKind(ref.apiVersion, ref.kind);
  if (!info) return undefined;
  const obj = engine.store.get(info.resource, info.namespaced ? namespace : undefined, ref.name);
  return { resource: info.resource, obj: obj && obj.metadata.uid === ref.uid ? obj : undefined };
}

function collectResources(engine: Engine): string[] {
  return engine.api.machinery
    .listResources()
    .map((i) => i.resource)
    .filter((r) => r !== "events");
}

/** Every object whose ownerReferences name `uid`. */
export function dependentsOf(engine: Engine, uid: string): { resource: string; obj: KubeObject }[] {
  const out: { resource: string; obj: KubeObject }[] = [];
  for (const resource of engine.store.resources()) {
    if (resource === "events") continue;
    for (const obj of engine.store.list(resource)) {
      if ((obj.metadata.ownerReferences ?? []).some((r) => r.uid === uid)) out.push({ resource, obj });
    }
  }
  return out;
}

function keysFor(resource: string) {
  return (change: Change, engine: Engine): string[] => {
    const o = change.object;
    const self: Ref = { resource, namespace: o.metadata.namespace, name: o.metadata.name! };
    const keys: string[] = [];
    const refs = o.metadata.ownerReferences ?? [];
    if (change.type === "DELETED") {
      keys.push(`gone|${o.metadata.uid}`);
      // A foreground-deleting owner waits for this dependent.
      for (const r of refs) {
        const owner = resolveOwner(engine, r, o.metadata.namespace);
        if (owner?.obj?.metadata.deletionTimestamp) keys.push(refKey("owner", { resource: owner.resource, namespace: owner.obj.metadata.namespace, name: r.name }));
      }
      return keys;
    }
    const fins = o.metadata.finalizers ?? [];
    if (o.metadata.deletionTimestamp && (fins.includes("foregroundDeletion") || fins.includes("orphan"))) keys.push(refKey("owner", self));
    if (refs.length && (change.type === "ADDED" || JSON.stringify(refs) !== JSON.stringify(change.old?.metadata.ownerReferences ?? []))) {
      keys.push(refKey("dep", self));
    }
    return keys;
  };
}

export function installGarbageCollector(engine: Engine): void {
  engine.registerController({
    name: GC_CONTROLLER,
    watches: collectResources(engine).map((resource) => ({ resource, keys: keysFor(resource) })),
    reconcile: (key, e) => syncGarbage(e, key),
  });
}

export function syncGarbage(engine: Engine, key: string): void {
  const client = new ControllerClient(engine, "garbage-collector-controller");
  if (key.startsWith("gone|")) {
    for (const d of dependentsOf(engine, key.slice(5))) attemptToDelete(engine, client, d.resource, d.obj);
    return;
  }
  const ref = parseRef(key);
  const obj = engine.store.get(ref.resource, ref.namespace, ref.name);
  if (!obj) return;
  if (key.startsWith("dep|")) attemptToDelete(engine, client, ref.resource, obj);
  else processDeletingOwner(engine, client, ref.resource, obj);
}

/** attemptToDeleteItem: classify the owners as solid, dangling or waiting for dependents' deletion. */
function attemptToDelete(engine: Engine, client: ControllerClient, resource: string, obj: KubeObject): void {
  const ns = obj.metadata.namespace;
  const solid: OwnerReference[] = [];
  const dangling: OwnerReference[] = [];
  const waiting: OwnerReference[] = [];
  for (const r of obj.metadata.ownerReferences ?? []) {
    const owner = resolveOwner(engine, r, ns);
    if (!owner) {
      // An unknown kind: never delete on its account.
      solid.push(r);
      continue;
    }
    if (!owner.obj) dangling.push(r);
    else if (owner.obj.metadata.deletionTimestamp && (owner.obj.metadata.finalizers ?? []).includes("foregroundDeletion")) waiting.push(r);
    else solid.push(r);
  }
  if (!dangling.length && !waiting.length) return;
  if (solid.length) {
    // Still owned by someone alive: just drop references to owners that are gone or going.
    const drop = new Set([...dangling, ...waiting].map((r) => r.uid));
    client.updateMetadata(resource, ns, obj.metadata.name!, (m) => {
      m.ownerReferences = (m.ownerReferences ?? []).filter((r) => !drop.has(r.uid));
      if (!m.ownerReferences.length) delete m.ownerReferences;
    });
    return;
  }
  if (obj.metadata.deletionTimestamp) return;
  const fins = obj.metadata.finalizers ?? [];
  const hasDependents = waiting.length > 0 && dependentsOf(engine, obj.metadata.uid!).length > 0;
  const policy = fins.includes("orphan") ? "Orphan" : fins.includes("foregroundDeletion") || hasDependents ? "Foreground" : "Background";
  client.delete(resource, ns, obj.metadata.name!, { propagationPolicy: policy, preconditionUid: obj.metadata.uid });
}

function removeFinalizer(client: ControllerClient, resource: string, obj: KubeObject, finalizer: string): void {
  client.updateMetadata(resource, obj.metadata.namespace, obj.metadata.name!, (m) => {
    m.finalizers = (m.finalizers ?? []).filter((f) => f !== finalizer);
    if (!m.finalizers.length) delete m.finalizers;
  });
}

/** orphanDependents / processDeletingDependentsItem for an owner being deleted with a GC finalizer. */
function processDeletingOwner(engine: Engine, client: ControllerClient, resource: string, owner: KubeObject): void {
  if (!owner.metadata.deletionTimestamp) return;
  const uid = owner.metadata.uid!;
  const fins = owner.metadata.finalizers ?? [];
  if (fins.includes("orphan")) {
    for (const d of dependentsOf(engine, uid)) {
      client.updateMetadata(d.resource, d.obj.metadata.namespace, d.obj.metadata.name!, (m) => {
        m.ownerReferences = (m.ownerReferences ?? []).filter((r) => r.uid !== uid);
        if (!m.ownerReferences.length) delete m.ownerReferences;
      });
    }
    removeFinalizer(client, resource, owner, "orphan");
    return;
  }
  if (!fins.includes("foregroundDeletion")) return;
  for (const d of dependentsOf(engine, uid)) {
    if (!d.obj.metadata.deletionTimestamp) attemptToDelete(engine, client, d.resource, d.obj);
  }
  const remaining = dependentsOf(engine, uid).filter((d) => (d.obj.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion));
  if (!remaining.length) {
    const live = engine.store.get(resource, owner.metadata.namespace, owner.metadata.name!);
    if (live) removeFinalizer(client, resource, live, "foregroundDeletion");
  }
}


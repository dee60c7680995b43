// Mirrors pkg/controller/namespace/deletion/namespaced_resources_deleter.go: a namespace with a
// deletionTimestamp (phase Terminating) has every namespaced object deleted; its status reports the
// NamespaceDeletion* / NamespaceContentRemaining / NamespaceFinalizersRemaining conditions; once empty
// the `kubernetes` finalizer is removed from spec.finalizers and the namespace goes away.
import type { Engine } from "../core/engine";
import { formatTime } from "../core/time";
import type { KubeObject } from "../core/types";
import { ControllerClient } from "./client";
import type { Obj } from "./controller-utils";

export const NAMESPACE_CONTROLLER = "namespace";

function namespacedResources(engine: Engine): { resource: string; group: string }[] {
  return engine.api.machinery
    .listResources()
    .filter((i) => i.namespaced)
    .map((i) => ({ resource: i.resource, group: i.group }));
}

export function installNamespaceController(engine: Engine): void {
  const watches = namespacedResources(engine)
    .filter((r) => r.resource !== "events")
    .map((r) => ({
      resource: r.resource,
      keys: (c: { type: string; object: KubeObject }, e: Engine) => {
        if (c.type !== "DELETED" && !c.object.metadata.deletionTimestamp) return [];
        const ns = e.store.get("namespaces", undefined, c.object.metadata.namespace ?? "");
        return ns?.metadata.deletionTimestamp ? [ns.metadata.name!] : [];
      },
    }));
  engine.registerController({
    name: NAMESPACE_CONTROLLER,
    watches: [{ resource: "namespaces", keys: (c) => (c.object.metadata.deletionTimestamp && c.type !== "DELETED" ? [c.object.metadata.name!] : []) }, ...watches],
    reconcile: (key, e) => syncNamespace(e, key),
  });
}

function cond(type: string, status: string, reason: string, message: string, now: number, prev: Obj[] | undefined): Obj {
  const old = (prev ?? []).find((c) => c.type === type);
  const lastTransitionTime = old && old.status === status ? old.lastTransitionTime : formatTime(now);
  return { type, status, lastTransitionTime, reason, message };
}

export function syncNamespace(engine: Engine, name: string): void {
  const client = new ControllerClient(engine, "namespace-controller");
  const ns = engine.store.get("namespaces", undefined, name) as Obj | undefined;
  if (!ns?.metadata.deletionTimestamp) return;
  const now = engine.now();
  const resources = namespacedResources(engine);
  for (const { resource } of resources) {
    for (const obj of engine.store.list(resource, name)) {
      if (!obj.metadata.deletionTimestamp) client.delete(resource, name, obj.metadata.name!);
    }
  }
  const remaining: string[] = [];
  const finalizerCounts = new Map<string, number>();
  let total = 0;
  for (const { resource, group } of resources) {
    const left = engine.store.list(resource, name);
    if (!left.length) continue;
    total += left.length;
    remaining.push(`${resource}.${group} has ${left.length} resource instances`);
    for (const o of left) for (const f of o.metadata.finalizers ?? []) finalizerCounts.set(f, (finalizerCounts.get(f) ?? 0) + 1);
  }
  const prev = ns.status?.conditions as Obj[] | undefined;
  const finalizers = [...finalizerCounts.keys()].sort().map((f) => `${f} in ${finalizerCounts.get(f)} resource instances`);
  const conditions = [
    cond("NamespaceDeletionDiscoveryFailure", "False", "ResourcesDiscovered", "All resources successfully discovered", now, prev),
    cond("NamespaceDeletionGroupVersionParsingFailure", "False", "ParsedGroupVersions", "All legacy kube types successfully parsed", now, prev),
    cond("NamespaceDeletionContentFailure", "False", "ContentDeleted", "All content successfully deleted, may be waiting on finalization", now, prev),
    total
      ? cond("NamespaceContentRemaining", "True", "SomeResourcesRemain", `Some resources are remaining: ${remaining.sort().join(", ")}`, now, prev)
      : cond("NamespaceContentRemaining", "False", "ContentRemoved", "All content successfully removed", now, prev),
    finalizers.length
      ? cond("NamespaceFinalizersRemaining", "True", "SomeFinalizersRemain", `Some content in the namespace has finalizers remaining: ${finalizers.join(", ")}`, now, prev)
      : cond("NamespaceFinalizersRemaining", "False", "ContentHasNoFinalizers", "All content-preserving finalizers finished", now, prev),
  ];
  client.updateStatus("namespaces", undefined, name, { ...(ns.status ?? {}), phase: "Terminating", conditions });
  if (total) return;
  // Empty: drop the `kubernetes` finalizer (namespaces/finalize) and let the namespace go.
  const live = engine.store.get("namespaces", undefined, name) as Obj;
  if ((live.spec?.finalizers ?? []).includes("kubernetes")) {
    const next = JSON.parse(JSON.stringify(live));
    next.spec.finalizers = next.spec.finalizers.filter((f: string) => f !== "kubernetes");
    client.update("namespaces", next);
  }
  const after = engine.store.get("namespaces", undefined, name) as Obj | undefined;
  if (after && !(after.spec?.finalizers ?? []).length) engine.api.finalize("namespaces", undefined, name);
}

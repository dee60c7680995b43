// The object store behind the simulated API server: objects by resource and namespace/name, a global
// resourceVersion counter, and a synchronous change feed (the "watch") that controllers, the
// scheduler and kubelets subscribe to. Only the apiserver writes here; everyone else reads.
import { clone, type KubeObject } from "./types";
import { matches, type Selector } from "./selectors";

export type ChangeType = "ADDED" | "MODIFIED" | "DELETED";
export type Change = { type: ChangeType; resource: string; object: KubeObject; old?: KubeObject };
export type ChangeListener = (change: Change) => void;

export class Store {
  private byResource = new Map<string, Map<string, KubeObject>>();
  private listeners: ChangeListener[] = [];
  private rv = 1000;
  private count = 0;

  /** Total number of stored objects (for the object budget). */
  size(): number {
    return this.count;
  }

  nextResourceVersion(): string {
    this.rv += 1;
    return String(this.rv);
  }

  currentResourceVersion(): string {
    return String(this.rv);
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** The stored object itself: callers must treat it as immutable (writes go through the apiserver). */
  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byResource.get(resource)?.get(key(namespace, name));
  }

  /** Objects of a resource, in one namespace or all, sorted by namespace then name (deterministic). */
  list(resource: string, namespace?: string, selector?: Selector): KubeObject[] {
    const m = this.byResource.get(resource);
    if (!m) return [];
    const out: KubeObject[] = [];
    for (const obj of m.values()) {
      if (namespace !== undefined && (obj.metadata.namespace ?? "") !== namespace) continue;
      if (selector && !matches(selector, obj.metadata.labels)) continue;
      out.push(obj);
    }
    return out.sort(byNamespaceAndName);
  }

  resources(): string[] {
    return [...this.byResource.keys()].sort();
  }

  /** Raw write: stamps a new resourceVersion, stores, and notifies watchers. Returns the stored object. */
  put(resource: string, object: KubeObject): KubeObject {
    let m = this.byResource.get(resource);
    if (!m) {
      m = new Map();
      this.byResource.set(resource, m);
    }
    const k = key(object.metadata.namespace, object.metadata.name!);
    const old = m.get(k);
    const stored: KubeObject = { ...object, metadata: { ...object.metadata, resourceVersion: this.nextResourceVersion() } };
    m.set(k, stored);
    if (!old) this.count++;
    this.emit({ type: old ? "MODIFIED" : "ADDED", resource, object: stored, old });
    return stored;
  }

  remove(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const m = this.byResource.get(resource);
    const k = key(namespace, name);
    const old = m?.get(k);
    if (!m || !old) return undefined;
    m.delete(k);
    this.count--;
    const gone: KubeObject = { ...old, metadata: { ...old.metadata, resourceVersion: this.nextResourceVersion() } };
    this.emit({ type: "DELETED", resource, object: gone, old });
    return gone;
  }

  /** Every object, sorted, deep-copied: the state part of a snapshot. */
  dump(): Record<string, KubeObject[]> {
    const out: Record<string, KubeObject[]> = {};
    for (const r of this.resources()) {
      const items = this.list(r);
      if (items.length) out[r] = clone(items);
    }
    return out;
  }

  private emit(change: Change): void {
    for (const l of this.listeners) l(change);
  }
}

function key(namespace: string | undefined, name: string): string {
  return `${namespace ?? ""}/${name}`;
}

export function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const an = a.metadata.namespace ?? "";
  const bn = b.metadata.namespace ?? "";
  if (an !== bn) return an < bn ? -1 : 1;
  const a1 = a.metadata.name ?? "";
  const b1 = b.metadata.name ?? "";
  return a1 < b1 ? -1 : a1 > b1 ? 1 : 0;
}

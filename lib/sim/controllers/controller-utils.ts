// Mirrors pkg/controller/controller_utils.go and pkg/controller/controller_ref_manager.go: pod
// readiness/availability, controller references, adoption and release, the scale-down ranking
// (ActivePodsWithRanks), slow-start batches, expectations and the pod-template hash.
import type { Engine } from "../core/engine";
import { fromLabelSelector, matches, type Selector } from "../core/selectors";
import { parseTime } from "../core/time";
import { clone, type KubeObject, type OwnerReference } from "../core/types";
import type { ControllerClient } from "./client";

export type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function ts(text: string | undefined | null): number {
  if (!text) return 0;
  const v = parseTime(text);
  return Number.isNaN(v) ? 0 : v;
}

export function condition(obj: Obj, type: string): Obj | undefined {
  return (obj.status?.conditions ?? []).find((c: Obj) => c.type === type);
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Obj): boolean {
  return condition(pod, "Ready")?.status === "True";
}

/** podutil.IsPodAvailable: ready for at least minReadySeconds (by the Ready condition's lastTransitionTime). */
export function isPodAvailable(pod: Obj, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const since = ts(condition(pod, "Ready")?.lastTransitionTime);
  return since + minReadySeconds * 1000 <= now;
}

/** Milliseconds until a ready pod becomes available, or undefined when it is not ready or already available. */
export function msUntilAvailable(pod: Obj, minReadySeconds: number, now: number): number | undefined {
  if (!isPodReady(pod) || !minReadySeconds) return undefined;
  const at = ts(condition(pod, "Ready")?.lastTransitionTime) + minReadySeconds * 1000;
  return at > now ? at - now : undefined;
}

/** controller.IsPodActive: not finished and not being deleted. */
export function isPodActive(pod: Obj): boolean {
  return pod.status?.phase !== "Succeeded" && pod.status?.phase !== "Failed" && !pod.metadata.deletionTimestamp;
}

export function isPodTerminating(pod: Obj): boolean {
  return !!pod.metadata.deletionTimestamp && pod.status?.phase !== "Succeeded" && pod.status?.phase !== "Failed";
}

export function getControllerOf(obj: KubeObject | Obj): OwnerReference | undefined {
  return (obj.metadata.ownerReferences ?? []).find((r: OwnerReference) => r.controller);
}

export function newControllerRef(owner: KubeObject | Obj): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Keys `ns/name` of the owners of kind `kind` a change of a dependent concerns (old and new controllers). */
export function ownerKeys(change: { object: KubeObject; old?: KubeObject }, kind: string): string[] {
  const out = new Set<string>();
  for (const o of [change.object, change.old]) {
    if (!o) continue;
    const ref = getControllerOf(o);
    if (ref && ref.kind === kind) out.add(`${o.metadata.namespace}/${ref.name}`);
  }
  return [...out];
}

export function splitKey(key: string): [string, string] {
  const i = key.indexOf("/");
  return [key.slice(0, i), key.slice(i + 1)];
}

/** ReplicaSetsByCreationTimestamp and friends: oldest first, ties broken by name. */
export function byCreation(a: KubeObject | Obj, b: KubeObject | Obj): number {
  const d = ts(a.metadata.creationTimestamp) - ts(b.metadata.creationTimestamp);
  if (d !== 0) return d;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

export function selectorOf(obj: Obj): Selector {
  return fromLabelSelector(obj.spec?.selector);
}

/**
 * ClaimObjects (BaseControllerRefManager): adopt orphans whose labels match the selector (unless the
 * owner is being deleted), release owned objects whose labels no longer match; returns what is owned.
 */
export function claimObjects(
  client: ControllerClient,
  resource: string,
  owner: Obj,
  selector: Selector,
  candidates: Obj[],
): Obj[] {
  const claimed: Obj[] = [];
  const uid = owner.metadata.uid;
  for (const obj of candidates) {
    const ref = getControllerOf(obj);
    const match = matches(selector, obj.metadata.labels);
    if (ref) {
      if (ref.uid !== uid) continue;
      if (match) {
        claimed.push(obj);
        continue;
      }
      // Release: the object no longer matches; drop our controller reference.
      if (owner.metadata.deletionTimestamp) continue;
      client.updateMetadata(resource, obj.metadata.namespace, obj.metadata.name, (m) => {
        m.ownerReferences = (m.ownerReferences ?? []).filter((r) => r.uid !== uid);
        if (!m.ownerReferences.length) delete m.ownerReferences;
      });
      continue;
    }
    if (!match || owner.metadata.deletionTimestamp || obj.metadata.deletionTimestamp) continue;
    const r = client.updateMetadata(resource, obj.metadata.namespace, obj.metadata.name, (m) => {
      m.ownerReferences = [...(m.ownerReferences ?? []), newControllerRef(owner)];
    });
    if (r.ok) claimed.push(r.value);
  }
  return claimed;
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function restartCount(pod: Obj): number {
  return (pod.status?.containerStatuses ?? []).reduce((n: number, s: Obj) => n + (s.restartCount ?? 0), 0);
}

/**
 * ActivePodsWithRanks.Less: which pod to delete first when scaling down.
 * 1. unassigned < assigned; 2. Pending < Unknown < Running; 3. not ready < ready;
 * 4. higher rank (more pods of the family on the same node) first; 5. ready for less time first;
 * 6. more restarts first; 7. newer first; tie-break by name for determinism.
 */
export function comparePodsForDeletion(a: { pod: Obj; rank: number }, b: { pod: Obj; rank: number }, now: number): number {
  const pa = a.pod;
  const pb = b.pod;
  const aAssigned = !!pa.spec?.nodeName;
  const bAssigned = !!pb.spec?.nodeName;
  if (aAssigned !== bAssigned) return aAssigned ? 1 : -1;
  const ra = PHASE_RANK[pa.status?.phase] ?? 1;
  const rb = PHASE_RANK[pb.status?.phase] ?? 1;
  if (ra !== rb) return ra - rb;
  const aReady = isPodReady(pa);
  const bReady = isPodReady(pb);
  if (aReady !== bReady) return aReady ? 1 : -1;
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (aReady && bReady) {
    // Ready for a shorter time first (logarithmic buckets upstream; exact times here).
    const ta = now - ts(condition(pa, "Ready")?.lastTransitionTime);
    const tb = now - ts(condition(pb, "Ready")?.lastTransitionTime);
    if (ta !== tb) return ta - tb;
  }
  const rca = restartCount(pa);
  const rcb = restartCount(pb);
  if (rca !== rcb) return rcb - rca;
  const ca = ts(pa.metadata.creationTimestamp);
  const cb = ts(pb.metadata.creationTimestamp);
  if (ca !== cb) return cb - ca;
  return pa.metadata.name < pb.metadata.name ? 1 : pa.metadata.name > pb.metadata.name ? -1 : 0;
}

/**
 * getPodsToDelete (replica_set.go): ranks each pod by how many pods of the related set (the
 * ReplicaSet's own and its Deployment siblings') share its node, then takes the first `diff`.
 */
export function getPodsToDelete(filteredPods: Obj[], relatedPods: Obj[], diff: number, now: number): Obj[] {
  if (diff >= filteredPods.length) return [...filteredPods];
  const perNode = new Map<string, number>();
  for (const p of relatedPods) {
    if (!isPodActive(p) || !p.spec?.nodeName) continue;
    perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
  }
  const ranked = filteredPods.map((pod) => ({ pod, rank: pod.spec?.nodeName ? perNode.get(pod.spec.nodeName) ?? 0 : 0 }));
  ranked.sort((a, b) => comparePodsForDeletion(a, b, now));
  return ranked.slice(0, diff).map((r) => r.pod);
}

/**
 * slowStartBatch: calls fn in batches of 1, 2, 4, … so a failing create (quota, admission) fails
 * fast instead of being attempted `count` times; returns how many succeeded and the first error.
 */
export function slowStartBatch<E>(count: number, initialBatchSize: number, fn: () => E | undefined): { successes: number; error?: E } {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let error: E | undefined;
    for (let i = 0; i < batch; i++) {
      const e = fn();
      if (e === undefined) successes++;
      else error ??= e;
    }
    if (error !== undefined) return { successes, error };
    remaining -= batch;
  }
  return { successes };
}

/**
 * ControllerExpectations: how many creations/deletions a controller still waits to observe for a
 * key. The simulated watch is synchronous, so observations arrive during the write itself; the
 * bookkeeping still guards a reconcile triggered mid-burst from acting on a stale view.
 */
export class Expectations {
  private map = new Map<string, { add: number; del: number; at: number }>();

  expect(key: string, add: number, del: number, now: number): void {
    this.map.set(key, { add, del, at: now });
  }

  observe(key: string, kind: "add" | "del"): void {
    const e = this.map.get(key);
    if (!e) return;
    if (kind === "add") e.add = Math.max(0, e.add - 1);
    else e.del = Math.max(0, e.del - 1);
  }

  lower(key: string, add: number, del: number): void {
    const e = this.map.get(key);
    if (!e) return;
    e.add = Math.max(0, e.add - add);
    e.del = Math.max(0, e.del - del);
  }

  /** Satisfied when fulfilled, unknown, or older than ExpectationsTimeout (5 minutes). */
  satisfied(key: string, now: number): boolean {
    const e = this.map.get(key);
    return !e || (e.add <= 0 && e.del <= 0) || now - e.at > 5 * 60 * 1000;
  }

  forget(key: string): void {
    this.map.delete(key);
  }
}

export function moduleState<T>(engine: Engine, name: string, init: () => T): T {
  let s = engine.modules.get(name) as T | undefined;
  if (s === undefined) {
    s = init();
    engine.modules.set(name, s);
  }
  return s;
}

/** intstr.GetScaledValueFromIntOrPercent. */
export function scaledValue(value: number | string | undefined | null, total: number, roundUp: boolean): number {
  if (value == null) return 0;
  if (typeof value === "number") return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) return /^\d+$/.test(value) ? Number(value) : 0;
  const v = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(v) : Math.floor(v);
}

// FNV-32a as hash/fnv's New32a.
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  const bytes = new TextEncoder().encode(text);
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** rand.SafeEncodeString: each byte of the text mapped into the vowel-free alphabet. */
export function safeEncodeString(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += SAFE_ALPHABET[text.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

/** Equality of the JSON forms of two values (key order ignored, undefined members absent): stableStringify(a) === stableStringify(b) without building strings. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  const x = a as Obj;
  const y = b as Obj;
  let n = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    n++;
    if (y[k] === undefined || !jsonEqual(x[k], y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) n--;
  return n === 0;
}

/**
 * controller.ComputeHash: FNV-32a of the pod template (+ collisionCount as 4 little-endian bytes),
 * printed in decimal and safe-encoded. Upstream hashes a spew dump of the Go struct; here the hash
 * covers a key-sorted JSON serialisation, so values differ from a real cluster's but are as stable.
 */
export function computeHash(template: unknown, collisionCount?: number | null): string {
  let text = stableStringify(template);
  if (collisionCount != null) {
    const c = collisionCount >>> 0;
    text += String.fromCharCode(c & 255, (c >>> 8) & 255, (c >>> 16) & 255, (c >>> 24) & 255);
  }
  return safeEncodeString(String(fnv32a(text)));
}

/** Pod from a controller's template (controller.GetPodFromTemplate). */
export function podFromTemplate(template: Obj, owner: Obj, extra: { generateName?: string; name?: string } = {}): KubeObject {
  const meta: Obj = {
    namespace: owner.metadata.namespace,
    labels: { ...(template.metadata?.labels ?? {}) },
    ownerReferences: [newControllerRef(owner)],
  };
  if (template.metadata?.annotations) meta.annotations = { ...template.metadata.annotations };
  if (template.metadata?.finalizers) meta.finalizers = [...template.metadata.finalizers];
  if (extra.name) meta.name = extra.name;
  else meta.generateName = extra.generateName ?? `${owner.metadata.name}-`;
  return { apiVersion: "v1", kind: "Pod", metadata: meta, spec: clone(template.spec ?? {}) } as KubeObject;
}

/**
 * SetDeploymentCondition / SetReplicaSetCondition: a condition with the same status and reason is
 * left as it is; a same-status change keeps lastTransitionTime; the condition moves to the end.
 */
export function setCondition(conditions: Obj[] | undefined, next: Obj): Obj[] {
  const list = conditions ?? [];
  const cur = list.find((c) => c.type === next.type);
  if (cur && cur.status === next.status && cur.reason === next.reason) return list;
  const value = cur && cur.status === next.status && "lastTransitionTime" in cur ? { ...next, lastTransitionTime: cur.lastTransitionTime } : next;
  return [...list.filter((c) => c.type !== next.type), value];
}

export function removeCondition(conditions: Obj[] | undefined, type: string): Obj[] {
  return (conditions ?? []).filter((c) => c.type !== type);
}

// FNV-32 (not 32a) as hash/fnv's New32, used by history.HashControllerRevision.
export function fnv32(text: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) {
    h = Math.imul(h, 0x01000193) >>> 0;
    h ^= b;
  }
  return h >>> 0;
}

// Event recording as client-go's EventRecorder + EventCorrelator do it (legacy core/v1 events, which
// kubelet and kube-controller-manager still emit in v1.32): an identical event (same source, object,
// type, reason and message) within the TTL bumps `count` and `lastTimestamp` instead of creating a
// new object. Events expire one hour after their last update (the apiserver's --event-ttl default).
import type { KubeObject } from "./types";
import type { Change } from "./store";
import { formatMicroTime, formatTime } from "./time";

export type EventSource = { component: string; host?: string };
export type EventInput = {
  object: KubeObject;
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  source: EventSource;
  /** e.g. `spec.containers{nginx}` for container-level kubelet events. */
  fieldPath?: string;
  /** events.k8s.io/v1 style (the scheduler): eventTime set, first/lastTimestamp null, `action` set. */
  action?: string;
};

export const EVENT_TTL_MS = 60 * 60 * 1000;

export type EventSink = {
  now(): number;
  get(namespace: string, name: string): KubeObject | undefined;
  /** Names of the events in `namespace` that may aggregate with `key` (see aggregationKey); a superset is fine. */
  candidates(namespace: string, key: string): Iterable<string>;
  write(event: KubeObject): KubeObject;
  uid(): string;
  scheduleExpiry(namespace: string, name: string, atMs: number): void;
};

export function recordEvent(sink: EventSink, input: EventInput): KubeObject {
  const { object, type, reason, message, source, fieldPath, action } = input;
  const namespace = object.metadata.namespace || "default";
  const now = sink.now();
  const involvedObject: Record<string, unknown> = {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.metadata.name,
    namespace: object.metadata.namespace,
    resourceVersion: object.metadata.resourceVersion,
    uid: object.metadata.uid,
  };
  if (fieldPath) involvedObject.fieldPath = fieldPath;
  if (!object.metadata.namespace) delete involvedObject.namespace;

  // The first matching event in name order (the correlator's cache holds one per key).
  let existing: KubeObject | undefined;
  for (const name of sink.candidates(namespace, keyOf(object.metadata.uid, fieldPath, reason, message, type, source.component))) {
    const e = sink.get(namespace, name);
    if (!e || (existing && existing.metadata.name! < name)) continue;
    const io = e.involvedObject as Record<string, unknown>;
    if (io.uid === object.metadata.uid && io.fieldPath === fieldPath && e.reason === reason && e.message === message && e.type === type && e.reportingComponent === source.component) {
      existing = e;
    }
  }

  if (existing && !action) {
    const updated: KubeObject = {
      ...existing,
      count: ((existing.count as number) ?? 1) + 1,
      lastTimestamp: formatTime(now),
    };
    const stored = sink.write(updated);
    sink.scheduleExpiry(namespace, existing.metadata.name!, now + EVENT_TTL_MS);
    return stored;
  }
  if (existing && action) {
    // events.k8s.io series: count and lastObservedTime move, as the scheduler's retries do.
    const series = (existing.series as { count: number; lastObservedTime: string } | undefined) ?? { count: 1, lastObservedTime: "" };
    const stored = sink.write({ ...existing, series: { count: series.count + 1, lastObservedTime: formatMicroTime(now) } });
    sink.scheduleExpiry(namespace, existing.metadata.name!, now + EVENT_TTL_MS);
    return stored;
  }

  // client-go names events `<object>.<hex of UnixNano>`; a same-instant collision takes the next nanosecond.
  let nanos = BigInt(Math.round(now)) * 1_000_000n;
  let name = `${object.metadata.name}.${nanos.toString(16)}`;
  while (sink.get(namespace, name)) {
    nanos += 1n;
    name = `${object.metadata.name}.${nanos.toString(16)}`;
  }
  const event: KubeObject = action
    ? {
        apiVersion: "v1",
        kind: "Event",
        metadata: { name, namespace, uid: sink.uid(), creationTimestamp: formatTime(now) },
        action,
        eventTime: formatMicroTime(now),
        firstTimestamp: null,
        involvedObject,
        lastTimestamp: null,
        message,
        reason,
        reportingComponent: source.component,
        reportingInstance: source.host ? `${source.component}-${source.host}` : source.component,
        source: {},
        type,
      }
    : {
        apiVersion: "v1",
        kind: "Event",
        metadata: { name, namespace, uid: sink.uid(), creationTimestamp: formatTime(now) },
        count: 1,
        eventTime: null,
        firstTimestamp: formatTime(now),
        involvedObject,
        lastTimestamp: formatTime(now),
        message,
        reason,
        reportingComponent: source.component,
        reportingInstance: source.host ?? "",
        source: source.host ? { component: source.component, host: source.host } : { component: source.component },
        type,
      };
  const stored = sink.write(event);
  sink.scheduleExpiry(namespace, name, now + EVENT_TTL_MS);
  return stored;
}

function keyOf(uid: unknown, fieldPath: unknown, reason: unknown, message: unknown, type: unknown, component: unknown): string {
  return `${uid}\u0000${fieldPath}\u0000${reason}\u0000${message}\u0000${type}\u0000${component}`;
}

/** The correlator's aggregation key of a stored event: involved object uid and fieldPath, reason, message, type, component. */
export function aggregationKey(e: KubeObject): string {
  const io = (e.involvedObject ?? {}) as Record<string, unknown>;
  return keyOf(io.uid, io.fieldPath, e.reason, e.message, e.type, e.reportingComponent);
}

/**
 * Events by namespace and aggregation key, kept up to date from the store's change feed, so that
 * recording an event does not scan every event of the namespace.
 */
export class EventIndex {
  private byKey = new Map<string, Set<string>>();

  observe(change: Change): void {
    if (change.resource !== "events") return;
    // Aggregation (count, lastTimestamp) leaves the key as it was.
    if (change.type === "MODIFIED" && change.old && sameKey(change.old, change.object)) return;
    if (change.old) this.byKey.get(indexKey(change.old))?.delete(change.old.metadata.name!);
    if (change.type !== "DELETED") {
      const k = indexKey(change.object);
      let set = this.byKey.get(k);
      if (!set) this.byKey.set(k, (set = new Set()));
      set.add(change.object.metadata.name!);
    }
  }

  candidates(namespace: string, key: string): Iterable<string> {
    return this.byKey.get(`${namespace}\u0001${key}`) ?? [];
  }
}

function sameKey(a: KubeObject, b: KubeObject): boolean {
  const ia = (a.involvedObject ?? {}) as Record<string, unknown>;
  const ib = (b.involvedObject ?? {}) as Record<string, unknown>;
  return (
    a.metadata.name === b.metadata.name &&
    a.metadata.namespace === b.metadata.namespace &&
    ia.uid === ib.uid &&
    ia.fieldPath === ib.fieldPath &&
    a.reason === b.reason &&
    a.message === b.message &&
    a.type === b.type &&
    a.reportingComponent === b.reportingComponent
  );
}

function indexKey(e: KubeObject): string {
  return `${e.metadata.namespace ?? ""}\u0001${aggregationKey(e)}`;
}

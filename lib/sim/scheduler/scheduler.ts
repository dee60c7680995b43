// The default-scheduler as a controller, after pkg/scheduler/schedule_one.go (scheduleOne,
// handleSchedulingFailure, bind) and eventhandlers.go: pods without spec.nodeName whose schedulerName
// is default-scheduler are scheduled one at a time against the current snapshot; failures set
// PodScheduled=False/Unschedulable and emit FailedScheduling, and the pod waits in the unschedulable
// set until a cluster event one of its rejecting plugins cares about (the QueueingHint idea), its
// back-off, or the 5-minute flush brings it back.
import type { Pod, PodCondition } from "kubernetes-types/core/v1";
import type { Change } from "../core/store";
import type { Engine } from "../core/engine";
import type { KubeObject } from "../core/types";
import { formatTime } from "../core/time";
import { asPod, type Lister } from "./types";
import { schedulePod, type ScheduleResult } from "./framework";
import { backoffDuration, nextFlushAt } from "./queue";
import { isTerminal } from "./node-info";
import { claimClassName, isBound, podClaimNames, SELECTED_NODE_ANNOTATION } from "./plugins/volume-binding";

export const SCHEDULER_NAME = "default-scheduler";
const CONTROLLER = "scheduler";
const MODULE = "scheduler";
const FLUSH_TIMER = "scheduler.flush";
const SOURCE = { component: SCHEDULER_NAME };

export const SCHEDULING_GATED_MESSAGE = "Scheduling is blocked due to non-empty scheduling gates";

type Entry = {
  uid: string;
  attempts: number;
  lastAttempt: number;
  unschedulable: boolean;
  /** Plugins that rejected the pod last time. */
  plugins: string[];
  flushTimer?: number;
  backoffTimer?: number;
  /** Node chosen while WaitForFirstConsumer claims are being bound (PreBind waits for them). */
  assumedNode?: string;
};

type SchedulerState = { entries: Map<string, Entry>; startMs: number };

function state(engine: Engine): SchedulerState {
  let s = engine.modules.get(MODULE) as SchedulerState | undefined;
  if (!s) {
    s = { entries: new Map(), startMs: engine.now() };
    engine.modules.set(MODULE, s);
  }
  return s;
}

const keyOf = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;

function needsScheduling(pod: Pod): boolean {
  return !pod.spec?.nodeName && (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME && !pod.metadata?.deletionTimestamp && !isTerminal(pod);
}

/** Unschedulable pods whose last rejection came from one of `plugins` (all of them when undefined). */
function requeue(engine: Engine, plugins?: string[]): string[] {
  const out: string[] = [];
  for (const [key, e] of state(engine).entries) {
    if (!e.unschedulable && !e.assumedNode) continue;
    if (!plugins || e.plugins.some((p) => plugins.includes(p)) || (e.assumedNode && plugins.includes("VolumeBinding"))) out.push(key);
  }
  return out;
}

const FREED = ["NodeResourcesFit", "NodePorts", "InterPodAffinity", "PodTopologySpread"];
const POD_PLACEMENT = ["InterPodAffinity", "PodTopologySpread"];
const VOLUME = ["VolumeBinding"];

const json = (v: unknown) => JSON.stringify(v ?? null);

function podKeys(change: Change, engine: Engine): string[] {
  const pod = asPod(change.object);
  const old = change.old ? asPod(change.old) : undefined;
  const key = keyOf(change.object);
  const boundAndLive = (p?: Pod) => !!p?.spec?.nodeName && !isTerminal(p);
  if (change.type === "DELETED") return [key, ...(boundAndLive(old ?? pod) ? requeue(engine, FREED) : [])];
  if (change.type === "ADDED") return needsScheduling(pod) ? [key] : boundAndLive(pod) ? requeue(engine, POD_PLACEMENT) : [];
  if (needsScheduling(pod)) {
    // The scheduler's own status writes don't retry a pod; a changed spec or labels do.
    const changed = json(pod.spec) !== json(old?.spec) || json(pod.metadata?.labels) !== json(old?.metadata?.labels);
    return changed ? [key] : [];
  }
  if (!old) return [];
  if (boundAndLive(old) && !boundAndLive(pod)) return [key, ...requeue(engine, FREED)];
  if (!boundAndLive(old) && boundAndLive(pod)) return [key, ...requeue(engine, POD_PLACEMENT)];
  if (boundAndLive(pod) && json(pod.metadata?.labels) !== json(old.metadata?.labels)) return requeue(engine, POD_PLACEMENT);
  return old.spec?.nodeName ? [] : [key];
}

function nodeKeys(change: Change, engine: Engine): string[] {
  if (change.type === "DELETED") return [];
  if (change.type === "MODIFIED" && change.old) {
    const a = change.object as { metadata: KubeObject["metadata"]; spec?: unknown; status?: { allocatable?: unknown; conditions?: { type: string; status: string }[] } };
    const b = change.old as typeof a;
    const ready = (n: typeof a) => n.status?.conditions?.find((c) => c.type === "Ready")?.status;
    const same = json(a.metadata.labels) === json(b.metadata.labels) && json(a.spec) === json(b.spec) && json(a.status?.allocatable) === json(b.status?.allocatable) && ready(a) === ready(b);
    if (same) return [];
  }
  return requeue(engine);
}

function lister(engine: Engine): Lister {
  return { get: (r, ns, n) => engine.store.get(r, ns, n), list: (r, ns) => engine.store.list(r, ns) };
}

function setScheduledCondition(engine: Engine, pod: KubeObject, condition: Omit<PodCondition, "lastTransitionTime" | "lastProbeTime">, nominatedNodeName?: string | null): KubeObject {
  const status = { ...((pod.status as Record<string, unknown>) ?? {}) } as { conditions?: PodCondition[]; nominatedNodeName?: string };
  const conditions = [...(status.conditions ?? [])];
  const i = conditions.findIndex((c) => c.type === "PodScheduled");
  const old = i >= 0 ? conditions[i] : undefined;
  const next: PodCondition = {
    lastProbeTime: null as unknown as undefined,
    lastTransitionTime: old && old.status === condition.status ? old.lastTransitionTime : formatTime(engine.now()),
    ...(condition.message ? { message: condition.message } : {}),
    ...(condition.reason ? { reason: condition.reason } : {}),
    status: condition.status,
    type: "PodScheduled",
  };
  if (i >= 0) conditions[i] = next;
  else conditions.push(next);
  const nextStatus: Record<string, unknown> = { ...status, conditions };
  if (nominatedNodeName) nextStatus.nominatedNodeName = nominatedNodeName;
  else if (nominatedNodeName === null) delete nextStatus.nominatedNodeName;
  const r = engine.api.updateStatus("pods", pod.metadata.namespace, pod.metadata.name!, nextStatus);
  return r.ok ? r.value : pod;
}

function cancelTimers(engine: Engine, e: Entry): void {
  engine.cancel(e.flushTimer);
  engine.cancel(e.backoffTimer);
  e.flushTimer = e.backoffTimer = undefined;
}

/** PreBind of VolumeBinding: WaitForFirstConsumer claims learn the chosen node; binding waits until they are bound. */
function claimsReady(engine: Engine, pod: Pod, node: string): boolean {
  const ns = pod.metadata?.namespace ?? "default";
  let ready = true;
  for (const { name } of podClaimNames(pod)) {
    const pvc = engine.store.get("persistentvolumeclaims", ns, name);
    if (!pvc) return false;
    if (isBound(pvc as never)) continue;
    ready = false;
    const sc = engine.store.get("storageclasses", undefined, claimClassName(pvc as never));
    if ((sc as { volumeBindingMode?: string } | undefined)?.volumeBindingMode !== "WaitForFirstConsumer") continue;
    if (pvc.metadata.annotations?.[SELECTED_NODE_ANNOTATION] !== node) {
      engine.api.updateMetadata("persistentvolumeclaims", ns, name, (m) => {
        m.annotations = { ...(m.annotations ?? {}), [SELECTED_NODE_ANNOTATION]: node };
      });
    }
  }
  return ready;
}

function bind(engine: Engine, podObj: KubeObject, node: string): boolean {
  const r = engine.api.bind(podObj.metadata.namespace!, podObj.metadata.name!, node);
  if (!r.ok) return false;
  engine.recordEvent({
    object: r.value,
    type: "Normal",
    reason: "Scheduled",
    message: `Successfully assigned ${podObj.metadata.namespace}/${podObj.metadata.name} to ${node}`,
    source: SOURCE,
    action: "Binding",
  });
  return true;
}

function preemptVictims(engine: Engine, preemptor: KubeObject, result: Extract<ScheduleResult, { kind: "unschedulable" }>): string | undefined {
  const c = result.preemption?.candidate;
  if (!c) return undefined;
  for (const v of c.victims) {
    const live = engine.store.get("pods", v.metadata?.namespace, v.metadata!.name!);
    if (!live || live.metadata.deletionTimestamp) continue;
    const status = { ...((live.status as Record<string, unknown>) ?? {}) } as { conditions?: PodCondition[] };
    const conditions = (status.conditions ?? []).filter((x) => x.type !== "DisruptionTarget");
    conditions.push({
      lastProbeTime: null as unknown as undefined,
      lastTransitionTime: formatTime(engine.now()),
      message: `${SCHEDULER_NAME}: preempting to accommodate a higher priority pod`,
      reason: "PreemptionByScheduler",
      status: "True",
      type: "DisruptionTarget",
    });
    const updated = engine.api.updateStatus("pods", live.metadata.namespace, live.metadata.name!, { ...status, conditions });
    engine.api.delete("pods", live.metadata.namespace, live.metadata.name!);
    engine.recordEvent({
      object: updated.ok ? updated.value : live,
      type: "Normal",
      reason: "Preempted",
      message: `Preempted by pod ${preemptor.metadata.uid} on node ${c.node}`,
      source: SOURCE,
      action: "Preempting",
    });
  }
  return c.node;
}

function reconcile(key: string, engine: Engine): void {
  const s = state(engine);
  const [ns, name] = key.split("/");
  const podObj = engine.store.get("pods", ns, name);
  let entry = s.entries.get(key);
  if (!podObj || !needsScheduling(asPod(podObj))) {
    if (entry) cancelTimers(engine, entry);
    s.entries.delete(key);
    return;
  }
  const pod = asPod(podObj);
  if (entry && entry.uid !== podObj.metadata.uid) {
    cancelTimers(engine, entry);
    entry = undefined;
  }
  if ((pod.spec?.schedulingGates ?? []).length) {
    // PreEnqueue of SchedulingGates: the pod never enters the active queue.
    setScheduledCondition(engine, podObj, { type: "PodScheduled", status: "False", reason: "SchedulingGated", message: SCHEDULING_GATED_MESSAGE });
    return;
  }
  const now = engine.now();
  if (entry?.assumedNode) {
    // Waiting in PreBind for WaitForFirstConsumer claims.
    if (claimsReady(engine, pod, entry.assumedNode) && bind(engine, podObj, entry.assumedNode)) s.entries.delete(key);
    return;
  }
  if (entry && entry.attempts > 0) {
    const readyAt = entry.lastAttempt + backoffDuration(entry.attempts);
    if (now < readyAt) {
      engine.cancel(entry.backoffTimer);
      entry.backoffTimer = engine.enqueueAfter(CONTROLLER, key, readyAt - now);
      return;
    }
  }
  if (!entry) {
    entry = { uid: podObj.metadata.uid!, attempts: 0, lastAttempt: now, unschedulable: false, plugins: [] };
    s.entries.set(key, entry);
  }
  cancelTimers(engine, entry);
  entry.attempts++;
  entry.lastAttempt = now;
  const result = schedulePod(pod, lister(engine), engine.rng);
  if (result.kind === "scheduled") {
    if (!podClaimNames(pod).length || claimsReady(engine, pod, result.node)) {
      if (bind(engine, podObj, result.node)) s.entries.delete(key);
      return;
    }
    entry.unschedulable = false;
    entry.assumedNode = result.node;
    entry.plugins = ["VolumeBinding"];
    return;
  }
  entry.unschedulable = true;
  entry.plugins = result.plugins;
  const nominated = preemptVictims(engine, podObj, result);
  const hadNomination = !!(podObj.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName;
  const updated = setScheduledCondition(engine, podObj, { type: "PodScheduled", status: "False", reason: "Unschedulable", message: result.message }, nominated ?? (hadNomination ? null : undefined));
  engine.recordEvent({ object: updated, type: "Warning", reason: "FailedScheduling", message: result.message, source: SOURCE, action: "Scheduling" });
  entry.flushTimer = engine.schedule(nextFlushAt(s.startMs, now) - now, FLUSH_TIMER, { key, uid: entry.uid });
}

export function installScheduler(engine: Engine): void {
  state(engine);
  engine.onTimer(FLUSH_TIMER, (payload, e) => {
    const { key, uid } = payload as { key: string; uid: string };
    const entry = state(e).entries.get(key);
    if (entry && entry.uid === uid && entry.unschedulable) {
      entry.flushTimer = undefined;
      e.enqueue(CONTROLLER, key);
    }
  });
  engine.registerController({
    name: CONTROLLER,
    watches: [
      { resource: "pods", keys: podKeys },
      { resource: "nodes", keys: nodeKeys },
      { resource: "persistentvolumeclaims", keys: (c, e) => (c.type === "DELETED" ? [] : requeue(e, VOLUME)) },
      { resource: "persistentvolumes", keys: (c, e) => (c.type === "DELETED" ? [] : requeue(e, VOLUME)) },
      { resource: "storageclasses", keys: (c, e) => (c.type === "DELETED" ? [] : requeue(e, VOLUME)) },
      { resource: "namespaces", keys: (c, e) => (c.type === "MODIFIED" && json(c.object.metadata.labels) !== json(c.old?.metadata.labels) ? requeue(e, ["InterPodAffinity"]) : []) },
    ],
    reconcile,
  });
}

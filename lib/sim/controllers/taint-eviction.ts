// Mirrors pkg/controller/tainteviction/taint_eviction.go (processPodOnNode, getMinTolerationTime) for every
// NoExecute taint on a node, including the ones `kubectl taint` adds: a pod that does not tolerate one is
// evicted at once; one that tolerates them all for at most tolerationSeconds is evicted that long after the
// controller first saw the taint; removing the taint first cancels the eviction.
// The kubelet module's node lifecycle evicts for its own unreachable taint with the same rule; both skip a
// pod that already has a deletionTimestamp, so a pod is deleted once.
import type { Engine } from "../core/engine";
import type { Change } from "../core/store";
import type { KubeObject } from "../core/types";
import { formatTime } from "../core/time";
import { ControllerClient } from "./client";
import { splitKey, type Obj } from "./controller-utils";

export const TAINT_EVICTION_CONTROLLER = "taint-eviction";
const STATE_KEY = "taint-eviction.scheduled";
const COMPONENT = "taint-eviction-controller";

/** Evictions waiting for tolerationSeconds: pod key → when the wait started and when it ends. */
type Scheduled = Map<string, { uid: string; createdAt: number; triggerAt: number }>;

function scheduled(engine: Engine): Scheduled {
  let s = engine.modules.get(STATE_KEY) as Scheduled | undefined;
  if (!s) {
    s = new Map();
    engine.modules.set(STATE_KEY, s);
  }
  return s;
}

function noExecuteTaints(node: Obj | undefined): Obj[] {
  return ((node?.spec?.taints ?? []) as Obj[]).filter((t) => t.effect === "NoExecute");
}

/** v1.Toleration.ToleratesTaint. */
export function toleratesTaint(toleration: Obj, taint: Obj): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  // An empty key with operator Exists matches every taint.
  switch (toleration.operator ?? "Equal") {
    case "Exists":
      return true;
    case "Equal":
      return (toleration.value ?? "") === (taint.value ?? "");
    default:
      return false;
  }
}

/**
 * What the controller does with a pod on a node with these NoExecute taints: nothing, evict now, or evict
 * after the smallest tolerationSeconds of the tolerations it uses (getMatchingTolerations, getMinTolerationTime).
 */
export function evictionDelay(pod: Obj, taints: Obj[]): { kind: "none" } | { kind: "now" } | { kind: "after"; ms: number } {
  if (taints.length === 0) return { kind: "none" };
  const tolerations: Obj[] = pod.spec?.tolerations ?? [];
  const used: Obj[] = [];
  for (const taint of taints) {
    const matching = tolerations.filter((t) => toleratesTaint(t, taint));
    if (matching.length === 0) return { kind: "now" };
    used.push(...matching);
  }
  let min: number | undefined;
  for (const t of used) {
    // A toleration without tolerationSeconds tolerates forever; a negative value is treated as 0.
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    const s = Math.max(0, Number(t.tolerationSeconds));
    if (min === undefined || s < min) min = s;
  }
  return min === undefined ? { kind: "none" } : min === 0 ? { kind: "now" } : { kind: "after", ms: min * 1000 };
}

function sameNoExecute(a: Obj | undefined, b: Obj | undefined): boolean {
  return JSON.stringify(noExecuteTaints(a).map((t) => [t.key, t.value, t.effect])) === JSON.stringify(noExecuteTaints(b).map((t) => [t.key, t.value, t.effect]));
}

function podKeys(change: Change, engine: Engine): string[] {
  const pod = change.object as Obj;
  const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
  if (change.type === "DELETED") return scheduled(engine).has(key) ? [key] : [];
  const nodeName: string | undefined = pod.spec?.nodeName;
  if (!nodeName || pod.metadata.deletionTimestamp) return [];
  const old = change.old as Obj | undefined;
  if (old && old.spec?.nodeName === nodeName && JSON.stringify(old.spec?.tolerations) === JSON.stringify(pod.spec?.tolerations)) return [];
  return noExecuteTaints(engine.store.get("nodes", undefined, nodeName) as Obj | undefined).length ? [key] : [];
}

function nodeKeys(change: Change, engine: Engine): string[] {
  if (change.type === "DELETED" || sameNoExecute(change.old as Obj | undefined, change.object as Obj)) return [];
  const name = change.object.metadata.name;
  return engine.store
    .list("pods")
    .filter((p) => (p as Obj).spec?.nodeName === name)
    .map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
}

function evict(engine: Engine, pod: Obj): void {
  const client = new ControllerClient(engine, COMPONENT);
  const { namespace, name } = pod.metadata;
  const conditions: Obj[] = (pod.status?.conditions ?? []).filter((c: Obj) => c.type !== "DisruptionTarget");
  conditions.push({
    lastProbeTime: null,
    lastTransitionTime: formatTime(engine.now()),
    message: "Taint manager: deleting due to NoExecute taint",
    reason: "DeletionByTaintManager",
    status: "True",
    type: "DisruptionTarget",
  });
  client.updateStatus("pods", namespace, name, { ...(pod.status ?? {}), conditions });
  client.event(pod as KubeObject, "Normal", "TaintManagerEviction", `Marking for deletion Pod ${namespace}/${name}`);
  client.delete("pods", namespace, name, { preconditionUid: pod.metadata.uid });
}

function reconcile(key: string, engine: Engine): void {
  const [ns, name] = splitKey(key);
  const pending = scheduled(engine);
  const pod = engine.store.get("pods", ns, name) as Obj | undefined;
  const entry = pending.get(key);
  if (!pod || pod.metadata.deletionTimestamp || !pod.spec?.nodeName || (entry && entry.uid !== pod.metadata.uid)) {
    pending.delete(key);
    if (!pod || pod.metadata.deletionTimestamp || !pod.spec?.nodeName) return;
  }
  const node = engine.store.get("nodes", undefined, pod.spec.nodeName) as Obj | undefined;
  const decision = evictionDelay(pod, noExecuteTaints(node));
  const now = engine.now();
  if (decision.kind === "none") {
    if (pending.delete(key)) new ControllerClient(engine, COMPONENT).event(pod as KubeObject, "Normal", "TaintManagerEviction", `Cancelling deletion of Pod ${ns}/${name}`);
    return;
  }
  if (decision.kind === "now") {
    pending.delete(key);
    evict(engine, pod);
    return;
  }
  // A scheduled eviction keeps its start; a shorter toleration brings it forward (processPodOnNode).
  const current = pending.get(key);
  const createdAt = current?.createdAt ?? now;
  const triggerAt = createdAt + decision.ms;
  pending.set(key, { uid: pod.metadata.uid, createdAt, triggerAt });
  if (triggerAt <= now) {
    pending.delete(key);
    evict(engine, pod);
    return;
  }
  engine.enqueueAfter(TAINT_EVICTION_CONTROLLER, key, triggerAt - now);
}

export function installTaintEvictionController(engine: Engine): void {
  engine.registerController({
    name: TAINT_EVICTION_CONTROLLER,
    watches: [
      { resource: "nodes", keys: nodeKeys },
      { resource: "pods", keys: podKeys },
    ],
    reconcile,
  });
}

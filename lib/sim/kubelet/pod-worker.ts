// Mirrors pkg/kubelet/pod_workers.go (one worker per pod: sync, terminating, terminated) and
// kuberuntime_manager.go (SyncPod / computePodActions: sandbox, init containers in order, native
// sidecars, app containers, restart policy with the crash-loop back-off of doBackOff), plus
// syncTerminatingPod/syncTerminatedPod: graceful termination, the terminal phase, then the pod is removed.
import { parseTime } from "../core/time";
import type { KubeObject } from "../core/types";
import { formatPod, goDuration } from "./format";
import { containerEvent, podEvent } from "./events";
import { killContainer, scheduleSync, startContainer } from "./containers";
import { podGraceMs } from "./lifecycle";
import { generatePodStatus, isRunning, isStarted } from "./status";
import type { ContainerRec, Instance, KubeletState, NodeAgent, Obj, PodWorker } from "./state";
import { setUpVolumes } from "./volumes";

export function podKey(ns: string, name: string): string {
  return `${ns}/${name}`;
}

function lastInstance(rec: ContainerRec): Instance | undefined {
  return rec.instances[rec.instances.length - 1];
}

export function newWorker(kl: KubeletState, pod: Obj, node: NodeAgent): PodWorker {
  const spec = pod.spec ?? {};
  const recs = (list: Obj[] | undefined, kind: (c: Obj) => ContainerRec["kind"]) =>
    (list ?? []).map((c, index) => ({ name: c.name, kind: kind(c), index, spec: c, instances: [], restartCount: 0 }) as ContainerRec);
  const w: PodWorker = {
    uid: pod.metadata.uid,
    namespace: pod.metadata.namespace,
    name: pod.metadata.name,
    node: node.name,
    pod: pod as KubeObject,
    startTime: kl.engine.now(),
    sandboxReady: false,
    volumes: new Map(),
    init: recs(spec.initContainers, (c) => (c.restartPolicy === "Always" ? "sidecar" : "init")),
    regular: recs(spec.containers, () => "regular"),
    terminating: false,
    finished: false,
  };
  kl.workers.set(w.uid, w);
  const key = podKey(w.namespace, w.name);
  let set = kl.byKey.get(key);
  if (!set) kl.byKey.set(key, (set = new Set()));
  set.add(w.uid);
  return w;
}

function dropWorker(kl: KubeletState, w: PodWorker): void {
  kl.engine.cancel(w.syncTimer);
  kl.engine.cancel(w.volumeRetry?.timer);
  kl.workers.delete(w.uid);
  kl.byKey.get(podKey(w.namespace, w.name))?.delete(w.uid);
}

/** Tears everything down at once (the pod object is gone: force deletion, or the node rebooted). */
export function killAllNow(kl: KubeletState, w: PodWorker): void {
  for (const rec of [...w.regular, ...w.init]) {
    if (rec.pull) kl.engine.cancel(rec.pull.timer);
    rec.pull = undefined;
    for (const inst of rec.instances) {
      if (inst.finishedAt !== undefined) continue;
      for (const t of [inst.timer, inst.hookTimer, inst.killing?.hookTimer, inst.killing?.killTimer]) kl.engine.cancel(t);
      for (const p of Object.values(inst.probes)) kl.engine.cancel(p?.timer);
      if (w.ip) for (const port of inst.ports) kl.deps.network.unlisten(kl.engine, w.ip, port);
      inst.ports = [];
      inst.finishedAt = kl.engine.now();
      inst.exitCode = 137;
      inst.reason = "Error";
    }
  }
}

function releaseSandbox(kl: KubeletState, w: PodWorker): void {
  if (w.ip && !w.sandboxReleased && !(w.pod as Obj).spec?.hostNetwork) kl.deps.network.releasePodIP(kl.engine, w.ip);
  w.sandboxReleased = true;
}

/** The pod object disappeared (or was replaced by one with another uid): stop everything, forget it. */
export function podRemoved(kl: KubeletState, w: PodWorker): void {
  killAllNow(kl, w);
  releaseSandbox(kl, w);
  w.finished = true;
  dropWorker(kl, w);
}

export function writeStatus(kl: KubeletState, w: PodWorker, podIsTerminal = false): void {
  const pod = kl.engine.store.get("pods", w.namespace, w.name) as Obj | undefined;
  if (!pod || pod.metadata.uid !== w.uid) return;
  const node = kl.nodes.get(w.node);
  const status = generatePodStatus(w, pod.status ?? {}, kl.engine.now(), podIsTerminal, node?.hostIP ?? "");
  kl.engine.api.updateStatus("pods", w.namespace, w.name, status);
}

function createSandbox(kl: KubeletState, w: PodWorker, node: NodeAgent): boolean {
  const setup = setUpVolumes(kl, w, node);
  if (!setup.ok) {
    // The volume manager retries with exponential back-off: 500 ms doubling up to 2m2s.
    const retry = (w.volumeRetry ??= { delayMs: 500 });
    podEvent(kl, w, "Warning", "FailedMount", `MountVolume.SetUp failed for volume "${setup.volume}" : ${setup.message}`);
    kl.engine.cancel(retry.timer);
    retry.timer = kl.engine.schedule(retry.delayMs, "kubelet.sync", { uid: w.uid });
    retry.delayMs = Math.min(retry.delayMs * 2, 122_000);
    return false;
  }
  w.volumeRetry = undefined;
  w.volumes = setup.volumes;
  w.volumeBases = setup.bases;
  // hostNetwork pods share the node's network namespace: their IP is the node's.
  w.ip = (w.pod as Obj).spec?.hostNetwork ? node.hostIP : kl.deps.network.allocatePodIP(kl.engine, w.node);
  w.sandboxReady = true;
  return true;
}

function shouldRestart(policy: string, inst: Instance): boolean {
  if (inst.killing?.reason === "restart" || inst.killing?.reason === "restarted") return true;
  if (policy === "Always") return true;
  if (policy === "OnFailure") return inst.exitCode !== 0;
  return false;
}

// The container spec's "hash" per spec object (specs are shared, immutable store data).
const specHashes = new WeakMap<object, number>();

function backoffKey(w: PodWorker, rec: ContainerRec): string {
  // getStableKey: pod name, namespace, uid, container name and spec hash.
  let hash = specHashes.get(rec.spec);
  if (hash === undefined) specHashes.set(rec.spec, (hash = JSON.stringify(rec.spec).length));
  return `${w.name}_${w.namespace}_${w.uid}_${rec.name}_${hash}`;
}

/** Restart an exited container, unless it is inside its crash-loop back-off window. */
function restartContainer(kl: KubeletState, w: PodWorker, rec: ContainerRec, inst: Instance, node: NodeAgent): void {
  const now = kl.engine.now();
  const key = backoffKey(w, rec);
  if (inst.killing?.reason === "restart") {
    // SyncPod kills and starts in one go: doBackOff then looks at the container before this one (the newest
    // exited one it knows), so repeated liveness kills build up a back-off too, one step behind.
    const prev = rec.instances.length >= 2 ? rec.instances[rec.instances.length - 2] : undefined;
    if (!prev?.finishedAt || !kl.crashBackoff.isInBackOffSince(key, prev.finishedAt)) {
      if (prev?.finishedAt) kl.crashBackoff.next(key, prev.finishedAt);
      inst.killing.reason = "restarted";
      authorizeStart(kl, w, rec, node);
      return;
    }
    inst.killing.reason = "restarted";
  }
  // Decisions about exits wait until PLEG has observed them.
  if (inst.observedAt !== undefined && now < inst.observedAt && inst.killing?.reason !== "restarted") {
    scheduleSync(kl, w, inst.observedAt - now);
    return;
  }
  const finished = inst.finishedAt ?? now;
  if (kl.crashBackoff.isInBackOffSince(key, finished)) {
    const ms = kl.crashBackoff.get(key);
    rec.waiting = { reason: "CrashLoopBackOff", message: `back-off ${goDuration(ms)} restarting failed container=${rec.name} pod=${formatPod(w.pod)}` };
    if (rec.nextBackOffEventAt === undefined || now >= rec.nextBackOffEventAt) {
      containerEvent(kl, w, rec, "Warning", "BackOff", `Back-off restarting failed container ${rec.name} in pod ${formatPod(w.pod)}`);
      rec.nextBackOffEventAt = now + 10_000;
    }
    scheduleSync(kl, w, Math.min(finished + ms, rec.nextBackOffEventAt) - now);
    return;
  }
  kl.crashBackoff.next(key, finished);
  authorizeStart(kl, w, rec, node);
}

function authorizeStart(kl: KubeletState, w: PodWorker, rec: ContainerRec, node: NodeAgent): void {
  rec.startAuthorized = true;
  rec.waiting = undefined;
  startContainer(kl, w, rec, node);
}

/** Starts (or retries starting) a container that has no running instance. */
function ensureStarted(kl: KubeletState, w: PodWorker, rec: ContainerRec, node: NodeAgent): void {
  if (rec.pull) return;
  const now = kl.engine.now();
  if (rec.retryAt !== undefined && now < rec.retryAt) {
    scheduleSync(kl, w, rec.retryAt - now);
    return;
  }
  const inst = lastInstance(rec);
  // An exited container needs the restart decision (back-off) once; after that, pulls and config
  // errors are retried without deciding again.
  if (inst && inst.finishedAt !== undefined && !rec.startAuthorized) {
    restartContainer(kl, w, rec, inst, node);
    return;
  }
  startContainer(kl, w, rec, node);
}

/** computePodActions for init containers: returns true once the pod is initialized. */
function syncInitContainers(kl: KubeletState, w: PodWorker, node: NodeAgent, policy: string): boolean {
  for (const rec of w.init) {
    const inst = lastInstance(rec);
    if (rec.kind === "sidecar") {
      if (!inst || inst.finishedAt !== undefined) ensureStarted(kl, w, rec, node);
      // A sidecar counts as done once started: the next init container (or the app) starts right away.
      if (!isStarted(rec, lastInstance(rec))) return false;
      continue;
    }
    if (!inst) {
      ensureStarted(kl, w, rec, node);
      return false;
    }
    if (inst.finishedAt === undefined) return false;
    if (inst.exitCode === 0) continue;
    if (policy === "Never") {
      w.terminal = "Failed";
      return false;
    }
    // Init containers restart on failure whatever the pod's policy says (Always/OnFailure).
    ensureStarted(kl, w, rec, node);
    return false;
  }
  return true;
}

/** The app containers and, once initialized, the sidecars' independent restarts. */
function syncAppContainers(kl: KubeletState, w: PodWorker, node: NodeAgent, policy: string): void {
  for (const rec of w.init) {
    if (rec.kind !== "sidecar") continue;
    const inst = lastInstance(rec);
    if (!inst || inst.finishedAt !== undefined) ensureStarted(kl, w, rec, node);
  }
  for (const rec of w.regular) {
    const inst = lastInstance(rec);
    if (inst && isRunning(inst)) continue;
    if (inst && inst.finishedAt !== undefined && !shouldRestart(policy, inst)) continue;
    ensureStarted(kl, w, rec, node);
  }
}

/** restartPolicy Never/OnFailure: the pod is done once no app container runs or will restart. */
function decideTerminal(w: PodWorker, policy: string): void {
  if (w.terminal || policy === "Always") return;
  const done = w.regular.every((rec) => {
    const inst = lastInstance(rec);
    return inst !== undefined && inst.finishedAt !== undefined && !shouldRestart(policy, inst) && !rec.pull;
  });
  if (!done) return;
  const failed = w.regular.some((rec) => lastInstance(rec)!.exitCode !== 0);
  w.terminal = failed ? "Failed" : "Succeeded";
}

/** Stops sidecars (reverse order) once app containers are gone; true when nothing runs any more. */
function stopRemaining(kl: KubeletState, w: PodWorker, graceMs: number, message?: string): boolean {
  const runningApps = w.regular.map(lastInstance).filter((i): i is Instance => isRunning(i));
  for (const rec of w.regular) {
    const inst = lastInstance(rec);
    if (isRunning(inst)) killContainer(kl, w, rec, inst!, { graceMs, message });
  }
  if (runningApps.length) return false;
  const sidecars = [...w.init].reverse();
  let anyRunning = false;
  for (const rec of sidecars) {
    const inst = lastInstance(rec);
    if (!isRunning(inst)) continue;
    anyRunning = true;
    killContainer(kl, w, rec, inst!, { graceMs, message });
    // Sidecars stop one after the other, last started first.
    break;
  }
  return !anyRunning;
}

function cancelPending(kl: KubeletState, w: PodWorker): void {
  for (const rec of [...w.regular, ...w.init]) {
    if (rec.pull) kl.engine.cancel(rec.pull.timer);
    rec.pull = undefined;
    rec.retryAt = undefined;
    rec.pullResult = undefined;
  }
}

function deletionGraceMs(w: PodWorker, now: number): number {
  const meta = (w.pod as Obj).metadata;
  if (meta.deletionTimestamp) {
    const at = parseTime(meta.deletionTimestamp);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  return podGraceMs(w);
}

/** syncTerminatingPod + syncTerminatedPod: stop containers gracefully, report the final phase, remove the pod. */
function syncTerminating(kl: KubeletState, w: PodWorker): void {
  const now = kl.engine.now();
  if (!w.terminating) {
    w.terminating = true;
    cancelPending(kl, w);
  }
  // killPod uses the pod's deletionGracePeriodSeconds; a shorter second delete brings SIGKILL forward.
  const meta = (w.pod as Obj).metadata;
  const grace = meta.deletionGracePeriodSeconds != null ? Number(meta.deletionGracePeriodSeconds) * 1000 : deletionGraceMs(w, now);
  if (!stopRemaining(kl, w, grace)) {
    writeStatus(kl, w);
    return;
  }
  releaseSandbox(kl, w);
  w.finished = true;
  writeStatus(kl, w, true);
  kl.engine.api.finalize("pods", w.namespace, w.name);
  dropWorker(kl, w);
}

/** A changed container image (the only container field a pod update may change) restarts that container. */
function applySpecChanges(kl: KubeletState, w: PodWorker, pod: Obj): void {
  for (const rec of w.regular) {
    const spec = ((pod.spec?.containers ?? []) as Obj[]).find((c) => c.name === rec.name);
    if (!spec || spec.image === rec.spec.image) continue;
    rec.spec = spec;
    rec.waiting = undefined;
    rec.retryAt = undefined;
    rec.pullResult = undefined;
    const inst = lastInstance(rec);
    if (inst && isRunning(inst)) {
      killContainer(kl, w, rec, inst, { message: `Container ${rec.name} definition changed, will be restarted`, graceMs: podGraceMs(w), restart: true });
    }
  }
}

/** pkg/kubelet/active_deadline.go: a pod running longer than activeDeadlineSeconds is failed and stopped. */
function checkActiveDeadline(kl: KubeletState, w: PodWorker, pod: Obj): void {
  const seconds = pod.spec?.activeDeadlineSeconds;
  if (seconds == null || w.terminal) return;
  const due = w.startTime + Number(seconds) * 1000;
  const now = kl.engine.now();
  if (now < due) {
    scheduleSync(kl, w, due - now);
    return;
  }
  const message = "Pod was active on the node longer than the specified deadline";
  podEvent(kl, w, "Normal", "DeadlineExceeded", message);
  w.terminal = "Failed";
  w.statusReason = { reason: "DeadlineExceeded", message };
}

/** One pod worker sync. Level-triggered: safe to call any number of times. */
export function syncPod(kl: KubeletState, w: PodWorker): void {
  const node = kl.nodes.get(w.node);
  if (!node?.running || w.finished) return;
  const pod = kl.engine.store.get("pods", w.namespace, w.name) as Obj | undefined;
  if (!pod || pod.metadata.uid !== w.uid) {
    podRemoved(kl, w);
    return;
  }
  w.pod = pod as KubeObject;
  if (pod.metadata.deletionTimestamp) {
    syncTerminating(kl, w);
    return;
  }
  const policy: string = pod.spec?.restartPolicy ?? "Always";
  applySpecChanges(kl, w, pod);
  checkActiveDeadline(kl, w, pod);
  if (!w.sandboxReady && !createSandbox(kl, w, node)) {
    writeStatus(kl, w);
    return;
  }
  if (!w.terminal) {
    if (!w.initialized) w.initialized = syncInitContainers(kl, w, node, policy);
    if (w.initialized && !w.terminal) {
      syncAppContainers(kl, w, node, policy);
      decideTerminal(w, policy);
    }
  }
  // A finished pod's sandbox is torn down; its status keeps the IP it had.
  if (w.terminal && stopRemaining(kl, w, podGraceMs(w))) releaseSandbox(kl, w);
  writeStatus(kl, w, !!w.terminal);
}

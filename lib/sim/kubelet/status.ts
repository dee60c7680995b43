// Mirrors pkg/kubelet/kubelet_pods.go (getPhase, convertToAPIContainerStatuses, generateAPIPodStatus),
// pkg/kubelet/status/generate.go (GeneratePodReadyCondition, GenerateContainersReadyCondition,
// GeneratePodInitializedCondition, GeneratePodReadyToStartContainersCondition) and the status manager's
// lastTransitionTime bookkeeping (a condition keeps its time while its status does not change).
import { formatTime } from "../core/time";
import type { ContainerRec, Instance, Obj, PodWorker } from "./state";

type ContainerStatus = Obj;

export function latestInstance(rec: ContainerRec): Instance | undefined {
  for (let i = rec.instances.length - 1; i >= 0; i--) {
    const inst = rec.instances[i];
    if (inst.visible || inst.finishedAt !== undefined) return inst;
  }
  return undefined;
}

function previousInstance(rec: ContainerRec, latest: Instance | undefined): Instance | undefined {
  if (!latest) return undefined;
  const i = rec.instances.indexOf(latest);
  return i > 0 ? rec.instances[i - 1] : undefined;
}

export function isRunning(inst: Instance | undefined): boolean {
  return !!inst && inst.finishedAt === undefined;
}

function terminatedState(inst: Instance): Obj {
  const t: Obj = {
    containerID: `containerd://${inst.id}`,
    exitCode: inst.exitCode ?? 0,
    finishedAt: formatTime(inst.finishedAt ?? 0),
  };
  if (inst.message) t.message = inst.message;
  t.reason = inst.reason ?? (inst.exitCode === 0 ? "Completed" : "Error");
  t.startedAt = formatTime(inst.startedAt);
  return t;
}

/** A container is started when it runs and its startup probe (if any) succeeded. */
export function isStarted(rec: ContainerRec, inst: Instance | undefined): boolean {
  if (!isRunning(inst) || !inst!.visible) return false;
  if (!rec.spec.startupProbe) return true;
  return inst!.probes.startup?.result === true;
}

export function isReady(rec: ContainerRec, inst: Instance | undefined): boolean {
  if (rec.kind === "init") return !!inst && inst.finishedAt !== undefined && inst.exitCode === 0;
  if (!isStarted(rec, inst)) return false;
  if (!rec.spec.readinessProbe) return true;
  return inst!.probes.readiness?.result === true;
}

function volumeMounts(spec: Obj): Obj[] {
  return (spec.volumeMounts ?? []).map((m: Obj) => {
    const out: Obj = { mountPath: m.mountPath, name: m.name };
    if (m.readOnly) {
      out.readOnly = true;
      out.recursiveReadOnly = "Disabled";
    }
    return out;
  });
}

/** convertToAPIContainerStatuses for one container. */
export function containerStatus(w: PodWorker, rec: ContainerRec, hasInitContainers: boolean): ContainerStatus {
  const latest = latestInstance(rec);
  const prev = previousInstance(rec, latest);
  const defaultWaiting = { reason: hasInitContainers ? "PodInitializing" : "ContainerCreating" };
  let state: Obj;
  let lastState: Obj = {};
  if (!latest) {
    state = { waiting: rec.waiting ? waitingOf(rec.waiting) : defaultWaiting };
  } else if (isRunning(latest)) {
    state = { running: { startedAt: formatTime(latest.startedAt) } };
    if (prev) lastState = { terminated: terminatedState(prev) };
  } else if (rec.waiting) {
    state = { waiting: waitingOf(rec.waiting) };
    lastState = { terminated: terminatedState(latest) };
  } else {
    state = { terminated: terminatedState(latest) };
    if (prev) lastState = { terminated: terminatedState(prev) };
  }
  const out: ContainerStatus = {};
  if (latest) out.containerID = `containerd://${latest.id}`;
  out.image = latest ? latest.image.ref : rec.spec.image;
  out.imageID = latest ? latest.image.imageID : "";
  out.lastState = lastState;
  out.name = rec.name;
  out.ready = isReady(rec, latest) && !w.terminal;
  out.restartCount = rec.restartCount;
  out.started = rec.kind === "init" ? false : isStarted(rec, latest);
  out.state = state;
  if (latest && (rec.spec.volumeMounts ?? []).length) out.volumeMounts = volumeMounts(rec.spec);
  return out;
}

function waitingOf(w: { reason: string; message?: string }): Obj {
  return w.message ? { message: w.message, reason: w.reason } : { reason: w.reason };
}

/** getPhase (kubelet_pods.go, v1.32). */
export function getPhase(spec: Obj, initStatuses: ContainerStatus[], statuses: ContainerStatus[], podIsTerminal: boolean): string {
  let pendingRestartable = 0;
  let pendingRegular = 0;
  let failedInitialization = 0;
  const byName = (list: ContainerStatus[], n: string) => list.find((s) => s.name === n);
  for (const c of (spec.initContainers ?? []) as Obj[]) {
    const s = byName(initStatuses, c.name);
    if (c.restartPolicy === "Always") {
      if (!s) pendingRestartable++;
      else if (s.state.running) {
        if (!s.started) pendingRestartable++;
      } else if (s.state.waiting && !s.lastState?.terminated) pendingRestartable++;
      continue;
    }
    if (!s) {
      pendingRegular++;
      continue;
    }
    if (s.state.running) pendingRegular++;
    else if (s.state.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInitialization++;
    } else if (s.state.waiting) {
      if (s.lastState?.terminated) {
        if (s.lastState.terminated.exitCode !== 0) failedInitialization++;
      } else pendingRegular++;
    } else pendingRegular++;
  }
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of (spec.containers ?? []) as Obj[]) {
    const s = byName(statuses, c.name);
    if (!s) {
      unknown++;
      continue;
    }
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state.waiting) {
      if (s.lastState?.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }
  const policy = spec.restartPolicy ?? "Always";
  if (failedInitialization > 0 && policy === "Never") return "Failed";
  if (pendingRegular > 0 || (pendingRestartable > 0 && !podIsTerminal)) return "Pending";
  if (waiting > 0) return "Pending";
  if (running > 0 && unknown === 0) return "Running";
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? "Succeeded" : "Failed";
    if (policy === "Always") return "Running";
    if (stopped === succeeded) return "Succeeded";
    if (policy === "Never") return "Failed";
    return "Running";
  }
  return "Pending";
}

type Condition = { type: string; status: string; reason?: string; message?: string };

const list = (names: string[]) => `[${names.join(" ")}]`;

export function initializedCondition(spec: Obj, initStatuses: ContainerStatus[], phase: string, wasInitialized: boolean): Condition {
  if (phase === "Succeeded") return { type: "Initialized", status: "True", reason: "PodCompleted" };
  if (wasInitialized) return { type: "Initialized", status: "True" };
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of (spec.initContainers ?? []) as Obj[]) {
    const s = initStatuses.find((x) => x.name === c.name);
    if (!s) {
      unknown.push(c.name);
      continue;
    }
    if (c.restartPolicy === "Always") {
      if (!s.started) incomplete.push(c.name);
      continue;
    }
    if (!s.state.terminated || s.state.terminated.exitCode !== 0) incomplete.push(c.name);
  }
  const msgs: string[] = [];
  if (unknown.length) msgs.push(`containers with unknown status: ${list(unknown)}`);
  if (incomplete.length) msgs.push(`containers with incomplete status: ${list(incomplete)}`);
  if (msgs.length) return { type: "Initialized", status: "False", reason: "ContainersNotInitialized", message: msgs.join(", ") };
  return { type: "Initialized", status: "True" };
}

export function containersReadyCondition(spec: Obj, initStatuses: ContainerStatus[], statuses: ContainerStatus[], phase: string): Condition {
  const unknown: string[] = [];
  const unready: string[] = [];
  for (const c of (spec.initContainers ?? []) as Obj[]) {
    if (c.restartPolicy !== "Always") continue;
    const s = initStatuses.find((x) => x.name === c.name);
    if (!s) unknown.push(c.name);
    else if (!s.ready) unready.push(c.name);
  }
  for (const c of (spec.containers ?? []) as Obj[]) {
    const s = statuses.find((x) => x.name === c.name);
    if (!s) unknown.push(c.name);
    else if (!s.ready) unready.push(c.name);
  }
  if (phase === "Succeeded" && !unknown.length) return { type: "ContainersReady", status: "False", reason: "PodCompleted" };
  if (phase === "Failed") return { type: "ContainersReady", status: "False", reason: "PodFailed" };
  const msgs: string[] = [];
  if (unknown.length) msgs.push(`containers with unknown status: ${list(unknown)}`);
  if (unready.length) msgs.push(`containers with unready status: ${list(unready)}`);
  if (msgs.length) return { type: "ContainersReady", status: "False", reason: "ContainersNotReady", message: msgs.join(", ") };
  return { type: "ContainersReady", status: "True" };
}

export function readyCondition(spec: Obj, containersReady: Condition, existing: Obj[]): Condition {
  if (containersReady.status !== "True") return { ...containersReady, type: "Ready" };
  const msgs: string[] = [];
  for (const gate of (spec.readinessGates ?? []) as Obj[]) {
    const c = existing.find((x) => x.type === gate.conditionType);
    if (!c) msgs.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`);
    else if (c.status !== "True") msgs.push(`the status of pod readiness gate "${gate.conditionType}" is not "True", but ${c.status}`);
  }
  if (msgs.length) return { type: "Ready", status: "False", reason: "ReadinessGatesNotReady", message: msgs.join(", ") };
  return { type: "Ready", status: "True" };
}

const KUBELET_CONDITIONS = ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"];

/** generateAPIPodStatus + the status manager's merge with the stored status. */
export function generatePodStatus(w: PodWorker, stored: Obj, now: number, podIsTerminal: boolean, hostIP: string): Obj {
  const spec = (w.pod as Obj).spec ?? {};
  const hasInit = (spec.initContainers ?? []).length > 0;
  const initStatuses = w.init.map((r) => containerStatus(w, r, hasInit));
  const statuses = w.regular.map((r) => containerStatus(w, r, hasInit));
  const phase = w.statusReason ? "Failed" : getPhase(spec, initStatuses, statuses, podIsTerminal);
  const old: Obj[] = stored.conditions ?? [];
  const wasInitialized = old.some((c) => c.type === "Initialized" && c.status === "True");
  const containersReady = containersReadyCondition(spec, initStatuses, statuses, phase);
  const generated: Condition[] = [
    { type: "PodReadyToStartContainers", status: w.sandboxReady ? "True" : "False" },
    initializedCondition(spec, initStatuses, phase, wasInitialized && hasInit),
    readyCondition(spec, containersReady, old),
    containersReady,
  ];
  const conditions: Obj[] = generated.map((c) => withTime(c, old, now));
  const scheduled = old.find((c) => c.type === "PodScheduled");
  conditions.push(scheduled ?? { lastProbeTime: null, lastTransitionTime: formatTime(now), status: "True", type: "PodScheduled" });
  for (const c of old) if (!KUBELET_CONDITIONS.includes(c.type)) conditions.push(c);
  const out: Obj = { conditions };
  if (w.init.length) out.initContainerStatuses = initStatuses;
  out.containerStatuses = statuses;
  out.hostIP = hostIP;
  out.hostIPs = [{ ip: hostIP }];
  if (w.statusReason) out.message = w.statusReason.message;
  out.phase = phase;
  if (w.ip) {
    out.podIP = w.ip;
    out.podIPs = [{ ip: w.ip }];
  }
  out.qosClass = stored.qosClass;
  if (w.statusReason) out.reason = w.statusReason.reason;
  out.startTime = formatTime(w.startTime);
  return out;
}

function withTime(c: Condition, old: Obj[], now: number): Obj {
  const prev = old.find((o) => o.type === c.type);
  const at = prev && prev.status === c.status ? prev.lastTransitionTime : formatTime(now);
  const out: Obj = { lastProbeTime: null, lastTransitionTime: at };
  if (c.message) out.message = c.message;
  if (c.reason) out.reason = c.reason;
  out.status = c.status;
  out.type = c.type;
  return out;
}

// Mirrors pkg/kubelet/kuberuntime/kuberuntime_container.go: startContainer (image → config → create →
// start → postStart), killContainer (preStop within the grace period, the image's stop signal, SIGKILL at
// the end of the grace period, never less than 2 s) and the container's termination message. Processes
// are lib/sim/runtime programs driven by their effects on the virtual clock.
import { parseQuantity, quantityValue } from "../api/quantity";
import type { Effect, NetworkAccess, ProcessContext, ProcessInfo, ResolvedImage, Signal } from "../runtime/types";
import { Vfs } from "../runtime/vfs";
import { containerArgv, hostsFile, makeEnvironment, podHostname, resolvConf } from "./container-config";
import { containerEvent } from "./events";
import { ensureImageExists } from "./images";
import { runPostStart, runPreStop } from "./lifecycle";
import { startProbes, stopProbes } from "./prober";
import { SYNC_CONTROLLER, type ContainerRec, type Instance, type KubeletState, type NodeAgent, type Obj, type PodWorker } from "./state";
import { nodeAllocatable } from "./volumes";

export const PROC_TIMER = "kubelet.proc";
export const KILL_TIMER = "kubelet.kill";
export const SIGNAL_TIMER = "kubelet.signal";
export type ProcPayload = { uid: string; container: string; id: string };
export type SignalPayload = ProcPayload & { signal: Signal };

/** The kubelet's PLEG relists every second: exits are acted upon that long after they happen. */
export const PLEG_RELIST_MS = 1000;
/** pod_workers.go: a sync that returned an error is requeued after backOffPeriod (10 s; jitter not simulated). */
export const POD_WORKER_BACKOFF_MS = 10_000;
const MIN_GRACE_MS = 2000;
const MAX_LOG_LINES = 5000;

/**
 * What ps lists in a container: its own main process as PID 1, or, with shareProcessNamespace, the
 * pod's sandbox (/pause, PID 1) and the main process of every running container, numbered in start order.
 */
function podProcesses(w: PodWorker, inst: Instance): ProcessInfo[] {
  if (!(w.pod.spec as Obj | undefined)?.shareProcessNamespace) return [{ pid: inst.pid, user: "root", command: inst.command, startedAt: inst.startedAt }];
  const running = [...w.init, ...w.regular]
    .map((r) => r.instances[r.instances.length - 1])
    .filter((i): i is Instance => !!i && i.finishedAt === undefined)
    .sort((a, b) => a.startedAt - b.startedAt);
  const out: ProcessInfo[] = [{ pid: 1, user: "65535", command: "/pause", startedAt: w.startTime }];
  let pid = 7;
  for (const i of running) {
    // The nginx image's entrypoint execs nginx, which renames itself and forks `worker_processes auto`
    // workers (one per CPU of the 4-CPU nodes) running as the nginx user (uid 101).
    const nginx = /^\/docker-entrypoint\.sh (nginx .*)$/.exec(i.command);
    out.push({ pid: pid++, user: "root", command: nginx ? `nginx: master process ${nginx[1]}` : i.command, startedAt: i.startedAt });
    if (nginx) for (let k = 0; k < 4; k++) out.push({ pid: pid++, user: "101", command: "nginx: worker process", startedAt: i.startedAt });
  }
  return out;
}

export function requestSync(kl: KubeletState, w: PodWorker): void {
  kl.engine.enqueue(SYNC_CONTROLLER, `${w.namespace}/${w.name}`);
}

/** Schedules a sync of the pod `delayMs` from now unless one is already due sooner. */
export function scheduleSync(kl: KubeletState, w: PodWorker, delayMs: number): void {
  const at = kl.engine.now() + Math.max(0, delayMs);
  if (w.syncTimer !== undefined && w.syncAt !== undefined && w.syncAt <= at && w.syncAt > kl.engine.now()) return;
  kl.engine.cancel(w.syncTimer);
  w.syncAt = at;
  w.syncTimer = kl.engine.schedule(at - kl.engine.now(), "kubelet.sync", { uid: w.uid });
}

export function findRec(w: PodWorker, name: string): ContainerRec | undefined {
  return w.regular.find((r) => r.name === name) ?? w.init.find((r) => r.name === name);
}

export function findInstance(w: PodWorker, name: string, id: string): { rec: ContainerRec; inst: Instance } | undefined {
  const rec = findRec(w, name);
  const inst = rec?.instances.find((i) => i.id === id);
  return rec && inst ? { rec, inst } : undefined;
}

function memoryLimit(spec: Obj): number | undefined {
  const raw = spec.resources?.limits?.memory;
  if (raw === undefined) return undefined;
  const q = parseQuantity(raw);
  return q.ok ? quantityValue(q.quantity) : undefined;
}

function appendLog(inst: Instance, stream: "stdout" | "stderr", text: string, now: number): void {
  const buf = inst.partial[stream] + text;
  const parts = buf.split("\n");
  inst.partial[stream] = parts.pop() ?? "";
  for (const line of parts) inst.logs.push({ at: now, stream, text: line });
  if (inst.logs.length > MAX_LOG_LINES) inst.logs.splice(0, inst.logs.length - MAX_LOG_LINES);
}

function flushLogs(inst: Instance, now: number): void {
  for (const stream of ["stdout", "stderr"] as const) {
    if (inst.partial[stream]) {
      inst.logs.push({ at: now, stream, text: inst.partial[stream] });
      inst.partial[stream] = "";
    }
  }
}

/** The ProcessContext a process of this container sees (PID 1 writes the container log; others capture). */
export function processContext(
  kl: KubeletState,
  w: PodWorker,
  rec: ContainerRec,
  inst: Instance,
  pid: number,
  output?: { out: string[]; err: string[] },
): ProcessContext {
  const engine = kl.engine;
  const limit = memoryLimit(rec.spec);
  const main = pid === inst.pid;
  // The pod's network view is built on first use: most processes never touch the network, and
  // contexts are copied (spread) for every process, so a getter would be evaluated each time.
  let real: NetworkAccess | undefined;
  const network = () => (real ??= kl.deps.network.networkFor(engine, w.pod));
  const net: NetworkAccess = {
    resolve: (name) => network().resolve(name),
    http: (req) => network().http(req),
    tcp: (host, port) => network().tcp(host, port),
    reverse: (ip) => network().reverse?.(ip),
    query: (name) => network().query?.(name) ?? { kind: "nxdomain" },
  };
  return {
    env: inst.env,
    cwd: inst.cwd,
    hostname: podHostname(w.pod),
    fs: inst.fs,
    now: () => engine.now(),
    stdout: (t) => (output ? output.out.push(t) : appendLog(inst, "stdout", t, engine.now())),
    stderr: (t) => (output ? output.err.push(t) : appendLog(inst, "stderr", t, engine.now())),
    net,
    listen: (port, handler) => {
      if (!w.ip) return { ok: false, error: "network is unreachable" };
      const r = kl.deps.network.listen(engine, w.ip, port, handler);
      if (r.ok && !inst.ports.includes(port)) inst.ports.push(port);
      return r;
    },
    unlisten: (port) => {
      if (w.ip) kl.deps.network.unlisten(engine, w.ip, port);
      inst.ports = inst.ports.filter((p) => p !== port);
    },
    setMemoryUsage: (bytes) => {
      if (!main) return;
      inst.memoryBytes = bytes;
      if (limit !== undefined && bytes > limit) inst.oom = true;
    },
    setCpuUsage: () => undefined,
    random: () => engine.rng.float(),
    pid,
    processes: () => podProcesses(w, inst),
    kill: (target, signal) => {
      if (target !== inst.pid || inst.finishedAt !== undefined) return false;
      const sig = (Object.entries({ HUP: 1, INT: 2, QUIT: 3, KILL: 9, TERM: 15 }).find(([, n]) => n === signal)?.[0] ?? "TERM") as Signal;
      // Delivered after the current step returns: a process cannot be re-entered from inside itself.
      engine.schedule(0, SIGNAL_TIMER, { uid: w.uid, container: rec.name, id: inst.id, signal: sig } satisfies SignalPayload);
      return true;
    },
    podIP: w.ip,
  };
}

/** Applies a process effect: schedule its wake-up, or record its exit. */
export function drive(kl: KubeletState, w: PodWorker, rec: ContainerRec, inst: Instance, eff: Effect | null): void {
  if (inst.finishedAt !== undefined) return;
  if (inst.oom) {
    finishInstance(kl, w, rec, inst, 137, "OOMKilled");
    return;
  }
  if (!eff) return;
  kl.engine.cancel(inst.timer);
  inst.timer = undefined;
  if (eff.kind === "sleep") {
    inst.timer = kl.engine.schedule(Math.max(0, eff.ms), PROC_TIMER, { uid: w.uid, container: rec.name, id: inst.id } satisfies ProcPayload);
  } else if (eff.kind === "exit") {
    finishInstance(kl, w, rec, inst, eff.code);
  }
}

function safeStep(step: () => Effect | null): Effect | null {
  try {
    return step();
  } catch {
    // A simulated program that throws crashed: treat it like a segfaulting process.
    return { kind: "exit", code: 139 };
  }
}

export function resumeProcess(kl: KubeletState, w: PodWorker, rec: ContainerRec, inst: Instance): void {
  inst.timer = undefined;
  if (!inst.process || inst.finishedAt !== undefined) return;
  drive(kl, w, rec, inst, safeStep(() => inst.process!.resume()));
}

/** Sends a signal to PID 1. KILL always ends the container (exit 137). */
export function signalProcess(kl: KubeletState, w: PodWorker, rec: ContainerRec, inst: Instance, sig: Signal): void {
  if (inst.finishedAt !== undefined) return;
  if (!inst.process) {
    finishInstance(kl, w, rec, inst, sig === "KILL" ? 137 : 143);
    return;
  }
  const eff = safeStep(() => inst.process!.signal(sig));
  if (sig === "KILL") {
    finishInstance(kl, w, rec, inst, eff?.kind === "exit" ? eff.code : 137);
    return;
  }
  drive(kl, w, rec, inst, eff);
}

/** The container's process ended: record the exit the way the runtime reports it. */
export function finishInstance(kl: KubeletState, w: PodWorker, rec: ContainerRec, inst: Instance, code: number, reason?: string): void {
  if (inst.finishedAt !== undefined) return;
  const engine = kl.engine;
  const now = engine.now();
  inst.finishedAt = now;
  inst.exitCode = code;
  inst.reason = reason ?? (code === 0 ? "Completed" : "Error");
  inst.observedAt = now + PLEG_RELIST_MS;
  inst.visible = true;
  for (const t of [inst.timer, inst.hookTimer, inst.killing?.hookTimer, inst.killing?.killTimer]) engine.cancel(t);
  inst.timer = inst.hookTimer = undefined;
  stopProbes(kl, inst);
  if (w.ip) for (const p of inst.ports) kl.deps.network.unlisten(engine, w.ip, p);
  inst.ports = [];
  flushLogs(inst, now);
  inst.message = terminationMessage(rec, inst);
  requestSync(kl, w);
  scheduleSync(kl, w, PLEG_RELIST_MS);
}

/** The termination-log file, or (FallbackToLogsOnError) the last 80 lines / 2048 bytes of a failed container's log. */
function terminationMessage(rec: ContainerRec, inst: Instance): string | undefined {
  const path: string = rec.spec.terminationMessagePath ?? "/dev/termination-log";
  const file = inst.fs.readFile(path);
  if (file.ok && file.value !== "") return file.value.slice(0, 4096);
  if (rec.spec.terminationMessagePolicy === "FallbackToLogsOnError" && inst.exitCode !== 0) {
    const text = inst.logs.slice(-80).map((l) => `${l.text}\n`).join("");
    return text.length > 2048 ? text.slice(text.length - 2048) : text || undefined;
  }
  return undefined;
}

function stopSignal(image: ResolvedImage): Signal {
  const raw = (image.config.stopSignal ?? "SIGTERM").toUpperCase().replace(/^SIG/, "");
  return (["TERM", "KILL", "INT", "QUIT", "HUP"].includes(raw) ? raw : "TERM") as Signal;
}

/**
 * killContainer: Killing event, preStop (bounded by the grace period), the stop signal, then SIGKILL when
 * what is left of the grace period (at least 2 s) runs out.
 */
export function killContainer(
  kl: KubeletState,
  w: PodWorker,
  rec: ContainerRec,
  inst: Instance,
  opts: { message?: string; graceMs: number; restart?: boolean },
): void {
  if (inst.finishedAt !== undefined) return;
  const now = kl.engine.now();
  if (inst.killing) {
    // A shorter grace period (a second delete) brings SIGKILL forward.
    const deadline = inst.killing.startedAt + Math.max(opts.graceMs, MIN_GRACE_MS);
    if (inst.killing.killTimer !== undefined && deadline < inst.killing.startedAt + inst.killing.graceMs) {
      kl.engine.cancel(inst.killing.killTimer);
      inst.killing.graceMs = Math.max(opts.graceMs, MIN_GRACE_MS);
      inst.killing.killTimer = kl.engine.schedule(Math.max(0, deadline - now), KILL_TIMER, { uid: w.uid, container: rec.name, id: inst.id } satisfies ProcPayload);
    }
    return;
  }
  containerEvent(kl, w, rec, "Normal", "Killing", opts.message ?? `Stopping container ${rec.name}`);
  inst.killing = { reason: opts.restart ? "restart" : "stop", graceMs: opts.graceMs, startedAt: now };
  stopProbes(kl, inst);
  kl.engine.cancel(inst.hookTimer);
  inst.hookTimer = undefined;
  const preStop = rec.spec.lifecycle?.preStop;
  if (preStop && opts.graceMs > 0) {
    const elapsed = runPreStop(kl, w, rec, inst, preStop, opts.graceMs);
    if (elapsed > 0) {
      inst.killing.hookTimer = kl.engine.schedule(Math.min(elapsed, opts.graceMs), "kubelet.prestop-done", {
        uid: w.uid,
        container: rec.name,
        id: inst.id,
      } satisfies ProcPayload);
      return;
    }
  }
  sendStopSignal(kl, w, rec, inst);
}

export function sendStopSignal(kl: KubeletState, w: PodWorker, rec: ContainerRec, inst: Instance): void {
  if (inst.finishedAt !== undefined || !inst.killing) return;
  const spent = kl.engine.now() - inst.killing.startedAt;
  const remaining = Math.max(inst.killing.graceMs - spent, MIN_GRACE_MS);
  signalProcess(kl, w, rec, inst, stopSignal(inst.image));
  if (inst.finishedAt !== undefined) return;
  inst.killing.killTimer = kl.engine.schedule(remaining, KILL_TIMER, { uid: w.uid, container: rec.name, id: inst.id } satisfies ProcPayload);
}

/** Deterministic 64-hex container IDs from the engine's RNG. */
function containerId(kl: KubeletState): string {
  return kl.engine.rng.hex(64);
}

/**
 * startContainer: pull (maybe asynchronously), generate the config (env, command, mounts), create and
 * start the process, then run postStart. Returns false while the container could not be started.
 */
export function startContainer(kl: KubeletState, w: PodWorker, rec: ContainerRec, node: NodeAgent): boolean {
  const engine = kl.engine;
  // generateAPIPodStatus runs at the start of a sync from the reasonCache the previous sync left.
  const previous = rec.pullResult;
  const img = ensureImageExists(kl, w, rec, node);
  if (img.kind === "pending") {
    if (previous) rec.waiting = previous;
    return false;
  }
  if (img.kind === "error") {
    const result = { reason: img.reason, message: img.message };
    if (img.reason === "ImagePullBackOff") {
      rec.waiting = previous ?? result;
      rec.pullResult = result;
    } else rec.waiting = result;
    containerEvent(kl, w, rec, "Warning", "Failed", `Error: ${img.reason}`);
    // A failed sync is retried after the pod worker's back-off period (pod_workers.go backOffPeriod).
    retryAfter(kl, w, rec, POD_WORKER_BACKOFF_MS);
    return false;
  }
  rec.pullResult = undefined;
  const image = img.image;
  const pod = w.pod as Obj;
  const envResult = makeEnvironment(engine, rec.spec, { pod, podIP: w.ip, hostIP: node.hostIP, nodeAllocatable: nodeAllocatable(engine, w.node) });
  if (!envResult.ok) {
    rec.waiting = { reason: "CreateContainerConfigError", message: envResult.message };
    containerEvent(kl, w, rec, "Warning", "Failed", `Error: ${envResult.message}`);
    // The pod worker retries a failed sync after its 10 s back-off period.
    retryAfter(kl, w, rec, POD_WORKER_BACKOFF_MS);
    return false;
  }
  const env: Record<string, string> = {};
  for (const kv of image.config.env) {
    const i = kv.indexOf("=");
    if (i > 0) env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  env.HOSTNAME = podHostname(w.pod);
  for (const [k, v] of envResult.value) env[k] = v;
  const argv = containerArgv(rec.spec, image, env);
  const now = engine.now();
  const fs = new Vfs(image.layer, { now: () => engine.now() });
  for (const m of (rec.spec.volumeMounts ?? []) as Obj[]) {
    const vol = w.volumes.get(m.name);
    if (!vol) continue;
    const base = w.volumeBases?.get(m.name) ?? "";
    let sub = m.subPath ? `${base}/${m.subPath}` : base || undefined;
    if (m.subPath) {
      // The kubelet creates a missing subPath directory inside the volume, and bind-mounts what an existing
      // one resolves to (a configMap key is a symlink into ..data: subPath mounts never see updates).
      if (!vol.exists(sub!)) vol.mkdir(sub!, { parents: true });
      const real = vol.resolve(sub!);
      if (real.ok) sub = real.value;
    }
    fs.mkdir(m.mountPath, { parents: true });
    fs.mount(m.mountPath, vol, { readOnly: !!m.readOnly, subPath: sub });
  }
  fs.writeFile("/etc/hosts", hostsFile(pod, w.ip));
  fs.writeFile("/etc/resolv.conf", resolvConf(pod));
  fs.writeFile("/etc/hostname", `${podHostname(w.pod)}\n`);
  if (!fs.exists(rec.spec.terminationMessagePath ?? "/dev/termination-log")) {
    fs.mkdir("/dev", { parents: true });
    fs.writeFile(rec.spec.terminationMessagePath ?? "/dev/termination-log", "");
  }
  const workingDir: string = rec.spec.workingDir || image.config.workingDir || "/";
  if (rec.spec.workingDir) fs.mkdir(workingDir, { parents: true });
  const attempt = rec.instances.length ? rec.restartCount + 1 : 0;
  const inst: Instance = {
    id: containerId(kl),
    attempt,
    image,
    fs,
    env,
    cwd: workingDir,
    pid: 1,
    command: argv.join(" "),
    nextPid: 2,
    createdAt: now,
    startedAt: now,
    logs: [],
    partial: { stdout: "", stderr: "" },
    memoryBytes: 0,
    oom: false,
    visible: false,
    ports: [],
    probes: {},
  };
  if (rec.instances.length) rec.restartCount = attempt;
  rec.instances.push(inst);
  if (rec.instances.length > 2) rec.instances.splice(0, rec.instances.length - 2);
  rec.waiting = undefined;
  rec.retryAt = undefined;
  rec.startAuthorized = false;
  rec.nextBackOffEventAt = undefined;
  containerEvent(kl, w, rec, "Normal", "Created", `Created container: ${rec.name}`);
  const spawned = kl.deps.runtime.spawnProcess(argv, image, processContext(kl, w, rec, inst, 1));
  if (spawned.kind === "not-found") {
    // runc fails the task's start: the container exits 128 with reason StartError.
    const message = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${spawned.message}: unknown`;
    inst.finishedAt = now;
    inst.exitCode = 128;
    inst.reason = "StartError";
    inst.message = message;
    inst.startedAt = 0;
    inst.observedAt = now + PLEG_RELIST_MS;
    inst.visible = true;
    // The failed sync step is what the status shows until the next attempt (reasonCache: RunContainerError).
    if ((w.pod as Obj).spec?.restartPolicy !== "Never" || rec.kind === "sidecar") rec.waiting = { reason: "RunContainerError", message };
    containerEvent(kl, w, rec, "Warning", "Failed", `Error: ${message}`);
    scheduleSync(kl, w, PLEG_RELIST_MS);
    return false;
  }
  inst.process = spawned.process;
  containerEvent(kl, w, rec, "Normal", "Started", `Started container ${rec.name}`);
  drive(kl, w, rec, inst, safeStep(() => inst.process!.start()));
  const postStart = rec.spec.lifecycle?.postStart;
  if (postStart && inst.finishedAt === undefined) {
    runPostStart(kl, w, rec, inst, postStart);
  } else {
    inst.visible = true;
    if (inst.finishedAt === undefined) startProbes(kl, w, rec, inst);
  }
  return true;
}

export function retryAfter(kl: KubeletState, w: PodWorker, rec: ContainerRec, delayMs: number): void {
  rec.retryAt = kl.engine.now() + delayMs;
  scheduleSync(kl, w, delayMs);
}

// Mirrors pkg/kubelet/lifecycle/handlers.go (HandlerRunner.Run: exec, httpGet, sleep) and the hook call
// sites in kuberuntime_container.go: postStart blocks the container's sync until it returns (the status
// keeps showing it waiting); a failure records FailedPostStartHook "PostStartHook failed" and kills the
// container; preStop runs inside the grace period and a failure records FailedPreStopHook.
import { containerEvent } from "./events";
import { formatPod } from "./format";
import { httpProbeTarget } from "./prober";
import type { ContainerRec, Instance, KubeletState, Obj, PodWorker } from "./state";
import { killContainer, processContext, requestSync } from "./containers";
import { startProbes } from "./prober";

export const POSTSTART_TIMER = "kubelet.poststart-done";
export type HookPayload = { uid: string; container: string; id: string; ok: boolean };

export type HandlerResult = { ok: boolean; message: string; elapsedMs: number };

/** Runs an exec command inside the container (a new process sharing its filesystem), output captured. */
export function execInContainer(
  kl: KubeletState,
  w: PodWorker,
  rec: ContainerRec,
  inst: Instance,
  argv: string[],
  timeoutMs: number,
): { kind: "ran"; exitCode: number; stdout: string; stderr: string; timedOut: boolean; elapsedMs: number } | { kind: "not-found"; message: string } {
  const output = { out: [] as string[], err: [] as string[] };
  const pid = inst.nextPid++;
  const ctx = processContext(kl, w, rec, inst, pid, output);
  // One spawn: runToCompletion reports a command that cannot be started (runc's exec error) itself.
  const r = kl.deps.runtime.runToCompletion(argv, inst.image, ctx, { timeoutMs, maxSteps: 200_000 });
  if (r.startError !== undefined) return { kind: "not-found", message: r.startError };
  return { kind: "ran", exitCode: r.exitCode, stdout: output.out.join(""), stderr: output.err.join(""), timedOut: r.timedOut, elapsedMs: r.elapsedMs };
}

export function runHandler(kl: KubeletState, w: PodWorker, rec: ContainerRec, inst: Instance, handler: Obj, timeoutMs: number): HandlerResult {
  if (handler.exec) {
    const cmd: string[] = (handler.exec.command ?? []).map(String);
    const r = execInContainer(kl, w, rec, inst, cmd, timeoutMs);
    if (r.kind === "not-found") {
      const err = `rpc error: code = Unknown desc = failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: ${r.message}: unknown`;
      return { ok: false, message: hookExecMessage(cmd, rec, w, err, ""), elapsedMs: 0 };
    }
    if (r.exitCode === 0) return { ok: true, message: "", elapsedMs: r.elapsedMs };
    const err = `command '${cmd.join(" ")}' exited with ${r.exitCode}: ${r.stderr}`;
    return { ok: false, message: hookExecMessage(cmd, rec, w, err, r.stdout + r.stderr), elapsedMs: r.elapsedMs };
  }
  if (handler.httpGet) {
    const target = httpProbeTarget(w, rec, handler.httpGet);
    const res = kl.deps.network.probeHttp(kl.engine, target.host, target.port, target.req, timeoutMs);
    if (res.kind === "ok") return { ok: true, message: "", elapsedMs: 0 };
    const err =
      res.kind === "refused"
        ? `Get "${target.url}": dial tcp ${target.host}:${target.port}: connect: connection refused`
        : res.kind === "timeout"
          ? `Get "${target.url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`
          : `Get "${target.url}": dial tcp ${target.host}:${target.port}: connect: no route to host`;
    const path = handler.httpGet.path ?? "";
    return { ok: false, message: `HTTP lifecycle hook (${path}) for Container "${rec.name}" in Pod "${formatPod(w.pod)}" failed - error: ${err}`, elapsedMs: res.kind === "timeout" ? res.afterMs : 0 };
  }
  if (handler.sleep) return { ok: true, message: "", elapsedMs: Math.max(0, Number(handler.sleep.seconds ?? 0)) * 1000 };
  return { ok: true, message: "", elapsedMs: 0 };
}

function hookExecMessage(cmd: string[], rec: ContainerRec, w: PodWorker, err: string, output: string): string {
  return `Exec lifecycle hook ([${cmd.join(" ")}]) for Container "${rec.name}" in Pod "${formatPod(w.pod)}" failed - error: ${err}, message: ${JSON.stringify(output)}`;
}

/** Runs postStart; the container becomes visible (Running) when it completes. */
export function runPostStart(kl: KubeletState, w: PodWorker, rec: ContainerRec, inst: Instance, handler: Obj): void {
  const r = runHandler(kl, w, rec, inst, handler, 10 * 60 * 1000);
  const payload: HookPayload = { uid: w.uid, container: rec.name, id: inst.id, ok: r.ok };
  if (r.elapsedMs <= 0) completePostStart(kl, w, rec, inst, payload);
  else inst.hookTimer = kl.engine.schedule(r.elapsedMs, POSTSTART_TIMER, payload);
}

export function completePostStart(kl: KubeletState, w: PodWorker, rec: ContainerRec, inst: Instance, p: HookPayload): void {
  inst.hookTimer = undefined;
  if (inst.finishedAt !== undefined) return;
  if (p.ok) {
    inst.visible = true;
    startProbes(kl, w, rec, inst);
    requestSync(kl, w);
    return;
  }
  // Do not record the handler's message in the event, so that secrets won't leak (kuberuntime_container.go).
  containerEvent(kl, w, rec, "Warning", "FailedPostStartHook", "PostStartHook failed");
  inst.visible = true;
  killContainer(kl, w, rec, inst, { message: "FailedPostStartHook", graceMs: podGraceMs(w) });
  requestSync(kl, w);
}

/** Runs preStop; returns how long it runs (the stop signal follows then, within the grace period). */
export function runPreStop(kl: KubeletState, w: PodWorker, rec: ContainerRec, inst: Instance, handler: Obj, graceMs: number): number {
  const r = runHandler(kl, w, rec, inst, handler, graceMs);
  if (!r.ok) containerEvent(kl, w, rec, "Warning", "FailedPreStopHook", "PreStopHook failed");
  return r.elapsedMs;
}

export function podGraceMs(w: PodWorker): number {
  const spec = (w.pod as Obj).spec ?? {};
  return Math.max(0, Number(spec.terminationGracePeriodSeconds ?? 30)) * 1000;
}

// Mirrors pkg/kubelet/prober/worker.go (doProbe: initialDelaySeconds, startup gating, success/failure
// thresholds, on-hold after a liveness/startup failure until the container restarts) and prober.go
// (exec/httpGet/tcpSocket/grpc probes, `<Type> probe failed: <output>` Unhealthy events). Workers tick on
// the pod's own period grid (they start when the pod is added, not when the container starts); no jitter.
import type { HttpRequest } from "../runtime/types";
import { containerEvent } from "./events";
import type { ContainerRec, Instance, KubeletState, Obj, PodWorker, ProbeType, ProbeWorker } from "./state";
import { killContainer, requestSync } from "./containers";
import { execInContainer, podGraceMs } from "./lifecycle";

export const PROBE_TIMER = "kubelet.probe";
export type ProbePayload = { uid: string; container: string; id: string; type: ProbeType };

const TYPES: ProbeType[] = ["startup", "readiness", "liveness"];
const TITLE: Record<ProbeType, string> = { liveness: "Liveness", readiness: "Readiness", startup: "Startup" };

function probeSpec(rec: ContainerRec, type: ProbeType): Obj | undefined {
  return rec.spec[`${type}Probe`];
}

export function startProbes(kl: KubeletState, w: PodWorker, rec: ContainerRec, inst: Instance): void {
  // Regular init containers are never probed; sidecars and app containers are.
  if (rec.kind === "init") return;
  for (const type of TYPES) {
    const spec = probeSpec(rec, type);
    if (!spec) continue;
    // Initial results: readiness starts as Failure, liveness as Success, startup as Unknown.
    const worker: ProbeWorker = { type, result: type === "readiness" ? false : type === "liveness" ? true : undefined, resultRun: 0, onHold: false };
    inst.probes[type] = worker;
    const period = Math.max(1, Number(spec.periodSeconds ?? 10)) * 1000;
    const sinceAdd = kl.engine.now() - w.startTime;
    const delay = (period - (sinceAdd % period)) % period;
    worker.timer = kl.engine.schedule(delay, PROBE_TIMER, { uid: w.uid, container: rec.name, id: inst.id, type } satisfies ProbePayload);
  }
}

export function stopProbes(kl: KubeletState, inst: Instance): void {
  for (const t of TYPES) {
    const wk = inst.probes[t];
    if (wk) {
      kl.engine.cancel(wk.timer);
      wk.timer = undefined;
    }
  }
}

export type ProbeOutcome = { ok: boolean; output: string };

export function httpProbeTarget(w: PodWorker, rec: ContainerRec, http: Obj): { host: string; port: number; url: string; req: HttpRequest } {
  const host: string = http.host || w.ip || "";
  const port = resolvePort(rec, http.port);
  let path: string = http.path ?? "";
  if (path && !path.startsWith("/")) path = `/${path}`;
  const scheme = String(http.scheme ?? "HTTP").toLowerCase();
  const url = `${scheme}://${host}:${port}${path}`;
  const headers: Record<string, string> = { "User-Agent": "kube-probe/1.32", Accept: "*/*" };
  for (const h of (http.httpHeaders ?? []) as Obj[]) headers[h.name] = String(h.value ?? "");
  return { host, port, url, req: { method: "GET", host, port, path: path || "/", headers } };
}

/** A probe's port: a number, or the name of one of the container's ports. */
export function resolvePort(rec: ContainerRec, port: unknown): number {
  if (typeof port === "number") return port;
  if (typeof port === "string" && /^\d+$/.test(port)) return Number(port);
  const named = ((rec.spec.ports ?? []) as Obj[]).find((p) => p.name === port);
  return named ? Number(named.containerPort) : -1;
}

/** prober.runProbe: what one probe attempt returns. */
export function runProbe(kl: KubeletState, w: PodWorker, rec: ContainerRec, inst: Instance, spec: Obj): ProbeOutcome {
  const timeoutMs = Math.max(1, Number(spec.timeoutSeconds ?? 1)) * 1000;
  const engine = kl.engine;
  if (spec.exec) {
    const cmd: string[] = (spec.exec.command ?? []).map(String);
    const r = execInContainer(kl, w, rec, inst, cmd, timeoutMs);
    if (r.kind === "not-found") return { ok: false, output: `OCI runtime exec failed: exec failed: unable to start container process: ${r.message}: unknown` };
    if (r.timedOut) return { ok: false, output: `command ${JSON.stringify(cmd.join(" "))} timed out` };
    return { ok: r.exitCode === 0, output: r.stdout + r.stderr };
  }
  if (spec.httpGet) {
    const t = httpProbeTarget(w, rec, spec.httpGet);
    const res = kl.deps.network.probeHttp(engine, t.host, t.port, t.req, timeoutMs);
    if (res.kind === "ok") {
      const code = res.value.status;
      if (code >= 200 && code < 400) return { ok: true, output: "" };
      return { ok: false, output: `HTTP probe failed with statuscode: ${code}` };
    }
    if (res.kind === "refused") return { ok: false, output: `Get "${t.url}": dial tcp ${t.host}:${t.port}: connect: connection refused` };
    if (res.kind === "timeout") return { ok: false, output: `Get "${t.url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` };
    return { ok: false, output: `Get "${t.url}": dial tcp ${t.host}:${t.port}: connect: no route to host` };
  }
  if (spec.tcpSocket) {
    const host: string = spec.tcpSocket.host || w.ip || "";
    const port = resolvePort(rec, spec.tcpSocket.port);
    const res = kl.deps.network.probeTcp(engine, host, port, timeoutMs);
    if (res.kind === "ok") return { ok: true, output: "" };
    if (res.kind === "timeout") return { ok: false, output: `dial tcp ${host}:${port}: i/o timeout` };
    if (res.kind === "refused") return { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` };
    return { ok: false, output: `dial tcp ${host}:${port}: connect: no route to host` };
  }
  if (spec.grpc) {
    const host = w.ip ?? "";
    const port = Number(spec.grpc.port);
    const res = kl.deps.network.probeTcp(engine, host, port, timeoutMs);
    if (res.kind === "ok") return { ok: true, output: "" };
    return { ok: false, output: `timeout: failed to connect service "${host}:${port}" within ${spec.timeoutSeconds ?? 1}s` };
  }
  return { ok: true, output: "" };
}

/** worker.doProbe for one tick; reschedules the next tick. */
export function probeTick(kl: KubeletState, w: PodWorker, rec: ContainerRec, inst: Instance, type: ProbeType): void {
  const worker = inst.probes[type];
  const spec = probeSpec(rec, type);
  if (!worker || !spec || inst.finishedAt !== undefined || inst.killing) return;
  const period = Math.max(1, Number(spec.periodSeconds ?? 10)) * 1000;
  worker.timer = kl.engine.schedule(period, PROBE_TIMER, { uid: w.uid, container: rec.name, id: inst.id, type } satisfies ProbePayload);
  if (worker.onHold || w.terminating) return;
  // int32(time.Since(startedAt).Seconds()) < initialDelaySeconds
  if (Math.floor((kl.engine.now() - inst.startedAt) / 1000) < Number(spec.initialDelaySeconds ?? 0)) return;
  const started = rec.spec.startupProbe ? inst.probes.startup?.result === true : true;
  if (type !== "startup" && !started) return;
  if (type === "startup" && started) return;
  const outcome = runProbe(kl, w, rec, inst, spec);
  if (!outcome.ok) {
    const output = outcome.output.replace(/\n+$/, "");
    containerEvent(kl, w, rec, "Warning", "Unhealthy", `${TITLE[type]} probe failed: ${output}`);
  }
  if (worker.lastResult === outcome.ok) worker.resultRun++;
  else {
    worker.lastResult = outcome.ok;
    worker.resultRun = 1;
  }
  const failureThreshold = Number(spec.failureThreshold ?? 3);
  const successThreshold = Number(spec.successThreshold ?? 1);
  if ((!outcome.ok && worker.resultRun < failureThreshold) || (outcome.ok && worker.resultRun < successThreshold)) return;
  const changed = worker.result !== outcome.ok;
  worker.result = outcome.ok;
  if ((type === "liveness" || type === "startup") && !outcome.ok) {
    // The container fails a liveness/startup check: it will be restarted. Stop probing until a new container.
    worker.onHold = true;
    worker.resultRun = 0;
    const podSpec = (w.pod as Obj).spec ?? {};
    const grace = spec.terminationGracePeriodSeconds != null ? Number(spec.terminationGracePeriodSeconds) * 1000 : podGraceMs(w);
    killContainer(kl, w, rec, inst, {
      message: `Container ${rec.name} failed ${type} probe, will be restarted`,
      graceMs: grace,
      restart: podSpec.restartPolicy !== "Never" || rec.kind === "sidecar",
    });
    requestSync(kl, w);
    return;
  }
  if (changed) requestSync(kl, w);
}

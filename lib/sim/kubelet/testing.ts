// Test helpers for kubelet scenarios: pod builders, stepping, and compact event/status views.
import type { Cluster } from "../cluster";
import { createCluster } from "../index";
import type { KubeObject } from "../core/types";
import type { Obj } from "./state";
import { DEFAULT_START_MS, parseTime } from "../core/time";

export function makePod(name: string, spec: Obj, meta: Obj = {}): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default", ...meta }, spec: { nodeName: "node01", ...spec } };
}

export function newCluster(seed = 1): Cluster {
  return createCluster({ seed });
}

/** Advances virtual time, failing the test on a simulator error. */
export function advance(cluster: Cluster, seconds: number): void {
  const r = cluster.advance(seconds);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
}

export function pod(cluster: Cluster, name: string, ns = "default"): Obj {
  const p = cluster.get("pods", name, ns) as Obj | undefined;
  if (!p) throw new Error(`pod ${name} not found`);
  return p;
}

/** kubectl's STATUS column, enough of printers.go printPod for tests. */
export function podStatusColumn(p: Obj): string {
  const status = p.status ?? {};
  let reason: string = status.reason || status.phase;
  const inits: Obj[] = status.initContainerStatuses ?? [];
  const initSpecs: Obj[] = p.spec?.initContainers ?? [];
  let initializing = false;
  inits.forEach((c, i) => {
    const restartable = initSpecs[i]?.restartPolicy === "Always";
    if (initializing) return;
    if (c.state?.terminated && c.state.terminated.exitCode === 0) return;
    if (restartable && c.started) return;
    if (c.state?.terminated) {
      reason = c.state.terminated.reason ? `Init:${c.state.terminated.reason}` : `Init:ExitCode:${c.state.terminated.exitCode}`;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== "PodInitializing") reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${initSpecs.length}`;
    initializing = true;
  });
  if (initializing) return p.metadata.deletionTimestamp ? "Terminating" : reason;
  let hasRunning = false;
  for (const c of [...(status.containerStatuses ?? [])].reverse()) {
    if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
    else if (c.state?.terminated) reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`;
    else if (c.ready && c.state?.running) hasRunning = true;
  }
  if (reason === "Completed" && hasRunning) reason = "Running";
  if (p.metadata.deletionTimestamp) return "Terminating";
  return reason;
}

/** `reason: message` lines of the pod's events, oldest first (count appended when > 1). */
export function eventTrace(cluster: Cluster, name: string): string[] {
  return cluster.events({ name }).map((e) => {
    const t = Math.round((parseTime(String(e.firstTimestamp ?? e.eventTime)) - DEFAULT_START_MS) / 1000);
    return `${t}s ${e.type} ${e.reason}: ${e.message}${(e.count as number) > 1 ? ` (x${e.count})` : ""}`;
  });
}

/** STATUS column (with restarts) sampled at the given seconds after the pod was created. */
export function statusAt(c: Cluster, name: string, times: number[]): string[] {
  const out: string[] = [];
  let now = 0;
  for (const t of times) {
    advance(c, t - now);
    now = t;
    const p = pod(c, name);
    const restarts = (p.status.containerStatuses ?? []).reduce((n: number, s: { restartCount: number }) => n + s.restartCount, 0);
    out.push(`${t}s ${podStatusColumn(p)} ${restarts}`);
  }
  return out;
}

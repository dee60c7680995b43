// Mirrors pkg/controller/job/job_controller.go (syncJob, manageJob, trackJobStatusWithFinalizers,
// pod back-off from backoff_utils.go): pods carry the batch.kubernetes.io/job-tracking finalizer until
// counted; completions/parallelism, backoffLimit (pod failures, plus container restarts with
// restartPolicy OnFailure), activeDeadlineSeconds, suspend, and v1.32's two-step terminal conditions
// (SuccessCriteriaMet → Complete, FailureTarget → Failed once no pod is terminating).
import type { Engine } from "../core/engine";
import type { Change } from "../core/store";
import { formatTime } from "../core/time";
import { clone, type KubeObject } from "../core/types";
import { ControllerClient } from "./client";
import {
  claimObjects,
  getControllerOf,
  isPodReady,
  moduleState,
  podFromTemplate,
  selectorOf,
  slowStartBatch,
  splitKey,
  ts,
  type Obj,
} from "./controller-utils";

export const JOB_CONTROLLER = "job";
export const JOB_TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";
const DEFAULT_BACKOFF_MS = 10_000;
const MAX_BACKOFF_MS = 6 * 60_000;

type BackoffRecord = { failuresAfterLastSuccess: number; lastFailureTime: number };

function backoffStore(engine: Engine): Map<string, BackoffRecord> {
  return moduleState(engine, "controllers.job.backoff", () => new Map<string, BackoffRecord>());
}

function podKeys(change: Change): string[] {
  const ref = getControllerOf(change.object);
  const ns = change.object.metadata.namespace;
  const keys: string[] = [];
  if (ref?.kind === "Job") keys.push(`${ns}/${ref.name}`);
  if (change.type !== "DELETED" && (change.object.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER)) keys.push(`pod|${ns}|${change.object.metadata.name}`);
  return keys;
}

export function installJobController(engine: Engine): void {
  engine.registerController({
    name: JOB_CONTROLLER,
    watches: [
      { resource: "jobs", keys: (c) => (c.type === "DELETED" ? [] : [`${c.object.metadata.namespace}/${c.object.metadata.name}`]) },
      { resource: "pods", keys: podKeys },
    ],
    reconcile: (key, e) => (key.startsWith("pod|") ? releaseOrphanPod(e, key) : syncJob(e, key)),
  });
}

/** A pod whose Job is gone (or that no Job controls) keeps no tracking finalizer. */
function releaseOrphanPod(engine: Engine, key: string): void {
  const [, ns, name] = key.split("|");
  const pod = engine.store.get("pods", ns, name);
  if (!pod) return;
  const ref = getControllerOf(pod);
  const job = ref?.kind === "Job" ? engine.store.get("jobs", ns, ref.name) : undefined;
  if (job && job.metadata.uid === ref?.uid) return;
  removeTrackingFinalizer(new ControllerClient(engine, "job-controller"), engine, pod as Obj);
}

function removeTrackingFinalizer(client: ControllerClient, engine: Engine, pod: Obj): void {
  client.updateMetadata("pods", pod.metadata.namespace, pod.metadata.name, (m) => {
    m.finalizers = (m.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER);
    if (!m.finalizers.length) delete m.finalizers;
  });
  const live = engine.store.get("pods", pod.metadata.namespace, pod.metadata.name) as Obj | undefined;
  // A pod whose deletion only waited for our finalizer (finished, unscheduled or zero grace) goes now.
  if (
    live?.metadata.deletionTimestamp &&
    (live.status?.phase === "Succeeded" || live.status?.phase === "Failed" || !live.spec?.nodeName || live.metadata.deletionGracePeriodSeconds === 0)
  ) {
    engine.api.finalize("pods", live.metadata.namespace, live.metadata.name);
  }
}

function isFinished(job: Obj): boolean {
  return (job.status?.conditions ?? []).some((c: Obj) => (c.type === "Complete" || c.type === "Failed") && c.status === "True");
}

function newCondition(type: string, reason: string, message: string, now: number): Obj {
  const t = formatTime(now);
  return { type, status: "True", lastProbeTime: t, lastTransitionTime: t, reason, message };
}

/** isPodFailed with podReplacementPolicy TerminatingOrFailed: a terminating pod already counts as failed. */
function isPodFailed(pod: Obj): boolean {
  if (pod.status?.phase === "Failed") return true;
  return !!pod.metadata.deletionTimestamp && pod.status?.phase !== "Succeeded";
}

function restartsOnFailure(job: Obj, pods: Obj[]): boolean {
  if (job.spec.template?.spec?.restartPolicy !== "OnFailure") return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== "Running" && p.status?.phase !== "Pending") continue;
    for (const s of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) restarts += s.restartCount ?? 0;
  }
  const limit = job.spec.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

function serialiseStatus(s: Obj): Obj {
  const out: Obj = {};
  if (s.conditions?.length) out.conditions = s.conditions;
  if (s.startTime) out.startTime = s.startTime;
  if (s.completionTime) out.completionTime = s.completionTime;
  if (s.active) out.active = s.active;
  if (s.succeeded) out.succeeded = s.succeeded;
  if (s.failed) out.failed = s.failed;
  if (s.terminating !== undefined) out.terminating = s.terminating;
  if (s.completedIndexes) out.completedIndexes = s.completedIndexes;
  if (s.uncountedTerminatedPods) out.uncountedTerminatedPods = s.uncountedTerminatedPods;
  if (s.ready !== undefined) out.ready = s.ready;
  return out;
}

export function syncJob(engine: Engine, key: string): void {
  const [ns, name] = splitKey(key);
  const client = new ControllerClient(engine, "job-controller");
  const job = engine.store.get("jobs", ns, name) as Obj | undefined;
  if (!job) return;
  const now = engine.now();
  const allPods = engine.store.list("pods", ns) as Obj[];
  const pods = claimObjects(client, "pods", job, selectorOf(job), allPods).filter((p) => getControllerOf(p)?.uid === job.metadata.uid);
  const status: Obj = clone(job.status ?? {});

  const indexed = job.spec.completionMode === "Indexed";
  const succeededIndexes = parseIndexes(status.completedIndexes);
  // Count finished pods still carrying the tracking finalizer, then release them.
  const backoff = backoffStore(engine);
  const rec = backoff.get(job.metadata.uid) ?? { failuresAfterLastSuccess: 0, lastFailureTime: 0 };
  for (const p of pods) {
    if (!(p.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER)) continue;
    if (p.status?.phase === "Succeeded") {
      const index = completionIndex(p);
      if (indexed && index !== undefined) {
        // Indexed: each index counts once, however many of its pods succeed.
        if (!succeededIndexes.has(index)) status.succeeded = (status.succeeded ?? 0) + 1;
        succeededIndexes.add(index);
      } else status.succeeded = (status.succeeded ?? 0) + 1;
      rec.failuresAfterLastSuccess = 0;
    } else if (isPodFailed(p)) {
      status.failed = (status.failed ?? 0) + 1;
      rec.failuresAfterLastSuccess++;
      rec.lastFailureTime = now;
    } else continue;
    removeTrackingFinalizer(client, engine, p);
  }
  backoff.set(job.metadata.uid, rec);
  if (indexed) {
    const text = formatIndexes(succeededIndexes);
    if (text) status.completedIndexes = text;
    else delete status.completedIndexes;
  }
  status.uncountedTerminatedPods = {};

  const live = (engine.store.list("pods", ns) as Obj[]).filter((p) => getControllerOf(p)?.uid === job.metadata.uid);
  let active = live.filter((p) => p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed" && !p.metadata.deletionTimestamp);
  const terminatingCount = () =>
    (engine.store.list("pods", ns) as Obj[]).filter(
      (p) => getControllerOf(p)?.uid === job.metadata.uid && p.metadata.deletionTimestamp && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed",
    ).length;

  const finished = isFinished(job);
  const conditions: Obj[] = status.conditions ?? [];
  const has = (type: string) => conditions.some((c) => c.type === type && c.status === "True");
  if (finished) {
    status.active = 0;
    status.ready = 0;
    status.terminating = terminatingCount();
    client.updateStatus("jobs", ns, name, serialiseStatus(status));
    return;
  }

  const suspended = !!job.spec.suspend;
  if (!status.startTime && !suspended) status.startTime = formatTime(now);
  const completions: number | undefined = job.spec.completions ?? undefined;
  const parallelism: number = job.spec.parallelism ?? 1;
  const succeeded = status.succeeded ?? 0;

  let finishing: Obj | undefined = conditions.find((c) => (c.type === "FailureTarget" || c.type === "SuccessCriteriaMet") && c.status === "True");
  if (!finishing) {
    const deadline = job.spec.activeDeadlineSeconds;
    if ((status.failed ?? 0) > (job.spec.backoffLimit ?? 6) || restartsOnFailure(job, active)) {
      finishing = newCondition("FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit", now);
    } else if (deadline != null && status.startTime && now - ts(status.startTime) >= deadline * 1000 && !suspended) {
      finishing = newCondition("FailureTarget", "DeadlineExceeded", "Job was active longer than specified deadline", now);
    } else if (completions == null ? succeeded > 0 && active.length === 0 : succeeded >= completions && active.length === 0) {
      finishing = newCondition("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods", now);
    }
    if (finishing) conditions.push(finishing);
  }

  if (finishing) {
    // Failing: remove what still runs; the terminal condition waits for terminating pods.
    for (const p of active) {
      const r = client.delete("pods", ns, p.metadata.name);
      if (r.ok) client.event(job, "Normal", "SuccessfulDelete", `Deleted pod: ${p.metadata.name}`);
      if (finishing.type === "FailureTarget") {
        status.failed = (status.failed ?? 0) + ((p.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER) ? 1 : 0);
        const lp = engine.store.get("pods", ns, p.metadata.name) as Obj | undefined;
        if (lp) removeTrackingFinalizer(client, engine, lp);
      }
    }
    active = [];
    const terminating = terminatingCount();
    if (terminating === 0) {
      const terminal = finishing.type === "FailureTarget" ? "Failed" : "Complete";
      if (!has(terminal)) {
        conditions.push(newCondition(terminal, finishing.reason, finishing.message, now));
        if (terminal === "Complete") {
          status.completionTime = formatTime(now);
          client.event(job, "Normal", "Completed", "Job completed");
        } else client.event(job, "Warning", finishing.reason, finishing.message);
      }
    }
    status.conditions = conditions;
    status.active = 0;
    status.ready = 0;
    status.terminating = terminating;
    client.updateStatus("jobs", ns, name, serialiseStatus(status));
    return;
  }

  // Suspend / resume.
  if (suspended) {
    for (const p of active) {
      const r = client.delete("pods", ns, p.metadata.name);
      if (r.ok) client.event(job, "Normal", "SuccessfulDelete", `Deleted pod: ${p.metadata.name}`);
    }
    active = [];
    if (!has("Suspended")) {
      status.conditions = [...conditions.filter((c) => c.type !== "Suspended"), { ...newCondition("Suspended", "JobSuspended", "Job suspended", now) }];
      client.event(job, "Normal", "Suspended", "Job suspended");
    }
    delete status.startTime;
  } else {
    if (has("Suspended")) {
      status.conditions = conditions.map((c) => (c.type === "Suspended" ? { ...newCondition("Suspended", "JobResumed", "Job resumed", now), status: "False" } : c));
      client.event(job, "Normal", "Resumed", "Job resumed");
    }
    let wantActive = completions == null ? (succeeded > 0 ? active.length : parallelism) : Math.max(0, Math.min(completions - succeeded, parallelism));
    if (active.length > wantActive) {
      // activePodsForRemoval: not-ready and newer pods first.
      const victims = [...active].sort((a, b) => Number(isPodReady(a)) - Number(isPodReady(b)) || ts(b.metadata.creationTimestamp) - ts(a.metadata.creationTimestamp)).slice(0, active.length - wantActive);
      for (const p of victims) {
        const r = client.delete("pods", ns, p.metadata.name);
        if (r.ok) client.event(job, "Normal", "SuccessfulDelete", `Deleted pod: ${p.metadata.name}`);
      }
      active = active.filter((p) => !victims.includes(p));
    }
    if (active.length < wantActive) {
      // Exponential back-off after failures: 10 s, 20 s, 40 s … capped at 6 minutes.
      const remaining = remainingBackoff(rec, now);
      if (remaining > 0) {
        engine.enqueueAfter(JOB_CONTROLLER, key, remaining);
        wantActive = active.length;
      }
      const diff = Math.min(wantActive - active.length, 500);
      if (diff > 0) {
        // Indexed: the lowest indexes neither succeeded nor running.
        const taken = new Set(active.map(completionIndex));
        const free: number[] = [];
        for (let i = 0; indexed && free.length < diff && i < (completions ?? 0); i++) if (!succeededIndexes.has(i) && !taken.has(i)) free.push(i);
        slowStartBatch(indexed ? free.length : diff, 1, () => {
          const pod = (indexed ? indexedPod(job, free.shift()!) : podFromTemplate(job.spec.template ?? {}, job)) as Obj;
          pod.metadata.finalizers = [...(pod.metadata.finalizers ?? []), JOB_TRACKING_FINALIZER];
          const r = client.create("pods", pod as KubeObject);
          if (!r.ok) {
            client.event(job, "Warning", "FailedCreate", `Error creating: ${r.status.message}`);
            return r.status.message;
          }
          client.event(job, "Normal", "SuccessfulCreate", `Created pod: ${r.value.metadata.name}`);
          active.push(r.value as Obj);
          return undefined;
        });
      }
    }
    const deadline = job.spec.activeDeadlineSeconds;
    if (deadline != null && status.startTime) engine.enqueueAfter(JOB_CONTROLLER, key, Math.max(1, ts(status.startTime) + deadline * 1000 - now));
  }
  status.active = active.length;
  status.ready = active.filter(isPodReady).length;
  status.terminating = terminatingCount();
  client.updateStatus("jobs", ns, name, serialiseStatus(status));
}

export const COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";

function completionIndex(pod: Obj): number | undefined {
  const v = pod.metadata.annotations?.[COMPLETION_INDEX] ?? pod.metadata.labels?.[COMPLETION_INDEX];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** completedIndexes as the API shows it: "0-2,4". */
export function formatIndexes(set: Set<number>): string {
  const sorted = [...set].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return parts.join(",");
}

export function parseIndexes(text: string | undefined): Set<number> {
  const out = new Set<number>();
  for (const part of (text ?? "").split(",").filter(Boolean)) {
    const [a, b] = part.split("-").map(Number);
    for (let i = a; i <= (b ?? a); i++) out.add(i);
  }
  return out;
}

/** An Indexed Job's pod: `<job>-<index>-xxxxx`, hostname `<job>-<index>`, the index as annotation, label and env. */
function indexedPod(job: Obj, index: number): KubeObject {
  const pod = podFromTemplate(job.spec.template ?? {}, job, { generateName: `${job.metadata.name}-${index}-` }) as Obj;
  pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [COMPLETION_INDEX]: String(index) };
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [COMPLETION_INDEX]: String(index) };
  pod.spec.hostname = `${job.metadata.name}-${index}`;
  const env = { name: "JOB_COMPLETION_INDEX", valueFrom: { fieldRef: { fieldPath: `metadata.labels['${COMPLETION_INDEX}']` } } };
  for (const c of [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])]) {
    c.env = [...(c.env ?? []).filter((e: Obj) => e.name !== "JOB_COMPLETION_INDEX"), env];
  }
  return pod as KubeObject;
}

function remainingBackoff(rec: BackoffRecord, now: number): number {
  if (rec.failuresAfterLastSuccess === 0) return 0;
  const delay = Math.min(DEFAULT_BACKOFF_MS * 2 ** (rec.failuresAfterLastSuccess - 1), MAX_BACKOFF_MS);
  return Math.max(0, rec.lastFailureTime + delay - now);
}

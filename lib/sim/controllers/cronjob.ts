// Mirrors pkg/controller/cronjob/cronjob_controllerv2.go (syncCronJob) and utils.go
// (mostRecentScheduleTime, getJobFromTemplate2): on the virtual clock, create Job
// `<cronjob>-<scheduled time in minutes since the epoch>` at each schedule time, honouring
// suspend, startingDeadlineSeconds and concurrencyPolicy, track active jobs, and keep the
// successful/failed history limits.
import type { Engine } from "../core/engine";
import { formatTime } from "../core/time";
import type { KubeObject } from "../core/types";
import { ControllerClient } from "./client";
import { getControllerOf, newControllerRef, splitKey, ts, type Obj } from "./controller-utils";
import { nextTime, parseSchedule, type CronSchedule } from "./cron-schedule";

export const CRONJOB_CONTROLLER = "cronjob";
export const SCHEDULED_TIMESTAMP_ANNOTATION = "batch.kubernetes.io/cronjob-scheduled-timestamp";
// Upstream requeues 100 ms after the schedule time (nextScheduleDelta); on the virtual clock the
// controller wakes exactly at it, so `advance(60)` already shows the job created at that minute.
const NEXT_SCHEDULE_DELTA_MS = 0;

export function installCronJobController(engine: Engine): void {
  engine.registerController({
    name: CRONJOB_CONTROLLER,
    watches: [
      { resource: "cronjobs", keys: (c) => (c.type === "DELETED" ? [] : [`${c.object.metadata.namespace}/${c.object.metadata.name}`]) },
      {
        resource: "jobs",
        keys: (c) => {
          const ref = getControllerOf(c.object);
          return ref?.kind === "CronJob" ? [`${c.object.metadata.namespace}/${ref.name}`] : [];
        },
      },
    ],
    reconcile: (key, e) => syncCronJob(e, key),
  });
}

function finishedStatus(job: Obj): "Complete" | "Failed" | undefined {
  for (const c of job.status?.conditions ?? []) {
    if ((c.type === "Complete" || c.type === "Failed") && c.status === "True") return c.type;
  }
  return undefined;
}

/** Go's time.RFC1123Z in UTC, as the MissSchedule event prints it. */
function rfc1123z(ms: number): string {
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const iso = formatTime(ms);
  const [y, mo, d] = iso.slice(0, 10).split("-").map(Number);
  const weekday = (((Math.floor(ms / 86_400_000) % 7) + 7 + 4) % 7);
  return `${days[weekday]}, ${String(d).padStart(2, "0")} ${months[mo - 1]} ${y} ${iso.slice(11, 19)} +0000`;
}

/** mostRecentScheduleTime: the latest missed schedule time in (earliest, now], and how many were missed. */
export function mostRecentScheduleTime(cj: Obj, now: number, sched: CronSchedule, includeStartingDeadline: boolean): { time?: number; missed: number } {
  let earliest = ts(cj.status?.lastScheduleTime ?? cj.metadata.creationTimestamp);
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (includeStartingDeadline && deadline != null) earliest = Math.max(earliest, now - deadline * 1000);
  const t1 = nextTime(sched, earliest);
  if (now < t1) return { missed: 0 };
  let last = t1;
  let missed = 1;
  for (let t = nextTime(sched, t1); t <= now; t = nextTime(sched, t)) {
    last = t;
    if (++missed > 10_000) break;
  }
  return { time: last, missed };
}

export function syncCronJob(engine: Engine, key: string): void {
  const [ns, name] = splitKey(key);
  const client = new ControllerClient(engine, "cronjob-controller");
  const cj = engine.store.get("cronjobs", ns, name) as Obj | undefined;
  if (!cj || cj.metadata.deletionTimestamp) return;
  const now = engine.now();
  const status: Obj = JSON.parse(JSON.stringify(cj.status ?? {}));
  const jobs = (engine.store.list("jobs", ns) as Obj[]).filter((j) => getControllerOf(j)?.uid === cj.metadata.uid);
  let active: Obj[] = [...(status.active ?? [])];

  for (const j of jobs) {
    const inActive = active.some((a) => a.uid === j.metadata.uid);
    const fin = finishedStatus(j);
    if (!inActive && !fin) {
      active.push(jobRef(j));
    } else if (inActive && fin) {
      active = active.filter((a) => a.uid !== j.metadata.uid);
      client.event(cj, "Normal", "SawCompletedJob", `Saw completed job: ${j.metadata.name}, condition: ${fin}`);
      if (fin === "Complete" && j.status?.completionTime && (!status.lastSuccessfulTime || ts(status.lastSuccessfulTime) < ts(j.status.completionTime))) {
        status.lastSuccessfulTime = j.status.completionTime;
      }
    }
  }
  for (const a of [...active]) {
    if (!jobs.some((j) => j.metadata.uid === a.uid)) {
      client.event(cj, "Normal", "MissingJob", `Active job went missing: ${a.name}`);
      active = active.filter((x) => x.uid !== a.uid);
    }
  }
  cleanupFinishedJobs(client, cj, jobs.filter((j) => !active.some((a) => a.uid === j.metadata.uid)));

  const write = () => {
    const out: Obj = {};
    if (active.length) out.active = active;
    if (status.lastScheduleTime) out.lastScheduleTime = status.lastScheduleTime;
    if (status.lastSuccessfulTime) out.lastSuccessfulTime = status.lastSuccessfulTime;
    client.updateStatus("cronjobs", ns, name, out);
  };

  if (cj.spec?.suspend) return write();
  const parsed = parseSchedule(cj.spec?.schedule ?? "", cj.spec?.timeZone);
  if (!parsed.ok) {
    if (parsed.error.startsWith("provided bad location")) {
      client.event(cj, "Warning", "UnknownTimeZone", `invalid timeZone: "${cj.spec?.timeZone}": ${parsed.error}`);
    } else client.event(cj, "Warning", "UnparseableSchedule", `unparseable schedule: "${cj.spec?.schedule}" : ${parsed.error}`);
    return write();
  }
  const sched = parsed.schedule;
  const requeue = () => engine.enqueueAfter(CRONJOB_CONTROLLER, key, nextTime(sched, now) - now + NEXT_SCHEDULE_DELTA_MS);
  const recent = mostRecentScheduleTime(cj, now, sched, true);
  if (recent.missed > 100) {
    client.event(cj, "Warning", "TooManyMissedTimes", `too many missed start times: ${recent.missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`);
  }
  if (recent.time === undefined) {
    write();
    requeue();
    return;
  }
  const scheduled = recent.time;
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (deadline != null && scheduled + deadline * 1000 < now) {
    client.event(cj, "Warning", "MissSchedule", `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`);
    write();
    requeue();
    return;
  }
  const jobName = `${name}-${Math.floor(scheduled / 60_000)}`;
  if (active.some((a) => a.name === jobName) || (status.lastScheduleTime && ts(status.lastScheduleTime) >= scheduled)) {
    write();
    requeue();
    return;
  }
  const policy = cj.spec?.concurrencyPolicy ?? "Allow";
  if (policy === "Forbid" && active.length) {
    client.event(cj, "Normal", "JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid");
    write();
    requeue();
    return;
  }
  if (policy === "Replace") {
    for (const a of active) {
      const r = client.delete("jobs", ns, a.name, { propagationPolicy: "Background" });
      if (r.ok) client.event(cj, "Normal", "SuccessfulDelete", `Deleted job ${a.name}`);
    }
    active = [];
  }
  const tmpl = cj.spec?.jobTemplate ?? {};
  const job: Obj = {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: {
      name: jobName,
      namespace: ns,
      labels: { ...(tmpl.metadata?.labels ?? {}) },
      annotations: { ...(tmpl.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP_ANNOTATION]: formatTime(scheduled) },
      ownerReferences: [newControllerRef(cj)],
    },
    spec: JSON.parse(JSON.stringify(tmpl.spec ?? {})),
  };
  if (!Object.keys(job.metadata.labels).length) delete job.metadata.labels;
  const r = client.create("jobs", job as KubeObject);
  if (!r.ok && r.status.reason !== "AlreadyExists") {
    client.event(cj, "Warning", "FailedCreate", `Error creating job: ${r.status.message}`);
    write();
    requeue();
    return;
  }
  if (r.ok) {
    client.event(cj, "Normal", "SuccessfulCreate", `Created job ${jobName}`);
    active.push(jobRef(r.value as Obj));
  }
  status.lastScheduleTime = formatTime(scheduled);
  write();
  requeue();
}

function jobRef(j: Obj): Obj {
  return { apiVersion: "batch/v1", kind: "Job", name: j.metadata.name, namespace: j.metadata.namespace, resourceVersion: j.metadata.resourceVersion, uid: j.metadata.uid };
}

/** cleanupFinishedJobs: keep successfulJobsHistoryLimit Complete and failedJobsHistoryLimit Failed jobs. */
function cleanupFinishedJobs(client: ControllerClient, cj: Obj, jobs: Obj[]): void {
  const limits: [string, number | undefined][] = [
    ["Complete", cj.spec?.successfulJobsHistoryLimit],
    ["Failed", cj.spec?.failedJobsHistoryLimit],
  ];
  for (const [type, limit] of limits) {
    if (limit == null) continue;
    const done = jobs
      .filter((j) => finishedStatus(j) === type && !j.metadata.deletionTimestamp)
      .sort((a, b) => ts(a.status?.startTime ?? a.metadata.creationTimestamp) - ts(b.status?.startTime ?? b.metadata.creationTimestamp) || (a.metadata.name < b.metadata.name ? -1 : 1));
    for (const j of done.slice(0, Math.max(0, done.length - limit))) {
      const r = client.delete("jobs", j.metadata.namespace, j.metadata.name, { propagationPolicy: "Background" });
      if (r.ok) client.event(cj, "Normal", "SuccessfulDelete", `Deleted job ${j.metadata.name}`);
    }
  }
}

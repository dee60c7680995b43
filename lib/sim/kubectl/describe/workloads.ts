// Mirrors the workload describers of staging/src/k8s.io/kubectl/pkg/describe/describe.go (Kubernetes v1.32):
// DeploymentDescriber (with deploymentutil's new/old ReplicaSet lookup), ReplicaSetDescriber,
// StatefulSetDescriber, DaemonSetDescriber, JobDescriber and CronJobDescriber.
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from "kubernetes-types/apps/v1";
import type { CronJob, Job, JobTemplateSpec } from "kubernetes-types/batch/v1";
import type { Pod } from "kubernetes-types/core/v1";
import type { LabelSelector } from "kubernetes-types/meta/v1";
import type { KubeObject, ObjectReader } from "../format/kube-object";
import { formatLabels, formatLabelSelector, labelSelectorString } from "../format/labels";
import { humanDuration, parseTimestamp } from "../format/time";
import {
  describeEvents,
  describePodTemplate,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printLabelsMultilineWithIndent,
  rfc1123z,
  searchEvents,
} from "./common";
import { printController, type DescribeOptions } from "./pod";
import { LEVEL_0, LEVEL_1, PrefixWriter } from "./writer";

const asObject = (o: unknown) => o as KubeObject;

function matchesSelector(labels: Record<string, string> | undefined, selector: LabelSelector | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const values = e.values ?? [];
    if (e.operator === "In" && !(has && values.includes(l[e.key]))) return false;
    if (e.operator === "NotIn" && has && values.includes(l[e.key])) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

function ownedBy(o: KubeObject, owner: KubeObject): boolean {
  const ref = (o.metadata?.ownerReferences ?? []).find((r) => r.controller);
  if (!ref) return false;
  return owner.metadata?.uid ? ref.uid === owner.metadata.uid : ref.name === owner.metadata?.name && ref.kind === owner.kind;
}

/** getPodStatusForController: phases of the pods the controller owns. */
function podStatusCounts(reader: ObjectReader, owner: KubeObject, selector: LabelSelector | undefined): string {
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  const pods = reader.list("pods", owner.metadata?.namespace) as unknown as Pod[];
  for (const pod of pods) {
    if (!matchesSelector(pod.metadata?.labels, selector) || !ownedBy(asObject(pod), owner)) continue;
    switch (pod.status?.phase) {
      case "Running":
        running++;
        break;
      case "Pending":
        waiting++;
        break;
      case "Succeeded":
        succeeded++;
        break;
      case "Failed":
        failed++;
        break;
    }
  }
  return `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`;
}

function conditionsTable(w: PrefixWriter, conditions: { type: string; status: string; reason?: string }[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
  w.write(LEVEL_1, "----\t------\t------\n");
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
}

function events(reader: ObjectReader, o: KubeObject, kind: string, w: PrefixWriter, opts: DescribeOptions): void {
  if (opts.showEvents !== false) describeEvents(searchEvents(reader, o, kind), w, opts.now);
}

/** JSON with sorted keys: a deep-equality key for pod templates. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const rec = value as Record<string, unknown>;
    return `{${Object.keys(rec)
      .filter((k) => rec[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(rec[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** deploymentutil.EqualIgnoreHash: templates equal once the pod-template-hash label is dropped. */
function templateKey(template: unknown): string {
  const copy = JSON.parse(JSON.stringify(template ?? {})) as { metadata?: { labels?: Record<string, string>; creationTimestamp?: unknown } };
  if (copy.metadata?.labels) delete copy.metadata.labels["pod-template-hash"];
  if (copy.metadata) delete copy.metadata.creationTimestamp;
  return canonical(copy);
}

function printReplicaSetsByLabels(list: ReplicaSet[]): string {
  const s = list.map((rs) => `${rs.metadata?.name ?? ""} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(", ");
  return s === "" ? "<none>" : s;
}

function intOrPercent(v: number | string | undefined, fallback: string): string {
  return v === undefined || v === null ? fallback : String(v);
}

export function describeDeployment(d: Deployment, reader: ObjectReader, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  const o = asObject(d);
  const spec = d.spec ?? { selector: {}, template: {} };
  const st = d.status ?? {};
  w.write(LEVEL_0, `Name:\t${d.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata?.namespace ?? ""}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata?.creationTimestamp)}\n`);
  printLabelsMultiline(w, "Labels", d.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", d.metadata?.annotations);
  w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec.selector)}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${spec.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  );
  const strategyType = spec.strategy?.type ?? "RollingUpdate";
  w.write(LEVEL_0, `StrategyType:\t${strategyType}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  if (strategyType === "RollingUpdate") {
    const ru = spec.strategy?.rollingUpdate ?? {};
    w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrPercent(ru.maxUnavailable, "25%")} max unavailable, ${intOrPercent(ru.maxSurge, "25%")} max surge\n`);
  }
  describePodTemplate(spec.template, w);
  conditionsTable(w, st.conditions);

  // deploymentutil.GetAllReplicaSets: owned ReplicaSets; the new one is the oldest whose template matches.
  const owned = (reader.list("replicasets", d.metadata?.namespace) as unknown as ReplicaSet[])
    .filter((rs) => ownedBy(asObject(rs), o))
    .sort((a, b) => {
      const ta = parseTimestamp(a.metadata?.creationTimestamp) ?? 0;
      const tb = parseTimestamp(b.metadata?.creationTimestamp) ?? 0;
      return ta - tb || ((a.metadata?.name ?? "") < (b.metadata?.name ?? "") ? -1 : 1);
    });
  const wanted = templateKey(spec.template);
  const newRS = owned.find((rs) => templateKey(rs.spec?.template) === wanted);
  const oldRSs = owned.filter((rs) => rs !== newRS && (rs.spec?.replicas ?? 1) !== 0);
  w.write(LEVEL_0, `OldReplicaSets:\t${printReplicaSetsByLabels(oldRSs)}\n`);
  w.write(LEVEL_0, `NewReplicaSet:\t${printReplicaSetsByLabels(newRS ? [newRS] : [])}\n`);
  events(reader, o, "Deployment", w, opts);
  return w.toString();
}

export function describeReplicaSet(rs: ReplicaSet, reader: ObjectReader, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  const o = asObject(rs);
  w.write(LEVEL_0, `Name:\t${rs.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata?.namespace ?? ""}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  printLabelsMultiline(w, "Labels", rs.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", rs.metadata?.annotations);
  const controlledBy = printController(rs.metadata);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${podStatusCounts(reader, o, rs.spec?.selector)}\n`);
  describePodTemplate(rs.spec?.template, w);
  conditionsTable(w, rs.status?.conditions);
  events(reader, o, "ReplicaSet", w, opts);
  return w.toString();
}

export function describeStatefulSet(ss: StatefulSet, reader: ObjectReader, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  const o = asObject(ss);
  const spec = ss.spec;
  w.write(LEVEL_0, `Name:\t${ss.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${ss.metadata?.namespace ?? ""}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(ss.metadata?.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec?.selector)}\n`);
  printLabelsMultiline(w, "Labels", ss.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", ss.metadata?.annotations);
  w.write(LEVEL_0, `Replicas:\t${spec?.replicas ?? 1} desired | ${ss.status?.replicas ?? 0} total\n`);
  w.write(LEVEL_0, `Update Strategy:\t${spec?.updateStrategy?.type ?? "RollingUpdate"}\n`);
  const ru = spec?.updateStrategy?.rollingUpdate;
  if (ru && ru.partition !== undefined && ru.partition !== null) {
    w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) w.write(LEVEL_1, `MaxUnavailable:\t${String(ru.maxUnavailable)}\n`);
  }
  w.write(LEVEL_0, `Pods Status:\t${podStatusCounts(reader, o, spec?.selector)}\n`);
  describePodTemplate(spec?.template, w);
  const templates = spec?.volumeClaimTemplates ?? [];
  if (templates.length === 0) w.write(LEVEL_0, "Volume Claims:\t<none>\n");
  else {
    w.write(LEVEL_0, "Volume Claims:\n");
    for (const pvc of templates) {
      w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ""}\n`);
      w.write(LEVEL_1, `StorageClass:\t${pvc.spec?.storageClassName ?? pvc.metadata?.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? ""}\n`);
      printLabelsMultilineWithIndent(w, "  ", "Labels", "\t", pvc.metadata?.labels);
      printLabelsMultilineWithIndent(w, "  ", "Annotations", "\t", pvc.metadata?.annotations);
      const capacity = pvc.spec?.resources?.requests?.storage;
      w.write(LEVEL_1, `Capacity:\t${capacity !== undefined ? String(capacity) : "<default>"}\n`);
      w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(" ")}]\n`);
    }
  }
  events(reader, o, "StatefulSet", w, opts);
  return w.toString();
}

export function describeDaemonSet(ds: DaemonSet, reader: ObjectReader, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  const o = asObject(ds);
  const st = ds.status;
  w.write(LEVEL_0, `Name:\t${ds.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${ds.metadata?.namespace ?? ""}\n`);
  w.write(LEVEL_0, `Selector:\t${labelSelectorString(ds.spec?.selector)}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
  printLabelsMultiline(w, "Labels", ds.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", ds.metadata?.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
  w.write(LEVEL_0, `Pods Status:\t${podStatusCounts(reader, o, ds.spec?.selector)}\n`);
  describePodTemplate(ds.spec?.template, w);
  events(reader, o, "DaemonSet", w, opts);
  return w.toString();
}

export function describeJob(job: Job, reader: ObjectReader, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  const spec = job.spec;
  const st = job.status ?? {};
  w.write(LEVEL_0, `Name:\t${job.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${job.metadata?.namespace ?? ""}\n`);
  w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec?.selector)}\n`);
  printLabelsMultiline(w, "Labels", job.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", job.metadata?.annotations);
  const controlledBy = printController(job.metadata);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (spec?.parallelism !== undefined && spec?.parallelism !== null) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
  if (spec?.completions !== undefined && spec?.completions !== null) w.write(LEVEL_0, `Completions:\t${spec.completions}\n`);
  else w.write(LEVEL_0, "Completions:\t<unset>\n");
  if (spec?.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec?.suspend !== undefined && spec?.suspend !== null) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
  if (spec?.backoffLimit !== undefined && spec?.backoffLimit !== null) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec?.ttlSecondsAfterFinished !== undefined && spec?.ttlSecondsAfterFinished !== null) {
    w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  }
  if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
  if (st.startTime && st.completionTime) {
    w.write(LEVEL_0, `Duration:\t${humanDuration((parseTimestamp(st.completionTime) ?? 0) - (parseTimestamp(st.startTime) ?? 0))}\n`);
  }
  if (spec?.activeDeadlineSeconds !== undefined && spec?.activeDeadlineSeconds !== null) {
    w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  }
  if (st.ready === undefined || st.ready === null) {
    w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
  } else {
    w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
  }
  if (spec?.completionMode === "Indexed") w.write(LEVEL_0, `Completed Indexes:\t${st.completedIndexes || "<none>"}\n`);
  describePodTemplate(spec?.template, w);
  events(reader, asObject(job), "Job", w, opts);
  return w.toString();
}

function describeJobTemplate(template: JobTemplateSpec | undefined, w: PrefixWriter): void {
  const spec = template?.spec;
  if (spec?.selector) w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec.selector)}\n`);
  else w.write(LEVEL_0, "Selector:\t<unset>\n");
  w.write(LEVEL_0, `Parallelism:\t${spec?.parallelism ?? "<unset>"}\n`);
  w.write(LEVEL_0, `Completions:\t${spec?.completions ?? "<unset>"}\n`);
  if (spec?.activeDeadlineSeconds !== undefined && spec?.activeDeadlineSeconds !== null) {
    w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  }
  describePodTemplate(spec?.template, w);
}

export function describeCronJob(cj: CronJob, reader: ObjectReader, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  const spec = cj.spec;
  w.write(LEVEL_0, `Name:\t${cj.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${cj.metadata?.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", cj.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", cj.metadata?.annotations);
  w.write(LEVEL_0, `Schedule:\t${spec?.schedule ?? ""}\n`);
  w.write(LEVEL_0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ""}\n`);
  const suspend = spec?.suspend === undefined || spec?.suspend === null ? "<unset>" : spec.suspend ? "True" : "False";
  w.write(LEVEL_0, `Suspend:\t${suspend}\n`);
  w.write(LEVEL_0, `Successful Job History Limit:\t${spec?.successfulJobsHistoryLimit ?? "<unset>"}\n`);
  w.write(LEVEL_0, `Failed Job History Limit:\t${spec?.failedJobsHistoryLimit ?? "<unset>"}\n`);
  const deadline = spec?.startingDeadlineSeconds;
  w.write(LEVEL_0, `Starting Deadline Seconds:\t${deadline !== undefined && deadline !== null ? `${deadline}s` : "<unset>"}\n`);
  describeJobTemplate(spec?.jobTemplate, w);
  w.write(LEVEL_0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime) : "<unset>"}\n`);
  const active = cj.status?.active ?? [];
  w.write(LEVEL_0, "Active Jobs:\t");
  if (active.length === 0) w.writeLine("<none>");
  else w.writeLine(active.map((j) => j.name ?? "").join(", "));
  events(reader, asObject(cj), "CronJob", w, opts);
  return w.toString();
}

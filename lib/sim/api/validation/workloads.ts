// Mirrors pkg/apis/apps/validation/validation.go (Deployment, ReplicaSet, StatefulSet, DaemonSet) and
// pkg/apis/batch/validation/validation.go (Job, CronJob), messages verbatim.
import type { FieldError } from "../types";
import { parseCronSchedule } from "./cron";
import {
  forbidden,
  goIntOrString,
  goLabelSelector,
  goStringMap,
  goValue,
  invalid,
  notSupported,
  required,
} from "./field-errors";
import { nameIsDNSSubdomain, validateEnum, validateLabelSelector, validateNonnegative, validateObjectMeta } from "./meta";
import { maxLenError, percentError } from "./names";
import { validatePodTemplateSpec } from "./pod";
import { asList, asObj, asString, asStringMap, deepEqual, isSet, selectorIsEmpty, selectorMatches, type Obj } from "./util";

/** Selector present, non-empty, valid and matching the template labels. */
function validateSelectorAndTemplate(spec: Obj, path: string, emptyMessage: string | null): FieldError[] {
  const errs: FieldError[] = [];
  const selector = asObj(spec.selector);
  if (!selector) errs.push(required(`${path}.selector`, ""));
  else {
    errs.push(...validateLabelSelector(selector, `${path}.selector`));
    if (emptyMessage && selectorIsEmpty(selector)) {
      errs.push(invalid(`${path}.selector`, goValue(goLabelSelector(selector)), emptyMessage));
    }
  }
  const template = asObj(spec.template);
  if (!template) {
    errs.push(required(`${path}.template`, ""));
    return errs;
  }
  const labels = asStringMap(asObj(template.metadata)?.labels);
  if (selector && !selectorIsEmpty(selector) && !selectorMatches(selector, labels)) {
    errs.push(
      invalid(
        `${path}.template.metadata.labels`,
        goValue(goStringMap(asObj(asObj(template.metadata)?.labels))),
        "`selector` does not match template `labels`",
      ),
    );
  }
  return errs;
}

/** ValidatePodTemplateSpecForReplicaSet-style checks shared by the apps workloads. */
function validateAlwaysRestartTemplate(spec: Obj, path: string, kind: string): FieldError[] {
  const template = asObj(spec.template);
  if (!template) return [];
  const errs = validatePodTemplateSpec(template, `${path}.template`);
  const podSpec = asObj(template.spec) ?? {};
  if (asString(podSpec.restartPolicy) !== "Always") {
    errs.push(notSupported(`${path}.template.spec.restartPolicy`, asString(podSpec.restartPolicy), ["Always"]));
  }
  if (isSet(podSpec.activeDeadlineSeconds)) {
    errs.push(forbidden(`${path}.template.spec.activeDeadlineSeconds`, `activeDeadlineSeconds in ${kind} is not Supported`));
  }
  return errs;
}

function intOrPercentValue(value: unknown): { value: number; isPercent: boolean } | undefined {
  if (typeof value === "number") return { value, isPercent: false };
  if (typeof value === "string") {
    const m = /^([0-9]+)%$/.exec(value);
    if (m) return { value: Number.parseInt(m[1], 10), isPercent: true };
  }
  return undefined;
}

/** ValidatePositiveIntOrPercent + IsNotMoreThan100Percent. */
function validateIntOrPercent(value: unknown, path: string): FieldError[] {
  if (!isSet(value)) return [];
  const errs: FieldError[] = [];
  if (typeof value === "string") {
    const parsed = intOrPercentValue(value);
    if (!parsed) errs.push(invalid(path, value, percentError()));
    else if (parsed.value > 100) errs.push(invalid(path, value, "must not be greater than 100%"));
  } else if (typeof value === "number" && value < 0) {
    errs.push(invalid(path, value, "must be greater than or equal to 0"));
  }
  return errs;
}

function validateDeploymentStrategy(strategy: Obj | undefined, path: string): FieldError[] {
  const s = strategy ?? {};
  const errs: FieldError[] = [];
  const type = asString(s.type);
  if (type === "Recreate") {
    if (isSet(s.rollingUpdate)) errs.push(forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'"));
  } else if (type === "RollingUpdate") {
    const rolling = asObj(s.rollingUpdate);
    if (!rolling) errs.push(required(`${path}.rollingUpdate`, "this should be defaulted and never be nil"));
    else {
      const rPath = `${path}.rollingUpdate`;
      errs.push(...validateIntOrPercent(rolling.maxUnavailable, `${rPath}.maxUnavailable`));
      errs.push(...validateIntOrPercent(rolling.maxSurge, `${rPath}.maxSurge`));
      const unavailable = intOrPercentValue(rolling.maxUnavailable);
      const surge = intOrPercentValue(rolling.maxSurge);
      if (unavailable && surge && unavailable.value === 0 && surge.value === 0) {
        errs.push(invalid(`${rPath}.maxUnavailable`, goValue(goIntOrString(rolling.maxUnavailable)), "may not be 0 when `maxSurge` is 0"));
      }
    }
  } else if (!type) {
    errs.push(required(`${path}.type`, ""));
  } else {
    errs.push(notSupported(`${path}.type`, type, ["Recreate", "RollingUpdate"]));
  }
  return errs;
}

export function validateDeployment(d: Obj): FieldError[] {
  const spec = asObj(d.spec) ?? {};
  const errs = validateObjectMeta(asObj(d.metadata), true, nameIsDNSSubdomain);
  errs.push(...validateNonnegative(spec.replicas, "spec.replicas"));
  errs.push(...validateSelectorAndTemplate(spec, "spec", "empty selector is invalid for deployment"));
  errs.push(...validateAlwaysRestartTemplate(spec, "spec", "ReplicaSet"));
  errs.push(...validateDeploymentStrategy(asObj(spec.strategy), "spec.strategy"));
  errs.push(...validateNonnegative(spec.minReadySeconds, "spec.minReadySeconds"));
  errs.push(...validateNonnegative(spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  if (typeof spec.progressDeadlineSeconds === "number") {
    errs.push(...validateNonnegative(spec.progressDeadlineSeconds, "spec.progressDeadlineSeconds"));
    const minReady = typeof spec.minReadySeconds === "number" ? spec.minReadySeconds : 0;
    if (spec.progressDeadlineSeconds <= minReady) {
      errs.push(invalid("spec.progressDeadlineSeconds", spec.progressDeadlineSeconds, "must be greater than minReadySeconds"));
    }
  }
  return errs;
}

export function validateReplicaSet(rs: Obj): FieldError[] {
  const spec = asObj(rs.spec) ?? {};
  const errs = validateObjectMeta(asObj(rs.metadata), true, nameIsDNSSubdomain);
  errs.push(...validateNonnegative(spec.replicas, "spec.replicas"));
  errs.push(...validateNonnegative(spec.minReadySeconds, "spec.minReadySeconds"));
  errs.push(...validateSelectorAndTemplate(spec, "spec", "empty selector is invalid for deployment"));
  errs.push(...validateAlwaysRestartTemplate(spec, "spec", "ReplicaSet"));
  return errs;
}

export function validateStatefulSet(sts: Obj): FieldError[] {
  const spec = asObj(sts.spec) ?? {};
  const errs = validateObjectMeta(asObj(sts.metadata), true, nameIsDNSSubdomain);
  errs.push(...validateEnum(spec.podManagementPolicy, "spec.podManagementPolicy", ["OrderedReady", "Parallel"]));
  const strategy = asObj(spec.updateStrategy) ?? {};
  const type = asString(strategy.type);
  errs.push(...validateEnum(type, "spec.updateStrategy.type", ["OnDelete", "RollingUpdate"]));
  if (type === "OnDelete" && isSet(strategy.rollingUpdate)) {
    errs.push(invalid("spec.updateStrategy.rollingUpdate", goValue("&apps.RollingUpdateStatefulSetStrategy{...}"), "only allowed for updateStrategy 'RollingUpdate'"));
  }
  const rolling = asObj(strategy.rollingUpdate);
  if (rolling) errs.push(...validateNonnegative(rolling.partition, "spec.updateStrategy.rollingUpdate.partition"));
  errs.push(...validateNonnegative(spec.replicas, "spec.replicas"));
  errs.push(...validateNonnegative(spec.minReadySeconds, "spec.minReadySeconds"));
  errs.push(...validateSelectorAndTemplate(spec, "spec", "empty selector is invalid for statefulset"));
  errs.push(...validateAlwaysRestartTemplate(spec, "spec", "StatefulSet"));
  asList(spec.volumeClaimTemplates).forEach((claim, i) => {
    const claimSpec = asObj(claim.spec) ?? {};
    const path = `spec.volumeClaimTemplates[${i}]`;
    if (!Array.isArray(claimSpec.accessModes) || claimSpec.accessModes.length === 0) {
      errs.push(required(`${path}.spec.accessModes`, "at least 1 access mode is required"));
    }
    const requests = asObj(asObj(claimSpec.resources)?.requests) ?? {};
    if (!isSet(requests.storage)) errs.push(required(`${path}.spec.resources[storage]`, ""));
  });
  return errs;
}

export function validateDaemonSet(ds: Obj): FieldError[] {
  const spec = asObj(ds.spec) ?? {};
  const errs = validateObjectMeta(asObj(ds.metadata), true, nameIsDNSSubdomain);
  errs.push(...validateSelectorAndTemplate(spec, "spec", "empty selector is invalid for daemonset"));
  errs.push(...validateAlwaysRestartTemplate(spec, "spec", "DaemonSet"));
  const strategy = asObj(spec.updateStrategy) ?? {};
  const type = asString(strategy.type);
  errs.push(...validateEnum(type, "spec.updateStrategy.type", ["OnDelete", "RollingUpdate"]));
  const rolling = asObj(strategy.rollingUpdate);
  if (type === "RollingUpdate" && rolling) {
    errs.push(...validateIntOrPercent(rolling.maxUnavailable, "spec.updateStrategy.rollingUpdate.maxUnavailable"));
    errs.push(...validateIntOrPercent(rolling.maxSurge, "spec.updateStrategy.rollingUpdate.maxSurge"));
    const unavailable = intOrPercentValue(rolling.maxUnavailable);
    const surge = intOrPercentValue(rolling.maxSurge);
    if (unavailable && surge && unavailable.value === 0 && surge.value === 0) {
      errs.push(invalid("spec.updateStrategy.rollingUpdate.maxUnavailable", goValue(goIntOrString(rolling.maxUnavailable)), "may not be 0 when `maxSurge` is 0"));
    }
  }
  errs.push(...validateNonnegative(spec.minReadySeconds, "spec.minReadySeconds"));
  errs.push(...validateNonnegative(spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  return errs;
}

// --- batch ----------------------------------------------------------------------------------------

function validateJobSpec(spec: Obj, path: string, requireSelector: boolean): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of ["parallelism", "completions", "activeDeadlineSeconds", "backoffLimit", "ttlSecondsAfterFinished"]) {
    errs.push(...validateNonnegative(spec[key], `${path}.${key}`));
  }
  if (isSet(spec.completionMode)) errs.push(...validateEnum(spec.completionMode, `${path}.completionMode`, ["Indexed", "NonIndexed"]));
  if (spec.completionMode === "Indexed" && !isSet(spec.completions)) {
    errs.push(required(`${path}.completions`, "when completion mode is Indexed"));
  }
  if (isSet(spec.podReplacementPolicy)) {
    errs.push(...validateEnum(spec.podReplacementPolicy, `${path}.podReplacementPolicy`, ["Failed", "TerminatingOrFailed"]));
  }
  const selector = asObj(spec.selector);
  if (requireSelector && !selector) errs.push(required(`${path}.selector`, ""));
  if (selector) errs.push(...validateLabelSelector(selector, `${path}.selector`));
  const template = asObj(spec.template);
  if (!template) {
    errs.push(required(`${path}.template`, ""));
    return errs;
  }
  const labels = asStringMap(asObj(template.metadata)?.labels);
  if (selector && !selectorMatches(selector, labels)) {
    errs.push(
      invalid(
        `${path}.template.metadata.labels`,
        goValue(goStringMap(asObj(asObj(template.metadata)?.labels))),
        "`selector` does not match template `labels`",
      ),
    );
  }
  errs.push(...validatePodTemplateSpec(template, `${path}.template`));
  const restartPolicy = asString(asObj(template.spec)?.restartPolicy);
  if (restartPolicy !== "OnFailure" && restartPolicy !== "Never") {
    errs.push(notSupported(`${path}.template.spec.restartPolicy`, restartPolicy, ["OnFailure", "Never"]));
  }
  return errs;
}

export function validateJob(job: Obj): FieldError[] {
  const spec = asObj(job.spec) ?? {};
  const errs = validateObjectMeta(asObj(job.metadata), true, nameIsDNSSubdomain);
  // The generated job-name label must be a valid label value.
  const name = asString(asObj(job.metadata)?.name);
  if (name.length > 63 && spec.manualSelector !== true) errs.push(invalid("metadata.name", name, maxLenError(63)));
  errs.push(...validateJobSpec(spec, "spec", true));
  return errs;
}

/** validateScheduleFormat. */
function validateSchedule(schedule: string, timeZone: unknown, path: string): FieldError[] {
  if (!schedule) return [required(path, "")];
  const errs: FieldError[] = [];
  const parsed = parseCronSchedule(schedule);
  if (!parsed.ok) errs.push(invalid(path, schedule, parsed.error));
  if (schedule.includes("TZ")) {
    errs.push(
      invalid(
        path,
        schedule,
        isSet(timeZone)
          ? "cannot use both timeZone field and TZ or CRON_TZ in schedule"
          : "cannot use TZ or CRON_TZ in schedule, use timeZone field instead",
      ),
    );
  }
  return errs;
}

export function validateCronJob(cj: Obj): FieldError[] {
  const spec = asObj(cj.spec) ?? {};
  const errs = validateObjectMeta(asObj(cj.metadata), true, nameIsDNSSubdomain);
  const name = asString(asObj(cj.metadata)?.name);
  // A CronJob's Job names add an 11-character suffix, so the name is limited to 52 characters.
  if (name.length > 52) errs.push(invalid("metadata.name", name, maxLenError(52)));
  errs.push(...validateSchedule(asString(spec.schedule), spec.timeZone, "spec.schedule"));
  if (isSet(spec.timeZone) && typeof spec.timeZone === "string" && spec.timeZone !== "" && !/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)*$|^UTC$/.test(spec.timeZone)) {
    errs.push(invalid("spec.timeZone", spec.timeZone, "unknown time zone " + spec.timeZone));
  }
  errs.push(...validateEnum(spec.concurrencyPolicy, "spec.concurrencyPolicy", ["Allow", "Forbid", "Replace"]));
  errs.push(...validateNonnegative(spec.startingDeadlineSeconds, "spec.startingDeadlineSeconds"));
  errs.push(...validateNonnegative(spec.successfulJobsHistoryLimit, "spec.successfulJobsHistoryLimit"));
  errs.push(...validateNonnegative(spec.failedJobsHistoryLimit, "spec.failedJobsHistoryLimit"));
  const jobTemplate = asObj(spec.jobTemplate);
  if (!jobTemplate) errs.push(required("spec.jobTemplate", ""));
  else errs.push(...validateJobSpec(asObj(jobTemplate.spec) ?? {}, "spec.jobTemplate.spec", false));
  return errs;
}

// --- updates --------------------------------------------------------------------------------------

export function validateSelectorImmutable(newSpec: Obj, oldSpec: Obj, path = "spec.selector"): FieldError[] {
  if (deepEqual(newSpec.selector, oldSpec.selector)) return [];
  return [invalid(path, goValue(goLabelSelector(asObj(newSpec.selector))), "field is immutable")];
}

export function validateStatefulSetSpecUpdate(newSpec: Obj, oldSpec: Obj): FieldError[] {
  const mutable = ["replicas", "ordinals", "template", "updateStrategy", "persistentVolumeClaimRetentionPolicy", "minReadySeconds"];
  const strip = (s: Obj) => Object.fromEntries(Object.entries(s).filter(([k]) => !mutable.includes(k)));
  if (deepEqual(strip(newSpec), strip(oldSpec))) return [];
  return [
    forbidden(
      "spec",
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ),
  ];
}

export function validateJobSpecUpdate(newSpec: Obj, oldSpec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if (!deepEqual(newSpec.selector, oldSpec.selector)) {
    errs.push(invalid("spec.selector", goValue(goLabelSelector(asObj(newSpec.selector))), "field is immutable"));
  }
  if (!deepEqual(newSpec.template, oldSpec.template)) {
    errs.push(invalid("spec.template", goValue("core.PodTemplateSpec{...}"), "field is immutable"));
  }
  if (!deepEqual(newSpec.completions, oldSpec.completions) && newSpec.completionMode !== "Indexed") {
    errs.push(invalid("spec.completions", newSpec.completions ?? null, "field is immutable"));
  }
  if (!deepEqual(newSpec.completionMode, oldSpec.completionMode)) {
    errs.push(invalid("spec.completionMode", newSpec.completionMode ?? null, "field is immutable"));
  }
  return errs;
}

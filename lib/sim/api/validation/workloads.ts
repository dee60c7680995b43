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
  // LabelSelectorAsSelector(nil) selects nothing, so a missing selector also "does not match"; an
  // empty selector selects everything and is reported on its own.
  if (!selector || (!selectorIsEmpty(selector) && !selectorMatches(selector, labels))) {
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
function validateAlwaysRestartTemplate(spec: Obj, path: string, kind: "ReplicaSet" | "StatefulSet" | "DaemonSet"): FieldError[] {
  let template = asObj(spec.template);
  if (!template) return [];
  if (kind === "StatefulSet") {
    // The StatefulSet controller adds a volume per volumeClaimTemplate to each pod, so mounts may
    // name a claim template (the docs' `www` example); upstream skips the volume check here for that.
    const claims = asList(spec.volumeClaimTemplates)
      .map((c) => asString(asObj(c.metadata)?.name))
      .filter((n): n is string => Boolean(n));
    const podSpec0 = asObj(template.spec) ?? {};
    const declared = new Set(asList(podSpec0.volumes).map((v) => asString(v.name)));
    const extra = claims.filter((n) => !declared.has(n)).map((name) => ({ name, persistentVolumeClaim: { claimName: name } }));
    if (extra.length) template = { ...template, spec: { ...podSpec0, volumes: [...asList(podSpec0.volumes), ...extra] } };
  }
  const errs = validatePodTemplateSpec(template, `${path}.template`);
  const podSpec = asObj(template.spec) ?? {};
  if (asString(podSpec.restartPolicy) !== "Always") {
    errs.push(notSupported(`${path}.template.spec.restartPolicy`, asString(podSpec.restartPolicy), ["Always"]));
  }
  if (isSet(podSpec.activeDeadlineSeconds)) {
    const deadlinePath = `${path}.template.spec.activeDeadlineSeconds`;
    // Each workload words (and types) this one differently upstream.
    if (kind === "StatefulSet") errs.push(forbidden(deadlinePath, "activeDeadlineSeconds in StatefulSet is not Supported"));
    else if (kind === "DaemonSet") errs.push(invalid(deadlinePath, podSpec.activeDeadlineSeconds, "activeDeadlineSeconds must be nil for daemon set"));
    else errs.push(invalid(deadlinePath, podSpec.activeDeadlineSeconds, "activeDeadlineSeconds in ReplicaSet is not Supported"));
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
/** ValidatePositiveIntOrPercent: the bad value prints as the intstr.IntOrString struct (%#v). */
function validateIntOrPercent(value: unknown, path: string): FieldError[] {
  if (!isSet(value)) return [];
  if (typeof value === "string") {
    return /^[0-9]+%$/.test(value) ? [] : [invalid(path, goValue(goIntOrString(value)), percentError())];
  }
  if (typeof value === "number" && value < 0) return [invalid(path, value, "must be greater than or equal to 0")];
  return [];
}

/** IsNotMoreThan100Percent. */
function validateNotMoreThan100Percent(value: unknown, path: string): FieldError[] {
  const parsed = intOrPercentValue(value);
  if (!parsed?.isPercent || parsed.value <= 100) return [];
  return [invalid(path, goValue(goIntOrString(value)), "must not be greater than 100%")];
}

/** getIntOrPercentValue: a percent's number, else IntValue() (a non-numeric string counts as 0). */
function intOrPercentNumber(value: unknown): number {
  const parsed = intOrPercentValue(value);
  if (parsed) return parsed.value;
  if (typeof value === "string" && /^[+-]?[0-9]+$/.test(value)) return Number.parseInt(value, 10);
  return 0;
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
      // ValidateRollingUpdateDeployment.
      const rPath = `${path}.rollingUpdate`;
      errs.push(...validateIntOrPercent(rolling.maxUnavailable, `${rPath}.maxUnavailable`));
      errs.push(...validateIntOrPercent(rolling.maxSurge, `${rPath}.maxSurge`));
      if (intOrPercentNumber(rolling.maxUnavailable) === 0 && intOrPercentNumber(rolling.maxSurge) === 0) {
        errs.push(invalid(`${rPath}.maxUnavailable`, goValue(goIntOrString(rolling.maxUnavailable)), "may not be 0 when `maxSurge` is 0"));
      }
      errs.push(...validateNotMoreThan100Percent(rolling.maxUnavailable, `${rPath}.maxUnavailable`));
    }
  } else {
    // The whole strategy is the bad value (%#v of apps.DeploymentStrategy).
    const rollingText = isSet(s.rollingUpdate) ? "(*apps.RollingUpdateDeployment)(0xc000a1b2c0)" : "(*apps.RollingUpdateDeployment)(nil)";
    errs.push(notSupported(path, goValue(`apps.DeploymentStrategy{Type:${JSON.stringify(type)}, RollingUpdate:${rollingText}}`), ["Recreate", "RollingUpdate"]));
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
  const policy = asString(spec.podManagementPolicy);
  if (!policy) errs.push(required("spec.podManagementPolicy", ""));
  else if (policy !== "OrderedReady" && policy !== "Parallel") {
    errs.push(invalid("spec.podManagementPolicy", policy, "must be 'OrderedReady' or 'Parallel'"));
  }
  const strategy = asObj(spec.updateStrategy) ?? {};
  const type = asString(strategy.type);
  const rolling = asObj(strategy.rollingUpdate);
  if (!type) errs.push(required("spec.updateStrategy", ""));
  else if (type === "OnDelete") {
    if (rolling) {
      const partition = typeof rolling.partition === "number" ? rolling.partition : 0;
      errs.push(
        invalid(
          "spec.updateStrategy.rollingUpdate",
          goValue(`&apps.RollingUpdateStatefulSetStrategy{Partition:${partition}, MaxUnavailable:(*intstr.IntOrString)(nil)}`),
          "only allowed for updateStrategy 'RollingUpdate'",
        ),
      );
    }
  } else if (type === "RollingUpdate") {
    if (rolling) errs.push(...validateNonnegative(rolling.partition, "spec.updateStrategy.rollingUpdate.partition"));
  } else {
    const rollingText = rolling ? "(*apps.RollingUpdateStatefulSetStrategy)(0xc000a1b2c0)" : "(*apps.RollingUpdateStatefulSetStrategy)(nil)";
    errs.push(
      invalid(
        "spec.updateStrategy",
        goValue(`apps.StatefulSetUpdateStrategy{Type:${JSON.stringify(type)}, RollingUpdate:${rollingText}}`),
        "must be 'RollingUpdate' or 'OnDelete'",
      ),
    );
  }
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
  // ValidateDaemonSetSpec: no Required error for a missing selector, only the mismatch.
  const selector = asObj(spec.selector);
  if (selector) errs.push(...validateLabelSelector(selector, "spec.selector"));
  const template = asObj(spec.template) ?? {};
  const templateLabels = asObj(asObj(template.metadata)?.labels);
  if (!selector || (!selectorIsEmpty(selector) && !selectorMatches(selector, asStringMap(templateLabels)))) {
    errs.push(invalid("spec.template.metadata.labels", goValue(goStringMap(templateLabels)), "`selector` does not match template `labels`"));
  }
  if (selector && selectorIsEmpty(selector)) {
    errs.push(invalid("spec.selector", goValue(goLabelSelector(selector)), "empty selector is invalid for daemonset"));
  }
  errs.push(...validateAlwaysRestartTemplate(spec, "spec", "DaemonSet"));
  errs.push(...validateNonnegative(spec.minReadySeconds, "spec.minReadySeconds"));
  // ValidateDaemonSetUpdateStrategy.
  const strategy = asObj(spec.updateStrategy) ?? {};
  const type = asString(strategy.type);
  const rolling = asObj(strategy.rollingUpdate);
  if (type === "RollingUpdate") {
    if (!rolling) errs.push(required("spec.updateStrategy.rollingUpdate", ""));
    else {
      const rPath = "spec.updateStrategy.rollingUpdate";
      errs.push(...validateIntOrPercent(rolling.maxUnavailable, `${rPath}.maxUnavailable`));
      errs.push(...validateIntOrPercent(rolling.maxSurge, `${rPath}.maxSurge`));
      errs.push(...validateNotMoreThan100Percent(rolling.maxUnavailable, `${rPath}.maxUnavailable`));
      errs.push(...validateNotMoreThan100Percent(rolling.maxSurge, `${rPath}.maxSurge`));
      const hasUnavailable = intOrPercentNumber(rolling.maxUnavailable) !== 0;
      const hasSurge = intOrPercentNumber(rolling.maxSurge) !== 0;
      if (hasUnavailable && hasSurge) {
        errs.push(invalid(`${rPath}.maxSurge`, goValue(goIntOrString(rolling.maxSurge)), "may not be set when maxUnavailable is non-zero"));
      } else if (!hasUnavailable && !hasSurge) {
        errs.push(required(`${rPath}.maxUnavailable`, "cannot be 0 when maxSurge is 0"));
      }
    }
  } else if (type !== "OnDelete") {
    const rollingText = rolling ? "(*apps.RollingUpdateDaemonSet)(0xc000a1b2c0)" : "(*apps.RollingUpdateDaemonSet)(nil)";
    errs.push(
      notSupported("spec.updateStrategy", goValue(`apps.DaemonSetUpdateStrategy{Type:${JSON.stringify(type)}, RollingUpdate:${rollingText}}`), [
        "RollingUpdate",
        "OnDelete",
      ]),
    );
  }
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

// Entry points of the API validation: per-kind create and update rules (the registry strategies'
// Validate / ValidateUpdate), returning field errors in upstream's order.
import { resolveKind } from "../resources";
import type { FieldError, KubeObject } from "../types";
import {
  validateConfigMap,
  validateEndpoints,
  validateGenericClusterScoped,
  validateGenericNamespaced,
  validateNamespace,
  validateNode,
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
  validateSecret,
  validateService,
  validateServiceAccount,
  validateServiceUpdate,
} from "./core-objects";
import { invalid } from "./field-errors";
import { validateObjectMetaUpdate } from "./meta";
import { validatePod, validatePodSpecUpdate } from "./pod";
import { asObj, deepEqual, type Obj } from "./util";
import {
  validateCronJob,
  validateDaemonSet,
  validateDeployment,
  validateJob,
  validateJobSpecUpdate,
  validateReplicaSet,
  validateSelectorImmutable,
  validateStatefulSet,
  validateStatefulSetSpecUpdate,
} from "./workloads";

export { toInvalidStatus, formatFieldError } from "./field-errors";
export { parseCronSchedule } from "./cron";
export type { CronSchedule, ParseCronResult } from "./cron";

const CREATE_VALIDATORS: Record<string, (object: Obj) => FieldError[]> = {
  Pod: validatePod,
  Service: validateService,
  ConfigMap: validateConfigMap,
  Secret: validateSecret,
  PersistentVolumeClaim: validatePersistentVolumeClaim,
  PersistentVolume: validatePersistentVolume,
  Namespace: validateNamespace,
  ServiceAccount: validateServiceAccount,
  Node: validateNode,
  Endpoints: validateEndpoints,
  Deployment: validateDeployment,
  ReplicaSet: validateReplicaSet,
  StatefulSet: validateStatefulSet,
  DaemonSet: validateDaemonSet,
  Job: validateJob,
  CronJob: validateCronJob,
};

/** Validate (create). Kinds without specific rules get object-metadata validation. */
export function validateCreate(object: KubeObject): FieldError[] {
  const validator = CREATE_VALIDATORS[object.kind];
  if (validator) return validator(object as Obj);
  const resolved = resolveKind(object.apiVersion, object.kind);
  const namespaced = resolved.ok ? resolved.info.namespaced : true;
  return namespaced ? validateGenericNamespaced(object as Obj) : validateGenericClusterScoped(object as Obj);
}

/** ValidateUpdate: the create rules on the new object plus each kind's immutability rules. */
export function validateUpdate(newObject: KubeObject, oldObject: KubeObject): FieldError[] {
  const n = newObject as Obj;
  const o = oldObject as Obj;
  const errs: FieldError[] = [...validateObjectMetaUpdate(asObj(n.metadata), asObj(o.metadata))];
  const newSpec = asObj(n.spec) ?? {};
  const oldSpec = asObj(o.spec) ?? {};
  switch (newObject.kind) {
    case "Pod":
      errs.push(...validatePodSpecUpdate(newSpec, oldSpec));
      return errs;
    case "Deployment":
    case "ReplicaSet":
    case "DaemonSet":
      errs.push(...validateCreate(newObject).filter((e) => !e.field.startsWith("metadata.")));
      // The registry strategies add selector immutability after the spec checks (apps/v1 only).
      errs.push(...validateSelectorImmutable(newSpec, oldSpec));
      return errs;
    case "StatefulSet":
      errs.push(...validateCreate(newObject).filter((e) => !e.field.startsWith("metadata.")));
      errs.push(...validateStatefulSetSpecUpdate(newSpec, oldSpec));
      return errs;
    case "Job":
      errs.push(...validateCreate(newObject).filter((e) => !e.field.startsWith("metadata.")));
      errs.push(...validateJobSpecUpdate(newSpec, oldSpec));
      return errs;
    case "Service":
      errs.push(...validateCreate(newObject).filter((e) => !e.field.startsWith("metadata.")));
      errs.push(...validateServiceUpdate(n, o));
      return errs;
    case "PersistentVolumeClaim":
      errs.push(...validatePersistentVolumeClaimUpdate(n, o));
      return errs;
    case "PersistentVolume": {
      errs.push(...validateCreate(newObject).filter((e) => !e.field.startsWith("metadata.")));
      const newSource = { ...newSpec, capacity: undefined, persistentVolumeReclaimPolicy: undefined, claimRef: undefined, accessModes: undefined, mountOptions: undefined, storageClassName: undefined, nodeAffinity: undefined };
      const oldSource = { ...oldSpec, capacity: undefined, persistentVolumeReclaimPolicy: undefined, claimRef: undefined, accessModes: undefined, mountOptions: undefined, storageClassName: undefined, nodeAffinity: undefined };
      if (!deepEqual(newSource, oldSource)) errs.push({ type: "Forbidden", field: "spec.persistentvolumesource", detail: "spec.persistentvolumesource is immutable after creation" });
      return errs;
    }
    case "Secret":
    case "ConfigMap":
      if (o.immutable === true) {
        if (!deepEqual(n.data, o.data) || !deepEqual(n.binaryData, o.binaryData) || (n.kind === "Secret" && !deepEqual(n.stringData, undefined) && !deepEqual(n.stringData, o.stringData))) {
          errs.push({ type: "Forbidden", field: "data", detail: "field is immutable when `immutable` is set" });
        }
        if (n.immutable !== true) errs.push({ type: "Forbidden", field: "immutable", detail: "field is immutable when `immutable` is set" });
      }
      if (n.kind === "Secret" && o.type !== undefined && n.type !== o.type) errs.push(invalid("type", n.type ?? "", "field is immutable"));
      errs.push(...validateCreate(newObject).filter((e) => !e.field.startsWith("metadata.")));
      return errs;
    default:
      errs.push(...validateCreate(newObject).filter((e) => !e.field.startsWith("metadata.")));
      return errs;
  }
}

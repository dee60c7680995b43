// kubectl describe: one describer per kind as in staging/src/k8s.io/kubectl/pkg/describe/describe.go
// (DescriberFor), the generic unstructured describer for the rest.
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from "kubernetes-types/apps/v1";
import type { CronJob, Job } from "kubernetes-types/batch/v1";
import type {
  ConfigMap,
  Endpoints,
  Namespace,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  Secret,
  Service,
  ServiceAccount,
} from "kubernetes-types/core/v1";
import type { Ingress, NetworkPolicy } from "kubernetes-types/networking/v1";
import type { Role, RoleBinding } from "kubernetes-types/rbac/v1";
import type { LimitRange, ResourceQuota } from "kubernetes-types/core/v1";
import type { KubeObject, ObjectReader } from "../format/kube-object";
import { findResourcePrinter } from "../printers/resources";
import {
  describeConfigMap,
  describeEndpoints,
  describeNamespace,
  describeNode,
  describePersistentVolume,
  describePersistentVolumeClaim,
  describeSecret,
  describeService,
  describeServiceAccount,
} from "./core";
import { describeGeneric } from "./generic";
import { describeIngress, describeNetworkPolicy } from "./network";
import { describeLimitRange, describeResourceQuota, describeRole, describeRoleBinding } from "./policy";
import { describePod, type DescribeOptions } from "./pod";
import { describeCronJob, describeDaemonSet, describeDeployment, describeJob, describeReplicaSet, describeStatefulSet } from "./workloads";

export type { DescribeOptions } from "./pod";

const CLUSTER_RBAC: Record<string, string> = {
  clusterrole: "clusterroles",
  clusterroles: "clusterroles",
  clusterrolebinding: "clusterrolebindings",
  clusterrolebindings: "clusterrolebindings",
};
export { describeProbe, podQosClass } from "./common";

/**
 * `kubectl describe RESOURCE NAME` for one object. `resource` may be plural, singular or a short name;
 * related objects (events, endpoints, replicasets, pods) are read through `reader`.
 */
export function describe(resource: string, object: KubeObject, reader: ObjectReader, opts: DescribeOptions): string {
  const lower = resource.toLowerCase().split(".")[0];
  const plural = CLUSTER_RBAC[lower] ?? findResourcePrinter(resource)?.resource ?? lower;
  const o = object as unknown;
  switch (plural) {
    case "pods":
      return describePod(o as Pod, reader, opts);
    case "deployments":
      return describeDeployment(o as Deployment, reader, opts);
    case "replicasets":
      return describeReplicaSet(o as ReplicaSet, reader, opts);
    case "statefulsets":
      return describeStatefulSet(o as StatefulSet, reader, opts);
    case "daemonsets":
      return describeDaemonSet(o as DaemonSet, reader, opts);
    case "jobs":
      return describeJob(o as Job, reader, opts);
    case "cronjobs":
      return describeCronJob(o as CronJob, reader, opts);
    case "services":
      return describeService(o as Service, reader, opts);
    case "namespaces":
      return describeNamespace(o as Namespace, reader);
    case "configmaps":
      return describeConfigMap(o as ConfigMap, reader, opts);
    case "secrets":
      return describeSecret(o as Secret);
    case "serviceaccounts":
      return describeServiceAccount(o as ServiceAccount, reader, opts);
    case "endpoints":
      return describeEndpoints(o as Endpoints, reader, opts);
    case "persistentvolumeclaims":
      return describePersistentVolumeClaim(o as PersistentVolumeClaim, reader, opts);
    case "persistentvolumes":
      return describePersistentVolume(o as PersistentVolume, reader, opts);
    case "nodes":
      return describeNode(o as Node, reader, opts);
    case "ingresses":
      return describeIngress(o as Ingress, reader, opts);
    case "networkpolicies":
      return describeNetworkPolicy(o as NetworkPolicy);
    case "roles":
    case "clusterroles":
      return describeRole(o as Role);
    case "rolebindings":
    case "clusterrolebindings":
      return describeRoleBinding(o as RoleBinding);
    case "resourcequotas":
      return describeResourceQuota(o as ResourceQuota);
    case "limitranges":
      return describeLimitRange(o as LimitRange);
    default:
      return describeGeneric(object, reader, opts);
  }
}

// Minimal machinery used until lib/sim/api is wired in: the kinds table and the defaults the kubelet
// and controllers rely on. Replaced by lib/sim/api's full decode/default/admit/validate.
import type { Machinery, ResourceInfo } from "./machinery";
import type { KubeObject } from "./types";

const KINDS: ResourceInfo[] = [
  ["", "v1", "Namespace", "namespaces", ["ns"], false],
  ["", "v1", "Node", "nodes", ["no"], false],
  ["", "v1", "Pod", "pods", ["po"], true],
  ["", "v1", "Service", "services", ["svc"], true],
  ["", "v1", "Endpoints", "endpoints", ["ep"], true],
  ["", "v1", "ConfigMap", "configmaps", ["cm"], true],
  ["", "v1", "Secret", "secrets", [], true],
  ["", "v1", "PersistentVolume", "persistentvolumes", ["pv"], false],
  ["", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", ["pvc"], true],
  ["", "v1", "ServiceAccount", "serviceaccounts", ["sa"], true],
  ["", "v1", "Event", "events", ["ev"], true],
  ["apps", "v1", "ReplicaSet", "replicasets", ["rs"], true],
  ["apps", "v1", "Deployment", "deployments", ["deploy"], true],
  ["apps", "v1", "StatefulSet", "statefulsets", ["sts"], true],
  ["apps", "v1", "DaemonSet", "daemonsets", ["ds"], true],
  ["apps", "v1", "ControllerRevision", "controllerrevisions", [], true],
  ["batch", "v1", "Job", "jobs", [], true],
  ["batch", "v1", "CronJob", "cronjobs", ["cj"], true],
  ["discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", [], true],
].map(([group, version, kind, resource, shortNames, namespaced]) => ({
  group: group as string,
  version: version as string,
  kind: kind as string,
  resource: resource as string,
  singular: (kind as string).toLowerCase(),
  shortNames: shortNames as string[],
  namespaced: namespaced as boolean,
}));

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function defaultPodSpec(spec: Obj): void {
  spec.restartPolicy ??= "Always";
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= "ClusterFirst";
  spec.schedulerName ??= "default-scheduler";
  spec.securityContext ??= {};
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    if (!c.imagePullPolicy && typeof c.image === "string") {
      const ref = c.image.split("@")[0];
      const slash = ref.lastIndexOf("/");
      const tag = ref.slice(slash + 1).includes(":") ? ref.slice(ref.lastIndexOf(":") + 1) : "";
      c.imagePullPolicy = tag === "" || tag === "latest" ? "Always" : "IfNotPresent";
    }
    c.terminationMessagePath ??= "/dev/termination-log";
    c.terminationMessagePolicy ??= "File";
    c.resources ??= {};
    for (const p of c.ports ?? []) p.protocol ??= "TCP";
    for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) {
      if (!probe) continue;
      probe.periodSeconds ??= 10;
      probe.timeoutSeconds ??= 1;
      probe.successThreshold ??= 1;
      probe.failureThreshold ??= 3;
      if (probe.httpGet) probe.httpGet.scheme ??= "HTTP";
    }
  }
}

function defaults(o: KubeObject): KubeObject {
  const obj = JSON.parse(JSON.stringify(o)) as Obj;
  switch (obj.kind) {
    case "Pod":
      obj.spec ??= {};
      defaultPodSpec(obj.spec);
      break;
    case "ReplicaSet":
    case "Deployment":
    case "StatefulSet":
    case "DaemonSet":
      obj.spec ??= {};
      if (obj.kind !== "DaemonSet") obj.spec.replicas ??= 1;
      obj.spec.template ??= {};
      obj.spec.template.spec ??= {};
      defaultPodSpec(obj.spec.template.spec);
      if (obj.kind === "Deployment") {
        obj.spec.strategy ??= { type: "RollingUpdate" };
        if (obj.spec.strategy.type === "RollingUpdate") obj.spec.strategy.rollingUpdate ??= { maxSurge: "25%", maxUnavailable: "25%" };
        obj.spec.revisionHistoryLimit ??= 10;
        obj.spec.progressDeadlineSeconds ??= 600;
      }
      if (obj.kind === "StatefulSet") {
        obj.spec.podManagementPolicy ??= "OrderedReady";
        obj.spec.updateStrategy ??= { type: "RollingUpdate", rollingUpdate: { partition: 0 } };
        obj.spec.revisionHistoryLimit ??= 10;
      }
      if (obj.kind === "DaemonSet") {
        obj.spec.updateStrategy ??= { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } };
        obj.spec.revisionHistoryLimit ??= 10;
      }
      break;
    case "Job":
      obj.spec ??= {};
      if (obj.spec.completions == null && obj.spec.parallelism == null) {
        obj.spec.completions = 1;
        obj.spec.parallelism = 1;
      }
      obj.spec.parallelism ??= 1;
      obj.spec.backoffLimit ??= 6;
      obj.spec.completionMode ??= "NonIndexed";
      obj.spec.suspend ??= false;
      obj.spec.template ??= {};
      obj.spec.template.spec ??= {};
      defaultPodSpec(obj.spec.template.spec);
      break;
    case "CronJob":
      obj.spec ??= {};
      obj.spec.concurrencyPolicy ??= "Allow";
      obj.spec.suspend ??= false;
      obj.spec.successfulJobsHistoryLimit ??= 3;
      obj.spec.failedJobsHistoryLimit ??= 1;
      break;
    case "Service":
      obj.spec ??= {};
      obj.spec.type ??= "ClusterIP";
      obj.spec.sessionAffinity ??= "None";
      for (const p of obj.spec.ports ?? []) {
        p.protocol ??= "TCP";
        p.targetPort ??= p.port;
      }
      break;
  }
  return obj as KubeObject;
}

export const bootstrapMachinery: Machinery = {
  resolveKind: (apiVersion, kind) => {
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
    return KINDS.find((k) => k.kind === kind && k.group === group && k.version === version);
  },
  resourceInfo: (resource) => KINDS.find((k) => k.resource === resource),
  listResources: () => KINDS,
  decode: (raw) => ({ ok: true, object: raw as KubeObject, warnings: [] }),
  applyDefaults: (o) => defaults(o),
  admit: (o, ctx) => {
    if (o.kind === "Pod") {
      const spec = (o as Obj).spec;
      spec.serviceAccountName ??= "default";
      spec.serviceAccount ??= spec.serviceAccountName;
      spec.priority ??= 0;
      spec.enableServiceLinks ??= true;
      spec.preemptionPolicy ??= "PreemptLowerPriority";
      spec.tolerations ??= [
        { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
        { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 },
      ];
      void ctx;
    }
    return { ok: true, object: o };
  },
  validateCreate: () => undefined,
  validateUpdate: () => undefined,
};

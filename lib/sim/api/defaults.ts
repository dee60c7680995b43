// Mirrors pkg/apis/core/v1/defaults.go, pkg/apis/apps/v1/defaults.go, pkg/apis/batch/v1/defaults.go and
// the create-time parts of the registry strategies (PrepareForCreate: status reset, Pod QoS class, Job
// selector generation, Service IP/port allocation), so stored objects look like a v1.32 cluster's.
import { deepCopy } from "../core/types";
import { parseQuantity } from "./quantity";
import type { KubeObject } from "./types";

export type DefaultsContext = {
  /** Random lowercase alphanumerics from the simulation's seeded RNG. */
  randomSuffix(n: number): string;
  /** "create" (default) resets status like PrepareForCreate; "update" leaves status alone. */
  operation?: "create" | "update";
  /** The object's uid when already assigned; Jobs need it for their generated selector. */
  uid?: string;
  /** Allocates a ClusterIP for a new Service (the core's IP allocator). */
  allocateClusterIP?(): string;
  /** Allocates a free NodePort in 30000–32767. */
  allocateNodePort?(): number;
};

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : undefined;
}

function ensureObj(parent: Obj, key: string): Obj {
  const existing = obj(parent[key]);
  if (existing) return existing;
  const created: Obj = {};
  parent[key] = created;
  return created;
}

function list(value: unknown): Obj[] {
  return Array.isArray(value) ? (value.filter((v) => obj(v)) as Obj[]) : [];
}

function setDefault(target: Obj, key: string, value: unknown): void {
  if (target[key] === undefined || target[key] === null) target[key] = value;
}

function setDefaultString(target: Obj, key: string, value: string): void {
  if (target[key] === undefined || target[key] === null || target[key] === "") target[key] = value;
}

// --- core/v1 ---------------------------------------------------------------------------------------

/** SetDefaults_Container's image pull policy: Always for ":latest" or no tag, IfNotPresent otherwise. */
export function defaultImagePullPolicy(image: string): "Always" | "IfNotPresent" {
  if (image.includes("@")) return "IfNotPresent";
  const lastSlash = image.lastIndexOf("/");
  const tagSep = image.lastIndexOf(":");
  const tag = tagSep > lastSlash ? image.slice(tagSep + 1) : "";
  return tag === "" || tag === "latest" ? "Always" : "IfNotPresent";
}

function defaultProbe(probe: unknown): void {
  const p = obj(probe);
  if (!p) return;
  setDefault(p, "timeoutSeconds", 1);
  setDefault(p, "periodSeconds", 10);
  setDefault(p, "successThreshold", 1);
  setDefault(p, "failureThreshold", 3);
  defaultHandler(p);
}

function defaultHandler(handler: Obj): void {
  const httpGet = obj(handler.httpGet);
  if (httpGet) {
    setDefaultString(httpGet, "path", "/");
    setDefaultString(httpGet, "scheme", "HTTP");
  }
}

function defaultObjectFieldSelector(ref: unknown): void {
  const r = obj(ref);
  if (r) setDefaultString(r, "apiVersion", "v1");
}

function defaultContainer(container: Obj): void {
  // An unparsable (e.g. empty) image has no tag, which upstream treats as "not latest".
  const image = typeof container.image === "string" ? container.image : "";
  setDefaultString(container, "imagePullPolicy", image ? defaultImagePullPolicy(image) : "IfNotPresent");
  setDefaultString(container, "terminationMessagePath", "/dev/termination-log");
  setDefaultString(container, "terminationMessagePolicy", "File");
  setDefault(container, "resources", {});
  for (const port of list(container.ports)) setDefaultString(port, "protocol", "TCP");
  for (const env of list(container.env)) {
    const valueFrom = obj(env.valueFrom);
    if (valueFrom) defaultObjectFieldSelector(valueFrom.fieldRef);
  }
  defaultProbe(container.livenessProbe);
  defaultProbe(container.readinessProbe);
  defaultProbe(container.startupProbe);
  const lifecycle = obj(container.lifecycle);
  if (lifecycle) {
    for (const hook of [lifecycle.postStart, lifecycle.preStop]) {
      const h = obj(hook);
      if (h) defaultHandler(h);
    }
  }
}

function defaultVolume(volume: Obj): void {
  const sources = Object.keys(volume).filter((k) => k !== "name");
  // SetDefaults_Volume: a volume without a source is an emptyDir.
  if (sources.length === 0) volume.emptyDir = {};
  const secret = obj(volume.secret);
  if (secret) setDefault(secret, "defaultMode", 420);
  const configMap = obj(volume.configMap);
  if (configMap) setDefault(configMap, "defaultMode", 420);
  const downwardAPI = obj(volume.downwardAPI);
  if (downwardAPI) {
    setDefault(downwardAPI, "defaultMode", 420);
    for (const item of list(downwardAPI.items)) defaultObjectFieldSelector(item.fieldRef);
  }
  const projected = obj(volume.projected);
  if (projected) {
    setDefault(projected, "defaultMode", 420);
    for (const source of list(projected.sources)) {
      const token = obj(source.serviceAccountToken);
      if (token) setDefault(token, "expirationSeconds", 3600);
      const dapi = obj(source.downwardAPI);
      if (dapi) for (const item of list(dapi.items)) defaultObjectFieldSelector(item.fieldRef);
    }
  }
  const hostPath = obj(volume.hostPath);
  if (hostPath) setDefault(hostPath, "type", "");
  const iscsi = obj(volume.iscsi);
  if (iscsi) setDefaultString(iscsi, "iscsiInterface", "default");
}

/** SetDefaults_PodSpec (+ the per-container/volume defaulters the generated code calls from it). */
export function defaultPodSpec(spec: Obj): void {
  setDefaultString(spec, "dnsPolicy", "ClusterFirst");
  setDefaultString(spec, "restartPolicy", "Always");
  setDefault(spec, "securityContext", {});
  setDefault(spec, "terminationGracePeriodSeconds", 30);
  setDefaultString(spec, "schedulerName", "default-scheduler");
  const hostNetwork = spec.hostNetwork === true;
  for (const key of ["initContainers", "containers", "ephemeralContainers"]) {
    for (const container of list(spec[key])) {
      defaultContainer(container);
      if (hostNetwork) {
        // SetDefaults_PodSpec: with hostNetwork, hostPort follows containerPort.
        for (const port of list(container.ports)) {
          if (!port.hostPort) port.hostPort = port.containerPort;
        }
      }
    }
  }
  for (const volume of list(spec.volumes)) defaultVolume(volume);
}

/** SetDefaults_Pod: requests copied from limits, enableServiceLinks. Not applied to pod templates. */
function defaultPod(pod: Obj): void {
  const spec = ensureObj(pod, "spec");
  for (const key of ["initContainers", "containers"]) {
    for (const container of list(spec[key])) {
      const resources = obj(container.resources);
      const limits = obj(resources?.limits);
      if (resources && limits && Object.keys(limits).length > 0) {
        const requests = ensureObj(resources, "requests");
        for (const [name, value] of Object.entries(limits)) if (requests[name] === undefined) requests[name] = value;
      }
    }
  }
  setDefault(spec, "enableServiceLinks", true);
  defaultPodSpec(spec);
}

function defaultTemplate(owner: Obj): void {
  const template = obj(owner.template);
  if (!template) return;
  defaultPodSpec(ensureObj(template, "spec"));
}

/** GetPodQOS (pkg/apis/core/helper/qos): Guaranteed, Burstable or BestEffort. */
export function computePodQOSClass(spec: Obj): "Guaranteed" | "Burstable" | "BestEffort" {
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let zeroQuantity = true;
  let isGuaranteed = true;
  const supported = new Set(["cpu", "memory"]);
  const containers = [...list(spec.containers), ...list(spec.initContainers)];
  for (const container of containers) {
    const resources = obj(container.resources) ?? {};
    const reqs = obj(resources.requests) ?? {};
    const lims = obj(resources.limits) ?? {};
    for (const [name, raw] of Object.entries(reqs)) {
      if (!supported.has(name)) continue;
      const q = parseQuantity(raw as string);
      if (!q.ok || q.quantity.nano <= 0n) continue;
      zeroQuantity = false;
      requests.set(name, (requests.get(name) ?? 0n) + q.quantity.nano);
    }
    const containerLimits = new Set<string>();
    for (const [name, raw] of Object.entries(lims)) {
      if (!supported.has(name)) continue;
      const q = parseQuantity(raw as string);
      if (!q.ok || q.quantity.nano <= 0n) continue;
      zeroQuantity = false;
      containerLimits.add(name);
      limits.set(name, (limits.get(name) ?? 0n) + q.quantity.nano);
    }
    if (!containerLimits.has("cpu") || !containerLimits.has("memory")) isGuaranteed = false;
  }
  if (zeroQuantity) return "BestEffort";
  if (isGuaranteed) {
    for (const [name, value] of requests) {
      if (limits.get(name) !== value) {
        isGuaranteed = false;
        break;
      }
    }
  }
  return isGuaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}

function defaultService(service: Obj, ctx: DefaultsContext): void {
  const spec = ensureObj(service, "spec");
  setDefaultString(spec, "sessionAffinity", "None");
  setDefaultString(spec, "type", "ClusterIP");
  const type = spec.type;
  for (const port of list(spec.ports)) {
    setDefaultString(port, "protocol", "TCP");
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === "") port.targetPort = port.port;
  }
  if (type === "NodePort" || type === "LoadBalancer") setDefaultString(spec, "externalTrafficPolicy", "Cluster");
  if (type !== "ExternalName") setDefaultString(spec, "internalTrafficPolicy", "Cluster");
  if (type === "LoadBalancer") setDefault(spec, "allocateLoadBalancerNodePorts", true);
  if (spec.sessionAffinity === "ClientIP") {
    const config = ensureObj(spec, "sessionAffinityConfig");
    const clientIP = ensureObj(config, "clientIP");
    setDefault(clientIP, "timeoutSeconds", 10800);
  }
  if ((ctx.operation ?? "create") !== "create") return;
  // Registry create (pkg/registry/core/service/storage): IP families and allocations.
  if (type !== "ExternalName") {
    if (spec.clusterIP === undefined || spec.clusterIP === "") {
      if (ctx.allocateClusterIP) spec.clusterIP = ctx.allocateClusterIP();
    }
    if (typeof spec.clusterIP === "string" && spec.clusterIP !== "") setDefault(spec, "clusterIPs", [spec.clusterIP]);
    setDefault(spec, "ipFamilies", ["IPv4"]);
    setDefaultString(spec, "ipFamilyPolicy", "SingleStack");
    if ((type === "NodePort" || type === "LoadBalancer") && ctx.allocateNodePort) {
      for (const port of list(spec.ports)) if (!port.nodePort) port.nodePort = ctx.allocateNodePort();
    }
  }
  service.status = { loadBalancer: {} };
}

// --- apps/v1 ---------------------------------------------------------------------------------------

function defaultDeployment(d: Obj): void {
  const spec = ensureObj(d, "spec");
  setDefault(spec, "replicas", 1);
  const strategy = ensureObj(spec, "strategy");
  setDefaultString(strategy, "type", "RollingUpdate");
  if (strategy.type === "RollingUpdate") {
    const rolling = ensureObj(strategy, "rollingUpdate");
    setDefault(rolling, "maxUnavailable", "25%");
    setDefault(rolling, "maxSurge", "25%");
  }
  setDefault(spec, "revisionHistoryLimit", 10);
  setDefault(spec, "progressDeadlineSeconds", 600);
  defaultTemplate(spec);
}

function defaultReplicaSet(rs: Obj): void {
  const spec = ensureObj(rs, "spec");
  setDefault(spec, "replicas", 1);
  defaultTemplate(spec);
}

function defaultStatefulSet(sts: Obj): void {
  const spec = ensureObj(sts, "spec");
  setDefaultString(spec, "podManagementPolicy", "OrderedReady");
  const strategy = ensureObj(spec, "updateStrategy");
  setDefaultString(strategy, "type", "RollingUpdate");
  if (strategy.type === "RollingUpdate") setDefault(ensureObj(strategy, "rollingUpdate"), "partition", 0);
  const retention = ensureObj(spec, "persistentVolumeClaimRetentionPolicy");
  setDefaultString(retention, "whenDeleted", "Retain");
  setDefaultString(retention, "whenScaled", "Retain");
  setDefault(spec, "replicas", 1);
  setDefault(spec, "revisionHistoryLimit", 10);
  for (const claim of list(spec.volumeClaimTemplates)) {
    defaultPersistentVolumeClaim(claim);
    setDefault(claim, "status", { phase: "Pending" });
  }
  defaultTemplate(spec);
}

function defaultDaemonSet(ds: Obj): void {
  const spec = ensureObj(ds, "spec");
  const strategy = ensureObj(spec, "updateStrategy");
  setDefaultString(strategy, "type", "RollingUpdate");
  if (strategy.type === "RollingUpdate") {
    const rolling = ensureObj(strategy, "rollingUpdate");
    setDefault(rolling, "maxUnavailable", 1);
    setDefault(rolling, "maxSurge", 0);
  }
  setDefault(spec, "revisionHistoryLimit", 10);
  defaultTemplate(spec);
}

// --- batch/v1 --------------------------------------------------------------------------------------

const CONTROLLER_UID_LABEL = "batch.kubernetes.io/controller-uid";
const LEGACY_CONTROLLER_UID_LABEL = "controller-uid";
const JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
const LEGACY_JOB_NAME_LABEL = "job-name";

function defaultJob(job: Obj, ctx: DefaultsContext): void {
  const spec = ensureObj(job, "spec");
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setDefault(spec, "parallelism", 1);
  setDefault(spec, "backoffLimit", spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6);
  const metadata = ensureObj(job, "metadata");
  const template = obj(spec.template);
  const templateMeta = template ? obj(template.metadata) : undefined;
  // SetDefaults_Job shares the template's label map with the Job, so the labels generateSelector adds
  // later show on the Job too (as `kubectl get job -o yaml` shows on a real cluster).
  const labelsShared =
    !!templateMeta?.labels && Object.keys(obj(templateMeta.labels) ?? {}).length > 0 &&
    Object.keys(obj(metadata.labels) ?? {}).length === 0;
  if (labelsShared) metadata.labels = { ...(templateMeta!.labels as Obj) };
  setDefaultString(spec, "completionMode", "NonIndexed");
  setDefault(spec, "suspend", false);
  setDefaultString(spec, "podReplacementPolicy", spec.podFailurePolicy ? "Failed" : "TerminatingOrFailed");
  const podFailurePolicy = obj(spec.podFailurePolicy);
  if (podFailurePolicy) {
    for (const rule of list(podFailurePolicy.rules)) {
      for (const pattern of list(rule.onPodConditions)) setDefaultString(pattern, "status", "True");
    }
  }
  if (template) defaultPodSpec(ensureObj(template, "spec"));
  if ((ctx.operation ?? "create") === "create" && ctx.uid && spec.manualSelector !== true && template) {
    generateJobSelector(job, spec, template, ctx.uid, labelsShared);
  }
}

/** generateSelector (pkg/registry/batch/job/strategy.go). */
function generateJobSelector(job: Obj, spec: Obj, template: Obj, uid: string, labelsShared: boolean): void {
  const name = String(obj(job.metadata)?.name ?? "");
  const templateMeta = ensureObj(template, "metadata");
  const labels = ensureObj(templateMeta, "labels");
  for (const key of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) if (labels[key] === undefined) labels[key] = name;
  for (const key of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) if (labels[key] === undefined) labels[key] = uid;
  const selector = ensureObj(spec, "selector");
  const matchLabels = ensureObj(selector, "matchLabels");
  if (matchLabels[CONTROLLER_UID_LABEL] === undefined) matchLabels[CONTROLLER_UID_LABEL] = uid;
  if (labelsShared) ensureObj(job, "metadata").labels = { ...labels };
}

function defaultCronJob(cj: Obj): void {
  const spec = ensureObj(cj, "spec");
  setDefaultString(spec, "concurrencyPolicy", "Allow");
  setDefault(spec, "suspend", false);
  setDefault(spec, "successfulJobsHistoryLimit", 3);
  setDefault(spec, "failedJobsHistoryLimit", 1);
  const jobTemplate = obj(spec.jobTemplate);
  const jobSpec = jobTemplate ? obj(jobTemplate.spec) : undefined;
  if (jobSpec) defaultTemplate(jobSpec);
}

// --- storage and the rest --------------------------------------------------------------------------

function defaultPersistentVolumeClaim(pvc: Obj): void {
  const spec = ensureObj(pvc, "spec");
  setDefaultString(spec, "volumeMode", "Filesystem");
}

function defaultPersistentVolume(pv: Obj): void {
  const spec = ensureObj(pv, "spec");
  setDefaultString(spec, "persistentVolumeReclaimPolicy", "Retain");
  setDefaultString(spec, "volumeMode", "Filesystem");
  const hostPath = obj(spec.hostPath);
  if (hostPath) setDefault(hostPath, "type", "");
}

function defaultNamespace(ns: Obj): void {
  const metadata = ensureObj(ns, "metadata");
  // The NamespaceDefaultLabelName feature: the name is always mirrored in a label.
  if (typeof metadata.name === "string" && metadata.name) {
    metadata.labels = { ...(obj(metadata.labels) ?? {}), "kubernetes.io/metadata.name": metadata.name };
  }
}

function defaultEndpoints(ep: Obj): void {
  for (const subset of list(ep.subsets)) for (const port of list(subset.ports)) setDefaultString(port, "protocol", "TCP");
}

function defaultEndpointSlice(slice: Obj): void {
  for (const port of list(slice.ports)) setDefaultString(port, "protocol", "TCP");
}

// --- kinds issue 10 serves (networking, autoscaling, rbac, storage, scheduling, limits) ---------------

/** networking/v1 SetDefaults_NetworkPolicy + SetDefaults_NetworkPolicyPort. */
function defaultNetworkPolicy(np: Obj): void {
  const spec = ensureObj(np, "spec");
  for (const direction of ["ingress", "egress"]) {
    for (const rule of list(spec[direction])) for (const port of list(rule.ports)) setDefaultString(port, "protocol", "TCP");
  }
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
    spec.policyTypes = list(spec.egress).length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
  }
}

/** core/v1 SetDefaults_LimitRangeItem: Container limits default from max, requests from default/min. */
function defaultLimitRange(lr: Obj): void {
  for (const item of list(ensureObj(lr, "spec").limits)) {
    if (item.type !== "Container") continue;
    const defaults: Obj = { ...(obj(item.default) ?? {}) };
    const defaultRequest: Obj = { ...(obj(item.defaultRequest) ?? {}) };
    for (const [key, value] of Object.entries(obj(item.max) ?? {})) if (defaults[key] === undefined) defaults[key] = value;
    for (const [key, value] of Object.entries(defaults)) if (defaultRequest[key] === undefined) defaultRequest[key] = value;
    for (const [key, value] of Object.entries(obj(item.min) ?? {})) if (defaultRequest[key] === undefined) defaultRequest[key] = value;
    // Empty resource lists are omitted when the object is written out.
    if (Object.keys(defaults).length) item.default = defaults;
    if (Object.keys(defaultRequest).length) item.defaultRequest = defaultRequest;
  }
}

/** copyHPAScalingRules over GenerateHPAScaleUpRules / GenerateHPAScaleDownRules defaults. */
function defaultScalingRules(rules: unknown, defaults: Obj): Obj {
  const given = obj(rules);
  if (!given) return deepCopy(defaults);
  const out: Obj = { ...given };
  for (const key of ["stabilizationWindowSeconds", "selectPolicy", "policies"]) if (out[key] === undefined) out[key] = deepCopy(defaults[key]);
  return out;
}

/** autoscaling/v2 SetDefaults_HorizontalPodAutoscaler. */
function defaultHorizontalPodAutoscaler(hpa: Obj): void {
  const spec = ensureObj(hpa, "spec");
  setDefault(spec, "minReplicas", 1);
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
    spec.metrics = [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }];
  }
  const behavior = obj(spec.behavior);
  if (behavior) {
    behavior.scaleUp = defaultScalingRules(behavior.scaleUp, {
      stabilizationWindowSeconds: 0,
      selectPolicy: "Max",
      policies: [
        { type: "Pods", value: 4, periodSeconds: 15 },
        { type: "Percent", value: 100, periodSeconds: 15 },
      ],
    });
    behavior.scaleDown = defaultScalingRules(behavior.scaleDown, {
      selectPolicy: "Max",
      policies: [{ type: "Percent", value: 100, periodSeconds: 15 }],
    });
  }
}

/** rbac/v1 SetDefaults_Subject: users and groups belong to the rbac API group. */
function defaultRoleBinding(binding: Obj): void {
  for (const subject of list(binding.subjects)) {
    // ServiceAccount subjects get "" (omitted when written out), so only users and groups change.
    if (!subject.apiGroup && (subject.kind === "User" || subject.kind === "Group")) subject.apiGroup = "rbac.authorization.k8s.io";
  }
}

/** PrepareForCreate: the status a freshly created object carries. */
function resetStatusForCreate(kind: string, object: Obj): void {
  switch (kind) {
    case "Pod":
      object.status = { phase: "Pending", qosClass: computePodQOSClass(ensureObj(object, "spec")) };
      return;
    case "Namespace": {
      // On create the "kubernetes" finalizer is required; users may add their own next to it.
      const spec = ensureObj(object, "spec");
      const finalizers = Array.isArray(spec.finalizers) ? (spec.finalizers as unknown[]) : [];
      spec.finalizers = finalizers.includes("kubernetes") ? finalizers : [...finalizers, "kubernetes"];
      object.status = { phase: "Active" };
      return;
    }
    case "PersistentVolume":
    case "PersistentVolumeClaim":
      object.status = { phase: "Pending" };
      return;
    case "Service":
      object.status = { loadBalancer: {} };
      return;
    case "Deployment":
    case "ReplicaSet":
    case "StatefulSet":
    case "DaemonSet":
    case "Job":
    case "CronJob":
    case "Node":
      object.status = kind === "StatefulSet" ? { availableReplicas: 0, replicas: 0 } : kind === "ReplicaSet" ? { replicas: 0 } : {};
      if (kind === "DaemonSet") {
        object.status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
      }
      if (kind === "Node") delete object.status;
      return;
    default:
      return;
  }
}

/**
 * Applies the API server's defaults for the object's kind and returns a new object; `object` is not
 * modified. Call after decodeObject and before admit/validate, as the API server does.
 */
export function applyDefaults(object: KubeObject, ctx: DefaultsContext): KubeObject {
  const out = deepCopy(object) as KubeObject & Obj;
  const operation = ctx.operation ?? "create";
  switch (out.kind) {
    case "Pod":
      defaultPod(out);
      break;
    case "PodTemplate":
      defaultTemplate(out);
      break;
    case "Service":
      defaultService(out, ctx);
      break;
    case "Secret":
      setDefaultString(out, "type", "Opaque");
      break;
    case "Namespace":
      defaultNamespace(out);
      break;
    case "PersistentVolume":
      defaultPersistentVolume(out);
      break;
    case "PersistentVolumeClaim":
      defaultPersistentVolumeClaim(out);
      break;
    case "Endpoints":
      defaultEndpoints(out);
      break;
    case "EndpointSlice":
      defaultEndpointSlice(out);
      break;
    case "Deployment":
      defaultDeployment(out);
      break;
    case "ReplicaSet":
      defaultReplicaSet(out);
      break;
    case "StatefulSet":
      defaultStatefulSet(out);
      break;
    case "DaemonSet":
      defaultDaemonSet(out);
      break;
    case "Job":
      defaultJob(out, ctx);
      break;
    case "CronJob":
      defaultCronJob(out);
      break;
    case "NetworkPolicy":
      defaultNetworkPolicy(out);
      break;
    case "LimitRange":
      defaultLimitRange(out);
      break;
    case "HorizontalPodAutoscaler":
      defaultHorizontalPodAutoscaler(out);
      break;
    case "RoleBinding":
    case "ClusterRoleBinding":
      defaultRoleBinding(out);
      break;
    case "StorageClass":
      setDefaultString(out, "reclaimPolicy", "Delete");
      setDefaultString(out, "volumeBindingMode", "Immediate");
      break;
    case "PriorityClass":
      setDefaultString(out, "preemptionPolicy", "PreemptLowerPriority");
      break;
    default:
      break;
  }
  if (operation === "create") {
    if (out.kind === "Service") {
      // defaultService already produced the create-time status and allocations.
    } else {
      resetStatusForCreate(out.kind, out);
    }
  }
  return out;
}

// Mirrors pkg/apis/core/validation/validation.go for pods and pod templates: ValidatePodSpec,
// validateContainers/validateInitContainers, validateVolumes, validateProbe, validateHandler,
// validateResourceRequirements, validateTolerations, ValidatePodUpdate. Messages are verbatim.
import { compareQuantity, formatQuantity, parseQuantity } from "../quantity";
import type { FieldError } from "../types";
import { duplicate, forbidden, invalid, notFound, notSupported, required } from "./field-errors";
import { validateLabels, validateNonnegative, validateObjectMeta, validateEnum, nameIsDNSSubdomain } from "./meta";
import { isQualifiedName, isValidLabelValue, isConfigMapKey, isDNS1123Label, isDNS1123Subdomain, isEnvVarName, isValidPortName, isValidPortNum, inclusiveRangeError } from "./names";
import { asList, asObj, asString, deepEqual, isSet, type Obj } from "./util";

const PORT_PROTOCOLS = ["SCTP", "TCP", "UDP"];
const PULL_POLICIES = ["Always", "IfNotPresent", "Never"];
const RESTART_POLICIES = ["Always", "OnFailure", "Never"];
// Listed in upstream order (the NotSupported message prints them as given).
const DNS_POLICIES = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
const TERMINATION_MESSAGE_POLICIES = ["File", "FallbackToLogsOnError"];
const URI_SCHEMES = ["HTTP", "HTTPS"];
const TOLERATION_OPERATORS = ["Equal", "Exists"];
const TAINT_EFFECTS = ["NoExecute", "NoSchedule", "PreferNoSchedule"];
const STANDARD_CONTAINER_RESOURCES = new Set(["cpu", "memory", "ephemeral-storage"]);

// validateVolumeSource checks sources in this order; the second one found is the one reported.
const VOLUME_SOURCES = [
  "emptyDir",
  "hostPath",
  "gitRepo",
  "gcePersistentDisk",
  "awsElasticBlockStore",
  "secret",
  "nfs",
  "iscsi",
  "glusterfs",
  "flocker",
  "persistentVolumeClaim",
  "rbd",
  "cinder",
  "cephfs",
  "quobyte",
  "downwardAPI",
  "fc",
  "flexVolume",
  "configMap",
  "azureFile",
  "vsphereVolume",
  "photonPersistentDisk",
  "portworxVolume",
  "azureDisk",
  "storageos",
  "projected",
  "scaleIO",
  "csi",
  "ephemeral",
  "image",
];

function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === "number") return isValidPortNum(port).map((msg) => invalid(path, port, msg));
  if (typeof port === "string") {
    if (port === "") return [required(path, "")];
    return isValidPortName(port).map((msg) => invalid(path, port, msg));
  }
  return [required(path, "")];
}

/** validateHandler for probes (exec, httpGet, tcpSocket, grpc) or lifecycle hooks (… sleep). */
function validateHandler(handler: Obj, path: string, kinds: string[], gracePeriod?: number): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of kinds) {
    const h = asObj(handler[kind]);
    if (!h) continue;
    if (count > 0) {
      errs.push(forbidden(`${path}.${kind}`, "may not specify more than 1 handler type"));
      continue;
    }
    count++;
    const hPath = `${path}.${kind}`;
    if (kind === "exec") {
      if (!Array.isArray(h.command) || h.command.length === 0) errs.push(required(`${hPath}.command`, ""));
    } else if (kind === "httpGet") {
      if (!asString(h.path)) errs.push(required(`${hPath}.path`, ""));
      errs.push(...validatePortNumOrName(h.port, `${hPath}.port`));
      if (h.scheme !== undefined && !URI_SCHEMES.includes(asString(h.scheme))) {
        errs.push(notSupported(`${hPath}.scheme`, h.scheme, URI_SCHEMES));
      }
    } else if (kind === "tcpSocket") {
      errs.push(...validatePortNumOrName(h.port, `${hPath}.port`));
    } else if (kind === "grpc") {
      if (typeof h.port === "number") errs.push(...isValidPortNum(h.port).map((msg) => invalid(`${hPath}.port`, h.port, msg)));
    } else if (kind === "sleep" && gracePeriod !== undefined) {
      // AllowPodLifecycleSleepActionZeroValue is alpha (off) in v1.32.
      const seconds = typeof h.seconds === "number" ? h.seconds : 0;
      if (seconds <= 0 || seconds > gracePeriod) {
        errs.push(
          invalid(
            hPath,
            seconds,
            `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`,
          ),
        );
      }
    }
  }
  if (count === 0) errs.push(required(path, "must specify a handler type"));
  return errs;
}

function validateProbe(probe: Obj | undefined, path: string): FieldError[] {
  if (!probe) return [];
  const errs = validateHandler(probe, path, ["exec", "httpGet", "tcpSocket", "grpc"]);
  for (const key of ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"]) {
    errs.push(...validateNonnegative(probe[key], `${path}.${key}`));
  }
  if (typeof probe.terminationGracePeriodSeconds === "number" && probe.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(`${path}.terminationGracePeriodSeconds`, probe.terminationGracePeriodSeconds, "must be greater than 0"));
  }
  return errs;
}

function validateResourceName(name: string, path: string): FieldError[] {
  if (STANDARD_CONTAINER_RESOURCES.has(name) || name.startsWith("hugepages-")) return [];
  if (name.includes("/")) return [];
  return [invalid(path, name, "must be a standard resource type or fully qualified"), invalid(path, name, "must be a standard resource for containers")];
}

/** validateResourceRequirements: names, non-negative values, requests ≤ limits. */
function validateResources(resources: Obj | undefined, path: string): FieldError[] {
  if (!resources) return [];
  const errs: FieldError[] = [];
  const limits = asObj(resources.limits) ?? {};
  const requests = asObj(resources.requests) ?? {};
  for (const name of Object.keys(limits).sort()) {
    const fieldPath = `${path}.limits[${name}]`;
    errs.push(...validateResourceName(name, fieldPath));
    const q = parseQuantity(limits[name] as string);
    if (q.ok && q.quantity.nano < 0n) errs.push(invalid(fieldPath, formatQuantity(q.quantity), "must be greater than or equal to 0"));
  }
  for (const name of Object.keys(requests).sort()) {
    const fieldPath = `${path}.requests[${name}]`;
    errs.push(...validateResourceName(name, fieldPath));
    const req = parseQuantity(requests[name] as string);
    if (!req.ok) continue;
    if (req.quantity.nano < 0n) errs.push(invalid(fieldPath, formatQuantity(req.quantity), "must be greater than or equal to 0"));
    const limitText = limits[name];
    if (limitText === undefined) continue;
    const lim = parseQuantity(limitText as string);
    if (lim.ok && compareQuantity(req.quantity, lim.quantity) > 0) {
      errs.push(
        invalid(
          fieldPath,
          formatQuantity(req.quantity),
          `must be less than or equal to ${name} limit of ${formatQuantity(lim.quantity)}`,
        ),
      );
    }
  }
  return errs;
}

const ENV_FIELD_PATHS = [
  "metadata.name",
  "metadata.namespace",
  "metadata.uid",
  "spec.nodeName",
  "spec.serviceAccountName",
  "status.hostIP",
  "status.hostIPs",
  "status.podIP",
  "status.podIPs",
];
const VOLUME_FIELD_PATHS = ["metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"];
/** Field labels podshelper.ConvertDownwardAPIFieldLabel accepts for v1 pods. */
const DOWNWARD_API_LABELS = new Set([
  "metadata.annotations",
  "metadata.labels",
  "metadata.name",
  "metadata.namespace",
  "metadata.uid",
  "spec.nodeName",
  "spec.restartPolicy",
  "spec.serviceAccountName",
  "spec.schedulerName",
  "status.phase",
  "status.hostIP",
  "status.hostIPs",
  "status.podIP",
  "status.podIPs",
]);
const RESOURCE_FIELD_PATHS = [
  "limits.cpu",
  "limits.ephemeral-storage",
  "limits.memory",
  "requests.cpu",
  "requests.ephemeral-storage",
  "requests.memory",
];

/** validateObjectFieldSelector: apiVersion v1, a convertible field label, one the context supports. */
function validateObjectFieldSelector(fs: Obj, expressions: string[], path: string): FieldError[] {
  const apiVersion = asString(fs.apiVersion);
  if (!apiVersion) return [required(`${path}.apiVersion`, "")];
  const fieldPath = asString(fs.fieldPath);
  if (!fieldPath) return [required(`${path}.fieldPath`, "")];
  let converted = fieldPath;
  let conversionError: string | undefined;
  const subscript = /^([^[]+)\['(.*)'\]$/.exec(fieldPath);
  if (apiVersion !== "v1") conversionError = `unsupported pod version: ${apiVersion}`;
  else if (subscript) {
    if (subscript[1] !== "metadata.annotations" && subscript[1] !== "metadata.labels") {
      conversionError = `field label does not support subscript: ${fieldPath}`;
    }
  } else if (fieldPath === "spec.host") converted = "spec.nodeName";
  else if (!DOWNWARD_API_LABELS.has(fieldPath)) conversionError = `field label not supported: ${fieldPath}`;
  if (conversionError) return [invalid(`${path}.fieldPath`, fieldPath, `error converting fieldPath: ${conversionError}`)];
  if (subscript) {
    const key = subscript[1] === "metadata.annotations" ? subscript[2].toLowerCase() : subscript[2];
    return isQualifiedName(key).map((msg) => invalid(path, key, msg));
  }
  return expressions.includes(converted) ? [] : [notSupported(`${path}.fieldPath`, converted, expressions)];
}

/** validateContainerResourceFieldSelector. */
function validateResourceFieldSelector(fs: Obj, volume: boolean, path: string): FieldError[] {
  if (volume && !asString(fs.containerName)) return [required(`${path}.containerName`, "")];
  const resource = asString(fs.resource);
  if (!resource) return [required(`${path}.resource`, "")];
  if (!RESOURCE_FIELD_PATHS.includes(resource) && !/^(limits|requests)\.hugepages-/.test(resource)) {
    return [notSupported(`${path}.resource`, resource, RESOURCE_FIELD_PATHS)];
  }
  return [];
}

function validateEnv(env: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  env.forEach((ev, i) => {
    const idxPath = `${path}[${i}]`;
    const name = asString(ev.name);
    if (!name) errs.push(required(`${idxPath}.name`, ""));
    else for (const msg of isEnvVarName(name)) errs.push(invalid(`${idxPath}.name`, name, msg));
    const valueFrom = asObj(ev.valueFrom);
    if (valueFrom) {
      const sources = ["fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef"].filter((k) => asObj(valueFrom[k]));
      const vfPath = `${idxPath}.valueFrom`;
      const fieldRef = asObj(valueFrom.fieldRef);
      if (fieldRef) errs.push(...validateObjectFieldSelector(fieldRef, ENV_FIELD_PATHS, `${vfPath}.fieldRef`));
      const resourceFieldRef = asObj(valueFrom.resourceFieldRef);
      if (resourceFieldRef) errs.push(...validateResourceFieldSelector(resourceFieldRef, false, `${vfPath}.resourceFieldRef`));
      for (const key of ["configMapKeyRef", "secretKeyRef"]) {
        const ref = asObj(valueFrom[key]);
        if (!ref) continue;
        // validateConfigMapKeySelector / validateSecretKeySelector: the name is checked as a name, so
        // an empty one is "Invalid", not "Required".
        const refPath = `${vfPath}.${key}`;
        const refName = asString(ref.name);
        for (const msg of isDNS1123Subdomain(refName)) errs.push(invalid(`${refPath}.name`, refName, msg));
        const k = asString(ref.key);
        if (!k) errs.push(required(`${refPath}.key`, ""));
        else for (const msg of isConfigMapKey(k)) errs.push(invalid(`${refPath}.key`, k, msg));
      }
      // validateEnvVarValueFrom: one source, and no `value` beside it.
      if (sources.length === 0) {
        errs.push(invalid(`${idxPath}.valueFrom`, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
      } else if (asString(ev.value) !== "") {
        errs.push(invalid(`${idxPath}.valueFrom`, "", "may not be specified when `value` is not empty"));
      } else if (sources.length > 1) {
        errs.push(invalid(`${idxPath}.valueFrom`, "", "may not have more than one field specified at a time"));
      }
    }
  });
  return errs;
}

function validateEnvFrom(envFrom: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  envFrom.forEach((ev, i) => {
    const idxPath = `${path}[${i}]`;
    const sources = ["configMapRef", "secretRef"].filter((k) => asObj(ev[k]));
    if (sources.length > 1) errs.push(invalid(idxPath, "", "may not have more than one field specified at a time"));
    for (const key of sources) {
      if (!asString(asObj(ev[key])?.name)) errs.push(required(`${idxPath}.${key}.name`, ""));
    }
  });
  return errs;
}

function validateVolumeMounts(mounts: Obj[], volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seenPaths = new Set<string>();
  mounts.forEach((m, i) => {
    const idxPath = `${path}[${i}]`;
    const name = asString(m.name);
    // Upstream reports an empty name both as Required and as NotFound.
    if (!name) errs.push(required(`${idxPath}.name`, ""));
    if (!volumes.has(name)) errs.push(notFound(`${idxPath}.name`, name));
    const mountPath = asString(m.mountPath);
    if (!mountPath) errs.push(required(`${idxPath}.mountPath`, ""));
    if (seenPaths.has(mountPath)) errs.push(invalid(`${idxPath}.mountPath`, mountPath, "must be unique"));
    seenPaths.add(mountPath);
    // validateLocalDescendingPath is given the list's path (".volumeMounts.subPath"), not the item's.
    const subPath = asString(m.subPath);
    if (subPath) {
      if (subPath.startsWith("/")) errs.push(invalid(`${path}.subPath`, subPath, "must be a relative path"));
      if (subPath.split("/").includes("..")) errs.push(invalid(`${path}.subPath`, subPath, "must not contain '..'"));
    }
  });
  return errs;
}

type ContainerKind = "containers" | "initContainers";

function validateContainer(
  c: Obj,
  idxPath: string,
  kind: ContainerKind,
  volumes: Set<string>,
  names: Set<string>,
  gracePeriod?: number,
): FieldError[] {
  const errs: FieldError[] = [];
  const name = asString(c.name);
  if (!name) errs.push(required(`${idxPath}.name`, ""));
  else for (const msg of isDNS1123Label(name)) errs.push(invalid(`${idxPath}.name`, name, msg));
  const image = asString(c.image);
  if (!image) errs.push(required(`${idxPath}.image`, ""));
  if (isSet(c.terminationMessagePolicy)) {
    errs.push(...validateEnum(c.terminationMessagePolicy, `${idxPath}.terminationMessagePolicy`, TERMINATION_MESSAGE_POLICIES));
  }
  // validateContainerPorts: names unique within the container, numbers in range, protocol enum.
  const portNames = new Set<string>();
  asList(c.ports).forEach((p, i) => {
    const pPath = `${idxPath}.ports[${i}]`;
    const portName = asString(p.name);
    if (portName) {
      const msgs = isValidPortName(portName);
      if (msgs.length) for (const msg of msgs) errs.push(invalid(`${pPath}.name`, portName, msg));
      else if (portNames.has(portName)) errs.push(duplicate(`${pPath}.name`, portName));
      else portNames.add(portName);
    }
    if (!p.containerPort) errs.push(required(`${pPath}.containerPort`, ""));
    else if (typeof p.containerPort === "number") {
      for (const msg of isValidPortNum(p.containerPort)) errs.push(invalid(`${pPath}.containerPort`, p.containerPort, msg));
    }
    if (typeof p.hostPort === "number" && p.hostPort !== 0) {
      for (const msg of isValidPortNum(p.hostPort)) errs.push(invalid(`${pPath}.hostPort`, p.hostPort, msg));
    }
    errs.push(...validateEnum(p.protocol, `${pPath}.protocol`, PORT_PROTOCOLS));
  });
  errs.push(...validateEnv(asList(c.env), `${idxPath}.env`));
  errs.push(...validateEnvFrom(asList(c.envFrom), `${idxPath}.envFrom`));
  errs.push(...validateVolumeMounts(asList(c.volumeMounts), volumes, `${idxPath}.volumeMounts`));
  errs.push(...validateEnum(c.imagePullPolicy, `${idxPath}.imagePullPolicy`, PULL_POLICIES));
  errs.push(...validateResources(asObj(c.resources), `${idxPath}.resources`));
  const securityContext = asObj(c.securityContext);
  if (securityContext) {
    for (const key of ["runAsUser", "runAsGroup"]) {
      const v = securityContext[key];
      if (typeof v === "number" && (v < 0 || v > 2147483647)) {
        errs.push(invalid(`${idxPath}.securityContext.${key}`, v, inclusiveRangeError(0, 2147483647)));
      }
    }
    if (securityContext.privileged === true && securityContext.allowPrivilegeEscalation === false) {
      errs.push(invalid(`${idxPath}.securityContext`, { goSyntax: "core.SecurityContext{...}" }, "cannot set `allowPrivilegeEscalation` to false and `privileged` to true"));
    }
  }
  // Names: regular containers must be unique among themselves; init containers also against the
  // regular ones (validateInitContainers seeds its set with them), and an empty name is not recorded.
  if (kind === "containers") {
    if (names.has(name)) errs.push(duplicate(`${idxPath}.name`, name));
    else names.add(name);
  } else {
    if (isSet(c.restartPolicy) && c.restartPolicy !== "Always") {
      errs.push(notSupported(`${idxPath}.restartPolicy`, c.restartPolicy, ["Always"]));
    }
    if (names.has(name)) errs.push(duplicate(`${idxPath}.name`, name));
    else if (name) names.add(name);
  }
  const isSidecar = kind === "initContainers" && c.restartPolicy === "Always";
  if (kind === "initContainers" && !isSidecar) {
    for (const key of ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"]) {
      if (isSet(c[key])) errs.push(forbidden(`${idxPath}.${key}`, "may not be set for init containers without restartPolicy=Always"));
    }
    return errs;
  }
  const lifecycle = asObj(c.lifecycle);
  if (lifecycle) {
    for (const hook of ["postStart", "preStop"]) {
      const h = asObj(lifecycle[hook]);
      if (h) errs.push(...validateHandler(h, `${idxPath}.lifecycle.${hook}`, ["exec", "httpGet", "tcpSocket", "sleep"], gracePeriod));
    }
  }
  const liveness = asObj(c.livenessProbe);
  const readiness = asObj(c.readinessProbe);
  const startup = asObj(c.startupProbe);
  errs.push(...validateProbe(liveness, `${idxPath}.livenessProbe`));
  if (liveness && typeof liveness.successThreshold === "number" && liveness.successThreshold !== 1) {
    errs.push(invalid(`${idxPath}.livenessProbe.successThreshold`, liveness.successThreshold, "must be 1"));
  }
  errs.push(...validateProbe(readiness, `${idxPath}.readinessProbe`));
  if (readiness && isSet(readiness.terminationGracePeriodSeconds)) {
    errs.push(invalid(`${idxPath}.readinessProbe.terminationGracePeriodSeconds`, readiness.terminationGracePeriodSeconds, "must not be set for readinessProbes"));
  }
  errs.push(...validateProbe(startup, `${idxPath}.startupProbe`));
  if (startup && typeof startup.successThreshold === "number" && startup.successThreshold !== 1) {
    errs.push(invalid(`${idxPath}.startupProbe.successThreshold`, startup.successThreshold, "must be 1"));
  }
  if (kind === "containers" && isSet(c.restartPolicy)) {
    errs.push(forbidden(`${idxPath}.restartPolicy`, "may not be set for non-init containers"));
  }
  return errs;
}

function validateVolumes(volumes: Obj[], path: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  volumes.forEach((v, i) => {
    const idxPath = `${path}[${i}]`;
    const name = asString(v.name);
    if (!name) errs.push(required(`${idxPath}.name`, ""));
    else {
      for (const msg of isDNS1123Label(name)) errs.push(invalid(`${idxPath}.name`, name, msg));
      if (names.has(name)) errs.push(duplicate(`${idxPath}.name`, name));
    }
    if (name) names.add(name);
    const sources = VOLUME_SOURCES.filter((s) => isSet(v[s]));
    if (sources.length === 0) errs.push(required(idxPath, "must specify a volume type"));
    for (const extra of sources.slice(1)) errs.push(forbidden(`${idxPath}.${extra}`, "may not specify more than 1 volume type"));
    const source = sources[0];
    const s = asObj(v[source]) ?? {};
    const sPath = `${idxPath}.${source}`;
    if (source === "hostPath" && !asString(s.path)) errs.push(required(`${sPath}.path`, ""));
    if (source === "secret" && !asString(s.secretName)) errs.push(required(`${sPath}.secretName`, ""));
    if (source === "configMap" && !asString(s.name)) errs.push(required(`${sPath}.name`, ""));
    if (source === "secret" || source === "configMap") {
      asList(s.items).forEach((item, j) => errs.push(...validateKeyToPath(item, `${sPath}.items[${j}]`)));
    }
    if (source === "persistentVolumeClaim" && !asString(s.claimName)) errs.push(required(`${sPath}.claimName`, ""));
    if (source === "nfs") {
      if (!asString(s.server)) errs.push(required(`${sPath}.server`, ""));
      if (!asString(s.path)) errs.push(required(`${sPath}.path`, ""));
    }
    if (source === "downwardAPI") {
      asList(s.items).forEach((item, j) => {
        const itemPath = `${sPath}.items[${j}]`;
        if (!asString(item.path)) errs.push(required(`${itemPath}.path`, ""));
        const fieldRef = asObj(item.fieldRef);
        const resourceFieldRef = asObj(item.resourceFieldRef);
        if (fieldRef && resourceFieldRef) {
          errs.push(invalid(itemPath, "resource", "fieldRef and resourceFieldRef can not be specified simultaneously"));
        } else if (fieldRef) errs.push(...validateObjectFieldSelector(fieldRef, VOLUME_FIELD_PATHS, `${itemPath}.fieldRef`));
        else if (resourceFieldRef) errs.push(...validateResourceFieldSelector(resourceFieldRef, true, `${itemPath}.resourceFieldRef`));
        else errs.push(required(itemPath, "one of fieldRef and resourceFieldRef is required"));
      });
    }
    if (source === "emptyDir" && s.medium !== undefined && !["", "Memory", "HugePages"].includes(asString(s.medium))) {
      errs.push(notSupported(`${sPath}.medium`, s.medium, ["", "HugePages", "Memory"]));
    }
    if (source === "projected") {
      asList(s.sources).forEach((p, j) => {
        const kinds = ["secret", "downwardAPI", "configMap", "serviceAccountToken", "clusterTrustBundle"].filter((k) => isSet(p[k]));
        if (kinds.length > 1) errs.push(forbidden(`${sPath}.sources[${j}]`, "may not specify more than 1 volume type per source"));
        for (const k of ["secret", "configMap"]) {
          asList(asObj(p[k])?.items).forEach((item, n) => errs.push(...validateKeyToPath(item, `${sPath}.sources[${j}].${k}.items[${n}]`)));
        }
      });
    }
    if (typeof s.defaultMode === "number" && (s.defaultMode < 0 || s.defaultMode > 0o777)) {
      errs.push(invalid(`${sPath}.defaultMode`, s.defaultMode, "must be a number between 0 and 0777 (octal), both inclusive"));
    }
  });
  return { errs, names };
}

/** validateKeyToPath: a configMap/secret `items` entry needs a key and a relative path without '..'. */
function validateKeyToPath(item: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const key = asString(item.key);
  const target = asString(item.path);
  if (!key) errs.push(required(`${path}.key`, ""));
  if (!target) errs.push(required(`${path}.path`, ""));
  // ValidateLocalNonReservedPath = validateLocalDescendingPath + the reserved "..data"-style prefix.
  if (target.startsWith("/")) errs.push(invalid(`${path}.path`, target, "must be a relative path"));
  if (target.split("/").includes("..")) errs.push(invalid(`${path}.path`, target, "must not contain '..'"));
  if (target.startsWith("..") && !target.startsWith("../")) errs.push(invalid(`${path}.path`, target, "must not start with '..'"));
  if (typeof item.mode === "number" && (item.mode < 0 || item.mode > 0o777)) {
    errs.push(invalid(`${path}.mode`, item.mode, "must be a number between 0 and 0777 (octal), both inclusive"));
  }
  return errs;
}

function validateTolerations(tolerations: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  tolerations.forEach((t, i) => {
    const idxPath = `${path}[${i}]`;
    const key = asString(t.key);
    if (key) for (const msg of isQualifiedName(key)) errs.push(invalid(`${idxPath}.key`, key, msg));
    const rawOperator = asString(t.operator);
    const operator = rawOperator || "Equal";
    if (!key && operator !== "Exists") {
      errs.push(invalid(`${idxPath}.operator`, rawOperator, "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
    }
    if (isSet(t.tolerationSeconds) && t.effect !== "NoExecute") {
      errs.push(invalid(`${idxPath}.effect`, asString(t.effect), "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (!TOLERATION_OPERATORS.includes(operator)) errs.push(notSupported(`${idxPath}.operator`, operator, TOLERATION_OPERATORS));
    else if (operator === "Exists" && asString(t.value) !== "") {
      errs.push(invalid(`${idxPath}.operator`, t.value, "value must be empty when `operator` is 'Exists'"));
    } else if (operator === "Equal") {
      const msgs = isValidLabelValue(asString(t.value));
      if (msgs.length) errs.push(invalid(`${idxPath}.operator`, asString(t.value), msgs.join(";")));
    }
    if (asString(t.effect)) errs.push(...validateEnum(t.effect, `${idxPath}.effect`, TAINT_EFFECTS, false));
  });
  return errs;
}

/** AccumulateUniqueHostPorts: "TCP//8080" may be claimed once. */
function checkHostPortConflicts(containers: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) =>
    asList(c.ports).forEach((p, pi) => {
      const hostPort = typeof p.hostPort === "number" ? p.hostPort : 0;
      if (hostPort === 0) return;
      const key = `${asString(p.protocol)}/${asString(p.hostIP)}/${hostPort}`;
      if (seen.has(key)) errs.push(duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key));
      else seen.add(key);
    }),
  );
  return errs;
}

/** ValidatePodSpec. `path` is "spec" for pods and "spec.template.spec" for templates. */
export function validatePodSpec(spec: Obj | undefined, path: string, isPod = false): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [];
  const { errs: volumeErrs, names: volumeNames } = validateVolumes(asList(s.volumes), `${path}.volumes`);
  errs.push(...volumeErrs);
  // validateContainers runs first; validateInitContainers then checks init names against the app
  // containers' names, reporting the duplicate on the init container.
  const containers = asList(s.containers);
  if (containers.length === 0) errs.push(required(`${path}.containers`, ""));
  const regularNames = new Set<string>();
  const gracePeriod = typeof s.terminationGracePeriodSeconds === "number" ? s.terminationGracePeriodSeconds : undefined;
  containers.forEach((c, i) =>
    errs.push(...validateContainer(c, `${path}.containers[${i}]`, "containers", volumeNames, regularNames, gracePeriod)),
  );
  errs.push(...checkHostPortConflicts(containers, `${path}.containers`));
  const allNames = new Set(containers.map((c) => asString(c.name)));
  asList(s.initContainers).forEach((c, i) => {
    errs.push(...validateContainer(c, `${path}.initContainers[${i}]`, "initContainers", volumeNames, allNames, gracePeriod));
    // Init containers run one at a time, so each is checked for host port conflicts on its own.
    errs.push(...checkHostPortConflicts([c], `${path}.initContainers`));
  });
  if (s.hostNetwork === true) {
    // validatePodHostNetworkDeps: in a pod the hostPort must equal the containerPort; in a template
    // 0 (defaulted later) is allowed too.
    containers.forEach((c, i) =>
      asList(c.ports).forEach((p, j) => {
        const hostPort = typeof p.hostPort === "number" ? p.hostPort : 0;
        if ((isPod || hostPort !== 0) && hostPort !== p.containerPort) {
          errs.push(invalid(`${path}.containers[${i}].ports[${j}].hostPort`, hostPort, "must match `containerPort` when `hostNetwork` is true"));
        }
      }),
    );
  }
  errs.push(...validateEnum(s.restartPolicy, `${path}.restartPolicy`, RESTART_POLICIES));
  errs.push(...validateEnum(s.dnsPolicy, `${path}.dnsPolicy`, DNS_POLICIES));
  errs.push(...validateLabels(s.nodeSelector, `${path}.nodeSelector`));
  const serviceAccountName = asString(s.serviceAccountName);
  if (serviceAccountName) {
    for (const msg of isDNS1123Subdomain(serviceAccountName)) errs.push(invalid(`${path}.serviceAccountName`, serviceAccountName, msg));
  }
  const nodeName = asString(s.nodeName);
  if (nodeName) for (const msg of isDNS1123Subdomain(nodeName)) errs.push(invalid(`${path}.nodeName`, nodeName, msg));
  if (typeof s.activeDeadlineSeconds === "number" && (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > 2147483647)) {
    errs.push(invalid(`${path}.activeDeadlineSeconds`, s.activeDeadlineSeconds, inclusiveRangeError(1, 2147483647)));
  }
  for (const key of ["hostname", "subdomain"]) {
    const v = asString(s[key]);
    if (v) for (const msg of isDNS1123Label(v)) errs.push(invalid(`${path}.${key}`, v, msg));
  }
  errs.push(...validateTolerations(asList(s.tolerations), `${path}.tolerations`));
  const securityContext = asObj(s.securityContext);
  if (securityContext) {
    for (const key of ["runAsUser", "runAsGroup", "fsGroup"]) {
      const v = securityContext[key];
      if (typeof v === "number" && (v < 0 || v > 2147483647)) {
        errs.push(invalid(`${path}.securityContext.${key}`, v, inclusiveRangeError(0, 2147483647)));
      }
    }
  }
  return errs;
}

/** ValidatePodTemplateSpec: template metadata labels/annotations plus the pod spec. */
export function validatePodTemplateSpec(template: Obj | undefined, path: string): FieldError[] {
  if (!template) return [required(path, "")];
  const meta = asObj(template.metadata) ?? {};
  const errs: FieldError[] = [];
  errs.push(...validateLabels(meta.labels, `${path}.metadata.labels`));
  errs.push(...validatePodSpec(asObj(template.spec), `${path}.spec`));
  return errs;
}

export function validatePod(pod: Obj): FieldError[] {
  const spec = asObj(pod.spec) ?? {};
  const errs = [...validateObjectMeta(asObj(pod.metadata), true, nameIsDNSSubdomain), ...validatePodSpec(spec, "spec", true)];
  // validateContainersOnlyForPod: pod templates may carry " " as a placeholder image, pods may not.
  for (const key of ["containers", "initContainers"]) {
    asList(spec[key]).forEach((c, i) => {
      const image = asString(c.image);
      if (image.trim() !== image) errs.push(invalid(`spec.${key}[${i}].image`, image, "must not have leading or trailing whitespace"));
    });
  }
  return errs;
}

const UPDATABLE_POD_SPEC_FIELDS = [
  "`spec.containers[*].image`",
  "`spec.initContainers[*].image`",
  "`spec.activeDeadlineSeconds`",
  "`spec.tolerations` (only additions to existing tolerations)",
  "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
];

/** ValidatePodUpdate's spec rule: only images, activeDeadlineSeconds and added tolerations change. */
export function validatePodSpecUpdate(newSpec: Obj | undefined, oldSpec: Obj | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const n = newSpec ?? {};
  const o = oldSpec ?? {};
  for (const key of ["containers", "initContainers"]) {
    asList(n[key]).forEach((c, i) => {
      if (!asString(c.image)) errs.push(required(`spec.${key}[${i}].image`, ""));
    });
  }
  // activeDeadlineSeconds may be set when unset, or lowered; never removed or raised.
  const newDeadline = n.activeDeadlineSeconds;
  const oldDeadline = o.activeDeadlineSeconds;
  if (typeof oldDeadline === "number") {
    if (typeof newDeadline !== "number") {
      errs.push(invalid("spec.activeDeadlineSeconds", null, "must not update from a positive integer to nil value"));
    } else if (newDeadline > oldDeadline) {
      errs.push(invalid("spec.activeDeadlineSeconds", newDeadline, "must be less than or equal to previous value"));
    }
  }
  // Compare with the updatable fields masked out, as upstream does with a munged copy.
  const mask = (spec: Obj, images: Obj): Obj => {
    const copy: Obj = { ...spec, activeDeadlineSeconds: undefined, tolerations: undefined };
    for (const key of ["containers", "initContainers"]) {
      const list = asList(spec[key]);
      const source = asList(images[key]);
      if (Array.isArray(spec[key])) copy[key] = list.map((c, i) => ({ ...c, image: asString(source[i]?.image ?? c.image) }));
    }
    return copy;
  };
  const oldTolerations = asList(o.tolerations);
  const newTolerations = asList(n.tolerations);
  const tolerationsOk = oldTolerations.every((t) => newTolerations.some((nt) => deepEqual(nt, t)));
  if (!deepEqual(mask(n, o), mask(o, o)) || !tolerationsOk) {
    errs.push(forbidden("spec", `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(",")}`));
  }
  return errs;
}

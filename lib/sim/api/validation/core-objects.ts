// Mirrors pkg/apis/core/validation/validation.go for the non-pod core kinds: ValidateService (+ update),
// ValidateConfigMap, ValidateSecret, ValidatePersistentVolume(Claim), ValidateNamespace, messages verbatim.
import { parseQuantity } from "../quantity";
import type { FieldError } from "../types";
import { duplicate, forbidden, goStringSlice, goValue, invalid, notSupported, required, tooLong } from "./field-errors";
import {
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  validateEnum,
  validateLabels,
  validateObjectMeta,
} from "./meta";
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from "./names";
import { asList, asObj, asString, deepEqual, isSet, type Obj } from "./util";

const SERVICE_TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const PORT_PROTOCOLS = ["SCTP", "TCP", "UDP"];
const ACCESS_MODES = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];
const MAX_CONFIG_SIZE = 1024 * 1024;

function validateServicePort(port: Obj, requireName: boolean, names: Set<string>, path: string, type: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = asString(port.name);
  if (requireName && !name) errs.push(required(`${path}.name`, ""));
  else if (name) {
    for (const msg of isDNS1123Label(name)) errs.push(invalid(`${path}.name`, name, msg));
    if (names.has(name)) errs.push(duplicate(`${path}.name`, name));
    names.add(name);
  }
  // A missing port is Go's zero value, reported as out of range.
  const portNumber = typeof port.port === "number" ? port.port : 0;
  for (const msg of isValidPortNum(portNumber)) errs.push(invalid(`${path}.port`, portNumber, msg));
  errs.push(...validateEnum(port.protocol, `${path}.protocol`, PORT_PROTOCOLS));
  const target = port.targetPort;
  if (typeof target === "number") for (const msg of isValidPortNum(target)) errs.push(invalid(`${path}.targetPort`, target, msg));
  else if (typeof target === "string") for (const msg of isValidPortName(target)) errs.push(invalid(`${path}.targetPort`, target, msg));
  if (isSet(port.nodePort) && port.nodePort !== 0) {
    if (type !== "NodePort" && type !== "LoadBalancer") {
      errs.push(forbidden(`${path}.nodePort`, `may not be used when \`type\` is '${type}'`));
    } else if (typeof port.nodePort === "number") {
      for (const msg of isValidPortNum(port.nodePort)) errs.push(invalid(`${path}.nodePort`, port.nodePort, msg));
    }
  }
  return errs;
}

export function validateService(svc: Obj): FieldError[] {
  const spec = asObj(svc.spec) ?? {};
  const errs = validateObjectMeta(asObj(svc.metadata), true, nameIsDNS1035Label);
  const type = asString(spec.type);
  if (!SERVICE_TYPES.includes(type)) errs.push(notSupported("spec.type", type, SERVICE_TYPES));
  const clusterIP = asString(spec.clusterIP);
  const headless = clusterIP === "None";
  const ports = asList(spec.ports);
  if (type === "ExternalName") {
    const externalName = asString(spec.externalName);
    if (!externalName) errs.push(required("spec.externalName", ""));
    else for (const msg of isDNS1123Subdomain(externalName.replace(/\.$/, ""))) errs.push(invalid("spec.externalName", externalName, msg));
    if (clusterIP && !headless) errs.push(forbidden("spec.clusterIPs", "may not be set for ExternalName services"));
  } else if (ports.length === 0 && !headless) {
    errs.push(required("spec.ports", ""));
  }
  if (type === "NodePort" || type === "LoadBalancer") {
    if (headless) errs.push(invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for LoadBalancer or NodePort services"));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`, type)));
  // Two ports may not share port+protocol.
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${String(p.port)}/${asString(p.protocol)}`;
    if (seen.has(key)) {
      errs.push(duplicate(`spec.ports[${i}]`, goValue(`core.ServicePort{Name:${JSON.stringify(asString(p.name))}, Protocol:${JSON.stringify(asString(p.protocol))}, AppProtocol:(*string)(nil), Port:${String(p.port)}, TargetPort:intstr.IntOrString{...}, NodePort:${String(p.nodePort ?? 0)}}`)));
    }
    seen.add(key);
  });
  errs.push(...validateLabels(spec.selector, "spec.selector"));
  errs.push(...validateEnum(spec.sessionAffinity, "spec.sessionAffinity", ["ClientIP", "None"]));
  if (isSet(spec.externalTrafficPolicy)) {
    if (type !== "NodePort" && type !== "LoadBalancer") {
      errs.push(invalid("spec.externalTrafficPolicy", spec.externalTrafficPolicy, "may only be set for externally-accessible services"));
    } else {
      errs.push(...validateEnum(spec.externalTrafficPolicy, "spec.externalTrafficPolicy", ["Cluster", "Local"]));
    }
  }
  if (isSet(spec.internalTrafficPolicy)) {
    errs.push(...validateEnum(spec.internalTrafficPolicy, "spec.internalTrafficPolicy", ["Cluster", "Local"]));
  }
  return errs;
}

/** ValidateServiceUpdate: ClusterIPs may not change once set; type changes reset nothing else here. */
export function validateServiceUpdate(newSvc: Obj, oldSvc: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const n = asObj(newSvc.spec) ?? {};
  const o = asObj(oldSvc.spec) ?? {};
  const oldIPs = Array.isArray(o.clusterIPs) ? o.clusterIPs : o.clusterIP ? [o.clusterIP] : [];
  const newIPs = Array.isArray(n.clusterIPs) ? n.clusterIPs : n.clusterIP ? [n.clusterIP] : [];
  const changingToExternalName = n.type === "ExternalName" && o.type !== "ExternalName";
  if (oldIPs.length > 0 && !changingToExternalName) {
    if (newIPs.length > 0 && newIPs[0] !== oldIPs[0]) {
      errs.push(invalid("spec.clusterIPs[0]", goValue(goStringSlice(newIPs)), "may not change once set"));
    }
  }
  return errs;
}

function validateDataKeys(data: Obj | undefined, path: string, other: Obj | undefined, otherName: string): FieldError[] {
  if (!data) return [];
  const errs: FieldError[] = [];
  for (const key of Object.keys(data).sort()) {
    for (const msg of isConfigMapKey(key)) errs.push(invalid(`${path}[${key}]`, key, msg));
    if (other && key in other) errs.push(invalid(`${path}[${key}]`, key, `duplicate of key present in ${otherName}`));
  }
  return errs;
}

function dataSize(data: Obj | undefined): number {
  if (!data) return 0;
  return Object.values(data).reduce<number>((sum, v) => sum + String(v ?? "").length, 0);
}

export function validateConfigMap(cm: Obj): FieldError[] {
  const errs = validateObjectMeta(asObj(cm.metadata), true, nameIsDNSSubdomain);
  const data = asObj(cm.data);
  const binary = asObj(cm.binaryData);
  errs.push(...validateDataKeys(data, "data", binary, "binaryData"));
  errs.push(...validateDataKeys(binary, "binaryData", data, "data"));
  if (dataSize(data) + dataSize(binary) > MAX_CONFIG_SIZE) errs.push(tooLong("", MAX_CONFIG_SIZE));
  return errs;
}

const SECRET_REQUIRED_KEYS: Record<string, string[]> = {
  "kubernetes.io/tls": ["tls.crt", "tls.key"],
  "kubernetes.io/dockerconfigjson": [".dockerconfigjson"],
  "kubernetes.io/dockercfg": [".dockercfg"],
  "kubernetes.io/ssh-auth": ["ssh-privatekey"],
};

export function validateSecret(secret: Obj): FieldError[] {
  const errs = validateObjectMeta(asObj(secret.metadata), true, nameIsDNSSubdomain);
  const data = asObj(secret.data);
  errs.push(...validateDataKeys(data, "data", undefined, ""));
  const stringData = asObj(secret.stringData);
  errs.push(...validateDataKeys(stringData, "stringData", undefined, ""));
  const type = asString(secret.type);
  const merged = { ...(data ?? {}), ...(stringData ?? {}) };
  for (const key of SECRET_REQUIRED_KEYS[type] ?? []) {
    if (!(key in merged)) errs.push(required(`data[${key}]`, ""));
  }
  if (type === "kubernetes.io/basic-auth" && !("username" in merged) && !("password" in merged)) {
    errs.push(required("data[username]", ""));
    errs.push(required("data[password]", ""));
  }
  if (type === "kubernetes.io/service-account-token") {
    const annotations = asObj(asObj(secret.metadata)?.annotations) ?? {};
    if (!asString(annotations["kubernetes.io/service-account.name"])) {
      errs.push(required("metadata.annotations[kubernetes.io/service-account.name]", ""));
    }
  }
  if (dataSize(data) > MAX_CONFIG_SIZE) errs.push(tooLong("data", MAX_CONFIG_SIZE));
  return errs;
}

function validateAccessModes(modes: unknown, path: string): FieldError[] {
  const list = Array.isArray(modes) ? modes.map(String) : [];
  if (list.length === 0) return [required(path, "at least 1 access mode is required")];
  const errs: FieldError[] = [];
  for (const mode of list) if (!ACCESS_MODES.includes(mode)) errs.push(notSupported(path, mode, ACCESS_MODES));
  if (list.includes("ReadWriteOncePod") && list.length > 1) {
    errs.push(forbidden(path, "may not use ReadWriteOncePod with other access modes"));
  }
  return errs;
}

function validateStorageQuantity(value: unknown, path: string): FieldError[] {
  if (!isSet(value)) return [required(path, "")];
  const q = parseQuantity(value as string);
  if (q.ok && q.quantity.nano <= 0n) return [invalid(path, String(value), "must be greater than zero")];
  return [];
}

export function validatePersistentVolumeClaim(pvc: Obj): FieldError[] {
  const spec = asObj(pvc.spec) ?? {};
  const errs = validateObjectMeta(asObj(pvc.metadata), true, nameIsDNSSubdomain);
  errs.push(...validateAccessModes(spec.accessModes, "spec.accessModes"));
  const requests = asObj(asObj(spec.resources)?.requests) ?? {};
  errs.push(...validateStorageQuantity(requests.storage, "spec.resources[storage]"));
  if (isSet(spec.volumeMode)) errs.push(...validateEnum(spec.volumeMode, "spec.volumeMode", ["Block", "Filesystem"]));
  errs.push(...validateSelectorLabels(asObj(spec.selector), "spec.selector"));
  return errs;
}

function validateSelectorLabels(selector: Obj | undefined, path: string): FieldError[] {
  return selector ? validateLabels(selector.matchLabels, `${path}.matchLabels`) : [];
}

const PV_SOURCES = [
  "gcePersistentDisk",
  "awsElasticBlockStore",
  "hostPath",
  "glusterfs",
  "nfs",
  "rbd",
  "iscsi",
  "cinder",
  "cephfs",
  "fc",
  "flocker",
  "flexVolume",
  "azureFile",
  "vsphereVolume",
  "quobyte",
  "azureDisk",
  "photonPersistentDisk",
  "portworxVolume",
  "scaleIO",
  "local",
  "storageos",
  "csi",
];

export function validatePersistentVolume(pv: Obj): FieldError[] {
  const spec = asObj(pv.spec) ?? {};
  const errs = validateObjectMeta(asObj(pv.metadata), false, nameIsDNSSubdomain);
  errs.push(...validateAccessModes(spec.accessModes, "spec.accessModes"));
  const capacity = asObj(spec.capacity);
  if (!capacity || Object.keys(capacity).length === 0) errs.push(required("spec.capacity", ""));
  else errs.push(...validateStorageQuantity(capacity.storage, "spec.capacity[storage]"));
  errs.push(...validateEnum(spec.persistentVolumeReclaimPolicy, "spec.persistentVolumeReclaimPolicy", ["Delete", "Recycle", "Retain"]));
  const sources = PV_SOURCES.filter((s) => isSet(spec[s]));
  if (sources.length === 0) errs.push(required("spec", "must specify a volume type"));
  for (const extra of sources.slice(1)) errs.push(forbidden(`spec.${extra}`, "may not specify more than 1 volume type"));
  const hostPath = asObj(spec.hostPath);
  if (hostPath && !asString(hostPath.path)) errs.push(required("spec.hostPath.path", ""));
  if (isSet(spec.volumeMode)) errs.push(...validateEnum(spec.volumeMode, "spec.volumeMode", ["Block", "Filesystem"]));
  return errs;
}

export function validatePersistentVolumeClaimUpdate(newPvc: Obj, oldPvc: Obj): FieldError[] {
  const n = { ...(asObj(newPvc.spec) ?? {}) };
  const o = { ...(asObj(oldPvc.spec) ?? {}) };
  // Only the storage request (expansion) and volumeAttributesClassName may change after creation.
  delete n.resources;
  delete o.resources;
  delete n.volumeAttributesClassName;
  delete o.volumeAttributesClassName;
  if (!o.volumeName) delete n.volumeName;
  if (deepEqual(n, o)) return [];
  return [
    forbidden(
      "spec",
      "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims",
    ),
  ];
}

export function validateNamespace(ns: Obj): FieldError[] {
  const errs = validateObjectMeta(asObj(ns.metadata), false, nameIsDNSLabel);
  const finalizers = Array.isArray(asObj(ns.spec)?.finalizers) ? (asObj(ns.spec)?.finalizers as unknown[]) : [];
  finalizers.forEach((f) => {
    const value = String(f);
    if (!value.includes("/") && value !== "kubernetes") {
      errs.push(invalid("spec.finalizers", value, "name is neither a standard finalizer name nor is it fully qualified"));
    }
  });
  return errs;
}

export function validateServiceAccount(sa: Obj): FieldError[] {
  return validateObjectMeta(asObj(sa.metadata), true, nameIsDNSSubdomain);
}

export function validateNode(node: Obj): FieldError[] {
  const errs = validateObjectMeta(asObj(node.metadata), false, nameIsDNSSubdomain);
  asList(asObj(node.spec)?.taints).forEach((t, i) => {
    const path = `spec.taints[${i}]`;
    if (!asString(t.key)) errs.push(required(`${path}.key`, ""));
    errs.push(...validateEnum(t.effect, `${path}.effect`, ["NoExecute", "NoSchedule", "PreferNoSchedule"]));
  });
  return errs;
}

export function validateEndpoints(ep: Obj): FieldError[] {
  const errs = validateObjectMeta(asObj(ep.metadata), true, nameIsDNSSubdomain);
  asList(ep.subsets).forEach((subset, i) => {
    asList(subset.ports).forEach((p, j) => {
      const path = `subsets[${i}].ports[${j}]`;
      if (typeof p.port === "number") for (const msg of isValidPortNum(p.port)) errs.push(invalid(`${path}.port`, p.port, msg));
      errs.push(...validateEnum(p.protocol, `${path}.protocol`, PORT_PROTOCOLS));
    });
  });
  return errs;
}

export function validateGenericNamespaced(object: Obj): FieldError[] {
  return validateObjectMeta(asObj(object.metadata), true, nameIsDNSSubdomain);
}

export function validateGenericClusterScoped(object: Obj): FieldError[] {
  return validateObjectMeta(asObj(object.metadata), false, nameIsDNSSubdomain);
}

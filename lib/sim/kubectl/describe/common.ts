// Mirrors the shared helpers of staging/src/k8s.io/kubectl/pkg/describe/describe.go (Kubernetes v1.32):
// printLabelsMultiline, printAnnotationsMultiline, printTolerationsMultiline, DescribeEvents, describeContainers,
// DescribeProbe, describeVolumes, DescribePodTemplate and the pod QoS class.
import type {
  Container,
  ContainerState,
  ContainerStatus,
  EnvVar,
  Event,
  Pod,
  PodTemplateSpec,
  Probe,
  Toleration,
  TopologySpreadConstraint,
  Volume,
} from "kubernetes-types/core/v1";
import { formatLabelSelector } from "../format/labels";
import type { KubeObject, ObjectReader } from "../format/kube-object";
import { formatAge, formatRfc1123z, parseTimestamp } from "../format/time";
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from "./writer";

const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration"]);

/** time.Time.Format(time.RFC1123Z); the zero time when unset. */
export function rfc1123z(timestamp: string | undefined | null): string {
  const ms = parseTimestamp(timestamp ?? undefined);
  return ms === undefined ? "Mon, 01 Jan 0001 00:00:00 +0000" : formatRfc1123z(ms);
}

export function printLabelsMultilineWithIndent(
  w: PrefixWriter,
  initialIndent: string,
  title: string,
  innerIndent: string,
  labels: Record<string, string> | undefined,
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined): void {
  printLabelsMultilineWithIndent(w, "", title, "\t", labels);
}

function shorten(s: string, maxLength: number): string {
  return s.length > maxLength ? `${s.slice(0, maxLength)}...` : s;
}

export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const indent = "\t";
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key].replace(/\n$/, "");
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split("\n")) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else w.write(LEVEL_0, `${key}: ${value}\n`);
  });
}

export function printTolerationsMultilineWithIndent(
  w: PrefixWriter,
  initialIndent: string,
  title: string,
  innerIndent: string,
  tolerations: Toleration[] | undefined,
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const list = [...(tolerations ?? [])];
  if (list.length === 0) {
    w.writeLine("<none>");
    return;
  }
  list.sort((a, b) => ((a.key ?? "") < (b.key ?? "") ? -1 : (a.key ?? "") > (b.key ?? "") ? 1 : 0));
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    let text = t.key ?? "";
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    // An empty key with operator Exists tolerates everything.
    if (t.operator === "Exists" && !t.value) text += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${text}\n`);
  });
}

/** event.SortableEvents' key: the series' last observation, else lastTimestamp, else eventTime. */
function eventTime(e: Event): number {
  if (e.series?.lastObservedTime) return parseTimestamp(e.series.lastObservedTime) ?? 0;
  if (e.lastTimestamp) return parseTimestamp(e.lastTimestamp) ?? 0;
  return parseTimestamp(e.eventTime) ?? 0;
}

/** Events about an object, as describe finds them (involvedObject name, namespace, uid and, if given, kind). */
export function searchEvents(reader: ObjectReader, object: KubeObject, kind?: string): Event[] {
  const namespace = object.metadata?.namespace;
  const uid = object.metadata?.uid;
  return (reader.list("events", namespace || undefined) as unknown as Event[]).filter((e) => {
    const ref = e.involvedObject ?? {};
    if (ref.name !== object.metadata?.name) return false;
    if (namespace && ref.namespace && ref.namespace !== namespace) return false;
    if (uid && ref.uid && ref.uid !== uid) return false;
    if (kind && ref.kind !== kind) return false;
    return true;
  });
}

export function describeEvents(events: Event[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, "Events:\t<none>\n");
    return;
  }
  w.flush();
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => eventTime(a.e) - eventTime(b.e) || a.i - b.i)
    .map((x) => x.e);
  w.write(LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(LEVEL_1, "----\t------\t----\t----\t-------\n");
  for (const e of sorted) {
    const first = e.eventTime ? formatAge(e.eventTime, now) : formatAge(e.firstTimestamp, now);
    let interval: string;
    if (e.series) interval = `${formatAge(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${formatAge(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingComponent || "";
    w.write(LEVEL_1, `${e.type ?? ""}\t${e.reason ?? ""}\t${interval}\t${source}\t${(e.message ?? "").trim()}\n`);
  }
}

function printBool(b: boolean | undefined): string {
  return b ? "True" : "False";
}

function intOrString(v: number | string | undefined): string {
  return v === undefined || v === null ? "" : String(v);
}

function joinHostPort(host: string, port: string): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/** DescribeProbe */
export function describeProbe(probe: Probe): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 1}s period=${probe.periodSeconds ?? 10}s #success=${probe.successThreshold ?? 1} #failure=${probe.failureThreshold ?? 3}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(" ")}] ${attrs}`;
  if (probe.httpGet) {
    const h = probe.httpGet;
    const scheme = (h.scheme ?? "HTTP").toLowerCase();
    const port = intOrString(h.port);
    const host = port.length > 0 ? joinHostPort(h.host ?? "", port) : (h.host ?? "");
    let path = h.path ?? "";
    if (path && !path.startsWith("/")) path = `/${path}`;
    return `http-get ${scheme}://${host}${path} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ""}:${intOrString(probe.tcpSocket.port)} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ""} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeStatus(stateName: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
}

/** fieldpath.ExtractFieldPathAsString for the downward API fields describe resolves. */
function resolveFieldRef(pod: Pod | undefined, fieldPath: string): string {
  if (!pod) return "";
  const m = pod.metadata ?? {};
  const mapKey = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
  if (mapKey) return (mapKey[1] === "labels" ? m.labels : m.annotations)?.[mapKey[2]] ?? "";
  switch (fieldPath) {
    case "metadata.name":
      return m.name ?? "";
    case "metadata.namespace":
      return m.namespace ?? "";
    case "metadata.uid":
      return m.uid ?? "";
    case "spec.nodeName":
      return pod.spec?.nodeName ?? "";
    case "spec.serviceAccountName":
      return pod.spec?.serviceAccountName ?? "";
    case "status.hostIP":
      return pod.status?.hostIP ?? "";
    case "status.podIP":
      return pod.status?.podIP ?? "";
    case "status.podIPs":
      return (pod.status?.podIPs ?? []).map((p) => p.ip).join(",");
  }
  return "";
}

function describeEnvVar(e: EnvVar, container: Container, pod: Pod | undefined, w: PrefixWriter): void {
  const from = e.valueFrom;
  if (!from) {
    (e.value ?? "").split("\n").forEach((s, i) => {
      if (i === 0) w.write(LEVEL_3, `${e.name}:\t${s}\n`);
      else w.write(LEVEL_3, `\t${s}\n`);
    });
    return;
  }
  if (from.fieldRef) {
    w.write(LEVEL_3, `${e.name}:\t${resolveFieldRef(pod, from.fieldRef.fieldPath)} (${from.fieldRef.apiVersion ?? "v1"}:${from.fieldRef.fieldPath})\n`);
  } else if (from.resourceFieldRef) {
    const resource = from.resourceFieldRef.resource;
    const [section, name] = resource.split(".");
    const bucket = section === "limits" ? container.resources?.limits : container.resources?.requests;
    let value = bucket?.[name] !== undefined ? String(bucket[name]) : "0";
    if (value === "0" && (resource === "limits.cpu" || resource === "limits.memory")) value = "node allocatable";
    w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
  } else if (from.secretKeyRef) {
    w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name ?? ""}'>\tOptional: ${from.secretKeyRef.optional === true}\n`);
  } else if (from.configMapKeyRef) {
    w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name ?? ""}'>\tOptional: ${from.configMapKeyRef.optional === true}\n`);
  }
}

/** describeContainers: statuses undefined for pod templates; `pod` resolves downward-API env values. */
export function describeContainers(
  label: string,
  containers: Container[],
  statuses: ContainerStatus[] | undefined,
  pod: Pod | undefined,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map<string, ContainerStatus>();
  for (const s of statuses ?? []) byName.set(s.name, s);
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? " <none>" : ""}\n`);
  for (const c of containers) {
    const status = byName.get(c.name);
    const nameIndent = space.length > 0 ? " " : "";
    w.write(LEVEL_1, `${nameIndent}${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ""}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ""}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ""}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? "TCP"}`).join(", ");
    if (ports.includes(",")) w.write(LEVEL_2, `Ports:\t${ports}\n`);
    else w.write(LEVEL_2, `Port:\t${ports || "<none>"}\n`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? "TCP"}`).join(", ");
    if (hostPorts.includes(",")) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`);
    else w.write(LEVEL_2, `Host Port:\t${hostPorts || "<none>"}\n`);
    if (c.restartPolicy) w.write(LEVEL_2, `Restart Policy:\t${c.restartPolicy}\n`);
    if (c.command && c.command.length > 0) {
      w.write(LEVEL_2, "Command:\n");
      for (const part of c.command) for (const s of part.split("\n")) w.write(LEVEL_3, `${s}\n`);
    }
    if (c.args && c.args.length > 0) {
      w.write(LEVEL_2, "Args:\n");
      for (const part of c.args) for (const s of part.split("\n")) w.write(LEVEL_3, `${s}\n`);
    }
    if (status) {
      describeStatus("State", status.state, w);
      if (status.lastState?.terminated) describeStatus("Last State", status.lastState, w);
      w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
    }
    const limits = c.resources?.limits ?? {};
    const requests = c.resources?.requests ?? {};
    if (Object.keys(limits).length > 0) w.write(LEVEL_2, "Limits:\n");
    for (const name of Object.keys(limits).sort()) w.write(LEVEL_3, `${name}:\t${String(limits[name])}\n`);
    if (Object.keys(requests).length > 0) w.write(LEVEL_2, "Requests:\n");
    for (const name of Object.keys(requests).sort()) w.write(LEVEL_3, `${name}:\t${String(requests[name])}\n`);
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    if (c.envFrom && c.envFrom.length > 0) {
      w.write(LEVEL_2, "Environment Variables from:\n");
      for (const e of c.envFrom) {
        let from = "";
        let name = "";
        let optional = false;
        if (e.configMapRef) {
          from = "ConfigMap";
          name = e.configMapRef.name ?? "";
          optional = e.configMapRef.optional === true;
        } else if (e.secretRef) {
          from = "Secret";
          name = e.secretRef.name ?? "";
          optional = e.secretRef.optional === true;
        }
        if (!e.prefix) w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`);
        else w.write(LEVEL_3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
      }
    }
    const env = c.env ?? [];
    w.write(LEVEL_2, `Environment:${env.length === 0 ? "\t<none>" : ""}\n`);
    for (const e of env) describeEnvVar(e, c, pod, w);
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
    w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? "\t<none>" : ""}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? "ro" : "rw"];
      if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
      w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(",")})\n`);
    }
    if (c.volumeDevices && c.volumeDevices.length > 0) {
      w.write(LEVEL_2, "Devices:\n");
      for (const d of c.volumeDevices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
    }
  }
}

/** %v of a *bool: "<nil>" when unset. */
function ptrBool(b: boolean | undefined): string {
  return b === undefined || b === null ? "<nil>" : String(b);
}

export function describeVolumes(volumes: Volume[] | undefined, w: PrefixWriter, space: string): void {
  const list = volumes ?? [];
  if (list.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of list) {
    const nameIndent = space.length > 0 ? " " : "";
    w.write(LEVEL_1, `${nameIndent}${v.name}:\n`);
    if (v.hostPath) {
      w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type || "<none>"}\n`);
    } else if (v.emptyDir) {
      const size = v.emptyDir.sizeLimit !== undefined && v.emptyDir.sizeLimit !== null && String(v.emptyDir.sizeLimit) !== "0" ? String(v.emptyDir.sizeLimit) : "<unset>";
      w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ""}\n    SizeLimit:\t${size}\n`);
    } else if (v.secret) {
      w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ""}\n    Optional:\t${v.secret.optional === true}\n`);
    } else if (v.configMap) {
      w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ""}\n    Optional:\t${v.configMap.optional === true}\n`);
    } else if (v.persistentVolumeClaim) {
      w.write(
        LEVEL_2,
        `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`,
      );
    } else if (v.projected) {
      w.write(LEVEL_2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
      for (const source of v.projected.sources ?? []) {
        if (source.secret) w.write(LEVEL_2, `SecretName:\t${source.secret.name ?? ""}\n    SecretOptionalName:\t${ptrBool(source.secret.optional)}\n`);
        else if (source.downwardAPI) w.write(LEVEL_2, "DownwardAPI:\ttrue\n");
        else if (source.configMap) w.write(LEVEL_2, `ConfigMapName:\t${source.configMap.name ?? ""}\n    ConfigMapOptional:\t${ptrBool(source.configMap.optional)}\n`);
        else if (source.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 3600}\n`);
      }
    } else if (v.downwardAPI) {
      w.write(LEVEL_2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
      for (const item of v.downwardAPI.items ?? []) {
        if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
        if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
      }
    } else w.write(LEVEL_1, "<unknown>\n");
  }
}

export function describeTopologySpreadConstraints(constraints: TopologySpreadConstraint[] | undefined, w: PrefixWriter, space: string): void {
  const list = [...(constraints ?? [])];
  if (list.length === 0) return;
  list.sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  list.forEach((c, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    let text = `${c.topologyKey}:${c.whenUnsatisfiable} when max skew ${c.maxSkew} is exceeded`;
    if (c.labelSelector) text += ` for selector ${formatLabelSelector(c.labelSelector)}`;
    w.write(LEVEL_0, `${text}\n`);
  });
}

/** DescribePodTemplate (deployments, replicasets, statefulsets, daemonsets, jobs, cronjobs). */
export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, "Pod Template:\n");
  if (!template) {
    w.write(LEVEL_1, "<unset>");
    return;
  }
  printLabelsMultiline(w, "  Labels", template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, "  Annotations", template.metadata?.annotations);
  const spec = template.spec ?? { containers: [] };
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers("Init Containers", spec.initContainers!, undefined, undefined, w, "  ");
  describeContainers("Containers", spec.containers ?? [], undefined, undefined, w, "  ");
  describeVolumes(spec.volumes, w, "  ");
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, "  ");
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, "  Node-Selectors", spec.nodeSelector);
  printTolerationsMultilineWithIndent(w, "", "  Tolerations", "\t", spec.tolerations);
}

/** Parses a CPU or memory quantity into a comparable number (cores or bytes). */
export function quantityValue(q: string | number | undefined): number {
  if (q === undefined || q === null) return 0;
  if (typeof q === "number") return q;
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?\d+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(q.trim());
  if (!m) return 0;
  const n = Number(m[1]);
  const mult: Record<string, number> = {
    m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
    Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
  };
  return n * (m[2] ? mult[m[2]] : 1);
}

/** qos.GetPodQOS: status.qosClass when set, else computed from the containers' requests and limits. */
export function podQosClass(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  const supported = ["cpu", "memory"];
  let anySet = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = c.resources?.requests ?? {};
    const limits = c.resources?.limits ?? {};
    for (const r of supported) {
      if ((requests[r] !== undefined && quantityValue(requests[r]) !== 0) || (limits[r] !== undefined && quantityValue(limits[r]) !== 0)) anySet = true;
    }
    for (const r of supported) {
      if (limits[r] === undefined) {
        guaranteed = false;
        continue;
      }
      // Requests default to limits.
      if (requests[r] !== undefined && quantityValue(requests[r]) !== quantityValue(limits[r])) guaranteed = false;
    }
  }
  if (!anySet) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}

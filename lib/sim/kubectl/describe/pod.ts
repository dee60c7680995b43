// Mirrors describePod in staging/src/k8s.io/kubectl/pkg/describe/describe.go (Kubernetes v1.32).
import type { Pod } from "kubernetes-types/core/v1";
import type { KubeObject, ObjectReader } from "../format/kube-object";
import { formatAge } from "../format/time";
import {
  describeContainers,
  describeEvents,
  describeTopologySpreadConstraints,
  describeVolumes,
  podQosClass,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultilineWithIndent,
  rfc1123z,
  searchEvents,
} from "./common";
import { LEVEL_0, LEVEL_1, PrefixWriter } from "./writer";

export type DescribeOptions = { now: number; showEvents?: boolean };

/** "ReplicaSet/web-7c5ddbdf54" for the object's controller, "" when it has none. */
export function printController(meta: { ownerReferences?: { controller?: boolean; kind: string; name: string }[] } | undefined): string {
  const ref = (meta?.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : "";
}

export function describePod(pod: Pod, reader: ObjectReader, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  const meta = pod.metadata ?? {};
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  w.write(LEVEL_0, `Name:\t${meta.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ""}\n`);
  if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  if (!spec.nodeName) w.write(LEVEL_0, "Node:\t<none>\n");
  else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${status.hostIP ?? ""}\n`);
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabelsMultiline(w, "Labels", meta.labels);
  printAnnotationsMultiline(w, "Annotations", meta.annotations);
  if (meta.deletionTimestamp && status.phase !== "Failed" && status.phase !== "Succeeded") {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${formatAge(meta.deletionTimestamp, opts.now)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
  } else w.write(LEVEL_0, `Status:\t${status.phase ?? ""}\n`);
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  const seccomp = spec.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === "Localhost" && seccomp.localhostProfile) w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile}\n`);
  }
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ""}\n`);
  const podIPs = status.podIPs ?? (status.podIP ? [{ ip: status.podIP }] : []);
  if (podIPs.length === 0) w.write(LEVEL_0, "IPs:\t<none>\n");
  else {
    w.write(LEVEL_0, "IPs:\n");
    for (const ip of podIPs) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  }
  const controlledBy = printController(meta);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers("Init Containers", spec.initContainers!, status.initContainerStatuses, pod, w, "");
  describeContainers("Containers", spec.containers ?? [], status.containerStatuses, pod, w, "");
  if ((spec.readinessGates ?? []).length > 0) {
    w.write(LEVEL_0, "Readiness Gates:\n  Type\tStatus\n");
    for (const g of spec.readinessGates!) {
      const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
      w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : "<none>"} \n`);
    }
  }
  if ((status.conditions ?? []).length > 0) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
    for (const c of status.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(spec.volumes, w, "");
  w.write(LEVEL_0, `QoS Class:\t${podQosClass(pod)}\n`);
  printLabelsMultiline(w, "Node-Selectors", spec.nodeSelector);
  printTolerationsMultilineWithIndent(w, "", "Tolerations", "\t", spec.tolerations);
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, "");
  if (opts.showEvents !== false) describeEvents(searchEvents(reader, pod as unknown as KubeObject), w, opts.now);
  return w.toString();
}

// Mirrors the core/v1 describers of staging/src/k8s.io/kubectl/pkg/describe/describe.go (Kubernetes v1.32):
// services, namespaces, configmaps, secrets, service accounts, endpoints, PVCs, PVs, nodes and events.
import type {
  ConfigMap,
  Endpoints,
  LimitRange,
  Namespace,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  ResourceQuota,
  Secret,
  Service,
  ServiceAccount,
} from "kubernetes-types/core/v1";
import type { KubeObject, ObjectReader } from "../format/kube-object";
import { formatLabels } from "../format/labels";
import { formatAge } from "../format/time";
import { accessModesAsString, formatEndpoints } from "../printers/resources";
import {
  describeEvents,
  printAnnotationsMultiline,
  printLabelsMultiline,
  quantityValue,
  rfc1123z,
  searchEvents,
} from "./common";
import type { DescribeOptions } from "./pod";
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter } from "./writer";

const asObject = (o: unknown) => o as KubeObject;

function events(reader: ObjectReader, o: KubeObject, kind: string, w: PrefixWriter, opts: DescribeOptions): void {
  if (opts.showEvents !== false) describeEvents(searchEvents(reader, o, kind), w, opts.now);
}

export function describeService(svc: Service, reader: ObjectReader, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  const spec = svc.spec ?? {};
  const ns = svc.metadata?.namespace;
  w.write(LEVEL_0, `Name:\t${svc.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${ns ?? ""}\n`);
  printLabelsMultiline(w, "Labels", svc.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", svc.metadata?.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? "ClusterIP"}\n`);
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? spec.ipFamilies!.join(",") : "<none>"}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ""}\n`);
  w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? spec.clusterIPs!.join(",") : "<none>"}\n`);
  if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs!.join(",")}\n`);
  if (spec.loadBalancerIP) w.write(LEVEL_0, `IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) {
    w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? i.ip : (i.hostname ?? ""))).join(", ")}\n`);
  }
  const endpoints = reader.get("endpoints", ns, svc.metadata?.name ?? "") as Endpoints | undefined;
  for (const sp of spec.ports ?? []) {
    const name = sp.name || "<unset>";
    const protocol = sp.protocol ?? "TCP";
    w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${protocol}\n`);
    const target = sp.targetPort ?? sp.port;
    w.write(LEVEL_0, `TargetPort:\t${target}/${protocol}\n`);
    if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${protocol}\n`);
    w.write(LEVEL_0, `Endpoints:\t${endpoints ? formatEndpoints(endpoints, new Set([sp.name ?? ""])) : "<none>"}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? "None"}\n`);
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if ((spec.loadBalancerSourceRanges ?? []).length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges!.join(",")}\n`);
  if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  events(reader, asObject(svc), "Service", w, opts);
  return w.toString();
}

export function describeNamespace(ns: Namespace, reader: ObjectReader): string {
  const w = new PrefixWriter();
  const name = ns.metadata?.name ?? "";
  w.write(LEVEL_0, `Name:\t${name}\n`);
  printLabelsMultiline(w, "Labels", ns.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", ns.metadata?.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ""}\n`);
  const quotas = (reader.list("resourcequotas", name) as unknown as ResourceQuota[]).sort((a, b) =>
    (a.metadata?.name ?? "") < (b.metadata?.name ?? "") ? -1 : 1,
  );
  w.write(LEVEL_0, "\n");
  if (quotas.length === 0) w.write(LEVEL_0, "No resource quota.\n");
  else {
    w.write(LEVEL_0, "Resource Quotas\n");
    for (const q of quotas) {
      w.write(LEVEL_1, `Name:\t${q.metadata?.name ?? ""}\n`);
      const scopes = [...(q.spec?.scopes ?? [])].sort();
      if (scopes.length > 0) w.write(LEVEL_1, `Scopes:\t${scopes.join(", ")}\n`);
      w.write(LEVEL_1, "Resource\tUsed\tHard\n");
      w.write(LEVEL_1, "--------\t---\t---\n");
      const hard = q.status?.hard ?? {};
      const used = q.status?.used ?? {};
      for (const r of Object.keys(hard).sort()) w.write(LEVEL_1, `${r}\t${used[r] !== undefined ? String(used[r]) : "0"}\t${String(hard[r])}\n`);
    }
  }
  const limitRanges = reader.list("limitranges", name) as unknown as LimitRange[];
  w.write(LEVEL_0, "\n");
  if (limitRanges.length === 0) w.write(LEVEL_0, "No LimitRange resource.\n");
  else {
    w.write(LEVEL_0, "Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n");
    w.write(LEVEL_0, " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n");
    for (const lr of limitRanges) {
      for (const item of lr.spec?.limits ?? []) {
        const keys = new Set([
          ...Object.keys(item.max ?? {}),
          ...Object.keys(item.min ?? {}),
          ...Object.keys(item.default ?? {}),
          ...Object.keys(item.defaultRequest ?? {}),
          ...Object.keys(item.maxLimitRequestRatio ?? {}),
        ]);
        const v = (m: Record<string, unknown> | undefined, k: string) => (m && m[k] !== undefined ? String(m[k]) : "-");
        for (const k of [...keys].sort()) {
          w.write(LEVEL_0, ` ${item.type}\t${k}\t${v(item.min, k)}\t${v(item.max, k)}\t${v(item.defaultRequest, k)}\t${v(item.default, k)}\t${v(item.maxLimitRequestRatio, k)}\n`);
        }
      }
    }
  }
  return w.toString();
}

export function describeConfigMap(cm: ConfigMap, reader: ObjectReader, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${cm.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${cm.metadata?.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", cm.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", cm.metadata?.annotations);
  w.write(LEVEL_0, "\nData\n====\n");
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(LEVEL_0, `${k}:\n----\n`);
    w.write(LEVEL_0, `${cm.data![k]}\n`);
    w.write(LEVEL_0, "\n");
  }
  w.write(LEVEL_0, "\nBinaryData\n====\n");
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(LEVEL_0, `${k}: ${base64DecodedLength(cm.binaryData![k])} bytes\n`);
  w.write(LEVEL_0, "\n");
  events(reader, asObject(cm), "ConfigMap", w, opts);
  return w.toString();
}

function base64DecodedLength(b64: string): number {
  const clean = b64.replace(/[^A-Za-z0-9+/=]/g, "");
  const padding = clean.endsWith("==") ? 2 : clean.endsWith("=") ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

function base64Decode(b64: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let bits = 0;
  let value = 0;
  let out = "";
  for (const ch of b64.replace(/=+$/, "")) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) continue;
    value = (value << 6) | idx;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return out;
}

export function describeSecret(secret: Secret): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${secret.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${secret.metadata?.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", secret.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", secret.metadata?.annotations);
  w.write(LEVEL_0, `\nType:\t${secret.type ?? "Opaque"}\n`);
  w.write(LEVEL_0, "\nData\n====\n");
  for (const k of Object.keys(secret.data ?? {}).sort()) {
    if (k === "token" && secret.type === "kubernetes.io/service-account-token") w.write(LEVEL_0, `${k}:\t${base64Decode(secret.data![k])}\n`);
    else w.write(LEVEL_0, `${k}:\t${base64DecodedLength(secret.data![k])} bytes\n`);
  }
  return w.toString();
}

export function describeServiceAccount(sa: ServiceAccount, reader: ObjectReader, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  const ns = sa.metadata?.namespace;
  w.write(LEVEL_0, `Name:\t${sa.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${ns ?? ""}\n`);
  printLabelsMultiline(w, "Labels", sa.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", sa.metadata?.annotations);
  const tokens = (reader.list("secrets", ns) as unknown as Secret[])
    .filter((s) => s.type === "kubernetes.io/service-account-token" && s.metadata?.annotations?.["kubernetes.io/service-account.name"] === sa.metadata?.name)
    .map((s) => s.metadata?.name ?? "");
  const exists = (name: string) => reader.get("secrets", ns, name) !== undefined;
  const sections: [string, string[], boolean][] = [
    ["Image pull secrets:", (sa.imagePullSecrets ?? []).map((s) => s.name ?? ""), true],
    ["Mountable secrets: ", (sa.secrets ?? []).map((s) => s.name ?? ""), true],
    ["Tokens:            ", tokens, false],
  ];
  for (const [header, names, check] of sections) {
    if (names.length === 0) {
      w.write(LEVEL_0, `${header}\t<none>\n`);
      continue;
    }
    let prefix = header;
    for (const name of names) {
      w.write(LEVEL_0, `${prefix}\t${name}${check && !exists(name) ? " (not found)" : ""}\n`);
      prefix = "                   ";
    }
  }
  events(reader, asObject(sa), "ServiceAccount", w, opts);
  return w.toString();
}

export function describeEndpoints(ep: Endpoints, reader: ObjectReader, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ep.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${ep.metadata?.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", ep.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", ep.metadata?.annotations);
  w.write(LEVEL_0, "Subsets:\n");
  for (const subset of ep.subsets ?? []) {
    w.write(LEVEL_1, `Addresses:\t${(subset.addresses ?? []).map((a) => a.ip).join(",") || "<none>"}\n`);
    w.write(LEVEL_1, `NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a) => a.ip).join(",") || "<none>"}\n`);
    if ((subset.ports ?? []).length > 0) {
      w.write(LEVEL_1, "Ports:\n");
      w.write(LEVEL_2, "Name\tPort\tProtocol\n");
      w.write(LEVEL_2, "----\t----\t--------\n");
      for (const p of subset.ports!) w.write(LEVEL_2, `${p.name || "<unset>"}\t${p.port}\t${p.protocol ?? "TCP"}\n`);
    }
    w.write(LEVEL_0, "\n");
  }
  events(reader, asObject(ep), "Endpoints", w, opts);
  return w.toString();
}

export function describePersistentVolumeClaim(pvc: PersistentVolumeClaim, reader: ObjectReader, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  const ns = pvc.metadata?.namespace;
  w.write(LEVEL_0, `Name:\t${pvc.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${ns ?? ""}\n`);
  w.write(LEVEL_0, `StorageClass:\t${pvc.spec?.storageClassName ?? pvc.metadata?.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? ""}\n`);
  if (pvc.metadata?.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${formatAge(pvc.metadata.deletionTimestamp, opts.now)})\n`);
  else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ""}\n`);
  w.write(LEVEL_0, `Volume:\t${pvc.spec?.volumeName ?? ""}\n`);
  printLabelsMultiline(w, "Labels", pvc.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", pvc.metadata?.annotations);
  w.write(LEVEL_0, `Finalizers:\t[${(pvc.metadata?.finalizers ?? []).join(" ")}]\n`);
  const bound = !!pvc.spec?.volumeName;
  w.write(LEVEL_0, `Capacity:\t${bound && pvc.status?.capacity?.storage !== undefined ? String(pvc.status.capacity.storage) : ""}\n`);
  w.write(LEVEL_0, `Access Modes:\t${bound ? accessModesAsString(pvc.status?.accessModes) : ""}\n`);
  if (pvc.spec?.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
  const users = (reader.list("pods", ns) as unknown as Pod[])
    .filter((p) => (p.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata?.name))
    .map((p) => p.metadata?.name ?? "")
    .sort();
  w.write(LEVEL_0, "Used By:\t");
  if (users.length === 0) w.writeLine("<none>");
  else
    users.forEach((name, i) => {
      if (i !== 0) w.write(LEVEL_0, "\t");
      w.write(LEVEL_0, `${name}\n`);
    });
  events(reader, asObject(pvc), "PersistentVolumeClaim", w, opts);
  return w.toString();
}

export function describePersistentVolume(pv: PersistentVolume, reader: ObjectReader, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  const spec = pv.spec ?? {};
  w.write(LEVEL_0, `Name:\t${pv.metadata?.name ?? ""}\n`);
  printLabelsMultiline(w, "Labels", pv.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", pv.metadata?.annotations);
  w.write(LEVEL_0, `Finalizers:\t[${(pv.metadata?.finalizers ?? []).join(" ")}]\n`);
  w.write(LEVEL_0, `StorageClass:\t${spec.storageClassName ?? ""}\n`);
  if (pv.metadata?.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${formatAge(pv.metadata.deletionTimestamp, opts.now)})\n`);
  else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ""}\n`);
  w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ""}/${spec.claimRef.name ?? ""}` : ""}\n`);
  w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ""}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModesAsString(spec.accessModes)}\n`);
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  w.write(LEVEL_0, `Capacity:\t${spec.capacity?.storage !== undefined ? String(spec.capacity.storage) : "0"}\n`);
  w.write(LEVEL_0, "Node Affinity:\t");
  if (!spec.nodeAffinity) w.writeLine("<none>");
  else w.writeLine("");
  w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ""}\n`);
  w.write(LEVEL_0, "Source:\n");
  if (spec.hostPath) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path}\n    HostPathType:\t${spec.hostPath.type || "<none>"}\n`);
  } else if (spec.local) {
    w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`);
  } else if (spec.nfs) {
    w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${spec.nfs.server}\n    Path:\t${spec.nfs.path}\n    ReadOnly:\t${spec.nfs.readOnly === true}\n`);
  }
  events(reader, asObject(pv), "PersistentVolume", w, opts);
  return w.toString();
}

// ---- nodes -------------------------------------------------------------------------------------------------

/** A resource.Quantity sum, printed the way Quantity.String canonicalizes it (suffix of the first operand). */
function formatQuantity(value: number, like: string | undefined, cpu: boolean): string {
  if (value === 0) return "0";
  if (cpu) {
    const milli = Math.round(value * 1000);
    return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
  }
  const binary = like === undefined || /i$/.test(like);
  const bytes = Math.round(value);
  if (binary) {
    const suffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
    let i = 0;
    let n = bytes;
    while (n % 1024 === 0 && i < suffixes.length - 1) {
      n /= 1024;
      i++;
    }
    return `${n}${suffixes[i]}`;
  }
  const suffixes = ["", "k", "M", "G", "T", "P", "E"];
  let i = 0;
  let n = bytes;
  while (n % 1000 === 0 && i < suffixes.length - 1) {
    n /= 1000;
    i++;
  }
  return `${n}${suffixes[i]}`;
}

type Totals = Record<string, { value: number; like?: string }>;

/** resourcehelper.PodRequestsAndLimits: containers summed, then max with each init container. */
function podRequestsAndLimits(pod: Pod): { requests: Totals; limits: Totals } {
  const sum = (which: "requests" | "limits") => {
    const totals: Totals = {};
    for (const c of pod.spec?.containers ?? []) {
      for (const [k, v] of Object.entries(c.resources?.[which] ?? {})) {
        const t = (totals[k] ??= { value: 0, like: String(v) });
        t.value += quantityValue(v as string);
      }
    }
    for (const c of pod.spec?.initContainers ?? []) {
      for (const [k, v] of Object.entries(c.resources?.[which] ?? {})) {
        const q = quantityValue(v as string);
        const t = (totals[k] ??= { value: 0, like: String(v) });
        if (q > t.value) t.value = q;
      }
    }
    return totals;
  };
  return { requests: sum("requests"), limits: sum("limits") };
}

function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith("node-role.kubernetes.io/")) {
      const role = k.slice("node-role.kubernetes.io/".length);
      if (role) roles.add(role);
    } else if (k === "kubernetes.io/role" && v) roles.add(v);
  }
  return [...roles].sort();
}

export function describeNode(node: Node, reader: ObjectReader, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  const name = node.metadata?.name ?? "";
  w.write(LEVEL_0, `Name:\t${name}\n`);
  const roles = findNodeRoles(node);
  w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(",") : "<none>"}\n`);
  printLabelsMultiline(w, "Labels", node.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", node.metadata?.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata?.creationTimestamp)}\n`);
  const taints = [...(node.spec?.taints ?? [])].sort((a, b) => {
    const ka = `${a.effect},${a.key}`;
    const kb = `${b.effect},${b.key}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  w.write(LEVEL_0, "Taints:\t");
  if (taints.length === 0) w.writeLine("<none>");
  taints.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    w.write(LEVEL_0, `${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}\n`);
  });
  w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
  const conditions = node.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
    w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
    for (const c of conditions) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`);
    }
  }
  w.write(LEVEL_0, "Addresses:\n");
  for (const a of node.status?.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  const printResourceList = (list: Record<string, unknown>) => {
    for (const r of Object.keys(list).sort()) w.write(LEVEL_0, `  ${r}:\t${String(list[r])}\n`);
  };
  if (Object.keys(node.status?.capacity ?? {}).length > 0) {
    w.write(LEVEL_0, "Capacity:\n");
    printResourceList(node.status!.capacity!);
  }
  if (Object.keys(node.status?.allocatable ?? {}).length > 0) {
    w.write(LEVEL_0, "Allocatable:\n");
    printResourceList(node.status!.allocatable!);
  }
  const info = node.status?.nodeInfo;
  w.write(LEVEL_0, "System Info:\n");
  w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ""}\n`);
  w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ""}\n`);
  w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ""}\n`);
  w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ""}\n`);
  w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ""}\n`);
  w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ""}\n`);
  w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ""}\n`);
  w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ""}\n`);
  w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ""}\n`);
  w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ""}\n`);
  if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if ((node.spec?.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${node.spec!.podCIDRs!.join(",")}\n`);
  if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);

  // describeNodeResource: non-terminated pods bound to the node and their share of allocatable.
  const pods = (reader.list("pods") as unknown as Pod[])
    .filter((p) => p.spec?.nodeName === name && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed")
    .sort((a, b) => {
      const ka = `${a.metadata?.namespace}/${a.metadata?.name}`;
      const kb = `${b.metadata?.namespace}/${b.metadata?.name}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  const allocatable = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status!.allocatable! : (node.status?.capacity ?? {});
  const allocCpu = quantityValue(allocatable.cpu as string | undefined);
  const allocMem = quantityValue(allocatable.memory as string | undefined);
  const allocEph = quantityValue(allocatable["ephemeral-storage"] as string | undefined);
  const pct = (v: number, total: number) => (total === 0 ? 0 : Math.trunc((v / total) * 100));
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(LEVEL_1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const total: { requests: Totals; limits: Totals } = { requests: {}, limits: {} };
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    for (const [which, src] of [["requests", requests], ["limits", limits]] as const) {
      for (const [k, v] of Object.entries(src)) {
        const t = (total[which][k] ??= { value: 0, like: v.like });
        t.value += v.value;
      }
    }
    const cell = (t: Totals, k: string, cpu: boolean, alloc: number) => {
      const v = t[k]?.value ?? 0;
      return `${formatQuantity(v, t[k]?.like, cpu)} (${pct(v, alloc)}%)`;
    };
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ""}\t${pod.metadata?.name ?? ""}\t\t${cell(requests, "cpu", true, allocCpu)}\t${cell(limits, "cpu", true, allocCpu)}\t${cell(requests, "memory", false, allocMem)}\t${cell(limits, "memory", false, allocMem)}\t${formatAge(pod.metadata?.creationTimestamp, opts.now)}\n`,
    );
  }
  w.write(LEVEL_0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
  w.write(LEVEL_1, "--------\t--------\t------\n");
  const row = (resource: string, cpu: boolean, alloc: number) => {
    const r = total.requests[resource];
    const l = total.limits[resource];
    w.write(
      LEVEL_1,
      `${resource}\t${formatQuantity(r?.value ?? 0, r?.like, cpu)} (${pct(r?.value ?? 0, alloc)}%)\t${formatQuantity(l?.value ?? 0, l?.like, cpu)} (${pct(l?.value ?? 0, alloc)}%)\n`,
    );
  };
  row("cpu", true, allocCpu);
  row("memory", false, allocMem);
  row("ephemeral-storage", false, allocEph);
  for (const r of Object.keys(allocatable).filter((k) => k.startsWith("hugepages-")).sort()) row(r, false, quantityValue(allocatable[r] as string));
  events(reader, asObject(node), "Node", w, opts);
  return w.toString();
}

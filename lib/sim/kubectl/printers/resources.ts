// Mirrors the column definitions and print functions of pkg/printers/internalversion/printers.go
// (Kubernetes v1.32). Rows are generated wide, as the API server does; the table printer drops
// priority-1 columns unless -o wide.
import type { Deployment, DaemonSet, ReplicaSet, StatefulSet, ControllerRevision } from "kubernetes-types/apps/v1";
import type { CronJob, Job, JobCondition } from "kubernetes-types/batch/v1";
import type {
  ConfigMap,
  Container,
  Endpoints,
  Event,
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
import type { EndpointSlice } from "kubernetes-types/discovery/v1";
import type { Ingress, NetworkPolicy } from "kubernetes-types/networking/v1";
import type { HorizontalPodAutoscaler } from "kubernetes-types/autoscaling/v2";
import type { RoleBinding } from "kubernetes-types/rbac/v1";
import type { KubeObject } from "../format/kube-object";
import { formatLabels, formatLabelSelector, labelSelectorString } from "../format/labels";
import { formatAge, formatTimestamp, humanDuration, parseTimestamp } from "../format/time";
import { podRowCells } from "./pod-status";

export type Column = { name: string; priority?: 1 };
export type Cell = string | number;

export type ResourcePrinter = {
  resource: string; // plural, as in `kubectl get pods`
  kind: string;
  group: string; // "" for the core group
  columns: Column[];
  row(object: KubeObject, now: number): Cell[];
};

const age = (o: KubeObject, now: number) => formatAge(o.metadata?.creationTimestamp, now);

/** layoutContainerCells: container names and images, comma-joined. */
function layoutContainerCells(containers: Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(","), list.map((c) => c.image ?? "").join(",")];
}

/** listWithMoreString / formatEndpoints' "a,b,c + 2 more..." */
function withMore(list: string[], more: boolean, count: number, max: number, empty: string): string {
  const ret = list.join(",");
  if (more) return `${ret} + ${count - max} more...`;
  return ret === "" ? empty : ret;
}

/** net.JoinHostPort: IPv6 addresses are bracketed. */
function joinHostPort(host: string, port: number | string): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

export function formatEndpoints(endpoints: Endpoints, portNames?: Set<string>): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return "<none>";
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if (!ss.ports || ss.ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports) {
      if (portNames === undefined || portNames.has(port.name ?? "")) {
        count += addresses.length;
        for (const a of addresses) {
          if (list.length === max) {
            more = true;
            break;
          }
          list.push(joinHostPort(a.ip, port.port));
        }
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - max} more...` : ret;
}

function makePortString(service: Service): string {
  return (service.spec?.ports ?? [])
    .map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? "TCP"}` : `${p.port}/${p.protocol ?? "TCP"}`))
    .join(",");
}

const LOAD_BALANCER_WIDTH = 16;

function loadBalancerStatusStringer(ingress: { ip?: string; hostname?: string }[] | undefined, wide: boolean): string {
  const result = (ingress ?? []).flatMap((i) => [i.ip, i.hostname].filter((v): v is string => !!v)).join(",");
  if (!wide && result.length > LOAD_BALANCER_WIDTH) return `${result.slice(0, LOAD_BALANCER_WIDTH - 3)}...`;
  return result;
}

function serviceExternalIp(svc: Service, wide: boolean): string {
  const spec = svc.spec ?? {};
  const externalIPs = spec.externalIPs ?? [];
  switch (spec.type ?? "ClusterIP") {
    case "ClusterIP":
    case "NodePort":
      return externalIPs.length > 0 ? externalIPs.join(",") : "<none>";
    case "LoadBalancer": {
      const lbIps = loadBalancerStatusStringer(svc.status?.loadBalancer?.ingress, wide);
      if (externalIPs.length > 0) return [...(lbIps ? lbIps.split(",") : []), ...externalIPs].join(",");
      return lbIps.length > 0 ? lbIps : "<pending>";
    }
    case "ExternalName":
      return spec.externalName ?? "";
  }
  return "<unknown>";
}

const ACCESS_MODE_ORDER: [string, string][] = [
  ["ReadWriteOnce", "RWO"],
  ["ReadOnlyMany", "ROX"],
  ["ReadWriteMany", "RWX"],
  ["ReadWriteOncePod", "RWOP"],
];

/** helper.GetAccessModesAsString */
export function accessModesAsString(modes: string[] | undefined): string {
  const set = new Set(modes ?? []);
  return ACCESS_MODE_ORDER.filter(([m]) => set.has(m))
    .map(([, short]) => short)
    .join(",");
}

function hasJobCondition(conditions: JobCondition[] | undefined, type: string): boolean {
  return (conditions ?? []).some((c) => c.type === type && c.status === "True");
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

function nodeAddress(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? "<none>";
}

function groupKindOf(apiVersion: string | undefined, kind: string): string {
  const group = apiVersion && apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
}

const CONTAINERS: Column = { name: "Containers", priority: 1 };
const IMAGES: Column = { name: "Images", priority: 1 };
const SELECTOR: Column = { name: "Selector", priority: 1 };

function quantity(q: unknown): string {
  return q === undefined || q === null ? "0" : String(q);
}

const printers: ResourcePrinter[] = [
  {
    resource: "pods",
    kind: "Pod",
    group: "",
    columns: [
      { name: "Name" },
      { name: "Ready" },
      { name: "Status" },
      { name: "Restarts" },
      { name: "Age" },
      { name: "IP", priority: 1 },
      { name: "Node", priority: 1 },
      { name: "Nominated Node", priority: 1 },
      { name: "Readiness Gates", priority: 1 },
    ],
    row(o, now) {
      const c = podRowCells(o as Pod, now);
      return [o.metadata?.name ?? "", c.ready, c.status, c.restarts, age(o, now), c.ip, c.node, c.nominatedNode, c.readinessGates];
    },
  },
  {
    resource: "deployments",
    kind: "Deployment",
    group: "apps",
    columns: [{ name: "Name" }, { name: "Ready" }, { name: "Up-to-date" }, { name: "Available" }, { name: "Age" }, CONTAINERS, IMAGES, SELECTOR],
    row(o, now) {
      const d = o as Deployment;
      const [names, images] = layoutContainerCells(d.spec?.template?.spec?.containers);
      return [
        o.metadata?.name ?? "",
        `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
        d.status?.updatedReplicas ?? 0,
        d.status?.availableReplicas ?? 0,
        age(o, now),
        names,
        images,
        labelSelectorString(d.spec?.selector),
      ];
    },
  },
  {
    resource: "replicasets",
    kind: "ReplicaSet",
    group: "apps",
    columns: [{ name: "Name" }, { name: "Desired" }, { name: "Current" }, { name: "Ready" }, { name: "Age" }, CONTAINERS, IMAGES, SELECTOR],
    row(o, now) {
      const r = o as ReplicaSet;
      const [names, images] = layoutContainerCells(r.spec?.template?.spec?.containers);
      return [
        o.metadata?.name ?? "",
        r.spec?.replicas ?? 1,
        r.status?.replicas ?? 0,
        r.status?.readyReplicas ?? 0,
        age(o, now),
        names,
        images,
        labelSelectorString(r.spec?.selector),
      ];
    },
  },
  {
    resource: "statefulsets",
    kind: "StatefulSet",
    group: "apps",
    columns: [{ name: "Name" }, { name: "Ready" }, { name: "Age" }, CONTAINERS, IMAGES],
    row(o, now) {
      const s = o as StatefulSet;
      const [names, images] = layoutContainerCells(s.spec?.template?.spec?.containers);
      return [o.metadata?.name ?? "", `${s.status?.readyReplicas ?? 0}/${s.spec?.replicas ?? 1}`, age(o, now), names, images];
    },
  },
  {
    resource: "daemonsets",
    kind: "DaemonSet",
    group: "apps",
    columns: [
      { name: "Name" },
      { name: "Desired" },
      { name: "Current" },
      { name: "Ready" },
      { name: "Up-to-date" },
      { name: "Available" },
      { name: "Node Selector" },
      { name: "Age" },
      CONTAINERS,
      IMAGES,
      SELECTOR,
    ],
    row(o, now) {
      const d = o as DaemonSet;
      const st = d.status;
      const [names, images] = layoutContainerCells(d.spec?.template?.spec?.containers);
      return [
        o.metadata?.name ?? "",
        st?.desiredNumberScheduled ?? 0,
        st?.currentNumberScheduled ?? 0,
        st?.numberReady ?? 0,
        st?.updatedNumberScheduled ?? 0,
        st?.numberAvailable ?? 0,
        formatLabels(d.spec?.template?.spec?.nodeSelector),
        age(o, now),
        names,
        images,
        labelSelectorString(d.spec?.selector),
      ];
    },
  },
  {
    resource: "jobs",
    kind: "Job",
    group: "batch",
    columns: [{ name: "Name" }, { name: "Status" }, { name: "Completions" }, { name: "Duration" }, { name: "Age" }, CONTAINERS, IMAGES, SELECTOR],
    row(o, now) {
      const j = o as Job;
      const conditions = j.status?.conditions;
      let status: string;
      if (hasJobCondition(conditions, "Complete")) status = "Complete";
      else if (hasJobCondition(conditions, "Failed")) status = "Failed";
      else if (o.metadata?.deletionTimestamp) status = "Terminating";
      else if (hasJobCondition(conditions, "FailureTarget")) status = "FailureTarget";
      else if (hasJobCondition(conditions, "Suspended")) status = "Suspended";
      else if (hasJobCondition(conditions, "SuccessCriteriaMet")) status = "SuccessCriteriaMet";
      else status = "Running";
      const succeeded = j.status?.succeeded ?? 0;
      let completions: string;
      if (j.spec?.completions !== undefined && j.spec?.completions !== null) completions = `${succeeded}/${j.spec.completions}`;
      else {
        const parallelism = j.spec?.parallelism ?? 0;
        completions = parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
      }
      const start = parseTimestamp(j.status?.startTime);
      const end = parseTimestamp(j.status?.completionTime);
      let duration = "";
      if (start !== undefined) duration = humanDuration((end ?? now) - start);
      const [names, images] = layoutContainerCells(j.spec?.template?.spec?.containers);
      return [o.metadata?.name ?? "", status, completions, duration, age(o, now), names, images, formatLabelSelector(j.spec?.selector)];
    },
  },
  {
    resource: "cronjobs",
    kind: "CronJob",
    group: "batch",
    columns: [
      { name: "Name" },
      { name: "Schedule" },
      { name: "Timezone" },
      { name: "Suspend" },
      { name: "Active" },
      { name: "Last Schedule" },
      { name: "Age" },
      CONTAINERS,
      IMAGES,
      SELECTOR,
    ],
    row(o, now) {
      const c = o as CronJob;
      const last = c.status?.lastScheduleTime ? formatAge(c.status.lastScheduleTime, now) : "<none>";
      const suspend = c.spec?.suspend === undefined || c.spec?.suspend === null ? "<unset>" : c.spec.suspend ? "True" : "False";
      const [names, images] = layoutContainerCells(c.spec?.jobTemplate?.spec?.template?.spec?.containers);
      return [
        o.metadata?.name ?? "",
        c.spec?.schedule ?? "",
        c.spec?.timeZone ?? "<none>",
        suspend,
        (c.status?.active ?? []).length,
        last,
        age(o, now),
        names,
        images,
        formatLabelSelector(c.spec?.jobTemplate?.spec?.selector),
      ];
    },
  },
  {
    resource: "services",
    kind: "Service",
    group: "",
    columns: [{ name: "Name" }, { name: "Type" }, { name: "Cluster-IP" }, { name: "External-IP" }, { name: "Port(s)" }, { name: "Age" }, SELECTOR],
    row(o, now) {
      const s = o as Service;
      const clusterIPs = s.spec?.clusterIPs ?? (s.spec?.clusterIP ? [s.spec.clusterIP] : []);
      const ports = makePortString(s);
      return [
        o.metadata?.name ?? "",
        s.spec?.type ?? "ClusterIP",
        clusterIPs[0] ?? "<none>",
        serviceExternalIp(s, false),
        ports.length === 0 ? "<none>" : ports,
        age(o, now),
        formatLabels(s.spec?.selector),
      ];
    },
  },
  {
    resource: "endpoints",
    kind: "Endpoints",
    group: "",
    columns: [{ name: "Name" }, { name: "Endpoints" }, { name: "Age" }],
    row: (o, now) => [o.metadata?.name ?? "", formatEndpoints(o as Endpoints), age(o, now)],
  },
  {
    resource: "endpointslices",
    kind: "EndpointSlice",
    group: "discovery.k8s.io",
    columns: [{ name: "Name" }, { name: "AddressType" }, { name: "Ports" }, { name: "Endpoints" }, { name: "Age" }],
    row(o, now) {
      const e = o as unknown as EndpointSlice;
      const max = 3;
      const ports: string[] = [];
      let morePorts = false;
      let portCount = 0;
      for (const p of e.ports ?? []) {
        if (ports.length < max) ports.push(p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? "*"));
        else if (ports.length === max) morePorts = true;
        portCount++;
      }
      const addrs: string[] = [];
      let moreAddrs = false;
      let addrCount = 0;
      for (const ep of e.endpoints ?? []) {
        for (const a of ep.addresses ?? []) {
          if (addrs.length < max) addrs.push(a);
          else if (addrs.length === max) moreAddrs = true;
          addrCount++;
        }
      }
      return [
        o.metadata?.name ?? "",
        e.addressType ?? "",
        withMore(ports, morePorts, portCount, max, "<unset>"),
        withMore(addrs, moreAddrs, addrCount, max, "<unset>"),
        age(o, now),
      ];
    },
  },
  {
    resource: "configmaps",
    kind: "ConfigMap",
    group: "",
    columns: [{ name: "Name" }, { name: "Data" }, { name: "Age" }],
    row(o, now) {
      const c = o as ConfigMap;
      return [o.metadata?.name ?? "", Object.keys(c.data ?? {}).length + Object.keys(c.binaryData ?? {}).length, age(o, now)];
    },
  },
  {
    resource: "secrets",
    kind: "Secret",
    group: "",
    columns: [{ name: "Name" }, { name: "Type" }, { name: "Data" }, { name: "Age" }],
    row(o, now) {
      const s = o as Secret;
      const keys = new Set([...Object.keys(s.data ?? {}), ...Object.keys(s.stringData ?? {})]);
      return [o.metadata?.name ?? "", s.type ?? "Opaque", keys.size, age(o, now)];
    },
  },
  {
    resource: "namespaces",
    kind: "Namespace",
    group: "",
    columns: [{ name: "Name" }, { name: "Status" }, { name: "Age" }],
    row: (o, now) => [o.metadata?.name ?? "", (o as Namespace).status?.phase ?? "", age(o, now)],
  },
  {
    resource: "nodes",
    kind: "Node",
    group: "",
    columns: [
      { name: "Name" },
      { name: "Status" },
      { name: "Roles" },
      { name: "Age" },
      { name: "Version" },
      { name: "Internal-IP", priority: 1 },
      { name: "External-IP", priority: 1 },
      { name: "OS-Image", priority: 1 },
      { name: "Kernel-Version", priority: 1 },
      { name: "Container-Runtime", priority: 1 },
    ],
    row(o, now) {
      const n = o as Node;
      const status: string[] = [];
      const ready = (n.status?.conditions ?? []).filter((c) => c.type === "Ready").pop();
      if (ready) status.push(ready.status === "True" ? "Ready" : "NotReady");
      if (status.length === 0) status.push("Unknown");
      if (n.spec?.unschedulable) status.push("SchedulingDisabled");
      const roles = findNodeRoles(n).join(",");
      const info = n.status?.nodeInfo;
      return [
        o.metadata?.name ?? "",
        status.join(","),
        roles || "<none>",
        age(o, now),
        info?.kubeletVersion ?? "",
        nodeAddress(n, "InternalIP"),
        nodeAddress(n, "ExternalIP"),
        info?.osImage || "<unknown>",
        info?.kernelVersion || "<unknown>",
        info?.containerRuntimeVersion || "<unknown>",
      ];
    },
  },
  {
    resource: "persistentvolumes",
    kind: "PersistentVolume",
    group: "",
    columns: [
      { name: "Name" },
      { name: "Capacity" },
      { name: "Access Modes" },
      { name: "Reclaim Policy" },
      { name: "Status" },
      { name: "Claim" },
      { name: "StorageClass" },
      { name: "VolumeAttributesClass" },
      { name: "Reason" },
      { name: "Age" },
      { name: "VolumeMode", priority: 1 },
    ],
    row(o, now) {
      const pv = o as PersistentVolume;
      const claim = pv.spec?.claimRef ? `${pv.spec.claimRef.namespace ?? ""}/${pv.spec.claimRef.name ?? ""}` : "";
      const phase = o.metadata?.deletionTimestamp ? "Terminating" : (pv.status?.phase ?? "");
      const storageClass =
        pv.spec?.storageClassName ?? o.metadata?.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? "";
      return [
        o.metadata?.name ?? "",
        quantity(pv.spec?.capacity?.storage),
        accessModesAsString(pv.spec?.accessModes),
        pv.spec?.persistentVolumeReclaimPolicy ?? "",
        phase,
        claim,
        storageClass,
        pv.spec?.volumeAttributesClassName ?? "<unset>",
        pv.status?.reason ?? "",
        age(o, now),
        pv.spec?.volumeMode ?? "<unset>",
      ];
    },
  },
  {
    resource: "persistentvolumeclaims",
    kind: "PersistentVolumeClaim",
    group: "",
    columns: [
      { name: "Name" },
      { name: "Status" },
      { name: "Volume" },
      { name: "Capacity" },
      { name: "Access Modes" },
      { name: "StorageClass" },
      { name: "VolumeAttributesClass" },
      { name: "Age" },
      { name: "VolumeMode", priority: 1 },
    ],
    row(o, now) {
      const pvc = o as PersistentVolumeClaim;
      const phase = o.metadata?.deletionTimestamp ? "Terminating" : (pvc.status?.phase ?? "");
      const bound = !!pvc.spec?.volumeName;
      const storageClass =
        pvc.spec?.storageClassName ?? o.metadata?.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? "";
      return [
        o.metadata?.name ?? "",
        phase,
        pvc.spec?.volumeName ?? "",
        bound ? quantity(pvc.status?.capacity?.storage) : "",
        bound ? accessModesAsString(pvc.status?.accessModes) : "",
        storageClass,
        pvc.spec?.volumeAttributesClassName ?? "<unset>",
        age(o, now),
        pvc.spec?.volumeMode ?? "<unset>",
      ];
    },
  },
  {
    resource: "serviceaccounts",
    kind: "ServiceAccount",
    group: "",
    columns: [{ name: "Name" }, { name: "Secrets" }, { name: "Age" }],
    row: (o, now) => [o.metadata?.name ?? "", ((o as ServiceAccount).secrets ?? []).length, age(o, now)],
  },
  {
    resource: "events",
    kind: "Event",
    group: "",
    columns: [
      { name: "Last Seen" },
      { name: "Type" },
      { name: "Reason" },
      { name: "Object" },
      { name: "Subobject", priority: 1 },
      { name: "Source", priority: 1 },
      { name: "Message" },
      { name: "First Seen", priority: 1 },
      { name: "Count", priority: 1 },
      { name: "Name", priority: 1 },
    ],
    row(o, now) {
      const e = o as unknown as Event;
      const firstTimestamp = e.firstTimestamp ? formatAge(e.firstTimestamp, now) : formatAge(e.eventTime, now);
      let lastTimestamp = e.lastTimestamp ? formatAge(e.lastTimestamp, now) : firstTimestamp;
      let count = e.count ?? 0;
      if (e.series) {
        lastTimestamp = formatAge(e.series.lastObservedTime, now);
        count = e.series.count ?? 0;
      } else if (count === 0) count = 1;
      const involved = e.involvedObject ?? {};
      const target = involved.name ? `${(involved.kind ?? "").toLowerCase()}/${involved.name}` : (involved.kind ?? "").toLowerCase();
      return [
        lastTimestamp,
        e.type ?? "",
        e.reason ?? "",
        target,
        involved.fieldPath ?? "",
        formatEventSource(e),
        (e.message ?? "").trim(),
        firstTimestamp,
        count,
        o.metadata?.name ?? "",
      ];
    },
  },
  {
    resource: "controllerrevisions",
    kind: "ControllerRevision",
    group: "apps",
    columns: [{ name: "Name" }, { name: "Controller" }, { name: "Revision" }, { name: "Age" }],
    row(o, now) {
      const r = o as unknown as ControllerRevision;
      const ref = (o.metadata?.ownerReferences ?? []).find((x) => x.controller);
      const controller = ref ? `${groupKindOf(ref.apiVersion, ref.kind)}/${ref.name}` : "<none>";
      return [o.metadata?.name ?? "", controller, r.revision ?? 0, age(o, now)];
    },
  },
  {
    resource: "ingresses",
    kind: "Ingress",
    group: "networking.k8s.io",
    columns: [{ name: "Name" }, { name: "Class" }, { name: "Hosts" }, { name: "Address" }, { name: "Ports" }, { name: "Age" }],
    row(o, now) {
      const ing = o as Ingress;
      const rules = ing.spec?.rules ?? [];
      const list: string[] = [];
      const max = 3;
      let more = false;
      for (const rule of rules) {
        if (list.length === max) more = true;
        if (!more && rule.host) list.push(rule.host);
      }
      let hosts = list.length === 0 ? "*" : list.join(",");
      if (list.length > 0 && more) hosts = `${hosts} + ${rules.length - max} more...`;
      const address = loadBalancerStatusStringer(ing.status?.loadBalancer?.ingress, false);
      return [
        o.metadata?.name ?? "",
        ing.spec?.ingressClassName ?? "<none>",
        hosts,
        address,
        (ing.spec?.tls ?? []).length !== 0 ? "80, 443" : "80",
        age(o, now),
      ];
    },
  },
  {
    resource: "networkpolicies",
    kind: "NetworkPolicy",
    group: "networking.k8s.io",
    columns: [{ name: "Name" }, { name: "Pod-Selector" }, { name: "Age" }],
    row: (o, now) => [o.metadata?.name ?? "", formatLabelSelector((o as NetworkPolicy).spec?.podSelector ?? {}), age(o, now)],
  },
  {
    resource: "horizontalpodautoscalers",
    kind: "HorizontalPodAutoscaler",
    group: "autoscaling",
    columns: [
      { name: "Name" },
      { name: "Reference" },
      { name: "Targets" },
      { name: "MinPods" },
      { name: "MaxPods" },
      { name: "Replicas" },
      { name: "Age" },
    ],
    row(o, now) {
      const h = o as HorizontalPodAutoscaler;
      const ref = h.spec?.scaleTargetRef;
      return [
        o.metadata?.name ?? "",
        `${ref?.kind ?? ""}/${ref?.name ?? ""}`,
        formatHpaMetrics(h),
        h.spec?.minReplicas !== undefined && h.spec?.minReplicas !== null ? String(h.spec.minReplicas) : "<unset>",
        h.spec?.maxReplicas ?? 0,
        h.status?.currentReplicas ?? 0,
        age(o, now),
      ];
    },
  },
  {
    resource: "resourcequotas",
    kind: "ResourceQuota",
    group: "",
    columns: [{ name: "Name" }, { name: "Age" }, { name: "Request" }, { name: "Limit" }],
    row(o, now) {
      const q = o as ResourceQuota;
      const hard = q.status?.hard ?? {};
      const used = q.status?.used ?? {};
      const requests: string[] = [];
      const limits: string[] = [];
      for (const resource of Object.keys(hard).sort()) {
        const pieces = resource.split(".");
        const text = `${resource}: ${quantity(used[resource])}/${quantity(hard[resource])}`;
        if (pieces.length > 1 && pieces[0] === "limits") limits.push(text);
        else requests.push(text);
      }
      return [o.metadata?.name ?? "", age(o, now), requests.join(", "), limits.join(", ")];
    },
  },
  {
    resource: "limitranges",
    kind: "LimitRange",
    group: "",
    columns: [{ name: "Name" }, { name: "Created At" }],
    row: (o) => [o.metadata?.name ?? "", createdAt(o)],
  },
  {
    resource: "roles",
    kind: "Role",
    group: "rbac.authorization.k8s.io",
    columns: [{ name: "Name" }, { name: "Created At" }],
    row: (o) => [o.metadata?.name ?? "", createdAt(o)],
  },
  {
    resource: "rolebindings",
    kind: "RoleBinding",
    group: "rbac.authorization.k8s.io",
    columns: [
      { name: "Name" },
      { name: "Role" },
      { name: "Age" },
      { name: "Users", priority: 1 },
      { name: "Groups", priority: 1 },
      { name: "ServiceAccounts", priority: 1 },
    ],
    row(o, now) {
      const rb = o as unknown as RoleBinding;
      const subjects = rb.subjects ?? [];
      const users = subjects.filter((s) => s.kind === "User").map((s) => s.name);
      const groups = subjects.filter((s) => s.kind === "Group").map((s) => s.name);
      const sas = subjects.filter((s) => s.kind === "ServiceAccount").map((s) => `${s.namespace ?? ""}/${s.name}`);
      return [
        o.metadata?.name ?? "",
        `${rb.roleRef?.kind ?? ""}/${rb.roleRef?.name ?? ""}`,
        age(o, now),
        users.join(", "),
        groups.join(", "),
        sas.join(", "),
      ];
    },
  },
];

function createdAt(o: KubeObject): string {
  const t = parseTimestamp(o.metadata?.creationTimestamp);
  return t === undefined ? "0001-01-01T00:00:00Z" : formatTimestamp(t);
}

function formatEventSource(e: Event): string {
  const component = e.source?.component || e.reportingComponent || "";
  const instance = e.source?.host || e.reportingInstance || "";
  if (!component) return "<unknown>";
  return instance ? `${component}, ${instance}` : component;
}

type HpaV1Fields = { spec?: { targetCPUUtilizationPercentage?: number }; status?: { currentCPUUtilizationPercentage?: number } };

function formatHpaMetrics(h: HorizontalPodAutoscaler): string {
  // An autoscaling/v1 object (as `kubectl autoscale` creates) reads like its v2 form: one CPU utilization metric.
  const v1 = h as unknown as HpaV1Fields;
  if (!h.spec?.metrics && typeof v1.spec?.targetCPUUtilizationPercentage === "number") {
    const current = v1.status?.currentCPUUtilizationPercentage;
    return `cpu: ${typeof current === "number" ? `${current}%` : "<unknown>"}/${v1.spec.targetCPUUtilizationPercentage}%`;
  }
  const specs = h.spec?.metrics ?? [];
  const statuses = h.status?.currentMetrics ?? [];
  if (specs.length === 0) return "<none>";
  const list: string[] = [];
  const max = 2;
  let more = false;
  let count = 0;
  specs.forEach((spec, i) => {
    let text = "<unknown>";
    const source = spec.type === "Resource" ? spec.resource : spec.type === "ContainerResource" ? spec.containerResource : undefined;
    if (source) {
      const st = spec.type === "Resource" ? statuses[i]?.resource : statuses[i]?.containerResource;
      const prefix = spec.type === "ContainerResource" ? `${source.name}/${spec.containerResource?.container}` : source.name;
      if (source.target?.averageValue !== undefined && source.target?.averageValue !== null) {
        const current = st ? quantity(st.current?.averageValue) : "<unknown>";
        text = `${prefix}: ${current}/${String(source.target.averageValue)}`;
      } else {
        const current =
          st && st.current?.averageUtilization !== undefined && st.current?.averageUtilization !== null
            ? `${st.current.averageUtilization}%`
            : "<unknown>";
        const target =
          source.target?.averageUtilization !== undefined && source.target?.averageUtilization !== null
            ? `${source.target.averageUtilization}%`
            : "<auto>";
        text = `${prefix}: ${current}/${target}`;
      }
    }
    if (list.length < max) list.push(text);
    else more = true;
    count++;
  });
  const ret = list.join(", ");
  return more ? `${ret} + ${count - max} more...` : ret;
}

const byResource = new Map<string, ResourcePrinter>();
for (const p of printers) byResource.set(p.resource, p);

const ALIASES: Record<string, string> = {
  po: "pods", pod: "pods",
  deploy: "deployments", deployment: "deployments",
  rs: "replicasets", replicaset: "replicasets",
  sts: "statefulsets", statefulset: "statefulsets",
  ds: "daemonsets", daemonset: "daemonsets",
  job: "jobs",
  cj: "cronjobs", cronjob: "cronjobs",
  svc: "services", service: "services",
  ep: "endpoints",
  endpointslice: "endpointslices",
  cm: "configmaps", configmap: "configmaps",
  secret: "secrets",
  ns: "namespaces", namespace: "namespaces",
  no: "nodes", node: "nodes",
  pv: "persistentvolumes", persistentvolume: "persistentvolumes",
  pvc: "persistentvolumeclaims", persistentvolumeclaim: "persistentvolumeclaims",
  sa: "serviceaccounts", serviceaccount: "serviceaccounts",
  ev: "events", event: "events",
  controllerrevision: "controllerrevisions",
  ing: "ingresses", ingress: "ingresses",
  netpol: "networkpolicies", networkpolicy: "networkpolicies",
  hpa: "horizontalpodautoscalers", horizontalpodautoscaler: "horizontalpodautoscalers",
  quota: "resourcequotas", resourcequota: "resourcequotas",
  limits: "limitranges", limitrange: "limitranges",
  role: "roles",
  rolebinding: "rolebindings",
};

/** The printer for a resource name as typed (plural, singular or short name), if kubectl has one. */
export function findResourcePrinter(resource: string): ResourcePrinter | undefined {
  const key = resource.toLowerCase().split(".")[0];
  return byResource.get(key) ?? byResource.get(ALIASES[key] ?? "");
}

/** The printer for an object's kind (used by -o name and `get all`). */
export function findPrinterForKind(kind: string | undefined): ResourcePrinter | undefined {
  return printers.find((p) => p.kind === kind);
}

/** "pod", "deployment.apps": kubectl's lower-cased GroupKind, the prefix of -o name and --show-kind. */
export function groupKindName(kind: string, group: string): string {
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
}

export const RESOURCE_PRINTERS: readonly ResourcePrinter[] = printers;

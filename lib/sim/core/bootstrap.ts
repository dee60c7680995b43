// The cluster a kubeadm v1.32 install leaves behind, as far as learners can see it: three nodes
// (a tainted control plane and two workers), the four system namespaces, the `kubernetes` and
// `kube-dns` Services, and per namespace the `default` ServiceAccount and `kube-root-ca.crt`
// ConfigMap (the serviceaccount and root-ca-cert-publisher controllers).
import type { Engine, Controller } from "./engine";
import type { KubeObject } from "./types";
import { formatTime } from "./time";

export type NodeOptions = {
  name: string;
  controlPlane?: boolean;
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: "NoSchedule" | "PreferNoSchedule" | "NoExecute" }[];
  /** InternalIP; defaults follow the node's position. */
  address?: string;
};

export const DEFAULT_NODES: NodeOptions[] = [
  { name: "controlplane", controlPlane: true },
  { name: "node01" },
  { name: "node02" },
];

export const KUBERNETES_VERSION = "v1.32.0";

const ROOT_CA = [
  "-----BEGIN CERTIFICATE-----",
  "MIIDBTCCAe2gAwIBAgIIKubedrillMA0GCSqGSIb3DQEBCwUAMBUxEzARBgNVBAMT",
  "Cmt1YmVybmV0ZXMwHhcNMjUwMTAxMDAwMDAwWhcNMzQxMjMwMDAwMDAwWjAVMRMw",
  "EQYDVQQDEwprdWJlcm5ldGVzMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKC",
  "-----END CERTIFICATE-----",
  "",
].join("\n");

function nodeObject(engine: Engine, opts: NodeOptions, index: number): KubeObject {
  const now = formatTime(engine.now());
  const address = opts.address ?? (opts.controlPlane ? `172.30.1.${2 + index}` : `172.30.2.${1 + index}`);
  const cpu = opts.cpu ?? "4";
  const memory = opts.memory ?? "8Gi";
  const pods = opts.pods ?? "110";
  const labels: Record<string, string> = {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": opts.name,
    "kubernetes.io/os": "linux",
    ...(opts.controlPlane ? { "node-role.kubernetes.io/control-plane": "", "node.kubernetes.io/exclude-from-external-load-balancers": "" } : {}),
    ...(opts.labels ?? {}),
  };
  const taints = opts.taints ?? (opts.controlPlane ? [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" as const }] : []);
  const resources = { cpu, "ephemeral-storage": "19221248Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory, pods };
  const condition = (type: string, status: string, reason: string, message: string) => ({
    lastHeartbeatTime: now,
    lastTransitionTime: now,
    message,
    reason,
    status,
    type,
  });
  const id = engine.rng.hex(32);
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      annotations: {
        "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
      labels,
      name: opts.name,
    },
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      podCIDRs: [`10.244.${index}.0/24`],
      ...(taints.length ? { taints } : {}),
    },
    status: {
      addresses: [
        { address, type: "InternalIP" },
        { address: opts.name, type: "Hostname" },
      ],
      allocatable: { ...resources },
      capacity: { ...resources },
      conditions: [
        condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: "amd64",
        bootID: engine.rng.uuid(),
        containerRuntimeVersion: "containerd://1.7.24",
        kernelVersion: "5.15.0-1071-kvm",
        kubeProxyVersion: KUBERNETES_VERSION,
        kubeletVersion: KUBERNETES_VERSION,
        machineID: id,
        operatingSystem: "linux",
        osImage: "Ubuntu 22.04.5 LTS",
        systemUUID: engine.rng.uuid(),
      },
    },
  };
}

function create(engine: Engine, obj: KubeObject): void {
  const r = engine.api.create(obj);
  if (!r.ok) throw new Error(`bootstrap failed: ${r.status.message}`);
}

/** Namespace defaults: the serviceaccount and root-ca-cert-publisher controllers. */
export const namespaceDefaultsController: Controller = {
  name: "namespace-defaults",
  watches: [
    { resource: "namespaces", keys: (c) => (c.type === "DELETED" ? [] : [c.object.metadata.name!]) },
    { resource: "serviceaccounts", keys: (c) => (c.type === "DELETED" && c.object.metadata.name === "default" ? [c.object.metadata.namespace!] : []) },
    { resource: "configmaps", keys: (c) => (c.type === "DELETED" && c.object.metadata.name === "kube-root-ca.crt" ? [c.object.metadata.namespace!] : []) },
  ],
  reconcile(ns, engine) {
    const namespace = engine.store.get("namespaces", undefined, ns);
    if (!namespace || namespace.metadata.deletionTimestamp) return;
    if (!engine.store.get("serviceaccounts", ns, "default")) {
      engine.api.create({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: ns } });
    }
    if (!engine.store.get("configmaps", ns, "kube-root-ca.crt")) {
      engine.api.create({
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name: "kube-root-ca.crt", namespace: ns, annotations: { "kubernetes.io/description": "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." } },
        data: { "ca.crt": ROOT_CA },
      });
    }
  },
};

export function bootstrapCluster(engine: Engine, nodes: NodeOptions[]): void {
  for (const name of ["default", "kube-node-lease", "kube-public", "kube-system"]) {
    create(engine, { apiVersion: "v1", kind: "Namespace", metadata: { name } });
  }
  nodes.forEach((n, i) => {
    const node = nodeObject(engine, n, i);
    create(engine, node);
    // Registration creates the Node; its kubelet then posts the status.
    engine.api.updateStatus("nodes", undefined, n.name, node.status);
  });
  const cp = nodes.find((n) => n.controlPlane) ?? nodes[0];
  const cpIndex = nodes.indexOf(cp);
  const cpAddress = cp.address ?? (cp.controlPlane ? `172.30.1.${2 + cpIndex}` : `172.30.2.${1 + cpIndex}`);
  create(engine, {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "kubernetes", namespace: "default", labels: { component: "apiserver", provider: "kubernetes" } },
    spec: { clusterIP: "10.96.0.1", ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }], type: "ClusterIP", sessionAffinity: "None" },
  });
  create(engine, {
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: { name: "kubernetes", namespace: "default", labels: { "endpointslice.kubernetes.io/skip-mirror": "true" } },
    subsets: [{ addresses: [{ ip: cpAddress }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] }],
  });
  create(engine, {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name: "kube-dns",
      namespace: "kube-system",
      annotations: { "prometheus.io/port": "9153", "prometheus.io/scrape": "true" },
      labels: { "k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS" },
    },
    spec: {
      clusterIP: "10.96.0.10",
      ports: [
        { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
        { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
        { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 },
      ],
      selector: { "k8s-app": "kube-dns" },
      sessionAffinity: "None",
      type: "ClusterIP",
    },
  });
}

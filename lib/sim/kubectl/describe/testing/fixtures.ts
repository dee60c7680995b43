// Hand-built objects for the describe tests: a Deployment-owned pod with an init container, probes,
// env from several sources, volumes and events, as a v1.32 cluster (kubeadm defaults) would store them.
import type { KubeObject, ObjectReader } from "../../format/kube-object";

export const T0 = "2024-05-01T10:00:00Z";

export const pod: KubeObject = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name: "web-7c5ddbdf54-x2x9q",
    namespace: "default",
    uid: "pod-uid-1",
    creationTimestamp: T0,
    labels: { app: "web", "pod-template-hash": "7c5ddbdf54" },
    ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-7c5ddbdf54", uid: "rs-uid-1", controller: true, blockOwnerDeletion: true }],
  },
  spec: {
    initContainers: [
      { name: "init-db", image: "busybox:1.36", command: ["sh", "-c", "until nslookup db; do sleep 2; done"], resources: {}, volumeMounts: [{ name: "kube-api-access-abcde", mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", readOnly: true }] },
    ],
    containers: [
      {
        name: "web",
        image: "nginx:1.27",
        ports: [{ containerPort: 80, protocol: "TCP" }],
        env: [
          { name: "MODE", value: "prod" },
          { name: "POD_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" } } },
          { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } },
          { name: "LEVEL", valueFrom: { configMapKeyRef: { name: "cfg", key: "level", optional: true } } },
        ],
        envFrom: [{ configMapRef: { name: "cfg" } }],
        resources: { limits: { cpu: "500m", memory: "128Mi" }, requests: { cpu: "250m", memory: "64Mi" } },
        livenessProbe: { httpGet: { path: "/", port: 80, scheme: "HTTP" }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        readinessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 },
        startupProbe: { exec: { command: ["cat", "/tmp/ready"] }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 30 },
        volumeMounts: [
          { name: "data", mountPath: "/usr/share/nginx/html" },
          { name: "kube-api-access-abcde", mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", readOnly: true },
        ],
      },
    ],
    volumes: [
      { name: "data", emptyDir: {} },
      {
        name: "kube-api-access-abcde",
        projected: {
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
            { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
            { downwardAPI: { items: [{ path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } }] } },
          ],
        },
      },
    ],
    nodeName: "node01",
    serviceAccountName: "default",
    priority: 0,
    tolerations: [
      { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
      { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
    ],
  },
  status: {
    phase: "Running",
    hostIP: "172.18.0.3",
    podIP: "10.244.1.5",
    podIPs: [{ ip: "10.244.1.5" }],
    startTime: T0,
    qosClass: "Burstable",
    conditions: [
      { type: "PodReadyToStartContainers", status: "True" },
      { type: "Initialized", status: "True" },
      { type: "Ready", status: "True" },
      { type: "ContainersReady", status: "True" },
      { type: "PodScheduled", status: "True" },
    ],
    initContainerStatuses: [
      {
        name: "init-db",
        image: "docker.io/library/busybox:1.36",
        imageID: "docker.io/library/busybox@sha256:aaaa",
        containerID: "containerd://1111",
        ready: true,
        restartCount: 0,
        state: { terminated: { exitCode: 0, reason: "Completed", startedAt: "2024-05-01T10:00:02Z", finishedAt: "2024-05-01T10:00:04Z", containerID: "containerd://1111" } },
      },
    ],
    containerStatuses: [
      {
        name: "web",
        image: "docker.io/library/nginx:1.27",
        imageID: "docker.io/library/nginx@sha256:bbbb",
        containerID: "containerd://2222",
        ready: true,
        started: true,
        restartCount: 1,
        state: { running: { startedAt: "2024-05-01T10:02:00Z" } },
        lastState: { terminated: { exitCode: 137, reason: "OOMKilled", startedAt: "2024-05-01T10:00:05Z", finishedAt: "2024-05-01T10:01:59Z" } },
      },
    ],
  },
};

function event(name: string, reason: string, message: string, first: string, last: string, count: number, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name, namespace: "default" },
    involvedObject: { apiVersion: "v1", kind: "Pod", name: "web-7c5ddbdf54-x2x9q", namespace: "default", uid: "pod-uid-1" },
    reason,
    message,
    type: "Normal",
    firstTimestamp: first,
    lastTimestamp: last,
    count,
    source: { component: "kubelet", host: "node01" },
    ...extra,
  };
}

export const podEvents: KubeObject[] = [
  event("e2", "Pulled", 'Container image "busybox:1.36" already present on machine', "2024-05-01T10:00:01Z", "2024-05-01T10:00:01Z", 1),
  event("e1", "Scheduled", "Successfully assigned default/web-7c5ddbdf54-x2x9q to node01", "2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z", 1, { source: { component: "default-scheduler" } }),
  event("e3", "Pulled", 'Container image "nginx:1.27" already present on machine', "2024-05-01T10:00:05Z", "2024-05-01T10:02:00Z", 2),
  event("e4", "Unhealthy", "Readiness probe failed: dial tcp 10.244.1.5:80: connect: connection refused", "2024-05-01T10:00:06Z", "2024-05-01T10:02:10Z", 3, { type: "Warning" }),
  event("other", "Pulled", "not this pod", "2024-05-01T10:00:05Z", "2024-05-01T10:00:05Z", 1, { involvedObject: { kind: "Pod", name: "other", namespace: "default" } }),
];

export const deployment: KubeObject = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default", uid: "deploy-uid-1", creationTimestamp: T0, labels: { app: "web" }, annotations: { "deployment.kubernetes.io/revision": "2" }, generation: 2 },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: "web" } },
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80, protocol: "TCP" }], resources: {} }] } },
    strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } },
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
  },
  status: {
    replicas: 3,
    updatedReplicas: 3,
    readyReplicas: 3,
    availableReplicas: 3,
    conditions: [
      { type: "Available", status: "True", reason: "MinimumReplicasAvailable" },
      { type: "Progressing", status: "True", reason: "NewReplicaSetAvailable" },
    ],
  },
};

function replicaSet(name: string, hash: string, image: string, replicas: number, created: string): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name,
      namespace: "default",
      uid: `uid-${name}`,
      creationTimestamp: created,
      labels: { app: "web", "pod-template-hash": hash },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: "deploy-uid-1", controller: true }],
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: "web", "pod-template-hash": hash } },
      template: {
        metadata: { labels: { app: "web", "pod-template-hash": hash } },
        spec: { containers: [{ name: "nginx", image, ports: [{ containerPort: 80, protocol: "TCP" }], resources: {} }] },
      },
    },
    status: { replicas, readyReplicas: replicas },
  };
}

export const replicaSets: KubeObject[] = [
  replicaSet("web-6d4cf56db6", "6d4cf56db6", "nginx:1.26", 0, T0),
  replicaSet("web-7c5ddbdf54", "7c5ddbdf54", "nginx:1.27", 3, "2024-05-01T10:05:00Z"),
];

export const deploymentEvents: KubeObject[] = [
  {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: "d1", namespace: "default" },
    involvedObject: { apiVersion: "apps/v1", kind: "Deployment", name: "web", namespace: "default", uid: "deploy-uid-1" },
    reason: "ScalingReplicaSet",
    message: "Scaled up replica set web-7c5ddbdf54 to 3",
    type: "Normal",
    firstTimestamp: "2024-05-01T10:05:00Z",
    lastTimestamp: "2024-05-01T10:05:00Z",
    count: 1,
    source: { component: "deployment-controller" },
  },
];

/** A read-only store over fixed objects, by plural resource name. */
export function makeReader(objects: Record<string, KubeObject[]>): ObjectReader {
  return {
    get: (resource, namespace, name) =>
      (objects[resource] ?? []).find((o) => o.metadata?.name === name && (namespace === undefined || o.metadata?.namespace === namespace)),
    list: (resource, namespace) => (objects[resource] ?? []).filter((o) => namespace === undefined || o.metadata?.namespace === namespace),
  };
}

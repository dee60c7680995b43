import type { ContainerStatus, Pod } from "kubernetes-types/core/v1";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../format/kube-object";
import { parseTimestamp } from "../format/time";
import { noResourcesMessage, printObjects, printTable, printTables } from "./index";
import { podRowCells } from "./pod-status";

const NOW = parseTimestamp("2024-05-01T10:10:00Z")!;
const T0 = "2024-05-01T10:00:00Z";

function makePod(name: string, patch: { spec?: Partial<Pod["spec"]>; status?: Pod["status"]; metadata?: Record<string, unknown> } = {}): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", creationTimestamp: T0, labels: { run: name }, ...(patch.metadata ?? {}) },
    spec: { containers: [{ name: "app", image: "nginx" }], nodeName: "node-1", ...(patch.spec ?? {}) },
    status: patch.status ?? { phase: "Running" },
  };
}

const running = (name = "app", extra: Partial<ContainerStatus> = {}): ContainerStatus => ({
  name,
  image: "nginx",
  imageID: "",
  ready: true,
  restartCount: 0,
  started: true,
  state: { running: { startedAt: T0 } },
  ...extra,
});
const waiting = (reason: string, extra: Partial<ContainerStatus> = {}): ContainerStatus => ({
  name: "app",
  image: "nginx",
  imageID: "",
  ready: false,
  restartCount: 0,
  state: { waiting: { reason } },
  ...extra,
});
const terminated = (reason: string | undefined, exitCode: number, extra: Partial<ContainerStatus> = {}): ContainerStatus => ({
  name: "app",
  image: "nginx",
  imageID: "",
  ready: false,
  restartCount: 0,
  state: { terminated: { reason, exitCode, finishedAt: T0 } },
  ...extra,
});

const twoInits = { initContainers: [{ name: "init-a", image: "busybox" }, { name: "init-b", image: "busybox" }] };

describe("pod STATUS / READY / RESTARTS (printPod)", () => {
  it.each<[string, Pod, string, string, string]>([
    ["Pending (no statuses)", makePod("p", { status: { phase: "Pending" } }), "Pending", "0/1", "0"],
    ["ContainerCreating", makePod("p", { status: { phase: "Pending", containerStatuses: [waiting("ContainerCreating")] } }), "ContainerCreating", "0/1", "0"],
    ["Running", makePod("p", { status: { phase: "Running", containerStatuses: [running()] } }), "Running", "1/1", "0"],
    ["Running not ready", makePod("p", { status: { phase: "Running", containerStatuses: [running("app", { ready: false })] } }), "Running", "0/1", "0"],
    ["ErrImagePull", makePod("p", { status: { phase: "Pending", containerStatuses: [waiting("ErrImagePull")] } }), "ErrImagePull", "0/1", "0"],
    ["ImagePullBackOff", makePod("p", { status: { phase: "Pending", containerStatuses: [waiting("ImagePullBackOff")] } }), "ImagePullBackOff", "0/1", "0"],
    ["ErrImageNeverPull", makePod("p", { status: { phase: "Pending", containerStatuses: [waiting("ErrImageNeverPull")] } }), "ErrImageNeverPull", "0/1", "0"],
    ["InvalidImageName", makePod("p", { status: { phase: "Pending", containerStatuses: [waiting("InvalidImageName")] } }), "InvalidImageName", "0/1", "0"],
    ["CreateContainerConfigError", makePod("p", { status: { phase: "Pending", containerStatuses: [waiting("CreateContainerConfigError")] } }), "CreateContainerConfigError", "0/1", "0"],
    ["RunContainerError", makePod("p", { status: { phase: "Running", containerStatuses: [waiting("RunContainerError")] } }), "RunContainerError", "0/1", "0"],
    ["StartError", makePod("p", { status: { phase: "Running", containerStatuses: [terminated("StartError", 128)] } }), "StartError", "0/1", "0"],
    [
      "CrashLoopBackOff with restarts",
      makePod("p", {
        status: {
          phase: "Running",
          containerStatuses: [waiting("CrashLoopBackOff", { restartCount: 3, lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: "2024-05-01T10:09:35Z" } } })],
        },
      }),
      "CrashLoopBackOff",
      "0/1",
      "3 (25s ago)",
    ],
    ["Completed", makePod("p", { status: { phase: "Succeeded", containerStatuses: [terminated("Completed", 0)] } }), "Completed", "0/1", "0"],
    ["Error", makePod("p", { status: { phase: "Failed", containerStatuses: [terminated("Error", 1)] } }), "Error", "0/1", "0"],
    ["OOMKilled", makePod("p", { status: { phase: "Running", containerStatuses: [terminated("OOMKilled", 137)] } }), "OOMKilled", "0/1", "0"],
    ["ExitCode without reason", makePod("p", { status: { phase: "Failed", containerStatuses: [terminated(undefined, 2)] } }), "ExitCode:2", "0/1", "0"],
    [
      "Signal without reason",
      makePod("p", { status: { phase: "Failed", containerStatuses: [{ ...terminated(undefined, 137), state: { terminated: { exitCode: 137, signal: 9 } } }] } }),
      "Signal:9",
      "0/1",
      "0",
    ],
    [
      "Completed + still running → Running",
      makePod("p", {
        spec: { containers: [{ name: "a" }, { name: "b" }] },
        status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }], containerStatuses: [running("a"), terminated("Completed", 0, { name: "b" })] },
      }),
      "Running",
      "1/2",
      "0",
    ],
    [
      "Completed + still running, not ready → NotReady",
      makePod("p", {
        spec: { containers: [{ name: "a" }, { name: "b" }] },
        status: { phase: "Running", conditions: [{ type: "Ready", status: "False" }], containerStatuses: [running("a"), terminated("Completed", 0, { name: "b" })] },
      }),
      "NotReady",
      "1/2",
      "0",
    ],
    [
      "Init:0/2",
      makePod("p", {
        spec: twoInits,
        status: { phase: "Pending", initContainerStatuses: [{ ...running("init-a"), ready: false }, waiting("PodInitializing", { name: "init-b" })], containerStatuses: [waiting("PodInitializing")] },
      }),
      "Init:0/2",
      "0/1",
      "0",
    ],
    [
      "Init:1/2",
      makePod("p", {
        spec: twoInits,
        status: { phase: "Pending", initContainerStatuses: [terminated("Completed", 0, { name: "init-a" }), { ...running("init-b"), ready: false }], containerStatuses: [waiting("PodInitializing")] },
      }),
      "Init:1/2",
      "0/1",
      "0",
    ],
    [
      "Init:Error",
      makePod("p", { spec: twoInits, status: { phase: "Pending", initContainerStatuses: [terminated("Error", 1, { name: "init-a" })] } }),
      "Init:Error",
      "0/1",
      "0",
    ],
    [
      "Init:ExitCode",
      makePod("p", { spec: twoInits, status: { phase: "Pending", initContainerStatuses: [terminated(undefined, 3, { name: "init-a" })] } }),
      "Init:ExitCode:3",
      "0/1",
      "0",
    ],
    [
      "Init:CrashLoopBackOff with init restarts",
      makePod("p", {
        spec: twoInits,
        status: {
          phase: "Pending",
          initContainerStatuses: [
            waiting("CrashLoopBackOff", { name: "init-a", restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: "2024-05-01T10:08:00Z" } } }),
          ],
        },
      }),
      "Init:CrashLoopBackOff",
      "0/1",
      "2 (2m ago)",
    ],
    [
      "PodInitializing",
      makePod("p", {
        spec: twoInits,
        status: {
          phase: "Pending",
          conditions: [{ type: "Initialized", status: "True" }],
          initContainerStatuses: [terminated("Completed", 0, { name: "init-a" }), terminated("Completed", 0, { name: "init-b" })],
          containerStatuses: [waiting("PodInitializing")],
        },
      }),
      "PodInitializing",
      "0/1",
      "0",
    ],
    [
      "sidecar (restartable init) counts toward READY",
      makePod("p", {
        spec: { initContainers: [{ name: "side", image: "envoy", restartPolicy: "Always" }] },
        status: { phase: "Running", conditions: [{ type: "Initialized", status: "True" }], initContainerStatuses: [running("side")], containerStatuses: [running()] },
      }),
      "Running",
      "2/2",
      "0",
    ],
    [
      "Terminating",
      makePod("p", { metadata: { deletionTimestamp: "2024-05-01T10:09:00Z" }, status: { phase: "Running", containerStatuses: [running()] } }),
      "Terminating",
      "1/1",
      "0",
    ],
    [
      "Unknown (NodeLost)",
      makePod("p", { metadata: { deletionTimestamp: "2024-05-01T10:09:00Z" }, status: { phase: "Running", reason: "NodeLost", containerStatuses: [running()] } }),
      "Unknown",
      "1/1",
      "0",
    ],
    [
      "Evicted",
      makePod("p", { status: { phase: "Failed", reason: "Evicted", message: "The node was low on resource: memory." } }),
      "Evicted",
      "0/1",
      "0",
    ],
    [
      "SchedulingGated",
      makePod("p", { status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }] } }),
      "SchedulingGated",
      "0/1",
      "0",
    ],
    [
      "Succeeded pod being deleted stays Completed",
      makePod("p", { metadata: { deletionTimestamp: "2024-05-01T10:09:00Z" }, status: { phase: "Succeeded", containerStatuses: [terminated("Completed", 0)] } }),
      "Completed",
      "0/1",
      "0",
    ],
  ])("%s", (_name, pod, status, ready, restarts) => {
    const cells = podRowCells(pod, NOW);
    expect(cells.status).toBe(status);
    expect(cells.ready).toBe(ready);
    expect(cells.restarts).toBe(restarts);
  });

  it("fills the wide cells", () => {
    const pod = makePod("p", {
      spec: { readinessGates: [{ conditionType: "example.com/gate" }] },
      status: { phase: "Running", podIP: "10.0.0.1", nominatedNodeName: "node-2", conditions: [{ type: "example.com/gate", status: "True" }] },
    });
    expect(podRowCells(pod, NOW)).toMatchObject({ ip: "10.0.0.1", node: "node-1", nominatedNode: "node-2", readinessGates: "1/1" });
    expect(podRowCells(makePod("q", { spec: { nodeName: undefined } }), NOW)).toMatchObject({ ip: "<none>", node: "<none>", nominatedNode: "<none>", readinessGates: "<none>" });
  });
});

const pods = [
  makePod("web", { status: { phase: "Running", podIP: "10.244.0.5", containerStatuses: [running()] } }),
  makePod("db-0", {
    metadata: { namespace: "data", labels: { app: "db", tier: "backend" } },
    status: { phase: "Running", containerStatuses: [waiting("CrashLoopBackOff", { restartCount: 3, lastState: { terminated: { exitCode: 1, finishedAt: "2024-05-01T10:09:35Z" } } })] },
  }),
] as unknown as KubeObject[];

describe("printTable", () => {
  it("prints pods", () => {
    expect(printTable("pods", pods, { now: NOW })).toBe(
      [
        "NAME   READY   STATUS             RESTARTS      AGE",
        "web    1/1     Running            0             10m",
        "db-0   0/1     CrashLoopBackOff   3 (25s ago)   10m",
        "",
      ].join("\n"),
    );
  });
  it("prints pods wide with namespaces, labels and label columns", () => {
    expect(printTable("po", pods, { now: NOW, wide: true, allNamespaces: true, showLabels: true, labelColumns: ["app.kubernetes.io/tier", "tier"] })).toBe(
      [
        "NAMESPACE   NAME   READY   STATUS             RESTARTS      AGE   IP           NODE     NOMINATED NODE   READINESS GATES   TIER   TIER      LABELS",
        "default     web    1/1     Running            0             10m   10.244.0.5   node-1   <none>           <none>                             run=web",
        "data        db-0   0/1     CrashLoopBackOff   3 (25s ago)   10m   <none>       node-1   <none>           <none>                   backend   app=db,tier=backend",
        "",
      ].join("\n"),
    );
  });
  it("omits headers, sorts, and prints kinds", () => {
    expect(printTable("pods", pods, { now: NOW, noHeaders: true, sortBy: ".metadata.name", showKind: true })).toBe(
      ["pod/db-0   0/1   CrashLoopBackOff   3 (25s ago)   10m", "pod/web    1/1   Running            0             10m", ""].join("\n"),
    );
  });
  it("returns nothing for no objects; the caller prints the stderr message", () => {
    expect(printTable("pods", [], { now: NOW })).toBe("");
    expect(noResourcesMessage("default")).toBe("No resources found in default namespace.");
    expect(noResourcesMessage(undefined, true)).toBe("No resources found");
  });

  const deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default", creationTimestamp: T0 },
    spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template: { spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } },
    status: { replicas: 3, readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
  };
  const rs = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "web-7c5ddbdf54", namespace: "default", creationTimestamp: T0 },
    spec: { replicas: 3, selector: { matchLabels: { app: "web", "pod-template-hash": "7c5ddbdf54" } }, template: { spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } },
    status: { replicas: 3, readyReplicas: 2 },
  };
  const svc = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "web", namespace: "default", creationTimestamp: T0 },
    spec: { type: "NodePort", clusterIP: "10.96.10.20", clusterIPs: ["10.96.10.20"], selector: { app: "web" }, ports: [{ port: 80, nodePort: 30080, protocol: "TCP" }] },
  };
  const kube = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "kubernetes", namespace: "default", creationTimestamp: "2024-04-01T10:00:00Z" },
    spec: { type: "ClusterIP", clusterIP: "10.96.0.1", ports: [{ port: 443, protocol: "TCP" }] },
  };
  const lb = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "lb", namespace: "default", creationTimestamp: T0 },
    spec: { type: "LoadBalancer", clusterIP: "10.96.3.3", ports: [{ port: 80, nodePort: 31000, protocol: "TCP" }, { port: 443, nodePort: 31001, protocol: "TCP" }] },
  };

  it.each<[string, string, KubeObject[], boolean, string[]]>([
    ["deployments", "deploy", [deployment], false, ["NAME   READY   UP-TO-DATE   AVAILABLE   AGE", "web    2/3     3            2           10m"]],
    [
      "deployments wide",
      "deployments",
      [deployment],
      true,
      ["NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR", "web    2/3     3            2           10m   nginx        nginx:1.27   app=web"],
    ],
    ["replicasets", "rs", [rs], false, ["NAME             DESIRED   CURRENT   READY   AGE", "web-7c5ddbdf54   3         3         2       10m"]],
    [
      "services",
      "svc",
      [kube, svc, lb],
      false,
      [
        "NAME         TYPE           CLUSTER-IP    EXTERNAL-IP   PORT(S)                      AGE",
        "kubernetes   ClusterIP      10.96.0.1     <none>        443/TCP                      30d",
        "web          NodePort       10.96.10.20   <none>        80:30080/TCP                 10m",
        "lb           LoadBalancer   10.96.3.3     <pending>     80:31000/TCP,443:31001/TCP   10m",
      ],
    ],
    [
      "endpoints",
      "ep",
      [
        {
          kind: "Endpoints",
          metadata: { name: "web", creationTimestamp: T0 },
          subsets: [{ addresses: [{ ip: "10.0.0.1" }, { ip: "10.0.0.2" }, { ip: "10.0.0.3" }, { ip: "10.0.0.4" }], ports: [{ port: 80 }] }],
        },
        { kind: "Endpoints", metadata: { name: "none", creationTimestamp: T0 } },
      ],
      false,
      ["NAME   ENDPOINTS                                         AGE", "web    10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 1 more...   10m", "none   <none>                                            10m"],
    ],
    [
      "jobs",
      "jobs",
      [
        {
          kind: "Job",
          metadata: { name: "pi", creationTimestamp: T0 },
          spec: { completions: 1, template: { spec: { containers: [{ name: "pi", image: "perl" }] } } },
          status: { succeeded: 1, startTime: T0, completionTime: "2024-05-01T10:00:42Z", conditions: [{ type: "Complete", status: "True" }] },
        },
        { kind: "Job", metadata: { name: "run", creationTimestamp: T0 }, spec: { parallelism: 3 }, status: { startTime: "2024-05-01T10:05:00Z" } },
      ],
      false,
      ["NAME   STATUS     COMPLETIONS   DURATION   AGE", "pi     Complete   1/1           42s        10m", "run    Running    0/1 of 3      5m         10m"],
    ],
    [
      "cronjobs",
      "cj",
      [{ kind: "CronJob", metadata: { name: "tick", creationTimestamp: T0 }, spec: { schedule: "*/1 * * * *", suspend: false }, status: { lastScheduleTime: "2024-05-01T10:09:00Z", active: [{ name: "x" }] } }],
      false,
      ["NAME   SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE", "tick   */1 * * * *   <none>     False     1        60s             10m"],
    ],
    [
      "configmaps and secrets",
      "cm",
      [{ kind: "ConfigMap", metadata: { name: "kube-root-ca.crt", creationTimestamp: T0 }, data: { "ca.crt": "x" } }],
      false,
      ["NAME               DATA   AGE", "kube-root-ca.crt   1      10m"],
    ],
    [
      "secrets",
      "secrets",
      [{ kind: "Secret", metadata: { name: "db", creationTimestamp: T0 }, type: "Opaque", data: { a: "eA==", b: "eQ==" } }],
      false,
      ["NAME   TYPE     DATA   AGE", "db     Opaque   2      10m"],
    ],
    [
      "nodes",
      "nodes",
      [
        {
          kind: "Node",
          metadata: { name: "controlplane", creationTimestamp: "2024-04-01T10:00:00Z", labels: { "node-role.kubernetes.io/control-plane": "" } },
          status: { conditions: [{ type: "Ready", status: "True" }], nodeInfo: { kubeletVersion: "v1.32.0" } },
        },
        { kind: "Node", metadata: { name: "node01", creationTimestamp: "2024-04-01T10:00:00Z" }, spec: { unschedulable: true }, status: { conditions: [{ type: "Ready", status: "False" }], nodeInfo: { kubeletVersion: "v1.32.0" } } },
      ],
      false,
      ["NAME           STATUS                        ROLES           AGE   VERSION", "controlplane   Ready                         control-plane   30d   v1.32.0", "node01         NotReady,SchedulingDisabled   <none>          30d   v1.32.0"],
    ],
    [
      "namespaces",
      "ns",
      [{ kind: "Namespace", metadata: { name: "default", creationTimestamp: T0 }, status: { phase: "Active" } }],
      false,
      ["NAME      STATUS   AGE", "default   Active   10m"],
    ],
    [
      "pvc",
      "pvc",
      [
        {
          kind: "PersistentVolumeClaim",
          metadata: { name: "data", creationTimestamp: T0 },
          spec: { volumeName: "pv1", storageClassName: "standard" },
          status: { phase: "Bound", capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"] },
        },
      ],
      false,
      ["NAME   STATUS   VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE", "data   Bound    pv1      1Gi        RWO            standard       <unset>                 10m"],
    ],
    [
      "events",
      "events",
      [
        {
          kind: "Event",
          metadata: { name: "web.17c", namespace: "default" },
          involvedObject: { kind: "Pod", name: "web" },
          reason: "Scheduled",
          type: "Normal",
          message: "Successfully assigned default/web to node-1",
          firstTimestamp: "2024-05-01T10:09:00Z",
          lastTimestamp: "2024-05-01T10:09:00Z",
          count: 1,
          source: { component: "default-scheduler" },
        },
      ],
      false,
      ["LAST SEEN   TYPE     REASON      OBJECT    MESSAGE", "60s         Normal   Scheduled   pod/web   Successfully assigned default/web to node-1"],
    ],
    [
      "serviceaccounts",
      "sa",
      [{ kind: "ServiceAccount", metadata: { name: "default", creationTimestamp: T0 } }],
      false,
      ["NAME      SECRETS   AGE", "default   0         10m"],
    ],
    [
      "ingresses",
      "ing",
      [{ kind: "Ingress", metadata: { name: "web", creationTimestamp: T0 }, spec: { ingressClassName: "nginx", rules: [{ host: "a.example.com" }] } }],
      false,
      ["NAME   CLASS   HOSTS           ADDRESS   PORTS   AGE", "web    nginx   a.example.com             80      10m"],
    ],
    [
      "networkpolicies",
      "netpol",
      [{ kind: "NetworkPolicy", metadata: { name: "deny", creationTimestamp: T0 }, spec: { podSelector: {} } }],
      false,
      ["NAME   POD-SELECTOR   AGE", "deny   <none>         10m"],
    ],
    [
      "hpa",
      "hpa",
      [
        {
          kind: "HorizontalPodAutoscaler",
          metadata: { name: "web", creationTimestamp: T0 },
          spec: { scaleTargetRef: { kind: "Deployment", name: "web" }, minReplicas: 1, maxReplicas: 5, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } }] },
          status: { currentReplicas: 1 },
        },
      ],
      false,
      ["NAME   REFERENCE        TARGETS              MINPODS   MAXPODS   REPLICAS   AGE", "web    Deployment/web   cpu: <unknown>/50%   1         5         1          10m"],
    ],
    [
      "hpa autoscaling/v1",
      "hpa",
      [
        {
          apiVersion: "autoscaling/v1",
          kind: "HorizontalPodAutoscaler",
          metadata: { name: "web", creationTimestamp: T0 },
          spec: { scaleTargetRef: { kind: "Deployment", name: "web" }, maxReplicas: 5, targetCPUUtilizationPercentage: 80 },
          status: { currentReplicas: 2, desiredReplicas: 2, currentCPUUtilizationPercentage: 12 },
        },
      ],
      false,
      ["NAME   REFERENCE        TARGETS        MINPODS   MAXPODS   REPLICAS   AGE", "web    Deployment/web   cpu: 12%/80%   <unset>   5         2          10m"],
    ],
    [
      "rolebindings wide",
      "rolebindings",
      [{ kind: "RoleBinding", metadata: { name: "rb", creationTimestamp: T0 }, roleRef: { kind: "Role", name: "reader" }, subjects: [{ kind: "ServiceAccount", name: "app", namespace: "dev" }] }],
      true,
      ["NAME   ROLE          AGE   USERS   GROUPS   SERVICEACCOUNTS", "rb     Role/reader   10m                    dev/app"],
    ],
    ["roles", "roles", [{ kind: "Role", metadata: { name: "reader", creationTimestamp: T0 } }], false, ["NAME     CREATED AT", "reader   2024-05-01T10:00:00Z"]],
  ])("%s", (_name, resource, objects, wide, lines) => {
    expect(printTable(resource, objects, { now: NOW, wide })).toBe(`${lines.join("\n")}\n`);
  });

  it("groups kubectl get all", () => {
    expect(printTables([{ resource: "pods", objects: [pods[0]] }, { resource: "services", objects: [kube] }, { resource: "deployments", objects: [deployment] }], { now: NOW })).toBe(
      [
        "NAME      READY   STATUS    RESTARTS   AGE",
        "pod/web   1/1     Running   0          10m",
        "",
        "NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE",
        "service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   30d",
        "",
        "NAME                  READY   UP-TO-DATE   AVAILABLE   AGE",
        "deployment.apps/web   2/3     3            2           10m",
        "",
      ].join("\n"),
    );
  });
});

describe("printObjects", () => {
  const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "default" }, data: { a: "1" } };
  it("prints a single object and a List", () => {
    expect(printObjects([cm], "yaml")).toEqual({ ok: true, text: 'apiVersion: v1\ndata:\n  a: "1"\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: default\n' });
    const list = printObjects([cm], "yaml", { asList: true });
    expect(list.ok && list.text).toBe('apiVersion: v1\nitems:\n- apiVersion: v1\n  data:\n    a: "1"\n  kind: ConfigMap\n  metadata:\n    name: c\n    namespace: default\nkind: List\nmetadata:\n  resourceVersion: ""\n');
  });
  it("prints names", () => {
    expect(printObjects([cm, { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" } }], "name")).toEqual({ ok: true, text: "configmap/c\ndeployment.apps/web\n" });
  });
  it("prints custom columns", () => {
    const r = printObjects(pods, { customColumns: "NAME:.metadata.name,IMAGE:.spec.containers[*].image,IP:.status.podIP,LABELS:.metadata.labels" });
    expect(r).toEqual({
      ok: true,
      text: ["NAME   IMAGE   IP           LABELS", "web    nginx   10.244.0.5   map[run:web]", "db-0   nginx   <none>       map[app:db tier:backend]", ""].join("\n"),
    });
    expect(printObjects(pods, { customColumns: "NAME" })).toEqual({ ok: false, error: "unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>" });
    expect(printObjects(pods, { customColumnsFile: "NAME NS\nmetadata.name .metadata.namespace\n" }, { noHeaders: true })).toEqual({ ok: true, text: "web    default\ndb-0   data\n" });
  });
  it("returns jsonpath errors ready for \"error: \" + message + newline", () => {
    expect(printObjects(pods, { jsonpath: "{.items[0]" })).toEqual({ ok: false, error: "error parsing jsonpath {.items[0], unclosed action" });
    const r = printObjects([pods[0]], { jsonpath: "{.metadata.name[0]}" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.startsWith('error executing jsonpath "{.metadata.name[0]}": Error executing template: string is not array or slice.')).toBe(true);
      expect(r.error.endsWith("}\n\n")).toBe(true);
    }
  });
  it("prints jsonpath over a List", () => {
    expect(printObjects(pods, { jsonpath: "{.items[*].metadata.name}" })).toEqual({ ok: true, text: "web db-0" });
  });
});

import { describe, expect, it } from "vitest";
import { createFromYaml, defaultStore, type Loose } from "./test-helpers";

function created(text: string) {
  const result = createFromYaml(text);
  if (!result.ok) throw new Error(result.message);
  return result.object as Loose;
}

function rejected(text: string, store = defaultStore): string {
  const result = createFromYaml(text, store);
  if (result.ok) throw new Error("expected the create to fail");
  return result.message;
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
    ports:
    - containerPort: 80
`;

describe("create pipeline: defaults and admission as a v1.32 cluster shows them", () => {
  it("defaults and admits a minimal pod exactly like `kubectl get pod -o yaml`", () => {
    const pod = created(POD);
    expect(pod.spec).toEqual({
      containers: [
        {
          name: "web",
          image: "nginx",
          imagePullPolicy: "Always",
          ports: [{ containerPort: 80, protocol: "TCP" }],
          resources: {},
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
          volumeMounts: [
            { mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", name: "kube-api-access-x7k2q", readOnly: true },
          ],
        },
      ],
      dnsPolicy: "ClusterFirst",
      enableServiceLinks: true,
      preemptionPolicy: "PreemptLowerPriority",
      priority: 0,
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      serviceAccount: "default",
      serviceAccountName: "default",
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
        { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 },
      ],
      volumes: [
        {
          name: "kube-api-access-x7k2q",
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
              { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
              { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } },
            ],
          },
        },
      ],
    });
    expect(pod.status).toEqual({ phase: "Pending", qosClass: "BestEffort" });
  });

  it.each([
    ["nginx", "Always"],
    ["nginx:latest", "Always"],
    ["nginx:1.25", "IfNotPresent"],
    ["registry:5000/team/app", "Always"],
    ["registry:5000/team/app:v2", "IfNotPresent"],
    ["busybox@sha256:abc", "IfNotPresent"],
  ])("image %s gets imagePullPolicy %s", (image, policy) => {
    const pod = created(POD.replace("image: nginx", `image: ${image}`));
    expect(pod.spec.containers[0].imagePullPolicy).toBe(policy);
  });

  it("copies limits into missing requests and computes the QoS class", () => {
    const pod = created(`${POD}    resources:\n      limits: {cpu: "0.5", memory: 128Mi}\n`);
    expect(pod.spec.containers[0].resources).toEqual({
      limits: { cpu: "500m", memory: "128Mi" },
      requests: { cpu: "500m", memory: "128Mi" },
    });
    expect(pod.status.qosClass).toBe("Guaranteed");
    const burstable = created(`${POD}    resources:\n      requests: {cpu: 100m}\n`);
    expect(burstable.status.qosClass).toBe("Burstable");
  });

  it("defaults probes and HTTP handlers", () => {
    const pod = created(`${POD}    livenessProbe:\n      httpGet: {port: 80}\n      initialDelaySeconds: 5\n`);
    expect(pod.spec.containers[0].livenessProbe).toEqual({
      httpGet: { path: "/", port: 80, scheme: "HTTP" },
      initialDelaySeconds: 5,
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  it("defaults a Deployment's strategy, limits and template", () => {
    const d = created(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: "nginx:1.25"}]
`);
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.strategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.progressDeadlineSeconds).toBe(600);
    expect(d.spec.template.spec).toEqual({
      containers: [
        {
          name: "web",
          image: "nginx:1.25",
          imagePullPolicy: "IfNotPresent",
          resources: {},
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
        },
      ],
      dnsPolicy: "ClusterFirst",
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
    expect(d.status).toEqual({});
  });

  it("defaults a StatefulSet and its claim templates", () => {
    const sts = created(`apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: "postgres:16"}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
`);
    expect(sts.spec.podManagementPolicy).toBe("OrderedReady");
    expect(sts.spec.updateStrategy).toEqual({ type: "RollingUpdate", rollingUpdate: { partition: 0 } });
    expect(sts.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: "Retain", whenScaled: "Retain" });
    expect(sts.spec.volumeClaimTemplates[0].spec.volumeMode).toBe("Filesystem");
    expect(sts.spec.volumeClaimTemplates[0].status).toEqual({ phase: "Pending" });
  });

  it("defaults a Job and generates its selector and labels from the uid", () => {
    const job = created(`apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: pi, image: perl}]
`);
    const uid = "6a1c3f2e-0000-4000-8000-000000000001";
    expect(job.spec.completions).toBe(1);
    expect(job.spec.parallelism).toBe(1);
    expect(job.spec.backoffLimit).toBe(6);
    expect(job.spec.completionMode).toBe("NonIndexed");
    expect(job.spec.suspend).toBe(false);
    expect(job.spec.podReplacementPolicy).toBe("TerminatingOrFailed");
    expect(job.spec.selector).toEqual({ matchLabels: { "batch.kubernetes.io/controller-uid": uid } });
    expect(job.spec.template.metadata.labels).toEqual({
      "batch.kubernetes.io/controller-uid": uid,
      "batch.kubernetes.io/job-name": "pi",
      "controller-uid": uid,
      "job-name": "pi",
    });
    expect(job.spec.manualSelector).toBeUndefined();
  });

  it("shares template labels with the Job when the Job has none", () => {
    const job = created(`apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  template:
    metadata: {labels: {app: pi}}
    spec:
      restartPolicy: Never
      containers: [{name: pi, image: perl}]
`);
    expect(job.metadata.labels).toEqual(job.spec.template.metadata.labels);
    expect(job.metadata.labels.app).toBe("pi");
  });

  it("defaults a CronJob", () => {
    const cj = created(`apiVersion: batch/v1
kind: CronJob
metadata: {name: tick}
spec:
  schedule: "@hourly"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: c, image: busybox}]
`);
    expect(cj.spec.concurrencyPolicy).toBe("Allow");
    expect(cj.spec.suspend).toBe(false);
    expect(cj.spec.successfulJobsHistoryLimit).toBe(3);
    expect(cj.spec.failedJobsHistoryLimit).toBe(1);
    expect(cj.spec.jobTemplate.spec.backoffLimit).toBeUndefined();
    expect(cj.spec.jobTemplate.spec.template.spec.dnsPolicy).toBe("ClusterFirst");
  });

  it("defaults and allocates a NodePort Service", () => {
    const svc = created(`apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80}]
`);
    expect(svc.spec).toEqual({
      clusterIP: "10.96.12.34",
      clusterIPs: ["10.96.12.34"],
      externalTrafficPolicy: "Cluster",
      internalTrafficPolicy: "Cluster",
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      ports: [{ nodePort: 30080, port: 80, protocol: "TCP", targetPort: 80 }],
      selector: { app: "web" },
      sessionAffinity: "None",
      type: "NodePort",
    });
    expect(svc.status).toEqual({ loadBalancer: {} });
  });

  it("defaults namespaces, secrets, PVs and PVCs", () => {
    const ns = created("apiVersion: v1\nkind: Namespace\nmetadata: {name: dev}\n");
    expect(ns.metadata.labels).toEqual({ "kubernetes.io/metadata.name": "dev" });
    expect(ns.spec).toEqual({ finalizers: ["kubernetes"] });
    expect(ns.status).toEqual({ phase: "Active" });
    expect(created("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {a: b}\n").type).toBe("Opaque");
    const pv = created(
      "apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv1}\nspec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /data}\n",
    );
    expect(pv.spec.persistentVolumeReclaimPolicy).toBe("Retain");
    expect(pv.spec.volumeMode).toBe("Filesystem");
    expect(pv.spec.hostPath).toEqual({ path: "/data", type: "" });
    expect(pv.status).toEqual({ phase: "Pending" });
  });

  it("refuses pods whose service account or namespace is missing, or whose namespace is terminating", () => {
    expect(rejected(POD.replace("spec:\n", "spec:\n  serviceAccountName: robot\n"))).toBe(
      'pods "web" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found',
    );
    expect(rejected(POD.replace("name: web\nspec", "name: web\n  namespace: nope\nspec"))).toBe('namespaces "nope" not found');
    expect(rejected(POD.replace("name: web\nspec", "name: web\n  namespace: gone\nspec"))).toBe(
      'pods "web" is forbidden: unable to create new content in namespace gone because it is being terminated',
    );
    expect(rejected(POD.replace("spec:\n", "spec:\n  priorityClassName: urgent\n"))).toBe(
      'pods "web" is forbidden: no PriorityClass with name urgent was found',
    );
  });

  it("skips the token volume when automountServiceAccountToken is false", () => {
    const pod = created(POD.replace("spec:\n", "spec:\n  automountServiceAccountToken: false\n"));
    expect(pod.spec.volumes).toBeUndefined();
    expect(pod.spec.containers[0].volumeMounts).toBeUndefined();
  });
});

describe("defaults for the kinds issue 10 serves", () => {
  it("NetworkPolicy: policyTypes and port protocols", () => {
    const np = created(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
  - ports: [{port: 5432}]
  egress:
  - {}
`);
    expect(np.spec.policyTypes).toEqual(["Ingress", "Egress"]);
    expect(np.spec.ingress[0].ports).toEqual([{ port: 5432, protocol: "TCP" }]);
  });

  it("LimitRange: default limits from max, requests from default", () => {
    const lr = created(`apiVersion: v1
kind: LimitRange
metadata: {name: limits}
spec:
  limits:
  - type: Container
    max: {cpu: "1"}
    min: {memory: 64Mi}
`);
    expect(lr.spec.limits[0]).toEqual({
      type: "Container",
      max: { cpu: "1" },
      min: { memory: "64Mi" },
      default: { cpu: "1" },
      defaultRequest: { cpu: "1", memory: "64Mi" },
    });
  });

  it("HorizontalPodAutoscaler: minReplicas and the CPU metric", () => {
    const hpa = created(`apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  maxReplicas: 5
`);
    expect(hpa.spec.minReplicas).toBe(1);
    expect(hpa.spec.metrics).toEqual([{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }]);
  });

  it("RoleBinding subjects and StorageClass policies", () => {
    const rb = created(`apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects:
- {kind: User, name: jane}
- {kind: ServiceAccount, name: robot, namespace: default}
`);
    expect(rb.subjects.map((s: Loose) => s.apiGroup)).toEqual(["rbac.authorization.k8s.io", undefined]);
    const sc = created("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: kubernetes.io/no-provisioner\n");
    expect([sc.reclaimPolicy, sc.volumeBindingMode]).toEqual(["Delete", "Immediate"]);
  });
});

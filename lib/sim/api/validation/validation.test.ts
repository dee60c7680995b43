import { describe, expect, it } from "vitest";
import { createFromYaml, type Loose } from "../test-helpers";
import type { KubeObject } from "../types";
import { toInvalidStatus, validateUpdate } from "./index";

function rejected(text: string): string {
  const result = createFromYaml(text);
  if (result.ok) throw new Error("expected validation to fail");
  return result.message;
}

function created(text: string): KubeObject {
  const result = createFromYaml(text);
  if (!result.ok) throw new Error(result.message);
  return result.object;
}

const pod = (containers: string, extra = "") => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${extra}  containers:
${containers}`;

const deployment = (spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${spec}`;

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe("validateCreate messages (pkg/apis/core/validation)", () => {
  it.each([
    ["missing image", pod("  - name: web\n"), 'The Pod "web" is invalid: spec.containers[0].image: Required value'],
    [
      "upper-case name",
      pod("  - name: web\n    image: nginx\n").replace("name: web\nspec", "name: Web\nspec"),
      `The Pod "Web" is invalid: metadata.name: Invalid value: "Web": ${SUBDOMAIN_MSG}`,
    ],
    [
      "bad container name",
      pod("  - name: Web_1\n    image: nginx\n"),
      `The Pod "web" is invalid: spec.containers[0].name: Invalid value: "Web_1": ${LABEL_MSG}`,
    ],
    [
      "protocol enum",
      pod("  - name: web\n    image: nginx\n    ports:\n    - containerPort: 80\n      protocol: tcp\n"),
      'The Pod "web" is invalid: spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
    ],
    [
      "port out of range",
      pod("  - name: web\n    image: nginx\n    ports:\n    - containerPort: 70000\n"),
      'The Pod "web" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
    [
      "duplicate names across init and app containers",
      pod("  - name: web\n    image: nginx\n", "  initContainers:\n  - name: web\n    image: busybox\n"),
      'The Pod "web" is invalid: spec.initContainers[0].name: Duplicate value: "web"',
    ],
    [
      "restartPolicy enum",
      pod("  - name: web\n    image: nginx\n", "  restartPolicy: never\n"),
      'The Pod "web" is invalid: spec.restartPolicy: Unsupported value: "never": supported values: "Always", "OnFailure", "Never"',
    ],
    [
      "imagePullPolicy enum",
      pod("  - name: web\n    image: nginx\n    imagePullPolicy: IfNotPresents\n"),
      'The Pod "web" is invalid: spec.containers[0].imagePullPolicy: Unsupported value: "IfNotPresents": supported values: "Always", "IfNotPresent", "Never"',
    ],
    [
      "two probe handlers",
      pod("  - name: web\n    image: nginx\n    livenessProbe:\n      httpGet: {port: 80}\n      tcpSocket: {port: 80}\n"),
      'The Pod "web" is invalid: spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
    ],
    [
      "probe without handler",
      pod("  - name: web\n    image: nginx\n    readinessProbe:\n      periodSeconds: 5\n"),
      'The Pod "web" is invalid: spec.containers[0].readinessProbe: Required value: must specify a handler type',
    ],
    [
      "liveness successThreshold",
      pod("  - name: web\n    image: nginx\n    livenessProbe:\n      exec: {command: [ls]}\n      successThreshold: 2\n"),
      'The Pod "web" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    ],
    [
      "requests above limits",
      pod("  - name: web\n    image: nginx\n    resources:\n      requests: {cpu: 2}\n      limits: {cpu: 1}\n"),
      'The Pod "web" is invalid: spec.containers[0].resources.requests[cpu]: Invalid value: "2": must be less than or equal to cpu limit of 1',
    ],
    [
      "mount of a missing volume",
      pod("  - name: web\n    image: nginx\n    volumeMounts:\n    - name: data\n      mountPath: /data\n"),
      'The Pod "web" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"',
    ],
    [
      "volume with two sources",
      pod(
        "  - name: web\n    image: nginx\n",
        "  volumes:\n  - name: data\n    emptyDir: {}\n    hostPath: {path: /tmp}\n",
      ),
      'The Pod "web" is invalid: spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type',
    ],
    [
      "bad label value",
      pod("  - name: web\n    image: nginx\n").replace("name: web\nspec", "name: web\n  labels:\n    app: -web\nspec"),
      `The Pod "web" is invalid: metadata.labels: Invalid value: "-web": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ],
  ])("%s", (_name, text, expected) => {
    expect(rejected(text)).toBe(expected);
  });

  it.each([
    [
      "downward API typo",
      pod("  - name: web\n    image: nginx\n    env:\n    - name: POD\n      valueFrom:\n        fieldRef: {fieldPath: metadata.nme}\n"),
      'The Pod "web" is invalid: spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Invalid value: "metadata.nme": error converting fieldPath: field label not supported: metadata.nme',
    ],
    [
      "downward API field env cannot use",
      pod("  - name: web\n    image: nginx\n    env:\n    - name: POD\n      valueFrom:\n        fieldRef: {fieldPath: metadata.labels}\n"),
      'The Pod "web" is invalid: spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "metadata.labels": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
    ],
    [
      "value and valueFrom together",
      pod("  - name: web\n    image: nginx\n    env:\n    - name: A\n      value: x\n      valueFrom:\n        configMapKeyRef: {name: cm, key: a}\n"),
      'The Pod "web" is invalid: spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
    ],
    [
      "resourceFieldRef resource",
      pod("  - name: web\n    image: nginx\n    env:\n    - name: CPU\n      valueFrom:\n        resourceFieldRef: {resource: limit.cpu}\n"),
      'The Pod "web" is invalid: spec.containers[0].env[0].valueFrom.resourceFieldRef.resource: Unsupported value: "limit.cpu": supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"',
    ],
    [
      "dnsPolicy order",
      pod("  - name: web\n    image: nginx\n", "  dnsPolicy: ClusterFirstt\n"),
      'The Pod "web" is invalid: spec.dnsPolicy: Unsupported value: "ClusterFirstt": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ],
    [
      "toleration Exists with a value",
      pod("  - name: web\n    image: nginx\n", "  tolerations:\n  - {key: gpu, operator: Exists, value: \"true\", effect: NoSchedule}\n"),
      "The Pod \"web\" is invalid: spec.tolerations[0].operator: Invalid value: \"true\": value must be empty when `operator` is 'Exists'",
    ],
    [
      "preStop sleep longer than the grace period",
      pod("  - name: web\n    image: nginx\n    lifecycle:\n      preStop:\n        sleep: {seconds: 60}\n"),
      'The Pod "web" is invalid: spec.containers[0].lifecycle.preStop.sleep: Invalid value: 60: must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.',
    ],
    [
      "two containers on one host port",
      pod("  - name: a\n    image: nginx\n    ports: [{containerPort: 80, hostPort: 8080}]\n  - name: b\n    image: nginx\n    ports: [{containerPort: 81, hostPort: 8080}]\n"),
      'The Pod "web" is invalid: spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"',
    ],
    [
      "hostNetwork port mismatch",
      pod("  - name: web\n    image: nginx\n    ports:\n    - {containerPort: 80, hostPort: 8080}\n", "  hostNetwork: true\n"),
      'The Pod "web" is invalid: spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true',
    ],
  ])("%s", (_name, text, expected) => {
    expect(rejected(text)).toBe(expected);
  });

  it("lists several errors in brackets, in upstream order", () => {
    expect(rejected(pod("  - name: web\n  - name: web\n    image: nginx\n"))).toBe(
      'The Pod "web" is invalid: [spec.containers[0].image: Required value, spec.containers[1].name: Duplicate value: "web"]',
    );
  });

  it.each([
    [
      "selector does not match",
      deployment(
        "  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers: [{name: web, image: nginx}]\n",
      ),
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`',
    ],
    [
      "missing selector",
      deployment("  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: nginx}]\n"),
      'The Deployment "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`]',
    ],
    [
      "template restartPolicy",
      deployment(
        "  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      restartPolicy: Never\n      containers: [{name: web, image: nginx}]\n",
      ),
      'The Deployment "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ],
    [
      "negative replicas",
      deployment(
        "  replicas: -1\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: nginx}]\n",
      ),
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      "maxSurge and maxUnavailable both 0",
      deployment(
        "  strategy: {rollingUpdate: {maxSurge: 0, maxUnavailable: 0}}\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: nginx}]\n",
      ),
      'The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ],
    [
      "Recreate with rollingUpdate",
      deployment(
        "  strategy: {type: Recreate, rollingUpdate: {maxSurge: 1}}\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: nginx}]\n",
      ),
      "The Deployment \"web\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ],
    [
      "bad percent",
      deployment(
        "  strategy: {rollingUpdate: {maxSurge: 25}}\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: nginx}]\n",
      ).replace("maxSurge: 25", 'maxSurge: "25"'),
      "The Deployment \"web\" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"25\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ],
  ])("Deployment: %s", (_name, text, expected) => {
    expect(rejected(text)).toBe(expected);
  });

  it.each([
    [
      "Deployment strategy type",
      deployment(
        "  strategy: {type: Rolling}\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: nginx}]\n",
      ),
      'The Deployment "web" is invalid: spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"Rolling", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"',
    ],
    [
      "Deployment activeDeadlineSeconds",
      deployment(
        "  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      activeDeadlineSeconds: 30\n      containers: [{name: web, image: nginx}]\n",
      ),
      'The Deployment "web" is invalid: spec.template.spec.activeDeadlineSeconds: Invalid value: 30: activeDeadlineSeconds in ReplicaSet is not Supported',
    ],
    [
      "DaemonSet without selector",
      "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: web}\nspec:\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: nginx}]\n",
      'The DaemonSet "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ],
    [
      "DaemonSet surge and unavailable together",
      "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  updateStrategy: {rollingUpdate: {maxSurge: 1}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: nginx}]\n",
      'The DaemonSet "web" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero',
    ],
    [
      "StatefulSet podManagementPolicy",
      "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  podManagementPolicy: parallel\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: db, image: postgres}]\n",
      'The StatefulSet "db" is invalid: spec.podManagementPolicy: Invalid value: "parallel": must be \'OrderedReady\' or \'Parallel\'',
    ],
  ])("%s", (_name, text, expected) => {
    expect(rejected(text)).toBe(expected);
  });

  it("Job restartPolicy must be OnFailure or Never", () => {
    expect(
      rejected(
        "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers: [{name: c, image: busybox}]\n",
      ),
    ).toBe('The Job "j" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"');
  });

  it.each([
    ["*/5 * * *", "expected exactly 5 fields, found 4: [*/5 * * *]"],
    ["60 * * * *", "end of range (60) above maximum (59): 60"],
    ["* * 0 * *", "beginning of range (0) below minimum (1): 0"],
    ["@every5m", "unrecognized descriptor: @every5m"],
    ["a * * * *", 'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax'],
  ])("CronJob schedule %j", (schedule, detail) => {
    const text = `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: cj}\nspec:\n  schedule: "${schedule}"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: c, image: busybox}]\n`;
    expect(rejected(text)).toBe(`The CronJob "cj" is invalid: spec.schedule: Invalid value: "${schedule}": ${detail}`);
  });

  it.each([
    [
      "type enum",
      "  type: Nodeport\n  ports: [{port: 80}]\n",
      'The Service "s" is invalid: spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ],
    ["no ports", "  selector: {app: a}\n", 'The Service "s" is invalid: spec.ports: Required value'],
    [
      "names required with several ports",
      "  ports: [{port: 80}, {port: 443}]\n",
      'The Service "s" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]',
    ],
    [
      "nodePort on ClusterIP",
      "  ports: [{port: 80, nodePort: 30001}]\n",
      "The Service \"s\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ],
  ])("Service: %s", (_name, spec, expected) => {
    expect(rejected(`apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n${spec}`)).toBe(expected);
  });

  it("ConfigMap keys, PVC access modes and storage", () => {
    expect(rejected('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  "my key": v\n')).toBe(
      "The ConfigMap \"c\" is invalid: data[my key]: Invalid value: \"my key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
    expect(rejected("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: p}\nspec:\n  accessModes: [ReadWriteOnly]\n")).toBe(
      'The PersistentVolumeClaim "p" is invalid: [spec.accessModes: Unsupported value: "ReadWriteOnly": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod", spec.resources[storage]: Required value]',
    );
  });

  it("names Services as DNS-1035 labels and Namespaces as DNS-1123 labels", () => {
    expect(rejected("apiVersion: v1\nkind: Service\nmetadata: {name: 1web}\nspec:\n  ports: [{port: 80}]\n")).toBe(
      "The Service \"1web\" is invalid: metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    );
    expect(rejected("apiVersion: v1\nkind: Namespace\nmetadata: {name: dev.team}\n")).toBe(
      `The Namespace "dev.team" is invalid: metadata.name: Invalid value: "dev.team": ${LABEL_MSG}`,
    );
  });

  it("builds the Invalid status with causes", () => {
    const status = toInvalidStatus("Pod", "web", [{ type: "Required", field: "spec.containers[0].image", detail: "" }]);
    expect(status).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: 'The Pod "web" is invalid: spec.containers[0].image: Required value',
      reason: "Invalid",
      details: { name: "web", kind: "Pod", causes: [{ reason: "FieldValueRequired", message: "Required value", field: "spec.containers[0].image" }] },
      code: 422,
    });
  });
});

describe("validateUpdate", () => {
  const base = created(pod("  - name: web\n    image: nginx\n"));

  it("lets a pod change its image but nothing else in the spec", () => {
    const spec = base.spec as Loose;
    const newImage = { ...base, spec: { ...spec, containers: [{ ...spec.containers[0], image: "nginx:1.27" }] } };
    expect(validateUpdate(newImage, base)).toEqual([]);
    const newPort = { ...base, spec: { ...spec, containers: [{ ...spec.containers[0], ports: [{ containerPort: 8080, protocol: "TCP" }] }] } };
    expect(toInvalidStatus("Pod", "web", validateUpdate(newPort, base)).message).toBe(
      'The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
  });

  it("keeps a Deployment's selector immutable", () => {
    const d = created(
      deployment(
        "  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: nginx}]\n",
      ),
    );
    const spec = d.spec as Loose;
    const changed = {
      ...d,
      spec: { ...spec, selector: { matchLabels: { app: "web2" } }, template: { ...spec.template, metadata: { labels: { app: "web2" } } } },
    };
    expect(toInvalidStatus("Deployment", "web", validateUpdate(changed, d)).message).toBe(
      'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  it("keeps a Service's cluster IP", () => {
    const svc = created("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80}]\n");
    const spec = svc.spec as Loose;
    const changed = { ...svc, spec: { ...spec, clusterIP: "10.96.0.99", clusterIPs: ["10.96.0.99"] } };
    expect(toInvalidStatus("Service", "s", validateUpdate(changed, svc)).message).toBe(
      'The Service "s" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set',
    );
  });

  it("keeps a Job's template immutable", () => {
    const job = created(
      "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: c, image: busybox}]\n",
    );
    const spec = job.spec as Loose;
    const changed = {
      ...job,
      spec: { ...spec, template: { ...spec.template, spec: { ...spec.template.spec, containers: [{ ...spec.template.spec.containers[0], image: "alpine" }] } } },
    };
    const errors = validateUpdate(changed, job);
    expect(errors.map((e) => `${e.field}: ${e.detail}`)).toEqual(["spec.template: field is immutable"]);
  });
});

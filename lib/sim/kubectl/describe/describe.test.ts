import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe as suite, expect, it } from "vitest";
import type { KubeObject } from "../format/kube-object";
import { parseTimestamp } from "../format/time";
import { camelcaseSplit, smartLabelFor } from "./generic";
import { describe, describeProbe, podQosClass } from "./index";
import { deployment, deploymentEvents, makeReader, pod, podEvents, replicaSets, T0 } from "./testing/fixtures";

const GOLDEN = path.resolve(__dirname, "../../../../tests/golden/kubectl/describe");
const NOW = parseTimestamp("2024-05-01T10:10:00Z")!;

/** Compares with tests/golden/kubectl/describe/NAME.txt (UPDATE_GOLDEN=1 rewrites it; review the diff). */
function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, `${name}.txt`);
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

const reader = makeReader({
  events: [...podEvents, ...deploymentEvents],
  replicasets: replicaSets,
  pods: [pod],
});

suite("describe", () => {
  it("describes a pod with an init container, probes, env sources, volumes and events", () => {
    expectGolden("pod", describe("pods", pod, reader, { now: NOW }));
  });

  it("describes a deployment with its new and old ReplicaSets", () => {
    expectGolden("deployment", describe("deploy", deployment, reader, { now: NOW }));
  });

  it("lists a scaled-down old ReplicaSet only while it still has replicas", () => {
    const rolling = replicaSets.map((rs) =>
      rs.metadata?.name === "web-6d4cf56db6" ? { ...rs, spec: { ...(rs.spec as object), replicas: 1 }, status: { replicas: 1 } } : rs,
    );
    const out = describe("deployments", deployment, makeReader({ replicasets: rolling }), { now: NOW });
    expect(out).toContain("OldReplicaSets:  web-6d4cf56db6 (1/1 replicas created)\n");
    expect(out).toContain("NewReplicaSet:   web-7c5ddbdf54 (3/3 replicas created)\n");
    expect(out.endsWith("Events:          <none>\n")).toBe(true);
  });

  it("prints <none> for a pending pod without node, IPs or events", () => {
    const pending: KubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p", namespace: "default", creationTimestamp: T0 },
      spec: { containers: [{ name: "c", image: "nginx" }] },
      status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False" }] },
    };
    expect(describe("po", pending, makeReader({}), { now: NOW })).toBe(
      [
        "Name:         p",
        "Namespace:    default",
        "Node:         <none>",
        "Labels:       <none>",
        "Annotations:  <none>",
        "Status:       Pending",
        "IP:           ",
        "IPs:          <none>",
        "Containers:",
        "  c:",
        "    Image:        nginx",
        "    Port:         <none>",
        "    Host Port:    <none>",
        "    Environment:  <none>",
        "    Mounts:       <none>",
        "Conditions:",
        "  Type           Status",
        "  PodScheduled   False ",
        "Volumes:         <none>",
        "QoS Class:       BestEffort",
        "Node-Selectors:  <none>",
        "Tolerations:     <none>",
        "Events:          <none>",
        "",
      ].join("\n"),
    );
  });

  it("describes a service with its endpoints", () => {
    const svc: KubeObject = {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web", namespace: "default", labels: { app: "web" } },
      spec: {
        type: "ClusterIP",
        selector: { app: "web" },
        clusterIP: "10.96.10.20",
        clusterIPs: ["10.96.10.20"],
        ipFamilies: ["IPv4"],
        ipFamilyPolicy: "SingleStack",
        ports: [{ port: 80, targetPort: 8080, protocol: "TCP" }],
        sessionAffinity: "None",
        internalTrafficPolicy: "Cluster",
      },
    };
    const endpoints: KubeObject = {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: { name: "web", namespace: "default" },
      subsets: [{ addresses: [{ ip: "10.244.1.5" }, { ip: "10.244.2.7" }], ports: [{ port: 8080, protocol: "TCP" }] }],
    };
    expect(describe("svc", svc, makeReader({ endpoints: [endpoints] }), { now: NOW })).toBe(
      [
        "Name:                     web",
        "Namespace:                default",
        "Labels:                   app=web",
        "Annotations:              <none>",
        "Selector:                 app=web",
        "Type:                     ClusterIP",
        "IP Family Policy:         SingleStack",
        "IP Families:              IPv4",
        "IP:                       10.96.10.20",
        "IPs:                      10.96.10.20",
        "Port:                     <unset>  80/TCP",
        "TargetPort:               8080/TCP",
        "Endpoints:                10.244.1.5:8080,10.244.2.7:8080",
        "Session Affinity:         None",
        "Internal Traffic Policy:  Cluster",
        "Events:                   <none>",
        "",
      ].join("\n"),
    );
  });

  it("describes namespaces, configmaps, secrets and service accounts", () => {
    const r = makeReader({});
    expect(describe("ns", { kind: "Namespace", metadata: { name: "dev", labels: { "kubernetes.io/metadata.name": "dev" } }, status: { phase: "Active" } }, r, { now: NOW })).toBe(
      "Name:         dev\nLabels:       kubernetes.io/metadata.name=dev\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n",
    );
    expect(describe("cm", { kind: "ConfigMap", metadata: { name: "cfg", namespace: "default" }, data: { level: "debug", "app.conf": "a=1\nb=2" } }, r, { now: NOW })).toBe(
      "Name:         cfg\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\napp.conf:\n----\na=1\nb=2\n\nlevel:\n----\ndebug\n\n\nBinaryData\n====\n\nEvents:  <none>\n",
    );
    expect(describe("secret", { kind: "Secret", metadata: { name: "db", namespace: "default" }, type: "Opaque", data: { password: "czNjcjN0", user: "YWRtaW4=" } }, r, { now: NOW })).toBe(
      "Name:         db\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  6 bytes\nuser:      5 bytes\n",
    );
    expect(describe("sa", { kind: "ServiceAccount", metadata: { name: "default", namespace: "default" } }, r, { now: NOW })).toBe(
      "Name:                default\nNamespace:           default\nLabels:              <none>\nAnnotations:         <none>\nImage pull secrets:  <none>\nMountable secrets:   <none>\nTokens:              <none>\nEvents:              <none>\n",
    );
  });

  it("describes a node with its pods and allocated resources", () => {
    const node: KubeObject = {
      kind: "Node",
      metadata: { name: "node01", creationTimestamp: T0, labels: { "kubernetes.io/hostname": "node01" } },
      spec: { podCIDR: "10.244.1.0/24", podCIDRs: ["10.244.1.0/24"], taints: [{ key: "gpu", value: "true", effect: "NoSchedule" }] },
      status: {
        conditions: [{ type: "Ready", status: "True", lastHeartbeatTime: T0, lastTransitionTime: T0, reason: "KubeletReady", message: "kubelet is posting ready status" }],
        addresses: [{ type: "InternalIP", address: "172.18.0.3" }, { type: "Hostname", address: "node01" }],
        capacity: { cpu: "2", memory: "4Gi", pods: "110", "ephemeral-storage": "20Gi" },
        allocatable: { cpu: "2", memory: "4Gi", pods: "110", "ephemeral-storage": "20Gi" },
        nodeInfo: { kubeletVersion: "v1.32.0", containerRuntimeVersion: "containerd://1.7.22", osImage: "Ubuntu 22.04.4 LTS", kernelVersion: "6.8.0", operatingSystem: "linux", architecture: "amd64", machineID: "m", systemUUID: "s", bootID: "b", kubeProxyVersion: "v1.32.0" },
      },
    };
    const out = describe("nodes", node, makeReader({ pods: [pod] }), { now: NOW });
    expectGolden("node", out);
    expect(out).toContain("Taints:             gpu=true:NoSchedule\n");
  });

  it("describes ingresses and network policies", () => {
    const ing: KubeObject = {
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: { name: "web", namespace: "default", annotations: { "nginx.ingress.kubernetes.io/rewrite-target": "/" } },
      spec: {
        ingressClassName: "nginx",
        tls: [{ hosts: ["foo.com"], secretName: "cert" }],
        rules: [
          {
            host: "foo.com",
            http: {
              paths: [
                { path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } },
                { path: "/api", pathType: "Exact", backend: { service: { name: "api", port: { name: "http" } } } },
              ],
            },
          },
        ],
      },
    };
    const svc: KubeObject = { kind: "Service", metadata: { name: "web", namespace: "default" }, spec: { ports: [{ port: 80 }] } };
    const ep: KubeObject = { kind: "Endpoints", metadata: { name: "web", namespace: "default" }, subsets: [{ addresses: [{ ip: "10.244.1.5" }], ports: [{ port: 80 }] }] };
    expect(describe("ing", ing, makeReader({ services: [svc], endpoints: [ep] }), { now: NOW })).toBe(
      [
        "Name:             web",
        "Labels:           <none>",
        "Namespace:        default",
        "Address:          ",
        "Ingress Class:    nginx",
        "Default backend:  <default>",
        "TLS:",
        "  cert terminates foo.com",
        "Rules:",
        "  Host        Path  Backends",
        "  ----        ----  --------",
        "  foo.com     ",
        "              /      web:80 (10.244.1.5:80)",
        '              /api   <error: endpoints "api" not found>',
        "Annotations:  nginx.ingress.kubernetes.io/rewrite-target: /",
        "Events:       <none>",
        "",
      ].join("\n"),
    );
    const np: KubeObject = {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "db", namespace: "default", creationTimestamp: T0 },
      spec: {
        podSelector: { matchLabels: { app: "db" } },
        policyTypes: ["Ingress", "Egress"],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: "web" } } }, { namespaceSelector: { matchLabels: { team: "a" } }, podSelector: {} }], ports: [{ port: 5432 }] }],
        egress: [],
      },
    };
    expect(describe("netpol", np, makeReader({}), { now: NOW })).toBe(
      [
        "Name:         db",
        "Namespace:    default",
        "Created on:   2024-05-01 10:00:00 +0000 UTC",
        "Labels:       <none>",
        "Annotations:  <none>",
        "Spec:",
        "  PodSelector:     app=db",
        "  Allowing ingress traffic:",
        "    To Port: 5432/TCP",
        "    From:",
        "      PodSelector: app=web",
        "    From:",
        "      NamespaceSelector: team=a",
        "      PodSelector: <none>",
        "  Allowing egress traffic:",
        "    <none> (Selected pods are isolated for egress connectivity)",
        "  Policy Types: Ingress, Egress",
        "",
      ].join("\n"),
    );
  });

  it("describes roles, bindings, quotas and limit ranges", () => {
    const r = makeReader({});
    const role: KubeObject = {
      kind: "Role",
      metadata: { name: "pod-reader", namespace: "default" },
      rules: [
        { apiGroups: [""], resources: ["pods", "pods/log"], verbs: ["get", "list"] },
        { apiGroups: ["apps"], resources: ["deployments"], verbs: ["get"] },
        { apiGroups: [""], resources: ["pods"], verbs: ["watch"] },
        { apiGroups: [""], resources: ["secrets"], resourceNames: ["db"], verbs: ["get"] },
      ],
    };
    expect(describe("role", role, r, { now: NOW })).toBe(
      [
        "Name:         pod-reader",
        "Labels:       <none>",
        "Annotations:  <none>",
        "PolicyRule:",
        "  Resources         Non-Resource URLs  Resource Names  Verbs",
        "  ---------         -----------------  --------------  -----",
        "  pods              []                 []              [get list watch]",
        "  pods/log          []                 []              [get list]",
        "  secrets           []                 [db]            [get]",
        "  deployments.apps  []                 []              [get]",
        "",
      ].join("\n"),
    );
    const binding: KubeObject = {
      kind: "RoleBinding",
      metadata: { name: "read-pods", namespace: "default" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "pod-reader" },
      subjects: [{ kind: "User", name: "jane", apiGroup: "rbac.authorization.k8s.io" }, { kind: "ServiceAccount", name: "bot", namespace: "dev" }],
    };
    expect(describe("rolebinding", binding, r, { now: NOW })).toBe(
      [
        "Name:         read-pods",
        "Labels:       <none>",
        "Annotations:  <none>",
        "Role:",
        "  Kind:  Role",
        "  Name:  pod-reader",
        "Subjects:",
        "  Kind            Name  Namespace",
        "  ----            ----  ---------",
        "  User            jane  ",
        "  ServiceAccount  bot   dev",
        "",
      ].join("\n"),
    );
    const quota: KubeObject = {
      kind: "ResourceQuota",
      metadata: { name: "q", namespace: "dev" },
      spec: { hard: { cpu: "1", pods: "2" }, scopes: ["BestEffort"] },
      status: { hard: { cpu: "1", pods: "2" }, used: { pods: "1" } },
    };
    expect(describe("quota", quota, r, { now: NOW })).toBe(
      [
        "Name:       q",
        "Namespace:  dev",
        "Scopes:     BestEffort",
        " * Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.",
        "Resource  Used  Hard",
        "--------  ----  ----",
        "cpu       0     1",
        "pods      1     2",
        "",
      ].join("\n"),
    );
    const limits: KubeObject = {
      kind: "LimitRange",
      metadata: { name: "lr", namespace: "dev" },
      spec: { limits: [{ type: "Container", default: { cpu: "500m" }, defaultRequest: { cpu: "250m" }, max: { memory: "1Gi" } }] },
    };
    expect(describe("limits", limits, r, { now: NOW })).toBe(
      [
        "Name:       lr",
        "Namespace:  dev",
        "Type        Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio",
        "----        --------  ---  ---  ---------------  -------------  -----------------------",
        "Container   cpu       -    -    250m             500m           -",
        "Container   memory    -    1Gi  -                -              -",
        "",
      ].join("\n"),
    );
  });

  it("falls back to the generic describer", () => {
    const ing: KubeObject = {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "deny", namespace: "default", uid: "np-1", creationTimestamp: T0 },
      spec: { podSelector: {}, policyTypes: ["Ingress"] },
    };
    expectGolden("networkpolicy-generic", describe("widgets", ing, makeReader({}), { now: NOW }));
    expect(camelcaseSplit("podIP")).toEqual(["pod", "IP"]);
    expect(camelcaseSplit("HTTPServer")).toEqual(["HTTP", "Server"]);
    expect(smartLabelFor("apiVersion")).toBe("API Version");
    expect(smartLabelFor("ca.crt")).toBe("ca.crt");
  });

  it("formats probes and the QoS class", () => {
    expect(describeProbe({ httpGet: { path: "/healthz", port: "http", scheme: "HTTPS", host: "example.com" } })).toBe(
      "http-get https://example.com:http/healthz delay=0s timeout=1s period=10s #success=1 #failure=3",
    );
    expect(describeProbe({ grpc: { port: 9000 }, periodSeconds: 5 })).toBe("grpc <pod>:9000  delay=0s timeout=1s period=5s #success=1 #failure=3");
    const guaranteed = { spec: { containers: [{ name: "c", resources: { limits: { cpu: "1", memory: "1Gi" } } }] } };
    expect(podQosClass(guaranteed)).toBe("Guaranteed");
    expect(podQosClass({ spec: { containers: [{ name: "c", resources: { requests: { cpu: "100m" } } }] } })).toBe("Burstable");
    expect(podQosClass({ spec: { containers: [{ name: "c" }] } })).toBe("BestEffort");
  });
});

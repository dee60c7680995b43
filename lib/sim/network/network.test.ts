import { describe, expect, it } from "vitest";
import type { KubeObject } from "../core/types";
import type { NetworkPort } from "../kubelet/state";
import { newCluster, apply } from "../scheduler/testing";
import { allocatePodIP, clusterNetwork, listen, networkFor, networkFromNode, probeHttp, probeTcp, releasePodIP, unlisten } from "./index";
import { runPod, service } from "./testing";

const http = (net: ReturnType<typeof networkFor>, host: string, port = 80, path = "/") => net.http({ method: "GET", host, port, path, headers: {} });
const body = (r: ReturnType<typeof http>) => (r.kind === "ok" ? r.value.body.split(" ")[0] : r.kind);

describe("pod IPs and sockets", () => {
  it("allocates from the node's podCIDR like host-local IPAM", () => {
    const c = newCluster();
    const e = c.engine;
    expect(allocatePodIP(e, "node01")).toBe("10.244.1.2");
    expect(allocatePodIP(e, "node01")).toBe("10.244.1.3");
    expect(allocatePodIP(e, "node02")).toBe("10.244.2.2");
    releasePodIP(e, "10.244.1.2");
    // host-local continues after the last reserved address instead of reusing .2 at once.
    expect(allocatePodIP(e, "node01")).toBe("10.244.1.4");
  });

  it("refuses a second listener on the same address", () => {
    const c = newCluster();
    const h = { tcp: () => ({}) };
    expect(listen(c.engine, "10.244.1.2", 80, h)).toEqual({ ok: true });
    expect(listen(c.engine, "10.244.1.2", 80, h)).toEqual({ ok: false, error: "address already in use" });
    unlisten(c.engine, "10.244.1.2", 80);
    expect(listen(c.engine, "10.244.1.2", 80, h)).toEqual({ ok: true });
  });

  it("is the kubelet's NetworkPort", () => {
    const port: NetworkPort = clusterNetwork;
    expect(typeof port.networkFor).toBe("function");
  });
});

describe("cluster DNS", () => {
  const setup = () => {
    const c = newCluster();
    apply(c, { apiVersion: "v1", kind: "Namespace", metadata: { name: "other" } } as KubeObject);
    apply(c, service("web", { selector: { app: "web" }, ports: [{ port: 80 }] }));
    apply(c, service("ext", { type: "ExternalName", externalName: "example.com" }));
    apply(c, service("nginx", { clusterIP: "None", selector: { app: "nginx" }, ports: [{ port: 80, name: "web" }] }));
    const web0 = runPod(c, { name: "web-0", labels: { app: "nginx" }, spec: { hostname: "web-0", subdomain: "nginx" } });
    runPod(c, { name: "unready", labels: { app: "nginx" }, ready: false, spec: { hostname: "unready", subdomain: "nginx" } });
    const client = runPod(c, { name: "client" });
    const far = runPod(c, { name: "far", namespace: "other" });
    return { c, web0, client, far };
  };

  it("resolves Services by short name, namespace-qualified and fully-qualified names", () => {
    const { c, client } = setup();
    const net = networkFor(c.engine, client.pod);
    const webIP = (c.get("services", "web")!.spec as { clusterIP: string }).clusterIP;
    for (const name of ["web", "web.default", "web.default.svc", "web.default.svc.cluster.local", "web.default.svc.cluster.local."]) {
      expect(net.resolve(name)).toEqual({ kind: "ok", ip: webIP, fqdn: "web.default.svc.cluster.local" });
    }
    expect(net.resolve("kubernetes.default")).toEqual({ kind: "ok", ip: "10.96.0.1", fqdn: "kubernetes.default.svc.cluster.local" });
    expect(net.resolve("kube-dns.kube-system.svc.cluster.local")).toMatchObject({ ip: "10.96.0.10" });
    expect(net.resolve("nope")).toEqual({ kind: "nxdomain" });
    expect(net.resolve("web.nope.svc.cluster.local")).toEqual({ kind: "nxdomain" });
  });

  it("uses the pod's own namespace in its search path", () => {
    const { c, far } = setup();
    const net = networkFor(c.engine, far.pod);
    expect(net.resolve("web")).toEqual({ kind: "nxdomain" });
    expect(net.resolve("web.default")).toMatchObject({ kind: "ok", fqdn: "web.default.svc.cluster.local" });
  });

  it("answers headless Services with ready pod IPs and StatefulSet-style hostnames", () => {
    const { c, client, web0 } = setup();
    const net = networkFor(c.engine, client.pod);
    expect(net.resolve("nginx")).toEqual({ kind: "ok", ip: web0.ip, fqdn: "nginx.default.svc.cluster.local" });
    expect(net.resolve("web-0.nginx")).toEqual({ kind: "ok", ip: web0.ip, fqdn: "web-0.nginx.default.svc.cluster.local" });
    expect(net.resolve("web-0.nginx.default.svc.cluster.local")).toMatchObject({ ip: web0.ip });
    // Not ready → not published.
    expect(net.resolve("unready.nginx")).toEqual({ kind: "nxdomain" });
  });

  it("answers pod A records, ExternalName CNAMEs and outside names", () => {
    const { c, client } = setup();
    const net = networkFor(c.engine, client.pod);
    expect(net.resolve("10-244-1-5.default.pod.cluster.local")).toMatchObject({ kind: "ok", ip: "10.244.1.5" });
    expect(net.resolve("ext")).toEqual({ kind: "ok", ip: "93.184.215.14", fqdn: "ext.default.svc.cluster.local" });
    expect(net.resolve("example.com")).toEqual({ kind: "ok", ip: "93.184.215.14", fqdn: "example.com" });
    expect(net.resolve("no-such-host.invalid")).toEqual({ kind: "nxdomain" });
  });

  it("reverse-resolves ClusterIPs (busybox nslookup's server line)", () => {
    const { c, client } = setup();
    expect(networkFor(c.engine, client.pod).reverse!("10.96.0.10")).toBe("kube-dns.kube-system.svc.cluster.local");
  });

  it("follows dnsPolicy Default: no cluster names", () => {
    const c = newCluster();
    apply(c, service("web", { selector: { app: "web" }, ports: [{ port: 80 }] }));
    const p = runPod(c, { name: "hosty", spec: { dnsPolicy: "Default" } });
    const net = networkFor(c.engine, p.pod);
    expect(net.resolve("web")).toEqual({ kind: "nxdomain" });
    expect(net.resolve("example.com")).toMatchObject({ kind: "ok" });
  });
});

describe("service routing", () => {
  const setup = () => {
    const c = newCluster();
    apply(c, service("web", { selector: { app: "web" }, ports: [{ port: 80, targetPort: "http" }], type: "NodePort" }));
    apply(c, service("empty", { selector: { app: "nothing" }, ports: [{ port: 80 }] }));
    runPod(c, { name: "web-a", labels: { app: "web" }, ports: [{ containerPort: 8080, name: "http" }] });
    runPod(c, { name: "web-b", labels: { app: "web" }, ports: [{ containerPort: 8080, name: "http" }], node: "node02" });
    runPod(c, { name: "web-c", labels: { app: "web" }, ports: [{ containerPort: 8080, name: "http" }], ready: false });
    const client = runPod(c, { name: "client", ports: [{ containerPort: 9000 }] });
    return { c, client, net: networkFor(c.engine, client.pod) };
  };

  it("balances over ready endpoints only, round robin, resolving the named targetPort", () => {
    const { net } = setup();
    const seen = [1, 2, 3, 4].map(() => body(http(net, "web")));
    expect(seen).toEqual(["web-a:8080", "web-b:8080", "web-a:8080", "web-b:8080"]);
  });

  it("passes the client's pod IP to the server", () => {
    const { net, client } = setup();
    const r = http(net, "web");
    expect(r.kind === "ok" && r.value.body.endsWith(`from ${client.ip}`)).toBe(true);
  });

  it("refuses a Service without endpoints and times out on a port it does not expose", () => {
    const { net } = setup();
    expect(http(net, "empty")).toEqual({ kind: "refused" });
    expect(http(net, "web", 8080)).toEqual({ kind: "timeout", afterMs: 127_000 });
  });

  it("refuses a pod port nobody listens on and times out on addresses nobody has", () => {
    const { net, c } = setup();
    const webA = (c.get("pods", "web-a")!.status as { podIP: string }).podIP;
    expect(body(http(net, webA, 8080))).toBe("web-a:8080");
    expect(http(net, webA, 81)).toEqual({ kind: "refused" });
    expect(http(net, "10.244.1.200")).toEqual({ kind: "timeout", afterMs: 127_000 });
    expect(net.tcp("10.96.55.55", 80)).toEqual({ kind: "timeout", afterMs: 127_000 });
    expect(http(net, "no-such-name")).toEqual({ kind: "no-route" });
  });

  it("reaches the pod's own sockets over localhost", () => {
    const { net } = setup();
    expect(body(http(net, "localhost", 9000))).toBe("client:9000");
    expect(body(http(net, "127.0.0.1", 9000))).toBe("client:9000");
    expect(http(net, "127.0.0.1", 9001)).toEqual({ kind: "refused" });
  });

  it("serves NodePorts on every node's InternalIP, also from the node itself", () => {
    const { c, net } = setup();
    const nodePort = (c.get("services", "web")!.spec as { ports: { nodePort: number }[] }).ports[0].nodePort;
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    expect(["web-a:8080", "web-b:8080"]).toContain(body(http(net, "172.30.1.2", nodePort)));
    const fromNode = networkFromNode(c.engine, "controlplane");
    expect(["web-a:8080", "web-b:8080"]).toContain(body(http(fromNode, "172.30.2.3", nodePort)));
    expect(fromNode.resolve("web")).toEqual({ kind: "nxdomain" });
    expect(net.tcp("172.30.2.2", 31999)).toEqual({ kind: "refused" });
  });

  it("answers from the apiserver through the kubernetes Service", () => {
    const { net } = setup();
    const v = net.http({ method: "GET", host: "kubernetes.default", port: 443, path: "/version", headers: {} });
    expect(v.kind === "ok" && JSON.parse(v.value.body).gitVersion).toBe("v1.32.0");
    const denied = net.http({ method: "GET", host: "10.96.0.1", port: 443, path: "/api/v1/namespaces/default/pods", headers: {} });
    expect(denied.kind === "ok" && denied.value.status).toBe(403);
    expect(denied.kind === "ok" && JSON.parse(denied.value.body).message).toBe('pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "default"');
  });

  it("answers wget example.com like the real internet", () => {
    const { net } = setup();
    const r = http(net, "example.com");
    expect(r.kind === "ok" && r.value.status).toBe(200);
    expect(r.kind === "ok" && r.value.body).toContain("<title>Example Domain</title>");
    expect(net.tcp("example.com", 22)).toEqual({ kind: "timeout", afterMs: 127_000 });
  });

  it("keeps ClientIP session affinity", () => {
    const c = newCluster();
    apply(c, service("sticky", { selector: { app: "s" }, ports: [{ port: 80 }], sessionAffinity: "ClientIP" }));
    runPod(c, { name: "s-a", labels: { app: "s" } });
    runPod(c, { name: "s-b", labels: { app: "s" } });
    const net = networkFor(c.engine, runPod(c, { name: "client" }).pod);
    const first = body(http(net, "sticky"));
    expect([1, 2, 3].map(() => body(http(net, "sticky")))).toEqual([first, first, first]);
  });
});

describe("NetworkPolicy", () => {
  const setup = () => {
    const c = newCluster();
    apply(c, service("db", { selector: { app: "db" }, ports: [{ port: 80 }] }));
    runPod(c, { name: "db", labels: { app: "db" } });
    const api = runPod(c, { name: "api", labels: { app: "api" } });
    const other = runPod(c, { name: "other", labels: { app: "other" } });
    return { c, api: networkFor(c.engine, api.pod), other: networkFor(c.engine, other.pod) };
  };
  const policy = (name: string, spec: Record<string, unknown>) => ({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name }, spec }) as KubeObject;

  it("drops ingress a deny-all policy does not allow, and lets the allowed client through", () => {
    const { c, api, other } = setup();
    apply(c, policy("db-allow-api", { podSelector: { matchLabels: { app: "db" } }, policyTypes: ["Ingress"], ingress: [{ from: [{ podSelector: { matchLabels: { app: "api" } } }], ports: [{ port: 80 }] }] }));
    expect(body(http(api, "db"))).toBe("db:80");
    expect(http(other, "db")).toEqual({ kind: "timeout", afterMs: 127_000 });
  });

  it("blocks DNS under a default-deny egress policy unless port 53 is allowed", () => {
    const { c, api } = setup();
    apply(c, policy("deny-egress", { podSelector: {}, policyTypes: ["Egress"] }));
    expect(api.resolve("db")).toEqual({ kind: "nxdomain" });
    apply(c, policy("allow-dns", { podSelector: {}, policyTypes: ["Egress"], egress: [{ ports: [{ port: 53, protocol: "UDP" }, { port: 53, protocol: "TCP" }] }] }));
    expect(api.resolve("db")).toMatchObject({ kind: "ok" });
    expect(http(api, "db")).toEqual({ kind: "timeout", afterMs: 127_000 });
  });
});

describe("kubelet probes", () => {
  it("reach listeners, are refused by known pods and time out on unknown addresses", () => {
    const c = newCluster();
    const { ip } = runPod(c, { name: "p" });
    const req = { method: "GET", host: ip, port: 80, path: "/healthz", headers: {} };
    expect(probeHttp(c.engine, ip, 80, req, 1000)).toMatchObject({ kind: "ok", value: { status: 200 } });
    expect(probeTcp(c.engine, ip, 81, 1000)).toEqual({ kind: "refused" });
    expect(probeTcp(c.engine, "10.244.2.99", 80, 1000)).toEqual({ kind: "timeout", afterMs: 1000 });
  });
});

describe("NetworkPolicy peers and ports", () => {
  const policy = (name: string, spec: Record<string, unknown>, namespace = "default") =>
    ({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name, namespace }, spec }) as KubeObject;
  const setup = () => {
    const c = newCluster();
    apply(c, { apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a", labels: { team: "a" } } } as KubeObject);
    apply(c, { apiVersion: "v1", kind: "Namespace", metadata: { name: "team-b" } } as KubeObject);
    const db = runPod(c, { name: "db", labels: { app: "db" }, ports: [{ containerPort: 5432, name: "pg" }, { containerPort: 9187, name: "metrics" }] });
    const a = networkFor(c.engine, runPod(c, { name: "a", namespace: "team-a", labels: { app: "client" } }).pod);
    const b = networkFor(c.engine, runPod(c, { name: "b", namespace: "team-b", labels: { app: "client" } }).pod);
    const local = networkFor(c.engine, runPod(c, { name: "local", labels: { app: "client" } }).pod);
    return { c, db, a, b, local };
  };
  const tcp = (net: ReturnType<typeof networkFor>, ip: string, port: number) => net.tcp(ip, port).kind;

  it.each([
    ["a podSelector peer only admits pods of the policy's namespace", { from: [{ podSelector: { matchLabels: { app: "client" } } }] }, { a: "timeout", b: "timeout", local: "ok" }],
    ["a namespaceSelector peer admits every pod of matching namespaces", { from: [{ namespaceSelector: { matchLabels: { team: "a" } } }] }, { a: "ok", b: "timeout", local: "timeout" }],
    [
      "namespaceSelector and podSelector in one peer must both match",
      { from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "team-b" } }, podSelector: { matchLabels: { app: "client" } } }] },
      { a: "timeout", b: "ok", local: "timeout" },
    ],
    ["an ipBlock peer matches the client address", { from: [{ ipBlock: { cidr: "10.244.0.0/16", except: ["10.244.1.3/32"] } }] }, { a: "timeout", b: "ok", local: "ok" }],
    ["a named port in the rule is the server's container port", { ports: [{ port: "pg" }] }, { a: "ok", b: "ok", local: "ok" }],
    ["a rule for another port does not open 5432", { ports: [{ port: 9187 }] }, { a: "timeout", b: "timeout", local: "timeout" }],
  ])("%s", (_name, rule, want) => {
    const { c, db, a, b, local } = setup();
    apply(c, policy("db", { podSelector: { matchLabels: { app: "db" } }, ingress: [rule] }));
    expect({ a: tcp(a, db.ip, 5432), b: tcp(b, db.ip, 5432), local: tcp(local, db.ip, 5432) }).toEqual(want);
  });

  it("an empty ingress rule list isolates the pod completely", () => {
    const { c, db, a, local } = setup();
    apply(c, policy("deny", { podSelector: {}, policyTypes: ["Ingress"] }));
    expect([tcp(a, db.ip, 5432), tcp(local, db.ip, 5432)]).toEqual(["timeout", "timeout"]);
    // Probes come from the kubelet on the node and still pass.
    expect(probeTcp(c.engine, db.ip, 5432, 1000).kind).toBe("ok");
  });

  it("egress rules are checked at the client", () => {
    const { c, db, a, local } = setup();
    apply(c, policy("only-db", { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ podSelector: { matchLabels: { app: "db" } }, namespaceSelector: {} }], ports: [{ port: 5432 }] }] }, "team-a"));
    expect(tcp(a, db.ip, 5432)).toBe("ok");
    expect(tcp(a, db.ip, 9187)).toBe("timeout");
    expect(tcp(local, db.ip, 9187)).toBe("ok");
    expect(a.resolve("example.com")).toEqual({ kind: "nxdomain" });
  });
});

import { describe, expect, it } from "vitest";
import type { Obj } from "./controller-utils";
import { get, makePod, newCluster, setPodRunning } from "./testing";

const svc = (name: string, spec: Obj, labels?: Record<string, string>) => ({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name, ...(labels ? { labels } : {}) },
  spec,
});

const webPod = (name: string, spec: Obj = {}) =>
  makePod(name, { app: "web" }, { containers: [{ name: "nginx", image: "nginx", ports: [{ name: "http", containerPort: 8080 }] }], ...spec });

function slices(c: ReturnType<typeof newCluster>, service: string): Obj[] {
  return (c.engine.store.list("endpointslices", "default") as Obj[]).filter((s) => s.metadata.labels["kubernetes.io/service-name"] === service);
}

describe("Endpoints controller", () => {
  it("omits subsets while no pod qualifies, then lists ready and not-ready addresses with resolved ports", () => {
    const c = newCluster(21);
    c.apply(svc("web", { selector: { app: "web" }, ports: [{ name: "http", port: 80, targetPort: "http" }] }, { tier: "fe" }));
    const ep0 = get(c, "endpoints", "web");
    expect(ep0.subsets).toBeUndefined();
    expect(ep0.metadata.labels).toEqual({ tier: "fe" });
    expect(ep0.metadata.annotations["endpoints.kubernetes.io/last-change-trigger-time"]).toBe("2025-01-01T00:00:00Z");
    c.apply(webPod("a"));
    c.apply(webPod("b"));
    expect(get(c, "endpoints", "web").subsets).toBeUndefined(); // no IPs yet
    setPodRunning(c, "default", "a", true);
    setPodRunning(c, "default", "b", false);
    const a = get(c, "pods", "a");
    const b = get(c, "pods", "b");
    expect(get(c, "endpoints", "web").subsets).toEqual([
      {
        addresses: [{ ip: a.status.podIP, targetRef: { kind: "Pod", namespace: "default", name: "a", uid: a.metadata.uid } }],
        notReadyAddresses: [{ ip: b.status.podIP, targetRef: { kind: "Pod", namespace: "default", name: "b", uid: b.metadata.uid } }],
        ports: [{ name: "http", port: 8080, protocol: "TCP" }],
      },
    ]);
    c.delete("pods", "a");
    expect(get(c, "endpoints", "web").subsets[0].addresses).toBeUndefined();
    c.delete("services", "web");
    expect(get(c, "endpoints", "web")).toBeUndefined();
    expect(slices(c, "web")).toEqual([]);
  });

  it("publishNotReadyAddresses and headless hostnames", () => {
    const c = newCluster(22);
    c.apply(svc("nginx", { clusterIP: "None", selector: { app: "web" }, publishNotReadyAddresses: true }));
    c.apply(webPod("web-0", { hostname: "web-0", subdomain: "nginx" }));
    setPodRunning(c, "default", "web-0", false);
    const ep = get(c, "endpoints", "nginx");
    expect(ep.metadata.labels).toEqual({ "service.kubernetes.io/headless": "" });
    expect(ep.subsets[0].addresses[0].hostname).toBe("web-0");
    expect(ep.subsets[0].ports).toBeUndefined();
  });

  it("skips pods whose named targetPort does not exist", () => {
    const c = newCluster(23);
    c.apply(svc("web", { selector: { app: "web" }, ports: [{ port: 80, targetPort: "metrics" }] }));
    c.apply(webPod("a"));
    setPodRunning(c, "default", "a");
    expect(get(c, "endpoints", "web").subsets).toBeUndefined();
  });

  it("leaves Endpoints of selector-less Services alone", () => {
    const c = newCluster(24);
    c.apply(svc("ext", { ports: [{ port: 80 }] }));
    expect(get(c, "endpoints", "ext")).toBeUndefined();
    expect(slices(c, "ext")).toEqual([]);
  });
});

describe("EndpointSlice controller", () => {
  it("keeps a placeholder, then one slice <svc>-xxxxx with ready/serving/terminating conditions", () => {
    const c = newCluster(25);
    c.apply(svc("web", { selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080 }] }));
    const [placeholder] = slices(c, "web");
    expect(placeholder.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(placeholder.endpoints).toBeNull();
    expect(placeholder.metadata.labels).toEqual({ "kubernetes.io/service-name": "web", "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io" });
    expect(placeholder.metadata.ownerReferences[0]).toMatchObject({ kind: "Service", name: "web", controller: true });
    c.apply(webPod("a"));
    setPodRunning(c, "default", "a");
    c.apply(webPod("b"));
    setPodRunning(c, "default", "b", false);
    const s = slices(c, "web");
    expect(s).toHaveLength(1);
    expect(s[0].metadata.name).toBe(placeholder.metadata.name);
    expect(s[0].addressType).toBe("IPv4");
    expect(s[0].ports).toEqual([{ name: "", port: 8080, protocol: "TCP" }]);
    expect(s[0].endpoints.map((e: Obj) => [e.targetRef.name, e.conditions])).toEqual([
      ["a", { ready: true, serving: true, terminating: false }],
      ["b", { ready: false, serving: false, terminating: false }],
    ]);
  });
});

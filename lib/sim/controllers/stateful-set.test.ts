import { describe, expect, it } from "vitest";
import type { KubeObject } from "../core/types";
import type { Obj } from "./controller-utils";
import { eventMessages, get, newCluster, pods, setPodRunning, type Cluster } from "./testing";

// The docs' StatefulSet basics: StatefulSet web (headless Service nginx) with volumeClaimTemplates www.
// The volumeMount of www is left out: lib/sim/api's validation does not yet know volumeClaimTemplates
// provide volumes.
function makeWeb(replicas = 2, spec: Obj = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name: "web" },
    spec: {
      serviceName: "nginx",
      replicas,
      selector: { matchLabels: { app: "nginx" } },
      template: {
        metadata: { labels: { app: "nginx" } },
        spec: { containers: [{ name: "nginx", image: "registry.k8s.io/nginx-slim:0.24", ports: [{ containerPort: 80, name: "web" }]}] },
      },
      volumeClaimTemplates: [{ metadata: { name: "www" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }],
      ...spec,
    },
  };
}

const names = (c: Cluster) => pods(c).filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name).sort();

/** The stand-in kubelet: run and ready every pod, and finish terminations. */
function settlePods(c: Cluster): void {
  for (const p of pods(c)) {
    if (p.metadata.deletionTimestamp) c.engine.api.finalize("pods", "default", p.metadata.name);
    else if (!(p.status?.conditions ?? []).some((x: Obj) => x.type === "Ready" && x.status === "True")) setPodRunning(c, "default", p.metadata.name);
  }
  c.engine.settle();
}

describe("StatefulSet controller", () => {
  it("creates web-0 then web-1 only once web-0 is Running and Ready, claims first", () => {
    const c = newCluster(61);
    c.apply(makeWeb(2));
    expect(names(c)).toEqual(["web-0"]);
    const p0 = get(c, "pods", "web-0");
    expect(p0.spec.hostname).toBe("web-0");
    expect(p0.spec.subdomain).toBe("nginx");
    const rev = get(c, "statefulsets", "web").status.updateRevision;
    expect(rev).toMatch(/^web-[a-z0-9]+$/);
    expect(p0.metadata.labels).toEqual({ app: "nginx", "controller-revision-hash": rev, "statefulset.kubernetes.io/pod-name": "web-0", "apps.kubernetes.io/pod-index": "0" });
    expect(p0.spec.volumes).toContainEqual({ name: "www", persistentVolumeClaim: { claimName: "www-web-0" } });
    expect(get(c, "persistentvolumeclaims", "www-web-0").metadata.labels).toEqual({ app: "nginx" });
    expect(get(c, "controllerrevisions", rev).revision).toBe(1);
    setPodRunning(c, "default", "web-0");
    expect(names(c)).toEqual(["web-0", "web-1"]);
    setPodRunning(c, "default", "web-1");
    expect(get(c, "statefulsets", "web").status).toEqual({
      observedGeneration: 1,
      replicas: 2,
      readyReplicas: 2,
      currentReplicas: 2,
      updatedReplicas: 2,
      currentRevision: rev,
      updateRevision: rev,
      collisionCount: 0,
      availableReplicas: 2,
    });
    expect(eventMessages(c, { kind: "StatefulSet" })).toEqual([
      "SuccessfulCreate: create Claim www-web-0 Pod web-0 in StatefulSet web success",
      "SuccessfulCreate: create Pod web-0 in StatefulSet web successful",
      "SuccessfulCreate: create Claim www-web-1 Pod web-1 in StatefulSet web success",
      "SuccessfulCreate: create Pod web-1 in StatefulSet web successful",
    ]);
  });

  it("scales down in reverse order, one terminated pod at a time, keeping the claims", () => {
    const c = newCluster(62);
    c.apply(makeWeb(3));
    for (let i = 0; i < 3; i++) settlePods(c);
    expect(names(c)).toEqual(["web-0", "web-1", "web-2"]);
    for (const n of ["web-0", "web-1", "web-2"]) c.engine.api.bind("default", n, "node01");
    const set = get(c, "statefulsets", "web");
    c.update({ ...set, spec: { ...set.spec, replicas: 1 } });
    expect(names(c)).toEqual(["web-0", "web-1"]); // web-2 terminating, web-1 waits
    settlePods(c);
    expect(names(c)).toEqual(["web-0"]);
    settlePods(c);
    expect(c.engine.store.list("persistentvolumeclaims", "default").map((x) => x.metadata.name)).toEqual(["www-web-0", "www-web-1", "www-web-2"]);
    expect(eventMessages(c, { kind: "StatefulSet" }).filter((m) => m.startsWith("SuccessfulDelete"))).toEqual([
      "SuccessfulDelete: delete Pod web-2 in StatefulSet web successful",
      "SuccessfulDelete: delete Pod web-1 in StatefulSet web successful",
    ]);
  });

  it("Parallel creates all pods at once", () => {
    const c = newCluster(63);
    c.apply(makeWeb(3, { podManagementPolicy: "Parallel" }));
    expect(names(c)).toEqual(["web-0", "web-1", "web-2"]);
  });

  it("rolls out a new template in reverse ordinal order down to the partition", () => {
    const c = newCluster(64);
    c.apply(makeWeb(3));
    for (let i = 0; i < 3; i++) settlePods(c);
    const before = get(c, "statefulsets", "web").status.currentRevision;
    const set = get(c, "statefulsets", "web");
    const next = JSON.parse(JSON.stringify(set));
    next.spec.template.spec.containers[0].image = "registry.k8s.io/nginx-slim:0.21";
    next.spec.updateStrategy = { type: "RollingUpdate", rollingUpdate: { partition: 1 } };
    c.update(next);
    for (let i = 0; i < 6; i++) settlePods(c);
    expect(eventMessages(c, { kind: "StatefulSet" }).filter((m) => m.startsWith("SuccessfulDelete"))).toEqual([
      "SuccessfulDelete: delete Pod web-2 in StatefulSet web successful",
      "SuccessfulDelete: delete Pod web-1 in StatefulSet web successful",
    ]);
    const st = get(c, "statefulsets", "web").status;
    expect(st.currentRevision).toBe(before);
    expect(st.updatedReplicas).toBe(2);
    expect(get(c, "pods", "web-0").metadata.labels["controller-revision-hash"]).toBe(before);
    expect(get(c, "pods", "web-2").spec.containers[0].image).toBe("registry.k8s.io/nginx-slim:0.21");
    expect(get(c, "pods", "web-0").spec.containers[0].image).toBe("registry.k8s.io/nginx-slim:0.24");
  });
});

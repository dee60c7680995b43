import { describe, expect, it } from "vitest";
import type { KubeObject } from "../core/types";
import type { Obj } from "./controller-utils";
import { nodeShouldRunDaemonPod } from "./node-eligibility";
import { get, newCluster, pods, setPodRunning, type Cluster } from "./testing";

function makeDs(spec: Obj = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "fluentd" },
    spec: {
      selector: { matchLabels: { app: "fluentd" } },
      template: { metadata: { labels: { app: "fluentd" } }, spec: { containers: [{ name: "fluentd", image: "fluentd:v1" }], ...spec } },
    },
  };
}

const target = (p: Obj) => p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0];
const live = (c: Cluster) => pods(c).filter((p) => !p.metadata.deletionTimestamp);

describe("node eligibility", () => {
  const cp = { metadata: { name: "controlplane", labels: { "node-role.kubernetes.io/control-plane": "" } }, spec: { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] } };
  const worker = { metadata: { name: "node01", labels: { disk: "ssd" } }, spec: {} };
  it.each([
    ["no tolerations: workers only", {}, [false, true]],
    ["tolerating the control-plane taint", { tolerations: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }] }, [true, true]],
    ["nodeSelector disk=ssd", { nodeSelector: { disk: "ssd" } }, [false, true]],
    ["affinity NotIn node01", { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "NotIn", values: ["node01"] }] }] } } }, tolerations: [{ operator: "Exists" }] }, [true, false]],
  ])("%s", (_, spec, want) => {
    expect([nodeShouldRunDaemonPod(spec, cp), nodeShouldRunDaemonPod(spec, worker)]).toEqual(want);
  });
});

describe("DaemonSet controller", () => {
  it("runs one pod per eligible worker, pinned by node affinity, with the automatic tolerations", () => {
    const c = newCluster(71);
    c.apply(makeDs());
    const ps = pods(c);
    expect(ps.map(target).sort()).toEqual(["node01", "node02"]);
    expect(ps[0].spec.tolerations.map((t: Obj) => t.key)).toContain("node.kubernetes.io/unschedulable");
    expect(ps[0].metadata.labels["pod-template-generation"]).toBe("1");
    for (const p of ps) setPodRunning(c, "default", p.metadata.name);
    expect(get(c, "daemonsets", "fluentd").status).toEqual({
      currentNumberScheduled: 2,
      desiredNumberScheduled: 2,
      numberMisscheduled: 0,
      numberReady: 2,
      observedGeneration: 1,
      updatedNumberScheduled: 2,
      numberAvailable: 2,
    });
  });

  it("replaces pods one node at a time on a template change (maxUnavailable 1)", () => {
    const c = newCluster(72);
    c.apply(makeDs());
    for (const p of pods(c)) setPodRunning(c, "default", p.metadata.name);
    const ds = get(c, "daemonsets", "fluentd");
    const next = JSON.parse(JSON.stringify(ds));
    next.spec.template.spec.containers[0].image = "fluentd:v2";
    c.update(next);
    const images = () => live(c).map((p) => `${target(p)}=${p.spec.containers[0].image}`).sort();
    expect(images()).toEqual(["node01=fluentd:v2", "node02=fluentd:v1"]);
    // Ready the new node01 pod: only then is node02's old pod replaced.
    const readyNew = () => {
      for (const p of live(c)) if (p.spec.containers[0].image === "fluentd:v2" && p.status?.phase !== "Running") setPodRunning(c, "default", p.metadata.name);
    };
    readyNew();
    expect(images()).toEqual(["node01=fluentd:v2", "node02=fluentd:v2"]);
    readyNew();
    expect(get(c, "daemonsets", "fluentd").status.updatedNumberScheduled).toBe(2);
    expect(c.engine.store.list("controllerrevisions", "default").map((r) => (r as Obj).revision).sort()).toEqual([1, 2]);
  });
});

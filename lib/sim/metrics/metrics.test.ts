import { describe, expect, it } from "vitest";
import { createCluster } from "../index";
import { containerUsage } from "./usage";
import { lastScrape, listNodeMetrics, listPodMetrics, METRIC_RESOLUTION_MS, nodeMetrics, podMetrics, usageNumbers } from "./metrics-api";

const MI = 1024 * 1024;

describe("containerUsage", () => {
  it.each([
    { argv: ["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"], mem: 0, limit: undefined, cpu: 120_000, memMi: 3 },
    { argv: ["sleep", "3600"], mem: 0, limit: undefined, cpu: 0, memMi: 0 },
    { argv: ["stress", "--cpu", "2"], mem: 2 * MI, limit: undefined, cpu: 2e9, memMi: 2 },
    { argv: ["stress", "--vm", "1", "--vm-bytes", "150M"], mem: 151 * MI, limit: 500, cpu: 5e8, memMi: 151 },
    // stress cleared its memory: --timeout ended it, the shell around it idles.
    { argv: ["sh", "-c", "stress --cpu 1 --timeout 10s; sleep 3600"], mem: 0, limit: undefined, cpu: 0, memMi: 0 },
    { argv: ["sh", "-c", "while true; do :; done"], mem: 0, limit: 250, cpu: 2.5e8, memMi: 0 },
    { argv: ["sh", "-c", "while true; do date; sleep 5; done"], mem: 0, limit: undefined, cpu: 0, memMi: 0 },
    { argv: ["/stress", "-cpus", "2"], mem: 3 * MI, limit: 1000, cpu: 1e9, memMi: 3 },
  ])("$argv (limit $limit)", ({ argv, mem, limit, cpu, memMi }) => {
    const u = containerUsage({ argv, reportedMemoryBytes: mem, cpuLimitMilli: limit });
    expect(u.cpuNanoCores).toBe(cpu);
    expect(Math.floor(u.memoryBytes / MI)).toBe(memMi);
  });
});

const HOG = `apiVersion: v1
kind: Pod
metadata:
  name: hog
  labels: { app: hog }
spec:
  containers:
  - name: stress
    image: polinux/stress
    command: ["stress"]
    args: ["--cpu", "2", "--vm", "1", "--vm-bytes", "150M"]
    resources:
      limits: { cpu: 500m, memory: 200Mi }
`;

describe("metrics API", () => {
  it("serves a pod only after one full scrape window of running, then sums nodes", () => {
    const c = createCluster({ seed: 7 });
    c.apply(HOG);
    c.advance(3);
    expect(podMetrics(c.engine, "default", "hog")).toBeUndefined();
    expect(listPodMetrics(c.engine, "default")).toEqual([]);
    c.advance(2 * METRIC_RESOLUTION_MS / 1000);
    const m = podMetrics(c.engine, "default", "hog")!;
    expect(m.kind).toBe("PodMetrics");
    expect(m.metadata.labels).toEqual({ app: "hog" });
    expect(m.window).toBe("15s");
    expect(Date.parse(m.timestamp)).toBe(lastScrape(c.engine));
    expect(m.containers.map((x) => x.name)).toEqual(["stress"]);
    const u = usageNumbers(m.containers[0].usage);
    expect(u.cpuMilli).toBe(500); // 3 busy workers throttled to the 500m limit
    expect(Math.floor(u.memoryBytes / MI)).toBe(151);
    const node = (c.get("pods", "hog") as unknown as { spec: { nodeName: string } }).spec.nodeName;
    const nm = usageNumbers(nodeMetrics(c.engine, node)!.usage);
    const idle = usageNumbers(listNodeMetrics(c.engine).find((n) => n.metadata.name !== node && n.metadata.name !== "controlplane")!.usage);
    expect(nm.cpuMilli - idle.cpuMilli).toBe(500);
    expect(listPodMetrics(c.engine, "default", { requirements: [{ op: "=", key: "app", value: "other" }] })).toEqual([]);
  });

  it("drops a stopped node and its pods", () => {
    const c = createCluster({ seed: 7 });
    c.apply(HOG);
    c.advance(40);
    const node = (c.get("pods", "hog") as unknown as { spec: { nodeName: string } }).spec.nodeName;
    c.setNodeRunning(node, false);
    expect(nodeMetrics(c.engine, node)).toBeUndefined();
    expect(podMetrics(c.engine, "default", "hog")).toBeUndefined();
    expect(listNodeMetrics(c.engine).map((n) => n.metadata.name)).not.toContain(node);
  });
});

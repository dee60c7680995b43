// The Pod manifests of the course notes (/work/shared/notes), with their private registry swapped for
// Docker Hub where the point of the example is not the pull itself.
import { describe, expect, it } from "vitest";
import { advance, eventTrace, makePod, newCluster, pod, podStatusColumn } from "./testing";

const nginxProbe = (name: string, probes: Record<string, unknown>) =>
  makePod(name, { containers: [{ name: "c1", image: "nginx:latest", imagePullPolicy: "IfNotPresent", ports: [{ name: "http", containerPort: 80 }], ...probes }] });

describe("notes: image pull policies against a private registry", () => {
  it("an unreachable registry fails the pull; Never fails without pulling", () => {
    const c = newCluster();
    c.apply(makePod("pod1", { containers: [{ name: "c1", image: "harbar.wego.red/library/nginx:1.9.0" }] }));
    c.apply(makePod("pod3", { containers: [{ name: "c1", image: "harbro.wego.red/library/nginx:1.9.0", imagePullPolicy: "Never" }] }));
    advance(c, 3);
    // ErrImagePull until the pod worker's retry 10 s after the failed pull, ImagePullBackOff from then on.
    expect(podStatusColumn(pod(c, "pod1"))).toBe("ErrImagePull");
    advance(c, 10);
    expect(podStatusColumn(pod(c, "pod1"))).toBe("ImagePullBackOff");
    const failed = eventTrace(c, "pod1").find((l) => l.includes("Failed to pull image"));
    expect(failed).toContain('Failed to pull image "harbar.wego.red/library/nginx:1.9.0": ');
    expect(failed).toContain("harbar.wego.red");
    expect(podStatusColumn(pod(c, "pod3"))).toBe("ErrImageNeverPull");
  });
});

describe("notes: memory limits with stress", () => {
  it("150M under a 200Mi limit runs; 250M is OOMKilled", () => {
    const c = newCluster();
    c.apply({ apiVersion: "v1", kind: "Namespace", metadata: { name: "mem-test" } });
    const stress = (name: string, bytes: string) =>
      makePod(
        name,
        {
          containers: [
            {
              name: "c1",
              image: "polinux/stress:latest",
              imagePullPolicy: "IfNotPresent",
              resources: { requests: { memory: "100Mi" }, limits: { memory: "200Mi" } },
              command: ["stress"],
              args: ["--vm", "1", "--vm-bytes", bytes, "--vm-hang", "1"],
            },
          ],
        },
        { namespace: "mem-test" },
      );
    c.apply(stress("pod5", "150M"));
    c.apply(stress("smartgopod07", "250M"));
    advance(c, 30);
    expect(podStatusColumn(pod(c, "pod5", "mem-test"))).toBe("Running");
    const oom = pod(c, "smartgopod07", "mem-test").status.containerStatuses[0];
    expect((oom.state.terminated ?? oom.lastState.terminated).reason).toBe("OOMKilled");
  });
});

describe("notes: probes", () => {
  it("liveness-httpget: deleting index.html gives 404s and a restart", () => {
    const c = newCluster();
    c.apply(nginxProbe("liveness-httpget", { livenessProbe: { httpGet: { port: "http", path: "/index.html" }, initialDelaySeconds: 3, periodSeconds: 5 } }));
    advance(c, 20);
    expect(pod(c, "liveness-httpget").status.containerStatuses[0].restartCount).toBe(0);
    const rm = c.exec("default", "liveness-httpget", undefined, ["rm", "/usr/share/nginx/html/index.html"]);
    expect(rm.ok).toBe(true);
    advance(c, 20);
    const trace = eventTrace(c, "liveness-httpget");
    expect(trace.some((e) => e.includes("Warning Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 404 (x3)"))).toBe(true);
    expect(trace.some((e) => e.endsWith("Normal Killing: Container c1 failed liveness probe, will be restarted"))).toBe(true);
    const cs = pod(c, "liveness-httpget").status.containerStatuses[0];
    expect(cs.restartCount).toBe(1);
    expect(cs.ready).toBe(true);
    // The new container has a fresh filesystem: index.html is back.
    const cat = c.exec("default", "liveness-httpget", undefined, ["cat", "/usr/share/nginx/html/index.html"]);
    expect(cat.ok && cat.result.exitCode).toBe(0);
  });

  it("readiness-httpget: the pod stays Running but not Ready", () => {
    const c = newCluster();
    c.apply(nginxProbe("readiness-httpget", { readinessProbe: { httpGet: { port: "http", path: "/index.html" }, initialDelaySeconds: 3, periodSeconds: 5 } }));
    advance(c, 20);
    expect(pod(c, "readiness-httpget").status.containerStatuses[0].ready).toBe(true);
    c.exec("default", "readiness-httpget", undefined, ["rm", "/usr/share/nginx/html/index.html"]);
    advance(c, 10);
    expect(pod(c, "readiness-httpget").status.containerStatuses[0].ready).toBe(true);
    advance(c, 5);
    const p = pod(c, "readiness-httpget");
    expect(podStatusColumn(p)).toBe("Running");
    expect(p.status.containerStatuses[0]).toMatchObject({ ready: false, restartCount: 0 });
    expect(eventTrace(c, "readiness-httpget").some((e) => e.includes("Readiness probe failed: HTTP probe failed with statuscode: 404"))).toBe(true);
  });

  it("a failing startup probe gates liveness and restarts the container", () => {
    const c = newCluster();
    c.apply(
      makePod("slow", {
        containers: [
          {
            name: "c",
            image: "busybox",
            command: ["sh", "-c", "sleep 3600"],
            startupProbe: { exec: { command: ["cat", "/tmp/started"] }, periodSeconds: 5, failureThreshold: 3 },
            livenessProbe: { exec: { command: ["false"] }, periodSeconds: 1 },
          },
        ],
      }),
    );
    advance(c, 9);
    expect(pod(c, "slow").status.containerStatuses[0]).toMatchObject({ started: false, ready: false });
    advance(c, 30);
    const trace = eventTrace(c, "slow");
    expect(trace.some((e) => e.includes("Startup probe failed: cat: can't open '/tmp/started': No such file or directory"))).toBe(true);
    expect(trace.some((e) => e.includes("Container c failed startup probe, will be restarted"))).toBe(true);
    expect(trace.some((e) => e.includes("Liveness probe failed"))).toBe(false);
  });

  it("repeated liveness kills end in CrashLoopBackOff", () => {
    const c = newCluster();
    c.apply(
      makePod("flaky", {
        terminationGracePeriodSeconds: 1,
        containers: [{ name: "c", image: "nginx", livenessProbe: { httpGet: { path: "/healthz", port: 80 }, periodSeconds: 2, failureThreshold: 1 } }],
      }),
    );
    let sawBackOff = false;
    for (let t = 0; t < 300; t += 5) {
      advance(c, 5);
      if (podStatusColumn(pod(c, "flaky")) === "CrashLoopBackOff") sawBackOff = true;
    }
    expect(sawBackOff).toBe(true);
    expect(pod(c, "flaky").status.containerStatuses[0].restartCount).toBeGreaterThan(4);
  });
});

describe("notes: hooks", () => {
  it("poststart writes index.html; prestop runs before nginx stops", () => {
    const c = newCluster();
    c.apply(
      makePod("poststart", {
        containers: [
          {
            name: "poststart",
            image: "nginx:latest",
            lifecycle: { postStart: { exec: { command: ["/bin/sh", "-c", "echo  'hello post start' > /usr/share/nginx/html/index.html"] } } },
          },
        ],
      }),
    );
    c.apply(
      makePod("prestop", {
        containers: [
          {
            name: "prestop",
            image: "nginx:latest",
            volumeMounts: [{ name: "message", mountPath: "/usr/share/nginx/html/" }],
            lifecycle: { preStop: { exec: { command: ["/bin/sh", "-c", "echo 'Web Server stopped' > /usr/share/nginx/html/index.html"] } } },
          },
        ],
        volumes: [{ name: "message", hostPath: { path: "/tmp" } }],
      }),
    );
    advance(c, 10);
    const r = c.exec("default", "poststart", undefined, ["cat", "/usr/share/nginx/html/index.html"]);
    expect(r.ok && r.result.stdout).toBe("hello post start\n");
    c.delete("pods", "prestop");
    advance(c, 5);
    expect(c.get("pods", "prestop")).toBeUndefined();
    // hostPath outlives the pod: a new pod on the same node sees what preStop wrote.
    c.apply(
      makePod("reader", {
        containers: [{ name: "c", image: "busybox", command: ["sleep", "3600"], volumeMounts: [{ name: "tmp", mountPath: "/host" }] }],
        volumes: [{ name: "tmp", hostPath: { path: "/tmp" } }],
      }),
    );
    advance(c, 5);
    const seen = c.exec("default", "reader", undefined, ["cat", "/host/index.html"]);
    expect(seen.ok && seen.result.stdout).toBe("Web Server stopped\n");
  });

  it("a preStop sleep delays the stop signal inside the grace period", () => {
    const c = newCluster();
    c.apply(makePod("sleepy", { containers: [{ name: "nginx", image: "nginx", lifecycle: { preStop: { sleep: { seconds: 5 } } } }] }));
    advance(c, 10);
    c.delete("pods", "sleepy");
    advance(c, 4);
    expect(c.get("pods", "sleepy")).toBeDefined();
    advance(c, 2);
    expect(c.get("pods", "sleepy")).toBeUndefined();
  });
});

describe("volume updates", () => {
  it("a mounted ConfigMap's new data shows up within a minute", () => {
    const c = newCluster();
    c.apply({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg" }, data: { color: "blue" } });
    c.apply(
      makePod("reader", {
        containers: [{ name: "c", image: "busybox", command: ["sleep", "3600"], volumeMounts: [{ name: "v", mountPath: "/cfg" }] }],
        volumes: [{ name: "v", configMap: { name: "cfg" } }],
      }),
    );
    advance(c, 10);
    c.apply({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg" }, data: { color: "red" } });
    const read = () => {
      const r = c.exec("default", "reader", undefined, ["cat", "/cfg/color"]);
      return r.ok ? r.result.stdout : "";
    };
    expect(read()).toBe("blue");
    advance(c, 60);
    expect(read()).toBe("red");
  });
});

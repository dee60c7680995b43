// Golden event traces and STATUS timelines for the situations learners meet (see the Kubernetes docs'
// tasks: configure-liveness-readiness-startup-probes, attach-handler-lifecycle-event, assign-memory-resource,
// init-containers), one scenario per test.
import { describe, expect, it } from "vitest";
import { advance, eventTrace, makePod, newCluster, pod, podStatusColumn, statusAt } from "./testing";

describe("image pull failures", () => {
  it("ErrImagePull → ImagePullBackOff, pulls retried after 10, 20, 40 s", () => {
    const c = newCluster();
    c.apply(makePod("bad", { containers: [{ name: "c", image: "nginx:nope" }] }));
    // The pull fails at 1.2 s. Each pod-worker sync (every 10 s after a failed one) publishes what the previous
    // sync found (kubelet reasonCache): ErrImagePull for ~10 s, then ImagePullBackOff while the next pull runs
    // (11.2 s), ErrImagePull from the sync after that failure (22.4 s), and so on as the back-off doubles.
    expect(statusAt(c, "bad", [1, 2, 11, 12, 22, 23, 32, 33, 43, 44, 84, 85])).toEqual([
      "1s ContainerCreating 0",
      "2s ErrImagePull 0",
      "11s ErrImagePull 0",
      "12s ImagePullBackOff 0",
      "22s ImagePullBackOff 0",
      "23s ErrImagePull 0",
      "32s ErrImagePull 0",
      "33s ImagePullBackOff 0",
      "43s ImagePullBackOff 0",
      "44s ErrImagePull 0",
      "84s ImagePullBackOff 0",
      "85s ErrImagePull 0",
    ]);
    expect(pod(c, "bad").status.containerStatuses[0].state.waiting.message).toMatch(/^rpc error: code = NotFound desc = failed to pull and unpack image "docker.io\/library\/nginx:nope"/);
    advance(c, 10);
    const cs = pod(c, "bad").status.containerStatuses[0];
    expect(cs.state.waiting.message).toMatch(/^Back-off pulling image "nginx:nope": ErrImagePull: rpc error: code = NotFound desc = failed to pull and unpack image "docker.io\/library\/nginx:nope"/);
    advance(c, 35);
    const trace = eventTrace(c, "bad");
    expect(trace[0]).toBe('0s Normal Pulling: Pulling image "nginx:nope" (x4)');
    expect(trace[1]).toMatch(/^1s Warning Failed: Failed to pull image "nginx:nope": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io\/library\/nginx:nope": failed to resolve reference "docker.io\/library\/nginx:nope": docker.io\/library\/nginx:nope: not found \(x4\)$/);
    expect(trace.slice(2)).toEqual([
      "1s Warning Failed: Error: ErrImagePull (x4)",
      // The sync right after the first failure (PLEG saw the sandbox start) already finds the back-off.
      '1s Normal BackOff: Back-off pulling image "nginx:nope" (x10)',
      "1s Warning Failed: Error: ImagePullBackOff (x10)",
    ]);
  });

  it("ErrImageNeverPull and InvalidImageName", () => {
    const c = newCluster();
    c.apply(makePod("never", { containers: [{ name: "c", image: "nginx:1.25", imagePullPolicy: "Never" }] }));
    c.apply(makePod("invalid", { containers: [{ name: "c", image: "NGINX:latest" }] }));
    advance(c, 5);
    expect(podStatusColumn(pod(c, "never"))).toBe("ErrImageNeverPull");
    expect(eventTrace(c, "never")).toEqual([
      '0s Warning ErrImageNeverPull: Container image "nginx:1.25" is not present with pull policy of Never',
      "0s Warning Failed: Error: ErrImageNeverPull",
    ]);
    expect(podStatusColumn(pod(c, "invalid"))).toBe("InvalidImageName");
    expect(pod(c, "invalid").status.containerStatuses[0].state.waiting.message).toMatch(/^Failed to apply default image tag "NGINX:latest": couldn't parse image name "NGINX:latest": invalid reference format/);
  });
});

describe("container config", () => {
  it("CreateContainerConfigError until the ConfigMap exists", () => {
    const c = newCluster();
    c.apply(
      makePod("cfg", {
        containers: [{ name: "c", image: "nginx", env: [{ name: "MODE", valueFrom: { configMapKeyRef: { name: "app", key: "mode" } } }] }],
      }),
    );
    advance(c, 10);
    expect(podStatusColumn(pod(c, "cfg"))).toBe("CreateContainerConfigError");
    expect(pod(c, "cfg").status.containerStatuses[0].state.waiting.message).toBe('configmap "app" not found');
    expect(eventTrace(c, "cfg")).toContain('3s Warning Failed: Error: configmap "app" not found');
    c.apply({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "app" }, data: { other: "x" } });
    advance(c, 10);
    expect(pod(c, "cfg").status.containerStatuses[0].state.waiting.message).toBe("couldn't find key mode in ConfigMap default/app");
    c.apply({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "app" }, data: { mode: "prod" } });
    advance(c, 10);
    expect(podStatusColumn(pod(c, "cfg"))).toBe("Running");
    const r = c.exec("default", "cfg", undefined, ["sh", "-c", "echo $MODE"]);
    expect(r.ok && r.result.stdout).toBe("prod\n");
  });

  it("env: $(VAR) expansion, fieldRef, resourceFieldRef, envFrom prefix, service links", () => {
    const c = newCluster();
    c.apply({ apiVersion: "v1", kind: "Service", metadata: { name: "my-svc" }, spec: { selector: { a: "b" }, ports: [{ name: "http", port: 8080 }] } });
    c.apply({ apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, data: { password: "c2VjcmV0" } });
    c.apply({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm" }, data: { A: "1", B: "2" } });
    c.apply(
      makePod("env", {
        containers: [
          {
            name: "c",
            image: "busybox",
            command: ["sh", "-c", "env | sort; sleep 3600"],
            resources: { limits: { memory: "64Mi" } },
            envFrom: [{ configMapRef: { name: "cm" }, prefix: "CM_" }],
            env: [
              { name: "GREETING", value: "hello" },
              { name: "MSG", value: "$(GREETING) world $(NOPE) $$(GREETING)" },
              { name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
              { name: "POD_IP", valueFrom: { fieldRef: { fieldPath: "status.podIP" } } },
              { name: "NODE", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } },
              { name: "MEM", valueFrom: { resourceFieldRef: { resource: "limits.memory", divisor: "1Mi" } } },
              { name: "PASS", valueFrom: { secretKeyRef: { name: "s", key: "password" } } },
            ],
          },
        ],
      }),
    );
    advance(c, 5);
    const logs = c.logs("default", "env", undefined, {});
    const env = logs.ok ? logs.text : "";
    for (const line of [
      "CM_A=1",
      "CM_B=2",
      "GREETING=hello",
      "MSG=hello world $(NOPE) $(GREETING)",
      "POD_NAME=env",
      `POD_IP=${pod(c, "env").status.podIP}`,
      "NODE=node01",
      "MEM=64",
      "PASS=secret",
      "HOSTNAME=env",
      "KUBERNETES_SERVICE_HOST=10.96.0.1",
      "KUBERNETES_SERVICE_PORT=443",
      "KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443",
      "MY_SVC_SERVICE_PORT_HTTP=8080",
      "MY_SVC_PORT_8080_TCP_PROTO=tcp",
    ]) {
      expect(env.split("\n")).toContain(line);
    }
  });
});

describe("restarts, OOM, termination", () => {
  it("OOMKilled with polinux/stress over its memory limit (assign-memory-resource task)", () => {
    const c = newCluster();
    c.apply(
      makePod("memory-demo-2", {
        containers: [
          {
            name: "memory-demo-2-ctr",
            image: "polinux/stress",
            resources: { requests: { memory: "50Mi" }, limits: { memory: "100Mi" } },
            command: ["stress"],
            args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"],
          },
        ],
      }),
    );
    advance(c, 8);
    const p = pod(c, "memory-demo-2");
    const cs = p.status.containerStatuses[0];
    const terminated = cs.state.terminated ?? cs.lastState.terminated;
    expect(terminated).toMatchObject({ exitCode: 137, reason: "OOMKilled" });
    advance(c, 60);
    expect(podStatusColumn(pod(c, "memory-demo-2"))).toMatch(/^(OOMKilled|CrashLoopBackOff)$/);
    expect(pod(c, "memory-demo-2").status.containerStatuses[0].restartCount).toBeGreaterThan(1);
  });

  it("Terminating takes the full 30 s grace period when PID 1 ignores SIGTERM", () => {
    const c = newCluster();
    c.apply(makePod("sleeper", { containers: [{ name: "c", image: "busybox", command: ["sleep", "3600"] }] }));
    advance(c, 5);
    c.delete("pods", "sleeper");
    expect(podStatusColumn(pod(c, "sleeper"))).toBe("Terminating");
    advance(c, 29);
    expect(c.get("pods", "sleeper")).toBeDefined();
    advance(c, 2);
    expect(c.get("pods", "sleeper")).toBeUndefined();
    expect(eventTrace(c, "sleeper")).toContain("5s Normal Killing: Stopping container c");
  });

  it("nginx stops at once on deletion (it handles its stop signal)", () => {
    const c = newCluster();
    c.apply(makePod("web", { containers: [{ name: "nginx", image: "nginx" }] }));
    advance(c, 5);
    c.delete("pods", "web");
    advance(c, 1);
    expect(c.get("pods", "web")).toBeUndefined();
  });
});

describe("init containers", () => {
  const initPod = (cmd2: string, restartPolicy = "Always") =>
    makePod("myapp", {
      restartPolicy,
      initContainers: [
        { name: "init-a", image: "busybox:1.28", command: ["sh", "-c", "sleep 5"] },
        { name: "init-b", image: "busybox:1.28", command: ["sh", "-c", cmd2] },
      ],
      containers: [{ name: "app", image: "busybox:1.28", command: ["sh", "-c", "echo The app is running! && sleep 3600"] }],
    });

  it("Init:0/2 → Init:1/2 → PodInitializing → Running", () => {
    const c = newCluster();
    c.apply(initPod("sleep 5"));
    const seen = statusAt(c, "myapp", [1, 4, 9, 12, 13, 15]).map((s) => s.split(" ")[1]);
    expect(seen[0]).toBe("Init:0/2");
    expect(seen).toContain("Init:1/2");
    expect(seen[seen.length - 1]).toBe("Running");
    const p = pod(c, "myapp");
    expect(p.status.initContainerStatuses.map((s: { state: { terminated: { reason: string } }; ready: boolean }) => [s.state.terminated.reason, s.ready])).toEqual([
      ["Completed", true],
      ["Completed", true],
    ]);
    expect(p.status.conditions.find((x: { type: string }) => x.type === "Initialized").status).toBe("True");
  });

  it("Init:Error with restartPolicy Never fails the pod; Init:CrashLoopBackOff otherwise", () => {
    const c = newCluster();
    c.apply(initPod("exit 1", "Never"));
    advance(c, 20);
    expect(podStatusColumn(pod(c, "myapp"))).toBe("Init:Error");
    expect(pod(c, "myapp").status.phase).toBe("Failed");
    const c2 = newCluster();
    c2.apply(initPod("exit 1"));
    advance(c2, 40);
    expect(podStatusColumn(pod(c2, "myapp"))).toBe("Init:CrashLoopBackOff");
    expect(pod(c2, "myapp").status.phase).toBe("Pending");
    expect(pod(c2, "myapp").status.conditions.find((x: { type: string }) => x.type === "Initialized")).toMatchObject({
      status: "False",
      reason: "ContainersNotInitialized",
      message: "containers with incomplete status: [init-b]",
    });
  });

  it("native sidecars start before the app and keep running", () => {
    const c = newCluster();
    c.apply(
      makePod("side", {
        initContainers: [{ name: "log", image: "busybox", restartPolicy: "Always", command: ["sh", "-c", "sleep 3600"] }],
        containers: [{ name: "app", image: "busybox", command: ["sh", "-c", "sleep 3600"] }],
      }),
    );
    advance(c, 10);
    const p = pod(c, "side");
    expect(p.status.phase).toBe("Running");
    expect(p.status.initContainerStatuses[0]).toMatchObject({ started: true, ready: true, state: { running: {} } });
    expect(p.status.conditions.find((x: { type: string }) => x.type === "Ready").status).toBe("True");
  });
});

describe("probes", () => {
  it("exec liveness: the docs' /tmp/healthy example restarts after three failures", () => {
    const c = newCluster();
    c.apply(
      makePod(
        "liveness-exec",
        {
          containers: [
            {
              name: "liveness",
              image: "registry.k8s.io/busybox",
              args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"],
              livenessProbe: { exec: { command: ["cat", "/tmp/healthy"] }, initialDelaySeconds: 5, periodSeconds: 5 },
            },
          ],
        },
        { labels: { test: "liveness" } },
      ),
    );
    advance(c, 30);
    expect(eventTrace(c, "liveness-exec").filter((e) => e.includes("Unhealthy"))).toEqual([]);
    advance(c, 20);
    const trace = eventTrace(c, "liveness-exec");
    const unhealthy = trace.find((e) => e.includes("Unhealthy"))!;
    expect(unhealthy).toMatch(/^3[5-9]s Warning Unhealthy: Liveness probe failed: cat: can't open '\/tmp\/healthy': No such file or directory \(x3\)$/);
    expect(trace.some((e) => /^4\ds Normal Killing: Container liveness failed liveness probe, will be restarted$/.test(e))).toBe(true);
    advance(c, 40);
    expect(pod(c, "liveness-exec").status.containerStatuses[0].restartCount).toBe(1);
  });

  it("exec into the container changes what the probe sees", () => {
    const c = newCluster();
    c.apply(
      makePod("probe", {
        containers: [
          {
            name: "c",
            image: "busybox",
            command: ["sh", "-c", "touch /tmp/healthy; sleep 3600"],
            readinessProbe: { exec: { command: ["cat", "/tmp/healthy"] }, periodSeconds: 5 },
          },
        ],
      }),
    );
    advance(c, 10);
    expect(pod(c, "probe").status.containerStatuses[0].ready).toBe(true);
    const r = c.exec("default", "probe", "c", ["rm", "/tmp/healthy"]);
    expect(r.ok).toBe(true);
    advance(c, 20);
    expect(pod(c, "probe").status.containerStatuses[0].ready).toBe(false);
    expect(pod(c, "probe").status.conditions.find((x: { type: string }) => x.type === "Ready")).toMatchObject({
      status: "False",
      reason: "ContainersNotReady",
      message: "containers with unready status: [c]",
    });
    expect(podStatusColumn(pod(c, "probe"))).toBe("Running");
  });

  it("httpGet readiness against nginx: ready on port 80, connection refused on 8080", () => {
    const c = newCluster();
    const web = (name: string, port: number) =>
      makePod(name, { containers: [{ name: "nginx", image: "nginx", readinessProbe: { httpGet: { path: "/", port }, periodSeconds: 5 } }] });
    c.apply(web("good", 80));
    c.apply(web("bad", 8080));
    advance(c, 20);
    expect(pod(c, "good").status.containerStatuses[0].ready).toBe(true);
    expect(pod(c, "bad").status.containerStatuses[0].ready).toBe(false);
    const ip = pod(c, "bad").status.podIP;
    expect(eventTrace(c, "bad").find((e) => e.includes("Unhealthy"))).toContain(
      `Warning Unhealthy: Readiness probe failed: Get "http://${ip}:8080/": dial tcp ${ip}:8080: connect: connection refused`,
    );
  });

  it("tcpSocket liveness against a closed port restarts the container", () => {
    const c = newCluster();
    c.apply(
      makePod("tcp", {
        containers: [{ name: "c", image: "nginx", livenessProbe: { tcpSocket: { port: 3306 }, initialDelaySeconds: 5, periodSeconds: 5, failureThreshold: 2 } }],
      }),
    );
    advance(c, 60);
    const ip = pod(c, "tcp").status.podIP;
    expect(eventTrace(c, "tcp").some((e) => e.includes(`Liveness probe failed: dial tcp ${ip}:3306: connect: connection refused`))).toBe(true);
    expect(pod(c, "tcp").status.containerStatuses[0].restartCount).toBeGreaterThan(0);
  });
});

describe("lifecycle hooks", () => {
  it("postStart writes a file before the container is Running; preStop runs on deletion", () => {
    const c = newCluster();
    c.apply(
      makePod("lifecycle-demo", {
        containers: [
          {
            name: "lifecycle-demo-container",
            image: "nginx",
            lifecycle: {
              postStart: { exec: { command: ["/bin/sh", "-c", "echo Hello from the postStart handler > /usr/share/message"] } },
              preStop: { exec: { command: ["/bin/sh", "-c", "nginx -s quit; while killall -0 nginx; do sleep 1; done"] } },
            },
          },
        ],
      }),
    );
    advance(c, 10);
    expect(podStatusColumn(pod(c, "lifecycle-demo"))).toBe("Running");
    const r = c.exec("default", "lifecycle-demo", undefined, ["cat", "/usr/share/message"]);
    expect(r.ok && r.result.stdout).toBe("Hello from the postStart handler\n");
    c.delete("pods", "lifecycle-demo");
    advance(c, 5);
    expect(c.get("pods", "lifecycle-demo")).toBeUndefined();
  });

  it("a failing postStart hook kills and restarts the container", () => {
    const c = newCluster();
    c.apply(
      makePod("hook", {
        containers: [{ name: "c", image: "busybox", command: ["sleep", "3600"], lifecycle: { postStart: { exec: { command: ["sh", "-c", "exit 1"] } } } }],
      }),
    );
    advance(c, 60);
    const trace = eventTrace(c, "hook");
    expect(trace.some((e) => e.includes("Warning FailedPostStartHook: PostStartHook failed"))).toBe(true);
    expect(trace.some((e) => e.includes("Normal Killing: FailedPostStartHook"))).toBe(true);
    expect(pod(c, "hook").status.containerStatuses[0].restartCount).toBeGreaterThan(0);
  });
});

describe("volumes", () => {
  it("FailedMount while a ConfigMap volume is missing, then files laid out with items and mode", () => {
    const c = newCluster();
    c.apply(
      makePod("vol", {
        containers: [{ name: "c", image: "busybox", command: ["sleep", "3600"], volumeMounts: [{ name: "cfg", mountPath: "/etc/cfg" }] }],
        volumes: [{ name: "cfg", configMap: { name: "x", items: [{ key: "game.properties", path: "game" }] } }],
      }),
    );
    advance(c, 5);
    expect(podStatusColumn(pod(c, "vol"))).toBe("ContainerCreating");
    expect(pod(c, "vol").status.conditions[0]).toMatchObject({ type: "PodReadyToStartContainers", status: "False" });
    expect(eventTrace(c, "vol")[0]).toMatch(/^0s Warning FailedMount: MountVolume.SetUp failed for volume "cfg" : configmap "x" not found \(x\d+\)$/);
    c.apply({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" }, data: { "game.properties": "lives=3\n", other: "no" } });
    advance(c, 20);
    expect(podStatusColumn(pod(c, "vol"))).toBe("Running");
    const r = c.exec("default", "vol", undefined, ["cat", "/etc/cfg/game"]);
    expect(r.ok && r.result.stdout).toBe("lives=3\n");
    const ls = c.exec("default", "vol", undefined, ["ls", "/etc/cfg"]);
    expect(ls.ok && ls.result.stdout).toBe("game\n");
  });

  it("emptyDir is shared between containers and survives container restarts", () => {
    const c = newCluster();
    c.apply(
      makePod("shared", {
        containers: [
          { name: "writer", image: "busybox", command: ["sh", "-c", "echo hi >> /data/log; sleep 5; exit 1"], volumeMounts: [{ name: "d", mountPath: "/data" }] },
          { name: "reader", image: "busybox", command: ["sleep", "3600"], volumeMounts: [{ name: "d", mountPath: "/data" }] },
        ],
        volumes: [{ name: "d", emptyDir: {} }],
      }),
    );
    advance(c, 15);
    const r = c.exec("default", "shared", "reader", ["cat", "/data/log"]);
    expect(r.ok && r.result.stdout).toBe("hi\nhi\n");
  });
});

describe("exec and logs", () => {
  it("speaks kubectl's errors", () => {
    const c = newCluster();
    c.apply(
      makePod("two", {
        containers: [
          { name: "a", image: "busybox", command: ["sh", "-c", "echo one; echo two; echo three; sleep 3600"] },
          { name: "b", image: "nginx:1.25" },
        ],
      }),
    );
    c.apply(makePod("pending", { containers: [{ name: "nginx", image: "nginx" }] }));
    expect(c.logs("default", "pending", undefined, {})).toMatchObject({ ok: false, error: { status: { message: 'container "nginx" in pod "pending" is waiting to start: ContainerCreating' } } });
    advance(c, 10);
    expect(c.logs("default", "two", undefined, {})).toMatchObject({ ok: false, error: { status: { message: "a container name must be specified for pod two, choose one of: [a b]" } } });
    expect(c.logs("default", "two", "a", { tailLines: 2 })).toEqual({ ok: true, text: "two\nthree\n" });
    expect(c.logs("default", "two", "a", { previous: true })).toMatchObject({ ok: false, error: { status: { message: 'previous terminated container "a" in pod "two" not found' } } });
    const ts = c.logs("default", "two", "a", { timestamps: true, tailLines: 1 });
    expect(ts.ok && ts.text).toMatch(/^2025-01-01T00:00:\d\d(\.\d+)?Z three\n$/);
    expect(c.exec("default", "two", "b", ["wget"])).toMatchObject({
      ok: false,
      error: {
        status: {
          message: expect.stringMatching(
            /^Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "wget": executable file not found in \$PATH: unknown$/,
          ),
        },
      },
    });
    expect(c.exec("default", "two", "x", ["ls"])).toMatchObject({ ok: false, error: { status: { message: "container x is not valid for pod two" } } });
    const ok = c.exec("default", "two", undefined, ["hostname"]);
    expect(ok.ok && ok.result.stdout).toBe("two\n");
    const hosts = c.exec("default", "two", "a", ["cat", "/etc/hosts"]);
    expect(hosts.ok && hosts.result.stdout).toContain(`${pod(c, "two").status.podIP}\ttwo\n`);
    const resolv = c.exec("default", "two", "a", ["cat", "/etc/resolv.conf"]);
    expect(resolv.ok && resolv.result.stdout).toBe("search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n");
  });

  it("refuses exec into a completed pod", () => {
    const c = newCluster();
    c.apply(makePod("done", { restartPolicy: "Never", containers: [{ name: "c", image: "busybox", command: ["true"] }] }));
    advance(c, 10);
    expect(c.exec("default", "done", undefined, ["ls"])).toMatchObject({
      ok: false,
      error: { status: { message: "cannot exec into a container in a completed pod; current phase is Succeeded" } },
    });
  });
});

describe("node lifecycle", () => {
  it("a stopped node goes NotReady after 40 s, its pods are evicted after 300 s and stay Terminating", () => {
    const c = newCluster();
    c.apply(makePod("web", { containers: [{ name: "nginx", image: "nginx" }] }));
    advance(c, 10);
    c.setNodeRunning("node01", false);
    advance(c, 39);
    expect((c.get("nodes", "node01") as unknown as { spec: { taints?: unknown[] } }).spec.taints ?? []).toEqual([]);
    advance(c, 2);
    const node = c.get("nodes", "node01") as unknown as { spec: { taints: { key: string; effect: string }[] } };
    expect(node.spec.taints.map((t) => `${t.key}:${t.effect}`)).toEqual(["node.kubernetes.io/unreachable:NoSchedule", "node.kubernetes.io/unreachable:NoExecute"]);
    expect(pod(c, "web").status.conditions.find((x: { type: string }) => x.type === "Ready").status).toBe("False");
    const conditions = (c.get("nodes", "node01") as unknown as { status: { conditions: { type: string; status: string; reason: string; message: string }[] } }).status.conditions;
    expect(conditions.map((x) => `${x.type}=${x.status} ${x.reason}: ${x.message}`)).toEqual([
      "MemoryPressure=Unknown NodeStatusUnknown: Kubelet stopped posting node status.",
      "DiskPressure=Unknown NodeStatusUnknown: Kubelet stopped posting node status.",
      "PIDPressure=Unknown NodeStatusUnknown: Kubelet stopped posting node status.",
      "Ready=Unknown NodeStatusUnknown: Kubelet stopped posting node status.",
    ]);
    expect(eventTrace(c, "web")).toContain("50s Warning NodeNotReady: Node is not ready");
    advance(c, 300);
    expect(eventTrace(c, "web")).toContain("350s Normal TaintManagerEviction: Marking for deletion Pod default/web");
    expect(pod(c, "web").status.conditions.find((x: { type: string }) => x.type === "DisruptionTarget")).toMatchObject({
      status: "True",
      reason: "DeletionByTaintManager",
      message: "Taint manager: deleting due to NoExecute taint",
    });
    expect(podStatusColumn(pod(c, "web"))).toBe("Terminating");
    advance(c, 60);
    expect(c.get("pods", "web")).toBeDefined();
    c.setNodeRunning("node01", true);
    advance(c, 1);
    expect(c.get("pods", "web")).toBeUndefined();
    const ready = (c.get("nodes", "node01") as unknown as { status: { conditions: { type: string; status: string }[] }; spec: { taints?: unknown[] } });
    expect(ready.status.conditions.find((x) => x.type === "Ready")!.status).toBe("True");
    expect(ready.spec.taints ?? []).toEqual([]);
  });

  it("pods restart on a node that comes back before eviction", () => {
    const c = newCluster();
    c.apply(makePod("web", { containers: [{ name: "nginx", image: "nginx" }] }));
    advance(c, 10);
    c.setNodeRunning("node01", false);
    advance(c, 60);
    c.setNodeRunning("node01", true);
    advance(c, 5);
    const p = pod(c, "web");
    expect(p.status.phase).toBe("Running");
    expect(p.status.containerStatuses[0].restartCount).toBe(1);
    expect(p.status.containerStatuses[0].lastState.terminated).toMatchObject({ exitCode: 255, reason: "Unknown" });
  });
});

describe("pod updates and kubelet-side policies", () => {
  it("kubectl set image on a pod restarts the container with the new image", () => {
    const c = newCluster();
    c.apply(makePod("web", { containers: [{ name: "nginx", image: "nginx:1.25" }] }));
    advance(c, 10);
    const live = pod(c, "web");
    live.spec.containers[0].image = "nginx:1.27";
    const r = c.update(live as never);
    expect(r.ok).toBe(true);
    advance(c, 10);
    const cs = pod(c, "web").status.containerStatuses[0];
    expect(cs).toMatchObject({ image: "docker.io/library/nginx:1.27", restartCount: 1, ready: true });
    expect(eventTrace(c, "web")).toContain("10s Normal Killing: Container nginx definition changed, will be restarted");
  });

  it("activeDeadlineSeconds fails the pod with DeadlineExceeded", () => {
    const c = newCluster();
    c.apply(makePod("deadline", { activeDeadlineSeconds: 20, containers: [{ name: "c", image: "busybox", command: ["sleep", "3600"] }] }));
    advance(c, 19);
    expect(pod(c, "deadline").status.phase).toBe("Running");
    advance(c, 35);
    const p = pod(c, "deadline");
    expect(p.status).toMatchObject({ phase: "Failed", reason: "DeadlineExceeded", message: "Pod was active on the node longer than the specified deadline" });
    expect(p.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 137 });
  });

  it("hostNetwork pods get the node's IP", () => {
    const c = newCluster();
    c.apply(makePod("hn", { hostNetwork: true, containers: [{ name: "c", image: "busybox", command: ["sleep", "3600"] }] }));
    advance(c, 5);
    expect(pod(c, "hn").status.podIP).toBe("172.30.2.2");
  });

  it("the crash-loop back-off starts over after 10 minutes of running", () => {
    const c = newCluster();
    c.apply(makePod("slowcrash", { containers: [{ name: "c", image: "busybox", command: ["sh", "-c", "sleep 700; exit 1"] }] }));
    advance(c, 5);
    advance(c, 700);
    // First crash (~701 s): restarted after PLEG notices; then 700 s of running resets the back-off.
    advance(c, 705);
    const cs = pod(c, "slowcrash").status.containerStatuses[0];
    expect(cs.restartCount).toBe(2);
    expect(cs.state.running).toBeDefined();
  });
});

describe("volume layouts", () => {
  it("subPath mounts a single ConfigMap key as a file; hostPath PVs share the node's directory", () => {
    const c = newCluster();
    c.apply({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "conf" }, data: { "nginx.conf": "events {}\n", other: "x" } });
    c.apply({ apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "pv1" }, spec: { capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"], hostPath: { path: "/mnt/data" } } });
    c.apply({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "claim" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } });
    advance(c, 5);
    const pvc = c.get("persistentvolumeclaims", "claim") as unknown as { status: { phase: string } };
    c.apply(
      makePod("files", {
        containers: [
          {
            name: "c",
            image: "busybox",
            command: ["sh", "-c", "echo saved > /data/out; sleep 3600"],
            volumeMounts: [
              { name: "conf", mountPath: "/etc/nginx/nginx.conf", subPath: "nginx.conf" },
              { name: "store", mountPath: "/data" },
            ],
          },
        ],
        volumes: [
          { name: "conf", configMap: { name: "conf" } },
          { name: "store", persistentVolumeClaim: { claimName: "claim" } },
        ],
      }),
    );
    advance(c, 5);
    const conf = c.exec("default", "files", undefined, ["cat", "/etc/nginx/nginx.conf"]);
    expect(conf.ok && conf.result.stdout).toBe("events {}\n");
    expect(pvc.status.phase).toBe("Bound");
    c.apply(
      makePod("host", {
        containers: [{ name: "c", image: "busybox", command: ["sleep", "3600"], volumeMounts: [{ name: "h", mountPath: "/host" }] }],
        volumes: [{ name: "h", hostPath: { path: "/mnt/data" } }],
      }),
    );
    advance(c, 5);
    const seen = c.exec("default", "host", undefined, ["cat", "/host/out"]);
    expect(seen.ok && seen.result.stdout).toBe("saved\n");
  });
});

describe("start errors", () => {
  it("a missing executable: StartError exit 128, RunContainerError, then CrashLoopBackOff", () => {
    const c = newCluster();
    c.apply(makePod("typo", { containers: [{ name: "c", image: "busybox", command: ["sleeep", "10"] }] }));
    advance(c, 2);
    let cs = pod(c, "typo").status.containerStatuses[0];
    expect(cs.state.waiting.reason).toBe("RunContainerError");
    const message =
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "sleeep": executable file not found in $PATH: unknown';
    expect(cs.state.waiting.message).toBe(message);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 128, reason: "StartError", message, startedAt: "1970-01-01T00:00:00Z" });
    expect(eventTrace(c, "typo")).toContain(`1s Warning Failed: Error: ${message}`);
    advance(c, 10);
    cs = pod(c, "typo").status.containerStatuses[0];
    expect(cs.state.waiting.reason).toBe("CrashLoopBackOff");
    expect(cs.restartCount).toBe(1);
  });
});

describe("termination details", () => {
  it("a sidecar is stopped once the Job-style main container completes", () => {
    const c = newCluster();
    c.apply(
      makePod("job", {
        restartPolicy: "Never",
        initContainers: [{ name: "proxy", image: "busybox", restartPolicy: "Always", command: ["sleep", "3600"] }],
        containers: [{ name: "main", image: "busybox", command: ["sh", "-c", "sleep 3; echo done"] }],
      }),
    );
    advance(c, 10);
    advance(c, 40);
    const p = pod(c, "job");
    expect(p.status.phase).toBe("Succeeded");
    expect(p.status.initContainerStatuses[0].state.terminated).toBeDefined();
    expect(eventTrace(c, "job")).toContain("4s Normal Killing: Stopping container proxy");
  });

  it("a second delete with a shorter grace period brings SIGKILL forward", () => {
    const c = newCluster();
    c.apply(makePod("slow", { containers: [{ name: "c", image: "busybox", command: ["sleep", "3600"] }] }));
    advance(c, 5);
    c.delete("pods", "slow");
    advance(c, 5);
    c.delete("pods", "slow", { gracePeriodSeconds: 3 });
    advance(c, 4);
    expect(c.get("pods", "slow")).toBeUndefined();
  });
});

describe("log options", () => {
  it("sinceSeconds, limitBytes and timestamps follow the container's log lines", () => {
    const c = newCluster();
    c.apply(makePod("ticker", { containers: [{ name: "c", image: "busybox", command: ["sh", "-c", "i=0; while true; do i=$((i+1)); echo tick $i; sleep 10; done"] }] }));
    advance(c, 55);
    const all = c.logs("default", "ticker", undefined, {});
    expect(all.ok && all.text).toBe("tick 1\ntick 2\ntick 3\ntick 4\ntick 5\ntick 6\n");
    const recent = c.logs("default", "ticker", undefined, { sinceSeconds: 15 });
    expect(recent.ok && recent.text).toBe("tick 5\ntick 6\n");
    const cut = c.logs("default", "ticker", undefined, { limitBytes: 10 });
    expect(cut.ok && cut.text).toBe("tick 1\ntic");
    const stamped = c.logs("default", "ticker", undefined, { timestamps: true, tailLines: 1 });
    expect(stamped.ok && stamped.text).toBe("2025-01-01T00:00:51.254Z tick 6\n");
  });
});

describe("docs: liveness HTTP request", () => {
  it("agnhost liveness answers 500 after 10 s: three failures, then a restart", () => {
    const c = newCluster();
    c.apply(
      makePod(
        "liveness-http",
        {
          containers: [
            {
              name: "liveness",
              image: "registry.k8s.io/e2e-test-images/agnhost:2.40",
              args: ["liveness"],
              livenessProbe: { httpGet: { path: "/healthz", port: 8080, httpHeaders: [{ name: "Custom-Header", value: "Awesome" }] }, initialDelaySeconds: 3, periodSeconds: 3 },
            },
          ],
        },
        { labels: { test: "liveness" } },
      ),
    );
    advance(c, 30);
    const trace = eventTrace(c, "liveness-http");
    expect(trace.some((e) => /Warning Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500 \(x3\)$/.test(e))).toBe(true);
    expect(trace.some((e) => e.endsWith("Normal Killing: Container liveness failed liveness probe, will be restarted"))).toBe(true);
    expect(pod(c, "liveness-http").status.containerStatuses[0].restartCount).toBe(1);
  });
});

describe("projected and downward API volumes", () => {
  it("lays out the service account token volume and downward API files", () => {
    const c = newCluster();
    c.apply(
      makePod(
        "dapi",
        {
          containers: [{ name: "c", image: "busybox", command: ["sleep", "3600"], volumeMounts: [{ name: "podinfo", mountPath: "/etc/podinfo" }] }],
          volumes: [
            {
              name: "podinfo",
              downwardAPI: {
                items: [
                  { path: "labels", fieldRef: { fieldPath: "metadata.labels" } },
                  { path: "name", fieldRef: { fieldPath: "metadata.name" } },
                ],
              },
            },
          ],
        },
        { labels: { zone: "us-est-coast", cluster: "test-cluster1" } },
      ),
    );
    advance(c, 5);
    const read = (path: string) => {
      const r = c.exec("default", "dapi", undefined, ["cat", path]);
      return r.ok ? r.result.stdout : `error: ${JSON.stringify(r)}`;
    };
    expect(read("/etc/podinfo/labels")).toBe('cluster="test-cluster1"\nzone="us-est-coast"');
    expect(read("/etc/podinfo/name")).toBe("dapi");
    const sa = "/var/run/secrets/kubernetes.io/serviceaccount";
    // The ServiceAccount admission plugin added the kube-api-access-xxxxx projected volume.
    expect((pod(c, "dapi").spec.volumes ?? []).some((v: { name: string }) => v.name.startsWith("kube-api-access-"))).toBe(true);
    expect(read(`${sa}/namespace`)).toBe("default");
    expect(read(`${sa}/ca.crt`)).toContain("BEGIN CERTIFICATE");
    expect(read(`${sa}/token`)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });
});

// "Configure Liveness, Readiness and Startup Probes" (kubernetes.io/docs/tasks/configure-pod-container/
// configure-liveness-readiness-startup-probes/, v1.32), replayed through kubesim.
import { describe, expect, it } from "vitest";
import { row, terminal } from "../helpers";

const EXEC_LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
`;

const HTTP_LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-http
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    args:
    - liveness
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
        httpHeaders:
        - name: Custom-Header
          value: Awesome
      initialDelaySeconds: 3
      periodSeconds: 3
`;

describe("docs: configure liveness, readiness and startup probes", { timeout: 60_000 }, () => {
  it("exec liveness: healthy for 30 s, then three failed probes kill and restart the container", () => {
    const t = terminal(11, { "exec-liveness.yaml": EXEC_LIVENESS });
    expect(t.run("kubectl apply -f exec-liveness.yaml").stdout).toBe("pod/liveness-exec created\n");
    const early = t.run("sleep 20\nkubectl describe pod liveness-exec").stdout;
    expect(early).toContain("Liveness:       exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3");
    expect(early).not.toContain("Unhealthy");
    expect(row(t.run("kubectl get pod liveness-exec").stdout, "liveness-exec")).toMatchObject({ READY: "1/1", STATUS: "Running", RESTARTS: "0" });
    // The file disappears at ~30 s after start; probes at 5 s intervals fail three times by ~45 s.
    const later = t.run("sleep 30\nkubectl describe pod liveness-exec").stdout;
    expect(later).toMatch(/Warning {2}Unhealthy {2}\S+ \(x3 over 1\ds\) +kubelet +Liveness probe failed: cat: can't open '\/tmp\/healthy': No such file or directory\n/);
    expect(later).toMatch(/Normal {3}Killing {4}\S+ +kubelet +Container liveness failed liveness probe, will be restarted\n/);
    // sh as PID 1 ignores SIGTERM, so the kill takes the 30 s grace period before the restart.
    const restarted = row(t.run("sleep 40\nkubectl get pod liveness-exec").stdout, "liveness-exec");
    expect(restarted).toMatchObject({ READY: "1/1", STATUS: "Running" });
    expect(restarted.RESTARTS).toMatch(/^1 \(\d+s ago\)$/);
  });

  it("http liveness: agnhost's /healthz answers 500 after 10 s and the kubelet restarts the container", () => {
    const t = terminal(12, { "http-liveness.yaml": HTTP_LIVENESS });
    t.run("kubectl apply -f http-liveness.yaml");
    const ev = t.run("sleep 25\nkubectl describe pod liveness-http").stdout;
    expect(ev).toContain("Liveness:       http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3");
    expect(ev).toMatch(/Warning {2}Unhealthy .*Liveness probe failed: HTTP probe failed with statuscode: 500\n/);
    expect(ev).toMatch(/Normal {3}Killing .*Container liveness failed liveness probe, will be restarted\n/);
    expect(row(t.run("kubectl get pod liveness-http").stdout, "liveness-http").RESTARTS).toMatch(/^[12] \(\d+s ago\)$/);
  });

  it("tcp liveness and readiness (goproxy): not Ready before the 15 s initial delay, Ready after", () => {
    const t = terminal(15);
    t.run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: goproxy
  labels:
    app: goproxy
spec:
  containers:
  - name: goproxy
    image: registry.k8s.io/goproxy:0.1
    ports:
    - containerPort: 8080
    readinessProbe:
      tcpSocket:
        port: 8080
      initialDelaySeconds: 15
      periodSeconds: 10
    livenessProbe:
      tcpSocket:
        port: 8080
      initialDelaySeconds: 15
      periodSeconds: 10
EOF`);
    expect(row(t.run("sleep 10\nkubectl get pod goproxy").stdout, "goproxy")).toMatchObject({ READY: "0/1", STATUS: "Running" });
    expect(row(t.run("sleep 10\nkubectl get pod goproxy").stdout, "goproxy")).toMatchObject({ READY: "1/1", STATUS: "Running", RESTARTS: "0" });
    const d = t.run("kubectl describe pod goproxy").stdout;
    expect(d).toContain("Liveness:       tcp-socket :8080 delay=15s timeout=1s period=10s #success=1 #failure=3\n");
    expect(d).toContain("Readiness:      tcp-socket :8080 delay=15s timeout=1s period=10s #success=1 #failure=3\n");
  });

  it("an httpGet probe on a port nothing listens on reports connection refused", () => {
    const t = terminal(16);
    t.run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: wrong-port
spec:
  containers:
  - name: c
    image: nginx:1.25
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
      periodSeconds: 5
EOF`);
    const ip = t.run("sleep 20\nkubectl get pod wrong-port -o jsonpath='{.status.podIP}'").stdout;
    expect(t.run("kubectl describe pod wrong-port").stdout).toContain(
      `Liveness probe failed: Get "http://${ip}:8080/healthz": dial tcp ${ip}:8080: connect: connection refused\n`,
    );
  });

  it("readiness probe failure keeps the container running but unready and out of the Service endpoints", () => {
    const t = terminal(13);
    t.run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: ready
  labels:
    app: ready
spec:
  containers:
  - name: c
    image: nginx:1.25
    readinessProbe:
      httpGet:
        path: /index.html
        port: 80
      periodSeconds: 5
---
apiVersion: v1
kind: Service
metadata:
  name: ready
spec:
  selector:
    app: ready
  ports:
  - port: 80
EOF`);
    t.run("sleep 15");
    expect(row(t.run("kubectl get pod ready").stdout, "ready")).toMatchObject({ READY: "1/1", STATUS: "Running" });
    expect(t.run("kubectl get endpoints ready -o jsonpath='{.subsets[0].addresses[0].ip}'").stdout).toMatch(/^10\.244\.\d+\.\d+$/);
    t.run("kubectl exec ready -- rm /usr/share/nginx/html/index.html\nsleep 20");
    expect(row(t.run("kubectl get pod ready").stdout, "ready")).toMatchObject({ READY: "0/1", STATUS: "Running", RESTARTS: "0" });
    expect(t.run("kubectl describe pod ready").stdout).toMatch(/Warning {2}Unhealthy .*Readiness probe failed: HTTP probe failed with statuscode: 404\n/);
    expect(t.run("kubectl get endpoints ready -o jsonpath='{.subsets[0].notReadyAddresses[0].ip}'").stdout).toMatch(/^10\.244\./);
    // formatEndpoints lists only ready addresses: a subset with only notReadyAddresses prints an empty cell.
    expect(t.run("kubectl get endpoints ready --no-headers").stdout).toMatch(/^ready {3,}\d+s\n$/);
  });

  it("a startup probe holds back liveness until it succeeds", () => {
    const t = terminal(14);
    t.run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: slow
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: ["sh", "-c", "sleep 20; touch /tmp/started; sleep 3600"]
    startupProbe:
      exec:
        command: ["cat", "/tmp/started"]
      failureThreshold: 30
      periodSeconds: 2
    livenessProbe:
      exec:
        command: ["cat", "/tmp/started"]
      periodSeconds: 2
      failureThreshold: 1
EOF`);
    const at10 = t.run("sleep 10\nkubectl get pod slow -o jsonpath='{.status.containerStatuses[0].started} {.status.containerStatuses[0].ready} {.status.containerStatuses[0].restartCount}'").stdout;
    expect(at10).toBe("false false 0");
    const at40 = t.run("sleep 30\nkubectl get pod slow -o jsonpath='{.status.containerStatuses[0].started} {.status.containerStatuses[0].ready} {.status.containerStatuses[0].restartCount}'").stdout;
    expect(at40).toBe("true true 0");
    expect(t.run("kubectl describe pod slow").stdout).toContain("Startup:        exec [cat /tmp/started] delay=0s timeout=1s period=2s #success=1 #failure=30");
  });
});

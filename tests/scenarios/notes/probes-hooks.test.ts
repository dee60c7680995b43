// Notes 003 §4.10–4.11: the nginx probe experiments and the lifecycle hooks, corrected per the syllabus
// (harbor images replaced by docker.io nginx; the restart in the tcpSocket demo comes from the exit).
import { describe, expect, it } from "vitest";
import { row, terminal } from "../helpers";

const apply = (yaml: string) => `kubectl apply -f - <<'EOF'\n${yaml}EOF`;

describe("notes: probes on nginx", { timeout: 60_000 }, () => {
  it("liveness httpGet on /index.html: deleting the page makes the probe fail with 404 and restarts the container", () => {
    const t = terminal(71);
    t.run(
      apply(`apiVersion: v1
kind: Pod
metadata:
  name: liveness-httpget
  namespace: default
spec:
  containers:
  - name: liveness
    image: nginx:latest
    imagePullPolicy: IfNotPresent
    ports:
    - name: http
      containerPort: 80
    livenessProbe:
      httpGet:
        port: http
        path: /index.html
      initialDelaySeconds: 3
      periodSeconds: 5
`),
    );
    expect(row(t.run("sleep 9\nkubectl get pods").stdout, "liveness-httpget")).toMatchObject({ READY: "1/1", STATUS: "Running", RESTARTS: "0" });
    expect(t.run("kubectl exec -it liveness-httpget -- rm -rf /usr/share/nginx/html/index.html").stdout).toBe("");
    // Three failures 5 s apart, then nginx stops on SIGTERM at once and the container restarts from the image.
    const d = t.run("sleep 20\nkubectl describe pod liveness-httpget").stdout;
    expect(d).toContain("Liveness:       http-get http://:http/index.html delay=3s timeout=1s period=5s #success=1 #failure=3\n");
    expect(d).toMatch(/Warning {2}Unhealthy +\S+ \(x3 over 1\ds\) +kubelet +Liveness probe failed: HTTP probe failed with statuscode: 404\n/);
    expect(d).toMatch(/Normal {3}Killing +\S+ +kubelet +Container liveness failed liveness probe, will be restarted\n/);
    expect(row(t.run("kubectl get pod").stdout, "liveness-httpget").RESTARTS).toMatch(/^1 \(\d+s ago\)$/);
    // The restarted container has a fresh filesystem from the image, so the page is back.
    expect(t.run("kubectl exec liveness-httpget -- ls /usr/share/nginx/html/").stdout).toContain("index.html\n");
    expect(row(t.run("sleep 60\nkubectl get pod").stdout, "liveness-httpget").RESTARTS).toMatch(/^1 \(/);
  });

  it("liveness tcpSocket: nginx -s stop ends the main process; the restart comes from restartPolicy Always", () => {
    const t = terminal(72);
    t.run(
      apply(`apiVersion: v1
kind: Pod
metadata:
  name: liveness-tcp
  namespace: default
spec:
  containers:
  - name: c1
    image: nginx:latest
    imagePullPolicy: IfNotPresent
    ports:
    - name: http
      containerPort: 80
    livenessProbe:
      tcpSocket:
        port: 80
      initialDelaySeconds: 3
      periodSeconds: 5
`),
    );
    t.run("sleep 14\nkubectl exec -it liveness-tcp -- /usr/sbin/nginx -s stop\nsleep 3");
    expect(row(t.run("kubectl get pod").stdout, "liveness-tcp")).toMatchObject({ READY: "1/1", STATUS: "Running" });
    expect(t.run("kubectl get pod liveness-tcp -o jsonpath='{.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].lastState.terminated.reason} {.status.containerStatuses[0].lastState.terminated.exitCode}'").stdout).toBe("1 Completed 0");
    expect(t.run("kubectl describe pod liveness-tcp").stdout).not.toContain("Unhealthy");
  });

  it("readiness httpGet: 0/1 while /index.html is missing, 1/1 again once it is back; the container never restarts", () => {
    const t = terminal(73);
    t.run(
      apply(`apiVersion: v1
kind: Pod
metadata:
  name: readiness-httpget
  namespace: default
spec:
  containers:
  - name: c1
    image: nginx:latest
    imagePullPolicy: IfNotPresent
    ports:
    - name: http
      containerPort: 80
    readinessProbe:
      httpGet:
        port: http
        path: /index.html
      initialDelaySeconds: 3
      periodSeconds: 5
---
apiVersion: v1
kind: Service
metadata:
  name: readiness-svc
spec:
  type: ClusterIP
  ports:
  - port: 80
    targetPort: 80
  selector:
    app: nginx
`),
    );
    expect(row(t.run("sleep 10\nkubectl get pod").stdout, "readiness-httpget")).toMatchObject({ READY: "1/1", STATUS: "Running" });
    // note_error: the Pod has no app=nginx label, so the note's Service never gets an endpoint.
    expect(t.run("kubectl get endpoints readiness-svc --no-headers").stdout).toMatch(/^readiness-svc +<none> +\d+s\n$/);
    t.run("kubectl exec -it readiness-httpget -- rm -rf /usr/share/nginx/html/index.html\nsleep 15");
    expect(row(t.run("kubectl get pod").stdout, "readiness-httpget")).toMatchObject({ READY: "0/1", STATUS: "Running", RESTARTS: "0" });
    expect(t.run("kubectl describe pod readiness-httpget").stdout).toMatch(/Readiness probe failed: HTTP probe failed with statuscode: 404\n/);
    t.run("kubectl exec -it readiness-httpget -- touch /usr/share/nginx/html/index.html\nsleep 6");
    expect(row(t.run("kubectl get pod").stdout, "readiness-httpget")).toMatchObject({ READY: "1/1", STATUS: "Running", RESTARTS: "0" });
    // With the label the note forgot, the Service picks the Pod up.
    t.run("kubectl label pod readiness-httpget app=nginx\nsleep 1");
    expect(t.run("kubectl get endpoints readiness-svc --no-headers").stdout).toMatch(/^readiness-svc +10\.244\.\d+\.\d+:80 +\d+s\n$/);
  });

  it("liveness and readiness together: Running 0/1 at 6 s, 1/1 at 11 s", () => {
    const t = terminal(74);
    t.run(
      apply(`apiVersion: v1
kind: Pod
metadata:
  name: liveness-readiness-httpget
  namespace: default
spec:
  containers:
  - name: liveness-readiness
    image: nginx:latest
    imagePullPolicy: IfNotPresent
    ports:
    - name: http
      containerPort: 80
    livenessProbe:
      httpGet:
        port: http
        path: /index.html
      initialDelaySeconds: 1
      periodSeconds: 3
    readinessProbe:
      httpGet:
        port: http
        path: /index.html
      initialDelaySeconds: 5
      periodSeconds: 5
`),
    );
    expect(row(t.run("sleep 4\nkubectl get pod").stdout, "liveness-readiness-httpget")).toMatchObject({ READY: "0/1", STATUS: "Running" });
    expect(row(t.run("sleep 7\nkubectl get pod").stdout, "liveness-readiness-httpget")).toMatchObject({ READY: "1/1", STATUS: "Running", RESTARTS: "0" });
  });
});

describe("notes: lifecycle hooks", { timeout: 60_000 }, () => {
  it("postStart writes nginx's index page", () => {
    const t = terminal(75);
    t.run(
      apply(`apiVersion: v1
kind: Pod
metadata:
  name: poststart
  namespace: default
spec:
  containers:
  - name: poststart
    image: nginx:latest
    imagePullPolicy: IfNotPresent
    lifecycle:
      postStart:
        exec:
          command: ["/bin/sh","-c","echo  'hello post start' > /usr/share/nginx/html/index.html"]
`),
    );
    expect(row(t.run("sleep 25\nkubectl get pods").stdout, "poststart")).toMatchObject({ READY: "1/1", STATUS: "Running" });
    expect(t.run("kubectl exec -it poststart -- cat /usr/share/nginx/html/index.html").stdout).toBe("hello post start\n");
  });

  it("preStop writes into a hostPath volume before the container stops; the file stays on the node", () => {
    const t = terminal(76);
    t.run(
      apply(`apiVersion: v1
kind: Pod
metadata:
  name: prestop
  namespace: default
spec:
  nodeName: node01
  containers:
  - name: prestop
    image: nginx:latest
    imagePullPolicy: IfNotPresent
    volumeMounts:
    - name: message
      mountPath: /usr/share/nginx/html/
    lifecycle:
      preStop:
        exec:
          command: ["/bin/sh","-c","echo 'Web Server stopped' > /usr/share/nginx/html/index.html"]
  volumes:
  - name: message
    hostPath:
      path: /tmp
`),
    );
    expect(row(t.run("sleep 10\nkubectl get pods -o wide").stdout, "prestop")).toMatchObject({ STATUS: "Running", NODE: "node01" });
    // note_error: the note deletes 08_Pod_prestart.yml although the file is 08_Pod_prestop.yaml.
    expect(t.run("kubectl delete pod prestop").stdout).toBe('pod "prestop" deleted\n');
    // A reader pinned to the same node with the same hostPath, made the way the note does it: kubectl run
    // --overrides (a JSON merge patch: the containers list is given whole).
    t.run(
      `kubectl run reader --image=busybox:1.36 --restart=Never --overrides='{"spec":{"nodeName":"node01","containers":[{"name":"reader","image":"busybox:1.36","command":["cat","/host/index.html"],"volumeMounts":[{"name":"h","mountPath":"/host"}]}],"volumes":[{"name":"h","hostPath":{"path":"/tmp"}}]}}'\nsleep 10`,
    );
    expect(t.run("kubectl logs reader").stdout).toBe("Web Server stopped\n");
  });
});

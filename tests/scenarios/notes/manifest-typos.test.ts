// The notes' manifests with their typos (syllabus note_error entries): each typo must give the error
// Kubernetes v1.32 gives, and the corrected manifest must work.
import { describe, expect, it } from "vitest";
import { row, terminal } from "../helpers";

const apply = (yaml: string) => `kubectl apply -f - <<'EOF'\n${yaml}EOF`;

describe("notes: manifest typos and their corrections", { timeout: 60_000 }, () => {
  it("imagePullPolice is an unknown field under strict decoding; the corrected Pod runs", () => {
    const t = terminal(61);
    const pod = (field: string) => `apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.15.12
    ${field}: IfNotPresent
`;
    const bad = t.run(`${apply(pod("imagePullPolice"))}\necho $?`);
    expect(bad.stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolice"\n',
    );
    expect(bad.stdout).toBe("1\n");
    expect(t.run(apply(pod("imagePullPolicy"))).stdout).toBe("pod/nginx created\n");
    expect(row(t.run("sleep 15\nkubectl get pod nginx").stdout, "nginx")).toMatchObject({ READY: "1/1", STATUS: "Running" });
  });

  it("001's health-check example: readlinessProbe and tcpscoket are unknown fields, lower-case enums fail validation", () => {
    const t = terminal(62);
    const misspelt = `apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.15.12
    readlinessProbe:
      httpGet:
        path: /index.html
        port: 80
    livenessProbe:
      tcpscoket:
        port: 80
`;
    expect(t.run(apply(misspelt)).stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].livenessProbe.tcpscoket", unknown field "spec.containers[0].readlinessProbe"\n',
    );
    const lowerCase = `apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  restartPolicy: never
  containers:
  - name: nginx
    image: nginx:1.15.12
    imagePullPolicy: ifnotpresent
    readinessProbe:
      httpGet:
        path: /index.html
        port: 80
        scheme: http
`;
    expect(t.run(apply(lowerCase)).stderr).toBe(
      [
        'The Pod "nginx" is invalid: ',
        '* spec.containers[0].imagePullPolicy: Unsupported value: "ifnotpresent": supported values: "Always", "IfNotPresent", "Never"',
        '* spec.containers[0].readinessProbe.httpGet.scheme: Unsupported value: "http": supported values: "HTTP", "HTTPS"',
        '* spec.restartPolicy: Unsupported value: "never": supported values: "Always", "OnFailure", "Never"',
        "",
      ].join("\n"),
    );
    const camel = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx
    readinessProbe:
      httpGet:
        port: 80
      seccessThreshold: 1
      initialdelayseconds: 5
`;
    expect(t.run(apply(camel)).stderr).toContain(
      'strict decoding error: unknown field "spec.containers[0].readinessProbe.initialdelayseconds", unknown field "spec.containers[0].readinessProbe.seccessThreshold"\n',
    );
    // The corrected example: sleep 10 then nginx; the readiness probe (delay 10 s, period 5 s, failureThreshold 2)
    // makes it Ready; the tcpSocket liveness probe passes.
    const fixed = `apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  restartPolicy: Never
  containers:
  - name: nginx
    image: nginx:1.15.12
    imagePullPolicy: IfNotPresent
    command:
    - sh
    - -c
    - sleep 10; nginx -g "daemon off;"
    readinessProbe:
      httpGet:
        path: /index.html
        port: 80
        scheme: HTTP
        httpHeaders:
        - name: end-user
          value: jason
      initialDelaySeconds: 10
      timeoutSeconds: 2
      periodSeconds: 5
      successThreshold: 1
      failureThreshold: 2
    livenessProbe:
      tcpSocket:
        port: 80
      initialDelaySeconds: 10
      periodSeconds: 5
`;
    expect(t.run(apply(fixed)).stdout).toBe("pod/nginx created\n");
    expect(row(t.run("sleep 5\nkubectl get pod nginx").stdout, "nginx")).toMatchObject({ READY: "0/1", STATUS: "Running" });
    expect(row(t.run("sleep 20\nkubectl get pod nginx").stdout, "nginx")).toMatchObject({ READY: "1/1", STATUS: "Running", RESTARTS: "0" });
    expect(t.run("kubectl describe pod nginx").stdout).toContain(
      "Readiness:      http-get http://:80/index.html delay=10s timeout=2s period=5s #success=1 #failure=2\n",
    );
  });

  it("001's StatefulSet and Service: kind statefulset, serviceNmae, clusterIp and targetPart", () => {
    const t = terminal(63);
    const sts = (kind: string, field: string) => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: web
spec:
  ${field}: "nginx"
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx
        ports:
        - containerPort: 80
`;
    expect(t.run(apply(sts("statefulset", "serviceName"))).stderr).toBe(
      'error: resource mapping not found for name: "web" namespace: "" from "STDIN": no matches for kind "statefulset" in version "apps/v1"\nensure CRDs are installed first\n',
    );
    expect(t.run(apply(sts("StatefulSet", "serviceNmae"))).stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.serviceNmae"\n',
    );
    const svc = (clusterIP: string, targetPort: string, protocol: string) => `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ${clusterIP}: None
  ports:
  - port: 80
    name: web
    ${targetPort}: 80
    protocol: ${protocol}
  selector:
    app: nginx
`;
    expect(t.run(apply(svc("clusterIp", "targetPart", "TCP"))).stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.clusterIp", unknown field "spec.ports[0].targetPart"\n',
    );
    expect(t.run(apply(svc("clusterIP", "targetPort", "tcp"))).stderr).toBe(
      'The Service "nginx" is invalid: spec.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"\n',
    );
    expect(t.run(apply(svc("clusterIP", "targetPort", "TCP"))).stdout).toBe("service/nginx created\n");
    expect(t.run(apply(sts("StatefulSet", "serviceName"))).stdout).toBe("statefulset.apps/web created\n");
    t.run("sleep 30");
    expect(t.run("kubectl get sts web --no-headers").stdout).toMatch(/^web +2\/2 +\d+s\n$/);
    expect(t.run("kubectl get svc nginx --no-headers").stdout).toMatch(/^nginx +ClusterIP +None +<none> +80\/TCP +\d+s\n$/);
    // Headless Service: the Endpoints list both Pods; each Pod gets <pod>.<service>.<ns>.svc.cluster.local.
    // (RepackSubsets sorts addresses by IP, so the order follows the Pods' IPs.)
    expect(t.run("kubectl get endpoints nginx -o jsonpath='{.subsets[0].addresses[*].hostname}'").stdout.split(" ").sort()).toEqual(["web-0", "web-1"]);
    const dns = t.run("kubectl run -i --rm --image busybox:1.28 dns --restart=Never -- nslookup web-1.nginx.default.svc.cluster.local").stdout;
    expect(dns).toMatch(/Name:      web-1\.nginx\.default\.svc\.cluster\.local\nAddress 1: 10\.244\.\d+\.\d+ web-1\.nginx\.default\.svc\.cluster\.local\n/);
  });

  it("003's registry and tag typos end in ErrImagePull / ImagePullBackOff", () => {
    const t = terminal(64);
    t.run("kubectl run pod1 --image=harbar.wego.red/library/nginx:1.9.0\nkubectl run pod4 --image=nginx:1.9.0s --image-pull-policy=IfNotPresent\nsleep 15");
    const pods = t.run("kubectl get pods").stdout;
    expect(row(pods, "pod1")).toMatchObject({ READY: "0/1", STATUS: "ImagePullBackOff" });
    expect(row(pods, "pod4")).toMatchObject({ READY: "0/1", STATUS: "ImagePullBackOff" });
    const d = t.run("kubectl describe pod pod1").stdout;
    expect(d).toContain('Failed to pull image "harbar.wego.red/library/nginx:1.9.0": ');
    expect(d).toMatch(/Warning {2}Failed +\S+( \(x\d+ over \S+\))? +kubelet +Error: ErrImagePull\n/);
    expect(d).toMatch(/Normal {3}BackOff +\S+( \(x\d+ over \S+\))? +kubelet +Back-off pulling image "harbar\.wego\.red\/library\/nginx:1\.9\.0"\n/);
    // imagePullPolicy Never with an image that is not on the node.
    t.run("kubectl run pod3 --image=nginx:1.9.1 --image-pull-policy=Never\nsleep 10");
    expect(row(t.run("kubectl get pod pod3").stdout, "pod3")).toMatchObject({ READY: "0/1", STATUS: "ErrImageNeverPull" });
    expect(t.run("kubectl describe pod pod3").stdout).toContain(
      'Container image "nginx:1.9.1" is not present with pull policy of Never',
    );
  });

  it("misspelt commands: 'kubectl roolot' suggests rollout; 'kebectl' is not a command", () => {
    const t = terminal(65);
    const r = t.run("kubectl roolot pause deployment/nginx-deployment\necho $?");
    // cobra's wording, capital E (checked against kubectl v1.32).
    expect(r.stderr).toBe('Error: unknown command "roolot" for "kubectl"\n\nDid you mean this?\n\trollout\n\n');
    expect(r.stdout).toBe("1\n");
  });
});

// Kubernetes documentation tasks for Pods' start-up and resources, replayed through kubesim:
// "Init Containers", "Attach Handlers to Container Lifecycle Events", "Assign Memory Resources".
import { describe, expect, it } from "vitest";
import { row, terminal } from "../helpers";

const MYAPP = `apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app.kubernetes.io/name: MyApp
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
  - name: init-mydb
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done"]
`;

const SERVICES = `---
apiVersion: v1
kind: Service
metadata:
  name: myservice
spec:
  ports:
  - protocol: TCP
    port: 80
    targetPort: 9376
---
apiVersion: v1
kind: Service
metadata:
  name: mydb
spec:
  ports:
  - protocol: TCP
    port: 80
    targetPort: 9377
`;

describe("docs: init containers", { timeout: 60_000 }, () => {
  it("myapp-pod stays Init:0/2 until myservice exists, Init:1/2 until mydb exists, then runs", () => {
    const t = terminal(21, { "myapp.yaml": MYAPP, "services.yaml": SERVICES });
    expect(t.run("kubectl apply -f myapp.yaml").stdout).toBe("pod/myapp-pod created\n");
    expect(row(t.run("sleep 20\nkubectl get -f myapp.yaml").stdout, "myapp-pod")).toMatchObject({ READY: "0/1", STATUS: "Init:0/2", RESTARTS: "0" });
    const logs = t.run("kubectl logs myapp-pod -c init-myservice").stdout;
    expect(logs).toContain("waiting for myservice");
    expect(logs).toContain("can't resolve 'myservice.default.svc.cluster.local'");
    // The main container has not been created yet.
    expect(t.run("kubectl logs myapp-pod").stderr).toBe('Error from server (BadRequest): container "myapp-container" in pod "myapp-pod" is waiting to start: PodInitializing\n');
    const described = t.run("kubectl describe pod myapp-pod").stdout;
    expect(described).toMatch(/Init Containers:\n  init-myservice:\n[\s\S]*?    State:          Running\n/);
    expect(described).toMatch(/  init-mydb:\n[\s\S]*?    State:          Waiting\n      Reason:       PodInitializing\n/);
    t.run("kubectl create service clusterip myservice --tcp=80:9376\nsleep 10");
    expect(row(t.run("kubectl get pod myapp-pod").stdout, "myapp-pod")).toMatchObject({ READY: "0/1", STATUS: "Init:1/2" });
    expect(t.run("kubectl delete service myservice").stdout).toBe('service "myservice" deleted\n');
    expect(t.run("kubectl apply -f services.yaml").stdout).toBe("service/myservice created\nservice/mydb created\n");
    t.run("sleep 15");
    expect(row(t.run("kubectl get pod myapp-pod").stdout, "myapp-pod")).toMatchObject({ READY: "1/1", STATUS: "Running", RESTARTS: "0" });
    expect(t.run("kubectl logs myapp-pod").stdout).toBe("The app is running!\n");
    expect(t.run("kubectl describe pod myapp-pod").stdout).toMatch(/  init-mydb:\n[\s\S]*?    State:          Terminated\n      Reason:       Completed\n      Exit Code:    0\n/);
  });
});

describe("docs: attach handlers to container lifecycle events", { timeout: 60_000 }, () => {
  it("postStart writes /usr/share/message before the container counts as Running", () => {
    const t = terminal(22);
    t.run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: lifecycle-demo
spec:
  containers:
  - name: lifecycle-demo-container
    image: nginx
    lifecycle:
      postStart:
        exec:
          command: ["/bin/sh", "-c", "echo Hello from the postStart handler > /usr/share/message"]
      preStop:
        exec:
          command: ["/bin/sh","-c","nginx -s quit; while killall -0 nginx; do sleep 1; done"]
EOF`);
    expect(row(t.run("sleep 10\nkubectl get pod lifecycle-demo").stdout, "lifecycle-demo")).toMatchObject({ READY: "1/1", STATUS: "Running" });
    expect(t.run("kubectl exec -it lifecycle-demo -- cat /usr/share/message").stdout).toBe("Hello from the postStart handler\n");
    expect(t.run("kubectl delete pod lifecycle-demo").stdout).toBe('pod "lifecycle-demo" deleted\n');
    expect(t.run("kubectl get pod lifecycle-demo").stderr).toBe('Error from server (NotFound): pods "lifecycle-demo" not found\n');
  });

  it("a failing postStart hook kills the container (FailedPostStartHook)", () => {
    const t = terminal(23);
    t.run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: bad-hook
spec:
  containers:
  - name: c
    image: nginx:1.25
    lifecycle:
      postStart:
        exec:
          command: ["/bin/sh", "-c", "exit 1"]
EOF`);
    const d = t.run("sleep 15\nkubectl describe pod bad-hook").stdout;
    expect(d).toMatch(/Warning {2}FailedPostStartHook .*kubelet +PostStartHook failed\n/);
    expect(row(t.run("kubectl get pod bad-hook").stdout, "bad-hook").RESTARTS).not.toBe("0");
  });
});

describe("docs: assign memory resources to containers and pods", { timeout: 60_000 }, () => {
  const pod = (name: string, req: string, lim: string, bytes: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: mem-example
spec:
  containers:
  - name: ${name}-ctr
    image: polinux/stress
    resources:
      requests:
        memory: "${req}"
      limits:
        memory: "${lim}"
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "${bytes}", "--vm-hang", "1"]
`;

  it("memory-demo runs within its limit; memory-demo-2 is OOMKilled and restarted; memory-demo-3 never schedules", () => {
    const t = terminal(24, {
      "memory-request-limit.yaml": pod("memory-demo", "100Mi", "200Mi", "150M"),
      "memory-request-limit-2.yaml": pod("memory-demo-2", "50Mi", "100Mi", "250M"),
      "memory-request-limit-3.yaml": pod("memory-demo-3", "1000Gi", "1000Gi", "150M"),
    });
    expect(t.run("kubectl create namespace mem-example").stdout).toBe("namespace/mem-example created\n");
    t.run("kubectl apply -f memory-request-limit.yaml --namespace=mem-example");
    t.run("kubectl apply -f memory-request-limit-2.yaml --namespace=mem-example");
    t.run("kubectl apply -f memory-request-limit-3.yaml --namespace=mem-example");
    // The docs show memory-demo-2 first as OOMKilled, then CrashLoopBackOff.
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) seen.add(row(t.run("sleep 1\nkubectl get pod memory-demo-2 -n mem-example").stdout, "memory-demo-2").STATUS);
    expect(seen).toContain("OOMKilled");
    expect(seen).toContain("CrashLoopBackOff");
    const pods = t.run("kubectl get pods -n mem-example").stdout;
    expect(row(pods, "memory-demo")).toMatchObject({ READY: "1/1", STATUS: "Running", RESTARTS: "0" });
    expect(row(pods, "memory-demo-3")).toMatchObject({ READY: "0/1", STATUS: "Pending" });
    expect(t.run("kubectl get pod memory-demo -n mem-example -o jsonpath='{.spec.containers[0].resources}'").stdout).toBe(
      '{"limits":{"memory":"200Mi"},"requests":{"memory":"100Mi"}}',
    );
    expect(t.run("kubectl get pod memory-demo-2 -n mem-example -o jsonpath='{.status.containerStatuses[0].lastState.terminated.reason} {.status.containerStatuses[0].lastState.terminated.exitCode}'").stdout).toBe("OOMKilled 137");
    expect(Number(row(pods, "memory-demo-2").RESTARTS.split(" ")[0])).toBeGreaterThanOrEqual(1);
    const d2 = t.run("kubectl describe pod memory-demo-2 -n mem-example").stdout;
    expect(d2).toMatch(/    Last State:     Terminated\n      Reason:       OOMKilled\n      Exit Code:    137\n/);
    const d3 = t.run("kubectl describe pod memory-demo-3 -n mem-example").stdout;
    expect(d3).toContain(
      "Warning  FailedScheduling  ",
    );
    expect(d3).toContain(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
    expect(t.run("kubectl get pod memory-demo -n mem-example -o jsonpath='{.status.qosClass}'").stdout).toBe("Burstable");
    expect(t.run("kubectl delete namespace mem-example").stdout).toBe('namespace "mem-example" deleted\n');
  });
});

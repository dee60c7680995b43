// Notes 001/002/003 on Pods: restart policies, multi-container Pods and exec, init containers, and
// scheduling with nodeName / nodeSelector / taints — asserted as Kubernetes v1.32 behaves (syllabus).
import { describe, expect, it } from "vitest";
import { row, rows, terminal } from "../helpers";

const apply = (yaml: string) => `kubectl apply -f - <<'EOF'\n${yaml}EOF`;
const sleeper = (name: string, policy: string, cmd: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  restartPolicy: ${policy}
  containers:
  - name: nginx
    image: nginx:1.15.12
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "${cmd}"]
`;

describe("notes: restart policies", { timeout: 60_000 }, () => {
  it("sleep 10 then exit 0: restarted forever under Always, Completed under Never and OnFailure", () => {
    const t = terminal(81);
    t.run(apply(sleeper("always", "Always", "sleep 10")) + "\n" + apply(sleeper("never", "Never", "sleep 10")) + "\n" + apply(sleeper("onfailure", "OnFailure", "sleep 10")));
    t.run("sleep 60");
    const pods = t.run("kubectl get pods").stdout;
    expect(row(pods, "never")).toMatchObject({ READY: "0/1", STATUS: "Completed", RESTARTS: "0" });
    expect(row(pods, "onfailure")).toMatchObject({ READY: "0/1", STATUS: "Completed", RESTARTS: "0" });
    expect(Number(row(pods, "always").RESTARTS.split(" ")[0])).toBeGreaterThanOrEqual(2);
    expect(t.run("kubectl get pod never onfailure -o jsonpath='{.items[*].status.phase}'").stdout).toBe("Succeeded Succeeded");
    expect(t.run("kubectl get pod always -o jsonpath='{.status.phase} {.status.containerStatuses[0].lastState.terminated.reason}'").stdout).toBe("Running Completed");
  });

  it("exit 1: Error and Failed under Never; restarts with back-off 10 s, 20 s, 40 s under OnFailure", () => {
    const t = terminal(82);
    t.run(apply(sleeper("never", "Never", "exit 1")) + "\n" + apply(sleeper("onfailure", "OnFailure", "exit 1")));
    t.run("sleep 5");
    expect(row(t.run("kubectl get pods").stdout, "never")).toMatchObject({ READY: "0/1", STATUS: "Error", RESTARTS: "0" });
    expect(t.run("kubectl get pod never -o jsonpath='{.status.phase}'").stdout).toBe("Failed");
    // First crash restarts at once, then 10 s, 20 s, 40 s: four restarts need ~70 s plus start-up time.
    const restarts = () => Number(row(t.run("kubectl get pods").stdout, "onfailure").RESTARTS.split(" ")[0]);
    t.run("sleep 15");
    expect(restarts()).toBe(2);
    t.run("sleep 20");
    expect(restarts()).toBe(3);
    t.run("sleep 40");
    expect(restarts()).toBe(4);
    expect(row(t.run("kubectl get pods").stdout, "onfailure").STATUS).toBe("CrashLoopBackOff");
    expect(t.run("kubectl describe pod onfailure").stdout).toMatch(/Warning {2}BackOff +\S+ \(x\d+ over \S+\) +kubelet +Back-off restarting failed container nginx in pod onfailure_default\([0-9a-f-]{36}\)\n/);
  });

  it("restartPolicy under a container is an unknown field there; Deployments accept only Always", () => {
    const t = terminal(83);
    const r = t.run(
      apply(`apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.15.12
    restartPolicy: Never
`),
    );
    // A container-level restartPolicy exists only for sidecar init containers (value Always).
    expect(r.stderr).toBe('The Pod "nginx" is invalid: spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers\n');
    const dep = t.run(
      apply(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      restartPolicy: Never
      containers:
      - name: nginx
        image: nginx
`),
    );
    expect(dep.stderr).toBe('The Deployment "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"\n');
  });
});

describe("notes: one Pod, several containers", { timeout: 60_000 }, () => {
  it("onepodmultic runs two stress containers (2/2) and exec -c picks the container", () => {
    const t = terminal(84);
    const ctr = (name: string) => `  - name: ${name}
    image: polinux/stress:latest
    imagePullPolicy: IfNotPresent
    resources:
      limits:
        memory: "200Mi"
      requests:
        memory: "100Mi"
    command: ["stress"]
    args: ["--vm","1","--vm-bytes","150M","--vm-hang","1"]
`;
    t.run(apply(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: onepodmultic\n  namespace: default\nspec:\n  containers:\n${ctr("c1")}${ctr("c2")}`));
    expect(row(t.run("sleep 20\nkubectl get pods").stdout, "onepodmultic")).toMatchObject({ READY: "2/2", STATUS: "Running", RESTARTS: "0" });
    t.run("kubectl exec -it -c c1 onepodmultic -- touch /root/123.txt");
    expect(t.run("kubectl exec -it -c c1 onepodmultic -- ls /root").stdout).toBe("123.txt\n");
    expect(t.run("kubectl exec -it -c c2 onepodmultic -- ls /root").stdout).toBe("");
    // Containers share the network namespace: same hostname (the Pod name) and the same IP.
    expect(t.run("kubectl exec onepodmultic -c c2 -- hostname").stdout).toBe("onepodmultic\n");
    // Without -c, kubectl picks the first container and says so.
    expect(t.run("kubectl exec onepodmultic -- hostname").stderr).toBe('Defaulted container "c1" out of: c1, c2\n');
    // The deprecated form without -- is rejected by kubectl v1.32.
    expect(t.run("kubectl exec -it pod1 bash").stderr).toBe(
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    );
  });
});

describe("notes 002: init container prepares nginx's page", { timeout: 60_000 }, () => {
  it("the corrected manifest (-O, indentation) fills an emptyDir that nginx then serves", () => {
    const t = terminal(85);
    t.run(
      apply(`apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  initContainers:
  - name: install
    image: busybox
    command: ["sh", "-c", "echo '<h1>prepared by init</h1>' > /work-dir/index.html"]
    volumeMounts:
    - name: workdir
      mountPath: "/work-dir"
  containers:
  - name: nginx
    image: nginx
    ports:
    - containerPort: 80
    volumeMounts:
    - name: workdir
      mountPath: /usr/share/nginx/html
  volumes:
  - name: workdir
    emptyDir: {}
`),
    );
    expect(row(t.run("kubectl get pods").stdout, "nginx")).toMatchObject({ READY: "0/1", STATUS: "Init:0/1" });
    expect(row(t.run("sleep 20\nkubectl get pods").stdout, "nginx")).toMatchObject({ READY: "1/1", STATUS: "Running" });
    const ip = t.run("kubectl get pod nginx -o jsonpath='{.status.podIP}'").stdout;
    expect(t.run(`curl -s http://${ip}/`).stdout).toBe("<h1>prepared by init</h1>\n");
  });
});

describe("notes: scheduling", { timeout: 60_000 }, () => {
  it("nodeName bypasses the scheduler: no Scheduled event", () => {
    const t = terminal(86);
    t.run(apply(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-nodename\nspec:\n  nodeName: node01\n  containers:\n  - name: nginx\n    image: nginx:latest\n`));
    const d = t.run("sleep 10\nkubectl describe pod pod-nodename").stdout;
    expect(d).toContain("Node:             node01/172.30.2.2\n");
    expect(d).not.toContain("default-scheduler");
    expect(d).toMatch(/Normal {2}Started +\S+ +kubelet +Started container nginx\n/);
  });

  it("nodeSelector goes through the scheduler to the labelled node; with no match the Pod stays Pending", () => {
    const t = terminal(87);
    expect(t.run("kubectl label nodes node02 app=webserver").stdout).toBe("node/node02 labeled\n");
    t.run(apply(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-nodeselect\nspec:\n  nodeSelector:\n    app: webserver\n  containers:\n  - name: nginx\n    image: nginx:latest\n`));
    const d = t.run("sleep 10\nkubectl describe pod pod-nodeselect").stdout;
    expect(d).toMatch(/Normal {2}Scheduled +\S+ +default-scheduler +Successfully assigned default\/pod-nodeselect to node02\n/);
    expect(d).toContain("Node-Selectors:              app=webserver\n");
    expect(t.run("kubectl get node -l app=webserver -o name").stdout).toBe("node/node02\n");
    t.run(apply(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: nomatch\nspec:\n  nodeSelector:\n    disktype: ssd\n  containers:\n  - name: nginx\n    image: nginx:latest\n`));
    expect(row(t.run("sleep 5\nkubectl get pod nomatch").stdout, "nomatch")).toMatchObject({ READY: "0/1", STATUS: "Pending" });
    expect(t.run("kubectl describe pod nomatch").stdout).toContain(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    // Labelling a node later lets the scheduler place it.
    t.run("kubectl label node node01 disktype=ssd\nsleep 15");
    expect(row(t.run("kubectl get pod nomatch -o wide").stdout, "nomatch")).toMatchObject({ STATUS: "Running", NODE: "node01" });
    expect(rows(t.run("kubectl get po -l run=nothing --no-headers").stdout)).toHaveLength(0);
  });

  it("taints repel Pods without a matching toleration; removing the taint lets them schedule", () => {
    const t = terminal(88);
    expect(t.run("kubectl taint nodes node01 key1=value1:NoSchedule").stdout).toBe("node/node01 tainted\n");
    expect(t.run("kubectl taint nodes node02 key1=value1:NoSchedule").stdout).toBe("node/node02 tainted\n");
    t.run("kubectl run plain --image=nginx\nsleep 5");
    expect(t.run("kubectl describe pod plain").stdout).toContain(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) had untolerated taint {key1: value1}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    t.run(
      apply(`apiVersion: v1
kind: Pod
metadata:
  name: tolerant
spec:
  tolerations:
  - key: "key1"
    operator: "Equal"
    value: "value1"
    effect: "NoSchedule"
  containers:
  - name: nginx
    image: nginx
`) + "\nsleep 10",
    );
    expect(row(t.run("kubectl get pod tolerant").stdout, "tolerant").STATUS).toBe("Running");
    expect(t.run("kubectl taint nodes node01 key1=value1:NoSchedule-").stdout).toBe("node/node01 untainted\n");
    t.run("sleep 10");
    expect(row(t.run("kubectl get pod plain -o wide").stdout, "plain")).toMatchObject({ STATUS: "Running", NODE: "node01" });
    // A NoExecute taint evicts what does not tolerate it (pkg/controller/tainteviction); "plain" is on node01.
    expect(t.run("kubectl taint nodes node01 evict=now:NoExecute").stdout).toBe("node/node01 tainted\n");
    expect(t.run("kubectl get events --field-selector reason=TaintManagerEviction -o jsonpath={.items[*].message}").stdout).toBe("Marking for deletion Pod default/plain");
    t.run("sleep 40");
    expect(t.run("kubectl get pod plain").stderr).toBe('Error from server (NotFound): pods "plain" not found\n');
  });

  it("required node affinity picks the labelled node", () => {
    const t = terminal(89);
    t.run("kubectl label node node02 disktype=ssd");
    t.run(
      apply(`apiVersion: v1
kind: Pod
metadata:
  name: with-affinity
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - key: disktype
            operator: In
            values:
            - ssd
  containers:
  - name: nginx
    image: nginx
`) + "\nsleep 10",
    );
    expect(row(t.run("kubectl get pod with-affinity -o wide").stdout, "with-affinity")).toMatchObject({ STATUS: "Running", NODE: "node02" });
  });
});

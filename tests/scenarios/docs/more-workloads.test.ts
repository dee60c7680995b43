// More documented behaviours from the v1.32 Deployment, Job and CronJob pages and the kubectl reference.
import { describe, expect, it } from "vitest";
import { row, rows, terminal } from "../helpers";

describe("docs: failure modes of workloads", { timeout: 60_000 }, () => {
  it("progressDeadlineSeconds: a stuck rollout gets Progressing=False ProgressDeadlineExceeded", () => {
    const t = terminal(111);
    t.run("kubectl create deployment d --image=nginx:1.25 --replicas=2\nsleep 15");
    t.run("kubectl patch deployment d -p '{\"spec\":{\"progressDeadlineSeconds\":30}}'");
    t.run("kubectl set image deployment/d nginx=nginx:1.161\nsleep 60");
    expect(t.run("kubectl describe deployment d").stdout).toMatch(/  Progressing +False +ProgressDeadlineExceeded\n/);
    expect(t.run("kubectl get deploy d -o jsonpath='{.status.conditions[?(@.type==\"Progressing\")].message}'").stdout).toMatch(
      /^ReplicaSet "d-[a-z0-9]+" has timed out progressing\.$/,
    );
    const r = t.run("kubectl rollout status deployment/d");
    expect(r.stderr).toBe('error: deployment "d" exceeded its progress deadline\n');
  });

  it("Recreate strategy scales the old ReplicaSet to zero before creating new Pods", () => {
    const t = terminal(112);
    t.run("kubectl create deployment d --image=nginx:1.25 --replicas=3\nsleep 15");
    t.run("kubectl patch deployment d -p '{\"spec\":{\"strategy\":{\"type\":\"Recreate\",\"rollingUpdate\":null}}}'");
    t.run("kubectl set image deployment/d nginx=nginx:1.27\nsleep 30");
    const d = t.run("kubectl describe deployment d").stdout;
    // Without a RollingUpdateStrategy line the first block aligns on "CreationTimestamp:".
    expect(d).toContain("StrategyType:       Recreate\n");
    const scaled = d.split("\n").filter((l) => l.includes("ScalingReplicaSet")).map((l) => l.replace(/^.*deployment-controller +/, ""));
    expect(scaled[1]).toMatch(/^Scaled down replica set d-[a-z0-9]+ to 0 from 3$/);
    expect(scaled[2]).toMatch(/^Scaled up replica set d-[a-z0-9]+ from 0 to 3$/);
  });

  it("a Pod asking for more CPU than any node has stays Pending with Insufficient cpu", () => {
    const t = terminal(113);
    t.run("kubectl run big --image=nginx --overrides='{}'");
    t.run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: huge
spec:
  containers:
  - name: c
    image: nginx
    resources:
      requests:
        cpu: "8"
EOF`);
    expect(row(t.run("sleep 5\nkubectl get pod huge").stdout, "huge").STATUS).toBe("Pending");
    expect(t.run("kubectl describe pod huge").stdout).toContain(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });

  it("Job activeDeadlineSeconds ends a running Job with DeadlineExceeded", () => {
    const t = terminal(114);
    t.run(`kubectl apply -f - <<EOF
apiVersion: batch/v1
kind: Job
metadata:
  name: slow
spec:
  activeDeadlineSeconds: 20
  template:
    spec:
      containers:
      - name: c
        image: busybox:1.36
        command: ["sleep", "600"]
      restartPolicy: Never
EOF`);
    t.run("sleep 60");
    expect(row(t.run("kubectl get job slow").stdout, "slow")).toMatchObject({ STATUS: "Failed", COMPLETIONS: "0/1" });
    expect(t.run("kubectl get job slow -o jsonpath='{.status.conditions[?(@.type==\"Failed\")].reason}'").stdout).toBe("DeadlineExceeded");
    expect(t.run("kubectl describe job slow").stdout).toMatch(/Warning {2}DeadlineExceeded +\S+ +job-controller +Job was active longer than specified deadline\n/);
    expect(rows(t.run("kubectl get pods -l job-name=slow --no-headers").stdout)).toHaveLength(0);
  });

  it("ttlSecondsAfterFinished deletes a finished Job and its Pods", () => {
    const t = terminal(115);
    t.run(`kubectl apply -f - <<EOF
apiVersion: batch/v1
kind: Job
metadata:
  name: short
spec:
  ttlSecondsAfterFinished: 30
  template:
    spec:
      containers:
      - name: c
        image: busybox:1.36
        command: ["true"]
      restartPolicy: Never
EOF`);
    expect(row(t.run("sleep 10\nkubectl get job short").stdout, "short").STATUS).toBe("Complete");
    t.run("sleep 40");
    expect(t.run("kubectl get job short").stderr).toBe('Error from server (NotFound): jobs.batch "short" not found\n');
    expect(t.run("kubectl get pods -l job-name=short").stderr).toBe("No resources found in default namespace.\n");
  });

  it("a suspended CronJob creates no Jobs; resuming it does", () => {
    const t = terminal(116);
    t.run("kubectl create cronjob c --image=busybox:1.36 --schedule='* * * * *' -- echo hi");
    t.run("kubectl patch cronjob c -p '{\"spec\":{\"suspend\":true}}'\nsleep 130");
    expect(t.run("kubectl get jobs").stderr).toBe("No resources found in default namespace.\n");
    expect(row(t.run("kubectl get cronjob c").stdout, "c")).toMatchObject({ SUSPEND: "True", "LAST SCHEDULE": "<none>" });
    t.run("kubectl patch cronjob c -p '{\"spec\":{\"suspend\":false}}'\nsleep 65");
    expect(rows(t.run("kubectl get jobs --no-headers").stdout).length).toBeGreaterThanOrEqual(1);
  });

  it("kubectl logs --tail and -c on a two-container Pod; logs without -c names the containers", () => {
    const t = terminal(117);
    t.run(`kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: a
    image: busybox:1.36
    command: ["sh", "-c", "for i in 1 2 3 4 5; do echo a$i; done; sleep 3600"]
  - name: b
    image: busybox:1.36
    command: ["sh", "-c", "echo b; sleep 3600"]
EOF`);
    t.run("sleep 10");
    expect(t.run("kubectl logs two -c a --tail=2").stdout).toBe("a4\na5\n");
    expect(t.run("kubectl logs two -c b").stdout).toBe("b\n");
    const r = t.run("kubectl logs two");
    expect(r.stderr).toBe('Defaulted container "a" out of: a, b\n');
    expect(r.stdout).toBe("a1\na2\na3\na4\na5\n");
    expect(t.run("kubectl logs two --all-containers --prefix").stdout).toBe("[pod/two/a] a1\n[pod/two/a] a2\n[pod/two/a] a3\n[pod/two/a] a4\n[pod/two/a] a5\n[pod/two/b] b\n");
    // An unknown -c is a client-side error in kubectl v1.32.
    expect(t.run("kubectl logs two -c nope").stderr).toBe("error: container nope is not valid for pod two\n");
  });
});

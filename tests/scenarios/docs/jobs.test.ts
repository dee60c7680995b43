// "Jobs" and "CronJob" concept pages (kubernetes.io/docs/concepts/workloads/controllers/job/ and
// cron-jobs/, v1.32) replayed through kubesim.
import { describe, expect, it } from "vitest";
import { row, rows, terminal } from "../helpers";

describe("docs: Jobs and CronJobs", { timeout: 60_000 }, () => {
  it("a Job runs its Pod to completion and keeps the Pod and its logs", () => {
    const t = terminal(51);
    t.run(`kubectl apply -f - <<EOF
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl",  "-Mbignum=bpi", "-wle", "print bpi(2000)"]
      restartPolicy: Never
  backoffLimit: 4
EOF`);
    t.run("sleep 20");
    expect(row(t.run("kubectl get job pi").stdout, "pi")).toMatchObject({ STATUS: "Complete", COMPLETIONS: "1/1" });
    const pod = rows(t.run("kubectl get pods --selector=batch.kubernetes.io/job-name=pi --no-headers").stdout);
    expect(pod).toHaveLength(1);
    expect(pod[0].slice(1, 4)).toEqual(["0/1", "Completed", "0"]);
    const digits = t.run("kubectl logs jobs/pi").stdout;
    expect(digits).toMatch(/^3\.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798214808651328230664709384460955058223172535940812848111745028410270193852110555964462294895493038196442881097566593344612847564823378678316527120190914564856692346034861045432664821339360726024914127372458700660631558817488152092096282925409171536436789259036001133053054882046652138414695194151160943305727036575959195309218611738193261179310511854807446237996274956735188575272489122793818301194912/);
    expect(digits).toHaveLength(2002);
    const d = t.run("kubectl describe job pi").stdout;
    expect(d).toContain("Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed\n");
    expect(d).toMatch(/Normal {2}SuccessfulCreate +\S+ +job-controller +Created pod: pi-[a-z0-9]{5}\n/);
    expect(d).toMatch(/Normal {2}Completed +\S+ +job-controller +Job completed\n/);
  });

  it("backoffLimit: 2 allows three failed Pods, created 10 s and 20 s apart, then BackoffLimitExceeded", () => {
    const t = terminal(52);
    t.run(`kubectl apply -f - <<EOF
apiVersion: batch/v1
kind: Job
metadata:
  name: fail
spec:
  backoffLimit: 2
  template:
    spec:
      containers:
      - name: c
        image: busybox:1.36
        command: ["sh", "-c", "exit 1"]
      restartPolicy: Never
EOF`);
    t.run("sleep 120");
    expect(row(t.run("kubectl get job fail").stdout, "fail")).toMatchObject({ STATUS: "Failed", COMPLETIONS: "0/1" });
    const pods = rows(t.run("kubectl get pods -l job-name=fail --no-headers").stdout);
    expect(pods).toHaveLength(3);
    for (const p of pods) expect(p.slice(1, 4)).toEqual(["0/1", "Error", "0"]);
    const d = t.run("kubectl describe job fail").stdout;
    expect(d).toMatch(/Warning {2}BackoffLimitExceeded +\S+ +job-controller +Job has reached the specified backoff limit\n/);
    expect(t.run("kubectl get job fail -o jsonpath='{.status.conditions[?(@.type==\"Failed\")].reason}'").stdout).toBe("BackoffLimitExceeded");
  });

  it("completions 5 with parallelism 2 runs at most two Pods at a time", () => {
    const t = terminal(53);
    t.run(`kubectl apply -f - <<EOF
apiVersion: batch/v1
kind: Job
metadata:
  name: par
spec:
  completions: 5
  parallelism: 2
  template:
    spec:
      containers:
      - name: c
        image: busybox:1.36
        command: ["sh", "-c", "sleep 5"]
      restartPolicy: Never
EOF`);
    expect(t.run("sleep 3\nkubectl get pods -l job-name=par --no-headers | wc -l").stdout.trim()).toBe("2");
    t.run("sleep 60");
    expect(row(t.run("kubectl get job par").stdout, "par")).toMatchObject({ STATUS: "Complete", COMPLETIONS: "5/5" });
    expect(rows(t.run("kubectl get pods -l job-name=par --no-headers").stdout)).toHaveLength(5);
  });

  it("CronJob hello creates a Job every minute that prints its greeting", () => {
    const t = terminal(54);
    t.run(`kubectl apply -f - <<EOF
apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.28
            imagePullPolicy: IfNotPresent
            command:
            - /bin/sh
            - -c
            - date; echo Hello from the Kubernetes cluster
          restartPolicy: OnFailure
EOF`);
    expect(t.run("kubectl get cronjob hello").stdout).toMatch(/^NAME +SCHEDULE +TIMEZONE +SUSPEND +ACTIVE +LAST SCHEDULE +AGE\nhello +\* \* \* \* \* +<none> +False +0 +<none> +0s\n$/);
    t.run("sleep 130");
    const jobs = rows(t.run("kubectl get jobs --no-headers").stdout);
    expect(jobs).toHaveLength(2);
    for (const j of jobs) {
      expect(j[0]).toMatch(/^hello-\d{8}$/);
      expect(j[1]).toBe("Complete");
    }
    // The Job name suffix is the scheduled time in minutes since the epoch.
    const minutes = Number(jobs[0][0].slice(6));
    const scheduled = t.run(`kubectl get job ${jobs[0][0]} -o jsonpath='{.metadata.annotations.batch\\.kubernetes\\.io/cronjob-scheduled-timestamp}'`).stdout;
    expect(Date.parse(scheduled) / 60_000).toBe(minutes);
    expect(t.run(`kubectl logs job/${jobs[1][0]}`).stdout).toMatch(/^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}\nHello from the Kubernetes cluster\n$/);
    expect(row(t.run("kubectl get cronjob hello").stdout, "hello")["LAST SCHEDULE"]).toMatch(/^\d+s$/);
  });
});

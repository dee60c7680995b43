import { describe, expect, it } from "vitest";
import type { KubeObject } from "../core/types";
import type { Obj } from "./controller-utils";
import { eventMessages, get, newCluster, pods, setPodPhase, setPodRunning, type Cluster } from "./testing";

function makeJob(name: string, spec: Obj = {}, restartPolicy = "Never"): KubeObject {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name },
    spec: {
      template: { spec: { containers: [{ name: "pi", image: "perl:5.34.0", command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"] }], restartPolicy } },
      ...spec,
    },
  };
}

const conds = (c: Cluster, name: string) => (get(c, "jobs", name).status.conditions ?? []).map((x: Obj) => `${x.type}=${x.status} ${x.reason}: ${x.message}`);
const live = (c: Cluster) => pods(c).filter((p) => p.status?.phase !== "Failed" && p.status?.phase !== "Succeeded");

describe("Job controller", () => {
  it("runs pi to completion: tracking finalizer, labels, SuccessCriteriaMet then Complete", () => {
    const c = newCluster(41);
    c.apply(makeJob("pi", { backoffLimit: 4 }));
    const [p] = pods(c);
    const job = get(c, "jobs", "pi");
    expect(p.metadata.name).toMatch(/^pi-[a-z0-9]{5}$/);
    expect(p.metadata.finalizers).toEqual(["batch.kubernetes.io/job-tracking"]);
    expect(p.metadata.labels).toMatchObject({ "batch.kubernetes.io/job-name": "pi", "job-name": "pi", "controller-uid": job.metadata.uid });
    expect(job.status).toMatchObject({ active: 1, ready: 0, terminating: 0, startTime: "2025-01-01T00:00:00Z", uncountedTerminatedPods: {} });
    setPodRunning(c, "default", p.metadata.name);
    expect(get(c, "jobs", "pi").status.ready).toBe(1);
    c.advance(5);
    setPodPhase(c, "default", p.metadata.name, "Succeeded");
    const done = get(c, "jobs", "pi").status;
    expect(done).toMatchObject({ succeeded: 1, ready: 0, completionTime: "2025-01-01T00:00:05Z" });
    expect(done.active).toBeUndefined();
    expect(conds(c, "pi")).toEqual([
      "SuccessCriteriaMet=True CompletionsReached: Reached expected number of succeeded pods",
      "Complete=True CompletionsReached: Reached expected number of succeeded pods",
    ]);
    expect(get(c, "pods", p.metadata.name).metadata.finalizers).toBeUndefined();
    expect(eventMessages(c, { kind: "Job" })).toEqual([`SuccessfulCreate: Created pod: ${p.metadata.name}`, "Completed: Job completed"]);
  });

  it("backs off 10 s, 20 s between failed pods and fails at the backoffLimit", () => {
    const c = newCluster(42);
    c.apply(makeJob("pi", { backoffLimit: 2 }));
    setPodPhase(c, "default", pods(c)[0].metadata.name, "Failed");
    expect(get(c, "jobs", "pi").status.failed).toBe(1);
    expect(live(c)).toHaveLength(0);
    c.advance(9);
    expect(live(c)).toHaveLength(0);
    c.advance(1);
    expect(live(c)).toHaveLength(1);
    setPodPhase(c, "default", live(c)[0].metadata.name, "Failed");
    c.advance(19);
    expect(live(c)).toHaveLength(0);
    c.advance(1);
    expect(live(c)).toHaveLength(1);
    setPodPhase(c, "default", live(c)[0].metadata.name, "Failed");
    expect(get(c, "jobs", "pi").status.failed).toBe(3);
    expect(conds(c, "pi")).toEqual([
      "FailureTarget=True BackoffLimitExceeded: Job has reached the specified backoff limit",
      "Failed=True BackoffLimitExceeded: Job has reached the specified backoff limit",
    ]);
    expect(eventMessages(c, { kind: "Job" }).at(-1)).toBe("BackoffLimitExceeded: Job has reached the specified backoff limit");
  });

  it("counts container restarts toward backoffLimit with restartPolicy OnFailure", () => {
    const c = newCluster(43);
    c.apply(makeJob("pi", { backoffLimit: 2 }, "OnFailure"));
    const name = pods(c)[0].metadata.name;
    setPodRunning(c, "default", name, false, { containerStatuses: [{ name: "pi", ready: false, restartCount: 2, state: { waiting: { reason: "CrashLoopBackOff" } } }] });
    expect(conds(c, "pi")).toContain("Failed=True BackoffLimitExceeded: Job has reached the specified backoff limit");
  });

  it("fails with DeadlineExceeded after activeDeadlineSeconds", () => {
    const c = newCluster(44);
    c.apply(makeJob("pi", { activeDeadlineSeconds: 30 }));
    c.advance(29);
    expect(get(c, "jobs", "pi").status.conditions).toBeUndefined();
    c.advance(1);
    expect(conds(c, "pi")).toEqual([
      "FailureTarget=True DeadlineExceeded: Job was active longer than specified deadline",
      "Failed=True DeadlineExceeded: Job was active longer than specified deadline",
    ]);
    expect(pods(c)).toHaveLength(0);
  });

  it("keeps parallelism pods running until completions are reached", () => {
    const c = newCluster(45);
    c.apply(makeJob("work", { completions: 3, parallelism: 2 }));
    expect(live(c)).toHaveLength(2);
    setPodPhase(c, "default", live(c)[0].metadata.name, "Succeeded");
    expect(live(c)).toHaveLength(2);
    setPodPhase(c, "default", live(c)[0].metadata.name, "Succeeded");
    expect(live(c)).toHaveLength(1);
    setPodPhase(c, "default", live(c)[0].metadata.name, "Succeeded");
    expect(get(c, "jobs", "work").status.succeeded).toBe(3);
    expect(conds(c, "work").at(-1)).toMatch(/^Complete=True/);
  });

  it("deletes a finished Job ttlSecondsAfterFinished later", () => {
    const c = newCluster(46);
    c.apply(makeJob("pi", { ttlSecondsAfterFinished: 10 }));
    setPodPhase(c, "default", pods(c)[0].metadata.name, "Succeeded");
    c.advance(9);
    expect(get(c, "jobs", "pi")).toBeDefined();
    c.advance(1);
    expect(get(c, "jobs", "pi")).toBeUndefined();
    expect(pods(c)).toHaveLength(0);
  });
});

describe("Indexed Job", () => {
  it("runs one pod per index with hostname and JOB_COMPLETION_INDEX, tracking completedIndexes", () => {
    const c = newCluster(47);
    c.apply(makeJob("idx", { completions: 3, parallelism: 2, completionMode: "Indexed" }));
    const first = live(c);
    expect(first.map((p) => p.metadata.annotations["batch.kubernetes.io/job-completion-index"]).sort()).toEqual(["0", "1"]);
    const p1 = first.find((p) => p.metadata.annotations["batch.kubernetes.io/job-completion-index"] === "1")!;
    expect(p1.metadata.name).toMatch(/^idx-1-[a-z0-9]{5}$/);
    expect(p1.spec.hostname).toBe("idx-1");
    expect(p1.spec.containers[0].env.find((e: Obj) => e.name === "JOB_COMPLETION_INDEX").valueFrom.fieldRef.fieldPath).toBe(
      "metadata.labels['batch.kubernetes.io/job-completion-index']",
    );
    setPodPhase(c, "default", p1.metadata.name, "Succeeded");
    expect(get(c, "jobs", "idx").status.completedIndexes).toBe("1");
    expect(live(c).map((p) => p.metadata.annotations["batch.kubernetes.io/job-completion-index"]).sort()).toEqual(["0", "2"]);
    for (const p of live(c)) setPodPhase(c, "default", p.metadata.name, "Succeeded");
    expect(get(c, "jobs", "idx").status).toMatchObject({ completedIndexes: "0-2", succeeded: 3 });
    expect(conds(c, "idx").at(-1)).toMatch(/^Complete=True/);
  });
});

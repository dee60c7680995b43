import { describe, expect, it } from "vitest";
import { formatTime, msFromUtc } from "../core/time";
import type { KubeObject } from "../core/types";
import type { Obj } from "./controller-utils";
import { nextTime, parseSchedule } from "./cron-schedule";
import { eventMessages, get, newCluster, pods, setPodPhase } from "./testing";

function next(spec: string, from: string, tz?: string): string {
  const p = parseSchedule(spec, tz);
  if (!p.ok) return `error: ${p.error}`;
  return formatTime(nextTime(p.schedule, msFromUtc(...(from.split(/[-T:]/).map(Number) as [number, number, number, number, number]))));
}

describe("cron schedule", () => {
  it.each([
    ["*/1 * * * *", "2025-01-01T00:00", "2025-01-01T00:01:00Z"],
    ["*/15 * * * *", "2025-01-01T00:14", "2025-01-01T00:15:00Z"],
    ["0 */2 * * *", "2025-01-01T01:30", "2025-01-01T02:00:00Z"],
    ["30 9 * * 1-5", "2025-01-03T10:00", "2025-01-06T09:30:00Z"], // Friday → Monday
    ["0 0 1 JAN *", "2025-01-01T00:00", "2026-01-01T00:00:00Z"],
    ["0 12 * * SUN,sat", "2025-01-01T00:00", "2025-01-04T12:00:00Z"],
    ["0 0 13 * 5", "2025-01-01T00:00", "2025-01-03T00:00:00Z"], // day-of-month OR Friday
    ["@hourly", "2025-01-01T00:59", "2025-01-01T01:00:00Z"],
    ["@weekly", "2025-01-01T00:00", "2025-01-05T00:00:00Z"],
    ["TZ=Asia/Tokyo 0 9 * * *", "2025-01-01T00:00", "2025-01-02T00:00:00Z"],
    ["0 9 * * *", "2025-01-01T00:00", "2025-01-01T01:00:00Z", "Asia/Shanghai"],
    ["61 * * * *", "2025-01-01T00:00", "error: end of range (61) above maximum (59): 61"],
    ["* * * *", "2025-01-01T00:00", "error: expected exactly 5 fields, found 4: * * * *"],
  ])("%s after %s → %s", (spec, from, want, tz?: string) => {
    expect(next(spec, from, tz)).toBe(want);
  });
});

function makeCronJob(name: string, spec: Obj = {}): KubeObject {
  return {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name },
    spec: {
      schedule: "* * * * *",
      jobTemplate: { spec: { template: { spec: { containers: [{ name: "hello", image: "busybox:1.28", command: ["/bin/sh", "-c", "date; echo Hello"] }], restartPolicy: "OnFailure" } } } },
      ...spec,
    },
  };
}

describe("CronJob controller", () => {
  it("creates hello-<minutes> every minute, tracks active and completed jobs, keeps 3 successful", () => {
    const c = newCluster(51);
    c.apply(makeCronJob("hello"));
    expect(c.engine.store.list("jobs", "default")).toHaveLength(0);
    c.advance(60);
    const minute = Math.floor(msFromUtc(2025, 1, 1, 0, 1) / 60_000);
    const job = get(c, "jobs", `hello-${minute}`);
    expect(job.metadata.annotations["batch.kubernetes.io/cronjob-scheduled-timestamp"]).toBe("2025-01-01T00:01:00Z");
    expect(job.metadata.ownerReferences[0]).toMatchObject({ kind: "CronJob", name: "hello", controller: true });
    expect(get(c, "cronjobs", "hello").status).toMatchObject({ lastScheduleTime: "2025-01-01T00:01:00Z", active: [{ kind: "Job", name: `hello-${minute}` }] });
    for (let i = 0; i < 5; i++) {
      for (const p of pods(c)) if (p.status?.phase !== "Succeeded") setPodPhase(c, "default", p.metadata.name, "Succeeded");
      c.advance(60);
    }
    const jobs = c.engine.store.list("jobs", "default").map((j) => j.metadata.name);
    expect(jobs).toHaveLength(4); // 3 kept + the one just created
    const st = get(c, "cronjobs", "hello").status;
    expect(st.lastSuccessfulTime).toBe("2025-01-01T00:05:00Z");
    const msgs = eventMessages(c, { kind: "CronJob" });
    expect(msgs[0]).toBe(`SuccessfulCreate: Created job hello-${minute}`);
    expect(msgs).toContain(`SawCompletedJob: Saw completed job: hello-${minute}, condition: Complete`);
    expect(msgs).toContain(`SuccessfulDelete: Deleted job hello-${minute}`);
  });

  it("Forbid skips a run while one is active; Replace swaps it; suspend stops scheduling", () => {
    const c = newCluster(52);
    c.apply(makeCronJob("forbid", { concurrencyPolicy: "Forbid" }));
    c.advance(120);
    expect(c.engine.store.list("jobs", "default")).toHaveLength(1);
    expect(eventMessages(c, { kind: "CronJob" })).toContain("JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid");
    c.delete("cronjobs", "forbid");
    c.apply(makeCronJob("replace", { concurrencyPolicy: "Replace" }));
    c.advance(120);
    const names = c.engine.store.list("jobs", "default").map((j) => j.metadata.name!).filter((n) => n.startsWith("replace-"));
    expect(names).toEqual([`replace-${Math.floor(c.now() / 60_000)}`]);
    const cj = get(c, "cronjobs", "replace");
    c.update({ ...cj, spec: { ...cj.spec, suspend: true } });
    c.advance(180);
    expect(c.engine.store.list("jobs", "default").map((j) => j.metadata.name!).filter((n) => n.startsWith("replace-"))).toEqual(names);
  });

  it("skips schedule times older than startingDeadlineSeconds", () => {
    const c = newCluster(53);
    c.apply(makeCronJob("late", { startingDeadlineSeconds: 10, suspend: true }));
    c.advance(125);
    const resume = () => {
      const cj = get(c, "cronjobs", "late");
      c.update({ ...cj, spec: { ...cj.spec, suspend: !cj.spec.suspend } });
    };
    resume(); // 00:02:05: 00:02 is within the 10 s window
    expect(c.engine.store.list("jobs", "default").map((j) => j.metadata.name)).toEqual([`late-${Math.floor(msFromUtc(2025, 1, 1, 0, 2) / 60_000)}`]);
    resume();
    c.advance(60); // suspended over 00:03
    c.advance(10);
    resume(); // 00:03:15: 00:03 is past the 10 s window
    expect(c.engine.store.list("jobs", "default")).toHaveLength(1);
    c.advance(45);
    expect(c.engine.store.list("jobs", "default")).toHaveLength(2);
  });
});

import { describe, expect, it } from "vitest";
import { buildTimeline, segmentTone, tickStep } from "@/components/practice/timeline-model";

const t0 = Date.UTC(2026, 0, 1);
const entry = (s: number, pod: string, phase: string, ready: boolean, restarts: number, reason?: string) => ({
  at: t0 + s * 1000,
  namespace: "default",
  pod,
  phase,
  ready,
  restarts,
  ...(reason ? { reason } : {}),
});

describe("buildTimeline", () => {
  it("makes one lane per pod with segments until the next change, and marks restarts", () => {
    const model = buildTimeline(
      [
        entry(0, "web", "Pending", false, 0, "ContainerCreating"),
        entry(2, "web", "Running", false, 0),
        entry(12, "web", "Running", true, 0),
        entry(30, "web", "Running", false, 1, "CrashLoopBackOff"),
        entry(-5, "db", "Running", true, 0),
      ],
      t0,
      60,
    );
    expect(model.start).toBe(-5);
    expect(model.end).toBe(60);
    expect(model.lanes.map((l) => l.pod)).toEqual(["db", "web"]);
    const web = model.lanes[1];
    expect(web.segments.map((s) => [s.from, s.to, s.reason ?? s.phase])).toEqual([
      [0, 2, "ContainerCreating"],
      [2, 12, "Running"],
      [12, 30, "Running"],
      [30, 60, "CrashLoopBackOff"],
    ]);
    expect(web.restartsAt).toEqual([30]);
    expect(segmentTone(web.segments[3])).toBe("failed");
    expect(segmentTone(web.segments[2])).toBe("ready");
  });

  it("ends a lane where the pod was deleted", () => {
    const model = buildTimeline([entry(0, "a", "Running", true, 0), { ...entry(20, "a", "Running", false, 0), deleted: true }], t0, 60);
    expect(model.lanes[0].segments).toHaveLength(1);
    expect(model.lanes[0].segments[0].to).toBe(20);
    expect(model.lanes[0].deletedAt).toBe(20);
  });
});

it("tickStep picks 1/2/5 steps", () => {
  expect(tickStep(60)).toBe(10);
  expect(tickStep(600)).toBe(100);
  expect(tickStep(7)).toBe(2);
});

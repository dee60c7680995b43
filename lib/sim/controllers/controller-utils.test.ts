import { describe, expect, it } from "vitest";
import { computeHash, Expectations, fnv32a, safeEncodeString, scaledValue, slowStartBatch } from "./controller-utils";
import { calculateStatus } from "./replica-set";

describe("controller utilities", () => {
  it("fnv32a and SafeEncodeString follow hash/fnv and k8s.io/apimachinery/pkg/util/rand", () => {
    expect(fnv32a("")).toBe(0x811c9dc5);
    expect(fnv32a("a")).toBe(0xe40c292c);
    // Decimal digits map to 4…9, b, c, d, f: hashes look like 7c5ddbdf54.
    expect(safeEncodeString("0123456789")).toBe("456789bcdf");
    expect(computeHash({ a: 1 })).toMatch(/^[4-9bcdf]+$/);
    expect(computeHash({ a: 1 }, 1)).not.toBe(computeHash({ a: 1 }));
  });

  it.each([
    ["25%", 10, true, 3],
    ["25%", 10, false, 2],
    [2, 10, true, 2],
    ["0%", 5, true, 0],
  ] as const)("scaledValue(%s of %s, roundUp=%s) = %s", (v, total, up, want) => {
    expect(scaledValue(v, total, up)).toBe(want);
  });

  it("slowStartBatch runs batches of 1, 2, 4 … and stops after a failing batch", () => {
    let calls = 0;
    const r = slowStartBatch(10, 1, () => (++calls === 5 ? "quota exceeded" : undefined));
    // Batches 1, 2, then 4 (the failure in the third batch stops the rest).
    expect(calls).toBe(7);
    expect(r).toEqual({ successes: 6, error: "quota exceeded" });
  });

  it("expectations are satisfied once observed or after five minutes", () => {
    const e = new Expectations();
    e.expect("ns/rs", 2, 0, 0);
    expect(e.satisfied("ns/rs", 0)).toBe(false);
    e.observe("ns/rs", "add");
    e.observe("ns/rs", "add");
    expect(e.satisfied("ns/rs", 0)).toBe(true);
    e.expect("ns/rs", 1, 0, 0);
    expect(e.satisfied("ns/rs", 5 * 60 * 1000 + 1)).toBe(true);
  });

  it("ReplicaFailure appears on a manage error and goes once replicas are managed again", () => {
    const rs = { metadata: { name: "web", generation: 2 }, spec: { template: { metadata: { labels: { app: "web" } } } }, status: {} };
    const failed = calculateStatus(rs, [], { message: 'pods "web-x" is forbidden: exceeded quota', reason: "FailedCreate" }, 0);
    expect(failed.conditions).toEqual([
      { lastTransitionTime: "1970-01-01T00:00:00Z", message: 'pods "web-x" is forbidden: exceeded quota', reason: "FailedCreate", status: "True", type: "ReplicaFailure" },
    ]);
    expect(calculateStatus({ ...rs, status: failed }, [], undefined, 0)).toEqual({ replicas: 0, observedGeneration: 2 });
  });
});

import { describe, expect, it } from "vitest";
import { extremeGroups, itemStats, median, rankByTotal, type TItemResponse } from "@/lib/progress/item-stats";

// Ten learners u0…u9 on three questions. q1 tracks ability (u0–u4 get it), q2 only u7–u9 get
// (learners weak on the rest: a miskeyed question looks like this), q3 nobody gets.
function responses(): TItemResponse[] {
  const out: TItemResponse[] = [];
  for (let i = 0; i < 10; i += 1) {
    const userId = `u${i}`;
    const strong = i < 5;
    out.push({ userId, questionId: "q1", fraction: strong ? 1 : 0, chosen: strong ? ["a"] : i % 2 ? ["b"] : ["c"], timeMs: (i + 1) * 1000 });
    out.push({ userId, questionId: "q2", fraction: i >= 7 ? 1 : 0 });
    out.push({ userId, questionId: "q3", fraction: 0, checks: [{ id: "exists", passed: i < 3 }, { id: "running", passed: false }] });
  }
  return out;
}

describe("item statistics", () => {
  it("takes the median of odd and even lists, and null of none", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("ranks by total with a stable tie-break and forms 27 % groups", () => {
    expect(rankByTotal([
      { userId: "b", questionId: "q", fraction: 1 },
      { userId: "a", questionId: "q", fraction: 1 },
      { userId: "c", questionId: "q", fraction: 0.5 },
    ])).toEqual(["a", "b", "c"]);
    const ten = Array.from({ length: 10 }, (_, i) => `u${i}`);
    expect(extremeGroups(ten)).toEqual({ upper: ["u0", "u1", "u2"], lower: ["u7", "u8", "u9"] });
    expect(extremeGroups(["a", "b"])).toEqual({ upper: ["a"], lower: ["b"] });
    expect(extremeGroups(["a"])).toBeNull();
  });

  it("computes difficulty, discrimination, wrong choices and median time", () => {
    const q1 = itemStats("q1", responses(), { correctChoices: ["a"] });
    expect(q1.responses).toBe(10);
    expect(q1.difficulty).toBe(0.5);
    // Totals: u0–u4 and u7–u9 have 1, u5 and u6 have 0 → upper u0,u1,u2 (ties by id); lower u9,u5,u6.
    expect(q1.discrimination).toBe(1);
    expect(q1.wrongChoices).toEqual([
      { choice: "b", count: 3 },
      { choice: "c", count: 2 },
    ]);
    expect(q1.medianTimeMs).toBe(5500);
    expect(q1.flags).toEqual([]);
  });

  it("flags a question only the weakest get right, one nobody gets, and a check that always fails", () => {
    const q2 = itemStats("q2", responses());
    expect(q2.difficulty).toBe(0.3);
    // Upper group 0 of 3, lower group (u9, u5, u6) 1 of 3 → −0.333.
    expect(q2.discrimination).toBe(-0.333);
    expect(q2.flags).toContainEqual({ kind: "negative-discrimination", discrimination: q2.discrimination });
    const q3 = itemStats("q3", responses());
    expect(q3.difficulty).toBe(0);
    expect(q3.flags).toContainEqual({ kind: "too-hard", difficulty: 0 });
    expect(q3.checkFailures).toEqual([
      { checkId: "running", failed: 10, total: 10, rate: 1 },
      { checkId: "exists", failed: 7, total: 10, rate: 0.7 },
    ]);
    expect(q3.flags).toContainEqual({ kind: "check-always-fails", checkId: "running" });
    expect(q3.flags).not.toContainEqual({ kind: "check-always-fails", checkId: "exists" });
  });

  it("reports nothing for a question without responses", () => {
    expect(itemStats("none", responses())).toMatchObject({ responses: 0, difficulty: null, medianTimeMs: null, flags: [] });
  });
});

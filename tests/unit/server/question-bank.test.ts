// The pure parts of the practice list: mastery arithmetic, percents, and note excerpts.
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("@/lib/db", () => ({ db: {} }));

const { masteryByObjective, noteExcerpt, toPercent } = await import("@/lib/server/question-bank");

const DAY = 86_400_000;
const now = new Date("2026-11-23T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

describe("masteryByObjective", () => {
  it("weighs each question's best recent percent by how recently it was answered", () => {
    const objectivesOf = new Map([
      ["a", ["o.x.one"]],
      ["b", ["o.x.one", "o.x.two"]],
    ]);
    // A: 100% today (weight 1); B: best 50% of its attempts, last answered 30 days ago (weight 0.5).
    const mastery = masteryByObjective(
      [
        { questionId: "a", percent: 100, submittedAt: daysAgo(0) },
        { questionId: "b", percent: 20, submittedAt: daysAgo(30) },
        { questionId: "b", percent: 50, submittedAt: daysAgo(31) },
      ],
      objectivesOf,
      now,
    );
    expect(mastery.get("o.x.one")).toBeCloseTo((100 * 1 + 50 * 0.5) / 1.5, 6);
    expect(mastery.get("o.x.two")).toBeCloseTo(50, 6);
    expect(mastery.has("o.x.three")).toBe(false);
  });

  it("only counts the three most recent attempts of a question", () => {
    const mastery = masteryByObjective(
      [
        { questionId: "a", percent: 0, submittedAt: daysAgo(1) },
        { questionId: "a", percent: 10, submittedAt: daysAgo(2) },
        { questionId: "a", percent: 20, submittedAt: daysAgo(3) },
        { questionId: "a", percent: 100, submittedAt: daysAgo(4) },
      ],
      new Map([["a", ["o.x.one"]]]),
      now,
    );
    expect(mastery.get("o.x.one")).toBe(20);
  });
});

describe("toPercent", () => {
  it("rounds to one decimal and handles missing scores", () => {
    expect(toPercent(2, 3)).toBe(66.7);
    expect(toPercent(1, 1)).toBe(100);
    expect(toPercent(0, 0)).toBe(0);
    expect(toPercent(null, 1)).toBeNull();
  });
});

describe("noteExcerpt", () => {
  it("returns the section under a heading, up to the next heading of the same level", () => {
    const excerpt = noteExcerpt("003_6d1f2f67c12c14ba.txt#4.7.5 Pod中容器重启策略");
    expect(excerpt.file).toBe("003_6d1f2f67c12c14ba.txt");
    expect(excerpt.excerpt?.split("\n")[0]).toBe("### 4.7.5 Pod中容器重启策略");
    expect(excerpt.excerpt).toContain("默认为`Always`");
    expect(excerpt.excerpt).not.toContain("4.8 Pod状态");
  });

  it("returns a line range, and null for unknown files or headings", () => {
    const range = noteExcerpt("003_6d1f2f67c12c14ba.txt#L532-533");
    expect(range.excerpt?.split("\n")[0]).toBe("### 4.7.5 Pod中容器重启策略");
    expect(noteExcerpt("003_6d1f2f67c12c14ba.txt#No such heading").excerpt).toBeNull();
    expect(noteExcerpt("../../etc/passwd#x").excerpt).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { ZDrawRule, ZLatePolicy, ZRole, ZSeed, normalizeEmail, parseJsonColumn } from "@/lib/db/values";

describe("stored values", () => {
  it("accepts exactly the three roles", () => {
    expect(ZRole.options).toEqual(["STUDENT", "INSTRUCTOR", "ADMIN"]);
    expect(ZRole.safeParse("student").success).toBe(false);
  });

  it("keeps seeds inside a signed 32-bit column", () => {
    expect(ZSeed.safeParse(2_147_483_647).success).toBe(true);
    expect(ZSeed.safeParse(2_147_483_648).success).toBe(false);
    expect(ZSeed.safeParse(-1).success).toBe(false);
  });

  it("normalises emails for the unique index", () => {
    expect(normalizeEmail("  Ada.Lovelace@Example.COM ")).toBe("ada.lovelace@example.com");
  });

  it("parses late policies by kind", () => {
    expect(ZLatePolicy.parse({ kind: "penalty", percentPerDay: 10, maxDays: 3 })).toEqual({
      kind: "penalty",
      percentPerDay: 10,
      maxDays: 3,
    });
    expect(ZLatePolicy.safeParse({ kind: "penalty", percentPerDay: 10 }).success).toBe(false);
    expect(ZLatePolicy.safeParse({ kind: "none", extra: 1 }).success).toBe(false);
  });

  it("fills draw-rule defaults", () => {
    expect(ZDrawRule.parse({})).toEqual({ questionIds: [], quotas: [] });
  });

  it("names the column and path when stored JSON does not match", () => {
    expect(() => parseJsonColumn(ZLatePolicy, { kind: "penalty", percentPerDay: "ten", maxDays: 1 }, "Assignment.latePolicy")).toThrow(
      /^Assignment\.latePolicy holds unexpected JSON at percentPerDay: /,
    );
  });
});

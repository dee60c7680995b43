import { describe, expect, it } from "vitest";
import { compareOrdered, parseQuantity, semanticEqual } from "@/lib/grading/compare";

describe("parseQuantity", () => {
  it.each([
    ["500m", "0.5"],
    ["128Mi", "134217728"],
    ["1Gi", "1024Mi"],
    ["1k", "1000"],
    ["2e3", "2000"],
    ["1.5", "1500m"],
    [".5", "500m"],
    ["100u", "0.0001"],
  ])("%s = %s", (a, b) => {
    expect(compareOrdered(a, b)).toBe(0);
  });

  it("rejects what is not a quantity", () => {
    for (const s of ["", "abc", "10s", "1.2.3", "Mi", "5 Mi", "1e"]) expect(parseQuantity(s)).toBeUndefined();
  });

  it("orders by value", () => {
    expect(compareOrdered("250m", "0.5")).toBe(-1);
    expect(compareOrdered("1Gi", "1G")).toBe(1);
    expect(compareOrdered(3, "2")).toBe(1);
    expect(compareOrdered("web", 1)).toBeUndefined();
  });
});

describe("semanticEqual", () => {
  it("compares quantities, numbers and numeric strings by value", () => {
    expect(semanticEqual("500m", "0.5")).toBe(true);
    expect(semanticEqual("0.5", "500m")).toBe(true);
    expect(semanticEqual(0.5, "500m")).toBe(true);
    expect(semanticEqual("128Mi", "134217728")).toBe(true);
    expect(semanticEqual("134217728", 134217728)).toBe(true);
    expect(semanticEqual(80, "80")).toBe(true);
    expect(semanticEqual("128Mi", "128M")).toBe(false);
    expect(semanticEqual(3, 4)).toBe(false);
  });

  it("keeps strings exact (case matters)", () => {
    expect(semanticEqual("Never", "Never")).toBe(true);
    expect(semanticEqual("Never", "never")).toBe(false);
    expect(semanticEqual("busybox:1.36", "busybox")).toBe(false);
  });

  it("compares booleans with their string forms", () => {
    expect(semanticEqual(true, "true")).toBe(true);
    expect(semanticEqual("False", false)).toBe(false);
    expect(semanticEqual(false, "false")).toBe(true);
  });

  it("treats null and missing alike", () => {
    expect(semanticEqual(undefined, null)).toBe(true);
    expect(semanticEqual("", null)).toBe(false);
  });

  it("matches objects by the fields the expectation names", () => {
    expect(semanticEqual({ containerPort: 80, protocol: "TCP" }, { containerPort: 80 })).toBe(true);
    expect(semanticEqual({ containerPort: 80, protocol: "TCP" }, { containerPort: "80", protocol: "UDP" })).toBe(false);
    expect(semanticEqual({ limits: { cpu: "500m" } }, { limits: { cpu: 0.5 } })).toBe(true);
    expect(semanticEqual("x", { a: 1 })).toBe(false);
  });

  it("compares lists of objects as multisets", () => {
    const env = [
      { name: "A", value: "1" },
      { name: "B", value: "2" },
    ];
    expect(semanticEqual(env, [env[1], env[0]])).toBe(true);
    expect(semanticEqual(env, [env[0]])).toBe(false);
    expect(semanticEqual(env, [env[0], env[0]])).toBe(false);
  });

  it("compares lists of scalars in order unless unordered", () => {
    expect(semanticEqual(["sleep", "10"], ["sleep", 10])).toBe(true);
    expect(semanticEqual(["a", "b"], ["b", "a"])).toBe(false);
    expect(semanticEqual(["a", "b"], ["b", "a"], { unordered: true })).toBe(true);
    expect(semanticEqual(["a", "b"], ["a", "a"], { unordered: true })).toBe(false);
    expect(semanticEqual("a", ["a"])).toBe(false);
  });
});

describe("quantity properties", () => {
  it("milli, binary and exponent forms equal their plain values", async () => {
    const fc = await import("fast-check");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        expect(semanticEqual(`${n}m`, n / 1000)).toBe(true);
        expect(semanticEqual(`${n}Ki`, String(n * 1024))).toBe(true);
        expect(semanticEqual(`${n}e3`, `${n}k`)).toBe(true);
        expect(semanticEqual(`${n}m`, `${n + 1}m`)).toBe(false);
        expect(compareOrdered(`${n}Mi`, `${n}M`)).toBe(n === 0 ? 0 : 1);
      }),
      { numRuns: 200 },
    );
  });

  it("multiset comparison does not depend on order", async () => {
    const fc = await import("fast-check");
    const entry = fc.record({ name: fc.constantFrom("A", "B", "C"), value: fc.constantFrom("1", "2") });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 6 }).chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))),
        ([list, shuffled]) => {
          expect(semanticEqual(list, shuffled)).toBe(true);
          expect(semanticEqual(list, [...shuffled, { name: "D", value: "1" }])).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});

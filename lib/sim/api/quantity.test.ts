import { describe, expect, it } from "vitest";
import {
  ERR_FORMAT_WRONG,
  ERR_SUFFIX,
  compareQuantity,
  formatQuantity,
  parseQuantity,
  quantityMilliValue,
  quantityValue,
} from "./quantity";

function canon(input: string | number): string {
  const parsed = parseQuantity(input);
  if (!parsed.ok) throw new Error(parsed.error);
  return formatQuantity(parsed.quantity);
}

describe("parseQuantity + formatQuantity (resource.Quantity canonical form)", () => {
  // Expected strings are what quantity_test.go TestQuantityCanonicalization / the API server store.
  it.each([
    ["500m", "500m"],
    ["0.5", "500m"],
    [0.5, "500m"],
    ["1", "1"],
    ["1000", "1k"],
    [1000, "1k"],
    ["1000m", "1"],
    ["1500m", "1500m"],
    ["128Mi", "128Mi"],
    ["1Gi", "1Gi"],
    ["1024Mi", "1Gi"],
    ["1536Mi", "1536Mi"],
    ["1.5Gi", "1536Mi"],
    ["0.5Gi", "512Mi"],
    ["1Ki", "1Ki"],
    ["1023Ki", "1023Ki"],
    ["0.5Ki", "512"],
    ["1.5Ki", "1536"],
    ["134217728", "134217728"],
    ["1e3", "1e3"],
    ["1E3", "1e3"],
    ["1000e0", "1e3"],
    ["1e-3", "1e-3"],
    ["1.5G", "1500M"],
    ["1000M", "1G"],
    ["100M", "100M"],
    ["0.1m", "100u"],
    ["0.0000000001", "1n"],
    ["1n", "1n"],
    ["0", "0"],
    ["0Mi", "0"],
    ["-1", "-1"],
    ["-500m", "-500m"],
    ["+2", "2"],
    ["1E", "1E"],
    ["2Ei", "2Ei"],
    ["2048Ei", "9223372036854775807"], // capped at math.MaxInt64 like upstream
    ["12.", "12"],
    [".5", "500m"],
    ["250M", "250M"],
    ["64Mi", "64Mi"],
    ["0.25", "250m"],
    ["100m", "100m"],
    [2, "2"],
  ])("%s → %s", (input, expected) => {
    expect(canon(input)).toBe(expected);
  });

  it.each([
    ["", ERR_FORMAT_WRONG],
    ["abc", ERR_FORMAT_WRONG],
    ["1Mb", ERR_FORMAT_WRONG],
    ["1 Gi", ERR_FORMAT_WRONG],
    ["1MM", ERR_SUFFIX],
    ["1iK", ERR_SUFFIX],
    ["1e", ERR_SUFFIX],
    [".", ERR_FORMAT_WRONG],
  ])("%j is refused with %s", (input, error) => {
    expect(parseQuantity(input)).toEqual({ ok: false, error });
  });

  it("uses Kubernetes' regular expression text verbatim", () => {
    expect(ERR_FORMAT_WRONG).toBe(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
  });

  it("compares exactly, without float drift", () => {
    const q = (s: string) => {
      const r = parseQuantity(s);
      if (!r.ok) throw new Error(r.error);
      return r.quantity;
    };
    expect(compareQuantity(q("0.1"), q("100m"))).toBe(0);
    expect(compareQuantity(q("1Gi"), q("1G"))).toBe(1);
    expect(compareQuantity(q("999Mi"), q("1Gi"))).toBe(-1);
    expect(compareQuantity(q("1e3"), q("1k"))).toBe(0);
    expect(quantityMilliValue(q("0.1"))).toBe(100);
    expect(quantityMilliValue(q("1n"))).toBe(1);
    expect(quantityValue(q("128Mi"))).toBe(134217728);
    expect(quantityValue(q("500m"))).toBe(1);
  });
});

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
  // Recorded with kubectl v1.32.4, which parses and prints quantities with the same apimachinery code:
  // `kubectl set resources --local -f pod.yaml --limits=memory=Q -o json`.
  it.each([
    ["0.5", "500m"],
    ["500m", "500m"],
    ["1", "1"],
    ["1000", "1k"],
    ["1000m", "1"],
    ["1500m", "1500m"],
    ["128Mi", "128Mi"],
    ["1Gi", "1Gi"],
    ["1024Mi", "1Gi"],
    ["1536Mi", "1536Mi"],
    ["1.5Gi", "1536Mi"],
    ["0.5Gi", "512Mi"],
    ["1Ki", "1Ki"],
    ["0.5Ki", "512"],
    ["1.5Ki", "1536"],
    ["134217728", "134217728"],
    ["1e3", "1e3"],
    ["1E3", "1E3"],
    ["1000e0", "1e3"],
    ["1e-3", "1e-3"],
    ["1.5G", "1500M"],
    ["1000M", "1G"],
    ["100M", "100M"],
    ["0.1m", "100u"],
    ["0.0000000001", "1n"],
    ["0", "0"],
    ["0Mi", "0"],
    ["2Ei", "2Ei"],
    ["12.", "12."],
    [".5", "500m"],
    ["250M", "250M"],
    ["0.25", "250m"],
    ["2048Ei", "9223372036854775807"],
    ["1.0001", "1000100u"],
    ["123456789012", "123456789012"],
    ["1k", "1k"],
    ["1024", "1024"],
    ["0.001", "1m"],
    ["1200m", "1200m"],
    ["3.14159", "3141590u"],
    ["1e9", "1e9"],
    ["1e10", "10e9"],
    ["5e-10", "1e-9"],
    [".", "0"],
    ["1.G", "1.G"],
    ["-0", "0"],
    ["+1", "+1"],
    ["1.500", "1.500"],
    ["01", "01"],
    ["1.5e3", "1500"],
    ["00.5", "500m"],
    ["-1.5", "-1500m"],
    ["1.5Mi", "1536Ki"],
    ["3Gi", "3Gi"],
    ["7Ki", "7Ki"],
    ["8Ki", "8Ki"],
    ["1.0", "1"],
    ["100.0", "100"],
    ["0.100", "100m"],
    ["1e0", "1e0"],
    ["1e+3", "1e+3"],
    ["1E+3", "1E+3"],
    ["1e-9", "1e-9"],
    ["1e-10", "1e-9"],
    ["999999999999999999999", "999999999999999999999"],
    ["1.5E", "1500P"],
    ["12e3", "12e3"],
    ["12000e-3", "12"],
    ["5m", "5m"],
    ["0.5m", "500u"],
    ["1Pi", "1Pi"],
    ["1024Ki", "1Mi"],
    ["65536Ki", "64Mi"],
    ["2048", "2048"],
    ["10Ti", "10Ti"],
    [0.5, "500m"],
    [1000, "1k"],
    [2, "2"],
    [1e21, "1e+21"],
  ])("%s → %s", (input, expected) => {
    expect(canon(input)).toBe(expected);
  });

  it.each([
    ["", ERR_FORMAT_WRONG],
    ["abc", ERR_FORMAT_WRONG],
    ["1Mb", ERR_FORMAT_WRONG],
    ["1MM", ERR_SUFFIX],
    ["1e", ERR_SUFFIX],
    ["1 Gi", ERR_FORMAT_WRONG],
    ["1iK", ERR_SUFFIX],
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

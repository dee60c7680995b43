import { describe, expect, it } from "vitest";
import { Backoff } from "./backoff";
import { formatRFC3339Nano, goDuration } from "./format";
import { formatTime, msFromUtc } from "../core/time";

describe("Go formatting", () => {
  it.each([
    [0, "0s"],
    [300, "300ms"],
    [2345, "2.345s"],
    [10_000, "10s"],
    [80_000, "1m20s"],
    [160_000, "2m40s"],
    [300_000, "5m0s"],
    [3_723_500, "1h2m3.5s"],
  ])("time.Duration(%d ms) = %s", (ms, text) => expect(goDuration(ms)).toBe(text));

  it("RFC3339Nano trims trailing zeros", () => {
    expect(formatRFC3339Nano(msFromUtc(2025, 1, 1, 0, 0, 5) + 250, formatTime)).toBe("2025-01-01T00:00:05.25Z");
    expect(formatRFC3339Nano(msFromUtc(2025, 1, 1, 0, 0, 5), formatTime)).toBe("2025-01-01T00:00:05Z");
  });
});

describe("flowcontrol.Backoff", () => {
  it("doubles from 10 s to 300 s and starts over after 10 minutes without updates", () => {
    let now = 0;
    const b = new Backoff(10_000, 300_000, () => now);
    const seen: number[] = [];
    for (let i = 0; i < 7; i++) {
      b.next("c", now);
      seen.push(b.get("c"));
      now += 1000;
    }
    expect(seen).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    now += 600_001;
    b.next("c", now);
    expect(b.get("c")).toBe(10_000);
    expect(b.isInBackOffSince("c", now)).toBe(true);
    now += 10_000;
    expect(b.isInBackOffSince("c", now - 10_000)).toBe(false);
  });
});

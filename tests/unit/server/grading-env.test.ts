// GRADING_POOL_SIZE and GRADING_JOB_TIMEOUT_MS: defaults from the core count, and one line per bad value.
import { describe, expect, it } from "vitest";
import { EnvError, parseGradingEnv } from "@/lib/env";

describe("parseGradingEnv", () => {
  it("defaults to cores - 1 workers (at least one) and a 10 s budget", () => {
    expect(parseGradingEnv({}, 8)).toEqual({ GRADING_POOL_SIZE: 7, GRADING_JOB_TIMEOUT_MS: 10_000 });
    expect(parseGradingEnv({}, 1)).toEqual({ GRADING_POOL_SIZE: 1, GRADING_JOB_TIMEOUT_MS: 10_000 });
    expect(parseGradingEnv({ GRADING_POOL_SIZE: "", GRADING_JOB_TIMEOUT_MS: "" }, 2).GRADING_POOL_SIZE).toBe(1);
  });

  it("reads explicit values", () => {
    expect(parseGradingEnv({ GRADING_POOL_SIZE: "3", GRADING_JOB_TIMEOUT_MS: "2500" }, 8)).toEqual({ GRADING_POOL_SIZE: 3, GRADING_JOB_TIMEOUT_MS: 2500 });
  });

  it("names every bad variable", () => {
    let error: unknown;
    try {
      parseGradingEnv({ GRADING_POOL_SIZE: "0", GRADING_JOB_TIMEOUT_MS: "fast" }, 4);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const lines = (error as EnvError).message.split("\n");
    expect(lines[0]).toBe("Invalid environment configuration:");
    expect(lines.slice(1).map((l) => l.trim().split(":")[0])).toEqual(["- GRADING_POOL_SIZE", "- GRADING_JOB_TIMEOUT_MS"]);
  });
});

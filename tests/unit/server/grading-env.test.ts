// GRADING_POOL_SIZE and GRADING_JOB_TIMEOUT_MS: defaults from the core count, and one line per bad value.
import { describe, expect, it, vi } from "vitest";
import { EnvError, parseGradingEnv } from "@/lib/env";

vi.mock("server-only", () => ({}));

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

describe("gradingBudgetMs", () => {
  // Importing the grading entry point loads the whole simulator: slow on a busy machine.
  it("gives replayed terminal logs more time, always within the pool's budget", { timeout: 60_000 }, async () => {
    const { gradingBudgetMs } = await import("@/lib/server/grading");
    expect(gradingBudgetMs({ type: "single-choice", choice: "a" }, 10_000)).toBe(2_000);
    expect(gradingBudgetMs({ type: "sim", manifest: "kind: Pod" }, 10_000)).toBe(2_000);
    expect(gradingBudgetMs({ type: "sim", commands: "kubectl get pods\n\nsleep 5\n".repeat(100) }, 10_000)).toBe(7_000);
    expect(gradingBudgetMs({ type: "sim", commands: "kubectl get pods\n".repeat(1_000) }, 10_000)).toBe(9_000);
  });
});

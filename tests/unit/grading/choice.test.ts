import { describe, expect, it } from "vitest";
import { gradeAnswer } from "@/lib/grading";
import type { TAnswer } from "@/lib/questions/schema";
import { question, text } from "./fixtures";

const single = question({
  type: "single-choice",
  choices: [
    { id: "always", text: text("Always") },
    { id: "never", text: text("Never"), feedback: text("Never is not the default.") },
    { id: "onfailure", text: text("OnFailure") },
  ],
  answer: "always",
});

const multiple = question({
  type: "multiple-choice",
  choices: ["a", "b", "c", "d"].map((id) => ({ id, text: text(id) })),
  answer: ["a", "c"],
});

const grade = (q: typeof single, a: unknown) => gradeAnswer(q, a as TAnswer, { seed: 1 });

describe("single-choice", () => {
  it("gives full marks for the key and none for a distractor, with its feedback", () => {
    expect(grade(single, { type: "single-choice", choice: "always" })).toMatchObject({ status: "graded", score: 1, maxScore: 1, percent: 1 });
    const r = grade(single, { type: "single-choice", choice: "never" });
    expect(r).toMatchObject({ status: "graded", score: 0, percent: 0 });
    if (r.status === "graded") expect(r.checks[0]).toMatchObject({ passed: false, expected: "always", observed: "never", feedback: text("Never is not the default.") });
  });

  it("reports empty, unknown and wrong-type answers as invalid", () => {
    expect(grade(single, { type: "single-choice", choice: " " }).status).toBe("invalid");
    expect(grade(single, { type: "single-choice", choice: "sometimes" }).status).toBe("invalid");
    const wrongType = grade(single, { type: "true-false", value: true });
    expect(wrongType.status).toBe("invalid");
    if (wrongType.status === "invalid") expect(wrongType.reason.en).toContain("single-choice");
  });

  it("reports a malformed answer as invalid instead of throwing", () => {
    for (const bad of [{ type: "single-choice" }, { type: "single-choice", choice: 3 }, { type: "nope" }, null, "always"]) {
      expect(grade(single, bad).status).toBe("invalid");
    }
  });
});

describe("multiple-choice", () => {
  it("partial: each choice decided correctly earns 1/n", () => {
    expect(grade(multiple, { type: "multiple-choice", choices: ["a", "c"] })).toMatchObject({ score: 4, maxScore: 4, percent: 1 });
    expect(grade(multiple, { type: "multiple-choice", choices: ["c", "a"] })).toMatchObject({ percent: 1 });
    // a ✓, b ✗ (selected, wrong), c ✗ (missed), d ✓
    expect(grade(multiple, { type: "multiple-choice", choices: ["a", "b"] })).toMatchObject({ score: 2, percent: 0.5 });
    expect(grade(multiple, { type: "multiple-choice", choices: ["b", "d"] })).toMatchObject({ score: 0, percent: 0 });
  });

  it("all-or-nothing: only the exact set scores", () => {
    const q = { ...multiple, scoring: "all-or-nothing" as const };
    expect(grade(q, { type: "multiple-choice", choices: ["a", "c"] })).toMatchObject({ percent: 1 });
    expect(grade(q, { type: "multiple-choice", choices: ["a"] })).toMatchObject({ percent: 0 });
    expect(grade(q, { type: "multiple-choice", choices: ["a", "b", "c"] })).toMatchObject({ percent: 0 });
  });

  it("reports an empty selection or an unknown choice as invalid", () => {
    expect(grade(multiple, { type: "multiple-choice", choices: [] }).status).toBe("invalid");
    expect(grade(multiple, { type: "multiple-choice", choices: ["a", "z"] }).status).toBe("invalid");
  });
});

describe("true-false", () => {
  const q = question({ type: "true-false", answer: false, feedback: text("It is false.") });
  it("grades the value", () => {
    expect(grade(q, { type: "true-false", value: false })).toMatchObject({ percent: 1 });
    const r = grade(q, { type: "true-false", value: true });
    expect(r).toMatchObject({ percent: 0 });
    if (r.status === "graded") expect(r.checks[0].feedback).toEqual(text("It is false."));
  });
  it("rejects a string where a boolean is expected", () => {
    expect(grade(q, { type: "true-false", value: "false" }).status).toBe("invalid");
  });
});

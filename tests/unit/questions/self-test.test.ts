// The bank's self-test (scripts/questions/self-test.ts) must catch broken questions, not only pass good ones.
import { describe, expect, it } from "vitest";
import type { TQuestion, TSimQuestion } from "@/lib/questions/schema";
import { selfTest } from "@/scripts/questions/self-test";
import { bankQuestion, question, text } from "../grading/fixtures";

const opts = { seeds: [1, 2], budgetMs: 20_000 };
const sleeper = bankQuestion("restart-policy/sleep-exit-never.yaml") as TSimQuestion;

describe("selfTest", () => {
  it("passes the example questions", () => {
    for (const f of ["restart-policy/sleep-exit-never.yaml", "restart-policy/default-value.yaml", "restart-policy/backoff-delays-fill-in.yaml"]) {
      expect(selfTest(bankQuestion(f), f, opts).failures).toEqual([]);
    }
  });

  it("reports a solution that does not score 100%, with the failing check's expected and observed values", () => {
    const { manifest } = sleeper.tests.wrong[0];
    const broken: TQuestion = { ...sleeper, solution: { manifest } };
    const r = selfTest(broken, "x.yaml", opts);
    expect(r.failures.some((f) => /^x\.yaml \[seed 1\] solution: scores 20%, must be 100%\n\s+- policy \(failed at 60s\): expected spec\.restartPolicy one of Never, OnFailure; observed spec\.restartPolicy = Always/.test(f))).toBe(true);
  });

  it("reports a wrong answer that passes a check it names, an invalid answer that is graded, and a starting state that scores", () => {
    const scoring: TSimQuestion = { ...sleeper, task: { ...sleeper.task, setup: { manifests: sleeper.solution.manifest, advance: 0 } } };
    expect(selfTest(scoring, "x.yaml", opts).failures.join("\n")).toContain("x.yaml [seed 1] untouched state: scores 5/5, must be 0");
    const broken: TSimQuestion = {
      ...sleeper,
      tests: { ...sleeper.tests, wrong: [{ ...sleeper.tests.wrong[0], fails: ["exists"] }, sleeper.tests.wrong[1]], invalid: { manifest: sleeper.solution.manifest } },
    };
    const failures = selfTest(broken, "x.yaml", opts).failures.join("\n");
    expect(failures).not.toContain("untouched state");
    expect(failures).toContain("wrong[0] (default restartPolicy Always restarts it): must fail exists but passes exists");
    expect(failures).toMatch(/\] invalid: is 5\/5, must be reported invalid/);
  });

  it("checks choice questions' keys against their distractors", () => {
    const tf = question({ type: "true-false", answer: true });
    expect(selfTest(tf, "tf.yaml", opts).failures).toEqual([]);
    const fill = question({ type: "fill-in", blanks: [{ id: "a", accept: ["Never"] }], tests: { wrong: [{ a: "never" }] } });
    expect(selfTest(fill, "f.yaml", opts).failures).toEqual(["f.yaml tests.wrong[0]: scores 100%, must be below 100%\n      - a (passed): expected Never; observed never [blank a]"]);
    const single = question({ type: "single-choice", choices: [{ id: "a", text: text("a") }, { id: "b", text: text("b") }], answer: "a" });
    expect(selfTest(single, "s.yaml", opts).failures).toEqual([]);
  });
});

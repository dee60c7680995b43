import { describe, expect, it } from "vitest";
import { gradeAnswer } from "@/lib/grading";
import type { TAnswer, TQuestion } from "@/lib/questions/schema";
import { bankQuestion, question, text } from "./fixtures";

const grade = (q: TQuestion, a: unknown) => gradeAnswer(q, a as TAnswer, { seed: 1 });

describe("fill-in", () => {
  const backoff = bankQuestion("restart-policy/backoff-delays-fill-in.yaml");

  it("accepts every normalised form and grades each blank", () => {
    expect(grade(backoff, { type: "fill-in", blanks: { initial: "10", cap: "300" } })).toMatchObject({ percent: 1 });
    expect(grade(backoff, { type: "fill-in", blanks: { initial: " 10s ", cap: "5m" } })).toMatchObject({ percent: 1 });
    expect(grade(backoff, { type: "fill-in", blanks: { initial: "10S", cap: "5min" } })).toMatchObject({ percent: 1 });
    const half = grade(backoff, { type: "fill-in", blanks: { initial: "10", cap: "600" } });
    expect(half).toMatchObject({ score: 1, maxScore: 2 });
    if (half.status === "graded") expect(half.checks.map((c) => [c.id, c.passed])).toEqual([["initial", true], ["cap", false]]);
  });

  it("leaves an unanswered blank failed, and reports an all-empty answer or an unknown blank invalid", () => {
    expect(grade(backoff, { type: "fill-in", blanks: { initial: "10" } })).toMatchObject({ score: 1, maxScore: 2 });
    expect(grade(backoff, { type: "fill-in", blanks: { initial: "", cap: "  " } }).status).toBe("invalid");
    expect(grade(backoff, { type: "fill-in", blanks: {} }).status).toBe("invalid");
    expect(grade(backoff, { type: "fill-in", blanks: { first: "10" } }).status).toBe("invalid");
  });

  it("compares quantities by value and anchors patterns", () => {
    const q = question({
      type: "fill-in",
      blanks: [
        { id: "mem", accept: ["128Mi"], normalize: { quantity: true, caseInsensitive: false } },
        { id: "policy", accept: ["Never"], patterns: ["never|on-?failure"] },
      ],
    });
    expect(grade(q, { type: "fill-in", blanks: { mem: "134217728", policy: "OnFailure" } })).toMatchObject({ percent: 1 });
    expect(grade(q, { type: "fill-in", blanks: { mem: "128M", policy: "never ever" } })).toMatchObject({ score: 0 });
  });
});

describe("ordering", () => {
  const q = question({
    type: "ordering",
    items: ["pull", "init", "start", "probe"].map((id) => ({ id, text: text(id) })),
    answer: ["pull", "init", "start", "probe"],
  });

  it("gives full marks only for the exact order and credits adjacent pairs kept in order", () => {
    expect(grade(q, { type: "ordering", order: ["pull", "init", "start", "probe"] })).toMatchObject({ score: 3, maxScore: 3, percent: 1 });
    const swapped = grade(q, { type: "ordering", order: ["pull", "start", "init", "probe"] });
    expect(swapped).toMatchObject({ score: 2, maxScore: 3 });
    if (swapped.status === "graded") expect(swapped.checks.find((c) => !c.passed)?.id).toBe("init-before-start");
    expect(grade(q, { type: "ordering", order: ["probe", "start", "init", "pull"] })).toMatchObject({ score: 0 });
  });

  it("reports an order that is not a permutation of the items as invalid", () => {
    expect(grade(q, { type: "ordering", order: [] }).status).toBe("invalid");
    expect(grade(q, { type: "ordering", order: ["pull", "init", "start"] }).status).toBe("invalid");
    expect(grade(q, { type: "ordering", order: ["pull", "pull", "start", "probe"] }).status).toBe("invalid");
    expect(grade(q, { type: "ordering", order: ["pull", "init", "start", "probe", "x"] }).status).toBe("invalid");
  });
});

describe("matching", () => {
  const q = question({
    type: "matching",
    left: ["always", "never", "onfailure"].map((id) => ({ id, text: text(id) })),
    right: ["restart", "keep", "on-error", "unused"].map((id) => ({ id, text: text(id) })),
    answer: { always: "restart", never: "keep", onfailure: "on-error" },
  });

  it("grades one check per left item", () => {
    expect(grade(q, { type: "matching", pairs: { always: "restart", never: "keep", onfailure: "on-error" } })).toMatchObject({ percent: 1 });
    expect(grade(q, { type: "matching", pairs: { always: "keep", never: "restart", onfailure: "on-error" } })).toMatchObject({ score: 1, maxScore: 3 });
    expect(grade(q, { type: "matching", pairs: { always: "restart" } })).toMatchObject({ score: 1, maxScore: 3 });
  });

  it("reports empty answers and unknown items as invalid", () => {
    expect(grade(q, { type: "matching", pairs: {} }).status).toBe("invalid");
    expect(grade(q, { type: "matching", pairs: { sometimes: "keep" } }).status).toBe("invalid");
    expect(grade(q, { type: "matching", pairs: { always: "nowhere" } }).status).toBe("invalid");
  });
});

import { describe, expect, it } from "vitest";
import { renderQuestion, toClientQuestion, type TQuestion } from "@/lib/questions";
import { bankQuestion, question, text } from "../grading/fixtures";

const secret = (s: string) => ({ zh: `秘密 ${s}`, en: `SECRET-${s}` });

const questions: TQuestion[] = [
  question({
    type: "single-choice",
    choices: ["a", "b", "c", "d"].map((id) => ({ id, text: text(`choice ${id}`), feedback: secret(`fb-${id}`) })),
    answer: "c",
    explanation: secret("explanation"),
  }),
  question({ type: "multiple-choice", choices: ["a", "b", "c"].map((id) => ({ id, text: text(id) })), answer: ["a", "b"], explanation: secret("x") }),
  question({ type: "true-false", answer: true, feedback: secret("tf") }),
  question({ type: "fill-in", blanks: [{ id: "x", label: text("Label"), accept: ["SECRET-accept"], patterns: ["SECRET-pattern"] }], tests: { correct: [{ x: "SECRET-accept" }] } }),
  question({ type: "ordering", items: ["a", "b", "c", "d"].map((id) => ({ id, text: text(id) })), answer: ["a", "b", "c", "d"] }),
  question({ type: "matching", left: ["l1", "l2"].map((id) => ({ id, text: text(id) })), right: ["r1", "r2", "r3"].map((id) => ({ id, text: text(id) })), answer: { l1: "r2", l2: "r1" } }),
  bankQuestion("restart-policy/sleep-exit-never.yaml"),
];

describe("toClientQuestion", () => {
  it("leaks no key, check, solution, test, feedback, explanation or objective", () => {
    for (const q of questions) {
      const r = renderQuestion(q, 2);
      const dto = toClientQuestion(r, 2);
      // task.answer is the answer mode (manifest | commands | either), not a key.
      if ("task" in dto) expect(Object.keys(dto.task).sort()).toEqual(["answer", "namespace", "starter"]);
      const json = JSON.stringify({ ...dto, task: "task" in dto ? { ...dto.task, answer: undefined } : undefined });
      for (const field of ['"answer":', '"checks"', '"solution"', '"tests"', '"feedback"', '"explanation"', '"objectives"', '"sources"', '"accept"', '"patterns"', '"mistakes"', '"setup"', '"params"', '"values"']) {
        expect(json, `${q.type} leaks ${field}`).not.toContain(field);
      }
      expect(json).not.toContain("SECRET");
      expect(json).not.toContain("restart-policy.");
    }
  });

  it("keeps what the learner needs", () => {
    const sim = renderQuestion(bankQuestion("restart-policy/sleep-exit-never.yaml"), 2);
    const dto = toClientQuestion(sim, 2);
    expect(dto).toMatchObject({ type: "manifest", prompt: sim.prompt, seed: 2, task: { answer: "either", namespace: "default" } });
    if (dto.type === "manifest") expect(dto.task.starter).toContain(`name: ${sim.values.name}`);
    const fill = toClientQuestion(renderQuestion(questions[3], 1), 1);
    expect(fill).toMatchObject({ type: "fill-in", blanks: [{ id: "x", label: text("Label") }] });
  });

  it("shuffles choices by seed, stably", () => {
    const r = renderQuestion(questions[0], 1);
    const order = (seed: number) => {
      const dto = toClientQuestion(r, seed);
      return dto.type === "single-choice" ? dto.choices.map((c) => c.id).join("") : "";
    };
    expect(order(3)).toBe(order(3));
    expect(new Set(Array.from({ length: 12 }, (_, s) => order(s))).size).toBeGreaterThan(3);
    expect([...order(3)].sort().join("")).toBe("abcd");
  });

  it("never shows ordering items in the key's order", () => {
    const r = renderQuestion(questions[4], 1);
    for (let s = 0; s < 50; s++) {
      const dto = toClientQuestion(r, s);
      if (dto.type === "ordering") expect(dto.items.map((i) => i.id).join("")).not.toBe("abcd");
    }
  });
});

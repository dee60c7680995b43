import { describe, expect, it } from "vitest";
import { toExchangeQuestion, type TExchangeQuestion } from "@/lib/exchange/exchange-question";
import { escapeGift, fromGift, toGift, unescapeGift } from "@/lib/exchange/gift";
import { ZQuestion } from "@/lib/questions/schema";

const common = {
  topic: "restart-policy",
  objectives: ["restart-policy.values.default-always"],
  difficulty: "easy",
  explanation: { en: "e", zh: "e" },
  sources: ["003_6d1f2f67c12c14ba.txt#4.7.5 Pod中容器重启策略"],
};

const SAMPLE: TExchangeQuestion[] = [
  {
    kind: "single-choice",
    name: "restart-policy/default-value",
    text: "A Pod manifest omits `spec.restartPolicy`: which value {default} applies?\nPick one.",
    choices: [
      { text: "Always", correct: true },
      { text: "OnFailure", correct: false, feedback: "Common for Jobs = not the default #1" },
      { text: "Never", correct: false },
    ],
  },
  {
    kind: "multiple-choice",
    name: "probes/kinds",
    text: "Which are probe kinds?",
    choices: [
      { text: "liveness", correct: true },
      { text: "readiness", correct: true },
      { text: "happiness", correct: false, feedback: "not a probe" },
      { text: "sadness", correct: false },
    ],
  },
  { kind: "true-false", name: "restart-policy/tf", text: "Jobs may use Always.", answer: false, feedback: "Only OnFailure or Never." },
  { kind: "true-false", name: "restart-policy/tf2", text: "Pods default to Always.", answer: true },
  { kind: "fill-in", name: "restart-policy/fill", text: "restartPolicy: ___", accept: ["Always", "always"] },
  {
    kind: "matching",
    name: "restart-policy/match",
    text: "Match the policy to its restarts.",
    pairs: [
      { left: "Always", right: "every exit" },
      { left: "OnFailure", right: "non-zero exit" },
    ],
  },
];

describe("GIFT", () => {
  it("escapes and unescapes GIFT's special characters", () => {
    expect(escapeGift("a=b ~c #d {e} f:g \\h")).toBe("a\\=b \\~c \\#d \\{e\\} f\\:g \\\\h");
    expect(unescapeGift(escapeGift("a=b ~c #d {e} f:g \\h\nnext"))).toBe("a=b ~c #d {e} f:g \\h\nnext");
  });

  it("writes each question type as Moodle documents it", () => {
    const text = toGift(SAMPLE);
    expect(text).toContain("::restart-policy/default-value::A Pod manifest omits `spec.restartPolicy`\\: which value \\{default\\} applies?\\nPick one. {\n\t=Always\n\t~OnFailure#Common for Jobs \\= not the default \\#1\n\t~Never\n}");
    expect(text).toContain("\t~%50%liveness\n\t~%50%readiness\n\t~%-50%happiness#not a probe\n\t~%-50%sadness");
    expect(text).toContain("::restart-policy/tf::Jobs may use Always. {FALSE#Only OnFailure or Never.#Only OnFailure or Never.}");
    expect(text).toContain("::restart-policy/tf2::Pods default to Always. {TRUE}");
    expect(text).toContain("{\n\t=Always -> every exit\n\t=OnFailure -> non-zero exit\n}");
  });

  it("round-trips every supported type", () => {
    const back = fromGift(toGift(SAMPLE));
    expect(back.errors).toEqual([]);
    expect(back.questions).toEqual(SAMPLE);
  });

  it("reads hand-written GIFT with comments, short forms and untitled questions, and reports broken blocks", () => {
    const parsed = fromGift("// a comment\nWho?{=Ada ~Bob}\n\n::T::Sky is blue{T}\n\n::broken::no answers here\n");
    expect(parsed.questions).toEqual([
      { kind: "single-choice", name: "Who?", text: "Who?", choices: [{ text: "Ada", correct: true }, { text: "Bob", correct: false }] },
      { kind: "true-false", name: "T", text: "Sky is blue", answer: true },
    ]);
    expect(parsed.errors).toEqual([{ index: 2, message: "no answer block { … }" }]);
  });

  it("builds the exchange form from bank questions, skipping what the format cannot carry", () => {
    const single = ZQuestion.parse({
      ...common,
      id: "restart-policy/x",
      type: "single-choice",
      prompt: { en: "Default?", zh: "默认？" },
      choices: [
        { id: "always", text: { en: "Always", zh: "Always" } },
        { id: "never", text: { en: "Never", zh: "Never" }, feedback: { en: "no", zh: "不" } },
      ],
      answer: "always",
    });
    expect(toExchangeQuestion(single, "zh")).toEqual({
      kind: "single-choice",
      name: "restart-policy/x",
      text: "默认？",
      choices: [
        { text: "Always", correct: true },
        { text: "Never", correct: false, feedback: "不" },
      ],
    });
    const ordering = ZQuestion.parse({
      ...common,
      id: "restart-policy/o",
      type: "ordering",
      prompt: { en: "Order", zh: "排序" },
      items: ["a", "b", "c"].map((id) => ({ id, text: { en: id, zh: id } })),
      answer: ["a", "b", "c"],
    });
    expect(toExchangeQuestion(ordering, "en")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { draftToAnswer, initialDraft, moveItem, restoreDraft } from "@/components/practice/draft";
import type { TClientQuestion } from "@/lib/questions/present";

const common = { id: "t/q", topic: "probes", difficulty: "easy", prompt: { zh: "题", en: "Q" }, seed: 1 } as const;
const ordering: TClientQuestion = {
  ...common,
  type: "ordering",
  items: ["c", "a", "b"].map((id) => ({ id, text: { zh: id, en: id } })),
};
const fillIn: TClientQuestion = { ...common, type: "fill-in", blanks: [{ id: "initial" }, { id: "cap" }] };
const manifest: TClientQuestion = { ...common, type: "manifest", task: { answer: "either", namespace: "default", starter: "kind: Pod\n" } };

describe("drafts", () => {
  it("start from the shown order, empty blanks and the starter", () => {
    expect(initialDraft(ordering)).toEqual({ type: "ordering", order: ["c", "a", "b"] });
    expect(initialDraft(fillIn)).toEqual({ type: "fill-in", blanks: { initial: "", cap: "" } });
    expect(initialDraft(manifest)).toEqual({ type: "sim", manifest: "kind: Pod\n", commands: "" });
  });

  it("become answers only once something is answered", () => {
    expect(draftToAnswer({ type: "single-choice", choice: null })).toBeNull();
    expect(draftToAnswer({ type: "true-false", value: false })).toEqual({ type: "true-false", value: false });
    expect(draftToAnswer({ type: "fill-in", blanks: { a: " ", b: "" } })).toBeNull();
    expect(draftToAnswer({ type: "sim", manifest: "  \n", commands: "kubectl run web --image=nginx" })).toEqual({
      type: "sim",
      commands: "kubectl run web --image=nginx",
    });
    expect(draftToAnswer({ type: "sim", manifest: "", commands: "" })).toBeNull();
  });

  it("are restored only when they still fit the question", () => {
    expect(restoreDraft(JSON.stringify({ type: "ordering", order: ["a", "b", "c"] }), ordering)).toEqual({ type: "ordering", order: ["a", "b", "c"] });
    expect(restoreDraft(JSON.stringify({ type: "ordering", order: ["a", "b"] }), ordering)).toBeNull();
    expect(restoreDraft(JSON.stringify({ type: "fill-in", blanks: { initial: "10" } }), fillIn)).toBeNull();
    expect(restoreDraft("{not json", fillIn)).toBeNull();
    expect(restoreDraft(JSON.stringify({ type: "single-choice", choice: "x" }), manifest)).toBeNull();
  });
});

describe("moveItem", () => {
  it("moves up, down and clamps at the ends", () => {
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 2, 9)).toEqual(["a", "b", "c"]);
  });
});

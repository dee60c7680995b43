import { describe, expect, it } from "vitest";
import { diffLines, diffStats } from "@/components/practice/line-diff";

describe("diffLines", () => {
  it("marks kept, removed and added lines in order", () => {
    expect(diffLines("a\nb\nc", "a\nc\nd")).toEqual([
      { kind: "same", text: "a", left: 1, right: 1 },
      { kind: "removed", text: "b", left: 2 },
      { kind: "same", text: "c", left: 3, right: 2 },
      { kind: "added", text: "d", right: 3 },
    ]);
  });

  it("prints removals before additions at a changed line", () => {
    expect(diffLines("x\nold\ny\n", "x\nnew\ny\n").map((l) => `${l.kind}:${l.text}`)).toEqual([
      "same:x",
      "removed:old",
      "added:new",
      "same:y",
    ]);
  });

  it("handles empty sides and a trailing newline", () => {
    expect(diffLines("", "a\n")).toEqual([{ kind: "added", text: "a", right: 1 }]);
    expect(diffLines("a\n", "")).toEqual([{ kind: "removed", text: "a", left: 1 }]);
    expect(diffLines("a\r\nb\r\n", "a\nb")).toEqual([
      { kind: "same", text: "a", left: 1, right: 1 },
      { kind: "same", text: "b", left: 2, right: 2 },
    ]);
  });

  it("keeps the longest common subsequence (a YAML field moved)", () => {
    const learner = "spec:\n  containers:\n  - name: main\n  restartPolicy: Never\n";
    const reference = "spec:\n  restartPolicy: Never\n  containers:\n  - name: main\n";
    const lines = diffLines(learner, reference);
    expect(diffStats(lines)).toEqual({ added: 1, removed: 1, same: 3 });
    // Both sides can be rebuilt from the diff.
    expect(lines.filter((l) => l.kind !== "added").map((l) => l.text).join("\n") + "\n").toBe(learner);
    expect(lines.filter((l) => l.kind !== "removed").map((l) => l.text).join("\n") + "\n").toBe(reference);
  });
});

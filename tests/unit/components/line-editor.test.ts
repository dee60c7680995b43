import { describe, expect, it } from "vitest";
import { editLine, emptyLine, parseInput, renderLine, submitLine, type LineState } from "@/components/terminal/line-editor";

function type(state: LineState, data: string): LineState {
  return parseInput(data).reduce((s, key) => editLine(s, key), state);
}

describe("parseInput", () => {
  it("splits a paste into text and enter keys and understands arrows", () => {
    expect(parseInput("ab\r\nc\x1b[Ad")).toEqual([
      { kind: "text", text: "ab" },
      { kind: "enter" },
      { kind: "text", text: "c" },
      { kind: "up" },
      { kind: "text", text: "d" },
    ]);
  });
  it("drops unknown escape sequences and control characters", () => {
    expect(parseInput("\x1b[15~x\x07")).toEqual([{ kind: "text", text: "x" }]);
  });
});

describe("editLine", () => {
  it("inserts at the cursor and deletes around it", () => {
    let s = type(emptyLine(), "kubctl");
    s = type(s, "\x1b[D\x1b[D\x1b[De");
    expect(s.buffer).toBe("kubectl");
    expect(s.cursor).toBe(4);
    s = type(s, "\x7f\x1b[3~");
    expect(s.buffer).toBe("kubtl");
    s = type(s, "\x01\x1b[3~\x05");
    expect([s.buffer, s.cursor]).toEqual(["ubtl", 4]);
  });

  it("walks history with ↑/↓ and restores the unfinished line", () => {
    let s = emptyLine(["kubectl get pods", "kubectl describe pod web"]);
    s = type(s, "kub");
    s = type(s, "\x1b[A");
    expect(s.buffer).toBe("kubectl describe pod web");
    s = type(s, "\x1b[A\x1b[A");
    expect(s.buffer).toBe("kubectl get pods");
    s = type(s, "\x1b[B\x1b[B");
    expect([s.buffer, s.cursor]).toEqual(["kub", 3]);
  });

  it("Ctrl+U kills to the start, Ctrl+W deletes a word", () => {
    let s = type(emptyLine(), "kubectl get pods");
    s = type(s, "\x17");
    expect(s.buffer).toBe("kubectl get ");
    s = type(s, "\x15");
    expect(s).toMatchObject({ buffer: "", cursor: 0 });
  });
});

describe("submitLine", () => {
  it("adds to history once and skips blanks", () => {
    let { next } = submitLine(type(emptyLine(), "kubectl get pods"));
    ({ next } = submitLine(type(next, "kubectl get pods")));
    ({ next } = submitLine(type(next, "   ")));
    expect(next.history).toEqual(["kubectl get pods"]);
    expect(next.buffer).toBe("");
  });
});

describe("renderLine", () => {
  it("redraws the row and moves the cursor back", () => {
    const s = { ...type(emptyLine(), "abc"), cursor: 1 };
    expect(renderLine("$ ", s)).toBe("\r\x1b[2K$ abc\x1b[2D");
  });
});

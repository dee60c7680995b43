import { describe, expect, it } from "vitest";
import { parseBlocks } from "@/components/practice/markdown";

describe("parseBlocks", () => {
  it("splits paragraphs, lists and fenced code", () => {
    const source = "Create a Pod `web`.\nIt must **not** restart.\n\n- first\n- second\n  continued\n\n```yaml\nkind: Pod\n  name: x\n```\nAfter.";
    expect(parseBlocks(source)).toEqual([
      { kind: "paragraph", text: "Create a Pod `web`.\nIt must **not** restart." },
      { kind: "list", items: ["first", "second continued"] },
      { kind: "code", text: "kind: Pod\n  name: x", language: "yaml" },
      { kind: "paragraph", text: "After." },
    ]);
  });
  it("keeps raw HTML as text", () => {
    expect(parseBlocks("<script>alert(1)</script>")).toEqual([{ kind: "paragraph", text: "<script>alert(1)</script>" }]);
  });
});

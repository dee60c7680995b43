import { describe, expect, it } from "vitest";
import { parseScript, parseWordParts } from "./parser";
import { ShellSyntaxError } from "./lexer";

describe("parseScript", () => {
  it("builds and-or lists of pipelines", () => {
    const s = parseScript("a | b && ! c || d &");
    const item = s.body.items[0];
    expect(item.background).toBe(true);
    expect(item.node.first.commands).toHaveLength(2);
    expect(item.node.rest.map((r) => r.op)).toEqual(["&&", "||"]);
    expect(item.node.rest[0].pipeline.negate).toBe(true);
  });

  it.each([
    ["if true; then echo a; elif false; then echo b; else echo c; fi", "if"],
    ["while true; do :; done", "loop"],
    ["until false; do break; done", "loop"],
    ["for i in 1 2 3; do echo $i; done", "for"],
    ["for i do echo; done", "for"],
    ["case $x in a|b) echo ab;; *) echo other;; esac", "case"],
    ["{ echo a; echo b; } > f", "group"],
    ["(cd /tmp && ls)", "subshell"],
    ["f() { echo hi; }", "funcdef"],
    ["function g { echo hi; }", "funcdef"],
    ["[[ -f /x && $a == b* ]]", "cond"],
    ["(( i++ ))", "arith-cmd"],
    ["x=1 y=2", "simple"],
  ])("%s → %s", (src, kind) => {
    expect(parseScript(src).body.items[0].node.first.commands[0].kind).toBe(kind);
  });

  it("separates assignments from words and redirections", () => {
    const cmd = parseScript("A=1 B=\"x y\" env > /tmp/out 2>&1").body.items[0].node.first.commands[0];
    expect(cmd.kind).toBe("simple");
    if (cmd.kind !== "simple") return;
    expect(cmd.assigns.map((a) => a.name)).toEqual(["A", "B"]);
    expect(cmd.words.map((w) => w.raw)).toEqual(["env"]);
    expect(cmd.redirs.map((r) => [r.fd, r.op, r.target.raw])).toEqual([[null, ">", "/tmp/out"], [2, ">&", "1"]]);
  });

  it.each(["if true; then", "fi", "echo a; ;", "for in; do done", "case x in", "( echo", "a &&", "then echo"])("rejects %j", (src) => {
    expect(() => parseScript(src)).toThrow(ShellSyntaxError);
  });

  it("caches parsed scripts by text", () => {
    expect(parseScript("echo cached")).toBe(parseScript("echo cached"));
  });
});

describe("parseWordParts", () => {
  it("splits quoting and expansions", () => {
    expect(parseWordParts(`a'b c'"$HOME"\\$x`)).toEqual([
      { kind: "lit", text: "a", quoted: false },
      { kind: "lit", text: "b c", quoted: true },
      { kind: "param", name: "HOME", op: null, arg: null, quoted: true },
      { kind: "lit", text: "$", quoted: true },
      { kind: "lit", text: "x", quoted: false },
    ]);
  });
  it("parses ${…} operators and lengths", () => {
    expect(parseWordParts("${A:-def}")[0]).toMatchObject({ kind: "param", name: "A", op: ":-" });
    expect(parseWordParts("${#A}")[0]).toEqual({ kind: "length", name: "A", quoted: false });
    expect(parseWordParts("${F%%.*}")[0]).toMatchObject({ kind: "param", op: "%%" });
    expect(parseWordParts("$((1+2))")[0]).toMatchObject({ kind: "arith" });
    expect(parseWordParts("$(echo x)")[0]).toMatchObject({ kind: "cmdsub" });
  });
});

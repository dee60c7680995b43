import { describe, expect, it } from "vitest";
import { ShellSyntaxError, tokenize } from "./lexer";

const kinds = (src: string) => tokenize(src).map((t) => (t.kind === "word" ? `w:${t.raw}` : t.kind === "op" ? t.op : t.kind === "redir" ? `r:${t.fd ?? ""}${t.op}` : t.kind));

describe("tokenize", () => {
  it.each([
    ["echo hi", ["w:echo", "w:hi", "eof"]],
    ["a && b || c; d &", ["w:a", "&&", "w:b", "||", "w:c", ";", "w:d", "&", "eof"]],
    ["a | b", ["w:a", "|", "w:b", "eof"]],
    ["echo 'a b' \"c $d\"", ["w:echo", "w:'a b'", 'w:"c $d"', "eof"]],
    ["echo $(date; echo x) `id`", ["w:echo", "w:$(date; echo x)", "w:`id`", "eof"]],
    ["cmd >out 2>&1 <in >>app", ["w:cmd", "r:>", "w:out", "r:2>&", "w:1", "r:<", "w:in", "r:>>", "w:app", "eof"]],
    ["ls 2>/dev/null", ["w:ls", "r:2>", "w:/dev/null", "eof"]],
    ["echo a # comment\nb", ["w:echo", "w:a", "newline", "w:b", "eof"]],
    ["x=${A:-b c}", ["w:x=${A:-b c}", "eof"]],
    ["(a) ;; b", ["(", "w:a", ")", ";;", "w:b", "eof"]],
    ["echo a\\\nb", ["w:echo", "w:a\\\nb", "eof"]],
  ])("%j", (src, want) => expect(kinds(src)).toEqual(want));

  it("reads here-document bodies at the next newline", () => {
    const toks = tokenize("cat <<EOF\nline $x\nEOF\necho done");
    const redir = toks.find((t) => t.kind === "redir");
    expect(redir && redir.kind === "redir" && redir.heredoc).toEqual({ body: "line $x\n", quoted: false });
    expect(kinds("cat <<'E'\nz\nE\n")).toEqual(["w:cat", "r:<<", "w:'E'", "newline", "eof"]);
  });

  it("throws on unterminated quotes", () => {
    expect(() => tokenize("echo 'abc")).toThrow(ShellSyntaxError);
    expect(() => tokenize('echo "abc')).toThrow(ShellSyntaxError);
  });
});

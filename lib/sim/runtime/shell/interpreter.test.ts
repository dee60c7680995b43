import { describe, expect, it } from "vitest";
import { runShell } from "../testing";

const bb = (script: string, setup?: Parameters<typeof runShell>[2]) => runShell("busybox:1.36", script, setup);
const deb = (script: string) => runShell("debian:bookworm", script);

describe("exit statuses and control operators", () => {
  it.each([
    ["true", 0], ["false", 1], ["exit 3", 3], ["exit 256", 0], ["false; true", 0], ["true && false", 1],
    ["false || exit 4", 4], ["! true", 1], ["! false", 0], ["nosuchcmd", 127], ["(exit 5)", 5],
    ["false | true", 0], ["true | false", 1], ["f() { return 7; }; f", 7], ["/etc/passwd", 126],
  ])("%s → %i", (script, code) => expect(bb(script).code).toBe(code));

  it("short-circuits && and ||", () => {
    expect(bb("false && echo no || echo yes; true || echo no; true && echo ok").out).toBe("yes\nok\n");
  });

  it("exposes $? after each command", () => {
    expect(bb("false; echo $?; nosuch 2>/dev/null; echo $?").out).toBe("1\n127\n");
  });

  it("honours set -e outside conditions", () => {
    expect(bb("set -e; false || echo handled; if false; then :; fi; false; echo unreachable")).toMatchObject({ code: 1, out: "handled\n" });
  });
});

describe("not-found wording per shell", () => {
  it("busybox ash", () => expect(bb("foo").err).toBe("sh: foo: not found\n"));
  it("dash", () => expect(deb("echo a; foo").err).toBe("sh: 1: foo: not found\n"));
  it("bash", () => expect(runShell("debian", "foo", undefined, { shell: "bash" }).err).toBe("bash: line 1: foo: command not found\n"));
  it("syntax errors exit 2", () => {
    expect(bb("if then fi")).toMatchObject({ code: 2, err: 'sh: syntax error: unexpected "then"\n' });
    expect(deb("if then fi")).toMatchObject({ code: 2, err: 'sh: 1: Syntax error: "then" unexpected\n' });
  });
});

describe("expansions", () => {
  it.each([
    ["echo ${U:-default}", "default\n"],
    ["U=set; echo ${U:-default} ${U:+alt}", "set alt\n"],
    ["echo ${U:=assigned}; echo $U", "assigned\nassigned\n"],
    ["F=archive.tar.gz; echo ${F%%.*} ${F%.*} ${F#*.} ${F##*.} ${#F}", "archive archive.tar tar.gz gz 14\n"],
    ["echo $((2 + 3 * 4)) $((10 / 3)) $((10 % 3)) $((2 ** 8)) $((1 < 2))", "14 3 1 256 1\n"],
    ["i=0; i=$((i+1)); : $((i+=5)); echo $i", "6\n"],
    ["echo \"$(echo a; echo b)\"", "a\nb\n"],
    ["echo `echo back`tick", "backtick\n"],
    ["x='a   b'; echo $x; echo \"$x\"", "a b\na   b\n"],
    ["set -- one 'two three'; echo $#; for a in \"$@\"; do echo [$a]; done", "2\n[one]\n[two three]\n"],
    ["echo 'single $HOME' \"double $HOME\" \\$HOME", "single $HOME double /root $HOME\n"],
    ["echo $HOSTNAME", "pod-1\n"],
    ["echo ~", "/root\n"],
    ["cd /etc && echo host* pass?d", "/etc\n".slice(0, 0) + "host* passwd\n"],
    ["echo /etc/pass*", "/etc/passwd\n"],
    ["echo $$", "7\n"],
    ["sleep 1 & echo $!", "9\n"],
  ])("%s", (script, out) => expect(bb(script).out).toBe(out));

  it("errors on ${X:?msg}", () => {
    expect(bb("echo ${X:?is required}; echo after")).toMatchObject({ code: 1, err: "sh: X: is required\n", out: "" });
  });
});

describe("compound commands", () => {
  it("runs if/elif/else, case, while, until, for, functions", () => {
    const script = `
      n=0
      while [ $n -lt 3 ]; do n=$((n+1)); done
      until [ $n -eq 0 ]; do n=$((n-1)); done
      for w in a b c; do printf "%s," $w; done; echo
      case "nginx-1.27" in nginx-*) echo matched;; *) echo nope;; esac
      greet() { echo "hello $1"; return 0; }
      greet world
      if [ -f /etc/passwd ]; then echo file; elif true; then echo no; else echo no; fi
      for i in 1 2 3 4 5; do [ $i -eq 2 ] && continue; [ $i -eq 4 ] && break; echo $i; done
    `;
    expect(bb(script).out).toBe("a,b,c,\nmatched\nhello world\nfile\n1\n3\n");
  });

  it("keeps subshell changes local and group changes global", () => {
    expect(bb("x=1; (x=2; cd /tmp); echo $x $PWD; { x=3; cd /tmp; }; echo $x $PWD").out).toBe("1 /\n3 /tmp\n");
  });

  it("pipes output between stages", () => {
    expect(bb("printf 'b\\na\\nc\\na\\n' | sort | uniq -c | sort -rn | head -1").out).toBe("      2 a\n");
    expect(bb("echo hello | tr a-z A-Z | wc -c").out).toBe("6\n");
  });

  it("reads lines with while read", () => {
    expect(bb("printf 'x 1\\ny 2\\n' > /tmp/f; while read k v; do echo \"$v=$k\"; done < /tmp/f").out).toBe("1=x\n2=y\n");
  });

  it("supports here-documents and here-strings", () => {
    expect(bb("name=kube; cat <<EOF\nhi $name\nEOF").out).toBe("hi kube\n");
    expect(bb("cat <<'EOF'\nhi $name\nEOF").out).toBe("hi $name\n");
    expect(runShell("debian", "tr a-z A-Z <<< shout", undefined, { shell: "bash" }).out).toBe("SHOUT\n");
  });

  it("reproduces dash's bash-isms failures", () => {
    expect(deb('[[ -d /tmp ]] && echo yes')).toMatchObject({ out: "", err: "sh: 1: [[: not found\n" });
    expect(deb('[ a == a ] && echo yes')).toMatchObject({ out: "", err: "sh: 1: [: a: unexpected operator\n" });
    expect(bb('[ a == a ] && echo yes').out).toBe("yes\n");
  });

  it("evaluates [[ ]] in bash and ash", () => {
    expect(bb('[[ "abc" == a* && -d /tmp ]] && echo yes').out).toBe("yes\n");
    expect(runShell("debian", '[[ 5 -gt 3 ]] && echo yes', undefined, { shell: "bash" }).out).toBe("yes\n");
  });
});

describe("redirections", () => {
  it("writes, appends, reads and duplicates", () => {
    const r = bb("echo one > /tmp/f; echo two >> /tmp/f; cat < /tmp/f; ls /nope 2>&1 | grep -c 'No such'; echo err >&2 2>/dev/null; echo gone > /dev/null");
    expect(r.out).toBe("one\ntwo\n1\n");
    expect(r.err).toBe("err\n");
  });

  it("reports unwritable targets in the shell's wording", () => {
    expect(bb("echo x > /nope/file").err).toBe("sh: can't create /nope/file: nonexistent directory\n");
    expect(deb("echo x > /nope/file").err).toBe("sh: 1: cannot create /nope/file: Directory nonexistent\n");
    expect(bb("cat < /nope").err).toBe("sh: can't open '/nope': No such file or directory\n");
  });

  it("sends /dev/stdout writes to the process stdout", () => {
    expect(bb("echo to-log > /dev/stdout").out).toBe("to-log\n");
  });
});

describe("echo and printf builtins", () => {
  it("busybox echo needs -e, dash interprets escapes", () => {
    expect(bb("echo 'a\\nb'; echo -e 'a\\nb'; echo -n x").out).toBe("a\\nb\na\nb\nx");
    expect(deb("echo 'a\\nb'; echo -e x").out).toBe("a\nb\n-e x\n");
  });
  it("printf formats", () => {
    expect(bb("printf '%s=%d %5.1f|%-4s|%03d %x\\n' k 42 3.14159 ab 7 255").out).toBe("k=42   3.1|ab  |007 ff\n");
    expect(bb("printf '%s\\n' a b c").out).toBe("a\nb\nc\n");
  });
});

describe("variables and environment", () => {
  it("exports to child programs and scopes prefix assignments", () => {
    expect(bb("A=1; env | grep -c '^A='; export A; env | grep '^A='; B=2 env | grep '^B='; echo ${B:-unset}").out).toBe("0\nA=1\nB=2\nunset\n");
  });
  it("has the container environment", () => {
    expect(bb("echo $PATH").out).toBe("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n");
  });
});

describe("bounds", () => {
  it("ends a busy loop with a clear message instead of hanging", () => {
    const r = runShell("busybox", "while true; do :; done", undefined, { timeoutMs: 3_600_000, maxSteps: 5_000_000 });
    expect(r.code).toBe(137);
    expect(r.err).toContain("without sleeping (busy loops are not simulated)");
    expect(r.elapsedMs).toBeGreaterThan(0);
  });
  it("bounds recursion", () => {
    expect(bb("f() { f; }; f").err).toContain("function nesting too deep");
  });
  it("stops at the step budget of runToCompletion", () => {
    const r = runShell("busybox", "while true; do :; done", undefined, { maxSteps: 1000 });
    expect(r.timedOut).toBe(true);
  });
});

describe("sleep 0 loops", () => {
  it("count as busy and end", () => {
    const r = runShell("busybox", "while true; do sleep 0; done", undefined, { timeoutMs: 3_600_000, maxSteps: 5_000_000 });
    expect(r.code).toBe(137);
    expect(r.err).toContain("busy loops are not simulated");
  });
});

import { describe, expect, it } from "vitest";
import { runShell } from "../testing";

const bb = (s: string) => runShell("busybox:1.36", s);
const deb = (s: string) => runShell("debian:bookworm", s);

describe("text processing", () => {
  it("head and tail", () => {
    expect(bb("seq 10 | head -n 3; seq 10 | head -2; seq 10 | tail -n 2; seq 5 | tail -n +4; seq 10 | tail -3").out).toBe("1\n2\n3\n1\n2\n9\n10\n4\n5\n8\n9\n10\n");
    expect(bb("tail /nope").err).toBe("tail: can't open '/nope': No such file or directory\n");
    expect(deb("tail /nope").err).toBe("tail: cannot open '/nope' for reading: No such file or directory\n");
  });

  it("grep flags", () => {
    const input = "printf 'Alpha\\nbeta\\ngamma\\nALPHA beta\\n' > /tmp/f; ";
    expect(bb(`${input}grep -i alpha /tmp/f`).out).toBe("Alpha\nALPHA beta\n");
    expect(bb(`${input}grep -v a /tmp/f`).out).toBe("");
    expect(bb(`${input}grep -c beta /tmp/f`).out).toBe("2\n");
    expect(bb(`${input}grep -q gamma /tmp/f && echo yes`).out).toBe("yes\n");
    expect(bb(`${input}grep -E '^(beta|gamma)$' /tmp/f`).out).toBe("beta\ngamma\n");
    expect(bb(`${input}grep -n 'a\\(m\\)' /tmp/f`).out).toBe("3:gamma\n");
    expect(bb(`${input}grep zzz /tmp/f; echo $?`).out).toBe("1\n");
    expect(bb("grep x /nope; echo $?").out).toBe("2\n");
  });

  it("wc", () => {
    expect(bb("printf 'a b\\nc\\n' | wc -l").out).toBe("2\n");
    expect(bb("printf 'a b\\nc\\n' | wc -w").out).toBe("3\n");
    expect(bb("printf 'a b\\nc\\n' | wc -c").out).toBe("6\n");
    expect(bb("printf 'a b\\nc\\n' > /tmp/f; wc -l /tmp/f").out).toBe("2 /tmp/f\n");
  });

  it("sort, uniq, cut, tr", () => {
    expect(bb("printf '10\\n9\\n100\\n' | sort -n").out).toBe("9\n10\n100\n");
    expect(bb("printf 'b\\na\\nb\\n' | sort -u").out).toBe("a\nb\n");
    expect(bb("printf 'b\\na\\nb\\n' | sort -r").out).toBe("b\nb\na\n");
    expect(bb("printf 'x 3\\ny 1\\n' | sort -k 2 -n").out).toBe("y 1\nx 3\n");
    expect(bb("printf 'a\\na\\nb\\n' | uniq -c").out).toBe("      2 a\n      1 b\n");
    expect(bb("echo 'root:x:0:0' | cut -d: -f1,3").out).toBe("root:0\n");
    expect(bb("echo hello | cut -c 2-4").out).toBe("ell\n");
    expect(bb("echo Hello | tr '[:lower:]' '[:upper:]'; echo aabbcc | tr -d b; echo aaab | tr -s a").out).toBe("HELLO\naacc\nab\n");
  });

  it("sed", () => {
    expect(bb("echo 'hello world' | sed 's/world/k8s/'").out).toBe("hello k8s\n");
    expect(bb("echo 'aaa' | sed 's/a/b/g'").out).toBe("bbb\n");
    expect(bb("seq 5 | sed -n '2,3p'").out).toBe("2\n3\n");
    expect(bb("seq 3 | sed '2d'").out).toBe("1\n3\n");
    expect(bb("echo 'key=val' | sed -E 's/([a-z]+)=([a-z]+)/\\2=\\1/'").out).toBe("val=key\n");
    expect(bb("echo 'listen 80;' > /tmp/c; sed -i 's/80/8080/' /tmp/c; cat /tmp/c").out).toBe("listen 8080;\n");
    expect(bb("seq 3 | sed '/2/d'").out).toBe("1\n3\n");
  });

  it("awk", () => {
    expect(bb("echo 'a b c' | awk '{print $2}'").out).toBe("b\n");
    expect(bb("echo 'root:x:0' | awk -F: '{print $1, $NF}'").out).toBe("root 0\n");
    expect(bb("printf '1\\n2\\n3\\n' | awk '{s+=$1} END {print s}'").out).toBe("6\n");
    expect(bb("printf 'a 1\\nb 5\\n' | awk '$2 > 2 {print $1}'").out).toBe("b\n");
    expect(bb("printf 'x\\ny\\n' | awk 'END{print NR}'").out).toBe("2\n");
    expect(bb("echo 'a b' | awk '{printf \"%s-%s\\n\", $2, $1}'").out).toBe("b-a\n");
  });

  it("seq, yes, expr, basename, dirname, tee, timeout", () => {
    expect(bb("seq 3; seq 2 2 6; seq -s, 3").out).toBe("1\n2\n3\n2\n4\n6\n1,2,3\n");
    expect(bb("yes | head -n 2").out).toBe("y\ny\n");
    expect(bb("expr 2 + 3; expr 7 / 2; expr length abc").out).toBe("5\n3\n3\n");
    expect(bb("basename /a/b/c.txt .txt; dirname /a/b/c.txt").out).toBe("c\n/a/b\n");
    expect(bb("echo x | tee /tmp/t; cat /tmp/t").out).toBe("x\nx\n");
    const t = runShell("busybox", "timeout 2 sleep 10; echo $?");
    expect(t.out).toBe("143\n");
    expect(t.elapsedMs).toBe(2000);
    expect(runShell("debian", "timeout 2 sleep 10; echo $?").out).toBe("124\n");
  });
});

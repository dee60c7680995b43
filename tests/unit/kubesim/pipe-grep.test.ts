// kubesim's pipe `grep` against GNU grep 3.8: gnu-grep-3.8.golden was recorded on 2026-11-23 by running each
// `grep ARGS < input.txt` with /usr/bin/grep (stdout and stderr together, then the exit status).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { pipeGrep } from "@/lib/sim/kubectl/pipe-grep";
import { createCluster } from "@/lib/sim";
import { KubectlSession } from "@/lib/sim/kubectl/session";
import { ScriptRunner } from "@/lib/sim/kubectl/script";
import { splitCommandLine } from "@/lib/sim/kubectl/cli/flags";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "pipe-grep");
const input = readFileSync(path.join(dir, "input.txt"), "utf8");
const cases = readFileSync(path.join(dir, "gnu-grep-3.8.golden"), "utf8")
  .split("### ")
  .slice(1)
  .map((section) => {
    const nl = section.indexOf("\n");
    const body = section.slice(nl + 1);
    const m = /\[exit (\d+)\]\n$/.exec(body)!;
    return { command: section.slice(0, nl), output: body.slice(0, m.index), exit: Number(m[1]) };
  });

describe("pipe grep matches GNU grep 3.8", () => {
  it("has the recorded cases", () => expect(cases.length).toBe(20));
  for (const c of cases) {
    it(c.command, () => {
      const split = splitCommandLine(c.command);
      if (!split.ok) throw new Error(split.error);
      const r = pipeGrep(input, split.words.slice(1));
      expect(r.stdout + r.stderr).toBe(c.output);
      expect(r.exitCode).toBe(c.exit);
    });
  }
});

describe("grep in a kubesim pipeline", () => {
  it("reads kubectl output and sets $?", () => {
    const runner = new ScriptRunner(new KubectlSession(createCluster({ seed: 1 })));
    let out = "";
    runner.runScript('kubectl get ns | grep -c "kube-system\\|default"\nkubectl get ns | grep -q nosuch\necho $?\nkubectl get ns | grep -k x\necho $?', (o) => {
      out += o.stdout + o.stderr;
    });
    expect(out).toBe("2\n1\ngrep: invalid option -- 'k'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n2\n");
  });
});

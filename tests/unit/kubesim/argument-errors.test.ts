// Every command's no-argument / bad-argument error against kubectl v1.32: argument-errors.kubectl-v1.32.golden
// was recorded on 2026-11-23 by running each `kubectl ARGS` with /usr/bin/kubectl offline (stdout and stderr
// together, then the exit status; client-side checks run before kubectl contacts a server).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createCluster } from "@/lib/sim";
import { KubectlSession } from "@/lib/sim/kubectl/session";

const golden = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "argument-errors.kubectl-v1.32.golden"), "utf8");
const cases = golden
  .split("=== kubectl ")
  .slice(1)
  .map((section) => {
    const nl = section.indexOf("\n");
    const body = section.slice(nl + 1);
    const m = /\[(\d+)\]\n$/.exec(body)!;
    return { args: section.slice(0, nl), output: body.slice(0, m.index), exit: Number(m[1]) };
  });

describe("argument errors match kubectl v1.32", () => {
  const s = new KubectlSession(createCluster({ seed: 1 }));
  it("has the recorded cases", () => expect(cases.length).toBe(34));
  for (const c of cases) {
    it(`kubectl ${c.args}`, () => {
      const r = s.runLine(`kubectl ${c.args}`);
      expect(r.stdout + r.stderr).toBe(c.output);
      expect(r.exitCode).toBe(c.exit);
    });
  }

  it("kubectl rollout prints its help on stdout and exits 1", () => {
    const r = s.runLine("kubectl rollout");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Manage the rollout of one or many resources\.\n[\s\S]*Available Commands:\n/);
  });
});

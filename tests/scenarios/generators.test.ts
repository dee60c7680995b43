// `kubectl create … --dry-run=client -o yaml` through kubesim, compared with the output of the real kubectl
// v1.32 client (/usr/bin/kubectl, offline) recorded in generators.kubectl-v1.32.golden on 2026-11-23.
// Each section is "### <command line>" followed by what kubectl printed (stdout and stderr). `create role`
// with --resource needs the server's discovery in the real client, so it is tested in tests/unit/kubesim.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { terminal } from "./helpers";

const golden = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "generators.kubectl-v1.32.golden"), "utf8");
const cases = golden
  .split("### ")
  .slice(1)
  .map((section) => {
    const nl = section.indexOf("\n");
    return { command: section.slice(0, nl), expected: section.slice(nl + 1) };
  });

describe("kubectl generators match kubectl v1.32", { timeout: 60_000 }, () => {
  it("has the recorded cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });
  for (const { command, expected } of cases) {
    it(command, () => {
      const r = terminal(1).run(command);
      expect(r.stdout + r.stderr).toBe(expected);
    });
  }
});

// Replays session.sh through kubesim (seed 1, as `npm run --silent kubesim -- session.sh` does) and
// compares stdout and stderr with the reviewed golden files (provenance in README.md).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { terminal } from "../helpers";

const here = path.dirname(fileURLToPath(import.meta.url));
const read = (name: string) => readFileSync(path.join(here, name), "utf8");

describe("CKAD-style kubesim session", { timeout: 60_000 }, () => {
  it("matches the reviewed golden transcript", () => {
    const { stdout, stderr } = terminal(1).run(read("session.sh"));
    expect(stdout).toBe(read("session.stdout.golden"));
    expect(stderr).toBe(read("session.stderr.golden"));
  });

  it("is deterministic: the same seed gives the same transcript", () => {
    const a = terminal(1).run(read("session.sh"));
    const b = terminal(1).run(read("session.sh"));
    expect(b).toEqual(a);
  });
});

// scripts/start.ts helpers: port selection and the "is the production build stale?" rule.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildStaleReason, parsePort } from "@/scripts/start";

describe("parsePort", () => {
  it("takes --port, --port=N and -p over PORT, defaulting to 3000", () => {
    expect(parsePort([], undefined)).toBe(3000);
    expect(parsePort([], "4000")).toBe(4000);
    expect(parsePort(["--port", "3100"], "4000")).toBe(3100);
    expect(parsePort(["--port=3200"], undefined)).toBe(3200);
    expect(parsePort(["-p", "3300"], undefined)).toBe(3300);
  });

  it("rejects ports that are not 1-65535", () => {
    expect(() => parsePort(["--port", "0"], undefined)).toThrow(/invalid port "0"/);
    expect(() => parsePort(["--port"], undefined)).toThrow(/invalid port ""/);
    expect(() => parsePort([], "http")).toThrow(/invalid port "http"/);
  });
});

describe("buildStaleReason", () => {
  let root: string;
  const past = new Date("2030-01-01T00:00:00Z");
  const later = new Date("2030-01-02T00:00:00Z");

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "kubedrill-build-"));
    mkdirSync(path.join(root, "app", "dashboard"), { recursive: true });
    writeFileSync(path.join(root, "app", "dashboard", "page.tsx"), "export default 1;");
    writeFileSync(path.join(root, "package.json"), "{}");
    for (const file of ["app/dashboard/page.tsx", "package.json", "app/dashboard", "app"]) {
      utimesSync(path.join(root, file), past, past);
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function build(at: Date): void {
    mkdirSync(path.join(root, ".next"), { recursive: true });
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
    utimesSync(path.join(root, ".next", "BUILD_ID"), at, at);
  }

  it("asks for a build when there is none", () => {
    expect(buildStaleReason(root)).toBe("no production build yet");
  });

  it("skips the build when it is newer than every source", () => {
    build(later);
    expect(buildStaleReason(root)).toBeNull();
  });

  it("rebuilds when a source file changed after the build", () => {
    build(later);
    utimesSync(path.join(root, "app", "dashboard", "page.tsx"), new Date("2030-01-03T00:00:00Z"), new Date("2030-01-03T00:00:00Z"));
    expect(buildStaleReason(root)).toBe("app/ changed since the last build");
  });

  it("ignores test files next to the sources", () => {
    build(later);
    const test = path.join(root, "app", "dashboard", "page.test.tsx");
    writeFileSync(test, "");
    utimesSync(test, new Date("2030-01-03T00:00:00Z"), new Date("2030-01-03T00:00:00Z"));
    expect(buildStaleReason(root)).toBeNull();
  });

  it("rebuilds when package.json changed", () => {
    build(later);
    utimesSync(path.join(root, "package.json"), new Date("2030-01-03T00:00:00Z"), new Date("2030-01-03T00:00:00Z"));
    expect(buildStaleReason(root)).toBe("package.json changed since the last build");
  });
});

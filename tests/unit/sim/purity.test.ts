// lib/sim must stay a pure library: no framework, database or I/O imports, and no hidden sources of
// time or randomness (those come from the virtual clock and the seeded RNG).
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../../lib/sim");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !full.includes(`${path.sep}testing${path.sep}`) ? [full] : [];
  });
}

const FORBIDDEN_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["'](next(?:\/[^"']*)?|react(?:-dom)?(?:\/[^"']*)?|@prisma\/[^"']*|next-auth(?:\/[^"']*)?|node:[^"']+|fs|fs\/promises|net|http|https|child_process|worker_threads|os|path)["']/;
const FORBIDDEN_GLOBAL = /(?<![\w.])(?:Date\.now\s*\(|new\s+Date\s*\(|Math\.random\s*\(|setTimeout\s*\(|setInterval\s*\(|setImmediate\s*\(|crypto\.randomUUID\s*\(|performance\.now\s*\(|process\.)/;

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

/** Blanks string literals, so prose inside strings (field docs, messages) is not mistaken for code. */
function stripStrings(text: string): string {
  return text.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
}

describe("lib/sim purity", () => {
  const files = sourceFiles(ROOT);

  it("finds the simulator's sources", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it("imports no framework, database or I/O module", () => {
    const offenders = files.flatMap((f) =>
      stripComments(readFileSync(f, "utf8"))
        .split("\n")
        .filter((line) => FORBIDDEN_IMPORT.test(line))
        .map((line) => `${path.relative(ROOT, f)}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it("reads no wall clock, host randomness, timers or process state", () => {
    const offenders = files.flatMap((f) =>
      stripStrings(stripComments(readFileSync(f, "utf8")))
        .split("\n")
        .filter((line) => FORBIDDEN_GLOBAL.test(line))
        .map((line) => `${path.relative(ROOT, f)}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it("detects a forbidden import when one is present (the check itself works)", () => {
    expect(FORBIDDEN_IMPORT.test(`import { PrismaClient } from "@prisma/client";`)).toBe(true);
    expect(FORBIDDEN_IMPORT.test(`import fs from "node:fs";`)).toBe(true);
    expect(FORBIDDEN_IMPORT.test(`import { redirect } from "next/navigation";`)).toBe(true);
    expect(FORBIDDEN_GLOBAL.test(`const t = Date.now();`)).toBe(true);
    expect(FORBIDDEN_GLOBAL.test(stripStrings(`const doc = "the process. Date.now() in prose";`))).toBe(false);
    expect(FORBIDDEN_IMPORT.test(`import yaml from "js-yaml";`)).toBe(false);
  });
});

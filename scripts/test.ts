// npm test — every check the project has, in order, never stopping silently:
//   Prisma clients → tsc → eslint → vitest unit → vitest integration → questions:check → playwright
// Each step runs even when an earlier one failed; the summary at the end lists them all and the
// very last line is `total: N passed, N failed` (tests counted one by one; tsc, eslint and other
// whole-tree checks count as one each). Exit status 1 when anything failed.
//
//   npm test                       everything (PostgreSQL suites too when TEST_POSTGRES_URL is set)
//   npm test -- --skip-e2e         everything but Playwright, for a quick local run
//   npm test -- --skip=lint,e2e    skip steps by name
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const REPORT_DIR = path.join(ROOT, "tmp", "test-report");

type TCounts = { passed: number; failed: number; skipped: number };
type TStepResult = TCounts & { name: string; exitCode: number; seconds: number; note?: string };
type TStep = {
  name: string;
  title: string;
  command: string[];
  env?: Record<string, string>;
  /** Reads the step's own report; null when there is none (then the exit code decides). */
  count?: () => TCounts | null;
};

function bin(name: string): string {
  return path.join(ROOT, "node_modules", ".bin", name);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function vitestStep(project: "unit" | "integration"): TStep {
  const report = path.join(REPORT_DIR, `vitest-${project}.json`);
  return {
    name: project,
    title: `vitest ${project} tests`,
    command: [bin("vitest"), "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${report}`],
    count: () => {
      const json = readJson(report) as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number } | null;
      if (!json || typeof json.numPassedTests !== "number") return null;
      return {
        passed: json.numPassedTests,
        failed: json.numFailedTests ?? 0,
        skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
      };
    },
  };
}

function playwrightStep(): TStep {
  const report = path.join(REPORT_DIR, "playwright.json");
  return {
    name: "e2e",
    title: "Playwright end-to-end tests",
    // The list reporter for people, the JSON one for the counts below.
    command: [bin("playwright"), "test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: report },
    count: () => {
      const json = readJson(report) as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } } | null;
      if (!json?.stats) return null;
      const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = json.stats;
      return { passed: expected + flaky, failed: unexpected, skipped };
    },
  };
}

function hasNpmScript(name: string): boolean {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  return typeof pkg.scripts?.[name] === "string";
}

function parseSkips(argv: string[]): Set<string> {
  const skips = new Set<string>();
  for (const arg of argv) {
    if (arg === "--skip-e2e") skips.add("e2e");
    else if (arg.startsWith("--skip=")) for (const name of arg.slice("--skip=".length).split(",")) skips.add(name.trim());
    else throw new Error(`unknown option ${arg} (use --skip-e2e or --skip=typecheck,lint,unit,integration,questions,e2e)`);
  }
  return skips;
}

function displayArg(arg: string): string {
  if (arg === process.execPath) return "node";
  return path.isAbsolute(arg) && arg.startsWith(`${ROOT}${path.sep}`) ? path.relative(ROOT, arg) : arg;
}

function runStep(step: TStep, index: number, total: number): TStepResult {
  console.log(`\n━━━ [${index}/${total}] ${step.title}: ${step.command.map(displayArg).join(" ")}`);
  const started = Date.now();
  const result = spawnSync(step.command[0], step.command.slice(1), {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, ...step.env, FORCE_COLOR: process.env.FORCE_COLOR ?? "1" },
  });
  const seconds = (Date.now() - started) / 1000;
  const exitCode = result.status ?? 1;
  const counted = step.count?.() ?? null;
  if (!counted) {
    // A whole-tree check (tsc, eslint) or a runner that died before writing its report.
    const note = step.count ? "no report was written; counted as one check" : undefined;
    return { name: step.name, exitCode, seconds, passed: exitCode === 0 ? 1 : 0, failed: exitCode === 0 ? 0 : 1, skipped: 0, note };
  }
  if (exitCode !== 0 && counted.failed === 0) {
    // The runner failed outside any test (a crashed worker, an error in a hook or the web server).
    return { name: step.name, exitCode, seconds, ...counted, failed: 1, note: `exited with ${exitCode} outside any test` };
  }
  return { name: step.name, exitCode, seconds, ...counted };
}

function main(): void {
  process.chdir(ROOT);
  const skips = parseSkips(process.argv.slice(2));
  rmSync(REPORT_DIR, { recursive: true, force: true });
  mkdirSync(REPORT_DIR, { recursive: true });

  const steps: TStep[] = [
    {
      name: "prisma",
      title: "Prisma schemas and clients",
      command: [process.execPath, bin("tsx"), path.join("scripts", "db", "generate-schemas.ts")],
    },
    { name: "typecheck", title: "type check", command: [bin("tsc"), "--noEmit", "-p", "tsconfig.json"] },
    { name: "lint", title: "lint", command: [bin("eslint"), ".", "--max-warnings=0"] },
    vitestStep("unit"),
    vitestStep("integration"),
  ];
  if (hasNpmScript("questions:check")) {
    steps.push({ name: "questions", title: "question bank check", command: ["npm", "run", "--silent", "questions:check"] });
  }
  steps.push(playwrightStep());

  const selected = steps.filter((step) => !skips.has(step.name));
  if (!process.env.TEST_POSTGRES_URL && !skips.has("integration")) {
    console.log("note: TEST_POSTGRES_URL is not set, so the integration suites run on SQLite only");
  }
  if (!existsSync(path.join(ROOT, "node_modules"))) {
    console.error("node_modules is missing: run npm install first");
    process.exit(1);
  }

  const results = selected.map((step, i) => runStep(step, i + 1, selected.length));

  console.log("\n━━━ summary");
  for (const r of results) {
    const status = r.failed > 0 || r.exitCode !== 0 ? "FAIL" : "ok  ";
    const counts = `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ""}`;
    console.log(`${status} ${r.name.padEnd(11)} ${counts.padEnd(36)} ${r.seconds.toFixed(1).padStart(6)} s${r.note ? `  (${r.note})` : ""}`);
  }
  for (const name of skips) console.log(`skip ${name}`);
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  console.log(`total: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || results.some((r) => r.exitCode !== 0) ? 1 : 0);
}

main();

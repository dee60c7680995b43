// questions:check — the whole bank's validation: schema errors (file + path), every question's
// self-tests through the graders and the simulator, then coverage per objective and per topic.
//   npm run questions:check [-- --topic T ...] [questions/T/file.yaml ...] [--no-coverage] [--seeds N] [--jobs N] [--budget MS] [--verbose]
// --topic (and file paths) limit the self-tests and printed schema errors to those topics/files; coverage is always over
// the whole bank, and --no-coverage skips its thresholds (content writers checking one topic).
// Self-tests run in a worker_threads pool (--jobs, default 2). Exit 0 only when everything passes.
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { loadBankSync, type TBankQuestion } from "../../lib/bank/load-bank";
import { isSimQuestion, TOPICS } from "../../lib/questions/schema";
import { selfTest, type TSelfTestOptions, type TSelfTestResult } from "./self-test";
import { checkStatic } from "./static-checks";
import { coverageReport } from "./coverage";

const SLOW_MS = 1000;

type TArgs = { topics: Set<string>; files: Set<string>; coverage: boolean; seeds: number; jobs: number; budgetMs: number; verbose: boolean };

function parseArgs(argv: string[]): TArgs {
  const args: TArgs = { topics: new Set(), files: new Set(), coverage: true, seeds: 2, jobs: Math.min(2, os.availableParallelism?.() ?? 2), budgetMs: 20_000, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const eq = a.indexOf("=");
      return eq > 0 ? a.slice(eq + 1) : argv[++i];
    };
    if (a === "--topic" || a.startsWith("--topic=")) for (const t of value().split(",")) args.topics.add(t);
    else if (a === "--no-coverage") args.coverage = false;
    else if (a === "--seeds" || a.startsWith("--seeds=")) args.seeds = Math.max(2, Number(value()) || 2);
    else if (a === "--jobs" || a.startsWith("--jobs=")) args.jobs = Math.max(1, Number(value()) || 1);
    else if (a === "--budget" || a.startsWith("--budget=")) args.budgetMs = Math.max(100, Number(value()) || 20_000);
    else if (a === "--verbose" || a === "-v") args.verbose = true;
    else if (/\.ya?ml$/.test(a)) args.files.add(a.replace(/\\/g, "/").replace(/^(?:\.\/)?(?:questions\/)?/, ""));
    else if (!a.startsWith("-")) args.topics.add(a);
    else {
      console.error(`unknown option ${a}`);
      process.exit(2);
    }
  }
  for (const t of args.topics) {
    if (!(TOPICS as readonly string[]).includes(t)) {
      console.error(`unknown topic "${t}" (topics: ${TOPICS.join(", ")})`);
      process.exit(2);
    }
  }
  return args;
}

async function runPool(questions: TBankQuestion[], opts: TSelfTestOptions, jobs: number): Promise<TSelfTestResult[]> {
  // Simulator tasks first (the slow ones), so the pool stays busy to the end.
  const queue = [...questions].sort((a, b) => Number(isSimQuestion(b.content)) - Number(isSimQuestion(a.content)));
  if (jobs <= 1 || queue.filter((q) => isSimQuestion(q.content)).length < 2) return queue.map((q) => selfTest(q.content, q.file, opts));
  const results: TSelfTestResult[] = [];
  const workerFile = path.join(__dirname, "self-test-worker.ts");
  // One lane per worker; a worker that dies (out of memory, a crash in the simulator) fails the question
  // it was testing and is replaced, so one bad question cannot stop the run.
  const lane = () =>
    new Promise<void>((resolve) => {
      let current: TBankQuestion | undefined;
      // tsx's CommonJS hook makes the TypeScript worker loadable (`--import tsx` in execArgv is not honoured by workers).
      const spawn = () => {
        const worker = new Worker(`require("tsx/cjs"); require(${JSON.stringify(workerFile)});`, { eval: true, workerData: opts });
        const next = () => {
          current = queue.shift();
          if (!current) {
            void worker.terminate().then(() => resolve());
            return;
          }
          worker.postMessage({ question: current.content, file: current.file });
        };
        worker.on("message", (r: TSelfTestResult) => {
          results.push(r);
          next();
        });
        worker.on("error", (e) => {
          void worker.terminate();
          if (!current) {
            // The worker could not even start: stop this lane; untested questions are reported below.
            console.error(`a self-test worker failed to start: ${e.message}`);
            resolve();
            return;
          }
          results.push({ id: current.id, file: current.file, failures: [`${current.file}: the self-test worker died: ${e.message}`], simulations: 0, ms: 0 });
          spawn();
        });
        next();
      };
      spawn();
    });
  await Promise.all(Array.from({ length: jobs }, lane));
  for (const q of queue) results.push({ id: q.id, file: q.file, failures: [`${q.file}: not tested (no self-test worker could run)`], simulations: 0, ms: 0 });
  return results;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const bank = loadBankSync();
  const inScope = (file: string) =>
    (args.topics.size === 0 && args.files.size === 0) || args.topics.has(file.split("/")[0]) || args.files.has(file);
  let failed = false;

  const schemaErrors = bank.errors.filter((e) => inScope(e.file));
  for (const e of schemaErrors) console.error(`SCHEMA ${e.file}${e.path ? ` ${e.path}` : ""}: ${e.message}`);
  if (schemaErrors.length) failed = true;

  const questions = bank.questions.filter((q) => inScope(q.file));
  const staticProblems = questions.flatMap((q) => checkStatic(q.content).map((p) => `${q.file} ${p}`));
  for (const p of staticProblems) console.error(`SCHEMA ${p}`);
  if (staticProblems.length) failed = true;

  const opts: TSelfTestOptions = { seeds: Array.from({ length: args.seeds }, (_, i) => i + 1), budgetMs: args.budgetMs };
  const results = (await runPool(questions, opts, args.jobs)).sort((a, b) => a.file.localeCompare(b.file));
  let simulations = 0;
  for (const r of results) {
    simulations += r.simulations;
    if (r.failures.length) {
      failed = true;
      for (const f of r.failures) console.error(`FAIL ${f}`);
    } else if (args.verbose) console.log(`ok   ${r.file} (${Math.round(r.ms)} ms)`);
  }
  const slow = results
    .filter((r) => r.simulations > 0 && r.ms / r.simulations > SLOW_MS)
    .sort((a, b) => b.ms / b.simulations - a.ms / a.simulations);
  if (slow.length) {
    // Informational (wall-clock time depends on the machine's load): learners' answers are graded within 2 s.
    console.log(`\nslow simulator tasks (average wall-clock ms per grading, over ${SLOW_MS} ms):`);
    for (const r of slow.slice(0, 10)) console.log(`  ${r.file}: ${Math.round(r.ms / r.simulations)} ms`);
  }
  const failing = results.filter((r) => r.failures.length).length;
  console.log(
    `\nself-tests: ${results.length - failing}/${results.length} question(s) pass (${simulations} simulation(s), ${Math.round((performance.now() - started) / 100) / 10} s)` +
      (schemaErrors.length ? `; ${schemaErrors.length} schema error(s)` : ""),
  );

  const coverage = coverageReport(bank.questions.map((q) => q.content), bank.syllabus, { listObjectives: args.coverage || args.verbose });
  console.log(`\n${coverage.text}`);
  if (args.coverage && coverage.problems.length) {
    failed = true;
    console.error(`\ncoverage below the thresholds:\n${coverage.problems.map((p) => `  - ${p}`).join("\n")}`);
  } else if (!args.coverage && coverage.problems.length) console.log(`\n(--no-coverage: ${coverage.problems.length} coverage threshold(s) not checked)`);

  console.log(failed ? "\nquestions:check FAILED" : "\nquestions:check passed");
  process.exit(failed ? 1 : 0);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});

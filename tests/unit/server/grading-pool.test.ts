// The worker pool keeps grading safe: a job that hangs past its budget is stopped and its worker
// replaced, a crashed worker is replaced, and neither disturbs the jobs running beside it.
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBundle, isBundleFresh, type TBundleOptions } from "@/lib/server/grading/bundle";
import { WorkerPool } from "@/lib/server/grading/pool";
import type { TTestJob } from "./fixtures/test-worker";

const root = process.cwd();
let dir: string;
let bundle: TBundleOptions;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "kubedrill-pool-"));
  bundle = { entry: path.join(root, "tests/unit/server/fixtures/test-worker.ts"), outFile: path.join(dir, "test-worker.mjs"), root };
  file = await ensureBundle(bundle);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type TResult = { value: number; threadId: number };

function makePool(size: number, jobTimeoutMs = 5_000) {
  return new WorkerPool<TTestJob, TResult>({ workerFile: file, size, jobTimeoutMs });
}

describe("WorkerPool", () => {
  it("runs concurrent jobs on up to size workers and returns each job's own result", async () => {
    const pool = makePool(2);
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, (_, i) => pool.run({ kind: "echo", value: i, delayMs: 20 })),
      );
      expect(outcomes.map((o) => (o.ok ? o.value.value : -1))).toEqual([0, 2, 4, 6, 8, 10]);
      const threads = new Set(outcomes.map((o) => (o.ok ? o.value.threadId : -1)));
      expect(threads.size).toBe(2);
      expect(pool.stats()).toMatchObject({ workers: 2, busy: 0, queued: 0, completed: 6, replaced: 0 });
    } finally {
      await pool.close();
    }
  });

  it("stops a hanging job at its budget, replaces the worker, and leaves the other job alone", async () => {
    const pool = makePool(2, 400);
    try {
      const started = Date.now();
      const [hung, fine] = await Promise.all([
        pool.run({ kind: "hang" }),
        pool.run({ kind: "echo", value: 21, delayMs: 100 }),
      ]);
      expect(hung).toMatchObject({ ok: false, code: "timeout" });
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(fine).toMatchObject({ ok: true, value: { value: 42 } });
      expect(pool.stats().replaced).toBe(1);
      // The pool still has its full capacity afterwards.
      const after = await Promise.all([pool.run({ kind: "echo", value: 1 }), pool.run({ kind: "echo", value: 2 })]);
      expect(after.every((o) => o.ok)).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it("honours a per-call budget shorter than the pool's", async () => {
    const pool = makePool(1, 60_000);
    try {
      expect(await pool.run({ kind: "hang" }, { timeoutMs: 200 })).toMatchObject({ ok: false, code: "timeout" });
      expect(await pool.run({ kind: "echo", value: 5 })).toMatchObject({ ok: true, value: { value: 10 } });
    } finally {
      await pool.close();
    }
  });

  it("reports a crashed worker as internal, replaces it, and runs queued jobs on the replacement", async () => {
    const pool = makePool(1);
    try {
      const first = await pool.run({ kind: "echo", value: 1 });
      const [crashed, queued] = await Promise.all([pool.run({ kind: "crash" }), pool.run({ kind: "echo", value: 4 })]);
      expect(crashed).toMatchObject({ ok: false, code: "internal" });
      expect(crashed.ok ? "" : crashed.message).toMatch(/exit code 3/);
      expect(queued).toMatchObject({ ok: true, value: { value: 8 } });
      expect(queued.ok && first.ok && queued.value.threadId).not.toBe(first.ok && first.value.threadId);
      expect(pool.stats().replaced).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it("returns a job's exception as internal without losing the worker", async () => {
    const pool = makePool(1);
    try {
      const first = await pool.run({ kind: "echo", value: 1 });
      const failed = await pool.run({ kind: "throw", message: "boom in the grader" });
      expect(failed).toMatchObject({ ok: false, code: "internal" });
      expect(failed.ok ? "" : failed.message).toContain("boom in the grader");
      const again = await pool.run({ kind: "echo", value: 1 });
      expect(again.ok && first.ok && again.value.threadId).toBe(first.ok && first.value.threadId);
      expect(pool.stats().replaced).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it("warms up one worker ahead of the first job", async () => {
    const pool = makePool(2);
    try {
      await pool.warm();
      expect(pool.stats()).toMatchObject({ workers: 1, busy: 0 });
      await pool.warm();
      expect(pool.stats().workers).toBe(1);
      expect(await pool.run({ kind: "echo", value: 3 })).toMatchObject({ ok: true, value: { value: 6 } });
      expect(pool.stats().workers).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it("fails queued jobs when closed and refuses new ones", async () => {
    const pool = makePool(1);
    const running = pool.run({ kind: "echo", value: 1, delayMs: 500 });
    const queued = pool.run({ kind: "echo", value: 2 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pool.close();
    expect(await running).toMatchObject({ ok: false, code: "internal" });
    expect(await queued).toMatchObject({ ok: false, code: "internal" });
    expect(await pool.run({ kind: "echo", value: 3 })).toMatchObject({ ok: false, code: "internal" });
  });

  it("reports a worker file that cannot be prepared on every queued job, then retries on the next", async () => {
    let calls = 0;
    const pool = new WorkerPool<TTestJob, TResult>({
      workerFile: async () => {
        calls++;
        if (calls === 1) throw new Error("esbuild failed");
        return file;
      },
      size: 1,
      jobTimeoutMs: 5_000,
    });
    try {
      const failed = await pool.run({ kind: "echo", value: 1 });
      expect(failed).toMatchObject({ ok: false, code: "internal" });
      expect(failed.ok ? "" : failed.message).toContain("esbuild failed");
      expect(await pool.run({ kind: "echo", value: 1 })).toMatchObject({ ok: true });
    } finally {
      await pool.close();
    }
  });
});

describe("ensureBundle", () => {
  it("rebuilds when a source the bundle was built from is newer, and not otherwise", async () => {
    const src = mkdtempSync(path.join(tmpdir(), "kubedrill-bundle-src-"));
    try {
      const dep = path.join(src, "dep.ts");
      const entry = path.join(src, "entry.ts");
      writeFileSync(dep, "export const answer: number = 41;\n");
      writeFileSync(entry, 'import { answer } from "./dep";\nconsole.log(answer + 1);\n');
      const options = { entry, outFile: path.join(src, "out", "bundle.mjs"), root: src };
      expect(isBundleFresh(options)).toBe(false);
      await ensureBundle(options);
      expect(isBundleFresh(options)).toBe(true);
      const builtAt = statSync(options.outFile).mtimeMs;
      // Two callers at once share one build.
      const [a, b] = await Promise.all([ensureBundle(options), ensureBundle(options)]);
      expect(a).toBe(b);
      expect(statSync(options.outFile).mtimeMs).toBe(builtAt);
      // The dependency changed after the build: make the bundle older than it.
      const earlier = new Date(statSync(dep).mtimeMs - 10_000);
      utimesSync(options.outFile, earlier, earlier);
      expect(isBundleFresh(options)).toBe(false);
      await ensureBundle(options);
      expect(isBundleFresh(options)).toBe(true);
    } finally {
      rmSync(src, { recursive: true, force: true });
    }
  });
});

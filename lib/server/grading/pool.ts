// A fixed-size pool of worker threads with a wall-clock budget per job. Grading runs learner input
// through the simulator: a job that loops past its budget must not take the server down with it, so
// its worker is terminated and replaced and the job reports a timeout; a worker that crashes is
// replaced and its job reports an internal error. Jobs on other workers never notice either.
//
// No "server-only" here (like lib/db/client.ts): scripts such as questions:regrade use the pool too.
// lib/server/grading/index.ts is the app's entry point (configuration from lib/env.ts, one pool per
// process).
import { Worker, type ResourceLimits } from "node:worker_threads";
import type { TJobMessage, TReplyMessage, TWorkerMessage } from "./worker-protocol";

/** How long a new worker may take to load its bundle before its first job counts as hung. */
const BOOT_ALLOWANCE_MS = 30_000;

export type TPoolFailureCode = "timeout" | "internal";
export type TPoolOutcome<R> = { ok: true; value: R } | { ok: false; code: TPoolFailureCode; message: string };

export type TWorkerPoolOptions = {
  /** The worker's ES module file, or a function that makes it (e.g. bundles it) on first use. */
  workerFile: string | (() => Promise<string>);
  size: number;
  /** Wall-clock milliseconds a job may run on its worker before the worker is terminated. */
  jobTimeoutMs: number;
  /** V8 heap limits per worker: a runaway allocation kills that worker, not the process. */
  resourceLimits?: ResourceLimits;
};

export type TPoolStats = { size: number; workers: number; busy: number; queued: number; replaced: number; completed: number };

type TPending<J, R> = {
  id: number;
  job: J;
  timeoutMs: number;
  settle: (outcome: TPoolOutcome<R>) => void;
};

type TSlot<J, R> = {
  worker: Worker;
  current: TPending<J, R> | undefined;
  timer: NodeJS.Timeout | undefined;
  /** Set once the pool has given up on this worker; its later events are ignored. */
  retired: boolean;
  /** The worker has loaded its modules; a job's budget starts then, not at spawn. */
  ready: boolean;
};

export class WorkerPool<J, R> {
  private readonly slots = new Set<TSlot<J, R>>();
  private readonly queue: TPending<J, R>[] = [];
  private nextId = 1;
  private replaced = 0;
  private completed = 0;
  private closed = false;
  private file: Promise<string> | undefined;

  constructor(private readonly options: TWorkerPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new Error(`pool size must be a positive integer, got ${options.size}`);
  }

  /** Runs one job; never rejects: a hang or crash comes back as { ok: false, code }. */
  run(job: J, options: { timeoutMs?: number } = {}): Promise<TPoolOutcome<R>> {
    if (this.closed) return Promise.resolve({ ok: false, code: "internal", message: "the grading pool is closed" });
    return new Promise((resolve) => {
      const pending: TPending<J, R> = {
        id: this.nextId++,
        job,
        timeoutMs: options.timeoutMs ?? this.options.jobTimeoutMs,
        settle: resolve,
      };
      this.queue.push(pending);
      void this.pump();
    });
  }

  /**
   * Prepares the worker file and starts one worker ahead of the first job, so the first learner to
   * submit does not wait for the bundle to build and load. Never rejects.
   */
  async warm(): Promise<void> {
    if (this.closed || this.slots.size > 0) return;
    try {
      const file = await this.workerFile();
      if (!this.closed && this.slots.size === 0) this.spawn(file);
    } catch {
      // The first job reports the problem with its own error.
    }
  }

  stats(): TPoolStats {
    let busy = 0;
    for (const slot of this.slots) if (slot.current) busy++;
    return { size: this.options.size, workers: this.slots.size, busy, queued: this.queue.length, replaced: this.replaced, completed: this.completed };
  }

  /** Terminates every worker; queued and running jobs report an internal error. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.settle({ ok: false, code: "internal", message: "the grading pool was closed" });
    const terminating: Promise<number>[] = [];
    for (const slot of [...this.slots]) {
      this.fail(slot, "internal", "the grading pool was closed");
      terminating.push(slot.worker.terminate());
    }
    this.slots.clear();
    await Promise.allSettled(terminating);
  }

  private workerFile(): Promise<string> {
    if (!this.file) {
      const source = this.options.workerFile;
      this.file = typeof source === "string" ? Promise.resolve(source) : source();
      // A failed build is retried by the next job instead of failing every job forever.
      this.file.catch(() => {
        this.file = undefined;
      });
    }
    return this.file;
  }

  private async pump(): Promise<void> {
    while (this.queue.length > 0 && !this.closed) {
      let slot = [...this.slots].find((s) => !s.current && !s.retired);
      if (!slot) {
        if (this.slots.size >= this.options.size) return;
        let file: string;
        try {
          file = await this.workerFile();
        } catch (error) {
          const message = `could not prepare the grading worker: ${error instanceof Error ? error.message : String(error)}`;
          for (const pending of this.queue.splice(0)) pending.settle({ ok: false, code: "internal", message });
          return;
        }
        // Another pump may have filled the pool or drained the queue while the file was prepared.
        if (this.closed || this.queue.length === 0) return;
        slot = [...this.slots].find((s) => !s.current && !s.retired);
        if (!slot) {
          if (this.slots.size >= this.options.size) return;
          slot = this.spawn(file);
        }
      }
      const pending = this.queue.shift()!;
      this.dispatch(slot, pending);
    }
  }

  private spawn(file: string): TSlot<J, R> {
    const worker = new Worker(file, { resourceLimits: this.options.resourceLimits });
    const slot: TSlot<J, R> = { worker, current: undefined, timer: undefined, retired: false, ready: false };
    worker.on("message", (message: TWorkerMessage<R>) => {
      if ("ready" in message) {
        slot.ready = true;
        if (slot.current) this.startBudget(slot, slot.current, 0);
      } else this.onReply(slot, message);
    });
    worker.on("error", (error) => {
      if (slot.retired) return;
      this.retire(slot, "internal", `the grading worker crashed: ${error.message}`);
    });
    worker.on("exit", (code) => {
      if (slot.retired) return;
      this.retire(slot, "internal", `the grading worker exited unexpectedly (exit code ${code})`);
    });
    worker.unref();
    this.slots.add(slot);
    return slot;
  }

  private dispatch(slot: TSlot<J, R>, pending: TPending<J, R>): void {
    slot.current = pending;
    // A busy worker keeps the process alive until its job settles; an idle one does not.
    slot.worker.ref();
    // A worker still starting gets extra time to load; its job's own budget starts once it is ready.
    this.startBudget(slot, pending, slot.ready ? 0 : BOOT_ALLOWANCE_MS);
    const message: TJobMessage<J> = { id: pending.id, job: pending.job };
    try {
      slot.worker.postMessage(message);
    } catch (error) {
      // e.g. a job that cannot be cloned: the worker is fine, the job is not.
      this.finish(slot);
      pending.settle({ ok: false, code: "internal", message: `could not send the job: ${(error as Error).message}` });
      void this.pump();
    }
  }

  private startBudget(slot: TSlot<J, R>, pending: TPending<J, R>, extraMs: number): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      this.retire(slot, "timeout", `the job ran longer than ${pending.timeoutMs} ms and was stopped`);
    }, pending.timeoutMs + extraMs);
  }

  private onReply(slot: TSlot<J, R>, reply: TReplyMessage<R>): void {
    const pending = slot.current;
    if (slot.retired || !pending || pending.id !== reply.id) return;
    this.finish(slot);
    this.completed++;
    pending.settle(reply.ok ? { ok: true, value: reply.value } : { ok: false, code: "internal", message: reply.message });
    void this.pump();
  }

  private finish(slot: TSlot<J, R>): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.current = undefined;
    slot.worker.unref();
  }

  private fail(slot: TSlot<J, R>, code: TPoolFailureCode, message: string): void {
    slot.retired = true;
    const pending = slot.current;
    this.finish(slot);
    pending?.settle({ ok: false, code, message });
  }

  /** Gives up on a hung or crashed worker: its job fails, a fresh worker takes its place on demand. */
  private retire(slot: TSlot<J, R>, code: TPoolFailureCode, message: string): void {
    if (slot.retired) return;
    this.fail(slot, code, message);
    this.slots.delete(slot);
    this.replaced++;
    void slot.worker.terminate();
    void this.pump();
  }
}

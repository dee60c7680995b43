// The messages between the grading pool and its worker threads. A worker answers every job it
// receives, even one that throws; only a crash or a hang leaves a job unanswered, and the pool
// handles those by replacing the worker.
import { parentPort } from "node:worker_threads";

export type TJobMessage<J> = { id: number; job: J };
export type TReplyMessage<R> = { id: number; ok: true; value: R } | { id: number; ok: false; message: string };
/** Sent once the worker's modules are loaded: start-up time does not count against a job's budget. */
export type TReadyMessage = { ready: true };
export type TWorkerMessage<R> = TReplyMessage<R> | TReadyMessage;

/** Runs in the worker: answers each job with handle(job)'s value, or its error message. */
export function serveJobs<J, R>(handle: (job: J) => R | Promise<R>): void {
  const port = parentPort;
  if (!port) throw new Error("serveJobs must run in a worker thread");
  port.on("message", async (message: TJobMessage<J>) => {
    let reply: TReplyMessage<R>;
    try {
      reply = { id: message.id, ok: true, value: await handle(message.job) };
    } catch (error) {
      reply = { id: message.id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies TReadyMessage);
}

// Timing of the scheduling queue, after pkg/scheduler/backend/queue/scheduling_queue.go: a pod that
// failed waits out a back-off of 1 s doubling per attempt up to 10 s (podInitialBackoffDuration,
// podMaxBackoffDuration) before a cluster event may retry it, and without any event it is flushed
// back by flushUnschedulablePodsLeftover, which runs every 30 s and moves pods that have sat in the
// unschedulable set for more than podMaxInUnschedulablePodsDuration (5 min).
export const INITIAL_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 10_000;
export const FLUSH_INTERVAL_MS = 30_000;
export const MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000;

/** calculateBackoffDuration: 1 attempt → 1 s, 2 → 2 s, 3 → 4 s, 4 → 8 s, then 10 s. */
export function backoffDuration(attempts: number): number {
  let d = INITIAL_BACKOFF_MS;
  for (let i = 1; i < attempts; i++) {
    d *= 2;
    if (d > MAX_BACKOFF_MS) return MAX_BACKOFF_MS;
  }
  return d;
}

/** The first flush tick (every 30 s from scheduler start) strictly more than 5 min after `since`. */
export function nextFlushAt(startMs: number, since: number): number {
  const threshold = since + MAX_IN_UNSCHEDULABLE_MS;
  const k = Math.floor((threshold - startMs) / FLUSH_INTERVAL_MS) + 1;
  return startMs + k * FLUSH_INTERVAL_MS;
}

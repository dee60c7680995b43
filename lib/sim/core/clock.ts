// Virtual clock and ordered timer queue. Nothing in the simulator sleeps: a handler that needs to act
// later schedules a timer, and `advance()` pops timers ordered by (dueAt, seq) — seq is the insertion
// counter, so two timers due at the same instant always fire in the order they were scheduled.
// Timers are plain data ({ type, payload }) dispatched to handlers registered by type.

export type Timer = { id: number; dueAt: number; seq: number; type: string; payload: unknown };

export class Clock {
  private nowMs: number;
  private seq = 0;
  private heap: Timer[] = [];
  private cancelled = new Set<number>();
  private live = new Map<number, Timer>();

  constructor(startMs: number) {
    this.nowMs = startMs;
  }

  now(): number {
    return this.nowMs;
  }

  /** Moves time forward (never backward). */
  setNow(ms: number): void {
    if (ms > this.nowMs) this.nowMs = ms;
  }

  schedule(delayMs: number, type: string, payload: unknown = null): number {
    const id = ++this.seq;
    const timer: Timer = { id, dueAt: this.nowMs + Math.max(0, delayMs), seq: id, type, payload };
    this.live.set(id, timer);
    this.push(timer);
    return id;
  }

  cancel(id: number | undefined | null): void {
    if (id == null || !this.live.has(id)) return;
    this.live.delete(id);
    this.cancelled.add(id);
  }

  isPending(id: number | undefined | null): boolean {
    return id != null && this.live.has(id);
  }

  pending(): number {
    return this.live.size;
  }

  /** The earliest live timer's due time, or undefined when the queue is empty. */
  peekDue(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.dueAt;
  }

  /** Pops the earliest live timer if it is due at or before `limit`. */
  popDue(limit: number): Timer | undefined {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top || top.dueAt > limit) return undefined;
    this.pop();
    this.live.delete(top.id);
    return top;
  }

  /** Live timers in firing order (for snapshots and debugging). */
  timers(): Timer[] {
    return [...this.live.values()].sort(compare);
  }

  private dropCancelled(): void {
    while (this.heap.length && this.cancelled.has(this.heap[0].id)) {
      this.cancelled.delete(this.heap[0].id);
      this.pop();
    }
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (compare(h[i], h[p]) >= 0) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (!h.length) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && compare(h[l], h[m]) < 0) m = l;
      if (r < h.length && compare(h[r], h[m]) < 0) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}

function compare(a: Timer, b: Timer): number {
  return a.dueAt - b.dueAt || a.seq - b.seq;
}

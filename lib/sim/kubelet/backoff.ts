// Mirrors k8s.io/client-go/util/flowcontrol/backoff.go (Backoff without jitter), as the kubelet uses it
// for container restarts (crashloop: 10 s doubling to 300 s) and image pulls (10 s doubling to 300 s).
// An entry expires once 2 × max (10 minutes) passed since its last update, which is why a container that
// ran for more than 10 minutes restarts with a 10 s back-off again.

type Entry = { backoffMs: number; lastUpdate: number };

export class Backoff {
  private entries = new Map<string, Entry>();

  constructor(
    readonly initialMs: number,
    readonly maxMs: number,
    private readonly now: () => number,
  ) {}

  /** Current back-off duration for `id` (0 when unknown). */
  get(id: string): number {
    return this.entries.get(id)?.backoffMs ?? 0;
  }

  /** Next: starts at initial, doubles up to max; an expired entry starts over. */
  next(id: string, eventTime: number): void {
    const e = this.entries.get(id);
    if (!e || this.hasExpired(eventTime, e.lastUpdate)) {
      this.entries.set(id, { backoffMs: this.initialMs, lastUpdate: eventTime });
      return;
    }
    e.backoffMs = Math.min(e.backoffMs * 2, this.maxMs);
    e.lastUpdate = eventTime;
  }

  /** IsInBackOffSince: still inside the back-off window that started at `eventTime`. */
  isInBackOffSince(id: string, eventTime: number): boolean {
    const e = this.entries.get(id);
    if (!e) return false;
    const now = this.now();
    if (this.hasExpired(now, e.lastUpdate)) return false;
    return now - eventTime < e.backoffMs;
  }

  /** IsInBackOffSinceUpdate: inside the window that started at the last update. */
  isInBackOffSinceUpdate(id: string, now = this.now()): boolean {
    const e = this.entries.get(id);
    if (!e) return false;
    if (this.hasExpired(now, e.lastUpdate)) return false;
    return now - e.lastUpdate < e.backoffMs;
  }

  /** When the window that started at the last update ends. */
  windowEnd(id: string): number | undefined {
    const e = this.entries.get(id);
    return e ? e.lastUpdate + e.backoffMs : undefined;
  }

  reset(id: string): void {
    this.entries.delete(id);
  }

  private hasExpired(eventTime: number, lastUpdate: number): boolean {
    return eventTime - lastUpdate > this.maxMs * 2;
  }
}

// The simulation engine: one virtual clock, one seeded RNG, one store behind one apiserver, and the
// actors that react to it — controllers (level-triggered work queues fed by the change feed) and timer
// handlers (kubelet work, probes, back-off, grace periods, cron). `advance()` runs everything due in
// virtual time order; after each timer the controllers drain to quiescence at that same instant, as a
// real cluster's controllers react within milliseconds.
import { Clock } from "./clock";
import { Rng, type RngState } from "./rng";
import { Store, type Change } from "./store";
import { ApiServer } from "./apiserver";
import type { Machinery } from "./machinery";
import { EventIndex, recordEvent, type EventInput } from "./events";
import type { KubeObject } from "./types";
import { parseTime } from "./time";

export type Limits = {
  /** Controller reconciles + timer firings per advance() call before the run is stopped. */
  maxStepsPerAdvance: number;
  /** Objects in the store. */
  maxObjects: number;
  /** Total virtual time one cluster may simulate, in seconds. */
  maxVirtualSeconds: number;
};

export const DEFAULT_LIMITS: Limits = { maxStepsPerAdvance: 200_000, maxObjects: 5_000, maxVirtualSeconds: 7 * 24 * 3600 };

export class SimLimitError extends Error {
  constructor(
    readonly limit: keyof Limits,
    message: string,
  ) {
    super(message);
    this.name = "SimLimitError";
  }
}

/** A controller reconciles one key (usually `namespace/name`) from the store's current state. */
export type Controller = {
  name: string;
  /** For each change of a watched resource, the keys to enqueue. */
  watches: { resource: string; keys(change: Change, engine: Engine): string[] }[];
  reconcile(key: string, engine: Engine): void;
};

export type TimerHandler = (payload: unknown, engine: Engine) => void;

export class Engine {
  readonly clock: Clock;
  readonly rng: Rng;
  readonly store: Store;
  readonly api: ApiServer;
  readonly limits: Limits;
  /** Where the virtual-time budget starts counting (after bootstrap). */
  origin: number;
  /** Per-module state (kubelet runtime, network) that is not an API object. */
  readonly modules = new Map<string, unknown>();

  private controllers: Controller[] = [];
  private queues = new Map<string, Set<string>>();
  /** Watches by resource, in controller registration order (dispatch runs on every write). */
  private watchers = new Map<string, { queue: Set<string>; keys: Controller["watches"][number]["keys"] }[]>();
  private timerHandlers = new Map<string, TimerHandler>();
  private steps = 0;
  private draining = false;
  private readonly eventIndex = new EventIndex();

  constructor(opts: { seed: number | string | RngState; startMs: number; machinery: Machinery; limits?: Partial<Limits> }) {
    this.clock = new Clock(opts.startMs);
    this.origin = opts.startMs;
    this.rng = new Rng(opts.seed);
    this.store = new Store();
    this.api = new ApiServer(this.store, opts.machinery, this.clock, this.rng);
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.store.onChange((c) => {
      this.eventIndex.observe(c);
      this.dispatch(c);
    });
    this.onTimer("engine.requeue", (p) => {
      const { controller, key } = p as { controller: string; key: string };
      this.enqueue(controller, key);
    });
    this.onTimer("engine.event-expiry", (p) => {
      const { namespace, name, at } = p as { namespace: string; name: string; at: number };
      const ev = this.store.get("events", namespace, name);
      // Only the latest scheduled expiry removes the event (each update pushes it back).
      if (ev && expiryOf(ev) <= at) this.store.remove("events", namespace, name);
    });
  }

  now(): number {
    return this.clock.now();
  }

  registerController(c: Controller): void {
    this.controllers.push(c);
    const queue = new Set<string>();
    this.queues.set(c.name, queue);
    for (const w of c.watches) {
      let list = this.watchers.get(w.resource);
      if (!list) this.watchers.set(w.resource, (list = []));
      list.push({ queue, keys: w.keys });
    }
  }

  onTimer(type: string, handler: TimerHandler): void {
    this.timerHandlers.set(type, handler);
  }

  schedule(delayMs: number, type: string, payload: unknown = null): number {
    return this.clock.schedule(delayMs, type, payload);
  }

  cancel(id: number | undefined | null): void {
    this.clock.cancel(id);
  }

  enqueue(controller: string, key: string): void {
    this.queues.get(controller)?.add(key);
  }

  enqueueAfter(controller: string, key: string, delayMs: number): number {
    return this.schedule(delayMs, "engine.requeue", { controller, key });
  }

  recordEvent(input: EventInput): KubeObject {
    return recordEvent(
      {
        now: () => this.now(),
        get: (ns, name) => this.store.get("events", ns, name),
        candidates: (ns, key) => this.eventIndex.candidates(ns, key),
        write: (ev) => this.store.put("events", ev),
        uid: () => this.rng.uuid(),
        scheduleExpiry: (namespace, name, at) => {
          this.schedule(at - this.now(), "engine.event-expiry", { namespace, name, at });
        },
      },
      input,
    );
  }

  /** Runs controllers until their queues are empty (at the current instant). */
  drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      let progressed = true;
      while (progressed) {
        progressed = false;
        for (const c of this.controllers) {
          const q = this.queues.get(c.name)!;
          const next = q.values().next();
          if (next.done) continue;
          q.delete(next.value);
          this.step();
          c.reconcile(next.value, this);
          progressed = true;
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** Advances virtual time by `ms`, firing every timer due on the way. */
  advance(ms: number): void {
    this.steps = 0;
    const target = this.clock.now() + Math.max(0, ms);
    if (target - this.origin > this.limits.maxVirtualSeconds * 1000) {
      throw new SimLimitError("maxVirtualSeconds", `the simulation may cover at most ${this.limits.maxVirtualSeconds} seconds of virtual time`);
    }
    this.drain();
    for (;;) {
      const timer = this.clock.popDue(target);
      if (!timer) break;
      this.clock.setNow(timer.dueAt);
      this.step();
      const handler = this.timerHandlers.get(timer.type);
      if (handler) handler(timer.payload, this);
      this.drain();
    }
    this.clock.setNow(target);
    this.drain();
  }

  /** Applies writes made outside advance() (a learner's apply) and lets controllers react at once. */
  settle(): void {
    this.steps = 0;
    this.drain();
  }

  /** Runs system work (cluster bootstrap) outside the learner's step budget. */
  unbudgeted(fn: () => void): void {
    const saved = this.limits.maxStepsPerAdvance;
    this.limits.maxStepsPerAdvance = Number.MAX_SAFE_INTEGER;
    try {
      fn();
    } finally {
      this.limits.maxStepsPerAdvance = saved;
      this.steps = 0;
    }
  }

  private step(): void {
    if (++this.steps > this.limits.maxStepsPerAdvance) {
      throw new SimLimitError("maxStepsPerAdvance", `the simulation exceeded its budget of ${this.limits.maxStepsPerAdvance} steps`);
    }
    if (this.store.size() > this.limits.maxObjects) {
      throw new SimLimitError("maxObjects", `the cluster exceeded its limit of ${this.limits.maxObjects} objects`);
    }
  }

  private dispatch(change: Change): void {
    const list = this.watchers.get(change.resource);
    if (!list) return;
    for (const w of list) for (const key of w.keys(change, this)) w.queue.add(key);
  }
}

function expiryOf(ev: KubeObject): number {
  const e = ev as { lastTimestamp?: string | null; eventTime?: string | null; series?: { lastObservedTime?: string } };
  const t = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime;
  return t ? parseTimeSafe(t) + 60 * 60 * 1000 : 0;
}

function parseTimeSafe(t: string): number {
  const v = parseTime(t);
  return Number.isNaN(v) ? 0 : v;
}

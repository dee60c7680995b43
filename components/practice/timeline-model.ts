// Turns the grader's pod timeline (one entry per observed change of phase, readiness or restart
// count, at virtual epoch milliseconds) into lanes of segments for the result view's chart and its
// table fallback. Times become seconds relative to the moment the answer was applied.
import type { TimelineEntry } from "@/lib/sim";

export type TimelineSegment = {
  from: number;
  to: number;
  phase: string;
  ready: boolean;
  restarts: number;
  /** Container waiting/terminated reason such as CrashLoopBackOff or Completed, when there is one. */
  reason?: string;
};

export type PodLane = {
  pod: string;
  namespace: string;
  segments: TimelineSegment[];
  /** Seconds at which the restart count went up. */
  restartsAt: number[];
  deletedAt?: number;
};

export type TimelineModel = { start: number; end: number; lanes: PodLane[] };

export function buildTimeline(entries: readonly TimelineEntry[], answerAt: number, endSeconds: number): TimelineModel {
  const byPod = new Map<string, TimelineEntry[]>();
  for (const entry of entries) {
    const key = `${entry.namespace}/${entry.pod}`;
    byPod.set(key, [...(byPod.get(key) ?? []), entry]);
  }
  let start = 0;
  let end = Math.max(0, endSeconds);
  for (const entry of entries) {
    const t = (entry.at - answerAt) / 1000;
    start = Math.min(start, t);
    end = Math.max(end, t);
  }
  const lanes: PodLane[] = [];
  // Sorted by namespace/name so the chart does not depend on the order entries arrived in.
  for (const key of [...byPod.keys()].sort()) {
    const list = [...byPod.get(key)!].sort((a, b) => a.at - b.at);
    const lane: PodLane = { pod: list[0].pod, namespace: list[0].namespace, segments: [], restartsAt: [] };
    let previousRestarts = list[0].restarts;
    list.forEach((entry, index) => {
      const from = (entry.at - answerAt) / 1000;
      if (entry.restarts > previousRestarts) lane.restartsAt.push(from);
      previousRestarts = entry.restarts;
      if (entry.deleted) {
        lane.deletedAt = from;
        return;
      }
      const next = list[index + 1];
      const to = next ? (next.at - answerAt) / 1000 : end;
      const segment: TimelineSegment = { from, to, phase: entry.phase, ready: entry.ready, restarts: entry.restarts };
      if (entry.reason) segment.reason = entry.reason;
      const last = lane.segments[lane.segments.length - 1];
      // Consecutive entries in the same state (e.g. only the restart count changed) stay separate
      // segments so the table lists each change; zero-length segments are dropped.
      if (to > from || !last) lane.segments.push(segment);
    });
    lanes.push(lane);
  }
  return { start, end, lanes };
}

/** The status word kubectl would show for a segment (reason first, as in the STATUS column). */
export function segmentLabel(segment: TimelineSegment): string {
  return segment.reason ?? segment.phase;
}

/** Colour class of a segment: ready, running-not-ready, waiting/failed, or finished. */
export function segmentTone(segment: TimelineSegment): "ready" | "running" | "waiting" | "failed" | "done" {
  if (segment.phase === "Succeeded") return "done";
  if (segment.phase === "Failed") return "failed";
  if (segment.reason && /BackOff|Error|Err|OOMKilled|Invalid/.test(segment.reason)) return "failed";
  if (segment.ready) return "ready";
  if (segment.phase === "Running") return "running";
  return "waiting";
}

/** Round tick spacing for an axis of `span` seconds: about 6 ticks at 1/2/5×10ⁿ steps. */
export function tickStep(span: number): number {
  const raw = Math.max(span, 1) / 6;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 5, 10]) if (raw <= factor * magnitude) return factor * magnitude;
  return 10 * magnitude;
}

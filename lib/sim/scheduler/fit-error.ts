// Mirrors pkg/scheduler/framework/types.go (FitError.Error): "0/N nodes are available: " + the
// PreFilter message, or else a histogram of per-node reasons formatted "<count> <reason>" and sorted
// as strings (so "1 node(s) had untolerated taint …" precedes "2 Insufficient memory"), each part
// ending with a period, then the PostFilter (preemption) message as it is — itself a FitError text, so
// it brings its own period (v1.32; releases before 1.27 printed "pod.." with a doubled period).
import type { Status } from "./types";

export function reasonHistogram(statuses: Map<string, Status>): string[] {
  const counts = new Map<string, number>();
  for (const s of statuses.values()) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  // Go's sort.Strings: byte-wise order of the formatted strings.
  return [...counts].map(([reason, n]) => `${n} ${reason}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function fitErrorMessage(numAllNodes: number, statuses: Map<string, Status>, preFilterMsg: string, postFilterMsg: string): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (preFilterMsg) msg += ` ${preFilterMsg}.`;
  else {
    const hist = reasonHistogram(statuses);
    if (hist.length) msg += ` ${hist.join(", ")}.`;
  }
  if (postFilterMsg) msg += ` ${postFilterMsg}`;
  return msg;
}

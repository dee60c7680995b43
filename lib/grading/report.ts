// The explanation that comes with a simulator grade: events (as `kubectl get events` prints them and
// as rows), the pod timeline, `kubectl get` of what the checks looked at and `kubectl describe` of
// each checked object, from the same run the checks saw.
import { parseTime, type Cluster, type KubeObject } from "../sim";
import type { TCheck } from "../questions/schema";
import { runKubectl } from "./checks";
import { fetchTarget, parseTarget } from "./targets";
import type { TEventRow, TSimReport } from "./types";

const MAX_DESCRIBED = 10;

export type TReportInput = {
  cluster: Cluster;
  namespace: string;
  checks: TCheck[];
  seed: number;
  /** Virtual epoch ms at which the answer was applied. */
  answerAt: number;
  answerOutput: { stdout: string; stderr: string };
  applyMessages: string[];
};

export function buildReport(input: TReportInput): TSimReport {
  const { cluster, namespace } = input;
  const ev = runKubectl(cluster, namespace, "kubectl get events");
  const targets = [...new Set(input.checks.flatMap((c) => ("target" in c && c.target ? [c.target] : [])))];
  const get = targets
    .map((t) => {
      const r = runKubectl(cluster, namespace, `kubectl get ${t}`);
      return `$ kubectl get ${t}\n${r.stdout}${r.stderr}`;
    })
    .join("\n");
  const describe: { ref: string; text: string }[] = [];
  const seen = new Set<string>();
  for (const t of targets) {
    const parsed = parseTarget(t);
    if (!parsed.ok) continue;
    const f = fetchTarget(cluster, parsed.target, namespace);
    if (!f.ok) continue;
    for (const o of f.objects) {
      const ns = o.metadata.namespace;
      const ref = `${f.info.singular}${f.info.group ? `.${f.info.group}` : ""}/${o.metadata.name}`;
      const key = `${ns ?? ""}|${ref}`;
      if (seen.has(key) || describe.length >= MAX_DESCRIBED) continue;
      seen.add(key);
      const r = runKubectl(cluster, ns ?? namespace, `kubectl describe ${ref}`);
      describe.push({ ref: ns && ns !== namespace ? `${ref} -n ${ns}` : ref, text: r.stdout + r.stderr });
    }
  }
  return {
    events: ev.stdout + ev.stderr,
    eventsRows: cluster.events({ namespace }).map((e) => eventRow(e, input.answerAt)),
    timeline: cluster.timeline(),
    get,
    describe,
    answerOutput: input.answerOutput,
    applyMessages: input.applyMessages,
    seed: input.seed,
    virtualSeconds: Math.round((cluster.now() - input.answerAt) / 1000),
    answerAt: input.answerAt,
  };
}

function eventRow(e: KubeObject, answerAt: number): TEventRow {
  const io = (e.involvedObject ?? {}) as { kind?: string; name?: string };
  const series = e.series as { count?: number; lastObservedTime?: string } | undefined;
  const first = (e.firstTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp) as string | null | undefined;
  const last = (e.lastTimestamp ?? series?.lastObservedTime ?? e.eventTime ?? first) as string | null | undefined;
  const rel = (t: string | null | undefined) => (t ? Math.round((parseTime(t) - answerAt) / 1000) : 0);
  return {
    type: String(e.type ?? ""),
    reason: String(e.reason ?? ""),
    object: `${(io.kind ?? "").toLowerCase()}/${io.name ?? ""}`,
    message: String(e.message ?? ""),
    count: (e.count as number | undefined) ?? series?.count ?? 1,
    firstSeen: rel(first),
    lastSeen: rel(last),
  };
}

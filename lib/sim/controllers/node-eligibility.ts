// The DaemonSet's predicates (pkg/controller/daemon/util and the scheduler's nodeaffinity /
// tainttoleration plugins as NodeShouldRunDaemonPod runs them): nodeSelector, required node
// affinity, and taints against the template's tolerations plus the ones DaemonSet pods get
// automatically (AddOrUpdateDaemonPodTolerations).
import type { Obj } from "./controller-utils";

/** Tolerations every DaemonSet pod gets (util.AddOrUpdateDaemonPodTolerations). */
export function daemonPodTolerations(spec: Obj): Obj[] {
  const auto: Obj[] = [
    { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" },
  ];
  if (spec.hostNetwork) auto.push({ key: "node.kubernetes.io/network-unavailable", operator: "Exists", effect: "NoSchedule" });
  const out = [...(spec.tolerations ?? [])];
  for (const t of auto) if (!out.some((o: Obj) => o.key === t.key && o.effect === t.effect)) out.push(t);
  return out;
}

export function tolerates(tol: Obj, taint: Obj): boolean {
  if (tol.effect && tol.effect !== taint.effect) return false;
  if ((tol.operator ?? "Equal") === "Exists") return !tol.key || tol.key === taint.key;
  return tol.key === taint.key && (tol.value ?? "") === (taint.value ?? "");
}

function matchRequirement(req: Obj, value: string | undefined): boolean {
  const values: string[] = req.values ?? [];
  switch (req.operator) {
    case "In":
      return value !== undefined && values.includes(value);
    case "NotIn":
      return value === undefined || !values.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    case "Gt":
      return value !== undefined && /^-?\d+$/.test(value) && Number(value) > Number(values[0]);
    case "Lt":
      return value !== undefined && /^-?\d+$/.test(value) && Number(value) < Number(values[0]);
    default:
      return false;
  }
}

/** Required node affinity: any term whose expressions and fields all match. */
export function matchesNodeAffinity(spec: Obj, node: Obj): boolean {
  const labels: Record<string, string> = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries((spec.nodeSelector ?? {}) as Record<string, string>)) if (labels[k] !== v) return false;
  const terms: Obj[] | undefined = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms?.length) return true;
  return terms.some(
    (t) =>
      ((t.matchExpressions ?? []).length || (t.matchFields ?? []).length) &&
      (t.matchExpressions ?? []).every((r: Obj) => matchRequirement(r, labels[r.key])) &&
      (t.matchFields ?? []).every((r: Obj) => matchRequirement(r, r.key === "metadata.name" ? node.metadata.name : undefined)),
  );
}

/** NodeShouldRunDaemonPod: the node fits and no NoSchedule/NoExecute taint is left untolerated. */
export function nodeShouldRunDaemonPod(spec: Obj, node: Obj): boolean {
  if (!matchesNodeAffinity(spec, node)) return false;
  const tolerations = daemonPodTolerations(spec);
  return (node.spec?.taints ?? [])
    .filter((t: Obj) => t.effect === "NoSchedule" || t.effect === "NoExecute")
    .every((t: Obj) => tolerations.some((tol) => tolerates(tol, t)));
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: pin the pod to its node through matchFields. */
export function pinToNode(spec: Obj, nodeName: string): Obj {
  const term = { matchFields: [{ key: "metadata.name", operator: "In", values: [nodeName] }] };
  const affinity = JSON.parse(JSON.stringify(spec.affinity ?? {}));
  affinity.nodeAffinity = { ...(affinity.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] } };
  return affinity;
}

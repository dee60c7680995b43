// Mirrors k8s.io/component-helpers/scheduling/corev1/nodeaffinity (NodeSelector, PreferredSchedulingTerms):
// terms are ORed, a term's expressions and fields are ANDed, and a term with neither matches nothing.
import type { Node, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, Pod } from "kubernetes-types/core/v1";

function matchRequirement(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const has = value !== undefined;
  switch (r.operator) {
    case "In":
      return has && (r.values ?? []).includes(value);
    case "NotIn":
      return !has || !(r.values ?? []).includes(value);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    case "Gt":
    case "Lt": {
      // Both sides must parse as integers (labels.Requirement with selection.GreaterThan).
      if (!has || !/^-?\d+$/.test(value) || (r.values ?? []).length !== 1 || !/^-?\d+$/.test(r.values![0])) return false;
      return r.operator === "Gt" ? Number(value) > Number(r.values![0]) : Number(value) < Number(r.values![0]);
    }
    default:
      return false;
  }
}

export function matchNodeSelectorTerm(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (!exprs.length && !fields.length) return false;
  const labels = node.metadata?.labels ?? {};
  for (const r of exprs) if (!matchRequirement(r, labels[r.key])) return false;
  for (const r of fields) {
    // metadata.name is the only supported node field (validation rejects others).
    if (r.key !== "metadata.name" || !matchRequirement(r, node.metadata?.name)) return false;
  }
  return true;
}

export function matchNodeSelector(sel: NodeSelector, node: Node): boolean {
  return (sel.nodeSelectorTerms ?? []).some((t) => matchNodeSelectorTerm(t, node));
}

/** GetRequiredNodeAffinity(pod).Match(node): spec.nodeSelector AND required node affinity. */
export function matchesRequiredNodeAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return required ? matchNodeSelector(required, node) : true;
}

// Mirrors `kubectl create priorityclass` and `kubectl create poddisruptionbudget` for --dry-run=client output
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_priorityclass.go, create_pdb.go).
import type { KubeObject } from "../format/kube-object";
import { parseSelector } from "../../core/selectors";
import { fail, objectMeta, usageError, type GenerateResult } from "./common";

export type PriorityClassFlags = { value?: number; globalDefault?: boolean; description?: string; preemptionPolicy?: string };

/** `kubectl create priorityclass NAME --value=… [--global-default] [--description=…] [--preemption-policy=…]` */
export function generatePriorityClass(name: string | undefined, flags: PriorityClassFlags): GenerateResult {
  if (!name) return usageError("create priorityclass", "exactly one NAME is required, got 0");
  const pc: KubeObject = { kind: "PriorityClass", apiVersion: "scheduling.k8s.io/v1", metadata: objectMeta({ name }), value: flags.value ?? 0 };
  // globalDefault and description are omitempty; preemptionPolicy is a pointer kubectl always sets.
  if (flags.globalDefault) pc.globalDefault = true;
  if (flags.description) pc.description = flags.description;
  pc.preemptionPolicy = flags.preemptionPolicy ?? "PreemptLowerPriority";
  return { ok: true, object: pc };
}

export type PdbFlags = { selector?: string; minAvailable?: string; maxUnavailable?: string; namespace?: string };

/** intstr.Parse: an integer when the text is one, otherwise the string ("50%"). */
function intOrString(text: string): number | string {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

/** metav1.ParseToLabelSelector: equality requirements become matchLabels, the rest matchExpressions. */
function toLabelSelector(text: string): { ok: true; selector: Record<string, unknown> } | { ok: false; error: string } {
  const parsed = parseSelector(text);
  if (!parsed.ok) return parsed;
  const matchLabels: Record<string, string> = {};
  const matchExpressions: Record<string, unknown>[] = [];
  for (const r of parsed.selector.requirements) {
    if (r.op === "=") matchLabels[r.key] = r.value;
    else if (r.op === "in" || r.op === "notin") matchExpressions.push({ key: r.key, operator: r.op === "in" ? "In" : "NotIn", values: r.values });
    else if (r.op === "exists") matchExpressions.push({ key: r.key, operator: "Exists" });
    else if (r.op === "!") matchExpressions.push({ key: r.key, operator: "DoesNotExist" });
    else return { ok: false, error: `"${r.op}" is not a valid label selector operator` };
  }
  const selector: Record<string, unknown> = {};
  if (Object.keys(matchLabels).length) selector.matchLabels = Object.fromEntries(Object.keys(matchLabels).sort().map((k) => [k, matchLabels[k]]));
  if (matchExpressions.length) selector.matchExpressions = matchExpressions;
  return { ok: true, selector };
}

/** `kubectl create poddisruptionbudget NAME --selector=… (--min-available=N | --max-unavailable=N)` */
export function generatePodDisruptionBudget(name: string | undefined, flags: PdbFlags): GenerateResult {
  if (!name) return usageError("create poddisruptionbudget", "exactly one NAME is required, got 0");
  if (!flags.selector) return fail("a selector must be specified");
  if (!flags.maxUnavailable && !flags.minAvailable) return fail("one of min-available or max-unavailable must be specified");
  if (flags.maxUnavailable && flags.minAvailable) return fail("min-available and max-unavailable cannot be both specified");
  // 10, 20, 30%, 50% — a count or a percentage, not a quantity like 10Gb.
  const valid = /^[0-9]+%?$/;
  if (flags.minAvailable && !valid.test(flags.minAvailable)) return fail("invalid format specified for min-available");
  if (flags.maxUnavailable && !valid.test(flags.maxUnavailable)) return fail("invalid format specified for max-unavailable");
  const selector = toLabelSelector(flags.selector);
  if (!selector.ok) return fail(selector.error);
  const spec: Record<string, unknown> = {};
  if (flags.minAvailable) spec.minAvailable = intOrString(flags.minAvailable);
  spec.selector = selector.selector;
  if (flags.maxUnavailable) spec.maxUnavailable = intOrString(flags.maxUnavailable);
  return {
    ok: true,
    object: {
      kind: "PodDisruptionBudget",
      apiVersion: "policy/v1",
      metadata: objectMeta({ name, namespace: flags.namespace }),
      spec,
      status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
    },
  };
}

// Mirrors k8s.io/apimachinery labels.FormatLabels and metav1.LabelSelectorAsSelector(...).String() /
// metav1.FormatLabelSelector, which printers and describe use for label and selector cells.
import type { LabelSelector } from "kubernetes-types/meta/v1";

/** "a=1,b=2" sorted by key; "<none>" when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return "<none>";
  return keys.map((k) => `${k}=${labels![k]}`).join(",");
}

/** labels.Selector.String(): requirements sorted by key; "" for an empty (or nil) selector. */
export function labelSelectorString(selector: LabelSelector | undefined | null): string {
  if (!selector) return "";
  const requirements: { key: string; text: string }[] = [];
  for (const key of Object.keys(selector.matchLabels ?? {})) {
    requirements.push({ key, text: `${key}=${selector.matchLabels![key]}` });
  }
  for (const expr of selector.matchExpressions ?? []) {
    const values = [...(expr.values ?? [])].sort();
    switch (expr.operator) {
      case "In":
        requirements.push({ key: expr.key, text: `${expr.key} in (${values.join(",")})` });
        break;
      case "NotIn":
        requirements.push({ key: expr.key, text: `${expr.key} notin (${values.join(",")})` });
        break;
      case "Exists":
        requirements.push({ key: expr.key, text: expr.key });
        break;
      case "DoesNotExist":
        requirements.push({ key: expr.key, text: `!${expr.key}` });
        break;
    }
  }
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return requirements.map((r) => r.text).join(",");
}

/** metav1.FormatLabelSelector: the selector string, "<none>" when it selects everything or is nil. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  const s = labelSelectorString(selector);
  return s.length === 0 ? "<none>" : s;
}

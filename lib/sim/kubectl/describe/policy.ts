// Mirrors the RBAC, ResourceQuota and LimitRange describers of staging/src/k8s.io/kubectl/pkg/describe/describe.go
// (Kubernetes v1.32), with rbac.BreakdownRule / CompactRules / SortableRuleSlice from
// k8s.io/component-helpers/auth/rbac/validation and CombineResourceGroup.
import type { LimitRange, ResourceQuota } from "kubernetes-types/core/v1";
import type { PolicyRule, Role, RoleBinding } from "kubernetes-types/rbac/v1";
import { printAnnotationsMultiline, printLabelsMultiline } from "./common";
import { LEVEL_0, LEVEL_1, PrefixWriter } from "./writer";

/** Go's %q of a []string: ["a" "b"]. */
function quoteList(list: string[]): string {
  return `[${list.map((s) => JSON.stringify(s)).join(" ")}]`;
}

/** PolicyRule.String(): the sort key of SortableRuleSlice. */
function ruleString(r: PolicyRule): string {
  const parts: string[] = [];
  if ((r.apiGroups ?? []).length > 0) parts.push(`APIGroups:${quoteList(r.apiGroups!)}`);
  if ((r.resources ?? []).length > 0) parts.push(`Resources:${quoteList(r.resources!)}`);
  if ((r.nonResourceURLs ?? []).length > 0) parts.push(`NonResourceURLs:${quoteList(r.nonResourceURLs!)}`);
  if ((r.resourceNames ?? []).length > 0) parts.push(`ResourceNames:${quoteList(r.resourceNames!)}`);
  if ((r.verbs ?? []).length > 0) parts.push(`Verbs:${quoteList(r.verbs)}`);
  return `PolicyRule{${parts.join(", ")}}`;
}

/** BreakdownRule then CompactRules: one rule per group/resource/name, verbs merged. */
function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const broken: PolicyRule[] = [];
  for (const rule of rules) {
    for (const group of rule.apiGroups ?? []) {
      for (const resource of rule.resources ?? []) {
        if ((rule.resourceNames ?? []).length > 0) {
          for (const name of rule.resourceNames!) broken.push({ apiGroups: [group], resources: [resource], verbs: rule.verbs, resourceNames: [name] });
        } else broken.push({ apiGroups: [group], resources: [resource], verbs: rule.verbs });
      }
    }
    for (const url of rule.nonResourceURLs ?? []) broken.push({ nonResourceURLs: [url], verbs: rule.verbs });
  }
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of broken) {
    if ((rule.nonResourceURLs ?? []).length > 0) {
      compacted.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups?.[0], rule.resources?.[0], rule.resourceNames?.[0] ?? null]);
    const existing = simple.get(key);
    if (existing) {
      for (const verb of rule.verbs) if (!existing.verbs.includes(verb)) existing.verbs.push(verb);
    } else simple.set(key, { ...rule, verbs: [...rule.verbs] });
  }
  compacted.push(...simple.values());
  return compacted
    .map((r, i) => ({ r, i, key: ruleString(r) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
    .map((x) => x.r);
}

/** CombineResourceGroup: "deployments.apps", "pods/log". */
function combineResourceGroup(resources: string[] | undefined, groups: string[] | undefined): string {
  if (!resources || resources.length === 0) return "";
  const [resource, sub] = resources[0].split(/\/(.*)/s);
  let combined = resource;
  if (groups && groups.length > 0 && groups[0] !== "") combined += `.${groups[0]}`;
  if (sub !== undefined) combined += `/${sub}`;
  return combined;
}

/** `kubectl describe role|clusterrole` */
export function describeRole(role: Role): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${role.metadata?.name ?? ""}\n`);
  printLabelsMultiline(w, "Labels", role.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", role.metadata?.annotations);
  w.write(LEVEL_0, "PolicyRule:\n");
  w.write(LEVEL_1, "Resources\tNon-Resource URLs\tResource Names\tVerbs\n");
  w.write(LEVEL_1, "---------\t-----------------\t--------------\t-----\n");
  for (const r of compactRules(role.rules ?? [])) {
    const list = (l: string[] | undefined) => `[${(l ?? []).join(" ")}]`;
    w.write(LEVEL_1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${list(r.nonResourceURLs)}\t${list(r.resourceNames)}\t${list(r.verbs)}\n`);
  }
  return w.toString();
}

/** `kubectl describe rolebinding|clusterrolebinding` */
export function describeRoleBinding(binding: RoleBinding): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${binding.metadata?.name ?? ""}\n`);
  printLabelsMultiline(w, "Labels", binding.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", binding.metadata?.annotations);
  w.write(LEVEL_0, "Role:\n");
  w.write(LEVEL_1, `Kind:\t${binding.roleRef?.kind ?? ""}\n`);
  w.write(LEVEL_1, `Name:\t${binding.roleRef?.name ?? ""}\n`);
  w.write(LEVEL_0, "Subjects:\n");
  w.write(LEVEL_1, "Kind\tName\tNamespace\n");
  w.write(LEVEL_1, "----\t----\t---------\n");
  for (const s of binding.subjects ?? []) w.write(LEVEL_1, `${s.kind}\t${s.name}\t${s.namespace ?? ""}\n`);
  return w.toString();
}

const SCOPE_HELP: Record<string, string> = {
  Terminating: "Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.",
  NotTerminating: "Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.",
  BestEffort: "Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.",
  NotBestEffort: "Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.",
};

/** `kubectl describe quota` */
export function describeResourceQuota(quota: ResourceQuota): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${quota.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${quota.metadata?.namespace ?? ""}\n`);
  const scopes = [...(quota.spec?.scopes ?? [])].sort();
  if (scopes.length > 0) {
    w.write(LEVEL_0, `Scopes:\t${scopes.join(", ")}\n`);
    for (const scope of scopes) if (SCOPE_HELP[scope]) w.write(LEVEL_0, ` * ${SCOPE_HELP[scope]}\n`);
  }
  w.write(LEVEL_0, "Resource\tUsed\tHard\n");
  w.write(LEVEL_0, "--------\t----\t----\n");
  const hard = quota.status?.hard ?? {};
  const used = quota.status?.used ?? {};
  for (const r of Object.keys(hard).sort()) w.write(LEVEL_0, `${r}\t${used[r] !== undefined ? String(used[r]) : "0"}\t${String(hard[r])}\n`);
  return w.toString();
}

/** `kubectl describe limitrange` */
export function describeLimitRange(lr: LimitRange): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${lr.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${lr.metadata?.namespace ?? ""}\n`);
  w.write(LEVEL_0, "Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n");
  w.write(LEVEL_0, "----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n");
  for (const item of lr.spec?.limits ?? []) {
    const keys = new Set([
      ...Object.keys(item.max ?? {}),
      ...Object.keys(item.min ?? {}),
      ...Object.keys(item.default ?? {}),
      ...Object.keys(item.defaultRequest ?? {}),
      ...Object.keys(item.maxLimitRequestRatio ?? {}),
    ]);
    const v = (m: Record<string, unknown> | undefined, k: string) => (m && m[k] !== undefined ? String(m[k]) : "-");
    for (const k of [...keys].sort()) {
      w.write(LEVEL_0, `${item.type}\t${k}\t${v(item.min, k)}\t${v(item.max, k)}\t${v(item.defaultRequest, k)}\t${v(item.default, k)}\t${v(item.maxLimitRequestRatio, k)}\n`);
    }
  }
  return w.toString();
}

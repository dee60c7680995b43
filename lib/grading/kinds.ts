// Which kinds a reference answer writes, to tell a learner's manifest of the wrong kind ("a Service
// where a Pod is expected") from a wrong one. Read statically: the kinds of its manifests and
// here-documents, kubectl generators (run → Pod, create deployment → Deployment, expose → Service)
// and the TYPE of verbs that edit objects (set image deployment/web → Deployment).
import yaml from "js-yaml";
import { scriptLines } from "../sim";
import type { TSimAnswer } from "../questions/schema";

const GENERATORS: Record<string, string> = {
  deployment: "Deployment",
  deploy: "Deployment",
  job: "Job",
  cronjob: "CronJob",
  cj: "CronJob",
  configmap: "ConfigMap",
  cm: "ConfigMap",
  secret: "Secret",
  service: "Service",
  svc: "Service",
  namespace: "Namespace",
  ns: "Namespace",
  ingress: "Ingress",
  ing: "Ingress",
  serviceaccount: "ServiceAccount",
  sa: "ServiceAccount",
  quota: "ResourceQuota",
  resourcequota: "ResourceQuota",
  role: "Role",
  rolebinding: "RoleBinding",
  clusterrole: "ClusterRole",
  clusterrolebinding: "ClusterRoleBinding",
  poddisruptionbudget: "PodDisruptionBudget",
  pdb: "PodDisruptionBudget",
  priorityclass: "PriorityClass",
  pc: "PriorityClass",
};

const FLAGS_WITH_VALUE = new Set(["-n", "--namespace", "-l", "--selector", "-c", "--container", "-o", "--output", "-f", "--filename", "--context"]);

const EDIT_VERBS = new Set(["set", "scale", "label", "annotate", "patch", "edit", "rollout", "replace", "autoscale", "taint"]);

/** Kinds of the objects in a YAML text (List items included); a text that does not parse has none. */
export function manifestKinds(text: string): string[] {
  try {
    const out: string[] = [];
    for (const doc of yaml.loadAll(text)) collectKinds(doc, out);
    return out;
  } catch {
    return [];
  }
}

function collectKinds(doc: unknown, out: string[]): void {
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) return;
  const d = doc as { kind?: unknown; items?: unknown };
  if (d.kind === "List" && Array.isArray(d.items)) for (const i of d.items) collectKinds(i, out);
  else if (typeof d.kind === "string") out.push(d.kind);
}

/** Kinds an answer writes; `resolveKind` maps a kubectl resource name ("deploy", "svc") to its kind. */
export function answerKinds(answer: TSimAnswer, resolveKind: (typed: string) => string | undefined): Set<string> {
  const kinds = new Set<string>();
  if (answer.manifest) for (const k of manifestKinds(answer.manifest)) kinds.add(k);
  if (!answer.commands) return kinds;
  const parsed = scriptLines(answer.commands);
  if (!parsed.ok) return kinds;
  for (const line of parsed.lines) {
    if (line.heredoc) for (const k of manifestKinds(line.heredoc)) kinds.add(k);
    for (const stage of line.text.split("|")) {
      const words = stage.trim().split(/\s+/);
      if (words[0] !== "kubectl" && words[0] !== "k") continue;
      const args: string[] = [];
      for (let i = 1; i < words.length; i++) {
        if (FLAGS_WITH_VALUE.has(words[i])) i++;
        else if (!words[i].startsWith("-")) args.push(words[i]);
      }
      const [verb, a, b] = args;
      if (verb === "run") kinds.add("Pod");
      else if (verb === "expose") kinds.add("Service");
      else if (verb === "autoscale") kinds.add("HorizontalPodAutoscaler");
      else if (verb === "create" && a && GENERATORS[a]) kinds.add(GENERATORS[a]);
      if (EDIT_VERBS.has(verb)) {
        // `set image deployment/web`, `rollout restart deploy web`, `scale deploy/web`, `label pod web`
        const typed = (verb === "set" || verb === "rollout" ? b : a) ?? "";
        const kind = resolveKind(typed.split("/")[0]);
        if (kind) kinds.add(kind);
      }
    }
  }
  return kinds;
}

// Tab completion for the web terminal, done in the browser: kubectl verbs and subcommands, resource
// types (with kubectl's short names), common flags, and object names remembered from earlier output
// (`kubectl get pods` rows, `kubectl run web`, `pod/web created`). Names are only a convenience:
// the server decides what exists.

export const VERBS = [
  "annotate", "api-resources", "apply", "attach", "autoscale", "cluster-info", "config", "cp", "create", "delete",
  "describe", "diff", "edit", "events", "exec", "explain", "expose", "get", "label", "logs", "patch", "port-forward",
  "replace", "rollout", "run", "scale", "set", "top", "version", "wait",
] as const;

const SUBCOMMANDS: Record<string, string[]> = {
  create: ["configmap", "cronjob", "deployment", "ingress", "job", "namespace", "role", "rolebinding", "secret", "service", "serviceaccount"],
  rollout: ["history", "pause", "restart", "resume", "status", "undo"],
  set: ["env", "image", "resources", "selector", "serviceaccount"],
  config: ["current-context", "get-contexts", "set-context", "use-context", "view"],
  top: ["node", "pod"],
};

/** Plural → every name kubectl accepts for it (plural, singular, short names). */
const RESOURCE_NAMES: Record<string, string[]> = {
  pods: ["pods", "pod", "po"],
  deployments: ["deployments", "deployment", "deploy"],
  replicasets: ["replicasets", "replicaset", "rs"],
  statefulsets: ["statefulsets", "statefulset", "sts"],
  daemonsets: ["daemonsets", "daemonset", "ds"],
  jobs: ["jobs", "job"],
  cronjobs: ["cronjobs", "cronjob", "cj"],
  services: ["services", "service", "svc"],
  endpoints: ["endpoints", "ep"],
  ingresses: ["ingresses", "ingress", "ing"],
  configmaps: ["configmaps", "configmap", "cm"],
  secrets: ["secrets", "secret"],
  namespaces: ["namespaces", "namespace", "ns"],
  nodes: ["nodes", "node", "no"],
  events: ["events", "event", "ev"],
  persistentvolumeclaims: ["persistentvolumeclaims", "persistentvolumeclaim", "pvc"],
  persistentvolumes: ["persistentvolumes", "persistentvolume", "pv"],
  serviceaccounts: ["serviceaccounts", "serviceaccount", "sa"],
  horizontalpodautoscalers: ["horizontalpodautoscalers", "horizontalpodautoscaler", "hpa"],
  networkpolicies: ["networkpolicies", "networkpolicy", "netpol"],
  resourcequotas: ["resourcequotas", "resourcequota", "quota"],
  limitranges: ["limitranges", "limitrange", "limits"],
  all: ["all"],
};

const TYPE_WORDS = Object.values(RESOURCE_NAMES).flat();

const FLAGS = [
  "--all-namespaces", "--container=", "--dry-run=client", "--env=", "--filename=", "--force", "--grace-period=",
  "--image=", "--labels=", "--namespace=", "--output=", "--port=", "--previous", "--replicas=", "--restart=",
  "--selector=", "--show-labels", "--tail=", "--target-port=", "--timeout=", "--to-revision=", "--type=", "--watch",
  "-A", "-c", "-f", "-l", "-n", "-o", "-w",
];

/** Verbs whose first argument is a pod name rather than a resource type. */
const POD_VERBS = new Set(["logs", "exec", "attach", "port-forward", "cp"]);
const TYPE_VERBS = new Set(["get", "describe", "delete", "edit", "label", "annotate", "explain", "scale", "expose", "patch", "wait", "autoscale", "events"]);

export type KnownNames = Readonly<Record<string, readonly string[]>>;

export function canonicalType(word: string): string | null {
  const lower = word.toLowerCase().split(".")[0];
  for (const [plural, names] of Object.entries(RESOURCE_NAMES)) if (names.includes(lower)) return plural;
  return null;
}

function addName(known: Record<string, string[]>, type: string | null, name: string): void {
  if (!type || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) return;
  const list = known[type] ?? [];
  if (!list.includes(name)) known[type] = [...list, name].sort();
}

/**
 * Learns object names from a command and its output: the NAME column of `kubectl get` tables
 * (with or without a NAMESPACE column, "pod/web" style rows included), the name of `kubectl run`,
 * and "<type>/<name> created|configured|…" lines from apply/create/expose.
 */
export function learnNames(known: KnownNames, command: string, stdout: string): KnownNames {
  const next: Record<string, string[]> = Object.fromEntries(Object.entries(known).map(([k, v]) => [k, [...v]]));
  const words = command.trim().split(/\s+/);
  if (words[0] !== "kubectl") return known;
  const args = words.slice(1).filter((w) => !w.startsWith("-"));
  if (args[0] === "run" && args[1]) addName(next, "pods", args[1]);
  if (args[0] === "get" && args[1]) {
    const lines = stdout.split("\n").filter((l) => l.trim() !== "");
    const header = lines[0]?.split(/\s{2,}/) ?? [];
    const nameColumn = header.indexOf("NAME");
    const listType = args[1].includes(",") ? null : canonicalType(args[1]);
    if (nameColumn !== -1) {
      for (const row of lines.slice(1)) {
        if (row.startsWith("NAME") || row.startsWith("NAMESPACE")) continue;
        const cell = row.trim().split(/\s+/)[nameColumn];
        if (!cell) continue;
        const slash = cell.indexOf("/");
        if (slash > 0) addName(next, canonicalType(cell.slice(0, slash)), cell.slice(slash + 1));
        else addName(next, listType, cell);
      }
    }
  }
  for (const match of stdout.matchAll(/^([a-z]+)(?:\.[a-z0-9.]+)?\/([a-z0-9][-a-z0-9.]*) (created|configured|unchanged|exposed|scaled|labeled|annotated)/gm)) {
    addName(next, canonicalType(match[1]), match[2]);
  }
  return next;
}

export type Completion = { from: number; candidates: string[] };

function filter(words: readonly string[], prefix: string): string[] {
  return [...new Set(words.filter((w) => w.startsWith(prefix)))].sort();
}

/** Candidates for the word ending at the end of `line` (the text left of the cursor). */
export function completeLine(line: string, known: KnownNames): Completion {
  const current = /\S*$/.exec(line)?.[0] ?? "";
  const from = line.length - current.length;
  const before = line.slice(0, from).trim();
  const words = before === "" ? [] : before.split(/\s+/);
  if (words.length === 0) return { from, candidates: filter(["kubectl", "clear", "sleep", "echo"], current) };
  if (words[0] !== "kubectl") return { from, candidates: [] };
  if (current.startsWith("-")) return { from, candidates: filter(FLAGS, current) };
  const previous = words[words.length - 1];
  if (["-n", "--namespace"].includes(previous)) return { from, candidates: filter(known.namespaces ?? [], current) };
  if (["-o", "--output"].includes(previous)) return { from, candidates: filter(["json", "name", "wide", "yaml", "jsonpath="], current) };
  // Positional arguments, skipping flags and the values of flags written as "-n value".
  const args: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    if (word.startsWith("-")) {
      if (/^-[nolcf]$|^--(namespace|output|selector|container|filename)$/.test(word)) i++;
      continue;
    }
    args.push(word);
  }
  if (args.length === 0) return { from, candidates: filter(VERBS, current) };
  const verb = args[0];
  const sub = SUBCOMMANDS[verb];
  if (sub && args.length === 1) return { from, candidates: filter(sub, current) };
  // "type/name" form: complete names after the slash.
  const slash = current.indexOf("/");
  if (slash > 0) {
    const type = canonicalType(current.slice(0, slash));
    const names = type ? known[type] ?? [] : [];
    return { from, candidates: filter(names.map((n) => `${current.slice(0, slash)}/${n}`), current) };
  }
  if (POD_VERBS.has(verb) && args.length === 1) return { from, candidates: filter(known.pods ?? [], current) };
  if (verb === "rollout" && args.length === 2) {
    return { from, candidates: filter(["deployment/", "statefulset/", "daemonset/", "deployment", "statefulset", "daemonset"], current) };
  }
  const typeIndex = verb === "rollout" || verb === "set" ? 2 : 1;
  if ((TYPE_VERBS.has(verb) || verb === "rollout" || verb === "set") && args.length === typeIndex) {
    return { from, candidates: filter(TYPE_WORDS, current) };
  }
  if (args.length > typeIndex) {
    const type = canonicalType(args[typeIndex]);
    if (type) return { from, candidates: filter(known[type] ?? [], current) };
  }
  return { from, candidates: [] };
}

/** The longest prefix shared by every candidate ("deployments", "deployment" → "deployment"). */
export function commonPrefix(candidates: readonly string[]): string {
  if (candidates.length === 0) return "";
  let prefix = candidates[0];
  for (const c of candidates.slice(1)) {
    while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

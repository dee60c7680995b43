// Runs the real kubectl v1.32 client offline, as the reference our printers and generators are compared with.
// `kubectl run` and `kubectl create -f` need API discovery; a fake kubeconfig pointing at an unreachable
// server plus a pre-filled discovery cache (--cache-dir) lets them work without a cluster.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const KUBECTL = "/usr/bin/kubectl";
export const hasKubectl = existsSync(KUBECTL);

// Short names as a v1.32 API server reports them, so that `--resource=deploy` resolves like on a cluster.
const SHORT_NAMES: Record<string, string[]> = {
  pods: ["po"], services: ["svc"], configmaps: ["cm"], serviceaccounts: ["sa"], endpoints: ["ep"], events: ["ev"],
  namespaces: ["ns"], nodes: ["no"], persistentvolumeclaims: ["pvc"], persistentvolumes: ["pv"], replicationcontrollers: ["rc"],
  resourcequotas: ["quota"], limitranges: ["limits"], deployments: ["deploy"], replicasets: ["rs"], statefulsets: ["sts"],
  daemonsets: ["ds"], cronjobs: ["cj"], ingresses: ["ing"], networkpolicies: ["netpol"], horizontalpodautoscalers: ["hpa"],
};

const GROUPS: { group: string; version: string; resources: [string, string, boolean][] }[] = [
  {
    group: "",
    version: "v1",
    resources: [
      ["pods", "Pod", true], ["services", "Service", true], ["configmaps", "ConfigMap", true], ["secrets", "Secret", true],
      ["namespaces", "Namespace", false], ["serviceaccounts", "ServiceAccount", true], ["endpoints", "Endpoints", true],
      ["nodes", "Node", false], ["events", "Event", true], ["persistentvolumeclaims", "PersistentVolumeClaim", true],
      ["persistentvolumes", "PersistentVolume", false], ["replicationcontrollers", "ReplicationController", true],
      ["resourcequotas", "ResourceQuota", true], ["limitranges", "LimitRange", true],
    ],
  },
  {
    group: "apps",
    version: "v1",
    resources: [["deployments", "Deployment", true], ["replicasets", "ReplicaSet", true], ["statefulsets", "StatefulSet", true], ["daemonsets", "DaemonSet", true]],
  },
  { group: "batch", version: "v1", resources: [["jobs", "Job", true], ["cronjobs", "CronJob", true]] },
  { group: "networking.k8s.io", version: "v1", resources: [["ingresses", "Ingress", true], ["networkpolicies", "NetworkPolicy", true]] },
  {
    group: "rbac.authorization.k8s.io",
    version: "v1",
    resources: [["roles", "Role", true], ["rolebindings", "RoleBinding", true], ["clusterroles", "ClusterRole", false], ["clusterrolebindings", "ClusterRoleBinding", false]],
  },
  { group: "autoscaling", version: "v2", resources: [["horizontalpodautoscalers", "HorizontalPodAutoscaler", true]] },
];

let home: string | undefined;

function setup(): string {
  if (home) return home;
  home = mkdtempSync(path.join(tmpdir(), "kubectl-oracle-"));
  writeFileSync(
    path.join(home, "config"),
    [
      "apiVersion: v1",
      "kind: Config",
      "clusters:",
      "- cluster:",
      "    server: http://127.0.0.1:1",
      "  name: dummy",
      "contexts:",
      "- context:",
      "    cluster: dummy",
      "    namespace: default",
      "    user: dummy",
      "  name: dummy",
      "current-context: dummy",
      "users:",
      "- name: dummy",
      "  user: {}",
      "",
    ].join("\n"),
  );
  const disc = path.join(home, "cache", "discovery", "127.0.0.1_1");
  mkdirSync(disc, { recursive: true });
  const groups = GROUPS.map((g) => {
    const gv = g.group ? `${g.group}/${g.version}` : g.version;
    return { name: g.group, versions: [{ groupVersion: gv, version: g.version }], preferredVersion: { groupVersion: gv, version: g.version } };
  });
  writeFileSync(path.join(disc, "servergroups.json"), JSON.stringify({ kind: "APIGroupList", apiVersion: "v1", groups }));
  for (const g of GROUPS) {
    const gv = g.group ? `${g.group}/${g.version}` : g.version;
    const dir = path.join(disc, ...gv.split("/"));
    mkdirSync(dir, { recursive: true });
    const resources = g.resources.map(([name, kind, namespaced]) => ({
      name,
      singularName: kind.toLowerCase(),
      namespaced,
      kind,
      verbs: ["create", "delete", "get", "list", "patch", "update"],
      shortNames: SHORT_NAMES[name] ?? [],
    }));
    // Scale subresources, which `kubectl autoscale` looks for in discovery.
    const scalable = ["deployments", "replicasets", "statefulsets", "replicationcontrollers"];
    const scales = g.resources
      .filter(([name]) => scalable.includes(name))
      .map(([name, , namespaced]) => ({ name: `${name}/scale`, singularName: "", namespaced, group: "autoscaling", version: "v1", kind: "Scale", verbs: ["get", "patch", "update"] }));
    writeFileSync(
      path.join(dir, "serverresources.json"),
      JSON.stringify({ kind: "APIResourceList", apiVersion: "v1", groupVersion: gv, resources: [...resources, ...scales] }),
    );
  }
  return home;
}

export type KubectlRun = { status: number; stdout: string; stderr: string };

/** The caller's environment with kubectl pointed at the fake cluster (and no real kubeconfig). */
function kubectlEnv(dir: string): NodeJS.ProcessEnv {
  return { ...process.env, HOME: dir, KUBECONFIG: path.join(dir, "config") };
}

/** Runs kubectl with the fake kubeconfig; `cwd` lets --from-file paths resolve. */
export function runKubectl(args: string[], options: { input?: string; cwd?: string } = {}): KubectlRun {
  const dir = setup();
  try {
    const stdout = execFileSync(KUBECTL, [`--cache-dir=${path.join(dir, "cache")}`, ...args], {
      env: kubectlEnv(dir),
      input: options.input,
      cwd: options.cwd,
      encoding: "utf8",
      stdio: ["pipe", "pipe", "pipe"],
    });
    return { status: 0, stdout, stderr: "" };
  } catch (err) {
    const e = err as { status?: number; stdout?: string; stderr?: string };
    return { status: e.status ?? 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** runKubectl without blocking, so that vitest can run comparison cases concurrently. */
export function runKubectlAsync(args: string[], options: { cwd?: string } = {}): Promise<KubectlRun> {
  const dir = setup();
  return new Promise((resolve) => {
    execFile(
      KUBECTL,
      [`--cache-dir=${path.join(dir, "cache")}`, ...args],
      { env: kubectlEnv(dir), cwd: options.cwd, encoding: "utf8" },
      (err, stdout, stderr) => {
        const status = err ? (typeof err.code === "number" ? err.code : 1) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

/** Prints objects through `kubectl create -f - --dry-run=client`: the reference for -o yaml/json/jsonpath. */
export function kubectlPrint(objects: unknown[], output: string): KubectlRun {
  const input = objects.map((o) => JSON.stringify(o)).join("\n");
  return runKubectl(["create", "-f", "-", "--dry-run=client", "--validate=false", "-o", output], { input });
}

/** A scratch directory for --from-file / --from-env-file inputs. */
export function scratchDir(): string {
  return mkdtempSync(path.join(tmpdir(), "kubectl-files-"));
}

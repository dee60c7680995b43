// Mirrors `kubectl run` (staging/src/k8s.io/kubectl/pkg/cmd/run/run.go) and its BasicPod generator
// (pkg/generate/versioned/run.go) for --dry-run=client output. --requests/--limits no longer exist in v1.32.
import type { KubeObject } from "../format/kube-object";
import { atoi, compact, envVarNameErrors, fail, objectMeta, parseLabels, requiredFlag, usageError, type GenerateResult } from "./common";

export type RunFlags = {
  image?: string;
  /** --port: kept as text; kubectl converts it with strconv.Atoi. */
  port?: string;
  labels?: string;
  annotations?: string[];
  env?: string[];
  restart?: string;
  imagePullPolicy?: string;
  /** --command: the arguments after NAME become the container command instead of its args. */
  command?: boolean;
  /** Arguments after NAME (with or without "--"). */
  args?: string[];
  privileged?: boolean;
  stdin?: boolean;
  tty?: boolean;
  attach?: boolean;
  /** --dry-run=client|server: kubectl refuses to combine it with -i/-t/--attach. */
  dryRun?: boolean;
  /** Set only when -n/--namespace was given explicitly (kubectl's EnforceNamespace). */
  namespace?: string;
};

const RESTART_POLICIES = ["Always", "OnFailure", "Never"];
const PULL_POLICIES = ["Always", "IfNotPresent", "Never"];

function parseEnvs(envs: string[]): { ok: true; env: { name: string; value: string }[] } | { ok: false; cause: string } {
  const out: { name: string; value: string }[] = [];
  for (const env of envs) {
    const pos = env.indexOf("=");
    if (pos === -1) return { ok: false, cause: `invalid env: ${env}` };
    const name = env.slice(0, pos);
    if (name.length === 0 || envVarNameErrors(name).length > 0) return { ok: false, cause: `invalid env: ${env}` };
    out.push({ name, value: env.slice(pos + 1) });
  }
  return { ok: true, env: out };
}

/** `kubectl run NAME --image=… [flags] [-- args]` with --dry-run=client. */
export function generateRun(name: string | undefined, flags: RunFlags): GenerateResult {
  if (!flags.image) return requiredFlag("image");
  if (!name) return usageError("run", "NAME is required for run");
  if (flags.dryRun && (flags.attach || flags.stdin || flags.tty)) {
    return usageError("run", "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  }
  const restart = flags.restart ?? "Always";
  if (!RESTART_POLICIES.includes(restart)) return usageError("run", `invalid restart policy: ${restart}`);
  if (flags.imagePullPolicy && !PULL_POLICIES.includes(flags.imagePullPolicy)) {
    return usageError("run", `invalid image pull policy: ${flags.imagePullPolicy}`);
  }

  let labels: Record<string, string> = { run: name };
  if (flags.labels) {
    const parsed = parseLabels(flags.labels);
    if (!parsed.ok) return fail(parsed.cause);
    labels = parsed.labels;
  }
  const annotations: Record<string, string> = {};
  for (const a of flags.annotations ?? []) {
    const idx = a.indexOf("=");
    if (idx <= 0) return fail(`invalid annotation spec: ${a}`);
    annotations[a.slice(0, idx)] = a.slice(idx + 1);
  }
  const envs = parseEnvs(flags.env ?? []);
  if (!envs.ok) return fail(envs.cause);

  let ports: { containerPort: number }[] | undefined;
  if (flags.port) {
    const port = atoi(flags.port);
    if (!port.ok) return fail(port.cause);
    ports = [{ containerPort: port.value }];
  }

  const args = flags.args ?? [];
  const container = compact({
    name,
    image: flags.image,
    command: args.length > 0 && flags.command ? args : undefined,
    args: args.length > 0 && !flags.command ? args : undefined,
    ports,
    env: envs.env.length > 0 ? envs.env : undefined,
    resources: {},
    imagePullPolicy: flags.imagePullPolicy || undefined,
    securityContext: flags.privileged ? { privileged: true } : undefined,
    stdin: flags.stdin ? true : undefined,
    stdinOnce: flags.stdin ? true : undefined,
    tty: flags.tty ? true : undefined,
  });
  const pod: KubeObject = {
    kind: "Pod",
    apiVersion: "v1",
    metadata: objectMeta({ name, namespace: flags.namespace, labels, annotations }),
    spec: compact({
      containers: [container],
      restartPolicy: restart,
      dnsPolicy: "ClusterFirst",
    }),
    status: {},
  };
  return { ok: true, object: pod };
}

// What one running container consumes, derived from its process model: the command line the kubelet
// started (the image's ENTRYPOINT/CMD or the pod's command/args), the memory the simulated program reports
// (stress --vm, redis, databases, node), and its CPU limit. Memory is the cgroup working set metrics-server
// reads from the kubelet's Summary API; CPU is the rate over the last scrape window, in nanocores.
//
// Why a model instead of counting interpreter steps: the runtime parks CPU-bound threads in fixed slices,
// so steps say nothing about cores; what a learner expects from `kubectl top` is the shape real clusters
// show (an idle nginx ≈ 0–1m and a few Mi, `stress --cpu 2` ≈ 2 cores until its limit throttles it).

export type ContainerUsage = { cpuNanoCores: number; memoryBytes: number };

export type UsageInput = {
  /** argv of PID 1 as the kubelet started it. */
  argv: string[];
  /** Memory the program reported through setMemoryUsage (0 = nothing reported). */
  reportedMemoryBytes: number;
  /** resources.limits.cpu in millicores, when set. */
  cpuLimitMilli?: number;
};

const KI = 1024;
const MI = 1024 * 1024;
const MILLI = 1_000_000; // nanocores per millicore

type Profile = { cpuNanoCores: number; memoryBytes: number };

// Idle working sets of the programs the catalog's images run, measured the way metrics-server reports them
// (container_memory_working_set_bytes of a freshly started container; close to what kind/kubeadm clusters show).
const PROFILES: [RegExp, Profile][] = [
  [/^nginx$/, { cpuNanoCores: 120_000, memoryBytes: 3 * MI + 380 * KI }],
  [/^httpd$/, { cpuNanoCores: 210_000, memoryBytes: 6 * MI + 720 * KI }],
  [/^redis-server$/, { cpuNanoCores: 1_350_000, memoryBytes: 3 * MI + 100 * KI }],
  [/^(postgres|mysqld|mongod|mariadbd)$/, { cpuNanoCores: 2_100_000, memoryBytes: 24 * MI }],
  [/^(node|python3?|perl)$/, { cpuNanoCores: 400_000, memoryBytes: 9 * MI + 200 * KI }],
  [/^(agnhost|goproxy|pause)$/, { cpuNanoCores: 90_000, memoryBytes: 2 * MI + 560 * KI }],
  [/^(sleep|sh|ash|bash|dash|tail|cat)$/, { cpuNanoCores: 0, memoryBytes: 360 * KI }],
];
const DEFAULT_PROFILE: Profile = { cpuNanoCores: 50_000, memoryBytes: MI + 128 * KI };

const SHELLS = new Set(["sh", "ash", "bash", "dash"]);

function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The script a `sh -c SCRIPT` container runs, or the command line itself. */
export function commandText(argv: string[]): string {
  const first = basename(argv[0] ?? "");
  if (SHELLS.has(first)) {
    const c = argv.indexOf("-c");
    if (c >= 0 && argv[c + 1] !== undefined) return argv[c + 1];
  }
  return argv.join(" ");
}

/** The long-running program: the last command word of the script that is a known server or tool. */
function mainProgram(argv: string[]): string {
  const words = commandText(argv)
    .split(/[\s;&|()]+/)
    .map(basename)
    .filter(Boolean);
  for (const [pattern] of PROFILES.slice(0, -1)) {
    const hit = words.find((w) => pattern.test(w));
    if (hit) return hit;
  }
  // /docker-entrypoint.sh nginx -g 'daemon off;' → nginx; sleep 3600 → sleep
  return words.find((w) => PROFILES.some(([p]) => p.test(w))) ?? basename(argv[0] ?? "");
}

function profileOf(program: string): Profile {
  return PROFILES.find(([p]) => p.test(program))?.[1] ?? DEFAULT_PROFILE;
}

function flagNumber(words: string[], names: string[]): number {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    for (const n of names) {
      if (w === n) return Number(words[i + 1]) || 0;
      if (w.startsWith(`${n}=`)) return Number(w.slice(n.length + 1)) || 0;
    }
  }
  return 0;
}

/**
 * Cores a CPU-bound workload keeps busy: stress --cpu N (and --vm N workers spinning on malloc unless
 * --vm-hang), vish/stress -cpus N, a shell loop that never sleeps, `yes`. stress only counts while it runs:
 * it reports its memory (never 0 while alive) and clears it when --timeout ends it.
 */
function busyCores(input: UsageInput): number {
  const text = commandText(input.argv);
  const words = text.split(/\s+/).filter(Boolean);
  const stressAt = words.findIndex((w) => basename(w) === "stress");
  if (stressAt >= 0) {
    if (input.reportedMemoryBytes <= 0) return 0;
    const args = words.slice(stressAt + 1);
    const vish = flagNumber(args, ["-cpus", "--cpus"]);
    if (vish) return vish;
    const hang = args.includes("--vm-hang");
    return flagNumber(args, ["--cpu", "-c"]) + (hang ? 0 : flagNumber(args, ["--vm", "-m"]));
  }
  if (basename(input.argv[0] ?? "") === "yes" || /^\s*yes(\s|$)/.test(text)) return 1;
  // while true; do :; done — a loop body without sleep, wait or a blocking read spins one core.
  const loop = /\b(?:while|until)\s+(?:true|:|\[\s*1\s*\])\s*;?\s*do\b([\s\S]*?)\bdone\b/.exec(text);
  if (loop && !/\b(sleep|wait|read|nc|tail|curl|wget)\b/.test(loop[1])) return 1;
  return 0;
}

/** Usage of one running container at a scrape. */
export function containerUsage(input: UsageInput): ContainerUsage {
  const profile = profileOf(mainProgram(input.argv));
  const cores = busyCores(input);
  let cpu = cores > 0 ? cores * 1000 * MILLI : profile.cpuNanoCores;
  // CFS quota: a container cannot use more than its limit over a window.
  if (input.cpuLimitMilli !== undefined && input.cpuLimitMilli > 0) cpu = Math.min(cpu, input.cpuLimitMilli * MILLI);
  const memory = input.reportedMemoryBytes > 0 ? input.reportedMemoryBytes : profile.memoryBytes;
  return { cpuNanoCores: cpu, memoryBytes: memory };
}

/** System daemons outside pods (kubelet, containerd, systemd; on the control plane etcd and the API server). */
export function nodeBaseline(controlPlane: boolean): ContainerUsage {
  return controlPlane ? { cpuNanoCores: 168 * MILLI, memoryBytes: 1388 * MI } : { cpuNanoCores: 37 * MILLI, memoryBytes: 604 * MI };
}

// Public contract between the container runtime and the kubelet / cluster core.
import type { FsLayer, Vfs } from "./vfs";

export type Effect =
  | { kind: "sleep"; ms: number } // resume me after ms of virtual time
  | { kind: "wait" } // block until a signal (or a wake-up); daemons, `sleep infinity`, `tail -f`
  | { kind: "exit"; code: number }; // ended (128+N for signal N)

export type HttpRequest = {
  method: string;
  host: string;
  port: number;
  path: string;
  headers: Record<string, string>;
  /** Optional: the caller's IP as the server sees it (nginx access logs); set by the cluster network. */
  clientIP?: string;
  body?: string;
};
export type HttpResponse = { status: number; headers: Record<string, string>; body: string };
export type ServerHandler = { http?(req: HttpRequest): HttpResponse; tcp?(): { banner?: string } };
export type NetResult<T> = { kind: "ok"; value: T } | { kind: "refused" } | { kind: "timeout"; afterMs: number } | { kind: "no-route" };

export type NetworkAccess = {
  resolve(name: string): { kind: "ok"; ip: string; fqdn: string } | { kind: "nxdomain" };
  http(req: HttpRequest): NetResult<HttpResponse>;
  tcp(host: string, port: number): NetResult<{ banner?: string }>;
  /** Optional PTR lookup, used by busybox 1.28 nslookup's "Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local". */
  reverse?(ip: string): string | undefined;
  /** Optional full A query (nslookup): every address, and the CNAME of an ExternalName Service. */
  query?(name: string): { kind: "ok"; fqdn: string; cname?: string; ips: string[] } | { kind: "nxdomain" };
};

export type ProcessInfo = { pid: number; user: string; command: string; startedAt: number };

export type ProcessContext = {
  env: Record<string, string>;
  cwd: string;
  hostname: string;
  fs: Vfs;
  now(): number;
  stdout(text: string): void;
  stderr(text: string): void;
  net: NetworkAccess;
  listen(port: number, handler: ServerHandler): { ok: true } | { ok: false; error: string };
  unlisten(port: number): void;
  setMemoryUsage(bytes: number): void;
  setCpuUsage(millicores: number): void;
  random(): number;
  pid: number;
  processes(): ProcessInfo[];
  kill(pid: number, signal: number): boolean;
  /** Optional: the pod's IP, shown by `hostname -i` and used as nginx's server address. */
  podIP?: string;
  /** Optional: securityContext runAsUser/runAsGroup and supplementary groups (fsGroup, supplementalGroups). */
  user?: { uid: number; gid: number; groups?: number[] };
};

export type Signal = "TERM" | "KILL" | "INT" | "QUIT" | "HUP";
export const SIGNAL_NUMBERS: Record<Signal, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, TERM: 15 };

export type Process = {
  start(): Effect;
  resume(): Effect;
  signal(sig: Signal): Effect | null;
};

export type ImageConfig = {
  entrypoint: string[] | null;
  cmd: string[] | null;
  env: string[]; // "KEY=value", as docker inspect shows Config.Env
  workingDir: string; // "" means "/"
  user: string;
  exposedPorts: string[]; // "80/tcp"
  stopSignal?: string;
  labels?: Record<string, string>;
};

export type ShellFlavor = "ash" | "dash" | "bash";

export type ResolvedImage = {
  /** Fully-qualified reference as containerd reports it in status.containerStatuses[].image. */
  ref: string;
  repository: string; // docker.io/library/nginx
  tag: string | null;
  digest: string; // sha256:… manifest digest
  /** status.containerStatuses[].imageID: repository@digest. */
  imageID: string;
  config: ImageConfig;
  sizeBytes: number;
  pullMs: number;
  shell: ShellFlavor;
  /** Versions the simulated programs report (nginx → "1.27.3", busybox → "1.36.1"). */
  versions: Record<string, string>;
  layer: FsLayer;
};

export type SpawnResult = { kind: "ok"; process: Process } | { kind: "not-found"; message: string };

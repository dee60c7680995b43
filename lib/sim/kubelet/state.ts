// The kubelet's in-memory state (what a real kubelet keeps in its pod workers, runtime cache, image
// store, back-off tables and probe workers). It is not an API object: a snapshot rebuilds it by replaying
// the operation log, so everything here must be derived deterministically from the engine.
import type { Engine } from "../core/engine";
import type { KubeObject } from "../core/types";
import type { ImageResolution } from "../runtime/images";
import type { HttpRequest, HttpResponse, NetResult, NetworkAccess, Process, ProcessContext, ResolvedImage, ServerHandler, SpawnResult } from "../runtime/types";
import type { Vfs } from "../runtime/vfs";
import { Backoff } from "./backoff";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

/** The container runtime the kubelet drives (lib/sim/runtime's contract). */
export type RuntimePort = {
  resolveImage(ref: string): ImageResolution;
  spawnProcess(argv: string[], image: ResolvedImage, ctx: ProcessContext): SpawnResult;
  runToCompletion(
    argv: string[],
    image: ResolvedImage,
    ctx: ProcessContext,
    opts: { timeoutMs: number; maxSteps?: number },
  ): { exitCode: number; timedOut: boolean; elapsedMs: number; startError?: string };
};

/** Pod networking (lib/sim/network's contract). */
export type NetworkPort = {
  allocatePodIP(engine: Engine, nodeName: string): string;
  releasePodIP(engine: Engine, ip: string): void;
  listen(engine: Engine, podIP: string, port: number, handler: ServerHandler): { ok: true } | { ok: false; error: string };
  unlisten(engine: Engine, podIP: string, port: number): void;
  networkFor(engine: Engine, pod: KubeObject): NetworkAccess;
  probeHttp(engine: Engine, podIP: string, port: number, req: HttpRequest, timeoutMs: number): NetResult<HttpResponse>;
  probeTcp(engine: Engine, podIP: string, port: number, timeoutMs: number): NetResult<{ banner?: string }>;
};

export type KubeletDeps = { runtime: RuntimePort; network: NetworkPort };

export type LogLine = { at: number; stream: "stdout" | "stderr"; text: string };
export type ProbeType = "liveness" | "readiness" | "startup";

/** prober/worker.go: one per container instance and probe type. */
export type ProbeWorker = {
  type: ProbeType;
  timer?: number;
  /** results.Manager's cached result: undefined = Unknown. */
  result?: boolean;
  lastResult?: boolean;
  resultRun: number;
  onHold: boolean;
};

/** One container as the runtime knows it: a created (and maybe exited) container. */
export type Instance = {
  id: string;
  attempt: number;
  image: ResolvedImage;
  /** The image as the pod spec names it (status.image of waiting containers). */
  fs: Vfs;
  env: Record<string, string>;
  cwd: string;
  process?: Process;
  pid: number;
  /** The main process's command line as ps shows it (argv joined by spaces). */
  command: string;
  nextPid: number;
  timer?: number;
  createdAt: number;
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
  message?: string;
  logs: LogLine[];
  partial: { stdout: string; stderr: string };
  memoryBytes: number;
  /** Set when the process crossed its memory limit inside a step; applied once the step returns. */
  oom: boolean;
  /** True once postStart finished: until then the kubelet's sync is blocked and status shows the container waiting. */
  visible: boolean;
  ports: number[];
  probes: Partial<Record<ProbeType, ProbeWorker>>;
  killing?: { reason: string; graceMs: number; hookTimer?: number; killTimer?: number; startedAt: number };
  hookTimer?: number;
  /** PLEG notices an exit within a relist period; restart decisions wait for it. */
  observedAt?: number;
};

export type ContainerKind = "init" | "sidecar" | "regular";

export type ContainerRec = {
  name: string;
  kind: ContainerKind;
  index: number;
  spec: Obj;
  instances: Instance[];
  restartCount: number;
  /** The waiting reason/message a failed sync step left (ErrImagePull, CreateContainerConfigError, CrashLoopBackOff…). */
  waiting?: { reason: string; message?: string };
  pull?: { timer: number; image?: ResolvedImage };
  pulled?: ResolvedImage;
  /** The restart of an exited container passed its back-off check; the start is under way. */
  startAuthorized?: boolean;
  /** A failed sync step (pull error, config error) is retried by the pod worker no earlier than this. */
  retryAt?: number;
  /**
   * The kubelet's reasonCache entry of the last image step (ErrImagePull / ImagePullBackOff): a sync
   * publishes the status generated from the previous sync's result before it acts, so what a sync finds
   * shows up one pod-worker retry (10 s) later.
   */
  pullResult?: { reason: string; message?: string };
  /** Next time a back-off retry may emit its BackOff event again (pod workers retry every 10 s). */
  nextBackOffEventAt?: number;
};

export type PodWorker = {
  uid: string;
  namespace: string;
  name: string;
  node: string;
  pod: KubeObject;
  startTime: number;
  ip?: string;
  sandboxReady: boolean;
  volumes: Map<string, Vfs>;
  volumeBases?: Map<string, string>;
  volumeRetry?: { delayMs: number; timer?: number };
  init: ContainerRec[];
  regular: ContainerRec[];
  /** All init containers completed once (sidecars started): later sidecar restarts do not undo it. */
  initialized?: boolean;
  sandboxReleased?: boolean;
  /** Graceful termination in progress (deletionTimestamp seen, eviction, or node shutdown). */
  terminating: boolean;
  /** The pod reached a terminal phase (Succeeded/Failed) and its containers are being stopped. */
  terminal?: "Succeeded" | "Failed";
  /** status.reason/message of a pod the kubelet failed itself (DeadlineExceeded). */
  statusReason?: { reason: string; message: string };
  syncTimer?: number;
  syncAt?: number;
  finished: boolean;
};

export type NodeAgent = {
  name: string;
  running: boolean;
  hostIP: string;
  images: Map<string, ResolvedImage>;
  pullBusyUntil: number;
  hostFs: Vfs;
  /** Increments on every stop/start so stale node-monitor timers do nothing. */
  epoch: number;
  stoppedAt?: number;
};

export type KubeletState = {
  engine: Engine;
  deps: KubeletDeps;
  nodes: Map<string, NodeAgent>;
  workers: Map<string, PodWorker>;
  /** namespace/name → uid of workers, for pod watch keys. */
  byKey: Map<string, Set<string>>;
  crashBackoff: Backoff;
  imageBackoff: Backoff;
  pvStorage: Map<string, Vfs>;
};

export const SYNC_CONTROLLER = "kubelet";

// The kubelet module: one agent per node (pod workers, image store, back-off tables, probe workers)
// installed into the engine as a pod-watching controller plus virtual-clock timers, and the
// KubeletFacade (exec/logs/stop/start node) registered as engine.modules "kubelet".
// Mirrors pkg/kubelet (kubelet.go syncLoop → pod_workers.go → kuberuntime_manager.go SyncPod).
import type { ClusterOptions } from "../cluster";
import type { Engine } from "../core/engine";
import { Backoff } from "./backoff";
import {
  findInstance,
  KILL_TIMER,
  POD_WORKER_BACKOFF_MS,
  PROC_TIMER,
  resumeProcess,
  retryAfter,
  sendStopSignal,
  signalProcess,
  SIGNAL_TIMER,
  type ProcPayload,
  type SignalPayload,
} from "./containers";
import { createFacade } from "./facade";
import { completePull, PULL_TIMER, type PullPayload } from "./images";
import { completePostStart, POSTSTART_TIMER, type HookPayload } from "./lifecycle";
import { agentFor, EVICTION_TIMER, NODE_MONITOR_TIMER, nodeMonitor, taintEviction } from "./node-lifecycle";
import { defaultDeps } from "./ports";
import { newWorker, podKey, podRemoved, syncPod } from "./pod-worker";
import { probeTick, PROBE_TIMER, type ProbePayload } from "./prober";
import { refreshVolumes } from "./volumes";
import { SYNC_CONTROLLER, type KubeletDeps, type KubeletState, type Obj, type PodWorker } from "./state";

export type { KubeletDeps, RuntimePort, NetworkPort } from "./state";
export { defaultDeps } from "./ports";

const STATE_KEY = "kubelet.state";
const VOLUME_REFRESH_TIMER = "kubelet.volume-refresh";
const RESYNC_MS = 60_000;

/** Whether a pod mounts the ConfigMap/Secret as a volume (env vars are only read at container start). */
function usesObject(w: PodWorker, resource: string, name: string): boolean {
  const refs = (v: Obj): boolean =>
    resource === "configmaps"
      ? v.configMap?.name === name || (v.projected?.sources ?? []).some((s: Obj) => s.configMap?.name === name)
      : v.secret?.secretName === name || (v.projected?.sources ?? []).some((s: Obj) => s.secret?.name === name);
  return ((w.pod as Obj).spec?.volumes ?? []).some(refs);
}

export function kubeletState(engine: Engine): KubeletState | undefined {
  return engine.modules.get(STATE_KEY) as KubeletState | undefined;
}

function reconcile(kl: KubeletState, key: string): void {
  const [ns, name] = key.split("/");
  const pod = kl.engine.store.get("pods", ns, name) as Obj | undefined;
  for (const uid of [...(kl.byKey.get(key) ?? [])]) {
    const w = kl.workers.get(uid);
    if (!w || (pod && pod.metadata.uid === uid)) continue;
    // The pod object is gone (force-deleted, or replaced under the same name); a stopped node cleans up on start.
    if (kl.nodes.get(w.node)?.running) podRemoved(kl, w);
  }
  const nodeName: string | undefined = pod?.spec?.nodeName;
  if (!pod || !nodeName) return;
  let w = kl.workers.get(pod.metadata.uid);
  if (!w) {
    const agent = agentFor(kl, nodeName);
    if (!agent?.running) return;
    // A pod that already finished (or a kubelet restart) is not started again.
    if (pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed") {
      if (pod.metadata.deletionTimestamp) kl.engine.api.finalize("pods", ns, name);
      return;
    }
    w = newWorker(kl, pod, agent);
  }
  syncPod(kl, w);
}

function withInstance(kl: KubeletState, p: ProcPayload, f: (w: PodWorker, rec: NonNullable<ReturnType<typeof findInstance>>) => void): void {
  const w = kl.workers.get(p.uid);
  if (!w || !kl.nodes.get(w.node)?.running) return;
  const found = findInstance(w, p.container, p.id);
  if (found) f(w, found);
}

export function installKubelet(engine: Engine, options: ClusterOptions = {}, deps: KubeletDeps = defaultDeps(options.images)): KubeletState {
  const kl: KubeletState = {
    engine,
    deps,
    nodes: new Map(),
    workers: new Map(),
    byKey: new Map(),
    crashBackoff: new Backoff(10_000, 300_000, () => engine.now()),
    imageBackoff: new Backoff(10_000, 300_000, () => engine.now()),
    pvStorage: new Map(),
  };
  engine.modules.set(STATE_KEY, kl);
  engine.modules.set("kubelet", createFacade(kl));
  engine.registerController({
    name: SYNC_CONTROLLER,
    watches: [
      {
        resource: "pods",
        keys: (c) => {
          // Status-only writes (the kubelet's own, the node controller's) need no sync: the spec is shared.
          const o = c.old;
          if (
            c.type === "MODIFIED" &&
            o &&
            (o as Obj).spec === (c.object as Obj).spec &&
            o.metadata.deletionTimestamp === c.object.metadata.deletionTimestamp &&
            o.metadata.deletionGracePeriodSeconds === c.object.metadata.deletionGracePeriodSeconds
          ) {
            return [];
          }
          const key = podKey(c.object.metadata.namespace!, c.object.metadata.name!);
          return (c.object as Obj).spec?.nodeName || kl.byKey.get(key)?.size ? [key] : [];
        },
      },
    ],
    reconcile: (key) => reconcile(kl, key),
  });
  // ConfigMap/Secret changes reach mounted volumes on the pod's next periodic sync (syncFrequency: 1m).
  engine.registerController({
    name: "kubelet-volumes",
    watches: ["configmaps", "secrets"].map((resource) => ({
      resource,
      keys: (c) => (c.type === "DELETED" ? [] : [`${resource}/${c.object.metadata.namespace}/${c.object.metadata.name}`]),
    })),
    reconcile: (key) => {
      const [resource, ns, name] = key.split("/");
      for (const w of kl.workers.values()) {
        if (w.namespace !== ns || !w.sandboxReady || w.finished || !usesObject(w, resource, name)) continue;
        const sinceStart = engine.now() - w.startTime;
        const delay = RESYNC_MS - (sinceStart % RESYNC_MS);
        engine.schedule(delay, VOLUME_REFRESH_TIMER, { uid: w.uid });
      }
    },
  });
  engine.onTimer(VOLUME_REFRESH_TIMER, (p) => {
    const w = kl.workers.get((p as { uid: string }).uid);
    const node = w && kl.nodes.get(w.node);
    if (w && node?.running && !w.finished) refreshVolumes(kl, w, node);
  });
  engine.onTimer("kubelet.sync", (p) => {
    const w = kl.workers.get((p as { uid: string }).uid);
    if (!w) return;
    if (w.syncAt !== undefined && w.syncAt <= engine.now()) {
      w.syncTimer = undefined;
      w.syncAt = undefined;
    }
    syncPod(kl, w);
  });
  engine.onTimer(PROC_TIMER, (p) => withInstance(kl, p as ProcPayload, (w, { rec, inst }) => resumeProcess(kl, w, rec, inst)));
  engine.onTimer(SIGNAL_TIMER, (p) => withInstance(kl, p as SignalPayload, (w, { rec, inst }) => signalProcess(kl, w, rec, inst, (p as SignalPayload).signal)));
  engine.onTimer(KILL_TIMER, (p) => withInstance(kl, p as ProcPayload, (w, { rec, inst }) => signalProcess(kl, w, rec, inst, "KILL")));
  engine.onTimer("kubelet.prestop-done", (p) =>
    withInstance(kl, p as ProcPayload, (w, { rec, inst }) => {
      if (inst.killing) inst.killing.hookTimer = undefined;
      sendStopSignal(kl, w, rec, inst);
    }),
  );
  engine.onTimer(POSTSTART_TIMER, (p) => withInstance(kl, p as HookPayload, (w, { rec, inst }) => completePostStart(kl, w, rec, inst, p as HookPayload)));
  engine.onTimer(PROBE_TIMER, (p) => withInstance(kl, p as ProbePayload, (w, { rec, inst }) => probeTick(kl, w, rec, inst, (p as ProbePayload).type)));
  engine.onTimer(PULL_TIMER, (p) => {
    const pp = p as PullPayload;
    const w = kl.workers.get(pp.uid);
    if (!w) return;
    const node = kl.nodes.get(w.node);
    const rec = [...w.init, ...w.regular].find((r) => r.name === pp.container);
    if (!node?.running || !rec) return;
    const firstFailure = rec.pullResult === undefined;
    completePull(kl, w, rec, node, pp);
    if (rec.pullResult?.reason !== "ErrImagePull") {
      syncPod(kl, w);
      return;
    }
    if (firstFailure) {
      // The first pull ran in the sync that created the sandbox; PLEG reported the sandbox meanwhile, so the
      // pod worker syncs again at once: it publishes ErrImagePull and finds the image in back-off.
      rec.waiting = rec.pullResult;
      syncPod(kl, w);
    } else {
      // The sync that pulled failed: the pod worker retries after its back-off period; the status changes then.
      retryAfter(kl, w, rec, POD_WORKER_BACKOFF_MS);
    }
  });
  engine.onTimer(NODE_MONITOR_TIMER, (p) => nodeMonitor(kl, p as never));
  engine.onTimer(EVICTION_TIMER, (p) => taintEviction(kl, p as never));
  return kl;
}

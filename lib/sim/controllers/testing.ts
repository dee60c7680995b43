// Test builders for the controllers' tests: objects as manifests, and a stand-in for the kubelet that
// writes pod status directly (so controller tests do not depend on kubelet timing).
import { Engine } from "../core/engine";
import { apiMachinery } from "../machinery";
import { bootstrapCluster, DEFAULT_NODES, namespaceDefaultsController } from "../core/bootstrap";
import { DEFAULT_START_MS, formatTime, parseTime } from "../core/time";
import { clone, type KubeObject } from "../core/types";
import type { DeleteOptions } from "../core/apiserver";
import type { Obj } from "./controller-utils";
import { installControllers } from "./index";

/**
 * A cluster with only kube-controller-manager installed (no scheduler, no kubelet): tests play the
 * kubelet themselves through setPodRunning/setPodPhase, so they do not depend on kubelet timing.
 */
export class TestCluster {
  readonly engine: Engine;

  constructor(seed: number) {
    this.engine = new Engine({ seed, startMs: DEFAULT_START_MS, machinery: apiMachinery });
    this.engine.registerController(namespaceDefaultsController);
    installControllers(this.engine);
    bootstrapCluster(this.engine, DEFAULT_NODES);
    this.engine.settle();
  }

  apply(obj: KubeObject): KubeObject {
    const info = this.engine.api.infoFor(obj)!;
    const live = obj.metadata.name ? this.engine.store.get(info.resource, info.namespaced ? obj.metadata.namespace ?? "default" : undefined, obj.metadata.name) : undefined;
    const r = live ? this.engine.api.update({ ...obj, metadata: { ...obj.metadata, resourceVersion: undefined } }) : this.engine.api.create(obj);
    if (!r.ok) throw new Error(r.status.message);
    this.engine.settle();
    return r.value;
  }

  update(obj: Obj): KubeObject {
    return this.apply(obj as KubeObject);
  }

  delete(resource: string, name: string, opts: DeleteOptions & { namespace?: string } = {}): void {
    const info = this.engine.api.info(resource)!;
    const r = this.engine.api.delete(resource, info.namespaced ? opts.namespace ?? "default" : undefined, name, opts);
    if (!r.ok) throw new Error(r.status.message);
    this.engine.settle();
  }

  advance(seconds: number): void {
    this.engine.advance(seconds * 1000);
  }

  now(): number {
    return this.engine.now();
  }

  events(filter: { kind?: string; name?: string; namespace?: string } = {}): KubeObject[] {
    const t = (e: KubeObject) => parseTime(String(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? ""));
    return clone(
      this.engine.store
        .list("events", filter.namespace)
        .filter((e) => {
          const io = e.involvedObject as { kind?: string; name?: string };
          return (!filter.kind || io.kind === filter.kind) && (!filter.name || io.name === filter.name);
        })
        .sort((a, b) => t(a) - t(b) || (a.metadata.name! < b.metadata.name! ? -1 : 1)),
    );
  }
}

export type Cluster = TestCluster;

export function newCluster(seed = 1): TestCluster {
  return new TestCluster(seed);
}

export function makeDeployment(name: string, opts: { replicas?: number; image?: string; labels?: Record<string, string>; spec?: Obj; annotations?: Record<string, string> } = {}): KubeObject {
  const labels = opts.labels ?? { app: name };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, ...(opts.annotations ? { annotations: opts.annotations } : {}) },
    spec: {
      replicas: opts.replicas ?? 3,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: "nginx", image: opts.image ?? "nginx:1.14.2", ports: [{ containerPort: 80 }] }] } },
      ...(opts.spec ?? {}),
    },
  };
}

export function makeReplicaSet(name: string, replicas: number, labels: Record<string, string> = { app: name }, spec: Obj = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: "nginx", image: "nginx:1.14.2" }] } },
      ...spec,
    },
  };
}

export function makePod(name: string, labels: Record<string, string>, spec: Obj = {}): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, labels }, spec: { containers: [{ name: "c", image: "nginx" }], ...spec } };
}

let ipCounter = 0;

/** What a kubelet would report for a started pod: Running, an IP, Ready (or not). */
export function setPodRunning(cluster: Cluster, namespace: string, name: string, ready = true, extra: Obj = {}): void {
  const e = cluster.engine;
  const pod = e.store.get("pods", namespace, name) as Obj | undefined;
  if (!pod) throw new Error(`no pod ${namespace}/${name}`);
  const now = formatTime(e.now());
  const prevReady = (pod.status?.conditions ?? []).find((c: Obj) => c.type === "Ready");
  const readyStatus = ready ? "True" : "False";
  const ready_ = { type: "Ready", status: readyStatus, lastProbeTime: null, lastTransitionTime: prevReady?.status === readyStatus ? prevReady.lastTransitionTime : now };
  ipCounter = (ipCounter % 250) + 1;
  const status = {
    ...pod.status,
    phase: "Running",
    podIP: pod.status?.podIP ?? `10.244.1.${ipCounter}`,
    conditions: [ready_],
    containerStatuses: (pod.spec.containers ?? []).map((c: Obj) => ({ name: c.name, ready, restartCount: 0, state: { running: { startedAt: now } } })),
    ...extra,
  };
  e.api.updateStatus("pods", namespace, name, status);
  e.settle();
}

export function setPodPhase(cluster: Cluster, namespace: string, name: string, phase: "Succeeded" | "Failed", extra: Obj = {}): void {
  const e = cluster.engine;
  const pod = e.store.get("pods", namespace, name) as Obj;
  e.api.updateStatus("pods", namespace, name, { ...pod.status, phase, conditions: [{ type: "Ready", status: "False" }], ...extra });
  e.settle();
}

export function pods(cluster: Cluster, namespace = "default"): Obj[] {
  return cluster.engine.store.list("pods", namespace) as Obj[];
}

export function readyAll(cluster: Cluster, namespace = "default", filter: (p: Obj) => boolean = () => true): void {
  for (const p of pods(cluster, namespace)) {
    const ready = (p.status?.conditions ?? []).some((c: Obj) => c.type === "Ready" && c.status === "True");
    if (!ready && !p.metadata.deletionTimestamp && filter(p)) setPodRunning(cluster, namespace, p.metadata.name);
  }
}

export function get(cluster: Cluster, resource: string, name: string, namespace = "default"): Obj {
  return cluster.engine.store.get(resource, namespace, name) as Obj;
}

export function eventMessages(cluster: Cluster, filter: { kind?: string; name?: string } = {}): string[] {
  return cluster.events(filter).map((e) => `${e.reason}: ${e.message}`);
}

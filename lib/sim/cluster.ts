// The simulator's facade: a Cluster is an Engine with the default topology, every controller, the
// scheduler and the kubelets installed, and safe entry points that never throw — each returns a result
// or a typed, explained error. Writes are recorded as an operation log, so a snapshot is plain JSON
// that restore() replays deterministically (same seed + same operations → identical cluster).
import yaml from "js-yaml";
import { Engine, SimLimitError, type Limits } from "./core/engine";
import type { Machinery } from "./core/machinery";
import { apiMachinery } from "./machinery";
import { bootstrapCluster, DEFAULT_NODES, namespaceDefaultsController, type NodeOptions } from "./core/bootstrap";
import { DEFAULT_START_MS, formatTime, parseTime } from "./core/time";
import { clone, notFound, statusError, type ApiStatus, type KubeObject } from "./core/types";
import { fromLabelSelector, matches, parseFieldSelector, parseSelector, type Selector } from "./core/selectors";
import type { DeleteOptions } from "./core/apiserver";
import type { Change } from "./core/store";
import { threeWayMerge } from "./apply/strategic-merge";

export type ClusterOptions = {
  seed?: number | string;
  nodes?: NodeOptions[];
  /** RFC 3339 start of virtual time (default 2025-01-01T00:00:00Z). */
  startTime?: string;
  limits?: Partial<Limits>;
  /** Extra images a task provides (see lib/sim/runtime images). */
  images?: unknown[];
};

export type SimError =
  | { kind: "status"; status: ApiStatus }
  | { kind: "parse"; message: string }
  | { kind: "limit"; limit: keyof Limits; message: string }
  | { kind: "unavailable"; message: string }
  /** A simulator defect: reported, never thrown at the caller. */
  | { kind: "internal"; message: string };

export type WriteOutcome =
  | { ok: true; action: "created" | "configured" | "unchanged" | "replaced" | "deleted"; resource: string; object: KubeObject }
  | { ok: false; error: SimError; ref?: { kind?: string; name?: string; namespace?: string } };

export type ExecResult = { stdout: string; stderr: string; exitCode: number };

export type LogOptions = { previous?: boolean; tailLines?: number; sinceSeconds?: number; timestamps?: boolean; limitBytes?: number };

/** What the kubelet module provides to the facade (registered as engine.modules "kubelet"). */
export type KubeletFacade = {
  exec(namespace: string, pod: string, container: string | undefined, argv: string[], opts?: { stdin?: string }): { ok: true; result: ExecResult } | { ok: false; error: string };
  logs(namespace: string, pod: string, container: string | undefined, opts: LogOptions): { ok: true; text: string } | { ok: false; error: string };
  stopNode(name: string): boolean;
  startNode(name: string): boolean;
};

export type TimelineEntry = {
  at: number;
  namespace: string;
  pod: string;
  phase: string;
  ready: boolean;
  restarts: number;
  reason?: string;
  deleted?: boolean;
};

export type Operation =
  | { op: "apply"; input: string | KubeObject[]; namespace?: string; mode: "apply" | "create" | "replace"; dryRun?: boolean }
  | { op: "delete"; resource: string; namespace?: string; name: string; options: DeleteOptions }
  | { op: "advance"; ms: number }
  | { op: "exec"; namespace: string; pod: string; container?: string; argv: string[] }
  | { op: "node"; name: string; action: "stop" | "start" }
  | { op: "write"; verb: "update" | "status"; object: KubeObject; namespace?: string };

export type Snapshot = {
  version: 1;
  options: ClusterOptions;
  operations: Operation[];
  state: { now: string; objects: Record<string, KubeObject[]> };
};

const CLUSTER_AGE_MS = 2 * 24 * 3600 * 1000;

export type Installer = (engine: Engine, options: ClusterOptions) => void;

/** Modules (scheduler, kubelet, controllers) install themselves here; see lib/sim/modules.ts. */
const installers: Installer[] = [];
export function registerInstaller(i: Installer): void {
  if (!installers.includes(i)) installers.push(i);
}

let machinery: Machinery = apiMachinery;
export function setMachinery(m: Machinery): void {
  machinery = m;
}

export class Cluster {
  readonly engine: Engine;
  readonly options: ClusterOptions;
  private ops: Operation[] = [];
  private timelineEntries: TimelineEntry[] = [];
  /** The latest timeline entry per `namespace/pod`. */
  private lastEntry = new Map<string, TimelineEntry>();

  constructor(options: ClusterOptions = {}) {
    this.options = clone(options);
    const start = options.startTime ? parseTime(options.startTime) : DEFAULT_START_MS;
    const startMs = Number.isNaN(start) ? DEFAULT_START_MS : start;
    // The cluster was installed a while before the learner arrives: system objects show an AGE of 2d.
    this.engine = new Engine({ seed: options.seed ?? 1, startMs: startMs - CLUSTER_AGE_MS, machinery, limits: options.limits });
    this.engine.registerController(namespaceDefaultsController);
    for (const install of installers) install(this.engine, this.options);
    this.engine.store.onChange((c) => this.track(c));
    this.engine.unbudgeted(() => {
      bootstrapCluster(this.engine, options.nodes ?? DEFAULT_NODES);
      this.engine.settle();
    });
    this.engine.clock.setNow(startMs);
    this.engine.origin = startMs;
  }

  now(): number {
    return this.engine.now();
  }

  /** `kubectl apply`: create what is missing, update what exists. Input is YAML/JSON text or objects. */
  apply(input: string | KubeObject | KubeObject[], opts: { namespace?: string; dryRun?: boolean } = {}): WriteOutcome[] {
    return this.write(input, "apply", opts);
  }

  create(input: string | KubeObject | KubeObject[], opts: { namespace?: string; dryRun?: boolean } = {}): WriteOutcome[] {
    return this.write(input, "create", opts);
  }

  replace(input: string | KubeObject | KubeObject[], opts: { namespace?: string; dryRun?: boolean } = {}): WriteOutcome[] {
    return this.write(input, "replace", opts);
  }

  delete(resource: string, name: string, opts: { namespace?: string } & DeleteOptions = {}): WriteOutcome {
    const { namespace, ...options } = opts;
    const info = this.engine.api.info(resource);
    const ns = info?.namespaced ? namespace ?? "default" : undefined;
    this.ops.push({ op: "delete", resource, namespace: ns, name, options });
    return this.guard(() => {
      const r = this.engine.api.delete(resource, ns, name, options);
      this.engine.settle();
      return r.ok ? { ok: true as const, action: "deleted" as const, resource, object: r.value } : { ok: false as const, error: { kind: "status" as const, status: r.status } };
    });
  }

  /** Internal-style writes used by kubectl verbs that edit live objects (scale, label, set image, rollout). */
  update(object: KubeObject, opts: { namespace?: string } = {}): WriteOutcome {
    this.ops.push({ op: "write", verb: "update", object: clone(object), namespace: opts.namespace });
    return this.guard(() => {
      const info = this.engine.api.infoFor(object);
      const r = this.engine.api.update(object, { namespace: opts.namespace });
      this.engine.settle();
      return r.ok
        ? { ok: true as const, action: "configured" as const, resource: info?.resource ?? "", object: r.value }
        : { ok: false as const, error: { kind: "status" as const, status: r.status } };
    });
  }

  advance(seconds: number): { ok: true } | { ok: false; error: SimError } {
    const ms = Math.max(0, Math.round(seconds * 1000));
    this.ops.push({ op: "advance", ms });
    const r = this.guard(() => {
      this.engine.advance(ms);
      return { ok: true as const, action: "unchanged" as const, resource: "", object: {} as KubeObject };
    });
    return r.ok ? { ok: true } : { ok: false, error: r.error };
  }

  get(resource: string, name: string, namespace?: string): KubeObject | undefined {
    const info = this.engine.api.info(resource);
    const obj = this.engine.store.get(resource, info?.namespaced ? namespace ?? "default" : undefined, name);
    return obj && clone(obj);
  }

  /** Lists objects; `namespace` undefined with allNamespaces lists everywhere. */
  list(
    resource: string,
    opts: { namespace?: string; allNamespaces?: boolean; labelSelector?: string | Selector; fieldSelector?: string } = {},
  ): { ok: true; items: KubeObject[] } | { ok: false; error: SimError } {
    const info = this.engine.api.info(resource);
    if (!info) return { ok: false, error: { kind: "status", status: statusError(404, "NotFound", `the server doesn't have a resource type "${resource}"`) } };
    const ns = info.namespaced && !opts.allNamespaces ? opts.namespace ?? "default" : undefined;
    let selector: Selector | undefined;
    if (typeof opts.labelSelector === "string") {
      const p = parseSelector(opts.labelSelector);
      if (!p.ok) return { ok: false, error: { kind: "status", status: statusError(400, "BadRequest", p.error) } };
      selector = p.selector;
    } else selector = opts.labelSelector;
    let items = this.engine.store.list(resource, ns, selector);
    if (opts.fieldSelector) {
      const f = parseFieldSelector(opts.fieldSelector);
      if (!f.ok) return { ok: false, error: { kind: "status", status: statusError(400, "BadRequest", f.error) } };
      items = items.filter((o) => f.requirements.every((r) => (fieldValue(o, r.field) === r.value) === (r.op === "=")));
    }
    return { ok: true, items: clone(items) };
  }

  /** Events, oldest first; optionally only those about one object. */
  events(filter: { namespace?: string; kind?: string; name?: string; uid?: string } = {}): KubeObject[] {
    return clone(
      this.engine.store
        .list("events", filter.namespace)
        .filter((e) => {
          const io = e.involvedObject as { kind?: string; name?: string; uid?: string };
          return (!filter.kind || io.kind === filter.kind) && (!filter.name || io.name === filter.name) && (!filter.uid || io.uid === filter.uid);
        })
        .sort((a, b) => eventTime(a) - eventTime(b) || (a.metadata.name! < b.metadata.name! ? -1 : 1)),
    );
  }

  exec(namespace: string, pod: string, container: string | undefined, argv: string[]): { ok: true; result: ExecResult } | { ok: false; error: SimError } {
    const kubelet = this.engine.modules.get("kubelet") as KubeletFacade | undefined;
    if (!kubelet) return { ok: false, error: { kind: "unavailable", message: "no kubelet is installed in this cluster" } };
    this.ops.push({ op: "exec", namespace, pod, container, argv: [...argv] });
    try {
      const r = kubelet.exec(namespace, pod, container, argv);
      this.engine.settle();
      return r.ok ? r : { ok: false, error: { kind: "status", status: statusError(400, "BadRequest", r.error) } };
    } catch (e) {
      return { ok: false, error: toSimError(e) };
    }
  }

  logs(namespace: string, pod: string, container: string | undefined, opts: LogOptions = {}): { ok: true; text: string } | { ok: false; error: SimError } {
    const kubelet = this.engine.modules.get("kubelet") as KubeletFacade | undefined;
    if (!kubelet) return { ok: false, error: { kind: "unavailable", message: "no kubelet is installed in this cluster" } };
    if (!this.engine.store.get("pods", namespace, pod)) return { ok: false, error: { kind: "status", status: notFound("pods", pod) } };
    const r = kubelet.logs(namespace, pod, container, opts);
    return r.ok ? r : { ok: false, error: { kind: "status", status: statusError(400, "BadRequest", r.error) } };
  }

  setNodeRunning(name: string, running: boolean): boolean {
    const kubelet = this.engine.modules.get("kubelet") as KubeletFacade | undefined;
    if (!kubelet) return false;
    this.ops.push({ op: "node", name, action: running ? "start" : "stop" });
    const ok = running ? kubelet.startNode(name) : kubelet.stopNode(name);
    this.engine.settle();
    return ok;
  }

  /** Pod phase/readiness/restarts over virtual time, for the result view's timeline chart. */
  timeline(): TimelineEntry[] {
    return this.timelineEntries.map((e) => ({ ...e }));
  }

  snapshot(): Snapshot {
    return clone({
      version: 1 as const,
      options: this.options,
      operations: this.ops,
      state: { now: formatTime(this.now()), objects: this.engine.store.dump() },
    });
  }

  static restore(snapshot: Snapshot): { ok: true; cluster: Cluster } | { ok: false; error: SimError } {
    if (!snapshot || snapshot.version !== 1 || !Array.isArray(snapshot.operations)) {
      return { ok: false, error: { kind: "parse", message: "not a kubedrill cluster snapshot (version 1)" } };
    }
    const cluster = new Cluster(snapshot.options);
    for (const op of snapshot.operations) {
      switch (op.op) {
        case "apply":
          cluster.write(op.input, op.mode, { namespace: op.namespace, dryRun: op.dryRun });
          break;
        case "delete":
          cluster.delete(op.resource, op.name, { namespace: op.namespace, ...op.options });
          break;
        case "advance": {
          const r = cluster.advance(op.ms / 1000);
          if (!r.ok) return { ok: false, error: r.error };
          break;
        }
        case "exec":
          cluster.exec(op.namespace, op.pod, op.container, op.argv);
          break;
        case "node":
          cluster.setNodeRunning(op.name, op.action === "start");
          break;
        case "write":
          cluster.update(op.object, { namespace: op.namespace });
          break;
      }
    }
    return { ok: true, cluster };
  }

  private write(input: string | KubeObject | KubeObject[], mode: "apply" | "create" | "replace", opts: { namespace?: string; dryRun?: boolean }): WriteOutcome[] {
    const parsed = typeof input === "string" ? parseDocuments(input) : { ok: true as const, docs: Array.isArray(input) ? input : [input] };
    if (!parsed.ok) return [{ ok: false, error: { kind: "parse", message: parsed.message } }];
    this.ops.push({ op: "apply", input: typeof input === "string" ? input : clone(parsed.docs), namespace: opts.namespace, mode, dryRun: opts.dryRun });
    const out: WriteOutcome[] = [];
    for (const doc of parsed.docs) {
      out.push(
        this.guard(() => {
          const r = this.writeOne(doc, mode, opts);
          if (r.ok) this.engine.settle();
          return r;
        }),
      );
    }
    return out;
  }

  private writeOne(doc: KubeObject, mode: "apply" | "create" | "replace", opts: { namespace?: string; dryRun?: boolean }): WriteOutcome {
    const api = this.engine.api;
    const info = api.infoFor(doc);
    const ref = { kind: doc?.kind, name: doc?.metadata?.name, namespace: doc?.metadata?.namespace ?? opts.namespace };
    if (!info) {
      const r = api.create(doc, { strict: true, namespace: opts.namespace, dryRun: true });
      return { ok: false, error: { kind: "status", status: r.ok ? statusError(404, "NotFound", "unknown kind") : r.status }, ref };
    }
    const ns = info.namespaced ? doc.metadata?.namespace || opts.namespace || "default" : undefined;
    const live = doc.metadata?.name ? api.get(info.resource, ns, doc.metadata.name) : undefined;
    if (mode === "create" || (mode === "apply" && !live)) {
      const toCreate = mode === "apply" ? withLastApplied(doc) : doc;
      const r = api.create(toCreate, { strict: true, namespace: opts.namespace, dryRun: opts.dryRun });
      return r.ok ? { ok: true, action: "created", resource: info.resource, object: clone(r.value) } : { ok: false, error: { kind: "status", status: r.status }, ref };
    }
    if (!live) return { ok: false, error: { kind: "status", status: notFound(info.resource, doc.metadata?.name ?? "", info.group) }, ref };
    let desired = mode === "apply" ? withLastApplied(doc) : doc;
    if (mode === "apply") {
      // Client-side apply: a three-way merge of the last-applied configuration, the new one and the live object.
      const decoded = api.machinery.decode(doc, info);
      if (!decoded.ok) return { ok: false, error: { kind: "status", status: decoded.status }, ref };
      const lastText = live.metadata.annotations?.["kubectl.kubernetes.io/last-applied-configuration"];
      let last: unknown;
      try {
        last = lastText ? JSON.parse(lastText) : undefined;
      } catch {
        last = undefined;
      }
      desired = threeWayMerge(last, desired, live, info.kind) as KubeObject;
    }
    const r = api.update({ ...desired, metadata: { ...desired.metadata, resourceVersion: undefined } }, { strict: mode !== "apply", namespace: opts.namespace, dryRun: opts.dryRun });
    if (!r.ok) return { ok: false, error: { kind: "status", status: r.status }, ref };
    const unchanged = r.value.metadata.resourceVersion === live.metadata.resourceVersion;
    return { ok: true, action: unchanged ? "unchanged" : mode === "replace" ? "replaced" : "configured", resource: info.resource, object: clone(r.value) };
  }

  private guard(fn: () => WriteOutcome): WriteOutcome {
    try {
      return fn();
    } catch (e) {
      return { ok: false, error: toSimError(e) };
    }
  }

  private track(c: Change): void {
    if (c.resource !== "pods") return;
    const pod = c.object as KubeObject & { status?: { phase?: string; conditions?: { type: string; status: string }[]; containerStatuses?: { restartCount?: number; state?: Record<string, { reason?: string }> }[] } };
    const statuses = pod.status?.containerStatuses ?? [];
    const entry: TimelineEntry = {
      at: this.engine.now(),
      namespace: pod.metadata.namespace ?? "",
      pod: pod.metadata.name ?? "",
      phase: pod.status?.phase ?? "Pending",
      ready: pod.status?.conditions?.some((x) => x.type === "Ready" && x.status === "True") ?? false,
      restarts: statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0),
      reason: statuses.map((s) => s.state?.waiting?.reason ?? s.state?.terminated?.reason).find(Boolean),
      ...(c.type === "DELETED" ? { deleted: true } : {}),
    };
    const key = `${entry.namespace}/${entry.pod}`;
    const last = this.lastEntry.get(key);
    if (last && last.phase === entry.phase && last.ready === entry.ready && last.restarts === entry.restarts && last.reason === entry.reason && !entry.deleted) return;
    if (this.timelineEntries.length < 10_000) {
      this.timelineEntries.push(entry);
      this.lastEntry.set(key, entry);
    }
  }
}

function withLastApplied(doc: KubeObject): KubeObject {
  const copy = clone(doc);
  const meta = (copy.metadata ??= {});
  const annotations = { ...(meta.annotations ?? {}) };
  delete annotations["kubectl.kubernetes.io/last-applied-configuration"];
  const forAnnotation = clone(doc);
  if (forAnnotation.metadata?.annotations) {
    delete forAnnotation.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"];
    if (!Object.keys(forAnnotation.metadata.annotations).length) delete forAnnotation.metadata.annotations;
  }
  annotations["kubectl.kubernetes.io/last-applied-configuration"] = JSON.stringify(sortKeys(forAnnotation)) + "\n";
  meta.annotations = annotations;
  return copy;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

function parseDocuments(text: string): { ok: true; docs: KubeObject[] } | { ok: false; message: string } {
  try {
    const docs = yaml.loadAll(text).filter((d) => d != null) as KubeObject[];
    const expanded: KubeObject[] = [];
    for (const d of docs) {
      if (d && typeof d === "object" && d.kind === "List" && Array.isArray((d as { items?: unknown }).items)) expanded.push(...((d as unknown as { items: KubeObject[] }).items));
      else expanded.push(d);
    }
    return { ok: true, docs: expanded };
  } catch (e) {
    return { ok: false, message: `error converting YAML to JSON: ${(e as Error).message}` };
  }
}

function fieldValue(o: KubeObject, field: string): string {
  let cur: unknown = o;
  for (const part of field.split(".")) cur = cur && typeof cur === "object" ? (cur as Record<string, unknown>)[part] : undefined;
  return cur == null ? "" : String(cur);
}

function eventTime(e: KubeObject): number {
  const t = (e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp) as string | null | undefined;
  return t ? parseTime(t) : 0;
}

function toSimError(e: unknown): SimError {
  if (e instanceof SimLimitError) return { kind: "limit", limit: e.limit, message: e.message };
  return { kind: "internal", message: `internal simulator error: ${e instanceof Error ? e.message : String(e)}` };
}

export { fromLabelSelector, matches };

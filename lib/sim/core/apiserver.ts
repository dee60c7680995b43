// The simulated kube-apiserver's write path: every create, update and delete — from a learner's
// manifest, kubectl, a controller or a kubelet — goes through here: resolve kind → (strict decode for
// untrusted input) → defaults → admission → validation → allocation → metadata → store.
// Mirrors the generic registry (k8s.io/apiserver/pkg/registry/generic/registry/store.go) for
// resourceVersion, generation, graceful deletion, finalizers and propagation policies.
import type { Machinery, ResourceInfo } from "./machinery";
import type { Store } from "./store";
import type { Rng } from "./rng";
import type { Clock } from "./clock";
import { alreadyExists, clone, conflict, deepEqual, notFound, statusError, type ApiStatus, type KubeObject, type Result } from "./types";
import { formatTime } from "./time";
import { getPodQOS } from "./qos";

export type WriteOptions = {
  /** Untrusted input (a learner's manifest): strict field decoding. */
  strict?: boolean;
  dryRun?: boolean;
  /** Namespace to use when the object names none (kubectl's -n / context namespace). */
  namespace?: string;
};

export type DeleteOptions = {
  gracePeriodSeconds?: number;
  propagationPolicy?: "Background" | "Foreground" | "Orphan";
  dryRun?: boolean;
  preconditionUid?: string;
};

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// Kinds whose objects carry metadata.generation (those with a spec a controller observes).
const GENERATION_GROUPS = new Set(["apps", "batch", "autoscaling", "networking.k8s.io", "policy"]);

const SERVICE_CIDR_BASE = [10, 96, 0, 0];

export class ApiServer {
  constructor(
    readonly store: Store,
    readonly machinery: Machinery,
    private readonly clock: Clock,
    private readonly rng: Rng,
  ) {}

  info(resource: string): ResourceInfo | undefined {
    return this.machinery.resourceInfo(resource);
  }

  infoFor(object: { apiVersion?: unknown; kind?: unknown }): ResourceInfo | undefined {
    if (typeof object.apiVersion !== "string" || typeof object.kind !== "string") return undefined;
    return this.machinery.resolveKind(object.apiVersion, object.kind);
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.store.get(resource, namespace, name);
  }

  create(input: KubeObject, opts: WriteOptions = {}): Result<KubeObject> {
    const info = this.infoFor(input);
    if (!info) return { ok: false, status: noKindMatch(input) };
    let obj: KubeObject;
    if (opts.strict) {
      const decoded = this.machinery.decode(input, info);
      if (!decoded.ok) return { ok: false, status: decoded.status };
      obj = clone(decoded.object);
    } else obj = clone(input);

    obj.metadata = { ...(obj.metadata ?? {}) };
    if (info.namespaced) obj.metadata.namespace = obj.metadata.namespace || opts.namespace || "default";
    else delete obj.metadata.namespace;
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = this.generateName(info, obj);
    if (!obj.metadata.name) {
      return { ok: false, status: invalid(info, "", [{ field: "metadata.name", message: "Required value: name or generateName is required" }]) };
    }
    delete obj.metadata.resourceVersion;
    delete obj.metadata.deletionTimestamp;
    delete obj.metadata.deletionGracePeriodSeconds;
    // BeforeCreate assigns the uid before defaulting: a Job's generated selector is built from it.
    obj.metadata.uid = this.rng.uuid();

    obj = this.machinery.applyDefaults(obj, { randomSuffix: (n) => this.rng.suffix(n), operation: "create" });
    const admitted = this.machinery.admit(obj, {
      operation: "CREATE",
      lookup: (r, ns, n) => this.store.get(r, ns, n),
      list: (r) => this.store.list(r),
      randomSuffix: (n) => this.rng.suffix(n),
    });
    if (!admitted.ok) return { ok: false, status: admitted.status };
    obj = admitted.object;
    const invalidStatus = this.machinery.validateCreate(obj);
    if (invalidStatus) return { ok: false, status: invalidStatus };

    if (this.store.get(info.resource, obj.metadata.namespace, obj.metadata.name!)) {
      return { ok: false, status: alreadyExists(info.resource, obj.metadata.name!, info.group) };
    }
    const allocated = this.prepareForCreate(info, obj);
    if (!allocated.ok) return allocated;
    obj = allocated.value;
    obj.metadata.creationTimestamp = formatTime(this.clock.now());
    if (GENERATION_GROUPS.has(info.group)) obj.metadata.generation = 1;
    if (opts.dryRun) return { ok: true, value: { ...obj, metadata: { ...obj.metadata, resourceVersion: undefined } } };
    return { ok: true, value: this.store.put(info.resource, obj) };
  }

  /** Full update (PUT). Status is kept from the live object; use updateStatus for the status subresource. */
  update(input: KubeObject, opts: WriteOptions = {}): Result<KubeObject> {
    const info = this.infoFor(input);
    if (!info) return { ok: false, status: noKindMatch(input) };
    let obj: KubeObject;
    if (opts.strict) {
      const decoded = this.machinery.decode(input, info);
      if (!decoded.ok) return { ok: false, status: decoded.status };
      obj = clone(decoded.object);
    } else obj = clone(input);
    obj.metadata = { ...(obj.metadata ?? {}) };
    if (info.namespaced) obj.metadata.namespace = obj.metadata.namespace || opts.namespace || "default";
    const name = obj.metadata.name ?? "";
    const old = this.store.get(info.resource, obj.metadata.namespace, name);
    if (!old) return { ok: false, status: notFound(info.resource, name, info.group) };
    if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== old.metadata.resourceVersion) {
      return { ok: false, status: conflict(info.resource, name, info.group) };
    }
    obj.metadata.uid = old.metadata.uid;
    obj = this.machinery.applyDefaults(obj, { randomSuffix: (n) => this.rng.suffix(n), operation: "update" });
    // System-owned metadata survives updates.
    obj.metadata.uid = old.metadata.uid;
    obj.metadata.creationTimestamp = old.metadata.creationTimestamp;
    if (old.metadata.deletionTimestamp) {
      obj.metadata.deletionTimestamp = old.metadata.deletionTimestamp;
      obj.metadata.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    }
    if ("status" in old) obj.status = clone(old.status);
    else delete obj.status;
    this.preserveAllocations(info, obj, old);
    const admitted = this.machinery.admit(obj, {
      operation: "UPDATE",
      lookup: (r, ns, n) => this.store.get(r, ns, n),
      randomSuffix: (n) => this.rng.suffix(n),
    });
    if (!admitted.ok) return { ok: false, status: admitted.status };
    obj = admitted.object;
    const invalidStatus = this.machinery.validateUpdate(obj, old);
    if (invalidStatus) return { ok: false, status: invalidStatus };
    if (GENERATION_GROUPS.has(info.group)) {
      const gen = old.metadata.generation ?? 1;
      obj.metadata.generation = specChanged(obj, old) ? gen + 1 : gen;
    }
    if (opts.dryRun) return { ok: true, value: obj };
    if (sameObject(obj, old)) return { ok: true, value: old };
    return { ok: true, value: this.finishWrite(info, obj) };
  }

  /** The status subresource: only `.status` changes. Internal actors (kubelet, controllers) use it. */
  updateStatus(resource: string, namespace: string | undefined, name: string, status: unknown): Result<KubeObject> {
    const old = this.store.get(resource, namespace, name);
    const info = this.info(resource);
    if (!old || !info) return { ok: false, status: notFound(resource, name, info?.group) };
    if (deepEqual(old.status, status)) return { ok: true, value: old };
    return { ok: true, value: this.store.put(resource, { ...old, status: clone(status) }) };
  }

  /** pods/binding: the scheduler's write. Sets spec.nodeName and the PodScheduled=True condition. */
  bind(namespace: string, name: string, nodeName: string): Result<KubeObject> {
    const pod = this.store.get("pods", namespace, name) as Obj | undefined;
    if (!pod) return { ok: false, status: notFound("pods", name) };
    if (pod.spec?.nodeName) {
      return { ok: false, status: statusError(409, "Conflict", `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is already assigned to node "${pod.spec.nodeName}"`) };
    }
    if (pod.metadata.deletionTimestamp) {
      return { ok: false, status: statusError(409, "Conflict", `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is being deleted, cannot be assigned to a host`) };
    }
    const next = clone(pod);
    next.spec.nodeName = nodeName;
    const conditions = (next.status.conditions ?? []).filter((c: Obj) => c.type !== "PodScheduled");
    conditions.push({ lastProbeTime: null, lastTransitionTime: formatTime(this.clock.now()), status: "True", type: "PodScheduled" });
    next.status = { ...next.status, conditions };
    return { ok: true, value: this.store.put("pods", next as KubeObject) };
  }

  /** Metadata-only change by an internal actor (labels, annotations, ownerReferences, finalizers). */
  updateMetadata(resource: string, namespace: string | undefined, name: string, mutate: (meta: KubeObject["metadata"]) => void): Result<KubeObject> {
    const old = this.store.get(resource, namespace, name);
    const info = this.info(resource);
    if (!old || !info) return { ok: false, status: notFound(resource, name, info?.group) };
    const meta = clone(old.metadata);
    mutate(meta);
    if (deepEqual(meta, old.metadata)) return { ok: true, value: old };
    return { ok: true, value: this.finishWrite(info, { ...old, metadata: meta }) };
  }

  delete(resource: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): Result<KubeObject> {
    const info = this.info(resource);
    const old = this.store.get(resource, namespace, name);
    if (!info || !old) return { ok: false, status: notFound(resource, name, info?.group) };
    if (opts.preconditionUid && opts.preconditionUid !== old.metadata.uid) {
      return {
        ok: false,
        status: statusError(409, "Conflict", `Precondition failed: UID in precondition: ${opts.preconditionUid}, UID in object meta: ${old.metadata.uid}`),
      };
    }
    if (opts.dryRun) return { ok: true, value: old };
    const now = this.clock.now();
    const meta = clone(old.metadata);

    // Graceful deletion (pods only): deletionTimestamp = now + grace; the kubelet finishes it.
    if (resource === "pods") {
      const pod = old as Obj;
      let grace = opts.gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
      // pod strategy CheckGracefulDeletion: unscheduled or finished pods go at once.
      if (!pod.spec?.nodeName || pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed") grace = 0;
      if (grace > 0) {
        if (meta.deletionTimestamp) {
          // A second delete may only shorten the grace period.
          const remaining = Math.max(0, (meta.deletionGracePeriodSeconds ?? 0));
          if (grace >= remaining) return { ok: true, value: old };
        }
        meta.deletionTimestamp = formatTime(now + grace * 1000);
        meta.deletionGracePeriodSeconds = grace;
        this.addPropagationFinalizer(meta, opts.propagationPolicy);
        return { ok: true, value: this.store.put(resource, { ...old, metadata: meta }) };
      }
    }

    this.addPropagationFinalizer(meta, opts.propagationPolicy);
    if (resource === "namespaces") {
      // The namespace controller empties the namespace, then removes the `kubernetes` finalizer.
      const ns = clone(old) as Obj;
      ns.metadata = { ...meta, deletionTimestamp: meta.deletionTimestamp ?? formatTime(now) };
      ns.status = { ...(ns.status ?? {}), phase: "Terminating" };
      return { ok: true, value: this.store.put(resource, ns as KubeObject) };
    }
    if (meta.finalizers?.length) {
      if (!meta.deletionTimestamp) {
        meta.deletionTimestamp = formatTime(now);
        meta.deletionGracePeriodSeconds = 0;
      }
      return { ok: true, value: this.store.put(resource, { ...old, metadata: meta }) };
    }
    const gone = this.store.remove(resource, namespace, name)!;
    return { ok: true, value: gone };
  }

  /** Removes an object whose deletion has completed (kubelet after termination, GC after finalizers). */
  finalize(resource: string, namespace: string | undefined, name: string): void {
    const obj = this.store.get(resource, namespace, name);
    if (obj && !(obj.metadata.finalizers?.length)) this.store.remove(resource, namespace, name);
  }

  private finishWrite(info: ResourceInfo, obj: KubeObject): KubeObject {
    // An object being deleted whose last finalizer was just removed disappears.
    if (obj.metadata.deletionTimestamp && !(obj.metadata.finalizers?.length) && info.resource !== "pods" && info.resource !== "namespaces") {
      this.store.put(info.resource, obj);
      return this.store.remove(info.resource, obj.metadata.namespace, obj.metadata.name!)!;
    }
    return this.store.put(info.resource, obj);
  }

  private addPropagationFinalizer(meta: KubeObject["metadata"], policy: DeleteOptions["propagationPolicy"]): void {
    const f = policy === "Foreground" ? "foregroundDeletion" : policy === "Orphan" ? "orphan" : undefined;
    if (f && !(meta.finalizers ?? []).includes(f)) meta.finalizers = [...(meta.finalizers ?? []), f];
  }

  private generateName(info: ResourceInfo, obj: KubeObject): string {
    // names.SimpleNameGenerator: prefix (truncated to 58) + 5 random characters, retried on collision.
    const prefix = obj.metadata.generateName!.slice(0, 58);
    for (;;) {
      const name = prefix + this.rng.suffix(5);
      if (!this.store.get(info.resource, obj.metadata.namespace, name)) return name;
    }
  }

  private prepareForCreate(info: ResourceInfo, obj: KubeObject): Result<KubeObject> {
    const o = obj as Obj;
    switch (info.resource) {
      case "pods":
        o.status = { phase: "Pending", qosClass: getPodQOS(o.spec ?? {}) };
        break;
      case "namespaces":
        o.spec = { finalizers: ["kubernetes"] };
        o.status = { phase: "Active" };
        o.metadata.labels = { ...(o.metadata.labels ?? {}), "kubernetes.io/metadata.name": o.metadata.name };
        break;
      case "persistentvolumeclaims":
        o.status = { phase: "Pending" };
        break;
      case "persistentvolumes":
        o.status = { phase: "Pending" };
        break;
      case "services": {
        const r = this.allocateService(o);
        if (!r.ok) return r;
        break;
      }
      case "deployments":
      case "replicasets":
      case "statefulsets":
      case "daemonsets":
      case "jobs":
      case "cronjobs":
        o.status = {};
        if (info.resource === "statefulsets" || info.resource === "replicasets") o.status = { replicas: 0, availableReplicas: 0 };
        if (info.resource === "daemonsets")
          o.status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
        break;
      case "nodes":
      case "events":
        // Node status is the kubelet's to post (bootstrap registers nodes with theirs).
        break;
      default:
        if ("status" in o) delete o.status;
    }
    return { ok: true, value: obj };
  }

  private allocateService(svc: Obj): Result<KubeObject> {
    const spec = (svc.spec ??= {});
    if (spec.type === "ExternalName") return { ok: true, value: svc as KubeObject };
    if (spec.clusterIP === "None") {
      spec.clusterIPs = ["None"];
    } else if (spec.clusterIP) {
      const taken = this.store.list("services").some((s) => (s as Obj).spec?.clusterIP === spec.clusterIP);
      if (taken) {
        return {
          ok: false,
          status: statusError(422, "Invalid", `Service "${svc.metadata.name}" is invalid: spec.clusterIPs: Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`),
        };
      }
      spec.clusterIPs = [spec.clusterIP];
    } else {
      spec.clusterIP = this.allocateClusterIP();
      spec.clusterIPs = [spec.clusterIP];
    }
    spec.ipFamilies ??= ["IPv4"];
    spec.ipFamilyPolicy ??= "SingleStack";
    spec.internalTrafficPolicy ??= "Cluster";
    if (spec.type === "NodePort" || spec.type === "LoadBalancer") {
      spec.externalTrafficPolicy ??= "Cluster";
      const used = new Set(this.store.list("services").flatMap((s) => ((s as Obj).spec?.ports ?? []).map((p: Obj) => p.nodePort)));
      for (const p of spec.ports ?? []) {
        if (p.nodePort) continue;
        let port: number;
        do port = 30000 + this.rng.int(2768);
        while (used.has(port));
        used.add(port);
        p.nodePort = port;
      }
    }
    if (spec.type === "LoadBalancer") {
      spec.allocateLoadBalancerNodePorts ??= true;
      svc.status = { loadBalancer: {} };
    } else svc.status = { loadBalancer: {} };
    return { ok: true, value: svc as KubeObject };
  }

  private allocateClusterIP(): string {
    // 10.96.0.0/12, skipping .0 and the well-known 10.96.0.1 (kubernetes) and 10.96.0.10 (kube-dns).
    const used = new Set(this.store.list("services").map((s) => (s as Obj).spec?.clusterIP));
    for (;;) {
      const n = 2 + this.rng.int((1 << 20) - 3);
      const ip = [SERVICE_CIDR_BASE[0], SERVICE_CIDR_BASE[1] + (n >> 16), (n >> 8) & 255, n & 255].join(".");
      if (ip !== "10.96.0.10" && !used.has(ip)) return ip;
    }
  }

  private preserveAllocations(info: ResourceInfo, obj: KubeObject, old: KubeObject): void {
    if (info.resource === "services") {
      const spec = ((obj as Obj).spec ??= {});
      const oldSpec = (old as Obj).spec ?? {};
      spec.clusterIP ??= oldSpec.clusterIP;
      spec.clusterIPs ??= oldSpec.clusterIPs;
      spec.ipFamilies ??= oldSpec.ipFamilies;
      spec.ipFamilyPolicy ??= oldSpec.ipFamilyPolicy;
      spec.internalTrafficPolicy ??= oldSpec.internalTrafficPolicy;
      for (const p of spec.ports ?? []) {
        const match = (oldSpec.ports ?? []).find((q: Obj) => q.port === p.port && q.protocol === p.protocol);
        if (!p.nodePort && match?.nodePort && (spec.type === "NodePort" || spec.type === "LoadBalancer")) p.nodePort = match.nodePort;
      }
      if ((spec.type === "NodePort" || spec.type === "LoadBalancer") && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = "Cluster";
    }
    if (info.resource === "pods") {
      const spec = ((obj as Obj).spec ??= {});
      spec.nodeName ??= (old as Obj).spec?.nodeName;
    }
  }
}

function specChanged(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => {
    const { metadata: _m, status: _s, ...rest } = o as Obj;
    void _m;
    void _s;
    return rest;
  };
  return !deepEqual(strip(a), strip(b));
}

function sameObject(a: KubeObject, b: KubeObject): boolean {
  return deepEqual({ ...a, metadata: { ...a.metadata, resourceVersion: undefined } }, { ...b, metadata: { ...b.metadata, resourceVersion: undefined } });
}

export function noKindMatch(input: { apiVersion?: unknown; kind?: unknown }): ApiStatus {
  const kind = typeof input.kind === "string" ? input.kind : "";
  const version = typeof input.apiVersion === "string" ? input.apiVersion : "";
  return statusError(404, "NotFound", `no matches for kind "${kind}" in version "${version}"`, { kind });
}

function invalid(info: ResourceInfo, name: string, errors: { field: string; message: string }[]): ApiStatus {
  const parts = errors.map((e) => `${e.field}: ${e.message}`);
  const body = parts.length === 1 ? parts[0] : `[${parts.join(", ")}]`;
  return statusError(422, "Invalid", `The ${info.kind} "${name}" is invalid: ${body}`, {
    name,
    group: info.group || undefined,
    kind: info.kind,
    causes: errors.map((e) => ({ reason: "FieldValueRequired", message: e.message, field: e.field })),
  });
}

// The controllers' client: every write goes through engine.api and is recorded as an action, so tests
// are tables asserting on recorded actions (as pkg/controller/deployment/rolling_test.go does with
// client-go's fake clientset), and every event goes through the engine's EventRecorder.
import type { Engine } from "../core/engine";
import type { DeleteOptions } from "../core/apiserver";
import type { KubeObject, Result } from "../core/types";

export type Action = {
  verb: "create" | "update" | "update-status" | "update-metadata" | "delete";
  resource: string;
  namespace?: string;
  name: string;
};

type Recorder = { actions: Action[] | null };

const RECORDER = "controllers.actions";

/** Starts (or restarts) recording the controllers' writes on this engine; tests read them with `recordedActions`. */
export function startRecording(engine: Engine): void {
  engine.modules.set(RECORDER, { actions: [] } satisfies Recorder);
}

export function recordedActions(engine: Engine): Action[] {
  return [...((engine.modules.get(RECORDER) as Recorder | undefined)?.actions ?? [])];
}

export class ControllerClient {
  constructor(
    readonly engine: Engine,
    /** The event source component, e.g. "replicaset-controller". */
    readonly component: string,
  ) {}

  private record(verb: Action["verb"], resource: string, namespace: string | undefined, name: string): void {
    const rec = this.engine.modules.get(RECORDER) as Recorder | undefined;
    rec?.actions?.push({ verb, resource, ...(namespace ? { namespace } : {}), name });
  }

  create(resource: string, obj: KubeObject): Result<KubeObject> {
    const r = this.engine.api.create(obj);
    if (r.ok) this.record("create", resource, r.value.metadata.namespace, r.value.metadata.name!);
    return r;
  }

  update(resource: string, obj: KubeObject): Result<KubeObject> {
    const before = this.engine.store.get(resource, obj.metadata.namespace, obj.metadata.name!);
    const r = this.engine.api.update(obj);
    if (r.ok && r.value !== before) this.record("update", resource, obj.metadata.namespace, obj.metadata.name!);
    return r;
  }

  updateStatus(resource: string, namespace: string | undefined, name: string, status: unknown): Result<KubeObject> {
    const before = this.engine.store.get(resource, namespace, name);
    const r = this.engine.api.updateStatus(resource, namespace, name, status);
    if (r.ok && r.value !== before) this.record("update-status", resource, namespace, name);
    return r;
  }

  updateMetadata(resource: string, namespace: string | undefined, name: string, mutate: (meta: KubeObject["metadata"]) => void): Result<KubeObject> {
    const before = this.engine.store.get(resource, namespace, name);
    const r = this.engine.api.updateMetadata(resource, namespace, name, mutate);
    if (r.ok && r.value !== before) this.record("update-metadata", resource, namespace, name);
    return r;
  }

  delete(resource: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): Result<KubeObject> {
    const r = this.engine.api.delete(resource, namespace, name, opts);
    if (r.ok) this.record("delete", resource, namespace, name);
    return r;
  }

  event(object: KubeObject | Record<string, unknown>, type: "Normal" | "Warning", reason: string, message: string): void {
    this.engine.recordEvent({ object: object as KubeObject, type, reason, message, source: { component: this.component } });
  }
}

// lib/sim — the public facade of the Kubernetes simulator. Everything outside lib/sim talks to it
// through these exports only.
import "./modules";
import { Cluster, type ClusterOptions } from "./cluster";

export { Cluster, registerInstaller, setMachinery } from "./cluster";
export type { ClusterOptions, SimError, WriteOutcome, ExecResult, LogOptions, Snapshot, TimelineEntry, Operation, KubeletFacade } from "./cluster";
export type { KubeObject, ApiStatus } from "./core/types";
export type { NodeOptions } from "./core/bootstrap";
export type { Limits } from "./core/engine";
export { formatTime, parseTime } from "./core/time";

export function createCluster(options: ClusterOptions = {}): Cluster {
  return new Cluster(options);
}

// The kubectl emulator on top of a cluster: one session per terminal (contexts, namespace, port-forwards),
// and the kubesim script runner (sleep, echo $?, here-documents, pipes) used by graders and the web terminal.
export { KubectlSession } from "./kubectl/session";
export type { KubectlResult, FileSource, ContextConfig } from "./kubectl/session";
export { ScriptRunner, scriptLines } from "./kubectl/script";
export type { ScriptOutput } from "./kubectl/script";
export { fieldsAt } from "./schema-docs";
export type { FieldDoc, FieldsAtResult } from "./schema-docs";

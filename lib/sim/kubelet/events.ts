// The kubelet's event recorder: container events carry the container's fieldPath
// (`spec.containers{nginx}`, `spec.initContainers{init}`), as kubecontainer.GenerateContainerRef does.
import type { ContainerRec, KubeletState, PodWorker } from "./state";

export function fieldPathOf(rec: Pick<ContainerRec, "kind" | "name">): string {
  return rec.kind === "regular" ? `spec.containers{${rec.name}}` : `spec.initContainers{${rec.name}}`;
}

export function containerEvent(kl: KubeletState, w: PodWorker, rec: ContainerRec, type: "Normal" | "Warning", reason: string, message: string): void {
  kl.engine.recordEvent({ object: w.pod, type, reason, message, source: { component: "kubelet", host: w.node }, fieldPath: fieldPathOf(rec) });
}

export function podEvent(kl: KubeletState, w: PodWorker, type: "Normal" | "Warning", reason: string, message: string): void {
  kl.engine.recordEvent({ object: w.pod, type, reason, message, source: { component: "kubelet", host: w.node } });
}

// Mirrors pkg/kubelet/images/image_manager.go (EnsureImageExists) and puller.go's serialized puller
// (serialize-image-pulls defaults to true: one pull at a time per node, later pulls wait in line and the
// Pulled event reports the time "including waiting"). Back-off: 10 s doubling to 300 s per pod+image.
import { goDuration } from "./format";
import { containerEvent } from "./events";
import type { ContainerRec, KubeletState, NodeAgent, PodWorker } from "./state";
import type { ResolvedImage } from "../runtime/types";

export type EnsureImage =
  | { kind: "ready"; image: ResolvedImage }
  | { kind: "pending" }
  | { kind: "error"; reason: "ErrImagePull" | "ImagePullBackOff" | "ErrImageNeverPull" | "InvalidImageName"; message: string };

export const PULL_TIMER = "kubelet.pull";
export type PullPayload = { uid: string; container: string; requestedAt: number; durationMs: number };

/** A pull of an image whose layers the node already has (policy Always on a cached image): a manifest check. */
function refreshPullMs(image: ResolvedImage): number {
  return Math.min(900, Math.max(300, Math.round(image.pullMs / 10)));
}

/** How long a failing pull takes before the registry answers with an error. */
const FAILED_PULL_MS = 1200;

const prevPullErr = new WeakMap<KubeletState, Map<string, string>>();

export function ensureImageExists(kl: KubeletState, w: PodWorker, rec: ContainerRec, node: NodeAgent): EnsureImage {
  const image: string = rec.spec.image ?? "";
  if (rec.pulled) {
    const img = rec.pulled;
    rec.pulled = undefined;
    return { kind: "ready", image: img };
  }
  if (rec.pull) return { kind: "pending" };
  const res = kl.deps.runtime.resolveImage(image);
  if (res.kind === "invalid-name") {
    containerEvent(kl, w, rec, "Warning", "InspectFailed", res.message);
    return { kind: "error", reason: "InvalidImageName", message: res.message };
  }
  const present = res.kind === "ok" ? node.images.get(res.image.ref) : undefined;
  const policy: string = rec.spec.imagePullPolicy ?? "IfNotPresent";
  if (present && policy !== "Always") {
    containerEvent(kl, w, rec, "Normal", "Pulled", `Container image "${image}" already present on machine`);
    return { kind: "ready", image: present };
  }
  if (policy === "Never") {
    const msg = `Container image "${image}" is not present with pull policy of Never`;
    containerEvent(kl, w, rec, "Warning", "ErrImageNeverPull", msg);
    return { kind: "error", reason: "ErrImageNeverPull", message: msg };
  }
  const key = `${w.uid}_${image}`;
  if (kl.imageBackoff.isInBackOffSinceUpdate(key)) {
    let msg = `Back-off pulling image "${image}"`;
    containerEvent(kl, w, rec, "Normal", "BackOff", msg);
    const prev = prevPullErr.get(kl)?.get(key);
    if (prev) msg = `${msg}: ${prev}`;
    return { kind: "error", reason: "ImagePullBackOff", message: msg };
  }
  containerEvent(kl, w, rec, "Normal", "Pulling", `Pulling image "${image}"`);
  const now = kl.engine.now();
  const duration = res.kind === "ok" ? (present ? refreshPullMs(res.image) : res.image.pullMs) : FAILED_PULL_MS;
  const start = Math.max(now, node.pullBusyUntil);
  node.pullBusyUntil = start + duration;
  const payload: PullPayload = { uid: w.uid, container: rec.name, requestedAt: now, durationMs: duration };
  rec.pull = { timer: kl.engine.schedule(start + duration - now, PULL_TIMER, payload), image: res.kind === "ok" ? res.image : undefined };
  return { kind: "pending" };
}

/** The pull finished: cache the image and report, or report the failure and start/extend the back-off. */
export function completePull(kl: KubeletState, w: PodWorker, rec: ContainerRec, node: NodeAgent, p: PullPayload): void {
  const pull = rec.pull;
  rec.pull = undefined;
  if (!pull) return;
  const image: string = rec.spec.image ?? "";
  const now = kl.engine.now();
  const res = kl.deps.runtime.resolveImage(image);
  if (res.kind === "ok") {
    node.images.set(res.image.ref, res.image);
    // The pull itself ran for durationMs once the serialized puller got to it; "including waiting" counts the queue.
    containerEvent(
      kl, w, rec, "Normal", "Pulled",
      `Successfully pulled image "${image}" in ${goDuration(p.durationMs)} (${goDuration(now - p.requestedAt)} including waiting). Image size: ${res.image.sizeBytes} bytes.`,
    );
    rec.pulled = res.image;
    rec.waiting = undefined;
    return;
  }
  const msg = res.message;
  containerEvent(kl, w, rec, "Warning", "Failed", `Failed to pull image "${image}": ${msg}`);
  const key = `${w.uid}_${image}`;
  kl.imageBackoff.next(key, now);
  let m = prevPullErr.get(kl);
  if (!m) prevPullErr.set(kl, (m = new Map()));
  m.set(key, `ErrImagePull: ${msg}`);
  // The status shows it from the next sync on (see ContainerRec.pullResult).
  rec.pullResult = { reason: "ErrImagePull", message: msg };
  containerEvent(kl, w, rec, "Warning", "Failed", "Error: ErrImagePull");
}

// Mirrors pkg/scheduler/framework/plugins/volumebinding (volume_binding.go, binder.go): PreFilter
// rejects pods whose claims are missing, being deleted, or unbound with Immediate binding (the PV
// controller, not the scheduler, binds those); Filter checks bound volumes' node affinity and, for
// WaitForFirstConsumer claims, that a matching PV or a provisioner exists. Owns its reason strings.
import type { PersistentVolume, PersistentVolumeClaim, Pod } from "kubernetes-types/core/v1";
import type { StorageClass } from "kubernetes-types/storage/v1";
import type { CycleContext, FilterPlugin, Lister } from "../types";
import { unresolvable } from "../types";
import { matchNodeSelector } from "./node-selector";
import { resourceAmount } from "../resources";

export const NAME = "VolumeBinding";
export const ERR_REASON_UNBOUND_IMMEDIATE = "pod has unbound immediate PersistentVolumeClaims";
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_REASON_NODE_CONFLICT = "node(s) had volume node affinity conflict";
export const ERR_REASON_PV_NOT_EXIST = "pvc(s) bound to non-existent pv(s)";
export const SELECTED_NODE_ANNOTATION = "volume.kubernetes.io/selected-node";

type Claims = { bound: PersistentVolumeClaim[]; delayed: PersistentVolumeClaim[] };

/** The claim names a pod uses: persistentVolumeClaim volumes and generic ephemeral volumes (`<pod>-<volume>`). */
export function podClaimNames(pod: Pod): { name: string; ephemeral: boolean }[] {
  const out: { name: string; ephemeral: boolean }[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim) out.push({ name: v.persistentVolumeClaim.claimName, ephemeral: false });
    else if (v.ephemeral) out.push({ name: `${pod.metadata?.name}-${v.name}`, ephemeral: true });
  }
  return out;
}

export function isBound(pvc: PersistentVolumeClaim): boolean {
  return !!pvc.spec?.volumeName;
}

export function claimClassName(pvc: PersistentVolumeClaim): string {
  return pvc.metadata?.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? pvc.spec?.storageClassName ?? "";
}

function storageClass(lister: Lister, name: string): StorageClass | undefined {
  return name ? (lister.get("storageclasses", undefined, name) as unknown as StorageClass | undefined) : undefined;
}

function claims(ctx: CycleContext): Claims {
  return ctx.state.get(`${NAME}/claims`) as Claims;
}

function pvMatchesClaim(pv: PersistentVolume, pvc: PersistentVolumeClaim): boolean {
  if (pv.spec?.claimRef && (pv.spec.claimRef.name !== pvc.metadata?.name || pv.spec.claimRef.namespace !== pvc.metadata?.namespace)) return false;
  if (pv.status?.phase && pv.status.phase !== "Available" && !pv.spec?.claimRef) return false;
  if ((pv.spec?.storageClassName ?? "") !== claimClassName(pvc)) return false;
  const modes = pv.spec?.accessModes ?? [];
  if (!(pvc.spec?.accessModes ?? []).every((m) => modes.includes(m))) return false;
  const want = resourceAmount("storage", (pvc.spec?.resources?.requests?.storage as string | undefined) ?? "0");
  const have = resourceAmount("storage", (pv.spec?.capacity?.storage as string | undefined) ?? "0");
  return have >= want;
}

export const volumeBinding: FilterPlugin = {
  name: NAME,
  preFilter(ctx) {
    const names = podClaimNames(ctx.pod);
    const c: Claims = { bound: [], delayed: [] };
    ctx.state.set(`${NAME}/claims`, c);
    if (!names.length) return null;
    const ns = ctx.pod.metadata?.namespace ?? "default";
    let immediate = false;
    for (const { name, ephemeral } of names) {
      const pvc = ctx.lister.get("persistentvolumeclaims", ns, name) as unknown as PersistentVolumeClaim | undefined;
      if (!pvc) {
        return unresolvable(NAME, ephemeral ? `waiting for ephemeral volume controller to create the persistentvolumeclaim "${name}"` : `persistentvolumeclaim "${name}" not found`);
      }
      if (pvc.metadata?.deletionTimestamp) return unresolvable(NAME, `persistentvolumeclaim "${name}" is being deleted`);
      if (isBound(pvc)) c.bound.push(pvc);
      else if (storageClass(ctx.lister, claimClassName(pvc))?.volumeBindingMode === "WaitForFirstConsumer") c.delayed.push(pvc);
      else immediate = true;
    }
    return immediate ? unresolvable(NAME, ERR_REASON_UNBOUND_IMMEDIATE) : null;
  },
  filter(ctx, info) {
    const c = claims(ctx);
    for (const pvc of c.bound) {
      const pv = ctx.lister.get("persistentvolumes", undefined, pvc.spec!.volumeName!) as unknown as PersistentVolume | undefined;
      if (!pv) return unresolvable(NAME, ERR_REASON_PV_NOT_EXIST);
      const req = pv.spec?.nodeAffinity?.required;
      if (req && !matchNodeSelector(req, info.node)) return unresolvable(NAME, ERR_REASON_NODE_CONFLICT);
    }
    for (const pvc of c.delayed) {
      const pvs = ctx.lister.list("persistentvolumes").map((o) => o as unknown as PersistentVolume);
      const found = pvs.some((pv) => pvMatchesClaim(pv, pvc) && (!pv.spec?.nodeAffinity?.required || matchNodeSelector(pv.spec.nodeAffinity.required, info.node)));
      if (found) continue;
      const sc = storageClass(ctx.lister, claimClassName(pvc));
      if (sc && sc.provisioner !== "kubernetes.io/no-provisioner") continue;
      return unresolvable(NAME, ERR_REASON_BIND_CONFLICT);
    }
    return null;
  },
};

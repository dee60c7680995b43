// Mirrors pkg/controller/volume/persistentvolume/pv_controller.go (syncClaim, syncVolume,
// findBestMatchForClaim in index.go) and the pvc/pv protection controllers: a Pending claim binds the
// smallest Available volume with the same storageClassName ("" and unset alike when no default
// StorageClass applies), volumeMode, a superset of its accessModes, enough capacity and matching
// selector — or the volume it names in volumeName; claimRef, bind-completed and bound-by-controller
// annotations; Released volumes after their claim goes, deleted with reclaimPolicy Delete. A
// StorageClass with a provisioner other than kubernetes.io/no-provisioner provisions `pvc-<uid>`.
import type { Engine } from "../core/engine";
import { compareQuantity, parseQuantity } from "../api/quantity";
import type { KubeObject } from "../core/types";
import { fromLabelSelector, matches } from "../core/selectors";
import { ControllerClient } from "./client";
import { splitKey, type Obj } from "./controller-utils";

export const PV_CONTROLLER = "persistentvolume-binder";
export const PVC_PROTECTION_FINALIZER = "kubernetes.io/pvc-protection";
export const PV_PROTECTION_FINALIZER = "kubernetes.io/pv-protection";
const BIND_COMPLETED = "pv.kubernetes.io/bind-completed";
const BOUND_BY_CONTROLLER = "pv.kubernetes.io/bound-by-controller";
const PROVISIONED_BY = "pv.kubernetes.io/provisioned-by";

export function installPersistentVolumeController(engine: Engine): void {
  engine.registerController({
    name: PV_CONTROLLER,
    watches: [
      { resource: "persistentvolumeclaims", keys: (c) => [`claim|${c.object.metadata.namespace}/${c.object.metadata.name}`, ...volumeKeyOfClaim(c.object as Obj)] },
      {
        resource: "persistentvolumes",
        keys: (c, e) => [
          `volume|${c.object.metadata.name}`,
          // A new or freed volume may satisfy a waiting claim.
          ...(e.store.list("persistentvolumeclaims") as Obj[]).filter((p) => p.status?.phase === "Pending").map((p) => `claim|${p.metadata.namespace}/${p.metadata.name}`),
        ],
      },
      {
        resource: "pods",
        keys: (c) =>
          (c.object as Obj).spec?.volumes
            ?.filter((v: Obj) => v.persistentVolumeClaim?.claimName)
            .map((v: Obj) => `claim|${c.object.metadata.namespace}/${v.persistentVolumeClaim.claimName}`) ?? [],
      },
      { resource: "storageclasses", keys: (_c, e) => (e.store.list("persistentvolumeclaims") as Obj[]).filter((p) => p.status?.phase === "Pending").map((p) => `claim|${p.metadata.namespace}/${p.metadata.name}`) },
    ],
    reconcile: (key, e) => {
      if (key.startsWith("claim|")) syncClaim(e, key.slice(6));
      else syncVolume(e, key.slice(7));
    },
  });
}

function volumeKeyOfClaim(pvc: Obj): string[] {
  return pvc.spec?.volumeName ? [`volume|${pvc.spec.volumeName}`] : [];
}

/** Compares two quantities; an unparsable one sorts as zero (validation rejects those anyway). */
function cmpQuantity(a: unknown, b: unknown): number {
  const pa = parseQuantity(String(a ?? "0"));
  const pb = parseQuantity(String(b ?? "0"));
  if (!pa.ok || !pb.ok) return pa.ok ? 1 : pb.ok ? -1 : 0;
  return compareQuantity(pa.quantity, pb.quantity);
}

function capacityFits(pv: Obj, pvc: Obj): boolean {
  const want = pvc.spec?.resources?.requests?.storage;
  if (!want) return true;
  const have = pv.spec?.capacity?.storage;
  if (!have) return false;
  return cmpQuantity(have, want) >= 0;
}

function classOf(obj: Obj): string {
  return obj.spec?.storageClassName ?? "";
}

/** The claim's requirements against one volume (checkVolumeSatisfyClaim + the index's filters). */
export function volumeSatisfiesClaim(pv: Obj, pvc: Obj): boolean {
  if (classOf(pv) !== classOf(pvc)) return false;
  if ((pv.spec?.volumeMode ?? "Filesystem") !== (pvc.spec?.volumeMode ?? "Filesystem")) return false;
  const modes: string[] = pv.spec?.accessModes ?? [];
  if (!(pvc.spec?.accessModes ?? []).every((m: string) => modes.includes(m))) return false;
  if (!capacityFits(pv, pvc)) return false;
  if (pvc.spec?.selector && !matches(fromLabelSelector(pvc.spec.selector), pv.metadata.labels)) return false;
  return true;
}

/** findBestMatchForClaim: a volume pre-bound to this claim first, else the smallest that fits. */
export function findBestMatch(volumes: Obj[], pvc: Obj): Obj | undefined {
  const candidates = volumes.filter((pv) => {
    if (pv.metadata.deletionTimestamp) return false;
    const ref = pv.spec?.claimRef;
    if (ref) {
      if (ref.name !== pvc.metadata.name || (ref.namespace ?? "") !== pvc.metadata.namespace) return false;
      if (ref.uid && ref.uid !== pvc.metadata.uid) return false;
    } else if (pv.status?.phase !== "Available" && pv.status?.phase !== "Pending") return false;
    return volumeSatisfiesClaim(pv, pvc);
  });
  const prebound = candidates.find((pv) => pv.spec?.claimRef);
  if (prebound) return prebound;
  return candidates.sort((a, b) => cmpQuantity(a.spec?.capacity?.storage, b.spec?.capacity?.storage) || (a.metadata.name < b.metadata.name ? -1 : 1))[0];
}

function claimRef(pvc: Obj): Obj {
  return { apiVersion: "v1", kind: "PersistentVolumeClaim", name: pvc.metadata.name, namespace: pvc.metadata.namespace, resourceVersion: pvc.metadata.resourceVersion, uid: pvc.metadata.uid };
}

function podsUsing(engine: Engine, pvc: Obj): Obj[] {
  return (engine.store.list("pods", pvc.metadata.namespace) as Obj[]).filter(
    (p) => p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed" && (p.spec?.volumes ?? []).some((v: Obj) => v.persistentVolumeClaim?.claimName === pvc.metadata.name),
  );
}

export function syncClaim(engine: Engine, key: string): void {
  const [ns, name] = splitKey(key);
  const client = new ControllerClient(engine, "persistentvolume-controller");
  let pvc = engine.store.get("persistentvolumeclaims", ns, name) as Obj | undefined;
  if (!pvc) return;
  // pvc-protection: the finalizer stays while a pod uses the claim.
  if (!pvc.metadata.deletionTimestamp && !(pvc.metadata.finalizers ?? []).includes(PVC_PROTECTION_FINALIZER)) {
    client.updateMetadata("persistentvolumeclaims", ns, name, (m) => {
      m.finalizers = [...(m.finalizers ?? []), PVC_PROTECTION_FINALIZER];
    });
    pvc = engine.store.get("persistentvolumeclaims", ns, name) as Obj;
  }
  if (pvc.metadata.deletionTimestamp) {
    if ((pvc.metadata.finalizers ?? []).includes(PVC_PROTECTION_FINALIZER) && podsUsing(engine, pvc).length === 0) {
      client.updateMetadata("persistentvolumeclaims", ns, name, (m) => {
        m.finalizers = (m.finalizers ?? []).filter((f) => f !== PVC_PROTECTION_FINALIZER);
        if (!m.finalizers.length) delete m.finalizers;
      });
    }
    return;
  }
  if (pvc.status?.phase === "Bound" && pvc.spec?.volumeName) {
    const pv = engine.store.get("persistentvolumes", undefined, pvc.spec.volumeName) as Obj | undefined;
    // The volume went away: the claim is Lost.
    if (!pv) client.updateStatus("persistentvolumeclaims", ns, name, { ...pvc.status, phase: "Lost" });
    return;
  }
  const volumes = engine.store.list("persistentvolumes") as Obj[];
  let pv: Obj | undefined;
  let byController = false;
  if (pvc.spec?.volumeName) {
    const named = engine.store.get("persistentvolumes", undefined, pvc.spec.volumeName) as Obj | undefined;
    if (!named) return; // waits for the volume to appear
    const ref = named.spec?.claimRef;
    if (ref && (ref.name !== name || ref.namespace !== ns || (ref.uid && ref.uid !== pvc.metadata.uid))) return;
    if (!volumeSatisfiesClaim(named, pvc)) return;
    pv = named;
  } else {
    pv = findBestMatch(volumes, pvc);
    byController = true;
    if (!pv) {
      provisionOrReport(engine, client, pvc);
      return;
    }
  }
  bind(engine, client, pv, pvc, byController);
}

function bind(engine: Engine, client: ControllerClient, pv: Obj, pvc: Obj, claimBoundByController: boolean): void {
  const ns = pvc.metadata.namespace;
  // bindVolumeToClaim: claimRef (and bound-by-controller when we set it).
  if (!pv.spec?.claimRef?.uid) {
    const next = JSON.parse(JSON.stringify(pv));
    const setByUs = !pv.spec?.claimRef;
    next.spec.claimRef = claimRef(pvc);
    if (setByUs) next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [BOUND_BY_CONTROLLER]: "yes" };
    const r = client.update("persistentvolumes", next as KubeObject);
    if (!r.ok) return;
    pv = r.value as Obj;
  }
  client.updateStatus("persistentvolumes", undefined, pv.metadata.name, { ...(pv.status ?? {}), phase: "Bound" });
  // bindClaimToVolume: volumeName and annotations, then status with the volume's capacity.
  const live = engine.store.get("persistentvolumeclaims", ns, pvc.metadata.name) as Obj;
  const next = JSON.parse(JSON.stringify(live));
  next.spec.volumeName = pv.metadata.name;
  next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [BIND_COMPLETED]: "yes", ...(claimBoundByController ? { [BOUND_BY_CONTROLLER]: "yes" } : {}) };
  if (pv.metadata.annotations?.[PROVISIONED_BY]) next.metadata.annotations["volume.kubernetes.io/storage-provisioner"] = pv.metadata.annotations[PROVISIONED_BY];
  const r = client.update("persistentvolumeclaims", next as KubeObject);
  if (!r.ok) return;
  client.updateStatus("persistentvolumeclaims", ns, pvc.metadata.name, {
    accessModes: pv.spec?.accessModes,
    capacity: pv.spec?.capacity,
    phase: "Bound",
  });
}

/** No volume fits: dynamic provisioning through the StorageClass, or the FailedBinding event. */
function provisionOrReport(engine: Engine, client: ControllerClient, pvc: Obj): void {
  const cls = classOf(pvc);
  if (!cls) {
    client.event(pvc, "Normal", "FailedBinding", "no persistent volumes available for this claim and no storage class is set");
    return;
  }
  const sc = engine.store.get("storageclasses", undefined, cls) as Obj | undefined;
  if (!sc) {
    client.event(pvc, "Warning", "ProvisioningFailed", `storageclass.storage.k8s.io "${cls}" not found`);
    return;
  }
  if (sc.volumeBindingMode === "WaitForFirstConsumer" && podsUsing(engine, pvc).length === 0) {
    client.event(pvc, "Normal", "WaitForFirstConsumer", "waiting for first consumer to be created before binding");
    return;
  }
  if (!sc.provisioner || sc.provisioner === "kubernetes.io/no-provisioner") {
    client.event(pvc, "Warning", "ProvisioningFailed", `no volume plugin matched name: ${sc.provisioner ?? ""}`);
    return;
  }
  const pvName = `pvc-${pvc.metadata.uid}`;
  if (engine.store.get("persistentvolumes", undefined, pvName)) return;
  client.event(pvc, "Normal", "ExternalProvisioning", `Waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`);
  const pv: Obj = {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: { name: pvName, annotations: { [PROVISIONED_BY]: sc.provisioner }, finalizers: [PV_PROTECTION_FINALIZER] },
    spec: {
      accessModes: [...(pvc.spec?.accessModes ?? [])],
      capacity: { storage: pvc.spec?.resources?.requests?.storage ?? "1Gi" },
      claimRef: claimRef(pvc),
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? "Delete",
      storageClassName: cls,
      volumeMode: pvc.spec?.volumeMode ?? "Filesystem",
      hostPath: { path: `/var/lib/kubedrill/volumes/${pvName}`, type: "" },
    },
  };
  const r = client.create("persistentvolumes", pv as KubeObject);
  if (r.ok) client.event(pvc, "Normal", "ProvisioningSucceeded", `Successfully provisioned volume ${pvName}`);
}

export function syncVolume(engine: Engine, name: string): void {
  const client = new ControllerClient(engine, "persistentvolume-controller");
  let pv = engine.store.get("persistentvolumes", undefined, name) as Obj | undefined;
  if (!pv) return;
  if (!pv.metadata.deletionTimestamp && !(pv.metadata.finalizers ?? []).includes(PV_PROTECTION_FINALIZER)) {
    client.updateMetadata("persistentvolumes", undefined, name, (m) => {
      m.finalizers = [...(m.finalizers ?? []), PV_PROTECTION_FINALIZER];
    });
    pv = engine.store.get("persistentvolumes", undefined, name) as Obj;
  }
  const ref = pv.spec?.claimRef;
  if (pv.metadata.deletionTimestamp) {
    // pv-protection: a volume still bound to an existing claim stays.
    const claim = ref ? (engine.store.get("persistentvolumeclaims", ref.namespace, ref.name) as Obj | undefined) : undefined;
    if (!claim || pv.status?.phase !== "Bound") {
      client.updateMetadata("persistentvolumes", undefined, name, (m) => {
        m.finalizers = (m.finalizers ?? []).filter((f) => f !== PV_PROTECTION_FINALIZER);
        if (!m.finalizers.length) delete m.finalizers;
      });
    }
    return;
  }
  if (!ref) {
    client.updateStatus("persistentvolumes", undefined, name, { ...(pv.status ?? {}), phase: "Available" });
    return;
  }
  if (!ref.uid) {
    // Pre-bound by the user to a claim not yet bound: Available until the claim syncs.
    if (pv.status?.phase !== "Bound") client.updateStatus("persistentvolumes", undefined, name, { ...(pv.status ?? {}), phase: "Available" });
    return;
  }
  const claim = engine.store.get("persistentvolumeclaims", ref.namespace, ref.name) as Obj | undefined;
  if (claim && claim.metadata.uid === ref.uid) return;
  // The claim is gone: Released, then the reclaim policy.
  if (pv.status?.phase !== "Released" && pv.status?.phase !== "Failed") {
    client.updateStatus("persistentvolumes", undefined, name, { ...(pv.status ?? {}), phase: "Released" });
  }
  const policy = pv.spec?.persistentVolumeReclaimPolicy ?? "Retain";
  if (policy === "Delete") {
    client.delete("persistentvolumes", undefined, name);
  } else if (policy === "Recycle") {
    const next = JSON.parse(JSON.stringify(engine.store.get("persistentvolumes", undefined, name)));
    delete next.spec.claimRef;
    client.update("persistentvolumes", next as KubeObject);
  }
}

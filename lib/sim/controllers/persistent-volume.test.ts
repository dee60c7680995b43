import { describe, expect, it } from "vitest";
import type { KubeObject } from "../core/types";
import type { Obj } from "./controller-utils";
import { findBestMatch } from "./persistent-volume";
import { eventMessages, get, newCluster } from "./testing";

function pv(name: string, size: string, spec: Obj = {}, labels?: Record<string, string>): KubeObject {
  return {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: { name, ...(labels ? { labels } : {}) },
    spec: { capacity: { storage: size }, accessModes: ["ReadWriteOnce"], hostPath: { path: `/mnt/${name}` }, ...spec },
  };
}

function pvc(name: string, size: string, spec: Obj = {}): KubeObject {
  return { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: size } }, ...spec } };
}

const vol = (c: ReturnType<typeof newCluster>, name: string) => c.engine.store.get("persistentvolumes", undefined, name) as Obj;

describe("findBestMatch", () => {
  const v = (name: string, size: string, spec: Obj = {}) => ({ metadata: { name }, spec: { capacity: { storage: size }, accessModes: ["ReadWriteOnce"], ...spec }, status: { phase: "Available" } });
  const claim = (spec: Obj) => ({ metadata: { name: "c", namespace: "default", uid: "u" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, ...spec } });
  it.each([
    ["smallest that fits", [v("big", "10Gi"), v("small", "2Gi"), v("tiny", "500Mi")], {}, "small"],
    ["storageClassName must match", [v("a", "1Gi", { storageClassName: "fast" }), v("b", "5Gi")], { storageClassName: "fast" }, "a"],
    ["unset class only matches class-less volumes", [v("a", "1Gi", { storageClassName: "fast" })], {}, undefined],
    ["accessModes superset", [v("rwo", "1Gi"), v("rwx", "2Gi", { accessModes: ["ReadWriteOnce", "ReadWriteMany"] })], { accessModes: ["ReadWriteMany"] }, "rwx"],
    ["volumeMode", [v("fs", "1Gi"), v("blk", "1Gi", { volumeMode: "Block" })], { volumeMode: "Block" }, "blk"],
    ["selector", [{ ...v("a", "1Gi"), metadata: { name: "a", labels: { tier: "db" } } }, v("b", "1Gi")], { selector: { matchLabels: { tier: "db" } } }, "a"],
  ])("%s", (_, volumes, spec, want) => {
    expect(findBestMatch(volumes as Obj[], claim(spec))?.metadata.name).toBe(want);
  });
});

describe("PersistentVolume binder", () => {
  it("binds a claim to the smallest fitting volume with annotations, claimRef and phases", () => {
    const c = newCluster(81);
    c.apply(pv("pv-10g", "10Gi"));
    c.apply(pv("pv-2g", "2Gi"));
    expect(vol(c, "pv-2g").status.phase).toBe("Available");
    expect(vol(c, "pv-2g").metadata.finalizers).toEqual(["kubernetes.io/pv-protection"]);
    c.apply(pvc("data", "1Gi"));
    const claim = get(c, "persistentvolumeclaims", "data");
    expect(claim.spec.volumeName).toBe("pv-2g");
    expect(claim.metadata.annotations).toEqual({ "pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes" });
    expect(claim.metadata.finalizers).toEqual(["kubernetes.io/pvc-protection"]);
    expect(claim.status).toEqual({ accessModes: ["ReadWriteOnce"], capacity: { storage: "2Gi" }, phase: "Bound" });
    const v = vol(c, "pv-2g");
    expect(v.status.phase).toBe("Bound");
    expect(v.spec.claimRef).toMatchObject({ kind: "PersistentVolumeClaim", namespace: "default", name: "data", uid: claim.metadata.uid });
    expect(v.metadata.annotations).toEqual({ "pv.kubernetes.io/bound-by-controller": "yes" });
    // Retain (the default for static volumes): Released after the claim goes.
    c.delete("persistentvolumeclaims", "data");
    expect(get(c, "persistentvolumeclaims", "data")).toBeUndefined();
    expect(vol(c, "pv-2g").status.phase).toBe("Released");
  });

  it("reports FailedBinding while nothing fits, binds when a volume appears; volumeName pre-binds", () => {
    const c = newCluster(82);
    c.apply(pvc("data", "5Gi"));
    expect(get(c, "persistentvolumeclaims", "data").status.phase).toBe("Pending");
    expect(eventMessages(c, { kind: "PersistentVolumeClaim" })).toEqual(["FailedBinding: no persistent volumes available for this claim and no storage class is set"]);
    c.apply(pv("big", "5Gi"));
    expect(get(c, "persistentvolumeclaims", "data").status.phase).toBe("Bound");
    c.apply(pv("mine", "1Gi"));
    c.apply(pv("other", "1Gi"));
    c.apply(pvc("pinned", "1Gi", { volumeName: "other" }));
    const pinned = get(c, "persistentvolumeclaims", "pinned");
    expect(pinned.spec.volumeName).toBe("other");
    expect(pinned.metadata.annotations).toEqual({ "pv.kubernetes.io/bind-completed": "yes" });
  });

  it("deletes a Delete-policy volume once its claim is gone", () => {
    const c = newCluster(83);
    c.apply(pv("scratch", "1Gi", { persistentVolumeReclaimPolicy: "Delete" }));
    c.apply(pvc("tmp", "1Gi"));
    c.delete("persistentvolumeclaims", "tmp");
    expect(vol(c, "scratch")).toBeUndefined();
  });

  it("keeps a claim in use by a pod until the pod goes (pvc-protection)", () => {
    const c = newCluster(84);
    c.apply(pv("v", "1Gi"));
    c.apply(pvc("data", "1Gi"));
    c.apply({ apiVersion: "v1", kind: "Pod", metadata: { name: "user" }, spec: { containers: [{ name: "c", image: "nginx" }], volumes: [{ name: "d", persistentVolumeClaim: { claimName: "data" } }] } });
    c.delete("persistentvolumeclaims", "data");
    expect(get(c, "persistentvolumeclaims", "data").metadata.deletionTimestamp).toBeDefined();
    c.delete("pods", "user");
    expect(get(c, "persistentvolumeclaims", "data")).toBeUndefined();
  });
});

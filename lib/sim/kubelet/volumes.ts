// Mirrors the kubelet volume manager's SetUp for the in-tree plugins learners use (pkg/volume/emptydir,
// hostpath, configmap, secret, downwardapi, projected, and persistentVolumeClaim → the bound PV):
// payloads laid out by the AtomicWriter (`..data` symlink), items/keys/defaultMode/optional honoured,
// and the exact `MountVolume.SetUp failed for volume "x" : …` messages of FailedMount events.
import type { Engine } from "../core/engine";
import { createVfs, writeAtomicVolume, type Vfs } from "../runtime/vfs";
import { configMapData, fieldRefValue, formatMap, resourceFieldValue, secretValues } from "./container-config";
import type { KubeletState, NodeAgent, Obj, PodWorker } from "./state";

/** `bases`: where inside a shared filesystem a volume starts (hostPath and hostPath/local PVs live in the node's). */
export type VolumeSetup = { ok: true; volumes: Map<string, Vfs>; bases: Map<string, string> } | { ok: false; volume: string; message: string };

type Payload = { ok: true; files: Record<string, string>; mode?: number } | { ok: false; message: string } | { ok: "skip" };

function projectItems(data: Record<string, string>, items: Obj[] | undefined, optional: boolean, kind: "configmap" | "secret"): Payload {
  if (!items?.length) return { ok: true, files: { ...data } };
  const out: Record<string, string> = {};
  for (const it of items) {
    if (!(it.key in data)) {
      if (optional) continue;
      return { ok: false, message: `${kind === "configmap" ? "configmap" : "secret"} references non-existent ${kind === "configmap" ? "config" : "secret"} key: ${it.key}` };
    }
    out[it.path] = data[it.key];
  }
  return { ok: true, files: out };
}

function configMapPayload(engine: Engine, ns: string, src: Obj): Payload {
  const cm = engine.store.get("configmaps", ns, src.name) as Obj | undefined;
  if (!cm) return src.optional ? { ok: true, files: {} } : { ok: false, message: `configmap "${src.name}" not found` };
  return projectItems(configMapData(cm), src.items, !!src.optional, "configmap");
}

function secretPayload(engine: Engine, ns: string, src: Obj, nameField: "secretName" | "name"): Payload {
  const name = src[nameField];
  const s = engine.store.get("secrets", ns, name) as Obj | undefined;
  if (!s) return src.optional ? { ok: true, files: {} } : { ok: false, message: `secret "${name}" not found` };
  return projectItems(secretValues(s), src.items, !!src.optional, "secret");
}

function downwardPayload(w: PodWorker, node: NodeAgent, items: Obj[], engine: Engine): Payload {
  const out: Record<string, string> = {};
  const facts = { pod: w.pod as Obj, podIP: w.ip, hostIP: node.hostIP, nodeAllocatable: nodeAllocatable(engine, w.node) };
  for (const it of items ?? []) {
    if (it.fieldRef) {
      const fp: string = it.fieldRef.fieldPath;
      const meta = (w.pod as Obj).metadata;
      const r =
        fp === "metadata.labels" || fp === "metadata.annotations" ? { ok: true as const, value: formatMap(meta[fp.slice(9)] ?? {}) } : fieldRefValue(fp, facts);
      if (!r.ok) return { ok: false, message: r.message };
      out[it.path] = r.value;
    } else if (it.resourceFieldRef) {
      const target = ((w.pod as Obj).spec?.containers ?? []).find((c: Obj) => c.name === it.resourceFieldRef.containerName);
      const r = resourceFieldValue(it.resourceFieldRef, target, facts);
      if (!r.ok) return { ok: false, message: r.message };
      out[it.path] = r.value;
    }
  }
  return { ok: true, files: out };
}

export function nodeAllocatable(engine: Engine, nodeName: string): Record<string, string> {
  return ((engine.store.get("nodes", undefined, nodeName) as Obj | undefined)?.status?.allocatable ?? {}) as Record<string, string>;
}

/** A plausible projected service-account token (a JWT whose claims name the pod). */
function serviceAccountToken(w: PodWorker, engine: Engine): string {
  const b64 = (s: string) => btoaUtf8(s).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  const now = Math.floor(engine.now() / 1000);
  const claims = {
    aud: ["https://kubernetes.default.svc.cluster.local"],
    exp: now + 3607,
    iat: now,
    iss: "https://kubernetes.default.svc.cluster.local",
    "kubernetes.io": {
      namespace: w.namespace,
      pod: { name: w.name, uid: w.uid },
      serviceaccount: { name: (w.pod as Obj).spec?.serviceAccountName ?? "default" },
    },
    nbf: now,
    sub: `system:serviceaccount:${w.namespace}:${(w.pod as Obj).spec?.serviceAccountName ?? "default"}`,
  };
  return `${b64('{"alg":"RS256","kid":"kubedrill"}')}.${b64(JSON.stringify(claims))}.${b64(w.uid + w.name)}`;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const utf8 = new TextEncoder();

function btoaUtf8(s: string): string {
  const bytes = utf8.encode(s);
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const more = bytes.length - i;
    const n = (bytes[i] << 16) | ((more > 1 ? bytes[i + 1] : 0) << 8) | (more > 2 ? bytes[i + 2] : 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (more > 1 ? B64[(n >> 6) & 63] : "=") + (more > 2 ? B64[n & 63] : "=");
  }
  return out;
}

function payloadFor(kl: KubeletState, w: PodWorker, node: NodeAgent, vol: Obj): Payload {
  const engine = kl.engine;
  const ns = w.namespace;
  if (vol.configMap) {
    const p = configMapPayload(engine, ns, vol.configMap);
    return p.ok === true ? { ...p, mode: vol.configMap.defaultMode } : p;
  }
  if (vol.secret) {
    const p = secretPayload(engine, ns, vol.secret, "secretName");
    return p.ok === true ? { ...p, mode: vol.secret.defaultMode } : p;
  }
  if (vol.downwardAPI) {
    const p = downwardPayload(w, node, vol.downwardAPI.items, engine);
    return p.ok === true ? { ...p, mode: vol.downwardAPI.defaultMode } : p;
  }
  if (vol.projected) {
    const files: Record<string, string> = {};
    for (const src of vol.projected.sources ?? []) {
      let p: Payload = { ok: "skip" };
      if (src.configMap) p = configMapPayload(engine, ns, src.configMap);
      else if (src.secret) p = secretPayload(engine, ns, src.secret, "name");
      else if (src.downwardAPI) p = downwardPayload(w, node, src.downwardAPI.items, engine);
      else if (src.serviceAccountToken) p = { ok: true, files: { [src.serviceAccountToken.path]: serviceAccountToken(w, engine) } };
      if (p.ok === false) return p;
      if (p.ok === true) Object.assign(files, p.files);
    }
    return { ok: true, files, mode: vol.projected.defaultMode };
  }
  return { ok: "skip" };
}

/** Sets up every volume of the pod; the first failure is reported as the kubelet's FailedMount does. */
export function setUpVolumes(kl: KubeletState, w: PodWorker, node: NodeAgent): VolumeSetup {
  const engine = kl.engine;
  const out = new Map<string, Vfs>();
  const bases = new Map<string, string>();
  const now = () => engine.now();
  for (const vol of ((w.pod as Obj).spec?.volumes ?? []) as Obj[]) {
    const existing = w.volumes.get(vol.name);
    if (vol.emptyDir) {
      out.set(vol.name, existing ?? createVfs({ now }));
    } else if (vol.hostPath) {
      const path: string = vol.hostPath.path;
      const type: string = vol.hostPath.type ?? "";
      const st = node.hostFs.stat(path);
      const isDir = st.ok && st.value.node.kind === "dir";
      const isFile = st.ok && st.value.node.kind === "file";
      if (type === "Directory" && !isDir) return { ok: false, volume: vol.name, message: `hostPath type check failed: ${path} is not a directory` };
      if (type === "File" && !isFile) return { ok: false, volume: vol.name, message: `hostPath type check failed: ${path} is not a file` };
      if (type === "FileOrCreate" && !st.ok) {
        node.hostFs.mkdir(parentDir(path), { parents: true });
        node.hostFs.writeFile(path, "", { mode: 0o644 });
      }
      if ((type === "" || type === "DirectoryOrCreate") && !st.ok) node.hostFs.mkdir(path, { parents: true, mode: 0o755 });
      out.set(vol.name, node.hostFs);
      bases.set(vol.name, path.replace(/\/+$/, ""));
    } else if (vol.persistentVolumeClaim) {
      const claim = vol.persistentVolumeClaim.claimName;
      const pvc = engine.store.get("persistentvolumeclaims", w.namespace, claim) as Obj | undefined;
      if (!pvc) return { ok: false, volume: vol.name, message: `persistentvolumeclaim "${claim}" not found` };
      const pv: string | undefined = pvc.spec?.volumeName;
      if (!pv || pvc.status?.phase !== "Bound") return { ok: false, volume: vol.name, message: `PVC ${w.namespace}/${claim} has non-bound phase ("${pvc.status?.phase ?? "Pending"}") or empty pvc.Spec.VolumeName ("${pv ?? ""}")` };
      const pvObj = engine.store.get("persistentvolumes", undefined, pv) as Obj | undefined;
      const nodePath: string | undefined = pvObj?.spec?.hostPath?.path ?? pvObj?.spec?.local?.path;
      if (nodePath) {
        // hostPath/local PVs are directories on the node: other pods (and hostPath volumes) there share them.
        if (!node.hostFs.exists(nodePath)) node.hostFs.mkdir(nodePath, { parents: true, mode: 0o755 });
        out.set(vol.name, node.hostFs);
        bases.set(vol.name, nodePath.replace(/\/+$/, ""));
        continue;
      }
      let fs = kl.pvStorage.get(pv);
      if (!fs) {
        fs = createVfs({ now });
        kl.pvStorage.set(pv, fs);
      }
      out.set(vol.name, fs);
    } else {
      const p = payloadFor(kl, w, node, vol);
      if (p.ok === false) return { ok: false, volume: vol.name, message: p.message };
      if (p.ok === true) {
        const fs = existing ?? createVfs({ now });
        writeAtomicVolume(fs, p.files, { now: engine.now(), mode: p.mode ?? 0o644 });
        out.set(vol.name, fs);
      }
    }
  }
  return { ok: true, volumes: out, bases };
}

/** Re-projects configMap/secret/downwardAPI/projected payloads (the kubelet's periodic volume resync). */
export function refreshVolumes(kl: KubeletState, w: PodWorker, node: NodeAgent): void {
  for (const vol of ((w.pod as Obj).spec?.volumes ?? []) as Obj[]) {
    if (!(vol.configMap || vol.secret || vol.downwardAPI || vol.projected)) continue;
    const fs = w.volumes.get(vol.name);
    if (!fs) continue;
    const p = payloadFor(kl, w, node, vol);
    if (p.ok === true) writeAtomicVolume(fs, p.files, { now: kl.engine.now(), mode: p.mode ?? 0o644 });
  }
}

function parentDir(path: string): string {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}

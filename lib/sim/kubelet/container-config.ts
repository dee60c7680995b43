// Mirrors pkg/kubelet/kubelet_pods.go (makeEnvironmentVariables, podFieldSelectorRuntimeValue,
// containerResourceRuntimeValue, ensureHostsFile/managedHostsFileContent), pkg/kubelet/envvars/envvars.go
// (FromServices), third_party/forked/golang/expansion ($(VAR) expansion) and
// pkg/kubelet/container/helpers.go (ExpandContainerCommandAndArgs), plus the CRI's command/args vs
// ENTRYPOINT/CMD rule and pkg/kubelet/network/dns (resolv.conf for ClusterFirst).
import type { Engine } from "../core/engine";
import type { KubeObject } from "../core/types";
import { parseQuantity } from "../api/quantity";
import type { ResolvedImage } from "../runtime/types";
import type { Obj } from "./state";

export type ConfigResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** expansion.Expand: `$(VAR)` from the mapping, `$$` escapes, unknown references stay verbatim. */
export function expand(input: string, lookup: (name: string) => string | undefined): string {
  let out = "";
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (ch !== "$" || i + 1 >= input.length) {
      out += ch;
      continue;
    }
    const next = input[i + 1];
    if (next === "$") {
      out += "$";
      i++;
    } else if (next === "(") {
      const close = input.indexOf(")", i + 2);
      if (close === -1) {
        out += input.slice(i);
        break;
      }
      const name = input.slice(i + 2, close);
      const v = lookup(name);
      out += v ?? `$(${name})`;
      i = close;
    } else out += ch;
  }
  return out;
}

const envName = (s: string) => s.toUpperCase().replace(/-/g, "_");

/** envvars.FromServices: `<SVC>_SERVICE_HOST/PORT` and the docker-link style `<SVC>_PORT_*` variables. */
export function serviceEnv(engine: Engine, namespace: string, enableServiceLinks: boolean): [string, string][] {
  const services: Obj[] = [];
  const master = engine.store.get("services", "default", "kubernetes") as Obj | undefined;
  if (enableServiceLinks) for (const s of engine.store.list("services", namespace)) services.push(s as Obj);
  if (master && !(enableServiceLinks && namespace === "default")) services.push(master);
  const out: [string, string][] = [];
  for (const svc of services) {
    const ip = svc.spec?.clusterIP;
    if (!ip || ip === "None" || svc.spec?.type === "ExternalName") continue;
    const name = envName(svc.metadata.name);
    const ports: Obj[] = svc.spec?.ports ?? [];
    out.push([`${name}_SERVICE_HOST`, ip]);
    if (ports.length) out.push([`${name}_SERVICE_PORT`, String(ports[0].port)]);
    for (const p of ports) if (p.name) out.push([`${name}_SERVICE_PORT_${envName(p.name)}`, String(p.port)]);
    ports.forEach((p, i) => {
      const proto = String(p.protocol ?? "TCP").toLowerCase();
      const url = `${proto}://${ip}:${p.port}`;
      if (i === 0) out.push([`${name}_PORT`, url]);
      const prefix = `${name}_PORT_${p.port}_${String(p.protocol ?? "TCP").toUpperCase()}`;
      out.push([prefix, url], [`${prefix}_PROTO`, proto], [`${prefix}_PORT`, String(p.port)], [`${prefix}_ADDR`, ip]);
    });
  }
  return out;
}

type PodFacts = { pod: Obj; podIP?: string; hostIP: string; nodeAllocatable: Record<string, string> };

/** podFieldSelectorRuntimeValue + fieldpath.ExtractFieldPathAsString. */
export function fieldRefValue(fieldPath: string, f: PodFacts): ConfigResult<string> {
  const meta = f.pod.metadata ?? {};
  const sub = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
  if (sub) return { ok: true, value: String((meta[sub[1]] ?? {})[sub[2]] ?? "") };
  switch (fieldPath) {
    case "metadata.name":
      return { ok: true, value: meta.name ?? "" };
    case "metadata.namespace":
      return { ok: true, value: meta.namespace ?? "" };
    case "metadata.uid":
      return { ok: true, value: meta.uid ?? "" };
    case "metadata.labels":
    case "metadata.annotations":
      return { ok: true, value: formatMap(meta[fieldPath.slice(9)] ?? {}) };
    case "spec.nodeName":
      return { ok: true, value: f.pod.spec?.nodeName ?? "" };
    case "spec.serviceAccountName":
      return { ok: true, value: f.pod.spec?.serviceAccountName ?? "" };
    case "status.hostIP":
    case "status.hostIPs":
      return { ok: true, value: f.hostIP };
    case "status.podIP":
    case "status.podIPs":
      return { ok: true, value: f.podIP ?? "" };
  }
  return { ok: false, message: `unsupported fieldPath: ${fieldPath}` };
}

/** fieldpath.FormatMap: sorted `key="value"` lines (downward API labels/annotations files). */
export function formatMap(m: Record<string, string>): string {
  return Object.keys(m)
    .sort()
    .map((k) => `${k}=${JSON.stringify(m[k])}`)
    .join("\n");
}

/** resource.ExtractContainerResourceValue: limits default to the node's allocatable. */
export function resourceFieldValue(ref: Obj, container: Obj | undefined, f: PodFacts): ConfigResult<string> {
  if (!container) return { ok: false, message: `cannot find container ${ref.containerName}` };
  const resource: string = ref.resource ?? "";
  const [kind, name] = resource.split(".") as [string, string];
  const res = container.resources ?? {};
  let raw: string | number | undefined = kind === "limits" ? res.limits?.[name] : res.requests?.[name];
  if (raw === undefined && kind === "limits") raw = f.nodeAllocatable[name];
  if (raw === undefined && kind === "requests") raw = name === "cpu" || name === "memory" || name === "ephemeral-storage" ? res.limits?.[name] ?? 0 : undefined;
  if (raw === undefined) return { ok: false, message: `unsupported container resource : ${resource}` };
  const q = parseQuantity(raw);
  const d = parseQuantity(ref.divisor ?? 1);
  if (!q.ok || !d.ok || d.quantity.nano === 0n) return { ok: false, message: `unsupported container resource : ${resource}` };
  // ConvertResourceCPUToString / Memory: ceil(value / divisor), at least 1 for cpu when non-zero.
  let v = (q.quantity.nano + d.quantity.nano - 1n) / d.quantity.nano;
  if (name === "cpu" && v === 0n) v = 1n;
  return { ok: true, value: String(v) };
}

/** base64 for Secret data (the store keeps it encoded, as the API does). */
export function decodeBase64(text: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const clean = text.replace(/[^A-Za-z0-9+/]/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const n = [0, 1, 2, 3].map((j) => (i + j < clean.length ? alphabet.indexOf(clean[i + j]) : -1));
    const b = ((n[0] << 18) | (n[1] << 12) | ((n[2] < 0 ? 0 : n[2]) << 6) | (n[3] < 0 ? 0 : n[3])) >>> 0;
    bytes.push((b >> 16) & 255);
    if (n[2] >= 0) bytes.push((b >> 8) & 255);
    if (n[3] >= 0) bytes.push(b & 255);
  }
  // UTF-8 decode.
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    let cp: number;
    let len: number;
    if (b < 0x80) [cp, len] = [b, 1];
    else if (b >= 0xf0) [cp, len] = [b & 7, 4];
    else if (b >= 0xe0) [cp, len] = [b & 15, 3];
    else [cp, len] = [b & 31, 2];
    for (let j = 1; j < len; j++) cp = (cp << 6) | ((bytes[i + j] ?? 0) & 63);
    out += String.fromCodePoint(cp);
    i += len;
  }
  return out;
}

function secretData(secret: Obj): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(secret.data ?? {})) out[k] = decodeBase64(String(v));
  for (const [k, v] of Object.entries(secret.stringData ?? {})) out[k] = String(v);
  return out;
}

export function configMapData(cm: Obj): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) out[k] = decodeBase64(String(v));
  for (const [k, v] of Object.entries(cm.data ?? {})) out[k] = String(v);
  return out;
}

export function secretValues(secret: Obj): Record<string, string> {
  return secretData(secret);
}

/**
 * makeEnvironmentVariables: envFrom (with prefix) then env in order, each value expanded against what is
 * already defined plus the service variables; service variables fill in whatever is not defined.
 */
export function makeEnvironment(engine: Engine, container: Obj, f: PodFacts): ConfigResult<[string, string][]> {
  const ns: string = f.pod.metadata.namespace;
  const svcEnv = serviceEnv(engine, ns, f.pod.spec?.enableServiceLinks !== false);
  const svcMap = new Map(svcEnv);
  const tmp = new Map<string, string>();
  for (const src of container.envFrom ?? []) {
    const prefix: string = src.prefix ?? "";
    if (src.configMapRef) {
      const cm = engine.store.get("configmaps", ns, src.configMapRef.name) as Obj | undefined;
      if (!cm) {
        if (src.configMapRef.optional) continue;
        return { ok: false, message: `configmap "${src.configMapRef.name}" not found` };
      }
      for (const [k, v] of Object.entries(configMapData(cm))) tmp.set(prefix + k, v);
    } else if (src.secretRef) {
      const s = engine.store.get("secrets", ns, src.secretRef.name) as Obj | undefined;
      if (!s) {
        if (src.secretRef.optional) continue;
        return { ok: false, message: `secret "${src.secretRef.name}" not found` };
      }
      for (const [k, v] of Object.entries(secretData(s))) tmp.set(prefix + k, v);
    }
  }
  const lookup = (name: string) => tmp.get(name) ?? svcMap.get(name);
  for (const e of container.env ?? []) {
    let value: string | undefined;
    if (e.valueFrom) {
      const vf = e.valueFrom;
      if (vf.fieldRef) {
        const r = fieldRefValue(vf.fieldRef.fieldPath, f);
        if (!r.ok) return r;
        value = r.value;
      } else if (vf.resourceFieldRef) {
        const target = vf.resourceFieldRef.containerName
          ? [...(f.pod.spec?.containers ?? []), ...(f.pod.spec?.initContainers ?? [])].find((c: Obj) => c.name === vf.resourceFieldRef.containerName)
          : container;
        const r = resourceFieldValue(vf.resourceFieldRef, target, f);
        if (!r.ok) return r;
        value = r.value;
      } else if (vf.configMapKeyRef) {
        const ref = vf.configMapKeyRef;
        const cm = engine.store.get("configmaps", ns, ref.name) as Obj | undefined;
        if (!cm) {
          if (ref.optional) continue;
          return { ok: false, message: `configmap "${ref.name}" not found` };
        }
        const data = configMapData(cm);
        if (!(ref.key in data)) {
          if (ref.optional) continue;
          return { ok: false, message: `couldn't find key ${ref.key} in ConfigMap ${ns}/${ref.name}` };
        }
        value = data[ref.key];
      } else if (vf.secretKeyRef) {
        const ref = vf.secretKeyRef;
        const s = engine.store.get("secrets", ns, ref.name) as Obj | undefined;
        if (!s) {
          if (ref.optional) continue;
          return { ok: false, message: `secret "${ref.name}" not found` };
        }
        const data = secretData(s);
        if (!(ref.key in data)) {
          if (ref.optional) continue;
          return { ok: false, message: `couldn't find key ${ref.key} in Secret ${ns}/${ref.name}` };
        }
        value = data[ref.key];
      }
    } else value = expand(String(e.value ?? ""), lookup);
    tmp.set(e.name, value ?? "");
  }
  const out: [string, string][] = [...tmp.entries()];
  for (const [k, v] of svcEnv) if (!tmp.has(k)) out.push([k, v]);
  return { ok: true, value: out };
}

/** The process's argv: Kubernetes command/args over the image's ENTRYPOINT/CMD, with $(VAR) expanded. */
export function containerArgv(container: Obj, image: ResolvedImage, env: Record<string, string>): string[] {
  const lookup = (n: string) => env[n];
  const command: string[] | undefined = container.command?.map((c: string) => expand(String(c), lookup));
  const args: string[] | undefined = container.args?.map((a: string) => expand(String(a), lookup));
  const entrypoint = image.config.entrypoint ?? [];
  const cmd = image.config.cmd ?? [];
  if (command?.length) return [...command, ...(args ?? [])];
  if (args?.length) return [...entrypoint, ...args];
  // `command: []` counts as unset, as in the CRI.
  return [...entrypoint, ...cmd];
}

/** managedHostsFileContent (+ hostAliases). */
export function hostsFile(pod: Obj, podIP: string | undefined): string {
  const spec = pod.spec ?? {};
  const hostname: string = spec.hostname || pod.metadata.name;
  let out =
    "# Kubernetes-managed hosts file.\n" +
    "127.0.0.1\tlocalhost\n" +
    "::1\tlocalhost ip6-localhost ip6-loopback\n" +
    "fe00::0\tip6-localnet\n" +
    "fe00::0\tip6-mcastprefix\n" +
    "fe00::1\tip6-allnodes\n" +
    "fe00::2\tip6-allrouters\n";
  if (podIP) {
    out += spec.subdomain
      ? `${podIP}\t${hostname}.${spec.subdomain}.${pod.metadata.namespace}.svc.cluster.local\t${hostname}\n`
      : `${podIP}\t${hostname}\n`;
  }
  if (spec.hostAliases?.length) {
    out += "\n# Entries added by HostAliases.\n";
    for (const a of spec.hostAliases) out += `${a.ip}\t${(a.hostnames ?? []).join("\t")}\n`;
  }
  return out;
}

/** resolv.conf as the kubelet writes it for dnsPolicy ClusterFirst (and dnsConfig merges). */
export function resolvConf(pod: Obj): string {
  const ns = pod.metadata.namespace;
  const spec = pod.spec ?? {};
  const policy = spec.dnsPolicy ?? "ClusterFirst";
  let search: string[] = [];
  let servers: string[] = [];
  let options: string[] = [];
  if (policy === "ClusterFirst" || policy === "ClusterFirstWithHostNet") {
    search = [`${ns}.svc.cluster.local`, "svc.cluster.local", "cluster.local"];
    servers = ["10.96.0.10"];
    options = ["ndots:5"];
  } else if (policy === "Default") {
    servers = ["8.8.8.8"];
  }
  const cfg = spec.dnsConfig;
  if (cfg) {
    servers = [...servers, ...(cfg.nameservers ?? [])];
    search = [...search, ...(cfg.searches ?? [])];
    for (const o of cfg.options ?? []) {
      const text = o.value !== undefined ? `${o.name}:${o.value}` : o.name;
      options = options.filter((x) => x.split(":")[0] !== o.name);
      options.push(text);
    }
  }
  let out = "";
  if (search.length) out += `search ${search.join(" ")}\n`;
  for (const s of servers) out += `nameserver ${s}\n`;
  if (options.length) out += `options ${options.join(" ")}\n`;
  return out;
}

export function podHostname(pod: KubeObject): string {
  const spec = (pod as Obj).spec ?? {};
  return spec.hostname || pod.metadata.name || "";
}

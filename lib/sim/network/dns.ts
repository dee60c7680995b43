// Cluster DNS with CoreDNS's kubernetes plugin semantics (as kubeadm configures it: `kubernetes
// cluster.local in-addr.arpa ip6.arpa { pods insecure }` and `forward . /etc/resolv.conf`), plus the
// pod's resolver: search path `<ns>.svc.cluster.local svc.cluster.local cluster.local` with ndots:5
// for dnsPolicy ClusterFirst (pkg/kubelet/network/dns/dns.go).
//   <svc>.<ns>.svc.cluster.local            ClusterIP, or every ready address of a headless Service
//   <hostname>.<svc>.<ns>.svc.cluster.local  an endpoint's hostname (StatefulSet pods: web-0.nginx…)
//   <a-b-c-d>.<svc>.<ns>.svc.cluster.local   an endpoint by its dashed IP
//   <a-b-c-d>.<ns>.pod.cluster.local         any pod IP (pods insecure)
//   ExternalName Services                    CNAME to spec.externalName
// Anything else in cluster.local is NXDOMAIN; other names go upstream (a few well-known hosts).
import type { Engine } from "../core/engine";
import type { KubeObject } from "../core/types";
import { EXTERNAL_HOSTS, externalHostByIp } from "./external";
import { isIPv4 } from "./state";
import { readyAddresses } from "./endpoints";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

export const CLUSTER_DOMAIN = "cluster.local";
export const CLUSTER_DNS_IP = "10.96.0.10";

export type Resolution = { kind: "ok"; ip: string; fqdn: string } | { kind: "nxdomain" };

export type ResolverConfig = {
  /** Queries may use cluster.local names (ClusterFirst, or None pointing at the cluster DNS). */
  cluster: boolean;
  search: string[];
  ndots: number;
};

/** The resolv.conf the kubelet writes for a pod (dnsPolicy, dnsConfig; host-network pods fall back to Default). */
export function resolverFor(pod: KubeObject | undefined): ResolverConfig {
  if (!pod) return { cluster: false, search: [], ndots: 1 };
  const spec = (pod.spec ?? {}) as Obj;
  const ns = pod.metadata.namespace ?? "default";
  let policy: string = spec.dnsPolicy ?? "ClusterFirst";
  if (policy === "ClusterFirst" && spec.hostNetwork) policy = "Default";
  if (policy === "ClusterFirstWithHostNet") policy = "ClusterFirst";
  const cfg = (spec.dnsConfig ?? {}) as { nameservers?: string[]; searches?: string[]; options?: { name: string; value?: string }[] };
  const ndotsOpt = cfg.options?.find((o) => o.name === "ndots")?.value;
  const clusterSearch = [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
  if (policy === "None") {
    return { cluster: (cfg.nameservers ?? []).includes(CLUSTER_DNS_IP), search: cfg.searches ?? [], ndots: ndotsOpt ? Number(ndotsOpt) : 1 };
  }
  if (policy === "Default") return { cluster: false, search: cfg.searches ?? [], ndots: ndotsOpt ? Number(ndotsOpt) : 1 };
  return { cluster: true, search: [...clusterSearch, ...(cfg.searches ?? [])], ndots: ndotsOpt ? Number(ndotsOpt) : 5 };
}

/** The order a stub resolver tries names in: search list first when the name has fewer dots than ndots. */
export function candidates(name: string, cfg: ResolverConfig): string[] {
  const n = name.toLowerCase();
  if (n.endsWith(".")) return [n.slice(0, -1)];
  const dots = n.split(".").length - 1;
  const searched = cfg.search.map((s) => `${n}.${s}`);
  return dots >= cfg.ndots ? [n, ...searched] : [...searched, n];
}

export function resolveName(engine: Engine, name: string, cfg: ResolverConfig): Resolution {
  if (isIPv4(name)) return { kind: "ok", ip: name, fqdn: name };
  for (const fqdn of candidates(name, cfg)) {
    const ip = lookup(engine, fqdn, cfg.cluster, 0);
    if (ip) return { kind: "ok", ip, fqdn };
  }
  return { kind: "nxdomain" };
}

function dashedIp(label: string): string | undefined {
  const ip = label.replace(/-/g, ".");
  return /^\d+-\d+-\d+-\d+$/.test(label) && isIPv4(ip) ? ip : undefined;
}

/** One fully-qualified query: an A record, following CNAMEs (ExternalName) a few levels deep. */
export function lookup(engine: Engine, fqdn: string, cluster: boolean, depth: number): string | undefined {
  if (depth > 8) return undefined;
  if (isIPv4(fqdn)) return fqdn;
  const suffix = `.${CLUSTER_DOMAIN}`;
  if (fqdn === CLUSTER_DOMAIN || fqdn.endsWith(suffix)) {
    if (!cluster) return undefined;
    const labels = fqdn.slice(0, -suffix.length).split(".");
    const zone = labels[labels.length - 1];
    if (zone === "pod" && labels.length === 3) return dashedIp(labels[0]);
    if (zone !== "svc") return undefined;
    if (labels.length === 3) return serviceRecord(engine, labels[1], labels[0], cluster, depth);
    if (labels.length === 4) return endpointRecord(engine, labels[2], labels[1], labels[0]);
    return undefined;
  }
  return EXTERNAL_HOSTS[fqdn]?.ip;
}

function serviceRecord(engine: Engine, namespace: string, name: string, cluster: boolean, depth: number): string | undefined {
  const svc = engine.store.get("services", namespace, name) as Obj | undefined;
  if (!svc) return undefined;
  const spec = svc.spec ?? {};
  if (spec.type === "ExternalName") {
    const target = String(spec.externalName ?? "").toLowerCase().replace(/\.$/, "");
    return target ? lookup(engine, target, cluster, depth + 1) : undefined;
  }
  if (spec.clusterIP && spec.clusterIP !== "None") return spec.clusterIP;
  return readyAddresses(engine, svc as KubeObject)[0]?.ip;
}

/** Every A record of a name (headless Services answer with all ready pod IPs, in address order). */
export function lookupAll(engine: Engine, fqdn: string, cluster: boolean): string[] {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (cluster && fqdn.endsWith(suffix)) {
    const labels = fqdn.slice(0, -suffix.length).split(".");
    if (labels.length === 2) {
      const svc = engine.store.get("services", labels[1], labels[0]) as Obj | undefined;
      if (svc && svc.spec?.clusterIP === "None" && svc.spec?.type !== "ExternalName") {
        return readyAddresses(engine, svc as KubeObject)
          .map((e) => e.ip)
          .sort(compareIPv4);
      }
    }
  }
  const one = lookup(engine, fqdn, cluster, 0);
  return one ? [one] : [];
}

function compareIPv4(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/** The CNAME an ExternalName Service's name answers with (CoreDNS: `Host: svc.ExternalName`). */
function externalNameTarget(engine: Engine, fqdn: string, cluster: boolean): string | undefined {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!cluster || !fqdn.endsWith(suffix)) return undefined;
  const labels = fqdn.slice(0, -suffix.length).split(".");
  if (labels.length !== 2) return undefined;
  const svc = engine.store.get("services", labels[1], labels[0]) as Obj | undefined;
  if (svc?.spec?.type !== "ExternalName" || !svc.spec.externalName) return undefined;
  return String(svc.spec.externalName).toLowerCase().replace(/\.$/, "");
}

export type Answer = { kind: "ok"; fqdn: string; cname?: string; ips: string[] } | { kind: "nxdomain" };

/**
 * A full A query as nslookup shows it: the first search-list candidate that exists, every address of
 * it (all ready pods of a headless Service), and the canonical name of an ExternalName Service, which
 * exists even when its target does not resolve.
 */
export function queryName(engine: Engine, name: string, cfg: ResolverConfig): Answer {
  if (isIPv4(name)) return { kind: "ok", fqdn: name, ips: [name] };
  for (const fqdn of candidates(name, cfg)) {
    const cname = externalNameTarget(engine, fqdn, cfg.cluster);
    if (cname) return { kind: "ok", fqdn, cname, ips: lookupAll(engine, cname, cfg.cluster) };
    const ips = lookupAll(engine, fqdn, cfg.cluster);
    if (ips.length) return { kind: "ok", fqdn, ips };
  }
  return { kind: "nxdomain" };
}

function endpointRecord(engine: Engine, namespace: string, service: string, host: string): string | undefined {
  const svc = engine.store.get("services", namespace, service);
  if (!svc) return undefined;
  const byIp = dashedIp(host);
  for (const e of readyAddresses(engine, svc)) {
    if (e.hostname === host || (byIp && e.ip === byIp)) return e.ip;
  }
  return undefined;
}

/** PTR records: Service ClusterIPs, endpoint addresses of Services, and the outside hosts. */
export function reverseLookup(engine: Engine, ip: string): string | undefined {
  const services = engine.store.list("services") as Obj[];
  for (const s of services) if (s.spec?.clusterIP === ip) return `${s.metadata.name}.${s.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
  for (const s of services) {
    if (s.spec?.type === "ExternalName") continue;
    const e = readyAddresses(engine, s as KubeObject).find((x) => x.ip === ip);
    if (e) return `${e.hostname ?? ip.replace(/\./g, "-")}.${s.metadata.name}.${s.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
  }
  return externalHostByIp(ip);
}

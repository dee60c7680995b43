// Mirrors IngressDescriber (describeIngressV1) and NetworkPolicyDescriber of
// staging/src/k8s.io/kubectl/pkg/describe/describe.go (Kubernetes v1.32).
import type { Endpoints, Service } from "kubernetes-types/core/v1";
import type { LabelSelector } from "kubernetes-types/meta/v1";
import type { Ingress, IngressBackend, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicySpec } from "kubernetes-types/networking/v1";
import type { KubeObject, ObjectReader } from "../format/kube-object";
import { formatLabelSelector } from "../format/labels";
import { formatTimestamp, parseTimestamp } from "../format/time";
import { formatEndpoints } from "../printers/resources";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, searchEvents } from "./common";
import type { DescribeOptions } from "./pod";
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter } from "./writer";

function describeBackend(reader: ObjectReader, ns: string | undefined, backend: IngressBackend): string {
  if (backend.service) {
    const svcName = backend.service.name;
    const port = backend.service.port ?? {};
    const sb = `${svcName}:${port.number ? String(port.number) : (port.name ?? "")}`;
    const endpoints = reader.get("endpoints", ns, svcName) as Endpoints | undefined;
    if (!endpoints) return `<error: endpoints "${svcName}" not found>`;
    const service = reader.get("services", ns, svcName) as Service | undefined;
    if (!service) return `${sb} (<error: services "${svcName}" not found>)`;
    let spName = "";
    for (const sp of service.spec?.ports ?? []) {
      if (port.number && port.number === sp.port) spName = sp.name ?? "";
      else if (port.name && port.name === sp.name) spName = sp.name ?? "";
    }
    return `${sb} (${formatEndpoints(endpoints, new Set([spName]))})`;
  }
  if (backend.resource) {
    return `APIGroup: ${backend.resource.apiGroup ?? "<none>"}, Kind: ${backend.resource.kind}, Name: ${backend.resource.name}`;
  }
  return "";
}

export function describeIngress(ing: Ingress, reader: ObjectReader, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  const ns = ing.metadata?.namespace;
  w.write(LEVEL_0, `Name:\t${ing.metadata?.name ?? ""}\n`);
  printLabelsMultiline(w, "Labels", ing.metadata?.labels);
  w.write(LEVEL_0, `Namespace:\t${ns ?? ""}\n`);
  const address = (ing.status?.loadBalancer?.ingress ?? []).flatMap((i) => [i.ip, i.hostname].filter((v): v is string => !!v)).join(",");
  w.write(LEVEL_0, `Address:\t${address}\n`);
  w.write(LEVEL_0, `Ingress Class:\t${ing.spec?.ingressClassName ?? "<none>"}\n`);
  const def = ing.spec?.defaultBackend;
  const defaultBackend = def ? describeBackend(reader, ns, def) : "<default>";
  w.write(LEVEL_0, `Default backend:\t${defaultBackend}\n`);
  const tls = ing.spec?.tls ?? [];
  if (tls.length > 0) {
    w.write(LEVEL_0, "TLS:\n");
    for (const t of tls) {
      if (!t.secretName) w.write(LEVEL_1, `SNI routes ${(t.hosts ?? []).join(",")}\n`);
      else w.write(LEVEL_1, `${t.secretName} terminates ${(t.hosts ?? []).join(",")}\n`);
    }
  }
  w.write(LEVEL_0, "Rules:\n  Host\tPath\tBackends\n");
  w.write(LEVEL_1, "----\t----\t--------\n");
  let count = 0;
  for (const rule of ing.spec?.rules ?? []) {
    if (!rule.http) continue;
    count++;
    w.write(LEVEL_1, `${rule.host || "*"}\t\n`);
    for (const p of rule.http.paths ?? []) w.write(LEVEL_2, `\t${p.path ?? ""} \t${describeBackend(reader, ns, p.backend)}\n`);
  }
  if (count === 0) w.write(LEVEL_1, `*\t*\t${defaultBackend}\n`);
  printAnnotationsMultiline(w, "Annotations", ing.metadata?.annotations);
  if (opts.showEvents !== false) describeEvents(searchEvents(reader, ing as unknown as KubeObject, "Ingress"), w, opts.now);
  return w.toString();
}

/** metav1.Time's String() (Go's time.Time.String in UTC): "2006-01-02 15:04:05 +0000 UTC". */
function goTimeString(timestamp: string | undefined): string {
  const ms = parseTimestamp(timestamp);
  const text = ms === undefined ? "0001-01-01T00:00:00Z" : formatTimestamp(ms);
  return `${text.slice(0, 10)} ${text.slice(11, 19)} +0000 UTC`;
}

function printPeers(peers: NetworkPolicyPeer[], label: string, indent: string, w: PrefixWriter): void {
  for (const peer of peers) {
    w.write(LEVEL_0, `${indent}${label}:\n`);
    const sel = (s: LabelSelector) => formatLabelSelector(s);
    if (peer.podSelector && peer.namespaceSelector) {
      w.write(LEVEL_1, `${indent}NamespaceSelector: ${sel(peer.namespaceSelector)}\n`);
      w.write(LEVEL_1, `${indent}PodSelector: ${sel(peer.podSelector)}\n`);
    } else if (peer.podSelector) w.write(LEVEL_1, `${indent}PodSelector: ${sel(peer.podSelector)}\n`);
    else if (peer.namespaceSelector) w.write(LEVEL_1, `${indent}NamespaceSelector: ${sel(peer.namespaceSelector)}\n`);
    else if (peer.ipBlock) {
      w.write(LEVEL_1, `${indent}IPBlock:\n`);
      w.write(LEVEL_2, `${indent}CIDR: ${peer.ipBlock.cidr}\n`);
      w.write(LEVEL_2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(", ")}\n`);
    }
  }
}

function printPorts(ports: NetworkPolicyPort[] | undefined, indent: string, w: PrefixWriter): void {
  if (!ports || ports.length === 0) {
    w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    return;
  }
  for (const p of ports) {
    const port = p.port === undefined || p.port === null ? "<nil>" : String(p.port);
    w.write(LEVEL_0, `${indent}To Port: ${port}/${p.protocol ?? "TCP"}\n`);
  }
}

export function describeNetworkPolicy(np: NetworkPolicy): string {
  const w = new PrefixWriter();
  const spec: NetworkPolicySpec = np.spec ?? { podSelector: {} };
  w.write(LEVEL_0, `Name:\t${np.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${np.metadata?.namespace ?? ""}\n`);
  w.write(LEVEL_0, `Created on:\t${goTimeString(np.metadata?.creationTimestamp)}\n`);
  printLabelsMultiline(w, "Labels", np.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", np.metadata?.annotations);
  w.write(LEVEL_0, "Spec:\n");
  w.write(LEVEL_1, "PodSelector: ");
  const ps = spec.podSelector ?? {};
  if (Object.keys(ps.matchLabels ?? {}).length === 0 && (ps.matchExpressions ?? []).length === 0) {
    w.write(LEVEL_2, "<none> (Allowing the specific traffic to all pods in this namespace)\n");
  } else w.write(LEVEL_2, `${formatLabelSelector(ps)}\n`);
  const types = spec.policyTypes ?? [];
  const indent = "    ";
  if (types.includes("Ingress")) {
    w.write(LEVEL_1, "Allowing ingress traffic:\n");
    const rules = spec.ingress ?? [];
    if (rules.length === 0) w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for ingress connectivity)\n`);
    rules.forEach((rule, i) => {
      printPorts(rule.ports, indent, w);
      if ((rule.from ?? []).length === 0) w.write(LEVEL_0, `${indent}From: <any> (traffic not restricted by source)\n`);
      else printPeers(rule.from!, "From", indent, w);
      if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
    });
  } else w.write(LEVEL_1, "Not affecting ingress traffic\n");
  if (types.includes("Egress")) {
    w.write(LEVEL_1, "Allowing egress traffic:\n");
    const rules = spec.egress ?? [];
    if (rules.length === 0) w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for egress connectivity)\n`);
    rules.forEach((rule, i) => {
      printPorts(rule.ports, indent, w);
      if ((rule.to ?? []).length === 0) w.write(LEVEL_0, `${indent}To: <any> (traffic not restricted by destination)\n`);
      else printPeers(rule.to!, "To", indent, w);
      if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
    });
  } else w.write(LEVEL_1, "Not affecting egress traffic\n");
  w.write(LEVEL_1, `Policy Types: ${types.join(", ")}\n`);
  return w.toString();
}

// nslookup (busybox): the pre-1.29 format (busybox ≤ 1.28, radial/busyboxplus: "Address 1: …") that the
// Kubernetes DNS docs show, and the newer resolver-based format of busybox 1.29+ (alpine, busybox:1.36).
import type { CommandImpl } from "./types";
import type { NetworkAccess } from "../types";
import { readResolvConf } from "./net-util";

function oldFormat(version: string): boolean {
  const [a, b] = version.split(".").map(Number);
  return a < 1 || (a === 1 && b < 29);
}

export const nslookup: CommandImpl = function* (c) {
  const args = c.args.filter((a) => !a.startsWith("-"));
  const name = args[0];
  if (!name) {
    c.io.err("BusyBox v1.36.1 multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n");
    return 1;
  }
  const { nameserver } = readResolvConf(c.proc);
  const server = args[1] ?? nameserver;
  const isIp = /^\d+(\.\d+){3}$/.test(name);
  // Every A record (all ready Pods of a headless Service) and an ExternalName Service's CNAME.
  const answer: Answer = isIp ? { kind: "ok", fqdn: c.proc.net.reverse?.(name) ?? name, ips: [name] } : c.proc.net.query?.(name) ?? toAnswer(c.proc.net.resolve(name));
  if (oldFormat(c.image.versions.busybox ?? "1.36.1")) {
    const serverName = c.proc.net.reverse?.(server);
    c.io.out(`Server:    ${server}\nAddress 1: ${server}${serverName ? ` ${serverName}` : ""}\n\n`);
    if (answer.kind === "nxdomain" || !answer.ips.length) {
      c.io.err(`nslookup: can't resolve '${name}'\n`);
      return 1;
    }
    // busybox 1.28 resolves with getaddrinfo and names each address by its PTR record.
    const lines = answer.ips.map((ip, i) => {
      const ptr = isIp ? answer.fqdn : c.proc.net.reverse?.(ip) ?? (answer.ips.length === 1 ? answer.fqdn : undefined);
      return `Address ${i + 1}: ${ip}${ptr && ptr !== ip ? ` ${ptr}` : ""}\n`;
    });
    c.io.out(`Name:      ${name}\n${lines.join("")}`);
    return 0;
  }
  c.io.out(`Server:\t\t${server}\nAddress:\t${server}:53\n\n`);
  if (answer.kind === "nxdomain") {
    c.io.out(`** server can't find ${name}: NXDOMAIN\n\n`);
    return 1;
  }
  const cnameLine = answer.cname ? `${answer.fqdn}\tcanonical name = ${answer.cname}\n` : "";
  const owner = answer.cname ?? answer.fqdn;
  c.io.out(`${cnameLine}${answer.ips.map((ip) => `Name:\t${owner}\nAddress: ${ip}\n`).join("")}\n`);
  // The AAAA query that follows repeats the CNAME (the simulated network has no IPv6 addresses).
  if (answer.cname) c.io.out(`${cnameLine}\n`);
  return 0;
};

type Answer = ReturnType<NonNullable<NetworkAccess["query"]>>;

function toAnswer(r: ReturnType<NetworkAccess["resolve"]>): Answer {
  return r.kind === "ok" ? { kind: "ok", fqdn: r.fqdn, ips: [r.ip] } : r;
}

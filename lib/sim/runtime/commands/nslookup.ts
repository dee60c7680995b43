// nslookup (busybox): the pre-1.29 format (busybox ≤ 1.28, radial/busyboxplus: "Address 1: …") that the
// Kubernetes DNS docs show, and the newer resolver-based format of busybox 1.29+ (alpine, busybox:1.36).
import type { CommandImpl } from "./types";
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
  const r = /^\d+(\.\d+){3}$/.test(name) ? ({ kind: "ok", ip: name, fqdn: c.proc.net.reverse?.(name) ?? name } as const) : c.proc.net.resolve(name);
  if (oldFormat(c.image.versions.busybox ?? "1.36.1")) {
    const serverName = c.proc.net.reverse?.(server);
    c.io.out(`Server:    ${server}\nAddress 1: ${server}${serverName ? ` ${serverName}` : ""}\n\n`);
    if (r.kind === "nxdomain") {
      c.io.err(`nslookup: can't resolve '${name}'\n`);
      return 1;
    }
    c.io.out(`Name:      ${name}\nAddress 1: ${r.ip}${r.fqdn && r.fqdn !== r.ip ? ` ${r.fqdn}` : ""}\n`);
    return 0;
  }
  c.io.out(`Server:\t\t${server}\nAddress:\t${server}:53\n\n`);
  if (r.kind === "nxdomain") {
    c.io.out(`** server can't find ${name}: NXDOMAIN\n\n`);
    return 1;
  }
  c.io.out(`Name:\t${r.fqdn}\nAddress: ${r.ip}\n\n`);
  return 0;
};

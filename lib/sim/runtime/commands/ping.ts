// ping (busybox): pod IPs answer; Service ClusterIPs are virtual (kube-proxy forwards TCP/UDP only), so
// pings to them are lost — the classic "I can curl the Service but not ping it" lesson.
import type { CommandImpl, Yield } from "./types";
import { resolveHost } from "./net-util";
import { complain } from "./util";

export const ping: CommandImpl = function* (c): Generator<Yield, number, unknown> {
  let count = Infinity;
  let waitS: number | null = null;
  let host: string | undefined;
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i];
    if (a === "-c") count = Number(c.args[++i]);
    else if (a === "-W" || a === "-w") waitS = Number(c.args[++i]);
    else if (!a.startsWith("-")) host = a;
  }
  if (!host) {
    c.io.err("BusyBox v1.36.1 multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n");
    return 1;
  }
  const r = resolveHost(c.proc, host);
  if (r.kind === "nxdomain") {
    complain(c, `bad address '${host}'`);
    return 1;
  }
  const virtual = r.fqdn.includes(".svc.") && !/^\d+-\d+-\d+-\d+\./.test(r.fqdn) && r.ip !== c.proc.podIP;
  c.io.out(`PING ${host} (${r.ip}): 56 data bytes\n`);
  let sent = 0;
  let received = 0;
  const deadline = waitS !== null ? waitS * 1000 : Infinity;
  let elapsed = 0;
  while (sent < count && elapsed < deadline) {
    if (!virtual) {
      c.io.out(`64 bytes from ${r.ip}: seq=${sent} ttl=${r.ip === "127.0.0.1" || r.ip === c.proc.podIP ? 64 : 63} time=0.${String(80 + ((sent * 37) % 90)).padStart(3, "0")} ms\n`);
      received++;
    }
    sent++;
    if (sent < count) {
      yield { kind: "sleep", ms: 1000 };
      elapsed += 1000;
    }
  }
  const loss = Math.round(((sent - received) / Math.max(1, sent)) * 100);
  c.io.out(`\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${received} packets received, ${loss}% packet loss\n${received ? "round-trip min/avg/max = 0.080/0.120/0.170 ms\n" : ""}`);
  return received ? 0 : 1;
};

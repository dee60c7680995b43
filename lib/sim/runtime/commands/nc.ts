// nc (busybox): `nc -zv -w 2 HOST PORT` port checks, `nc HOST PORT` clients (an HTTP request on stdin is
// answered by the server's handler), and `nc -l [-k] -p PORT` listeners that answer every connection
// with the text given on stdin (the classic `echo -e "HTTP/1.1 200 OK\r\n\r\nhi" | nc -l -p 8080`).
import type { CommandImpl, Yield } from "./types";
import type { HttpResponse } from "../types";
import { rawResponse, resolveHost } from "./net-util";
import { complain } from "./util";

function parseHttpResponse(text: string): HttpResponse | null {
  const m = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r?\n([\s\S]*?)\r?\n\r?\n([\s\S]*)$/.exec(text);
  if (!m) return null;
  const headers: Record<string, string> = {};
  for (const line of m[2].split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return { status: Number(m[1]), headers, body: m[3] };
}

export const nc: CommandImpl = function* (c): Generator<Yield, number, unknown> {
  let listen = false;
  let zero = false;
  let verbose = false;
  let port: string | undefined;
  let waitSec: number | null = null;
  const rest: string[] = [];
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i];
    if (/^-[lkzvnu]+$/.test(a)) {
      listen ||= a.includes("l");
      zero ||= a.includes("z");
      verbose ||= a.includes("v");
      continue;
    }
    if (a === "-p") { port = c.args[++i]; continue; }
    if (a === "-w" || a === "-W") { waitSec = Number(c.args[++i]); continue; }
    if (/^-w\d+$/.test(a)) { waitSec = Number(a.slice(2)); continue; }
    if (a === "-e") { i++; continue; }
    rest.push(a);
  }
  if (listen) {
    const p = Number(port ?? rest[rest.length - 1]);
    if (!Number.isInteger(p) || p <= 0 || p > 65535) {
      complain(c, "bad port");
      return 1;
    }
    const reply = c.io.stdin;
    const asHttp = parseHttpResponse(reply);
    const r = c.proc.listen(p, {
      tcp: () => ({ banner: reply }),
      http: (req) => {
        c.io.out(`${req.method} ${req.path} HTTP/1.1\r\nHost: ${req.headers.Host ?? req.host}\r\n${Object.entries(req.headers).filter(([k]) => k !== "Host").map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`);
        return asHttp ?? { status: 200, headers: {}, body: reply };
      },
    });
    if (!r.ok) {
      complain(c, `bind: Address already in use`);
      return 1;
    }
    if (verbose) c.io.err(`listening on [::]:${p} ...\n`);
    for (;;) yield { kind: "wait" };
  }
  const [host, portText] = rest;
  if (!host || !portText) {
    c.io.err("BusyBox v1.36.1 multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n");
    return 1;
  }
  const p = Number(portText);
  const res = resolveHost(c.proc, host);
  if (res.kind === "nxdomain") {
    complain(c, `bad address '${host}'`);
    return 1;
  }
  const r = c.proc.net.tcp(res.ip, p);
  if (r.kind === "refused" || r.kind === "no-route") {
    complain(c, `${zero ? `${host} (${res.ip}:${p}): ` : `can't connect to remote host (${res.ip}): `}${r.kind === "refused" ? "Connection refused" : "No route to host"}`);
    return 1;
  }
  if (r.kind === "timeout") {
    const limit = waitSec !== null ? waitSec * 1000 : r.afterMs;
    yield { kind: "sleep", ms: Math.min(limit, r.afterMs) };
    complain(c, `${zero ? `${host} (${res.ip}:${p}): ` : ""}${waitSec !== null && waitSec * 1000 < r.afterMs ? "timed out" : "Connection timed out"}`);
    return 1;
  }
  if (zero) {
    if (verbose) c.io.err(`${host} (${res.ip}:${p}) open\n`);
    return 0;
  }
  const input = c.io.stdin;
  const req = /^([A-Z]+) (\S+) HTTP\/1\.[01]\r?\n([\s\S]*?)(\r?\n\r?\n|$)/.exec(input);
  if (req) {
    const headers: Record<string, string> = {};
    for (const line of req[3].split(/\r?\n/)) {
      const i = line.indexOf(":");
      if (i > 0) headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
    const h = c.proc.net.http({ method: req[1], host: res.ip, port: p, path: req[2], headers, clientIP: c.proc.podIP });
    if (h.kind === "ok") {
      c.io.out(rawResponse(h.value) + h.value.body);
      return 0;
    }
  }
  if (r.value.banner) c.io.out(r.value.banner);
  return 0;
};

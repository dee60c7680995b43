// curl 8.x (or 7.x in radial/busyboxplus): -s -S -o -O -I -i -f -L -m --connect-timeout -w -H -X -d -v.
import type { CommandImpl, Yield } from "./types";
import { httpRequest, parseUrl, rawResponse, reason, resolveHost } from "./net-util";
import { flagsOrUsage, writeTarget } from "./util";

const METER_HEAD = "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n";
const meterLine = (n: number) => `${n ? "100" : "  0"} ${String(n).padStart(5)}  ${n ? "100" : "  0"} ${String(n).padStart(5)}    0     0  ${n ? " 600k" : "    0"}      0 --:--:-- --:--:-- --:--:-- ${n ? " 600k" : "    0"}\n`;

export const curl: CommandImpl = function* (c): Generator<Yield, number, unknown> {
  const f = flagsOrUsage(c, {
    bool: "sSIifLvkO",
    value: "omwHXdAu",
    long: {
      silent: "=s", "show-error": "=S", head: "=I", include: "=i", fail: "=f", location: "=L", verbose: "=v", insecure: "=k",
      output: "=o", "max-time": "=m", "write-out": "=w", header: "=H", request: "=X", data: "=d", "user-agent": "=A",
      "connect-timeout": "value", "remote-name": "=O", "http1.1": "bool", compressed: "bool", "no-progress-meter": "bool",
    },
  });
  if (!f) return 2;
  // curl before 7.50 worded resolve/connect failures differently (radial/busyboxplus ships 7.3x).
  const [maj, min] = (c.image.versions.curl ?? "8.5.0").split(".").map(Number);
  const old = maj < 7 || (maj === 7 && min < 50);
  const silent = Boolean(f.flags.s);
  const showErr = !silent || Boolean(f.flags.S);
  const meter = !silent && !f.flags["no-progress-meter"] && !f.flags.v;
  const raw = f.operands[0];
  if (!raw) {
    c.io.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const error = (code: number, msg: string) => {
    if (meter) c.io.err(METER_HEAD + meterLine(0));
    if (showErr) c.io.err(`curl: (${code}) ${msg}\n`);
    return code;
  };
  const url = parseUrl(raw);
  if (!url) return error(3, "URL rejected: Malformed input to a URL function");
  const maxMs = typeof f.flags.m === "string" ? Math.round(Number(f.flags.m) * 1000) : Infinity;
  const connectMs = typeof f.flags["connect-timeout"] === "string" ? Math.round(Number(f.flags["connect-timeout"]) * 1000) : 300_000;
  const headers: Record<string, string> = { "User-Agent": typeof f.flags.A === "string" ? f.flags.A : `curl/${c.image.versions.curl ?? "8.5.0"}`, Accept: "*/*" };
  for (const h of f.repeated.H ?? []) {
    const i = h.indexOf(":");
    if (i > 0) headers[h.slice(0, i).trim()] = h.slice(i + 1).trim();
  }
  const method = typeof f.flags.X === "string" ? f.flags.X : f.flags.I ? "HEAD" : typeof f.flags.d === "string" ? "POST" : "GET";
  let target = url;
  let resp;
  for (let hops = 0; ; hops++) {
    const res = resolveHost(c.proc, target.host);
    if (res.kind === "nxdomain") return error(6, old ? `Couldn't resolve host '${target.host}'` : `Could not resolve host: ${target.host}`);
    if (f.flags.v) c.io.err(`*   Trying ${res.ip}:${target.port}...\n`);
    const r = httpRequest(c.proc, target, res.ip, method, headers, typeof f.flags.d === "string" ? f.flags.d : undefined);
    if (r.kind === "refused") return error(7, old ? `Failed to connect to ${target.host} port ${target.port}: Connection refused` : `Failed to connect to ${target.host} port ${target.port} after 0 ms: Couldn't connect to server`);
    if (r.kind === "no-route") return error(7, old ? `Failed to connect to ${target.host} port ${target.port}: No route to host` : `Failed to connect to ${target.host} port ${target.port} after 3 ms: Couldn't connect to server`);
    if (r.kind === "timeout") {
      const limit = Math.min(maxMs, connectMs);
      if (r.afterMs < limit) {
        yield { kind: "sleep", ms: r.afterMs };
        return error(7, `Failed to connect to ${target.host} port ${target.port} after ${r.afterMs} ms: Couldn't connect to server`);
      }
      yield { kind: "sleep", ms: limit + 1 };
      if (maxMs <= connectMs) return error(28, `${old ? "Connection" : "Connection"} timed out after ${limit + 1} milliseconds`);
      return error(28, `Failed to connect to ${target.host} port ${target.port} after ${limit + 1} ms: Timeout was reached`);
    }
    resp = r.value;
    if (f.flags.v) c.io.err(`* Connected to ${target.host} (${res.ip}) port ${target.port}\n> ${method} ${target.path} HTTP/1.1\n> Host: ${target.hostHeader}\n> User-Agent: ${headers["User-Agent"]}\n> Accept: */*\n>\n< HTTP/1.1 ${resp.status} ${reason(resp.status)}\n${Object.entries(resp.headers).map(([k, v]) => `< ${k}: ${v}\n`).join("")}<\n`);
    const loc = resp.headers.Location ?? resp.headers.location;
    if (f.flags.L && resp.status >= 300 && resp.status < 400 && loc && hops < 10) {
      const next = parseUrl(loc.startsWith("/") ? `${target.scheme}://${target.hostHeader}${loc}` : loc);
      if (next) { target = next; continue; }
    }
    break;
  }
  if (f.flags.f && resp.status >= 400) return error(22, `The requested URL returned error: ${resp.status}${old ? ` ${reason(resp.status)}` : ""}`);
  let output = "";
  if (f.flags.I || f.flags.i) output += rawResponse(resp);
  if (!f.flags.I) output += resp.body;
  const outFile = typeof f.flags.o === "string" ? f.flags.o : f.flags.O ? (target.path.split("/").pop() || "index.html") : null;
  if (meter && outFile !== null) c.io.err(METER_HEAD + meterLine(resp.body.length));
  else if (meter) c.io.err(METER_HEAD + meterLine(resp.body.length));
  if (outFile !== null && outFile !== "-") {
    const w = writeTarget(c, outFile, output);
    if (!w.ok) return error(23, `Failure writing output to destination`);
  } else c.io.out(output);
  if (typeof f.flags.w === "string") {
    const vars: Record<string, string> = {
      http_code: String(resp.status), response_code: String(resp.status), size_download: String(resp.body.length),
      time_total: "0.001234", time_connect: "0.000412", remote_ip: resolveHost(c.proc, target.host).kind === "ok" ? (resolveHost(c.proc, target.host) as { ip: string }).ip : "",
      url_effective: `${target.scheme}://${target.hostHeader}${target.path}`, content_type: resp.headers["Content-Type"] ?? "",
    };
    c.io.out(f.flags.w.replace(/%\{(\w+)\}/g, (_m, k: string) => vars[k] ?? "").replace(/\\n/g, "\n"));
  }
  return 0;
};

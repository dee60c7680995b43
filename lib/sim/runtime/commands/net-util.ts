// URL parsing, name resolution and HTTP helpers shared by wget, curl, nc and nslookup.
import type { HttpRequest, HttpResponse, NetResult, ProcessContext } from "../types";

export type Url = { scheme: "http" | "https"; host: string; port: number; path: string; hostHeader: string };

export function parseUrl(raw: string): Url | null {
  const m = /^(?:(https?):\/\/)?([^/:?#\s]+|\[[0-9a-fA-F:]+\])(?::(\d+))?([^#\s]*)/.exec(raw);
  if (!m) return null;
  const scheme = (m[1] ?? "http") as "http" | "https";
  const port = m[3] ? Number(m[3]) : scheme === "https" ? 443 : 80;
  let path = m[4] || "/";
  if (!path.startsWith("/")) path = `/${path}`;
  return { scheme, host: m[2], port, path, hostHeader: m[3] ? `${m[2]}:${m[3]}` : m[2] };
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export type Resolution = { kind: "ok"; ip: string; fqdn: string } | { kind: "nxdomain" };

/** IP literals and localhost resolve locally; everything else goes to the cluster DNS. */
export function resolveHost(ctx: ProcessContext, host: string): Resolution {
  if (IPV4.test(host)) return { kind: "ok", ip: host, fqdn: host };
  if (host === "localhost") return { kind: "ok", ip: "127.0.0.1", fqdn: "localhost" };
  const fromHosts = hostsFile(ctx, host);
  if (fromHosts) return { kind: "ok", ip: fromHosts, fqdn: host };
  return ctx.net.resolve(host);
}

function hostsFile(ctx: ProcessContext, host: string): string | null {
  const r = ctx.fs.readFile("/etc/hosts");
  if (!r.ok) return null;
  for (const line of r.value.split("\n")) {
    const parts = line.replace(/#.*/, "").trim().split(/\s+/);
    if (parts.length > 1 && IPV4.test(parts[0]) && parts.slice(1).includes(host)) return parts[0];
  }
  return null;
}

export const REASONS: Record<number, string> = {
  200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Found", 304: "Not Modified",
  400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Not Allowed", 408: "Request Timeout",
  418: "I'm a teapot", 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
};
export const reason = (status: number) => REASONS[status] ?? "Unknown";

export function httpRequest(ctx: ProcessContext, url: Url, ip: string, method: string, headers: Record<string, string>, body?: string): NetResult<HttpResponse> {
  const req: HttpRequest = { method, host: ip, port: url.port, path: url.path, headers: { Host: url.hostHeader, ...headers }, clientIP: ctx.podIP, body };
  return ctx.net.http(req);
}

/** Raw HTTP/1.1 response text, as nc or curl -i show it. */
export function rawResponse(res: HttpResponse): string {
  const head = [`HTTP/1.1 ${res.status} ${reason(res.status)}`, ...Object.entries(res.headers).map(([k, v]) => `${k}: ${v}`)].join("\r\n");
  return `${head}\r\n\r\n`;
}

export function readResolvConf(ctx: ProcessContext): { nameserver: string; search: string[] } {
  const r = ctx.fs.readFile("/etc/resolv.conf");
  let nameserver = "10.96.0.10";
  let search: string[] = [];
  if (r.ok) for (const line of r.value.split("\n")) {
    const [k, ...rest] = line.trim().split(/\s+/);
    if (k === "nameserver" && rest[0]) nameserver = rest[0];
    if (k === "search") search = rest;
  }
  return { nameserver, search };
}

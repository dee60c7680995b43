// The client address used as a rate-limit key. Behind a reverse proxy the left-most X-Forwarded-For
// entry is the client as the first proxy saw it; `next start` on its own also sets the header from
// the socket. A client talking to the app directly can forge the header, so per-account limits
// (which it cannot forge) are the primary defence and per-IP limits the secondary one.
type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function clientIp(headers: HeaderSource): string {
  const forwarded = readHeader(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded.slice(0, 64);
  const real = readHeader(headers, "x-real-ip")?.trim();
  return real ? real.slice(0, 64) : "unknown";
}

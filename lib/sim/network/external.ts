// The world outside the cluster as a killercoda-style lab sees it: a handful of well-known hosts that
// answer HTTP (so `wget -qO- example.com` works as in a real cluster), everything else unknown.
// Addresses are fixed, plausible public addresses (not looked up; nothing leaves the simulator).
import type { HttpRequest, HttpResponse } from "../runtime/types";

const EXAMPLE_BODY = `<!doctype html>
<html>
<head>
    <title>Example Domain</title>

    <meta charset="utf-8" />
    <meta http-equiv="Content-type" content="text/html; charset=utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
</head>

<body>
<div>
    <h1>Example Domain</h1>
    <p>This domain is for use in illustrative examples in documents. You may use this
    domain in literature without prior coordination or asking for permission.</p>
    <p><a href="https://www.iana.org/domains/example">More information...</a></p>
</div>
</body>
</html>
`;

type Site = { ip: string; title: string; body?: string };

export const EXTERNAL_HOSTS: Record<string, Site> = {
  "example.com": { ip: "93.184.215.14", title: "Example Domain", body: EXAMPLE_BODY },
  "www.example.com": { ip: "93.184.215.14", title: "Example Domain", body: EXAMPLE_BODY },
  "google.com": { ip: "142.250.185.78", title: "Google" },
  "www.google.com": { ip: "142.250.185.68", title: "Google" },
  "kubernetes.io": { ip: "147.75.40.148", title: "Kubernetes" },
  "www.kubernetes.io": { ip: "147.75.40.148", title: "Kubernetes" },
  "github.com": { ip: "140.82.121.4", title: "GitHub" },
  "registry.k8s.io": { ip: "34.96.108.209", title: "registry.k8s.io" },
  "registry-1.docker.io": { ip: "54.227.20.253", title: "Docker Hub" },
  "www.baidu.com": { ip: "110.242.68.66", title: "百度一下，你就知道" },
};

const BY_IP = new Map<string, string>(Object.entries(EXTERNAL_HOSTS).map(([host, s]) => [s.ip, host]));

export function externalHostByIp(ip: string): string | undefined {
  return BY_IP.get(ip);
}

/** Ports the outside hosts accept; other ports are filtered (the connection times out). */
export const EXTERNAL_PORTS = [80, 443];

export function externalResponse(host: string, req: HttpRequest): HttpResponse {
  const site = EXTERNAL_HOSTS[host];
  const body = site.body ?? `<!doctype html><html><head><title>${site.title}</title></head><body><h1>${site.title}</h1></body></html>\n`;
  const headers = { "Content-Type": "text/html; charset=UTF-8", "Content-Length": String(new TextEncoder().encode(body).length) };
  return { status: 200, headers, body: req.method === "HEAD" ? "" : body };
}

// What the kube-apiserver answers over HTTP to a client without credentials (curl from a pod to
// https://kubernetes.default): the discovery and health endpoints anonymous users may read
// (system:public-info-viewer), and 403 Forbidden Status objects for everything else, worded as the
// RBAC authorizer words them.
import type { HttpRequest, HttpResponse } from "../runtime/types";
import { KUBERNETES_VERSION } from "../core/bootstrap";

const json = (status: number, body: unknown): HttpResponse => {
  const text = `${JSON.stringify(body, null, 2)}\n`;
  return { status, headers: { "Content-Type": "application/json", "Content-Length": String(text.length) }, body: text };
};

function forbidden(req: HttpRequest): HttpResponse {
  const path = req.path.split("?")[0];
  const verb = req.method === "GET" ? "get" : req.method === "POST" ? "create" : req.method === "DELETE" ? "delete" : req.method.toLowerCase();
  const m = /^\/(?:api\/v1|apis\/([^/]+)\/[^/]+)(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(path);
  let message: string;
  let details: Record<string, string> = {};
  if (m) {
    const group = m[1] ?? "";
    const resource = m[3];
    const name = m[4];
    const action = name ? verb : verb === "get" ? "list" : verb;
    const scope = m[2] ? `in the namespace "${m[2]}"` : "at the cluster scope";
    message = `${resource}${name ? ` "${name}"` : ""} is forbidden: User "system:anonymous" cannot ${action} resource "${resource}" in API group "${group}" ${scope}`;
    details = { ...(name ? { name } : {}), ...(group ? { group } : {}), kind: resource };
  } else {
    message = `forbidden: User "system:anonymous" cannot ${verb} path "${path}"`;
  }
  return json(403, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason: "Forbidden", details, code: 403 });
}

export function apiserverResponse(req: HttpRequest): HttpResponse {
  const path = req.path.split("?")[0];
  if (path === "/healthz" || path === "/livez" || path === "/readyz") return { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8" }, body: "ok" };
  if (path === "/version" && req.method === "GET") {
    const [, major, minor] = /^v(\d+)\.(\d+)/.exec(KUBERNETES_VERSION)!;
    return json(200, {
      major,
      minor,
      gitVersion: KUBERNETES_VERSION,
      gitCommit: "70d3cc986aa8221cd1dfb1121852688902d3bf53",
      gitTreeState: "clean",
      buildDate: "2024-12-11T17:59:15Z",
      goVersion: "go1.23.3",
      compiler: "gc",
      platform: "linux/amd64",
    });
  }
  return forbidden(req);
}

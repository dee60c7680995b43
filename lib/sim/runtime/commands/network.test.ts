import { describe, expect, it } from "vitest";
import { runShell, type TestContext } from "../testing";
import type { HttpResponse } from "../types";

/** A cluster with a Service "web" (10.96.12.34) answering HTTP, "down" refusing, "slow" timing out. */
function cluster(ctx: TestContext): void {
  ctx.dns.set("web", "10.96.12.34");
  ctx.dns.set("down", "10.96.0.99");
  ctx.dns.set("slow", "10.96.0.98");
  ctx.remotes.set("10.96.12.34:80", {
    http: (req): HttpResponse => (req.path === "/" ? { status: 200, headers: { "Content-Type": "text/html", "Content-Length": "6" }, body: "hello\n" } : { status: 404, headers: {}, body: "nf\n" }),
    tcp: () => ({}),
  });
  ctx.remotes.set("10.96.0.98:80", "timeout");
}
const bb = (s: string) => runShell("busybox:1.36", s, cluster);

describe("wget (busybox)", () => {
  it("fetches quietly to stdout", () => {
    expect(bb("wget -q -O- http://web")).toMatchObject({ code: 0, out: "hello\n", err: "" });
  });
  it("prints busybox's progress lines", () => {
    expect(bb("wget -O- web").err).toBe("Connecting to web (10.96.12.34:80)\nwriting to stdout\n-                    100% |********************************|     6  0:00:00 ETA\nwritten to stdout\n");
  });
  it("saves to index.html and refuses to overwrite", () => {
    const r = bb("cd /tmp; wget -q web; cat index.html; wget -q web");
    expect(r.out).toBe("hello\n");
    expect(r.err).toBe("wget: can't open 'index.html': File exists\n");
  });
  it.each([
    ["wget -q -O- http://nope", "wget: bad address 'nope'\n"],
    ["wget -q -O- http://web/missing", "wget: server returned error: HTTP/1.1 404 Not Found\n"],
    ["wget -q -O- http://down", "wget: can't connect to remote host (10.96.0.99): Connection refused\n"],
    ["wget -q -T 2 -O- http://slow", "wget: download timed out\n"],
  ])("%s", (cmd, err) => expect(bb(cmd)).toMatchObject({ code: 1, err }));
  it("waits for -T before timing out", () => {
    expect(bb("wget -q -T 2 -O- http://slow").elapsedMs).toBe(2000);
  });
  it("--spider checks existence", () => {
    expect(bb("wget --spider -q http://web && echo ok").out).toBe("ok\n");
  });
});

describe("curl", () => {
  const nx = (s: string) => runShell("nginx:1.27", s, cluster);
  it("prints the body and a progress meter on stderr unless -s", () => {
    const r = nx("curl http://web");
    expect(r.out).toBe("hello\n");
    expect(r.err).toContain("% Total    % Received");
    expect(nx("curl -s http://web")).toMatchObject({ out: "hello\n", err: "" });
  });
  it.each([
    ["curl -s http://nope", 6, ""],
    ["curl -sS http://nope", 6, "curl: (6) Could not resolve host: nope\n"],
    ["curl -sS http://down", 7, "curl: (7) Failed to connect to down port 80 after 0 ms: Couldn't connect to server\n"],
    ["curl -sS --connect-timeout 2 http://slow", 28, "curl: (28) Failed to connect to slow port 80 after 2001 ms: Timeout was reached\n"],
    ["curl -sS -m 2 http://slow", 28, "curl: (28) Connection timed out after 2001 milliseconds\n"],
    ["curl -sSf http://web/missing", 22, "curl: (22) The requested URL returned error: 404\n"],
  ])("%s", (cmd, code, err) => expect(nx(cmd)).toMatchObject({ code, err }));
  it("-w, -o, -I", () => {
    expect(nx("curl -s -o /dev/null -w '%{http_code}' http://web").out).toBe("200");
    expect(nx("curl -sI http://web").out).toBe("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 6\r\n\r\n");
    expect(nx("curl -s -o /tmp/x http://web; cat /tmp/x").out).toBe("hello\n");
  });
  it("uses curl 7 wording in radial/busyboxplus", () => {
    expect(runShell("radial/busyboxplus:curl", "curl -sS http://nope", cluster).err).toBe("curl: (6) Couldn't resolve host 'nope'\n");
  });
  it("is missing from busybox", () => {
    expect(bb("curl http://web")).toMatchObject({ code: 127, err: "sh: curl: not found\n" });
  });
});

describe("nslookup", () => {
  it("uses the busybox 1.28 format the DNS docs show", () => {
    const r = runShell("busybox:1.28", "nslookup web", cluster);
    expect(r.out).toBe("Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      web\nAddress 1: 10.96.12.34 web.default.svc.cluster.local\n");
    const miss = runShell("busybox:1.28", "nslookup nope", cluster);
    expect(miss).toMatchObject({ code: 1, err: "nslookup: can't resolve 'nope'\n" });
  });
  it("uses the resolver format of busybox 1.36", () => {
    expect(bb("nslookup web").out).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.12.34\n\n");
    expect(bb("nslookup nope")).toMatchObject({ code: 1, out: "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find nope: NXDOMAIN\n\n" });
  });
});

describe("nc", () => {
  it("checks ports with -zv", () => {
    expect(bb("nc -zv web 80; echo $?")).toMatchObject({ out: "0\n", err: "web (10.96.12.34:80) open\n" });
    expect(bb("nc -zv down 80; echo $?")).toMatchObject({ out: "1\n", err: "nc: down (10.96.0.99:80): Connection refused\n" });
  });
  it("listens and answers with stdin", () => {
    const r = runShell("busybox", "printf 'HTTP/1.1 200 OK\\r\\n\\r\\nhi from nc' | nc -l -p 8080", undefined, { timeoutMs: 1000 });
    expect(r.timedOut).toBe(true);
  });
});

describe("ping", () => {
  it("gets no replies from a ClusterIP and replies from pods", () => {
    expect(bb("ping -c 2 web").out).toBe("PING web (10.96.12.34): 56 data bytes\n\n--- web ping statistics ---\n2 packets transmitted, 0 packets received, 100% packet loss\n");
    expect(bb("ping -c 1 127.0.0.1").out).toContain("1 packets transmitted, 1 packets received, 0% packet loss");
  });
});

import { describe, expect, it } from "vitest";
import { resolveImage } from "../images";
import { spawnProcess } from "../process";
import { createTestContext, type TestContext } from "../testing";
import { createVfs } from "../vfs";
import type { Effect, HttpResponse, Process } from "../types";
import { NGINX_WELCOME_PAGE } from "../image-catalog/nginx";

/** Starts an image's default command (ENTRYPOINT + CMD) as PID 1, as the kubelet would. */
function start(ref: string, opts: { env?: Record<string, string>; argv?: string[]; setup?: (ctx: TestContext) => void } = {}) {
  const r = resolveImage(ref);
  if (r.kind !== "ok") throw new Error(ref);
  const img = r.image;
  const ctx = createTestContext(img, { env: opts.env, hostname: "web-7d9c5" });
  opts.setup?.(ctx);
  const argv = opts.argv ?? [...(img.config.entrypoint ?? []), ...(img.config.cmd ?? [])];
  const s = spawnProcess(argv, img, ctx);
  if (s.kind !== "ok") throw new Error(s.message);
  const p: Process = s.process;
  let effect: Effect = p.start();
  const advance = (ms: number) => {
    const until = ctx.clock.now + ms;
    while (effect.kind === "sleep" && ctx.clock.now + effect.ms <= until) {
      ctx.clock.now += effect.ms;
      effect = p.resume();
    }
    ctx.clock.now = until;
    return effect;
  };
  const get = (port: number, path: string, method = "GET"): HttpResponse | "refused" => {
    const h = ctx.listeners.get(port);
    if (!h?.http) return "refused";
    return h.http({ method, host: "10.244.1.5", port, path, headers: { Host: "10.244.1.5", "User-Agent": "kube-probe/1.32" }, clientIP: "10.244.1.1" });
  };
  return { ctx, p, get effect() { return effect; }, advance, get };
}

describe("nginx", () => {
  it("starts through /docker-entrypoint.sh and serves the welcome page", () => {
    const n = start("nginx:1.27");
    expect(n.effect).toEqual({ kind: "wait" });
    expect(n.ctx.stdoutText().split("\n").slice(0, 3)).toEqual([
      "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
      "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
      "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
    ]);
    expect(n.ctx.stdoutText()).toContain("/docker-entrypoint.sh: Configuration complete; ready for start up\n");
    expect(n.ctx.stderrText()).toContain("[notice] 1#1: nginx/1.27.3\n");
    const res = n.get(80, "/");
    expect(res).toMatchObject({ status: 200, body: NGINX_WELCOME_PAGE });
    expect(res !== "refused" && res.headers).toMatchObject({ Server: "nginx/1.27.3", "Content-Type": "text/html", "Content-Length": "615" });
    expect(n.ctx.stdoutText()).toMatch(/\n10\.244\.1\.1 - - \[23\/Nov\/2026:10:00:00 \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "kube-probe\/1\.32" "-"\n$/);
  });

  it("answers 403 for / once index.html is removed, and 404 for missing files", () => {
    const n = start("nginx:1.27");
    n.ctx.fs.unlink("/usr/share/nginx/html/index.html");
    expect(n.get(80, "/")).toMatchObject({
      status: 403,
      body: "<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n",
    });
    expect(n.ctx.stderrText()).toContain('[error] 29#29: *1 directory index of "/usr/share/nginx/html/" is forbidden, client: 10.244.1.1, server: localhost, request: "GET / HTTP/1.1", host: "10.244.1.5"\n');
    expect(n.get(80, "/nope.html")).toMatchObject({ status: 404 });
    expect(n.ctx.stderrText()).toContain('open() "/usr/share/nginx/html/nope.html" failed (2: No such file or directory)');
  });

  it("serves what a mounted ConfigMap configures", () => {
    const conf = createVfs({ files: { "/default.conf": "server {\n  listen 8080;\n  location /healthz { return 200 'ok'; }\n  location / { root /data; index index.html; }\n}\n" } });
    const n = start("nginx:1.27", {
      setup: (ctx) => {
        ctx.fs.mount("/etc/nginx/conf.d", conf, { readOnly: true });
        ctx.fs.mount("/data", createVfs({ files: { "/index.html": "custom\n" } }));
      },
    });
    expect(n.ctx.stdoutText()).toContain("10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)\n");
    expect(n.get(80, "/")).toBe("refused");
    expect(n.get(8080, "/healthz")).toMatchObject({ status: 200, body: "ok" });
    expect(n.get(8080, "/")).toMatchObject({ status: 200, body: "custom\n" });
  });

  it("exits 1 on a configuration error", () => {
    const conf = createVfs({ files: { "/default.conf": "server {\n  listen 80\n}\n" } });
    const n = start("nginx:1.27", { setup: (ctx) => ctx.fs.mount("/etc/nginx/conf.d", conf) });
    expect(n.effect).toEqual({ kind: "exit", code: 1 });
    expect(n.ctx.stderrText()).toBe('nginx: [emerg] unexpected "}" in /etc/nginx/conf.d/default.conf:3\n');
  });

  it("tests its configuration with -t", () => {
    const n = start("nginx:1.27", { argv: ["nginx", "-t"] });
    expect(n.effect).toEqual({ kind: "exit", code: 0 });
    expect(n.ctx.stderrText()).toBe("nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n");
  });

  it("daemonises (and so ends the container) without `daemon off;`", () => {
    expect(start("nginx:1.27", { argv: ["nginx"] }).effect).toEqual({ kind: "exit", code: 0 });
  });

  it("reloads on SIGHUP and shuts down gracefully on SIGQUIT", () => {
    const n = start("nginx:1.27");
    n.ctx.fs.writeFile("/etc/nginx/conf.d/default.conf", "server { listen 9090; location / { return 204; } }\n");
    expect(n.p.signal("HUP")).toBeNull();
    expect(n.get(80, "/")).toBe("refused");
    expect(n.get(9090, "/")).toMatchObject({ status: 204 });
    expect(n.p.signal("QUIT")).toEqual({ kind: "exit", code: 0 });
    expect(n.ctx.stderrText()).toContain("signal 3 (SIGQUIT) received, shutting down");
  });

  it("old tags have no entrypoint and log nothing at start", () => {
    const n = start("nginx:1.14.2");
    expect(n.effect).toEqual({ kind: "wait" });
    expect(n.ctx.stdoutText()).toBe("");
    expect(n.ctx.stderrText()).toBe("");
    expect(n.p.signal("TERM")).toEqual({ kind: "exit", code: 0 });
  });
});

describe("databases", () => {
  it("mysql refuses to start without a root password", () => {
    const m = start("mysql:8.0");
    expect(m.effect).toEqual({ kind: "exit", code: 1 });
    expect(m.ctx.stderrText()).toContain("[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n");
  });
  it("mysql initialises, then listens on 3306", () => {
    const m = start("mysql:8.0", { env: { MYSQL_ROOT_PASSWORD: "s3cret" } });
    expect(m.ctx.listeners.has(3306)).toBe(false);
    m.advance(20_000);
    expect(m.ctx.listeners.has(3306)).toBe(true);
    expect(m.ctx.stdoutText()).toContain("ready for connections");
  });
  it("mariadb and postgres need passwords too", () => {
    expect(start("mariadb").ctx.stderrText()).toContain("You need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD");
    const pg = start("postgres:16");
    expect(pg.effect).toEqual({ kind: "exit", code: 1 });
    expect(pg.ctx.stderrText()).toContain("You must specify POSTGRES_PASSWORD to a non-empty value for the");
    const ok = start("postgres:16", { env: { POSTGRES_PASSWORD: "x" } });
    ok.advance(5000);
    expect(ok.ctx.listeners.has(5432)).toBe(true);
  });
  it("redis and mongo listen on their ports", () => {
    const r = start("redis:7");
    expect(r.ctx.stdoutText()).toContain("* Ready to accept connections tcp\n");
    expect(r.ctx.listeners.has(6379)).toBe(true);
    const m = start("mongo:7");
    m.advance(2000);
    expect(m.ctx.listeners.has(27017)).toBe(true);
  });
});

describe("application and test images", () => {
  it("luksa/kubia answers with its hostname", () => {
    const k = start("luksa/kubia");
    expect(k.ctx.stdoutText()).toBe("Kubia server starting...\n");
    expect(k.get(8080, "/")).toMatchObject({ status: 200, body: "You've hit web-7d9c5\n" });
    expect(k.p.signal("TERM")).toBeNull();
  });

  it("registry.k8s.io/liveness /server: healthy for 10 s, then 500", () => {
    const l = start("registry.k8s.io/liveness", { argv: ["/server"] });
    expect(l.get(8080, "/healthz")).toMatchObject({ status: 200, body: "ok" });
    l.advance(10_001);
    expect(l.get(8080, "/healthz")).toMatchObject({ status: 500, body: "error: 10.001" });
  });

  it("agnhost netexec and serve-hostname", () => {
    const a = start("registry.k8s.io/e2e-test-images/agnhost:2.40", { argv: ["/agnhost", "netexec", "--http-port=8080"] });
    expect(a.get(8080, "/hostname")).toMatchObject({ status: 200, body: "web-7d9c5" });
    expect(a.get(8080, "/echo?msg=hi")).toMatchObject({ body: "hi" });
    expect(a.p.signal("TERM")).toEqual({ kind: "exit", code: 2 });
    const s = start("registry.k8s.io/e2e-test-images/agnhost:2.40", { argv: ["/agnhost", "serve-hostname"] });
    expect(s.get(9376, "/")).toMatchObject({ body: "web-7d9c5" });
  });

  it("pause waits and exits 0 on TERM", () => {
    const p = start("registry.k8s.io/pause:3.10");
    expect(p.effect).toEqual({ kind: "wait" });
    expect(p.p.signal("TERM")).toEqual({ kind: "exit", code: 0 });
  });

  it("stress reports its hogs and memory", () => {
    const s = start("polinux/stress", { argv: ["stress", "--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"] });
    expect(s.ctx.stdoutText()).toBe("stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n");
    expect(s.ctx.memory).toBeGreaterThan(150 * 1024 * 1024);
    expect(s.effect).toEqual({ kind: "wait" });
  });

  it("httpd serves It works!", () => {
    const h = start("httpd:2.4");
    expect(h.get(80, "/")).toMatchObject({ status: 200, body: "<html><body><h1>It works!</h1></body></html>\n" });
    expect(h.ctx.stderrText()).toContain("AH00094: Command line: 'httpd -D FOREGROUND'");
  });

  it("images whose CMD is an interactive shell exit at once without a TTY", () => {
    expect(start("ubuntu").effect).toEqual({ kind: "exit", code: 0 });
    expect(start("busybox").effect).toEqual({ kind: "exit", code: 0 });
    expect(start("python:3.12").effect).toEqual({ kind: "exit", code: 0 });
  });

  it("python -m http.server lists the working directory", () => {
    const p = start("python:3.12", { argv: ["python", "-m", "http.server", "8000"] });
    const res = p.get(8000, "/");
    expect(res).toMatchObject({ status: 200 });
    expect(res !== "refused" && res.body).toContain("<title>Directory listing for /</title>");
  });
});

describe("logging between resumes", () => {
  it("keeps writing access logs after many requests (no per-resume cap outside the run loop)", () => {
    const n = start("nginx:1.27");
    for (let i = 0; i < 3000; i++) n.get(80, `/${"x".repeat(100)}`);
    expect(n.get(80, "/")).toMatchObject({ status: 200 });
    expect(n.ctx.stdoutText().endsWith('"GET / HTTP/1.1" 200 615 "-" "kube-probe/1.32" "-"\n')).toBe(true);
  });
});

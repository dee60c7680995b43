// nginx: the master process of the official image. Serves what its configuration says (see nginx-config),
// logs in the image's formats (access log → /dev/stdout, error log → /dev/stderr), and handles
// `-t`, `-v`, `-s stop|quit|reload`, SIGTERM (fast shutdown), SIGQUIT (graceful) and SIGHUP (reload).
import type { CommandContext, CommandImpl, Yield } from "./types";
import type { HttpRequest, HttpResponse, ServerHandler, Signal } from "../types";
import { SIGNAL_NUMBERS } from "../types";
import { loadNginxConf, matchLocation, NginxConfigError, type Directive, type Location, type NginxConf, type ServerConf } from "./nginx-config";
import { strftime } from "../civil-time";
import { httpRequest, parseUrl, reason, resolveHost } from "./net-util";
import { KERNEL_RELEASE } from "./uname";

const MIME: Record<string, string> = {
  html: "text/html", htm: "text/html", css: "text/css", js: "application/javascript", json: "application/json", txt: "text/plain",
  png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", svg: "image/svg+xml", xml: "text/xml", ico: "image/x-icon",
};

export function nginxErrorPage(status: number, version: string): string {
  const title = `${status} ${status === 405 ? "Not Allowed" : reason(status)}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

const logTime = (ms: number) => strftime("%Y/%m/%d %H:%M:%S", ms);
const PID_FILES = ["/var/run/nginx.pid", "/run/nginx.pid"];

function versionAtLeast(v: string, major: number, minor: number): boolean {
  const [a, b] = v.split(".").map(Number);
  return a > major || (a === major && b >= minor);
}

class NginxServer {
  conf: NginxConf;
  ports: number[] = [];
  private conn = 0;
  constructor(private readonly c: CommandContext, conf: NginxConf, private readonly version: string, private readonly workerPid: number) {
    this.conf = conf;
  }

  /** Writes a log line to the target path (/var/log/nginx/access.log → /dev/stdout in the image). */
  private writeLog(path: string, line: string): void {
    const fs = this.c.proc.fs;
    const real = fs.resolve(path);
    const p = real.ok ? real.value : path;
    if (p === "/dev/stdout" || p === "/proc/self/fd/1") this.c.proc.stdout(line);
    else if (p === "/dev/stderr" || p === "/proc/self/fd/2") this.c.proc.stderr(line);
    else if (p !== "/dev/null") fs.writeFile(p, line, { append: true });
  }

  errorLog(level: string, msg: string, pid = this.workerPid): void {
    const target = this.conf.http.find((d) => d.name === "error_log")?.args[0] ?? "/var/log/nginx/error.log";
    this.writeLog(target, `${logTime(this.c.proc.now())} [${level}] ${pid}#${pid}: ${msg}\n`);
  }

  private lookup(name: string, server: ServerConf, loc: Location | null): Directive | undefined {
    return loc?.directives.find((d) => d.name === name) ?? server.directives.find((d) => d.name === name) ?? this.conf.http.find((d) => d.name === name);
  }

  // Per server/location (objects of the current configuration): the add_header directives and the access
  // log path, resolved once instead of on every request.
  private rules = new Map<ServerConf | Location, { addHeaders: Directive[]; accessLog: string }>();

  private responseRules(server: ServerConf | undefined, loc: Location | null): { addHeaders: Directive[]; accessLog: string } {
    const key = loc ?? server;
    const hit = key && this.rules.get(key);
    if (hit) return hit;
    const addHeaders = server ? [...(loc?.directives ?? []), ...server.directives].filter((x) => x.name === "add_header") : [];
    const accessTarget = server ? this.lookup("access_log", server, loc) : undefined;
    const accessLog =
      accessTarget?.args[0] === "off" ? "off" : (accessTarget?.args[0] ?? this.conf.http.find((d) => d.name === "access_log")?.args[0] ?? "/var/log/nginx/access.log");
    const rules = { addHeaders, accessLog };
    if (key) this.rules.set(key, rules);
    return rules;
  }

  handler(port: number): ServerHandler {
    return {
      http: (req) => this.serve(port, req),
      tcp: () => ({}),
    };
  }

  private serve(port: number, req: HttpRequest): HttpResponse {
    const candidates = this.conf.servers.filter((s) => s.ports.some((p) => p.port === port));
    const hostName = (req.headers.Host ?? req.headers.host ?? "").replace(/:\d+$/, "");
    const server = candidates.find((s) => s.serverNames.includes(hostName)) ?? candidates.find((s) => s.ports.some((p) => p.port === port && p.defaultServer)) ?? candidates[0];
    const connection = ++this.conn;
    const client = req.clientIP ?? "10.244.0.1";
    const rawPath = req.path || "/";
    const uri = decodeURIComponentSafe(rawPath.split("?")[0]);
    const now = this.c.proc.now();
    const headers: Record<string, string> = { Server: `nginx/${this.version}`, Date: strftime("%a, %d %b %Y %H:%M:%S GMT", now) };
    const context = `client: ${client}, server: ${server?.serverNames[0] ?? ""}, request: "${req.method} ${rawPath} HTTP/1.1", host: "${req.headers.Host ?? req.host}"`;
    const finish = (status: number, body: string, extra: Record<string, string> = {}, loc: Location | null = null): HttpResponse => {
      const h: Record<string, string> = { ...headers, "Content-Type": "text/html", "Content-Length": String(body.length), Connection: "keep-alive", ...extra };
      const { addHeaders, accessLog: path } = this.responseRules(server, loc);
      for (const d of addHeaders) {
        if (d.args[0] && (d.args.includes("always") || status < 400)) h[d.args[0]] = d.args[1] ?? "";
      }
      if (path !== "off") {
        this.writeLog(path, `${client} - - [${strftime("%d/%b/%Y:%H:%M:%S +0000", now)}] "${req.method} ${rawPath} HTTP/1.1" ${status} ${req.method === "HEAD" ? 0 : body.length} "${req.headers.Referer ?? "-"}" "${req.headers["User-Agent"] ?? req.headers["user-agent"] ?? "-"}" "-"\n`);
      }
      return { status, headers: h, body: req.method === "HEAD" ? "" : body };
    };
    const errorPage = (status: number, loc: Location | null): HttpResponse => {
      if (server) {
        const ep = [...(loc?.directives ?? []), ...server.directives].find((d) => d.name === "error_page" && d.args.slice(0, -1).includes(String(status)));
        if (ep) {
          const target = ep.args[ep.args.length - 1];
          const l2 = matchLocation(server, target);
          const root = this.lookup("root", server, l2)?.args[0] ?? "/etc/nginx/html";
          const file = this.c.proc.fs.readFile(`${root}${target}`);
          if (file.ok) return finish(status, file.value, {}, l2);
        }
      }
      return finish(status, nginxErrorPage(status, this.version), {}, loc);
    };
    if (!server) return errorPage(404, null);
    const loc = matchLocation(server, uri);
    const ret = this.lookup("return", server, loc);
    if (ret && (loc?.directives.includes(ret) || server.directives.includes(ret))) {
      const code = Number(ret.args[0]);
      const arg = ret.args[1];
      if (code >= 301 && code <= 308 && arg) return finish(code, nginxErrorPage(code, this.version), { Location: arg }, loc);
      if (arg !== undefined) {
        const type = this.lookup("default_type", server, loc)?.args[0] ?? "application/octet-stream";
        return finish(code, arg, { "Content-Type": type }, loc);
      }
      return /^\d+$/.test(ret.args[0] ?? "") && code >= 400 ? errorPage(code, loc) : finish(code, "", {}, loc);
    }
    const proxy = loc?.directives.find((d) => d.name === "proxy_pass");
    if (proxy) return this.proxy(proxy.args[0] ?? "", loc as Location, rawPath, req, finish, errorPage, context, connection);
    if (loc?.directives.some((d) => d.name === "stub_status")) {
      return finish(200, `Active connections: 1 \nserver accepts handled requests\n ${connection} ${connection} ${connection} \nReading: 0 Writing: 1 Waiting: 0 \n`, { "Content-Type": "text/plain" }, loc);
    }
    if (req.method !== "GET" && req.method !== "HEAD") return errorPage(405, loc);
    const root = this.lookup("root", server, loc)?.args[0] ?? "/etc/nginx/html";
    const alias = loc?.directives.find((d) => d.name === "alias")?.args[0];
    const toFile = (u: string) => (alias && loc ? `${alias}${u.slice(loc.path.length)}` : `${root}${u}`);
    const tryFiles = this.lookup("try_files", server, loc);
    if (tryFiles) {
      for (const cand of tryFiles.args.slice(0, -1)) {
        const u = cand.replace(/\$uri/g, uri);
        const r = this.staticFile(u, toFile(u), server, loc, context, true);
        if (r) return finish(r.status, r.body, r.headers, loc);
      }
      const last = tryFiles.args[tryFiles.args.length - 1] ?? "=404";
      if (last.startsWith("=")) return errorPage(Number(last.slice(1)), loc);
      const r = this.staticFile(last, `${root}${last}`, server, loc, context, false);
      return r ? finish(r.status, r.body, r.headers, loc) : errorPage(404, loc);
    }
    const r = this.staticFile(uri, toFile(uri), server, loc, context, false);
    if (!r) return errorPage(404, loc);
    if (r.status >= 400) return errorPage(r.status, loc);
    return finish(r.status, r.body, r.headers, loc);
  }

  private staticFile(uri: string, path: string, server: ServerConf, loc: Location | null, context: string, quiet: boolean): { status: number; body: string; headers: Record<string, string> } | null {
    const fs = this.c.proc.fs;
    if (uri.endsWith("/")) {
      const dir = fs.stat(path);
      const indexes = this.lookup("index", server, loc)?.args ?? ["index.html"];
      for (const idx of indexes) {
        const f = fs.readFile(`${path}${idx}`);
        if (f.ok) return this.fileResponse(`${path}${idx}`, f.value);
      }
      if (quiet) return null;
      if (!dir.ok) {
        this.errorLog("error", `*${this.conn} "${path}${indexes[0]}" is not found (2: No such file or directory), ${context}`);
        return { status: 404, body: "", headers: {} };
      }
      if (this.lookup("autoindex", server, loc)?.args[0] === "on") return { status: 200, body: this.autoindex(uri, path), headers: { "Content-Type": "text/html" } };
      this.errorLog("error", `*${this.conn} directory index of "${path}" is forbidden, ${context}`);
      return { status: 403, body: "", headers: {} };
    }
    const st = fs.stat(path);
    if (!st.ok) {
      if (quiet) return null;
      this.errorLog("error", `*${this.conn} open() "${path}" failed (2: No such file or directory), ${context}`);
      return { status: 404, body: "", headers: {} };
    }
    if (st.value.node.kind === "dir") {
      if (quiet) return null;
      return { status: 301, body: nginxErrorPage(301, this.version), headers: { Location: `http://${context.match(/host: "([^"]*)"/)?.[1] ?? "localhost"}${uri}/` } };
    }
    const f = fs.readFile(path);
    return f.ok ? this.fileResponse(path, f.value) : null;
  }

  private fileResponse(path: string, body: string): { status: number; body: string; headers: Record<string, string> } {
    const st = this.c.proc.fs.stat(path);
    const mtime = st.ok ? st.value.node.mtime : 0;
    const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
    return {
      status: 200,
      body,
      headers: {
        "Content-Type": MIME[ext] ?? "application/octet-stream",
        "Last-Modified": strftime("%a, %d %b %Y %H:%M:%S GMT", mtime),
        ETag: `"${Math.floor(mtime / 1000).toString(16)}-${body.length.toString(16)}"`,
        "Accept-Ranges": "bytes",
      },
    };
  }

  private autoindex(uri: string, path: string): string {
    const entries = this.c.proc.fs.readdir(path);
    const rows = (entries.ok ? entries.value : []).filter((n) => !n.startsWith(".")).map((n) => {
      const st = this.c.proc.fs.stat(`${path}${n}`);
      const dir = st.ok && st.value.node.kind === "dir";
      const name = dir ? `${n}/` : n;
      return `<a href="${name}">${name}</a>${" ".repeat(Math.max(1, 51 - name.length))}${strftime("%d-%b-%Y %H:%M", st.ok ? st.value.node.mtime : 0)}${String(dir ? "-" : st.ok ? st.value.size : 0).padStart(20)}\r\n`;
    });
    return `<html>\r\n<head><title>Index of ${uri}</title></head>\r\n<body>\r\n<h1>Index of ${uri}</h1><hr><pre><a href="../">../</a>\r\n${rows.join("")}</pre><hr></body>\r\n</html>\r\n`;
  }

  private proxy(
    target: string, loc: Location, rawPath: string, req: HttpRequest,
    finish: (s: number, b: string, h?: Record<string, string>, l?: Location | null) => HttpResponse,
    errorPage: (s: number, l: Location | null) => HttpResponse, context: string, conn: number,
  ): HttpResponse {
    const up = parseUrl(target);
    if (!up) return errorPage(502, loc);
    // proxy_pass with a URI part replaces the location prefix; without one the request URI is passed as is.
    const hasUri = /^https?:\/\/[^/]+\//.test(target);
    const path = hasUri ? `${up.path}${rawPath.slice(loc.path.length)}`.replace(/\/\/+/g, "/") : rawPath;
    const res = resolveHost(this.c.proc, up.host);
    if (res.kind === "nxdomain") {
      this.errorLog("error", `*${conn} ${up.host} could not be resolved (3: Host not found), ${context}`);
      return errorPage(502, loc);
    }
    const r = httpRequest(this.c.proc, { ...up, path }, res.ip, req.method, { ...req.headers, Host: up.hostHeader, Connection: "close" });
    if (r.kind !== "ok") {
      const why = r.kind === "refused" ? "connect() failed (111: Connection refused)" : r.kind === "timeout" ? "upstream timed out (110: Connection timed out)" : "connect() failed (113: No route to host)";
      this.errorLog("error", `*${conn} ${why} while connecting to upstream, ${context}, upstream: "http://${res.ip}:${up.port}${path}"`);
      return errorPage(r.kind === "timeout" ? 504 : 502, loc);
    }
    const { Server: _s, Date: _d, ...rest } = r.value.headers;
    void _s;
    void _d;
    return finish(r.value.status, r.value.body, rest, loc);
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export const nginx: CommandImpl = function* (c): Generator<Yield, number, unknown> {
  const version = c.image.versions.nginx || "1.27.3";
  let globals = "";
  let confPath = "/etc/nginx/nginx.conf";
  let testOnly = false;
  let signalName: string | null = null;
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i];
    if (a === "-g") globals += ` ${c.args[++i] ?? ""}`;
    else if (a === "-c") confPath = c.args[++i] ?? confPath;
    else if (a === "-t" || a === "-T") testOnly = true;
    else if (a === "-s") signalName = c.args[++i] ?? "";
    else if (a === "-v" || a === "-V") {
      c.io.err(`nginx version: nginx/${version}\n${a === "-V" ? `built by gcc 12.2.0 (Debian 12.2.0-14) \nbuilt with OpenSSL 3.0.11 19 Sep 2023\nTLS SNI support enabled\n` : ""}`);
      return 0;
    } else if (a === "-q") continue;
    else if (a === "-h" || a === "-?") {
      c.io.err(`nginx version: nginx/${version}\nUsage: nginx [-?hvVtTq] [-s signal] [-p prefix]\n             [-e filename] [-c filename] [-g directives]\n`);
      return 0;
    } else {
      c.io.err(`nginx: invalid option: "${a.replace(/^-/, "")}"\n`);
      return 1;
    }
  }
  const fs = c.proc.fs;
  if (signalName !== null) {
    const sig: Record<string, number> = { stop: 15, quit: 3, reload: 1, reopen: 10 };
    if (!(signalName in sig)) {
      c.io.err(`nginx: [emerg] invalid option: "-s ${signalName}"\n`);
      return 1;
    }
    const pidText = PID_FILES.map((p) => fs.readFile(p)).find((r) => r.ok);
    if (!pidText || !pidText.ok) {
      c.io.err(`${logTime(c.proc.now())} [notice] ${c.proc.pid}#${c.proc.pid}: signal process started\nnginx: [error] open() "/run/nginx.pid" failed (2: No such file or directory)\n`);
      return 1;
    }
    c.io.err(`${logTime(c.proc.now())} [notice] ${c.proc.pid}#${c.proc.pid}: signal process started\n`);
    const pid = Number(pidText.value.trim());
    if (!c.proc.kill(pid, sig[signalName])) {
      c.io.err(`${logTime(c.proc.now())} [alert] ${c.proc.pid}#${c.proc.pid}: kill(${pid}, ${sig[signalName]}) failed (3: No such process)\n`);
      return 1;
    }
    return 0;
  }
  let conf: NginxConf;
  try {
    if (globals.trim() && !/^\s*(\w+\s+[^;]*;\s*)+$/.test(globals)) throw new NginxConfigError(`unexpected end of parameter, expecting ";" in command line`);
    conf = loadNginxConf(fs, confPath);
  } catch (e) {
    if (!(e instanceof NginxConfigError)) throw e;
    c.io.err(`nginx: [emerg] ${e.message}\n${testOnly ? `nginx: configuration file ${confPath} test failed\n` : ""}`);
    return 1;
  }
  if (testOnly) {
    c.io.err(`nginx: the configuration file ${confPath} syntax is ok\nnginx: configuration file ${confPath} test is successful\n`);
    return 0;
  }
  const foreground = /daemon\s+off\s*;/.test(globals);
  const workerPid = c.proc.pid + 28;
  const server = new NginxServer(c, conf, version, workerPid);
  const bind = (cf: NginxConf): string | null => {
    const ports = [...new Set(cf.servers.flatMap((s) => s.ports.map((p) => p.port)))].sort((a, b) => a - b);
    const bound: number[] = [];
    for (const p of ports) {
      const r = c.proc.listen(p, server.handler(p));
      if (!r.ok) {
        for (const b of bound) c.proc.unlisten(b);
        return `bind() to 0.0.0.0:${p} failed (98: Address in use)`;
      }
      bound.push(p);
    }
    server.ports = bound;
    return null;
  };
  const err = bind(conf);
  if (err) {
    c.io.err(`nginx: [emerg] ${err}\n`.repeat(5) + "nginx: [emerg] still could not bind()\n");
    return 1;
  }
  if (!foreground) {
    // The master daemonises: the foreground process exits 0, so as a container's PID 1 the container ends.
    for (const p of server.ports) c.proc.unlisten(p);
    return 0;
  }
  fs.writeFile("/var/run/nginx.pid", `${c.proc.pid}\n`);
  const notice = versionAtLeast(version, 1, 19);
  const master = c.proc.pid;
  if (notice) {
    for (const line of [
      `using the "epoll" event method`, `nginx/${version}`, `built by gcc 12.2.0 (Debian 12.2.0-14) `, `OS: Linux ${KERNEL_RELEASE}`,
      `getrlimit(RLIMIT_NOFILE): 1048576:1048576`, `start worker processes`, `start worker process ${workerPid}`,
    ]) server.errorLog("notice", line, master);
  }
  let exitCode: number | null = null;
  c.onSignal((sig: Signal) => {
    const n = SIGNAL_NUMBERS[sig];
    if (sig === "HUP") {
      if (notice) server.errorLog("notice", `signal 1 (SIGHUP) received from ${master + 40}, reconfiguring`, master);
      try {
        const next = loadNginxConf(fs, confPath);
        for (const p of server.ports) c.proc.unlisten(p);
        server.conf = next;
        const e = bind(next);
        if (e) server.errorLog("emerg", e, master);
        else if (notice) server.errorLog("notice", "reconfiguring", master);
      } catch (e) {
        if (!(e instanceof NginxConfigError)) throw e;
        server.errorLog("emerg", e.message, master);
      }
      return { kind: "ignore" };
    }
    const graceful = sig === "QUIT";
    if (notice) {
      server.errorLog("notice", `signal ${n} (SIG${sig}) received, ${graceful ? "shutting down" : "exiting"}`, master);
      if (graceful) server.errorLog("notice", "gracefully shutting down");
      server.errorLog("notice", "exiting");
      server.errorLog("notice", "exit");
      server.errorLog("notice", `signal 17 (SIGCHLD) received from ${workerPid}`, master);
      server.errorLog("notice", `worker process ${workerPid} exited with code 0`, master);
      server.errorLog("notice", "exit", master);
    }
    for (const p of server.ports) c.proc.unlisten(p);
    fs.unlink("/var/run/nginx.pid");
    exitCode = 0;
    return { kind: "exit", code: 0 };
  });
  while (exitCode === null) yield { kind: "wait" };
  return exitCode;
};

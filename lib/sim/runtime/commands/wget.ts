// wget: busybox's applet (busybox/alpine images) or GNU Wget 1.21 (Debian-based images that ship it).
import type { CommandContext, CommandImpl, Yield } from "./types";
import { absolute } from "./types";
import { httpRequest, parseUrl, reason, resolveHost } from "./net-util";
import { complain, flagsOrUsage, parseDuration } from "./util";
import { strftime } from "../civil-time";
import { ERRNO_TEXT } from "../vfs";

function progressLine(name: string, size: number): string {
  return `${name.padEnd(20).slice(0, 20)} 100% |********************************| ${String(size).padStart(5)}  0:00:00 ETA\n`;
}

export const wget: CommandImpl = function* (caller): Generator<Yield, number, unknown> {
  const f = flagsOrUsage(caller, {
    bool: "qcSs",
    value: "OTYUPto",
    long: { quiet: "=q", "output-document": "=O", "output-file": "=o", timeout: "=T", spider: "bool", "server-response": "=S", "user-agent": "=U", "no-check-certificate": "bool", header: "value", tries: "=t", "post-data": "value", "method": "value" },
  });
  if (!f) return 1;
  // -o LOGFILE: the messages (progress, errors) go to the file instead of stderr; the body does not.
  let c = caller;
  if (typeof f.flags.o === "string") {
    const log = absolute(caller, f.flags.o);
    const opened = caller.proc.fs.writeFile(log, "");
    if (!opened.ok) {
      complain(caller, `can't open '${f.flags.o}': ${ERRNO_TEXT[opened.errno]}`);
      return 1;
    }
    c = { ...caller, io: { ...caller.io, err: (t: string) => void caller.proc.fs.writeFile(log, t, { append: true }) } };
  }
  const gnu = c.flavor === "gnu";
  const url0 = f.operands[0];
  if (!url0) {
    c.io.err(gnu ? "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n" : "BusyBox v1.36.1 multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n");
    return 1;
  }
  const quiet = Boolean(f.flags.q);
  const say = (t: string) => { if (!quiet) c.io.err(t); };
  const url = parseUrl(url0);
  if (!url) {
    complain(c, gnu ? `${url0}: Invalid URL` : `not an http or ftp url: ${url0}`);
    return 1;
  }
  const timeoutMs = typeof f.flags.T === "string" ? (parseDuration(f.flags.T) ?? 900_000) : 900_000;
  if (gnu) say(`--${strftime("%Y-%m-%d %H:%M:%S", c.proc.now())}--  ${url0.includes("://") ? url0 : `http://${url0}`}\n`);
  const res = resolveHost(c.proc, url.host);
  if (res.kind === "nxdomain") {
    if (gnu) {
      say(`Resolving ${url.host} (${url.host})... failed: Name or service not known.\n`);
      c.io.err(`wget: unable to resolve host address ‘${url.host}’\n`);
      return 4;
    }
    complain(c, `bad address '${url.host}'`);
    return 1;
  }
  if (gnu) say(`Resolving ${url.host} (${url.host})... ${res.ip}\nConnecting to ${url.host} (${url.host})|${res.ip}|:${url.port}... `);
  else say(`Connecting to ${url.hostHeader} (${res.ip}:${url.port})\n`);
  const spider = Boolean(f.flags.spider);
  const method = typeof f.flags.method === "string" ? f.flags.method : typeof f.flags["post-data"] === "string" ? "POST" : spider && gnu ? "HEAD" : "GET";
  const agent = typeof f.flags.U === "string" ? f.flags.U : gnu ? "Wget/1.21.3" : "Wget";
  const r = httpRequest(c.proc, url, res.ip, method, { "User-Agent": agent, Accept: "*/*" }, typeof f.flags["post-data"] === "string" ? f.flags["post-data"] : undefined);
  if (r.kind === "refused" || r.kind === "no-route") {
    const why = r.kind === "refused" ? "Connection refused" : "No route to host";
    if (gnu) { say(`failed: ${why}.\n`); return 4; }
    complain(c, `can't connect to remote host (${res.ip}): ${why}`);
    return 1;
  }
  if (r.kind === "timeout") {
    yield { kind: "sleep", ms: Math.min(r.afterMs, timeoutMs) };
    if (gnu) { say(`failed: Connection timed out.\n`); return 4; }
    complain(c, "download timed out");
    return 1;
  }
  const resp = r.value;
  if (gnu) say(`connected.\nHTTP request sent, awaiting response... ${resp.status} ${reason(resp.status)}\n`);
  if (f.flags.S && !gnu) {
    c.io.err(`  HTTP/1.1 ${resp.status} ${reason(resp.status)}\n${Object.entries(resp.headers).map(([k, v]) => `  ${k}: ${v}\n`).join("")}`);
  }
  if (resp.status >= 400) {
    if (gnu) { c.io.err(`${strftime("%Y-%m-%d %H:%M:%S", c.proc.now())} ERROR ${resp.status}: ${reason(resp.status)}.\n\n`); return 8; }
    complain(c, `server returned error: HTTP/1.1 ${resp.status} ${reason(resp.status)}`);
    return 1;
  }
  if (spider) {
    say(gnu ? "Remote file exists.\n\n" : "remote file exists\n");
    return 0;
  }
  return writeBody(c, f.flags.O, url.path, resp.body, quiet, gnu);
};

function writeBody(c: CommandContext, target: string | true | undefined, path: string, body: string, quiet: boolean, gnu: boolean): number {
  const say = (t: string) => { if (!quiet) c.io.err(t); };
  if (target === "-") {
    if (gnu) say(`Length: ${body.length}\nSaving to: ‘STDOUT’\n\n`);
    else say("writing to stdout\n");
    c.io.out(body);
    if (!gnu) say(`${progressLine("-", body.length)}written to stdout\n`);
    else say(`\n${strftime("%Y-%m-%d %H:%M:%S", c.proc.now())} (1.00 MB/s) - written to stdout [${body.length}/${body.length}]\n\n`);
    return 0;
  }
  const name = typeof target === "string" ? target : path.split("/").pop() || "index.html";
  const file = absolute(c, name);
  if (!gnu && typeof target !== "string" && c.proc.fs.exists(file)) {
    complain(c, `can't open '${name}': File exists`);
    return 1;
  }
  const w = c.proc.fs.writeFile(file, body);
  if (!w.ok) {
    complain(c, gnu ? `${name}: Read-only file system` : `can't open '${name}': ${w.errno === "EROFS" ? "Read-only file system" : "No such file or directory"}`);
    return gnu ? 3 : 1;
  }
  if (gnu) say(`Length: ${body.length}\nSaving to: ‘${name}’\n\n${name}          100%[===================>]  ${body.length}  --.-KB/s    in 0s\n\n${strftime("%Y-%m-%d %H:%M:%S", c.proc.now())} (1.00 MB/s) - ‘${name}’ saved [${body.length}/${body.length}]\n\n`);
  else say(`saving to '${name}'\n${progressLine(name, body.length)}'${name}' saved\n`);
  return 0;
}

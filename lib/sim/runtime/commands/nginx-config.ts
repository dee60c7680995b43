// Parses the parts of nginx configuration that decide what a simulated nginx serves: `server` blocks with
// listen/root/index/autoindex/return/alias/try_files/proxy_pass/add_header inside `location`s, `include`
// with globs, and nginx's own [emerg] messages for syntax errors.
import type { Vfs } from "../vfs";
import { patternToRegExp } from "../shell/expand";

export type Directive = { name: string; args: string[]; block: Directive[] | null; file: string; line: number };
export type Location = { modifier: "" | "=" | "^~" | "~" | "~*"; path: string; directives: Directive[] };
export type ServerConf = { ports: { port: number; defaultServer: boolean }[]; serverNames: string[]; directives: Directive[]; locations: Location[] };
export type NginxConf = { servers: ServerConf[]; http: Directive[] };

export class NginxConfigError extends Error {}

type Token = { v: string; line: number; quoted: boolean };

// Every nginx container parses the same packaged files: tokens are cached by file name and content (read-only).
const tokenCache = new Map<string, readonly Token[]>();

function tokenizeCached(text: string, file: string): readonly Token[] {
  const key = `${file}\u0000${text}`;
  let toks = tokenCache.get(key);
  if (!toks) {
    toks = tokenize(text, file);
    if (tokenCache.size >= 64) tokenCache.clear();
    tokenCache.set(key, toks);
  }
  return toks;
}

function tokenize(text: string, file: string): Token[] {
  const out: { v: string; line: number; quoted: boolean }[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "\n") { line++; i++; continue; }
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === "#") { while (i < text.length && text[i] !== "\n") i++; continue; }
    if (ch === "{" || ch === "}" || ch === ";") { out.push({ v: ch, line, quoted: false }); i++; continue; }
    if (ch === '"' || ch === "'") {
      let s = "";
      i++;
      while (i < text.length && text[i] !== ch) {
        if (text[i] === "\\" && i + 1 < text.length) { s += text[i + 1]; i += 2; continue; }
        if (text[i] === "\n") line++;
        s += text[i++];
      }
      if (i >= text.length) throw new NginxConfigError(`unexpected end of file, expecting ";" or "}" in ${file}:${line}`);
      i++;
      out.push({ v: s, line, quoted: true });
      continue;
    }
    let s = "";
    while (i < text.length && !/[\s{};]/.test(text[i])) s += text[i++];
    out.push({ v: s, line, quoted: false });
  }
  return out;
}

function parseBlock(fs: Vfs, file: string, depth: number): Directive[] {
  if (depth > 10) throw new NginxConfigError(`too many nested includes in ${file}`);
  const text = fs.readFile(file);
  if (!text.ok) throw new NginxConfigError(`open() "${file}" failed (2: No such file or directory)`);
  const toks = tokenizeCached(text.value, file);
  let p = 0;
  const parse = (nested: boolean): Directive[] => {
    const list: Directive[] = [];
    while (p < toks.length) {
      const t = toks[p];
      if (t.v === "}" && !t.quoted) {
        if (!nested) throw new NginxConfigError(`unexpected "}" in ${file}:${t.line}`);
        p++;
        return list;
      }
      if ((t.v === ";" || t.v === "{") && !t.quoted) throw new NginxConfigError(`unexpected "${t.v}" in ${file}:${t.line}`);
      const name = t.v;
      const args: string[] = [];
      p++;
      while (p < toks.length && (toks[p].quoted || !["{", "}", ";"].includes(toks[p].v))) args.push(toks[p++].v);
      const end = toks[p];
      if (!end) throw new NginxConfigError(`unexpected end of file, expecting ";" or "}" in ${file}:${toks[toks.length - 1].line}`);
      if (end.v === "}") throw new NginxConfigError(`unexpected "}" in ${file}:${end.line}`);
      p++;
      if (end.v === "{") {
        list.push({ name, args, block: parse(true), file, line: t.line });
      } else if (name === "include") {
        const pattern = args[0] ?? "";
        const abs = pattern.startsWith("/") ? pattern : `/etc/nginx/${pattern}`;
        for (const f of expandInclude(fs, abs)) list.push(...parseBlock(fs, f, depth + 1));
      } else list.push({ name, args, block: null, file, line: t.line });
    }
    if (nested) throw new NginxConfigError(`unexpected end of file, expecting "}" in ${file}:${toks[toks.length - 1]?.line ?? 1}`);
    return list;
  };
  return parse(false);
}

function expandInclude(fs: Vfs, pattern: string): string[] {
  if (!/[*?[]/.test(pattern)) {
    if (!fs.exists(pattern)) throw new NginxConfigError(`open() "${pattern}" failed (2: No such file or directory)`);
    return [pattern];
  }
  const dir = pattern.slice(0, pattern.lastIndexOf("/")) || "/";
  const re = patternToRegExp(pattern.slice(pattern.lastIndexOf("/") + 1));
  const entries = fs.readdir(dir);
  if (!entries.ok) return [];
  return entries.value.filter((n) => re.test(n)).map((n) => `${dir}/${n}`).filter((p) => fs.stat(p).ok && (fs.stat(p) as { ok: true; value: { node: { kind: string } } }).value.node.kind === "file");
}

export function loadNginxConf(fs: Vfs, path = "/etc/nginx/nginx.conf"): NginxConf {
  const top = parseBlock(fs, path, 0);
  const http = top.find((d) => d.name === "http")?.block ?? [];
  const servers: ServerConf[] = [];
  for (const d of http) {
    if (d.name !== "server" || !d.block) continue;
    const ports: ServerConf["ports"] = [];
    for (const l of d.block.filter((x) => x.name === "listen")) {
      const addr = l.args[0] ?? "80";
      const m = /(\d+)$/.exec(addr);
      if (!m) throw new NginxConfigError(`invalid port in "${addr}" of the "listen" directive in ${l.file}:${l.line}`);
      const port = Number(m[1]);
      if (!ports.some((x) => x.port === port)) ports.push({ port, defaultServer: l.args.includes("default_server") || l.args.includes("default") });
    }
    if (ports.length === 0) ports.push({ port: 80, defaultServer: false });
    const locations: Location[] = [];
    for (const l of d.block.filter((x) => x.name === "location" && x.block)) {
      const [a, b] = l.args;
      const mod = (["=", "^~", "~", "~*"] as const).find((m) => m === a);
      locations.push({ modifier: mod ?? "", path: mod ? (b ?? "/") : (a ?? "/"), directives: l.block ?? [] });
    }
    servers.push({ ports, serverNames: d.block.find((x) => x.name === "server_name")?.args ?? [""], directives: d.block, locations });
  }
  return { servers, http };
}

/** nginx location selection: exact `=`, then the longest prefix (unless `^~`, regexes may override). */
export function matchLocation(server: ServerConf, uri: string): Location | null {
  const exact = server.locations.find((l) => l.modifier === "=" && l.path === uri);
  if (exact) return exact;
  let best: Location | null = null;
  for (const l of server.locations) {
    if ((l.modifier === "" || l.modifier === "^~") && uri.startsWith(l.path) && (!best || l.path.length > best.path.length)) best = l;
  }
  if (best?.modifier === "^~") return best;
  for (const l of server.locations) {
    if (l.modifier === "~" || l.modifier === "~*") {
      try {
        if (new RegExp(l.path, l.modifier === "~*" ? "i" : "").test(uri)) return l;
      } catch {
        /* an invalid regex never matches */
      }
    }
  }
  return best;
}

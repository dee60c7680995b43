// ls [-1alAdhR]: busybox and GNU long formats (columns as each pads them), sorted by name.
import type { CommandContext, CommandImpl } from "./types";
import { absolute } from "./types";
import { complain, flagsOrUsage } from "./util";
import { ERRNO_TEXT, type Stat } from "../vfs";
import { strftime } from "../civil-time";

export function modeString(st: Stat): string {
  const n = st.node;
  const type = n.kind === "dir" ? "d" : n.kind === "symlink" ? "l" : "-";
  const m = n.mode;
  let s = type;
  for (const shift of [6, 3, 0]) {
    s += (m >> shift) & 4 ? "r" : "-";
    s += (m >> shift) & 2 ? "w" : "-";
    s += (m >> shift) & 1 ? "x" : "-";
  }
  if (m & 0o1000) s = s.slice(0, 9) + (s[9] === "x" ? "t" : "T");
  return s;
}

export function userName(c: CommandContext, uid: number, file = "/etc/passwd"): string {
  const r = c.proc.fs.readFile(file);
  if (r.ok) for (const line of r.value.split("\n")) {
    const f = line.split(":");
    if (f.length > 2 && Number(f[2]) === uid) return f[0];
  }
  return String(uid);
}

export const ls: CommandImpl = function* (c) {
  const f = flagsOrUsage(c, { bool: "1alAdhRFtrSi", long: { all: "=a", "almost-all": "=A", directory: "=d", "human-readable": "=h", color: "bool" } });
  if (!f) return 1;
  const long = Boolean(f.flags.l);
  const all = Boolean(f.flags.a);
  const almost = Boolean(f.flags.A);
  const operands = f.operands.length ? f.operands : ["."];
  const fs = c.proc.fs;
  let status = 0;
  const files: { name: string; st: Stat }[] = [];
  const dirs: { name: string; path: string }[] = [];
  for (const op of operands) {
    const path = absolute(c, op);
    const st = long || f.flags.d ? fs.lstat(path) : fs.stat(path);
    if (!st.ok) {
      complain(c, c.flavor === "gnu" ? `cannot access '${op}': ${ERRNO_TEXT[st.errno]}` : `${op}: ${ERRNO_TEXT[st.errno]}`);
      status = 2;
      continue;
    }
    const target = st.value.node.kind === "symlink" && !f.flags.d ? fs.stat(path) : st;
    if (target.ok && target.value.node.kind === "dir" && !f.flags.d) dirs.push({ name: op, path });
    else files.push({ name: op, st: st.value });
  }
  const fmt = (entries: { name: string; st: Stat; path?: string }[], withTotal: boolean) => {
    if (!long) {
      c.io.out(entries.map((e) => `${e.name}${f.flags.F && e.st.node.kind === "dir" ? "/" : ""}\n`).join(""));
      return;
    }
    const rows = entries.map((e) => {
      const size = e.st.node.kind === "dir" ? 4096 : e.st.size;
      const sizeText = f.flags.h ? human(size) : String(size);
      const link = e.st.node.kind === "symlink" ? ` -> ${e.st.node.target}` : "";
      const date = strftime("%b %e %H:%M", e.st.node.mtime);
      return { mode: modeString(e.st), links: e.st.node.kind === "dir" ? "2" : "1", user: userName(c, e.st.node.uid), group: groupName(c, e.st.node.gid), size: sizeText, date, name: e.name + link };
    });
    if (withTotal) c.io.out(`total ${entries.reduce((n, e) => n + (e.st.node.kind === "file" ? Math.ceil(e.st.size / 4096) * 4 : 0), 0)}\n`);
    if (c.flavor === "busybox") {
      for (const r of rows) c.io.out(`${r.mode}    ${r.links.padStart(1)} ${r.user.padEnd(8)} ${r.group.padEnd(8)} ${r.size.padStart(9)} ${r.date} ${r.name}\n`);
      return;
    }
    const w = (k: "links" | "user" | "group" | "size") => Math.max(...rows.map((r) => r[k].length));
    for (const r of rows) c.io.out(`${r.mode} ${r.links.padStart(w("links"))} ${r.user.padEnd(w("user"))} ${r.group.padEnd(w("group"))} ${r.size.padStart(w("size"))} ${r.date} ${r.name}\n`);
  };
  if (files.length) fmt(files.sort((a, b) => (a.name < b.name ? -1 : 1)), false);
  const showHeaders = dirs.length + files.length > 1;
  dirs.forEach((d, i) => {
    const listing = fs.readdir(d.path);
    if (!listing.ok) {
      complain(c, `${c.flavor === "gnu" ? "cannot open directory" : "can't open"} '${d.name}': ${ERRNO_TEXT[listing.errno]}`);
      status = 2;
      return;
    }
    let names = listing.value.filter((n) => all || almost || !n.startsWith("."));
    if (all) names = [".", "..", ...names];
    const entries = names.flatMap((name) => {
      const p = name === "." ? d.path : name === ".." ? `${d.path}/..` : d.path === "/" ? `/${name}` : `${d.path}/${name}`;
      const st = fs.lstat(p);
      return st.ok ? [{ name, st: st.value }] : [];
    });
    if (showHeaders) c.io.out(`${i > 0 || files.length ? "\n" : ""}${d.name}:\n`);
    fmt(entries, true);
  });
  return status;
};

function groupName(c: CommandContext, gid: number): string {
  return userName(c, gid, "/etc/group");
}

function human(n: number): string {
  if (n < 1024) return String(n);
  const units = ["K", "M", "G"];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < 2) { v /= 1024; u++; }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)}${units[u]}`;
}

// An in-memory POSIX-like filesystem: a frozen, shared image layer under a per-container copy-on-write upper
// layer (like overlayfs: upper entries and whiteouts keyed by path), plus bind mounts of other Vfs objects
// (emptyDir, hostPath, configMap, secret volumes) that several containers share.
import { strftime } from "./civil-time";

export type Errno = "ENOENT" | "EEXIST" | "ENOTDIR" | "EISDIR" | "ENOTEMPTY" | "EROFS" | "ELOOP" | "EINVAL" | "EBUSY";
export type FsResult<T> = { ok: true; value: T } | { ok: false; errno: Errno };

type NodeMeta = { mode: number; mtime: number; uid: number; gid: number };
/** `program` names the simulated executable a file runs (see commands/registry); scripts have none. */
export type FileNode = NodeMeta & { kind: "file"; data: string; program?: string; size?: number };
export type DirNode = NodeMeta & { kind: "dir" };
export type SymlinkNode = NodeMeta & { kind: "symlink"; target: string };
export type FsNode = FileNode | DirNode | SymlinkNode;
export type Stat = { path: string; node: FsNode; size: number; readOnly: boolean };

/** strerror(3) wording shared by busybox and coreutils messages. */
export const ERRNO_TEXT: Record<Errno, string> = {
  ENOENT: "No such file or directory",
  EEXIST: "File exists",
  ENOTDIR: "Not a directory",
  EISDIR: "Is a directory",
  ENOTEMPTY: "Directory not empty",
  EROFS: "Read-only file system",
  ELOOP: "Symbolic link loop",
  EINVAL: "Invalid argument",
  EBUSY: "Resource busy",
};

/** A frozen layer, built once per image and shared by every container of that image. */
export type FsLayer = { readonly nodes: ReadonlyMap<string, FsNode>; readonly children: ReadonlyMap<string, readonly string[]> };

export type LayerEntry =
  | { path: string; kind: "file"; data: string; mode?: number; program?: string; size?: number; uid?: number; gid?: number }
  | { path: string; kind: "dir"; mode?: number; uid?: number; gid?: number }
  | { path: string; kind: "symlink"; target: string };

const ok = <T>(value: T): FsResult<T> => ({ ok: true, value });
const fail = <T>(errno: Errno): FsResult<T> => ({ ok: false, errno });

export function parentOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
/** Lexical normalisation: collapses `//`, `.` and `..` (symlinks are resolved separately by Vfs.resolve). */
export function normalizePath(path: string, cwd = "/"): string {
  const full = path.startsWith("/") ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const part of full.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return `/${out.join("/")}`;
}
const joinPath = (dir: string, name: string) => (dir === "/" ? `/${name}` : `${dir}/${name}`);

export function buildLayer(entries: readonly LayerEntry[], mtime = 0): FsLayer {
  const nodes = new Map<string, FsNode>();
  const children = new Map<string, string[]>();
  const meta = (mode: number, uid = 0, gid = 0): NodeMeta => ({ mode, mtime, uid, gid });
  const ensureDir = (path: string) => {
    if (nodes.has(path)) return;
    nodes.set(path, { kind: "dir", ...meta(0o755) });
    if (path !== "/") {
      ensureDir(parentOf(path));
      const siblings = children.get(parentOf(path));
      if (siblings) siblings.push(baseName(path));
      else children.set(parentOf(path), [baseName(path)]);
    }
  };
  ensureDir("/");
  for (const entry of entries) {
    const path = normalizePath(entry.path);
    const node: FsNode =
      entry.kind === "file"
        ? { kind: "file", data: entry.data, program: entry.program, size: entry.size, ...meta(entry.mode ?? 0o644, entry.uid, entry.gid) }
        : entry.kind === "dir"
          ? { kind: "dir", ...meta(entry.mode ?? 0o755, entry.uid, entry.gid) }
          : { kind: "symlink", target: entry.target, ...meta(0o777) };
    ensureDir(parentOf(path));
    if (!nodes.has(path)) {
      const list = children.get(parentOf(path));
      if (list) list.push(baseName(path));
      else children.set(parentOf(path), [baseName(path)]);
    }
    nodes.set(path, node);
  }
  return { nodes, children };
}

type Mount = { path: string; fs: Vfs; readOnly: boolean; subPath: string };
type Route = { fs: Vfs; inner: string; readOnly: boolean; mount?: Mount };

const MAX_SYMLINKS = 40;

// Every change to any Vfs tree (nodes, whiteouts, mounts) moves this counter: resolve() results cached
// under an older value are dropped. Path lookups (PATH search, nginx's log and file paths) repeat a lot.
let treeEpoch = 0;
const RESOLVE_CACHE_MAX = 512;
/** Bounds a container's writable layer so scripts like `yes > /tmp/x` cannot exhaust memory. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export class Vfs {
  private readonly upper = new Map<string, FsNode>();
  private readonly whiteouts = new Set<string>();
  private readonly upperChildren = new Map<string, Set<string>>();
  private mounts: Mount[] = [];
  private resolved = new Map<string, FsResult<string>>();
  private resolvedEpoch = -1;
  now: () => number;

  constructor(private readonly lower?: FsLayer, opts: { now?: () => number } = {}) {
    this.now = opts.now ?? (() => 0);
  }

  // ── own tree (no mounts, no symlinks) ────────────────────────────────────────────
  private getOwn(path: string): FsNode | undefined {
    const hit = this.upper.get(path);
    if (hit) return hit;
    if (this.whiteouts.has(path)) return undefined;
    const low = this.lower?.nodes.get(path);
    if (low) return low;
    if (path === "/") return { kind: "dir", mode: 0o755, mtime: 0, uid: 0, gid: 0 };
    return undefined;
  }
  private putOwn(path: string, node: FsNode): void {
    treeEpoch++;
    this.upper.set(path, node);
    this.whiteouts.delete(path);
    if (path === "/") return;
    const parent = parentOf(path);
    const set = this.upperChildren.get(parent);
    if (set) set.add(baseName(path));
    else this.upperChildren.set(parent, new Set([baseName(path)]));
  }
  private deleteOwn(path: string): void {
    treeEpoch++;
    this.upper.delete(path);
    this.upperChildren.get(parentOf(path))?.delete(baseName(path));
    if (this.lower?.nodes.has(path)) this.whiteouts.add(path);
  }
  private listOwn(path: string): string[] {
    const names = new Set<string>();
    for (const name of this.lower?.children.get(path) ?? []) if (!this.whiteouts.has(joinPath(path, name))) names.add(name);
    for (const name of this.upperChildren.get(path) ?? []) names.add(name);
    return [...names].filter((n) => this.getOwn(joinPath(path, n)) !== undefined);
  }

  // ── routing through mounts ───────────────────────────────────────────────────────
  private route(path: string): Route {
    for (const m of this.mounts) {
      if (path === m.path || path.startsWith(`${m.path}/`)) {
        const rest = path.slice(m.path.length);
        const inner = normalizePath(`${m.subPath}${rest}`);
        const r = m.fs.route(inner);
        return { fs: r.fs, inner: r.inner, readOnly: m.readOnly || r.readOnly, mount: path === m.path ? m : r.mount };
      }
    }
    return { fs: this, inner: path, readOnly: this.readOnlyRoot };
  }

  /** securityContext.readOnlyRootFilesystem: the container's own layer refuses writes; mounts keep their mode. */
  readOnlyRoot = false;
  private lookup(path: string): { node: FsNode | undefined; route: Route } {
    const route = this.route(path);
    const node = route.fs.getOwn(route.inner);
    // Parents of a mount point exist even when the image lacks them (the runtime creates them).
    if (!node && this.mounts.some((m) => m.path.startsWith(`${path}/`))) {
      return { node: { kind: "dir", mode: 0o755, mtime: 0, uid: 0, gid: 0 }, route };
    }
    return { node, route };
  }

  mount(path: string, fs: Vfs, opts: { readOnly?: boolean; subPath?: string } = {}): void {
    const p = normalizePath(path);
    treeEpoch++;
    this.mounts = this.mounts.filter((m) => m.path !== p);
    this.mounts.push({ path: p, fs, readOnly: opts.readOnly ?? false, subPath: normalizePath(opts.subPath ?? "/") });
    this.mounts.sort((a, b) => b.path.length - a.path.length || (a.path < b.path ? -1 : 1));
  }
  unmount(path: string): void {
    treeEpoch++;
    const p = normalizePath(path);
    this.mounts = this.mounts.filter((m) => m.path !== p);
  }
  mountPoints(): { path: string; readOnly: boolean }[] {
    return this.mounts.map((m) => ({ path: m.path, readOnly: m.readOnly })).sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** Resolves symlinks component by component (across mounts) to a real absolute path. */
  resolve(path: string, followLast = true): FsResult<string> {
    if (this.resolvedEpoch !== treeEpoch || this.resolved.size >= RESOLVE_CACHE_MAX) {
      this.resolved.clear();
      this.resolvedEpoch = treeEpoch;
    }
    const key = followLast ? path : `\u0000${path}`;
    let r = this.resolved.get(key);
    if (!r) {
      r = this.resolveUncached(path, followLast);
      this.resolved.set(key, r);
    }
    return r;
  }

  private resolveUncached(path: string, followLast: boolean): FsResult<string> {
    // Hot path (every PATH lookup): index-based, no intermediate arrays unless a symlink is met.
    let parts = path.split("/");
    let real = "";
    let hops = 0;
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i];
      if (name === "" || name === ".") continue;
      if (name === "..") {
        real = real.slice(0, real.lastIndexOf("/"));
        continue;
      }
      const candidate = `${real}/${name}`;
      const node = this.lookupNode(candidate);
      let last = true;
      for (let j = i + 1; j < parts.length; j++) if (parts[j] !== "" && parts[j] !== ".") { last = false; break; }
      if (!node) {
        if (last) { real = candidate; break; }
        return fail("ENOENT");
      }
      if (node.kind === "symlink" && (!last || followLast)) {
        if (++hops > MAX_SYMLINKS) return fail("ELOOP");
        if (node.target.startsWith("/")) real = "";
        parts = [...node.target.split("/"), ...parts.slice(i + 1)];
        i = -1;
        continue;
      }
      if (!last && node.kind !== "dir") return fail("ENOTDIR");
      real = candidate;
    }
    return ok(real === "" ? "/" : real);
  }

  private lookupNode(path: string): FsNode | undefined {
    if (this.mounts.length === 0) return this.getOwn(path);
    return this.lookup(path).node;
  }

  private statReal(real: string): FsResult<Stat> {
    const { node, route } = this.lookup(real);
    if (!node) return fail("ENOENT");
    const size = node.kind === "file" ? (node.size ?? node.data.length) : node.kind === "symlink" ? node.target.length : 4096;
    return ok({ path: real, node, size, readOnly: route.readOnly });
  }

  stat(path: string): FsResult<Stat> {
    const r = this.resolve(path);
    return r.ok ? this.statReal(r.value) : r;
  }
  lstat(path: string): FsResult<Stat> {
    const r = this.resolve(path, false);
    return r.ok ? this.statReal(r.value) : r;
  }
  exists(path: string): boolean {
    return this.stat(path).ok;
  }
  readlink(path: string): FsResult<string> {
    const s = this.lstat(path);
    if (!s.ok) return s;
    return s.value.node.kind === "symlink" ? ok(s.value.node.target) : fail("EINVAL");
  }

  readFile(path: string): FsResult<string> {
    const s = this.stat(path);
    if (!s.ok) return s;
    if (s.value.node.kind === "dir") return fail("EISDIR");
    return ok((s.value.node as FileNode).data);
  }

  /** Creates or replaces (or appends to) a regular file; the parent directory must exist. */
  writeFile(path: string, data: string, opts: { append?: boolean; mode?: number } = {}): FsResult<void> {
    const r = this.resolve(path);
    if (!r.ok) return r;
    const real = r.value;
    const parent = this.statReal(parentOf(real));
    if (!parent.ok) return fail("ENOENT");
    if (parent.value.node.kind !== "dir") return fail("ENOTDIR");
    const { node, route } = this.lookup(real);
    if (node?.kind === "dir") return fail("EISDIR");
    if (route.readOnly) return fail("EROFS");
    const prev = node?.kind === "file" ? node : undefined;
    let content = opts.append && prev ? prev.data + data : data;
    if (content.length > MAX_FILE_BYTES) content = content.slice(0, MAX_FILE_BYTES);
    route.fs.putOwn(route.inner, {
      kind: "file", data: content, mode: prev?.mode ?? opts.mode ?? 0o644, mtime: this.now(), uid: prev?.uid ?? 0, gid: prev?.gid ?? 0,
    });
    return ok(undefined);
  }

  mkdir(path: string, opts: { parents?: boolean; mode?: number } = {}): FsResult<void> {
    const target = normalizePath(path);
    if (opts.parents) {
      const parts = target.split("/").filter(Boolean);
      let cur = "";
      for (const part of parts) {
        cur += `/${part}`;
        const s = this.stat(cur);
        if (s.ok) {
          if (s.value.node.kind !== "dir") return fail("ENOTDIR");
          continue;
        }
        const made = this.mkdir(cur, { mode: opts.mode });
        if (!made.ok) return made;
      }
      return ok(undefined);
    }
    const r = this.resolve(target, false);
    if (!r.ok) return r;
    if (this.lookup(r.value).node) return fail("EEXIST");
    const parent = this.statReal(parentOf(r.value));
    if (!parent.ok) return fail("ENOENT");
    if (parent.value.node.kind !== "dir") return fail("ENOTDIR");
    const { route } = this.lookup(r.value);
    if (route.readOnly) return fail("EROFS");
    route.fs.putOwn(route.inner, { kind: "dir", mode: opts.mode ?? 0o755, mtime: this.now(), uid: 0, gid: 0 });
    return ok(undefined);
  }

  readdir(path: string): FsResult<string[]> {
    const s = this.stat(path);
    if (!s.ok) return s;
    if (s.value.node.kind !== "dir") return fail("ENOTDIR");
    const real = s.value.path;
    const route = this.route(real);
    const names = new Set(route.fs.listDir(route.inner));
    for (const m of this.mounts) if (m.path !== "/" && parentOf(m.path) === real) names.add(baseName(m.path));
    return ok([...names].sort());
  }
  private listDir(path: string): string[] {
    const names = new Set(this.listOwn(path));
    for (const m of this.mounts) if (m.path !== "/" && parentOf(m.path) === path) names.add(baseName(m.path));
    return [...names];
  }

  symlink(target: string, path: string): FsResult<void> {
    const r = this.resolve(path, false);
    if (!r.ok) return r;
    if (this.lookup(r.value).node) return fail("EEXIST");
    const parent = this.statReal(parentOf(r.value));
    if (!parent.ok) return fail("ENOENT");
    const { route } = this.lookup(r.value);
    if (route.readOnly) return fail("EROFS");
    route.fs.putOwn(route.inner, { kind: "symlink", target, mode: 0o777, mtime: this.now(), uid: 0, gid: 0 });
    return ok(undefined);
  }

  /** Removes a file or symlink (unlink(2)). */
  unlink(path: string): FsResult<void> {
    const r = this.resolve(path, false);
    if (!r.ok) return r;
    const { node, route } = this.lookup(r.value);
    if (!node) return fail("ENOENT");
    if (node.kind === "dir") return fail("EISDIR");
    if (route.mount) return fail("EBUSY");
    if (route.readOnly) return fail("EROFS");
    route.fs.deleteOwn(route.inner);
    return ok(undefined);
  }

  rmdir(path: string): FsResult<void> {
    const r = this.resolve(path, false);
    if (!r.ok) return r;
    const { node, route } = this.lookup(r.value);
    if (!node) return fail("ENOENT");
    if (node.kind !== "dir") return fail("ENOTDIR");
    if (route.mount || r.value === "/") return fail("EBUSY");
    if (route.readOnly) return fail("EROFS");
    const entries = this.readdir(r.value);
    if (entries.ok && entries.value.length > 0) return fail("ENOTEMPTY");
    route.fs.deleteOwn(route.inner);
    return ok(undefined);
  }

  /** rm -r semantics: removes a tree depth-first, stopping at the first error (e.g. EROFS, EBUSY). */
  removeTree(path: string): FsResult<void> {
    const s = this.lstat(path);
    if (!s.ok) return s;
    if (s.value.node.kind !== "dir") return this.unlink(path);
    const entries = this.readdir(s.value.path);
    if (entries.ok) {
      for (const name of entries.value) {
        const res = this.removeTree(joinPath(s.value.path, name));
        if (!res.ok) return res;
      }
    }
    return this.rmdir(s.value.path);
  }

  rename(from: string, to: string): FsResult<void> {
    const src = this.lstat(from);
    if (!src.ok) return src;
    const dest = this.resolve(to, false);
    if (!dest.ok) return dest;
    const destParent = this.stat(parentOf(dest.value));
    if (!destParent.ok) return fail("ENOENT");
    if (dest.value === src.value.path) return ok(undefined);
    if (dest.value.startsWith(`${src.value.path}/`)) return fail("EINVAL");
    const existing = this.lookup(dest.value).node;
    if (existing?.kind === "dir") {
      if (src.value.node.kind !== "dir") return fail("EISDIR");
      const entries = this.readdir(dest.value);
      if (entries.ok && entries.value.length > 0) return fail("ENOTEMPTY");
    }
    const copied = this.copyTree(src.value.path, dest.value);
    if (!copied.ok) return copied;
    return this.removeTree(src.value.path);
  }

  private copyTree(from: string, to: string): FsResult<void> {
    const { node } = this.lookup(from);
    if (!node) return fail("ENOENT");
    const { route } = this.lookup(to);
    if (route.readOnly) return fail("EROFS");
    route.fs.putOwn(route.inner, { ...node });
    if (node.kind === "dir") {
      const entries = this.readdir(from);
      if (entries.ok) for (const name of entries.value) {
        const r = this.copyTree(joinPath(from, name), joinPath(to, name));
        if (!r.ok) return r;
      }
    }
    return ok(undefined);
  }

  /** Replaces metadata of an existing node (chmod, touch); copy-on-write for image-layer nodes. */
  updateMeta(path: string, change: { mode?: number; mtime?: number; uid?: number; gid?: number }): FsResult<void> {
    const r = this.resolve(path);
    if (!r.ok) return r;
    const { node, route } = this.lookup(r.value);
    if (!node) return fail("ENOENT");
    if (route.readOnly) return fail("EROFS");
    const next = { ...node } as FsNode;
    if (change.mode !== undefined) next.mode = change.mode;
    if (change.mtime !== undefined) next.mtime = change.mtime;
    if (change.uid !== undefined) next.uid = change.uid;
    if (change.gid !== undefined) next.gid = change.gid;
    route.fs.putOwn(route.inner, next);
    return ok(undefined);
  }

  /** Installs a node verbatim (used by image-building code and by the kubelet for /etc/hosts, program files…). */
  putNode(path: string, node: FsNode): FsResult<void> {
    const p = normalizePath(path);
    const parent = this.mkdir(parentOf(p), { parents: true });
    if (!parent.ok) return parent;
    const { route } = this.lookup(p);
    if (route.readOnly) return fail("EROFS");
    route.fs.putOwn(route.inner, node);
    return ok(undefined);
  }
}

export function createVfs(opts: { now?: () => number; files?: Record<string, string> } = {}): Vfs {
  const fs = new Vfs(undefined, opts);
  for (const [path, data] of Object.entries(opts.files ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    fs.mkdir(parentOf(normalizePath(path)), { parents: true });
    fs.writeFile(path, data);
  }
  return fs;
}

/**
 * Lays out a configMap/secret/downwardAPI volume as the kubelet's AtomicWriter does
 * (pkg/volume/util/atomic_writer.go): the payload lives in a timestamped directory, `..data` points at it,
 * and each key is a symlink `key -> ..data/key`. Calling it again on the same Vfs swaps `..data` atomically,
 * which is how updates to a mounted ConfigMap become visible (and why subPath mounts never see them).
 */
export function writeAtomicVolume(fs: Vfs, payload: Record<string, string>, opts: { now: number; mode?: number }): void {
  const stamp = `..${strftime("%Y_%m_%d_%H_%M_%S", opts.now)}.${String(Math.floor(opts.now % 1000) * 1_000_000 + 1).padStart(9, "0")}`;
  const previous = fs.readlink("/..data");
  const keys = Object.keys(payload).sort();
  for (const key of keys) {
    fs.mkdir(parentOf(`/${stamp}/${key}`), { parents: true });
    fs.writeFile(`/${stamp}/${key}`, payload[key], { mode: opts.mode ?? 0o644 });
  }
  fs.unlink("/..data");
  fs.symlink(stamp, "/..data");
  const top = new Set(keys.map((k) => k.split("/")[0]));
  const existing = fs.readdir("/");
  if (existing.ok) for (const name of existing.value) {
    if (!name.startsWith("..") && !top.has(name)) fs.unlink(`/${name}`);
  }
  for (const name of top) {
    if (!fs.lstat(`/${name}`).ok) fs.symlink(`..data/${name}`, `/${name}`);
  }
  if (previous.ok && previous.value !== stamp) fs.removeTree(`/${previous.value}`);
}

import { describe, expect, it } from "vitest";
import { buildLayer, createVfs, normalizePath, Vfs, writeAtomicVolume } from "./vfs";

const layer = buildLayer([
  { path: "/etc/hostname", kind: "file", data: "image\n" },
  { path: "/usr/share/nginx/html/index.html", kind: "file", data: "welcome" },
  { path: "/bin/sh", kind: "file", data: "", mode: 0o755, program: "sh" },
  { path: "/var/log/nginx/access.log", kind: "symlink", target: "/dev/stdout" },
  { path: "/dev", kind: "dir" },
]);

describe("Vfs copy-on-write over a shared image layer", () => {
  it("isolates writes between containers of the same image", () => {
    const a = new Vfs(layer);
    const b = new Vfs(layer);
    expect(a.writeFile("/usr/share/nginx/html/index.html", "changed").ok).toBe(true);
    expect(a.readFile("/usr/share/nginx/html/index.html")).toEqual({ ok: true, value: "changed" });
    expect(b.readFile("/usr/share/nginx/html/index.html")).toEqual({ ok: true, value: "welcome" });
    expect(layer.nodes.get("/usr/share/nginx/html/index.html")).toMatchObject({ data: "welcome" });
  });

  it("hides deleted image files (whiteouts) and lets them be recreated", () => {
    const fs = new Vfs(layer);
    expect(fs.unlink("/usr/share/nginx/html/index.html").ok).toBe(true);
    expect(fs.readFile("/usr/share/nginx/html/index.html")).toEqual({ ok: false, errno: "ENOENT" });
    expect(fs.readdir("/usr/share/nginx/html")).toEqual({ ok: true, value: [] });
    fs.writeFile("/usr/share/nginx/html/index.html", "again");
    expect(fs.readFile("/usr/share/nginx/html/index.html")).toEqual({ ok: true, value: "again" });
  });

  it("removes trees, refusing non-empty rmdir", () => {
    const fs = new Vfs(layer);
    expect(fs.rmdir("/usr/share")).toEqual({ ok: false, errno: "ENOTEMPTY" });
    expect(fs.removeTree("/usr/share").ok).toBe(true);
    expect(fs.exists("/usr/share/nginx/html/index.html")).toBe(false);
    expect(fs.readdir("/usr")).toEqual({ ok: true, value: [] });
  });

  it("reports errno results", () => {
    const fs = new Vfs(layer);
    expect(fs.writeFile("/nope/x", "")).toEqual({ ok: false, errno: "ENOENT" });
    expect(fs.readFile("/usr")).toEqual({ ok: false, errno: "EISDIR" });
    expect(fs.mkdir("/etc")).toEqual({ ok: false, errno: "EEXIST" });
    expect(fs.writeFile("/etc/hostname/x", "")).toEqual({ ok: false, errno: "ENOTDIR" });
    expect(fs.mkdir("/a/b/c", { parents: true }).ok).toBe(true);
    expect(fs.stat("/a/b/c").ok).toBe(true);
  });

  it("follows symlinks and detects loops", () => {
    const fs = new Vfs(layer);
    fs.symlink("/etc/hostname", "/h");
    expect(fs.readFile("/h")).toEqual({ ok: true, value: "image\n" });
    expect(fs.readlink("/h")).toEqual({ ok: true, value: "/etc/hostname" });
    fs.symlink("/loop2", "/loop1");
    fs.symlink("/loop1", "/loop2");
    expect(fs.readFile("/loop1")).toEqual({ ok: false, errno: "ELOOP" });
    expect(fs.resolve("/var/log/nginx/access.log")).toEqual({ ok: true, value: "/dev/stdout" });
  });

  it("stamps mtimes from the virtual clock", () => {
    let now = 5000;
    const fs = new Vfs(layer, { now: () => now });
    fs.writeFile("/tmp-file", "x");
    now = 9000;
    fs.updateMeta("/tmp-file", { mtime: now });
    const st = fs.stat("/tmp-file");
    expect(st.ok && st.value.node.mtime).toBe(9000);
  });
});

describe("mounts", () => {
  it("shares an emptyDir between two containers", () => {
    const vol = createVfs();
    const a = new Vfs(layer);
    const b = new Vfs(layer);
    a.mount("/data", vol);
    b.mount("/shared", vol);
    expect(a.writeFile("/data/msg", "hello").ok).toBe(true);
    expect(b.readFile("/shared/msg")).toEqual({ ok: true, value: "hello" });
    expect(a.readdir("/")).toMatchObject({ ok: true });
    expect((a.readdir("/") as { value: string[] }).value).toContain("data");
  });

  it("shadows image content at the mount point and enforces readOnly", () => {
    const vol = createVfs({ files: { "/index.html": "from configmap" } });
    const fs = new Vfs(layer);
    fs.mount("/usr/share/nginx/html", vol, { readOnly: true });
    expect(fs.readFile("/usr/share/nginx/html/index.html")).toEqual({ ok: true, value: "from configmap" });
    expect(fs.writeFile("/usr/share/nginx/html/x", "")).toEqual({ ok: false, errno: "EROFS" });
    expect(fs.unlink("/usr/share/nginx/html/index.html")).toEqual({ ok: false, errno: "EROFS" });
    expect(fs.rmdir("/usr/share/nginx/html")).toEqual({ ok: false, errno: "EBUSY" });
  });

  it("mounts a single key with subPath", () => {
    const vol = createVfs({ files: { "/nginx.conf": "conf", "/other": "o" } });
    const fs = new Vfs(layer);
    fs.mount("/etc/nginx/nginx.conf", vol, { subPath: "nginx.conf" });
    expect(fs.readFile("/etc/nginx/nginx.conf")).toEqual({ ok: true, value: "conf" });
  });

  it("lays out configMap volumes like the kubelet's AtomicWriter and swaps ..data on update", () => {
    const vol = createVfs();
    writeAtomicVolume(vol, { "app.properties": "a=1", "game.ini": "lives=3" }, { now: 1_795_428_000_000 });
    expect(vol.readdir("/")).toEqual({ ok: true, value: ["..2026_11_23_10_00_00.000000001", "..data", "app.properties", "game.ini"] });
    expect(vol.readlink("/app.properties")).toEqual({ ok: true, value: "..data/app.properties" });
    expect(vol.readlink("/..data")).toEqual({ ok: true, value: "..2026_11_23_10_00_00.000000001" });
    const fs = new Vfs(layer);
    fs.mount("/etc/config", vol, { readOnly: true });
    expect(fs.readFile("/etc/config/game.ini")).toEqual({ ok: true, value: "lives=3" });
    writeAtomicVolume(vol, { "app.properties": "a=2" }, { now: 1_795_428_060_000 });
    expect(fs.readFile("/etc/config/app.properties")).toEqual({ ok: true, value: "a=2" });
    expect(fs.exists("/etc/config/game.ini")).toBe(false);
    expect((vol.readdir("/") as { value: string[] }).value).toEqual(["..2026_11_23_10_01_00.000000001", "..data", "app.properties"]);
  });
});

describe("normalizePath", () => {
  it.each([
    ["a/b", "/x", "/x/a/b"],
    ["../..", "/x/y", "/"],
    ["/a//b/./c/", "/", "/a/b/c"],
  ])("%s in %s → %s", (p, cwd, want) => expect(normalizePath(p, cwd)).toBe(want));
});

describe("readOnlyRootFilesystem", () => {
  it("refuses writes outside writable mounts", () => {
    const fs = new Vfs(layer);
    fs.readOnlyRoot = true;
    fs.mount("/tmp", createVfs());
    expect(fs.writeFile("/etc/x", "")).toEqual({ ok: false, errno: "EROFS" });
    expect(fs.mkdir("/data")).toEqual({ ok: false, errno: "EROFS" });
    expect(fs.writeFile("/tmp/x", "ok").ok).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { createCatalog, imageDigest, parseReference, resolveImage } from "./images";
import { buildLayer } from "./vfs";

describe("parseReference (distribution/reference normalisation)", () => {
  it.each([
    ["nginx", "docker.io/library/nginx", null],
    ["nginx:1.27", "docker.io/library/nginx", "1.27"],
    ["user/app:1", "docker.io/user/app", "1"],
    ["registry.k8s.io/pause:3.10", "registry.k8s.io/pause", "3.10"],
    ["localhost:5000/app:v2", "localhost:5000/app", "v2"],
    ["docker.io/nginx", "docker.io/library/nginx", null],
    ["index.docker.io/library/busybox:1.36", "docker.io/library/busybox", "1.36"],
  ])("%s → %s", (input, repository, tag) => {
    const r = parseReference(input);
    expect(r.kind).toBe("ok");
    if (r.kind === "ok") {
      expect(r.ref.repository).toBe(repository);
      expect(r.ref.tag).toBe(tag);
    }
  });

  it("rejects uppercase repositories with the lowercase message", () => {
    expect(parseReference("NGINX")).toEqual({ kind: "invalid", message: "invalid reference format: repository name (library/NGINX) must be lowercase" });
  });
  it.each(["nginx:", ":latest", "nginx@sha256:zz", "ng inx", "nginx:tag with space"])("rejects %j", (input) => {
    expect(parseReference(input).kind).toBe("invalid");
  });
});

describe("resolveImage", () => {
  it("resolves the default tag and reports containerd's fully qualified reference", () => {
    const r = resolveImage("nginx");
    expect(r.kind).toBe("ok");
    if (r.kind !== "ok") return;
    expect(r.image.ref).toBe("docker.io/library/nginx:latest");
    expect(r.image.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(r.image.config.entrypoint).toEqual(["/docker-entrypoint.sh"]);
    expect(r.image.config.cmd).toEqual(["nginx", "-g", "daemon off;"]);
    expect(r.image.config.stopSignal).toBe("SIGQUIT");
    expect(r.image.config.exposedPorts).toEqual(["80/tcp"]);
  });

  it("keeps digests stable and distinct per tag", () => {
    expect(imageDigest("docker.io/library/nginx", "1.27")).toBe(imageDigest("docker.io/library/nginx", "1.27"));
    expect(imageDigest("docker.io/library/nginx", "1.27")).not.toBe(imageDigest("docker.io/library/nginx", "1.25"));
  });

  it("accepts a digest reference that names a known manifest, and refuses others", () => {
    const digest = imageDigest("docker.io/library/busybox", "1.36");
    const ok = resolveImage(`busybox@${digest}`);
    expect(ok.kind).toBe("ok");
    if (ok.kind === "ok") expect(ok.image.ref).toBe(`docker.io/library/busybox@${digest}`);
    const bad = resolveImage(`busybox@sha256:${"0".repeat(64)}`);
    expect(bad).toEqual({
      kind: "pull-error",
      message: `rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/busybox@sha256:${"0".repeat(64)}": failed to resolve reference "docker.io/library/busybox@sha256:${"0".repeat(64)}": docker.io/library/busybox@sha256:${"0".repeat(64)}: not found`,
    });
  });

  it("keeps the docs' typo tag nginx:1.91 unknown", () => {
    expect(resolveImage("nginx:1.91").kind).toBe("pull-error");
  });

  it("reports an unknown tag as NotFound", () => {
    expect(resolveImage("nginx:1.999")).toEqual({
      kind: "pull-error",
      message: 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found',
    });
  });

  it("reports an unknown Docker Hub repository as pull access denied", () => {
    expect(resolveImage("ngnix")).toEqual({
      kind: "pull-error",
      message: 'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    });
  });

  it("fails DNS for registries the node cannot reach (the notes' private harbor)", () => {
    const r = resolveImage("harbor.wego.red/library/nginx:1.9.0");
    expect(r.kind).toBe("pull-error");
    if (r.kind === "pull-error") expect(r.message).toContain('Head "https://harbor.wego.red/v2/library/nginx/manifests/1.9.0": dial tcp: lookup harbor.wego.red');
  });

  it("turns invalid names into the kubelet's InvalidImageName message", () => {
    expect(resolveImage("NGINX")).toEqual({
      kind: "invalid-name",
      message: 'Failed to apply default image tag "NGINX": couldn\'t parse image name "NGINX": invalid reference format: repository name (library/NGINX) must be lowercase',
    });
  });

  it("knows the images the notes and the Kubernetes docs use", () => {
    for (const ref of [
      "nginx:1.15.12", "nginx:1.9.0", "nginx:1.14.2", "nginx:alpine", "busybox", "busybox:1.28", "radial/busyboxplus:curl",
      "polinux/stress", "luksa/kubia:1.0", "registry.k8s.io/e2e-test-images/agnhost:2.40", "registry.k8s.io/liveness",
      "registry.k8s.io/pause:3.10", "k8s.gcr.io/busybox", "dotbalo/canary:v2", "nginx:1.9.1", "nginx:1.7.9", "redis:alpine", "mysql:8.0", "postgres:16", "httpd:2.4", "ubuntu", "centos:7",
    ]) expect(resolveImage(ref).kind, ref).toBe("ok");
  });

  it("lets tasks register extra images and tags", () => {
    const catalog = createCatalog([
      {
        repository: "docker.io/acme/web",
        tags: ["v1"],
        build: () => ({
          config: { entrypoint: ["/web"], cmd: null, env: ["PATH=/bin"], workingDir: "", user: "", exposedPorts: ["8080/tcp"] },
          shell: "ash", versions: {}, files: [{ path: "/web", kind: "file", data: "", mode: 0o755, program: "pause" }], sizeBytes: 1000, pullMs: 500,
        }),
      },
    ]);
    const r = catalog.resolve("acme/web:v1");
    expect(r.kind).toBe("ok");
    expect(catalog.resolve("nginx").kind).toBe("ok");
    expect(catalog.list()).toContain("docker.io/acme/web:v1");
  });

  it("shares one built layer between resolutions of the same image", () => {
    const a = resolveImage("busybox:1.36");
    const b = resolveImage("busybox:1.36");
    if (a.kind !== "ok" || b.kind !== "ok") throw new Error("resolve");
    expect(a.image.layer).toBe(b.image.layer);
    expect(buildLayer([]).nodes.size).toBe(1);
  });

  it("gives Debian images no wget/ps, nginx curl but no wget, alpine busybox applets", () => {
    const has = (ref: string, path: string) => {
      const r = resolveImage(ref);
      if (r.kind !== "ok") throw new Error(ref);
      return r.image.layer.nodes.has(path);
    };
    expect(has("nginx:1.27", "/usr/bin/curl")).toBe(true);
    expect(has("nginx:1.27", "/usr/bin/wget")).toBe(false);
    expect(has("debian", "/usr/bin/ps")).toBe(false);
    expect(has("alpine", "/bin/wget")).toBe(true);
    expect(has("busybox", "/bin/nslookup")).toBe(true);
  });
});

// The learner's terminal runs on the control-plane node, as in the CKAD exam: commands other than
// kubectl (curl, wget, nc, nslookup, cat, …) run in an Ubuntu-like shell whose network is the node's —
// ClusterIPs and NodePorts are reachable through kube-proxy, cluster DNS names are not — and
// `localhost:PORT` reaches a pod through an active `kubectl port-forward`.
import { networkFromNode, probeHttp, probeTcp } from "../network";
import { createCatalog, createContainerFs, runToCompletion, type ImageSpec, type Vfs } from "../runtime";
import { ERRNO_TEXT, normalizePath } from "../runtime/vfs";
import { UBUNTU } from "../runtime/image-catalog/distros";
import { programs } from "../runtime/image-catalog/base";
import type { NetworkAccess, ProcessContext, ResolvedImage } from "../runtime/types";
import type { KubectlSession, PortForward } from "./session";

const HOST_IMAGE = "docker.io/kubedrill/controlplane:v1.32.0";

/** The control-plane node's userland: Ubuntu 22.04 with the tools a CKAD terminal has. */
const CONTROLPLANE: ImageSpec = {
  repository: "docker.io/kubedrill/controlplane",
  tags: ["v1.32.0"],
  build: () => {
    const b = UBUNTU.build("22.04");
    return { ...b, files: [...b.files, ...programs("/usr/bin", ["curl", "wget", "nslookup", "nc", "ping"], 250_000)] };
  },
};
const HOST_CATALOG = createCatalog([CONTROLPLANE]);
const CONNECT_TIMEOUT_MS = 127_000;
/** The login shell's working directory, against which relative paths resolve. */
export const HOST_CWD = "/root";

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export class HostShell {
  private image: ResolvedImage | undefined;
  private fs: Vfs | undefined;
  private pid = 1000;

  constructor(private readonly session: KubectlSession) {}

  /** The node's filesystem, shared by shell commands, script redirections and `kubectl -f`. */
  private ensureFs(): Vfs | undefined {
    if (!this.image) {
      const r = HOST_CATALOG.resolve(HOST_IMAGE);
      if (r.kind !== "ok") return undefined;
      const engine = this.session.cluster.engine;
      this.image = r.image;
      this.fs = createContainerFs(r.image, () => engine.now());
    }
    return this.fs;
  }

  /** A regular file's content, or undefined when it does not exist (or is a directory). */
  readFile(path: string): string | undefined {
    const r = this.ensureFs()?.readFile(normalizePath(path, HOST_CWD));
    return r?.ok ? r.value : undefined;
  }

  /** Entries of a directory as paths joined to `path`, or undefined when it is not a directory. */
  listDir(path: string): string[] | undefined {
    const r = this.ensureFs()?.readdir(normalizePath(path, HOST_CWD));
    return r?.ok ? r.value.map((e) => `${path.replace(/\/+$/, "")}/${e}`) : undefined;
  }

  /** Writes (or appends to) a file as a shell redirection does; the error is bash's text for the path. */
  writeFile(path: string, data: string, append: boolean): { ok: true } | { ok: false; error: string } {
    const fs = this.ensureFs();
    if (!fs) return { ok: false, error: "Read-only file system" };
    const r = fs.writeFile(normalizePath(path, HOST_CWD), data, { append });
    return r.ok ? { ok: true } : { ok: false, error: ERRNO_TEXT[r.errno] };
  }

  /** Runs one shell command line on the control-plane node; virtual time does not advance. */
  run(line: string, stdin?: string): { stdout: string; stderr: string; exitCode: number } {
    const cluster = this.session.cluster;
    const engine = cluster.engine;
    if (!this.ensureFs() || !this.image) return { stdout: "", stderr: `kubesim: the host shell image is unavailable\n`, exitCode: 127 };
    let stdout = "";
    let stderr = "";
    const nodeNet = networkFromNode(engine, "controlplane");
    const forwards = this.session.portForwards.filter((f) => f.context === this.session.currentContext);
    const forwardFor = (host: string, port: number): PortForward | undefined =>
      host === "localhost" || host === "127.0.0.1" || host === "::1" ? forwards.find((f) => f.localPort === port) : undefined;
    const podIp = (f: PortForward) => (cluster.get("pods", f.pod, f.namespace) as Obj | undefined)?.status?.podIP as string | undefined;
    const net: NetworkAccess = {
      ...nodeNet,
      resolve: (name) => (name === "localhost" ? { kind: "ok", ip: "127.0.0.1", fqdn: "localhost" } : nodeNet.resolve(name)),
      http: (req) => {
        const f = forwardFor(req.host, req.port);
        if (f) {
          const ip = podIp(f);
          this.session.emitWatch(`Handling connection for ${f.localPort}\n`);
          return ip ? probeHttp(engine, ip, f.remotePort, { ...req, host: "localhost", port: f.remotePort }, CONNECT_TIMEOUT_MS) : { kind: "refused" };
        }
        if (req.host === "localhost" || req.host === "127.0.0.1") return { kind: "refused" };
        return nodeNet.http(req);
      },
      tcp: (host, port) => {
        const f = forwardFor(host, port);
        if (f) {
          const ip = podIp(f);
          this.session.emitWatch(`Handling connection for ${f.localPort}\n`);
          return ip ? probeTcp(engine, ip, f.remotePort, CONNECT_TIMEOUT_MS) : { kind: "refused" };
        }
        if (host === "localhost" || host === "127.0.0.1") return { kind: "refused" };
        return nodeNet.tcp(host, port);
      },
    };
    const env: Record<string, string> = {};
    for (const kv of this.image.config.env) env[kv.slice(0, kv.indexOf("="))] = kv.slice(kv.indexOf("=") + 1);
    Object.assign(env, { HOSTNAME: "controlplane", HOME: "/root", USER: "root" });
    const ctx: ProcessContext = {
      env,
      cwd: HOST_CWD,
      hostname: "controlplane",
      fs: this.fs!,
      now: () => engine.now(),
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      net,
      listen: () => ({ ok: false, error: "address already in use" }),
      unlisten: () => undefined,
      setMemoryUsage: () => undefined,
      setCpuUsage: () => undefined,
      random: () => engine.rng.float(),
      pid: ++this.pid,
      processes: () => [],
      kill: () => false,
    };
    const argv = stdin === undefined ? ["/bin/sh", "-c", line] : ["/bin/sh", "-c", line];
    const r = runToCompletion(argv, this.image, ctx, { timeoutMs: 10 * 60_000 });
    if (r.startError) stderr += `${r.startError}\n`;
    return { stdout, stderr, exitCode: r.exitCode };
  }
}

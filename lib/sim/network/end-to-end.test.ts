// The network driven by the real kubelet and container runtime: nginx listens on its pod IP, the
// endpoint controllers publish it, and busybox's wget reaches it by Service name.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../core/types";
import { kubeletState } from "../kubelet";
import { newCluster, apply } from "../scheduler/testing";
import { clusterNetwork } from "./index";

// The kubelet is installed with its built-in pod network until modules.ts hands it this one.
function clusterWithThisNetwork() {
  const c = newCluster({ seed: 4 });
  const kl = kubeletState(c.engine)!;
  kl.deps = { ...kl.deps, network: clusterNetwork };
  return c;
}

describe("end to end through the kubelet and the runtime", () => {
  it("wget reaches nginx through its Service; a Service without ready pods is refused", () => {
    const c = clusterWithThisNetwork();
    const labels = { app: "web" };
    apply(
      c,
      { apiVersion: "v1", kind: "Pod", metadata: { name: "web", labels }, spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80 }] }] } } as KubeObject,
      { apiVersion: "v1", kind: "Pod", metadata: { name: "client" }, spec: { containers: [{ name: "bb", image: "busybox:1.36", command: ["sleep", "3600"] }] } } as KubeObject,
      { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { selector: labels, ports: [{ port: 80 }] } } as KubeObject,
      { apiVersion: "v1", kind: "Service", metadata: { name: "nobody" }, spec: { selector: { app: "none" }, ports: [{ port: 80 }] } } as KubeObject,
    );
    c.advance(60);
    const web = c.get("pods", "web")!;
    expect((web.status as { podIP?: string }).podIP).toMatch(/^10\.244\.[12]\.\d+$/);
    const ok = c.exec("default", "client", undefined, ["wget", "-qO-", "-T", "2", "http://web"]);
    expect(ok.ok && ok.result.exitCode).toBe(0);
    expect(ok.ok && ok.result.stdout).toContain("Welcome to nginx!");
    const refused = c.exec("default", "client", undefined, ["wget", "-qO-", "-T", "2", "http://nobody"]);
    expect(refused.ok && refused.result.exitCode).toBe(1);
    expect(refused.ok && refused.result.stderr).toContain("Connection refused");
    const ns = c.exec("default", "client", undefined, ["nslookup", "web"]);
    const svcIP = (c.get("services", "web")!.spec as { clusterIP: string }).clusterIP;
    expect(ns.ok && ns.result.stdout).toContain(`Name:\tweb.default.svc.cluster.local\nAddress: ${svcIP}\n`);
  });
});

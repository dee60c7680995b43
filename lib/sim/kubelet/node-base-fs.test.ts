// Nodes start with a kubeadm/Ubuntu node's usual directories: hostPath `type: Directory` on /var/log
// mounts, while paths nobody created (/data) still fail the type check.
import { describe, expect, it } from "vitest";
import { createCluster } from "../index";

const pod = (name: string, path: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  nodeName: node01
  containers: [{name: c, image: busybox:1.36, command: [sleep, "3600"], volumeMounts: [{name: v, mountPath: /host}]}]
  volumes: [{name: v, hostPath: {path: ${path}, type: Directory}}]
`;

describe("node base filesystem", () => {
  it("has /var/log with the system logs, and no /data", () => {
    const cluster = createCluster({ seed: 1 });
    cluster.apply(pod("logs", "/var/log"));
    cluster.apply(pod("data", "/data"));
    cluster.advance(10);
    const phase = (n: string) => (cluster.get("pods", n, "default") as unknown as { status: { phase: string } }).status.phase;
    expect(phase("logs")).toBe("Running");
    expect(phase("data")).toBe("Pending");
    const messages = cluster.events({ name: "data" }).map((e) => `${(e as { reason?: string }).reason} ${(e as { message?: string }).message}`);
    expect(messages.some((m) => m.startsWith("FailedMount") && m.includes("hostPath type check failed: /data is not a directory"))).toBe(true);
    const ls = cluster.exec("default", "logs", undefined, ["ls", "/host"]);
    expect(ls.ok && ls.result.stdout).toBe("auth.log\ncontainers\ndpkg.log\nkern.log\npods\nsyslog\n");
  });
});

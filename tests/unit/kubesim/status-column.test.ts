// Every STATUS value kubectl derives for a pod, produced by the simulator from a real manifest and
// read back through `kubectl get pods` — the column learners watch most.
import { describe, expect, it } from "vitest";
import { createCluster } from "@/lib/sim";
import { KubectlSession } from "@/lib/sim/kubectl/session";

type Case = { name: string; status: string; after: number; manifest: string; setup?: string[]; restarts?: RegExp };

const pod = (spec: string, extra = "") => `apiVersion: v1
kind: Pod
metadata:
  name: p
${extra}spec:
${spec}`;

const CASES: Case[] = [
  { name: "Pending (unschedulable)", status: "Pending", after: 30, manifest: pod("  nodeSelector:\n    disk: nvme\n  containers:\n  - name: c\n    image: nginx:1.25\n") },
  { name: "ContainerCreating while pulling", status: "ContainerCreating", after: 0.5, manifest: pod("  containers:\n  - name: c\n    image: nginx:1.25\n") },
  { name: "Running", status: "Running", after: 20, manifest: pod("  containers:\n  - name: c\n    image: nginx:1.25\n") },
  { name: "Completed", status: "Completed", after: 30, manifest: pod("  restartPolicy: Never\n  containers:\n  - name: c\n    image: busybox:1.36\n    command: ['sh', '-c', 'echo done']\n") },
  { name: "Error", status: "Error", after: 30, manifest: pod("  restartPolicy: Never\n  containers:\n  - name: c\n    image: busybox:1.36\n    command: ['sh', '-c', 'exit 3']\n") },
  {
    name: "CrashLoopBackOff",
    status: "CrashLoopBackOff",
    after: 60,
    restarts: /^[1-9]\d* \(\d+s ago\)$/,
    manifest: pod("  containers:\n  - name: c\n    image: busybox:1.36\n    command: ['sh', '-c', 'exit 1']\n"),
  },
  {
    name: "OOMKilled",
    status: "OOMKilled",
    after: 30,
    manifest: pod(
      "  restartPolicy: Never\n  containers:\n  - name: memory-demo-2-ctr\n    image: polinux/stress\n    resources:\n      requests:\n        memory: 50Mi\n      limits:\n        memory: 100Mi\n    command: ['stress']\n    args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1']\n",
    ),
  },
  { name: "ErrImagePull", status: "ErrImagePull", after: 2, manifest: pod("  containers:\n  - name: c\n    image: nginx:1.999\n") },
  // ErrImagePull from the failed pull (1.2 s) until the pod worker's retry 10 s later (kubelet reasonCache).
  { name: "ImagePullBackOff", status: "ImagePullBackOff", after: 15, manifest: pod("  containers:\n  - name: c\n    image: nginx:1.999\n") },
  { name: "ErrImageNeverPull", status: "ErrImageNeverPull", after: 5, manifest: pod("  containers:\n  - name: c\n    image: nginx:1.25\n    imagePullPolicy: Never\n") },
  { name: "InvalidImageName", status: "InvalidImageName", after: 5, manifest: pod("  containers:\n  - name: c\n    image: NGINX\n") },
  {
    name: "CreateContainerConfigError",
    status: "CreateContainerConfigError",
    after: 10,
    manifest: pod("  containers:\n  - name: c\n    image: nginx:1.25\n    env:\n    - name: MODE\n      valueFrom:\n        configMapKeyRef:\n          name: missing\n          key: mode\n"),
  },
  {
    name: "Init:0/2",
    status: "Init:0/2",
    after: 5,
    manifest: pod(
      "  initContainers:\n  - name: wait-a\n    image: busybox:1.28\n    command: ['sh', '-c', 'sleep 60']\n  - name: wait-b\n    image: busybox:1.28\n    command: ['sh', '-c', 'sleep 1']\n  containers:\n  - name: c\n    image: busybox:1.28\n    command: ['sh', '-c', 'sleep 3600']\n",
    ),
  },
  {
    name: "Init:Error",
    status: "Init:Error",
    after: 8,
    manifest: pod("  restartPolicy: Never\n  initContainers:\n  - name: i\n    image: busybox:1.28\n    command: ['sh', '-c', 'exit 1']\n  containers:\n  - name: c\n    image: busybox:1.28\n"),
  },
  {
    name: "Init:CrashLoopBackOff",
    status: "Init:CrashLoopBackOff",
    after: 60,
    manifest: pod("  initContainers:\n  - name: i\n    image: busybox:1.28\n    command: ['sh', '-c', 'exit 1']\n  containers:\n  - name: c\n    image: busybox:1.28\n"),
  },
  {
    name: "Terminating",
    status: "Terminating",
    after: 20,
    setup: ["kubectl delete pod p --wait=false"],
    manifest: pod("  containers:\n  - name: c\n    image: busybox:1.36\n    command: ['sh', '-c', 'sleep 3600']\n"),
  },
];

function statusOf(s: KubectlSession): { status: string; restarts: string } {
  const out = s.runLine("kubectl get pod p --no-headers").stdout;
  const cols = out.trim().split(/\s{2,}/);
  return { status: cols[2] ?? "", restarts: cols[3] ?? "" };
}

describe("STATUS column from simulated pods", { timeout: 60_000 }, () => {
  for (const c of CASES) {
    it(`${c.name} → ${c.status}`, () => {
      const cluster = createCluster({ seed: 11 });
      const s = new KubectlSession(cluster, { files: { read: (p) => (p === "p.yaml" ? c.manifest : undefined) } });
      expect(s.runLine("kubectl apply -f p.yaml").stdout).toBe("pod/p created\n");
      if (c.setup) {
        cluster.advance(10);
        for (const cmd of c.setup) expect(s.runLine(cmd).exitCode).toBe(0);
        cluster.advance(c.after - 10);
      } else cluster.advance(c.after);
      const got = statusOf(s);
      expect(got.status).toBe(c.status);
      if (c.restarts) expect(got.restarts).toMatch(c.restarts);
    });
  }
});

// kubectl top pod|node against the simulated metrics-server: columns, formatting and the "not available"
// paths of kubectl v1.32's pkg/cmd/top (the argument errors were checked with the real client, offline).
import { describe, expect, it } from "vitest";
import { createCluster } from "@/lib/sim";
import { KubectlSession } from "@/lib/sim/kubectl/session";

const HOG = `apiVersion: v1
kind: Pod
metadata:
  name: hog
spec:
  nodeName: node01
  containers:
  - name: stress
    image: polinux/stress
    command: ["stress"]
    args: ["--cpu", "2", "--vm", "1", "--vm-bytes", "150M"]
    resources:
      limits: { cpu: 500m, memory: 200Mi }
  - name: side
    image: busybox:1.36
    command: ["sleep", "3600"]
`;

function session() {
  return new KubectlSession(createCluster({ seed: 3 }), { files: { read: (p) => (p === "hog.yaml" ? HOG : undefined) } });
}

describe("kubectl top", () => {
  it("says why there are no metrics: no pods, too young, or a named pod without metrics", () => {
    const s = session();
    expect(s.runLine("kubectl top pod")).toEqual({ stdout: "", stderr: "No resources found in default namespace.\n", exitCode: 0 });
    expect(s.runLine(`kubectl run web --image=nginx --overrides='{"spec":{"nodeName":"node02"}}'`).stdout).toBe("pod/web created\n");
    s.advance(5);
    expect(s.runLine("kubectl top pod")).toEqual({ stdout: "", stderr: "error: metrics not available yet\n", exitCode: 1 });
    expect(s.runLine("kubectl top pod web").stderr).toBe('Error from server (NotFound): podmetrics.metrics.k8s.io "default/web" not found\n');
    s.runLine(`kubectl run never --image=nginx --restart=Never --overrides='{"spec":{"nodeSelector":{"disk":"none"}}}'`);
    s.runLine("kubectl delete pod web --now");
    s.advance(200);
    expect(s.runLine("kubectl top pod").stderr).toBe("error: Metrics not available for pod default/never, age: 3m20s\n");
  });

  it("prints pods, containers, sums and sorts like metrics_printer.go", () => {
    const s = session();
    s.runLine("kubectl apply -f hog.yaml");
    s.runLine("kubectl run web --image=nginx -n kube-system");
    s.advance(40);
    expect(s.runLine("kubectl top pod").stdout).toBe("NAME   CPU(cores)   MEMORY(bytes)   \nhog    500m         151Mi           \n");
    expect(s.runLine("kubectl top pod hog --containers").stdout).toBe(
      "POD   NAME     CPU(cores)   MEMORY(bytes)   \nhog   side     0m           0Mi             \nhog   stress   500m         151Mi           \n",
    );
    expect(s.runLine("kubectl top pod -A --sort-by=memory --no-headers").stdout).toBe("default       hog   500m   151Mi   \nkube-system   web   1m     3Mi     \n");
    expect(s.runLine("kubectl top pods -A --sum").stdout).toBe(
      "NAMESPACE     NAME   CPU(cores)   MEMORY(bytes)   \ndefault       hog    500m         151Mi           \nkube-system   web    1m           3Mi             \n                     ________     ________        \n                     501m         155Mi           \n",
    );
    expect(s.runLine("kubectl top pod -l app=none").stderr).toBe("No resources found in default namespace.\n");
  });

  it("prints nodes with percentages of allocatable, and <unknown> for a node without metrics", () => {
    const s = session();
    s.runLine("kubectl apply -f hog.yaml");
    s.advance(40);
    expect(s.runLine("kubectl top node").stdout).toBe(
      [
        "NAME           CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   ",
        "controlplane   168m         4%       1388Mi          16%         ",
        "node01         537m         13%      755Mi           9%          ",
        "node02         37m          0%       604Mi           7%          ",
        "",
      ].join("\n"),
    );
    expect(s.runLine("kubectl top node --sort-by=cpu --no-headers -l kubernetes.io/hostname!=controlplane").stdout).toBe("node01   537m   13%   755Mi   9%    \nnode02   37m    0%    604Mi   7%    \n");
    s.cluster.setNodeRunning("node02", false);
    expect(s.runLine("kubectl top no").stdout).toContain("node02         <unknown>    <unknown>   <unknown>       <unknown>   \n");
    expect(s.runLine("kubectl top node node02").stderr).toBe('Error from server (NotFound): nodemetrics.metrics.k8s.io "node02" not found\n');
  });

  it("validates arguments as kubectl v1.32 does", () => {
    const s = session();
    expect(s.runLine("kubectl top pod a b").stderr).toBe("error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples\n");
    expect(s.runLine("kubectl top node a b").stderr).toBe("error: node [NAME | -l label]\nSee 'kubectl top node -h' for help and examples\n");
    expect(s.runLine("kubectl top pod --sort-by=foo").stderr).toBe("error: --sort-by accepts only cpu or memory\n");
    expect(s.runLine("kubectl top pod x -l a=b").stderr).toBe("error: only one of NAME or selector can be provided\n");
    const parent = s.runLine("kubectl top");
    expect(parent.exitCode).toBe(1);
    expect(parent.stderr).toMatch(/^Display resource \(CPU\/memory\) usage\.\n/);
  });
});

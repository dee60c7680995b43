import { describe, expect, it } from "vitest";
import { createCluster } from "../../index";
import { KubectlSession } from "../session";

const CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  labels:\n    tier: web\n";

function session() {
  const s = new KubectlSession(createCluster({ seed: 4 }), { files: { read: (p) => (p === "cm.yaml" ? CM : undefined) } });
  s.runLine("kubectl apply -f cm.yaml");
  return s;
}

describe("label, annotate, taint, cordon", () => {
  it("labels, refuses to overwrite without --overwrite, and removes with key-", () => {
    const s = session();
    expect(s.runLine("kubectl label cm app env=prod").stdout).toBe("configmap/app labeled\n");
    expect(s.runLine("kubectl label cm app tier=db")).toEqual({ stdout: "", stderr: "error: 'tier' already has a value (web), and --overwrite is false\n", exitCode: 1 });
    expect(s.runLine("kubectl label cm app tier=db --overwrite").stdout).toBe("configmap/app labeled\n");
    expect(s.runLine("kubectl label cm app env-").stdout).toBe("configmap/app unlabeled\n");
    expect(s.runLine("kubectl get cm app -o jsonpath={.metadata.labels}").stdout).toBe('{"tier":"db"}');
    expect(s.runLine("kubectl annotate cm app note=hello").stdout).toBe("configmap/app annotated\n");
  });

  it("taints and untaints nodes", () => {
    const s = session();
    expect(s.runLine("kubectl taint nodes node01 gpu=true:NoSchedule").stdout).toBe("node/node01 tainted\n");
    expect(s.runLine("kubectl taint nodes node01 gpu=false:NoSchedule").stderr).toBe("error: node node01 already has gpu taint(s) with same effect(s) and --overwrite is false\n");
    expect(s.runLine("kubectl taint nodes node01 gpu:NoSchedule-").stdout).toBe("node/node01 untainted\n");
  });

  it("cordons and uncordons", () => {
    const s = session();
    expect(s.runLine("kubectl cordon node02").stdout).toBe("node/node02 cordoned\n");
    expect(s.runLine("kubectl cordon node02").stdout).toBe("node/node02 already cordoned\n");
    expect(s.runLine("kubectl get node node02 -o jsonpath={.spec.unschedulable}").stdout).toBe("true");
    expect(s.runLine("kubectl uncordon node02").stdout).toBe("node/node02 uncordoned\n");
  });

  it("refuses to scale what has no scale subresource", () => {
    const s = session();
    expect(s.runLine("kubectl scale cm app --replicas=2").stderr).toBe('error: no scaler has been implemented for {"" "ConfigMap"}\n');
    // klog's line (component-base/cli run.go) with the virtual clock and the simulated kubectl's fixed pid.
    expect(s.runLine("kubectl scale cm app").stderr).toBe('E0101 00:00:00.000000   14545 run.go:72] "command failed" err="required flag(s) \\"replicas\\" not set"\n');
  });
});

// busybox ps inside a pod: the container's command line as PID 1, and with shareProcessNamespace the
// sandbox's /pause plus every container's processes.
import { describe, expect, it } from "vitest";
import { createCluster } from "@/lib/sim";
import { KubectlSession } from "@/lib/sim/kubectl/session";
import { ScriptRunner } from "@/lib/sim/kubectl/script";

function run(source: string): string {
  const runner = new ScriptRunner(new KubectlSession(createCluster({ seed: 1 })));
  let out = "";
  runner.runScript(source, (o) => {
    out += o.stdout + o.stderr;
  });
  return out;
}

describe("ps in a container", () => {
  it("shows the container's command as PID 1", () => {
    const out = run("kubectl run b --image=busybox:1.36 -- sleep 3600\nsleep 10\nkubectl exec b -- ps");
    expect(out).toContain("PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n");
  });

  it("lists the other containers' processes with shareProcessNamespace", () => {
    const out = run(`kubectl apply -f - <<YAML
apiVersion: v1
kind: Pod
metadata: {name: shared}
spec:
  shareProcessNamespace: true
  containers:
  - {name: nginx, image: nginx}
  - {name: shell, image: busybox:1.36, command: [sleep, "3600"]}
YAML
sleep 10
kubectl exec shared -c shell -- ps`);
    const table = out.slice(out.indexOf("PID"));
    expect(table).toMatch(/^ +1 65535 +0:00 \/pause$/m);
    expect(table).toMatch(/^ +7 root +0:00 nginx: master process nginx -g daemon off;$/m);
    expect(table.match(/nginx: worker process/g)).toHaveLength(4);
    expect(table).toMatch(/^ +\d+ root +0:00 sleep 3600$/m);
  });
});

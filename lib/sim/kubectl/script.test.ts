import { describe, expect, it } from "vitest";
import { createCluster } from "../index";
import { KubectlSession } from "./session";
import { ScriptRunner, parseSleep, scriptLines } from "./script";

function run(source: string) {
  const runner = new ScriptRunner(new KubectlSession(createCluster({ seed: 5 })));
  let stdout = "";
  let stderr = "";
  runner.runScript(source, (o) => {
    stdout += o.stdout;
    stderr += o.stderr;
  });
  return { stdout, stderr };
}

describe("kubesim scripts", () => {
  it("collects here-documents", () => {
    const r = scriptLines("kubectl apply -f - <<EOF\na: 1\nEOF\necho hi\n");
    expect(r.ok && r.lines).toEqual([{ text: "kubectl apply -f - ", heredoc: "a: 1\n" }, { text: "echo hi" }, { text: "" }]);
  });

  it("expands $? to the previous exit status and keeps going after failures", () => {
    const r = run("kubectl get foo\necho $?\nkubectl get ns default -o name\necho $?\n");
    expect(r.stdout).toBe("1\nnamespace/default\n0\n");
    expect(r.stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
  });

  it("applies stdin from cat <<EOF | kubectl apply -f - and advances time with sleep", () => {
    const r = run("cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nEOF\nsleep 90\nkubectl get cm x --no-headers\n");
    expect(r.stdout).toMatch(/^configmap\/x created\nx +0 +90s\n$/);
  });

  it("filters output through grep and wc", () => {
    expect(run("kubectl get ns --no-headers | wc -l\nkubectl get ns | grep -c kube\n").stdout).toBe("4\n3\n");
  });

  it("parses sleep durations", () => {
    expect([parseSleep("5"), parseSleep("1.5"), parseSleep("2m"), parseSleep("x")]).toEqual([5, 1.5, 120, undefined]);
  });
});

describe("the control-plane terminal", () => {
  it("reaches a pod through kubectl port-forward and a Service through its ClusterIP", () => {
    const r = run(
      [
        "kubectl run web --image=nginx:1.25 --port=80",
        "kubectl expose pod web --port=8080 --target-port=80",
        "sleep 5",
        "kubectl port-forward pod/web 8080:80 &",
        "curl -s -o /dev/null -w '%{http_code}' localhost:8080",
        "curl -s localhost:9999",
        "echo $?",
        "curl -s http://$(kubectl get svc web -o jsonpath='{.spec.clusterIP}'):8080 | grep -c 'Welcome to nginx'",
      ].join("\n"),
    );
    expect(r.stdout).toBe(
      "pod/web created\nservice/web exposed\nForwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\nHandling connection for 8080\n2007\n2\n",
    );
  });
});

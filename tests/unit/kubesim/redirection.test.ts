// kubesim script redirections and command lists: the CKAD "generate, edit, apply" workflow writes to
// and reads from the control-plane node's filesystem, as bash on the exam's node does.
import { describe, expect, it } from "vitest";
import { createCluster } from "@/lib/sim";
import { KubectlSession } from "@/lib/sim/kubectl/session";
import { ScriptRunner, extractRedirections } from "@/lib/sim/kubectl/script";

function terminal(files: Record<string, string> = {}) {
  const cluster = createCluster({ seed: 1 });
  const session = new KubectlSession(cluster, { files: { read: (p) => files[p] } });
  const runner = new ScriptRunner(session);
  const run = (source: string) => {
    let stdout = "";
    let stderr = "";
    runner.runScript(source, (o) => {
      stdout += o.stdout;
      stderr += o.stderr;
    });
    return { stdout, stderr, exit: runner.lastExit };
  };
  return { cluster, run };
}

describe("extractRedirections", () => {
  it("binds left to right and keeps quoted operators", () => {
    const a = extractRedirections("kubectl get pods > /tmp/o 2>&1");
    expect(a.ok && a.command).toBe("kubectl get pods");
    expect(a.ok && a.redirs.stderr).toEqual({ kind: "file", path: "/tmp/o", append: false });
    const b = extractRedirections("kubectl get pods 2>&1 >>/tmp/o");
    expect(b.ok && b.redirs.stderr).toEqual({ kind: "stdout" });
    expect(b.ok && b.redirs.stdout).toEqual({ kind: "file", path: "/tmp/o", append: true });
    const c = extractRedirections(`echo 'a > b' "x>y"`);
    expect(c.ok && c.command).toBe(`echo 'a > b' "x>y"`);
    expect(c.ok && c.redirs.opens).toEqual([]);
    expect(extractRedirections("echo hi >").ok).toBe(false);
  });
});

describe("redirections into the node's filesystem", () => {
  it("generates a manifest to a file, edits it with sed and applies it", () => {
    const t = terminal();
    const r = t.run(
      [
        "kubectl run web --image=nginx --dry-run=client -o yaml > /tmp/pod.yaml",
        "echo $?",
        "sed -i 's/image: nginx/image: nginx:1.27/' /tmp/pod.yaml",
        "grep image: /tmp/pod.yaml",
        "kubectl apply -f /tmp/pod.yaml",
      ].join("\n"),
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("0\n  - image: nginx:1.27\npod/web created\n");
    expect((t.cluster.get("pods", "web", "default") as unknown as { spec: { containers: { image: string }[] } }).spec.containers[0].image).toBe("nginx:1.27");
  });

  it("appends, redirects stderr, discards to /dev/null and reports unwritable paths", () => {
    const t = terminal();
    const r = t.run(
      [
        "echo one > notes.txt",
        "echo two >> /root/notes.txt",
        "cat notes.txt",
        "kubectl get pod nope > /tmp/err 2>&1",
        "echo $?",
        "cat /tmp/err",
        "kubectl get pod nope 2>/dev/null",
        "kubectl get ns default -o name > /nodir/out",
        "echo $?",
      ].join("\n"),
    );
    expect(r.stdout).toBe('one\ntwo\n1\nError from server (NotFound): pods "nope" not found\n1\n');
    expect(r.stderr).toBe("bash: /nodir/out: No such file or directory\n");
  });

  it("writes a here-document to a file for kubectl create -f", () => {
    const t = terminal();
    const r = t.run("cat <<EOF > /tmp/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nEOF\nkubectl create -f /tmp/cm.yaml");
    expect(r.stdout).toBe("configmap/c created\n");
  });

  it("prefers the script's folder for relative paths that exist there", () => {
    const t = terminal({ "pod.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-folder\n" });
    const r = t.run("kubectl create configmap from-node --dry-run=client -o yaml > pod.yaml\nkubectl apply -f pod.yaml\nkubectl apply -f /root/pod.yaml");
    expect(r.stdout).toBe("configmap/from-folder created\nconfigmap/from-node created\n");
  });
});

describe("command lists", () => {
  it("runs ;, && and || items with bash's short-circuit rules", () => {
    const t = terminal();
    const r = t.run(
      [
        `kubectl get ns default -o jsonpath="{.metadata.name}"; echo`,
        "kubectl get pod nope >/dev/null 2>&1 || echo failed",
        "kubectl get pod nope 2>/dev/null && echo never",
        "for i in 1 2; do echo $i; done",
      ].join("\n"),
    );
    expect(r.stdout).toBe("default\nfailed\n1\n2\n");
  });
});

// BusyBox wget -o LOGFILE: progress and error messages go to the file, the body to -O as usual.
import { describe, expect, it } from "vitest";
import { createCluster } from "@/lib/sim";
import { KubectlSession } from "@/lib/sim/kubectl/session";
import { ScriptRunner } from "@/lib/sim/kubectl/script";

function run(source: string): { stdout: string; stderr: string } {
  const runner = new ScriptRunner(new KubectlSession(createCluster({ seed: 1 })));
  const out = { stdout: "", stderr: "" };
  runner.runScript(`kubectl run web --image=nginx --port=80 --expose\nkubectl run b --image=busybox:1.36 -- sleep 3600\nsleep 15\necho '###'\n${source}`, (o) => {
    out.stdout += o.stdout;
    out.stderr += o.stderr;
  });
  return { stdout: out.stdout.slice(out.stdout.indexOf("###") + 4), stderr: out.stderr };
}

describe("wget -o LOGFILE", () => {
  it("writes its messages to the log file", () => {
    const r = run("kubectl exec b -- wget -o /tmp/log -O /tmp/page web\necho $?\nkubectl exec b -- cat /tmp/log\nkubectl exec b -- grep -c 'Welcome to nginx' /tmp/page");
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^0\nConnecting to web \(10\.\d+\.\d+\.\d+:80\)\nsaving to '\/tmp\/page'\n\/tmp\/page .*\n'\/tmp\/page' saved\n2\n$/);
  });

  it("fails when the log file cannot be created", () => {
    const r = run("kubectl exec b -- wget -o /nodir/log web");
    expect(r.stderr).toBe("wget: can't open '/nodir/log': No such file or directory\ncommand terminated with exit code 1\n");
  });
});

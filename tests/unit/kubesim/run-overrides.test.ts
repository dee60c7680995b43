// kubectl run --overrides / --override-type (cmdutil.Overrider): JSON merge patch by default, strategic and
// JSON patch on request. (kubectl needs a server for --overrides, so these are checked against its source.)
import { describe, expect, it } from "vitest";
import { createCluster } from "@/lib/sim";
import { KubectlSession } from "@/lib/sim/kubectl/session";

const s = () => new KubectlSession(createCluster({ seed: 5 }));

describe("kubectl run --overrides", () => {
  it("merges the JSON into the generated Pod, which then runs where it says", () => {
    const k = s();
    const line = `kubectl run reader --image=busybox:1.36 --restart=Never --overrides='{"spec":{"nodeName":"node01","containers":[{"name":"reader","image":"busybox:1.36","command":["sleep","60"],"volumeMounts":[{"name":"h","mountPath":"/host"}]}],"volumes":[{"name":"h","hostPath":{"path":"/tmp"}}]}}'`;
    const dry = k.runLine(`${line} --dry-run=client -o yaml`);
    expect(dry.stdout).toContain("  nodeName: node01\n");
    expect(dry.stdout).toContain("    volumeMounts:\n    - mountPath: /host\n      name: h\n");
    expect(dry.stdout).toContain("  volumes:\n  - hostPath:\n      path: /tmp\n    name: h\n");
    expect(k.runLine(line).stdout).toBe("pod/reader created\n");
    k.advance(10);
    expect(k.runLine("kubectl get pod reader -o jsonpath={.spec.nodeName}/{.status.phase}").stdout).toBe("node01/Running");
  });

  it("replaces lists with the default merge type, merges them by name with strategic", () => {
    const k = s();
    const patch = `'{"spec":{"containers":[{"name":"x","args":["sleep","1"]}]}}'`;
    const merge = k.runLine(`kubectl run x --image=busybox --dry-run=client -o yaml --overrides=${patch}`);
    expect(merge.stdout).not.toContain("image: busybox");
    const strategic = k.runLine(`kubectl run x --image=busybox --dry-run=client -o yaml --override-type=strategic --overrides=${patch}`);
    expect(strategic.stdout).toContain("  - args:\n    - sleep\n    - \"1\"\n    image: busybox\n    name: x\n");
    const json = k.runLine(`kubectl run x --image=busybox --dry-run=client -o yaml --override-type=json --overrides='[{"op":"add","path":"/spec/hostname","value":"h1"}]'`);
    expect(json.stdout).toContain("  hostname: h1\n");
  });

  it("refuses an unknown override type and invalid JSON", () => {
    const k = s();
    expect(k.runLine(`kubectl run x --image=busybox --override-type=foo --overrides='{}'`)).toEqual({ stdout: "", stderr: "error: --override-type must be one of (json, merge, strategic)\n", exitCode: 1 });
    expect(k.runLine(`kubectl run x --image=busybox --overrides='{bad'`).stderr).toBe("error: Invalid JSON Patch\n");
  });
});

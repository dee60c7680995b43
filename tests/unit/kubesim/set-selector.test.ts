// kubectl set selector, compared with kubectl v1.32's own messages (checked offline with
// /usr/bin/kubectl set selector --local -f svc.yaml …): a Service's selector is replaced and its
// Endpoints follow; expressions, invalid values and non-Services are refused as kubectl refuses them.
import { describe, expect, it } from "vitest";
import { createCluster, KubectlSession } from "@/lib/sim";
import { parseSelectorExpression } from "@/lib/sim/kubectl/commands/set-selector";

function session() {
  const s = new KubectlSession(createCluster({ seed: 3 }));
  s.runLine("kubectl create deployment web --image=nginx:1.27 --replicas=2");
  s.runLine("kubectl expose deployment web --port=80");
  s.advance(30);
  return s;
}

describe("kubectl set selector", () => {
  it("replaces a Service's selector, and its endpoints follow the new selector", () => {
    const s = session();
    expect(s.runLine("kubectl set selector svc web app=nothing")).toMatchObject({ stdout: "service/web selector updated\n", exitCode: 0 });
    s.advance(2);
    expect(s.runLine("kubectl get endpoints web").stdout).toContain("<none>");
    expect(s.runLine("kubectl set selector service/web app=web,tier=fe --dry-run=client -o yaml").stdout).toContain("  selector:\n    app: web\n    tier: fe\n");
    s.runLine("kubectl set selector svc web app=web");
    s.advance(2);
    expect(s.runLine("kubectl get endpoints web").stdout).toMatch(/10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80/);
  });

  it("refuses what kubectl refuses, with its messages", () => {
    const s = session();
    expect(s.runLine("kubectl set selector")).toMatchObject({ stderr: "error: one selector is required\n", exitCode: 1 });
    expect(s.runLine("kubectl set selector deploy web app=x")).toMatchObject({ stderr: "error: setting a selector is only supported for Services\n", exitCode: 1 });
    expect(s.runLine(`kubectl set selector svc web "app in (a,b)"`).stderr).toBe("error: match expression [{app In [a b]}] not supported on this object\n");
    expect(s.runLine(`kubectl set selector svc web "app=n@w"`).stderr).toContain(`error: couldn't parse the selector string "app=n@w": unable to parse requirement: values[0][app]: Invalid value: "n@w": a valid label must be an empty string`);
    expect(s.runLine("kubectl set selector svc missing app=x").stderr).toBe('Error from server (NotFound): services "missing" not found\n');
  });

  it("parses equality requirements only", () => {
    expect(parseSelectorExpression("app=web, tier==fe")).toEqual({ ok: true, labels: { app: "web", tier: "fe" } });
    expect(parseSelectorExpression("app!=web")).toEqual({ ok: false, error: 'error: "!=" is not a valid label selector operator\n' });
    expect(parseSelectorExpression("app")).toEqual({ ok: false, error: "error: match expression [{app Exists []}] not supported on this object\n" });
  });
});

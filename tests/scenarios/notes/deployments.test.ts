// Notes 001 §Deployment: set image with --record, canary images, history/undo, scale, pause/resume.
import { describe, expect, it } from "vitest";
import { row, rows, terminal } from "../helpers";

describe("notes: Deployment updates and rollbacks", { timeout: 60_000 }, () => {
  it("--record fills CHANGE-CAUSE (with kubectl's deprecation warning); undo goes back one revision", () => {
    const t = terminal(91);
    const gen = t.run("kubectl create deployment nginx-deployment --image=nginx:1.15.12 --replicas=3 -o yaml --dry-run=client").stdout;
    expect(gen).toContain("  replicas: 3\n");
    expect(gen).toContain("      - image: nginx:1.15.12\n        name: nginx\n");
    expect(t.run("kubectl create deployment nginx-deployment --image=nginx:1.15.12 --replicas=3").stdout).toBe("deployment.apps/nginx-deployment created\n");
    t.run("sleep 20");
    expect(rows(t.run("kubectl get rs -l app=nginx-deployment --no-headers").stdout)).toHaveLength(1);
    const set = t.run("kubectl set image deployment nginx-deployment nginx=nginx:1.9.1 --record");
    expect(set.stdout).toBe("deployment.apps/nginx-deployment image updated\n");
    expect(set.stderr).toBe("Flag --record has been deprecated, --record will be removed in the future\n");
    t.run("sleep 30");
    t.run("kubectl set image deployment nginx-deployment nginx=dotbalo/canary:v1 --record\nsleep 30");
    t.run("kubectl set image deployment nginx-deployment nginx=dotbalo/canary:v2 --record\nsleep 30");
    expect(t.run("kubectl rollout history deployment/nginx-deployment").stdout).toBe(
      [
        "deployment.apps/nginx-deployment ",
        "REVISION  CHANGE-CAUSE",
        "1         <none>",
        "2         kubectl set image deployment nginx-deployment nginx=nginx:1.9.1 --record=true",
        "3         kubectl set image deployment nginx-deployment nginx=dotbalo/canary:v1 --record=true",
        "4         kubectl set image deployment nginx-deployment nginx=dotbalo/canary:v2 --record=true",
        "",
        "",
      ].join("\n"),
    );
    const rev3 = t.run("kubectl rollout history deployment/nginx-deployment --revision=3").stdout;
    expect(rev3).toContain("deployment.apps/nginx-deployment with revision #3\n");
    expect(rev3).toContain("    Image:         dotbalo/canary:v1\n");
    expect(t.run("kubectl rollout undo deployment/nginx-deployment").stdout).toBe("deployment.apps/nginx-deployment rolled back\n");
    t.run("sleep 30");
    expect(t.run("kubectl get deploy nginx-deployment -o jsonpath='{.spec.template.spec.containers[0].image}'").stdout).toBe("dotbalo/canary:v1");
    expect(t.run("kubectl rollout history deployment/nginx-deployment").stdout).toContain(
      "2         kubectl set image deployment nginx-deployment nginx=nginx:1.9.1 --record=true\n4         kubectl set image deployment nginx-deployment nginx=dotbalo/canary:v2 --record=true\n5         kubectl set image deployment nginx-deployment nginx=dotbalo/canary:v1 --record=true\n",
    );
    expect(t.run("kubectl rollout undo deployment/nginx-deployment --to-revision=2").stdout).toBe("deployment.apps/nginx-deployment rolled back\n");
    expect(t.run("kubectl rollout undo deployment/nginx-deployment --to-revision=42").stderr).toBe("error: unable to find specified revision 42 in history\n");
    t.run("sleep 30");
    expect(t.run("kubectl get deploy nginx-deployment -o jsonpath='{.spec.template.spec.containers[0].image}'").stdout).toBe("nginx:1.9.1");
    // The Pod template did not change, so scaling makes no new ReplicaSet or revision.
    expect(t.run("kubectl scale deployment.v1.apps/nginx-deployment --replicas=5").stdout).toBe("deployment.apps/nginx-deployment scaled\n");
    t.run("sleep 20");
    expect(row(t.run("kubectl get deploy").stdout, "nginx-deployment")).toMatchObject({ READY: "5/5", "UP-TO-DATE": "5", AVAILABLE: "5" });
    expect(t.run("kubectl get pod --no-headers | wc -l").stdout.trim()).toBe("5");
    expect(t.run("kubectl get deploy nginx-deployment -o jsonpath='{.metadata.annotations.deployment\\.kubernetes\\.io/revision}'").stdout).toBe("6");
  });

  it("pause collects several changes into one rollout on resume", () => {
    const t = terminal(92);
    t.run("kubectl create deployment nginx-deployment --image=nginx:1.15.12 --replicas=2\nsleep 20");
    expect(t.run("kubectl rollout pause deployment/nginx-deployment").stdout).toBe("deployment.apps/nginx-deployment paused\n");
    t.run("kubectl set image deployment nginx-deployment nginx=nginx:1.9.1");
    t.run("kubectl set resources deployment nginx-deployment -c=nginx --limits=cpu=200m,memory=512Mi");
    t.run("sleep 20");
    expect(rows(t.run("kubectl get rs --no-headers").stdout)).toHaveLength(1);
    expect(t.run("kubectl rollout status deployment/nginx-deployment --timeout=1s").stdout).toBe(
      'Waiting for deployment "nginx-deployment" rollout to finish: 0 out of 2 new replicas have been updated...\n',
    );
    expect(t.run("kubectl rollout resume deployment.v1.apps/nginx-deployment").stdout).toBe("deployment.apps/nginx-deployment resumed\n");
    t.run("sleep 40");
    const rs = rows(t.run("kubectl get rs --no-headers").stdout);
    expect(rs).toHaveLength(2);
    expect(t.run("kubectl rollout history deployment/nginx-deployment").stdout).toBe(
      "deployment.apps/nginx-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n",
    );
    expect(t.run("kubectl get pods -o jsonpath='{.items[*].spec.containers[0].resources.limits.memory}'").stdout).toBe("512Mi 512Mi");
  });

  it("revisionHistoryLimit: 1 keeps only one old ReplicaSet", () => {
    const t = terminal(93);
    t.run("kubectl create deployment d --image=nginx:1.15.12\nkubectl patch deployment d -p '{\"spec\":{\"revisionHistoryLimit\":1}}'\nsleep 15");
    for (const tag of ["1.16", "1.17", "1.18"]) t.run(`kubectl set image deployment/d nginx=nginx:${tag}\nsleep 20`);
    expect(rows(t.run("kubectl get rs --no-headers").stdout)).toHaveLength(2);
    expect(t.run("kubectl rollout history deployment/d").stdout).toBe("deployment.apps/d \nREVISION  CHANGE-CAUSE\n3         <none>\n4         <none>\n\n");
  });
});

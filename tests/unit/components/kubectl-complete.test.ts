import { describe, expect, it } from "vitest";
import { commonPrefix, completeLine, learnNames } from "@/components/terminal/kubectl-complete";

const known = { pods: ["web", "web-2", "db"], deployments: ["api"] };

describe("completeLine", () => {
  const table: [string, string[]][] = [
    ["kub", ["kubectl"]],
    ["kubectl des", ["describe"]],
    ["kubectl get dep", ["deploy", "deployment", "deployments"]],
    ["kubectl describe pod w", ["web", "web-2"]],
    ["kubectl -n default get po ", ["db", "web", "web-2"]],
    ["kubectl logs d", ["db"]],
    ["kubectl get deploy/", ["deploy/api"]],
    ["kubectl rollout st", ["status"]],
    ["kubectl rollout status deployment/", ["deployment/api"]],
    ["kubectl create dep", ["deployment"]],
    ["kubectl run web --ima", ["--image="]],
    ["kubectl get pods -o y", ["yaml"]],
    ["echo hi", []],
  ];
  for (const [line, expected] of table) {
    it(JSON.stringify(line), () => {
      expect(completeLine(line, known).candidates).toEqual(expected);
    });
  }
  it("reports where the completed word starts", () => {
    expect(completeLine("kubectl get po", {}).from).toBe(12);
  });
});

describe("learnNames", () => {
  it("reads the NAME column of kubectl get", () => {
    const out = "NAME    READY   STATUS    RESTARTS   AGE\nweb     1/1     Running   0          10s\nnginx   0/1     Pending   0          1s\n";
    expect(learnNames({}, "kubectl get pods", out)).toEqual({ pods: ["nginx", "web"] });
  });
  it("reads type/name rows, -A tables and created lines", () => {
    const all = "NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/api   1/1     1            1           1m\n";
    let names = learnNames({}, "kubectl get all", all);
    expect(names).toEqual({ deployments: ["api"] });
    names = learnNames(names, "kubectl get pods -A", "NAMESPACE   NAME   READY\nkube-system   dns   1/1\n");
    expect(names.pods).toEqual(["dns"]);
    names = learnNames(names, "kubectl apply -f x.yaml", "service/web created\nconfigmap/cfg unchanged\n");
    expect(names).toMatchObject({ services: ["web"], configmaps: ["cfg"] });
    names = learnNames(names, "kubectl run web --image=nginx", "pod/web created\n");
    expect(names.pods).toEqual(["dns", "web"]);
  });
});

it("commonPrefix", () => {
  expect(commonPrefix(["deployments", "deployment", "deploy"])).toBe("deploy");
  expect(commonPrefix([])).toBe("");
});

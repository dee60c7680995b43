import { describe, expect, it } from "vitest";
import { createCluster } from "../../index";
import { KubectlSession } from "../session";

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;

function session() {
  const s = new KubectlSession(createCluster({ seed: 6 }), { files: { read: (p) => (p === "d.yaml" ? DEPLOY : undefined) } });
  s.runLine("kubectl apply -f d.yaml");
  return s;
}

describe("kubectl set", () => {
  it("updates a container image, and names an unknown container", () => {
    const s = session();
    expect(s.runLine("kubectl set image deployment/web nginx=nginx:1.27").stdout).toBe("deployment.apps/web image updated\n");
    expect(s.runLine("kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].image}").stdout).toBe("nginx:1.27");
    expect(s.runLine("kubectl set image deployment/web app=nginx:1.27").stderr).toBe('error: unable to find container named "app"\n');
  });

  it("sets and removes env vars and resources", () => {
    const s = session();
    expect(s.runLine("kubectl set env deployment/web MODE=prod LEVEL=3").stdout).toBe("deployment.apps/web env updated\n");
    expect(s.runLine("kubectl set env deployment/web LEVEL-").stdout).toBe("deployment.apps/web env updated\n");
    expect(s.runLine("kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].env}").stdout).toBe('[{"name":"MODE","value":"prod"}]');
    expect(s.runLine("kubectl set resources deployment web -c nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m").stdout).toBe(
      "deployment.apps/web resource requirements updated\n",
    );
    expect(s.runLine("kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].resources.limits.memory}").stdout).toBe("512Mi");
  });
});

describe("--record", () => {
  it("stores the command line as the change-cause that rollout history shows", () => {
    const s = session();
    s.cluster.advance(10);
    const r = s.runLine("kubectl set image deployment/web nginx=nginx:1.27 --record");
    expect(r.stderr).toBe("Flag --record has been deprecated, --record will be removed in the future\n");
    s.cluster.advance(20);
    expect(s.runLine("kubectl rollout history deployment web").stdout).toBe(
      "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deployment/web nginx=nginx:1.27 --record=true\n\n",
    );
  });
});

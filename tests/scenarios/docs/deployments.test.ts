// "Deployments" concept page (kubernetes.io/docs/concepts/workloads/controllers/deployment/, v1.32)
// replayed through kubesim: create, update, a stuck rollout, rollback, scale, pause/resume.
import { describe, expect, it } from "vitest";
import { row, rows, terminal } from "../helpers";

const NGINX_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
`;

describe("docs: Deployments", { timeout: 60_000 }, () => {
  it("walks the page: create, set image, bad image stuck, history, undo, scale, pause/resume", () => {
    const t = terminal(31, { "nginx-deployment.yaml": NGINX_DEPLOYMENT });
    expect(t.run("kubectl apply -f nginx-deployment.yaml").stdout).toBe("deployment.apps/nginx-deployment created\n");
    expect(t.run("kubectl get deployments").stdout).toMatch(/^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\nnginx-deployment +0\/3 +3 +0 +0s\n$/);
    const status = t.run("kubectl rollout status deployment/nginx-deployment").stdout;
    expect(status).toMatch(/^Waiting for deployment "nginx-deployment" rollout to finish: \d of 3 updated replicas are available\.\.\.\n/);
    expect(status.endsWith('deployment "nginx-deployment" successfully rolled out\n')).toBe(true);
    expect(row(t.run("kubectl get deployments").stdout, "nginx-deployment")).toMatchObject({ READY: "3/3", "UP-TO-DATE": "3", AVAILABLE: "3" });
    const rs1 = rows(t.run("kubectl get rs --no-headers").stdout);
    expect(rs1).toHaveLength(1);
    const hash1 = rs1[0][0].replace("nginx-deployment-", "");
    expect(rs1[0].slice(1, 4)).toEqual(["3", "3", "3"]);
    const labels = t.run("kubectl get pods --show-labels --no-headers").stdout.trim().split("\n");
    expect(labels).toHaveLength(3);
    for (const l of labels) expect(l).toMatch(new RegExp(`^nginx-deployment-${hash1}-[a-z0-9]{5} +1/1 +Running +0 +\\d+s +app=nginx,pod-template-hash=${hash1}$`));

    expect(t.run("kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1").stdout).toBe("deployment.apps/nginx-deployment image updated\n");
    const update = t.run("kubectl rollout status deployment/nginx-deployment").stdout;
    expect(update).toContain('Waiting for deployment "nginx-deployment" rollout to finish: 1 out of 3 new replicas have been updated...\n');
    expect(update.endsWith('deployment "nginx-deployment" successfully rolled out\n')).toBe(true);
    const rs2 = rows(t.run("kubectl get rs --no-headers").stdout);
    expect(rs2.map((r) => r.slice(1, 4))).toEqual(expect.arrayContaining([["3", "3", "3"], ["0", "0", "0"]]));
    const described = t.run("kubectl describe deployment nginx-deployment").stdout;
    expect(described).toContain("Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable\n");
    expect(described).toContain("RollingUpdateStrategy:  25% max unavailable, 25% max surge\n");
    expect(described).toContain(`Scaled up replica set nginx-deployment-${hash1} from 0 to 3\n`);
    expect(described).toMatch(/Scaled down replica set nginx-deployment-[a-z0-9]+ to 2 from 3\n/);
    expect(described).toMatch(/  Available +True +MinimumReplicasAvailable\n  Progressing +True +NewReplicaSetAvailable\n/);

    // A typo in the tag: 3 replicas, maxSurge 25% → 1 (rounds up), maxUnavailable 25% → 0 (rounds down),
    // so one new Pod is created and every old Pod stays.
    t.run("kubectl set image deployment/nginx-deployment nginx=nginx:1.161\nsleep 30");
    const stuck = t.run("kubectl rollout status deployment/nginx-deployment --timeout=5s");
    expect(stuck.stdout).toBe('Waiting for deployment "nginx-deployment" rollout to finish: 1 out of 3 new replicas have been updated...\n');
    expect(stuck.stderr).toBe("error: timed out waiting for the condition\n");
    const rs3 = rows(t.run("kubectl get rs --no-headers").stdout).map((r) => r.slice(1, 4).join(" "));
    expect(rs3.sort()).toEqual(["0 0 0", "1 1 0", "3 3 3"]);
    const pods = t.run("kubectl get pods --no-headers").stdout;
    expect(pods).toMatch(/ 0\/1 +(ErrImagePull|ImagePullBackOff) +0 /);
    expect(t.run("kubectl rollout history deployment/nginx-deployment").stdout).toBe(
      "deployment.apps/nginx-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n3         <none>\n\n",
    );
    expect(t.run("kubectl rollout history deployment/nginx-deployment --revision=2").stdout).toContain("    Image:         nginx:1.16.1\n");
    expect(t.run("kubectl rollout undo deployment/nginx-deployment").stdout).toBe("deployment.apps/nginx-deployment rolled back\n");
    t.run("sleep 20");
    expect(row(t.run("kubectl get deployment nginx-deployment").stdout, "nginx-deployment")).toMatchObject({ READY: "3/3", "UP-TO-DATE": "3", AVAILABLE: "3" });
    expect(t.run("kubectl rollout history deployment/nginx-deployment").stdout).toBe(
      "deployment.apps/nginx-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n3         <none>\n4         <none>\n\n",
    );
    expect(t.run("kubectl get deployment nginx-deployment -o jsonpath='{.spec.template.spec.containers[0].image}'").stdout).toBe("nginx:1.16.1");

    expect(t.run("kubectl scale deployment/nginx-deployment --replicas=10").stdout).toBe("deployment.apps/nginx-deployment scaled\n");
    t.run("sleep 20");
    expect(row(t.run("kubectl get deployment nginx-deployment").stdout, "nginx-deployment")).toMatchObject({ READY: "10/10", AVAILABLE: "10" });

    expect(t.run("kubectl rollout pause deployment/nginx-deployment").stdout).toBe("deployment.apps/nginx-deployment paused\n");
    t.run("kubectl set image deployment/nginx-deployment nginx=nginx:1.25\nsleep 10");
    // Paused: no new ReplicaSet, no new revision.
    expect(rows(t.run("kubectl get rs --no-headers").stdout)).toHaveLength(3);
    expect(t.run("kubectl rollout history deployment/nginx-deployment").stdout).not.toContain("5 ");
    expect(t.run("kubectl describe deployment nginx-deployment").stdout).toMatch(/  Progressing +Unknown +DeploymentPaused\n/);
    expect(t.run("kubectl rollout pause deployment/nginx-deployment").stderr).toBe("error: deployments.apps \"nginx-deployment\" is already paused\n");
    expect(t.run("kubectl rollout resume deployment/nginx-deployment").stdout).toBe("deployment.apps/nginx-deployment resumed\n");
    t.run("sleep 60");
    const rsFinal = rows(t.run("kubectl get rs --no-headers").stdout);
    expect(rsFinal).toHaveLength(4);
    expect(rsFinal.filter((r) => r[1] === "10" && r[3] === "10")).toHaveLength(1);
    expect(t.run("kubectl get deployment nginx-deployment -o jsonpath='{.metadata.annotations.deployment\\.kubernetes\\.io/revision}'").stdout).toBe("5");
  });
});

// Whole-cluster scenarios (scheduler, kubelet and controllers together) replaying the notes'
// nginx-deployment and StatefulSet web manifests (restored to valid YAML) and the docs' rollout.
import { describe, expect, it } from "vitest";
import { createCluster } from "../index";
import type { KubeObject } from "../core/types";
import type { Obj } from "./controller-utils";
import { rollbackDeployment } from "./deployment/rollback";

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
        image: nginx:1.15.12
        ports:
        - containerPort: 80
`;

const STS_WEB = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx"
  replicas: 2
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
        image: nginx
        ports:
        - containerPort: 80
          name: web
`;

type C = ReturnType<typeof createCluster>;
const obj = (c: C, resource: string, name: string) => c.get(resource, name) as Obj;
const podNames = (c: C) => {
  const r = c.list("pods");
  return r.ok ? r.items.filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name).sort() : [];
};

describe("scenarios on a whole cluster", () => {
  it("nginx-deployment: 3 ready replicas, a rollout, a typo'd image that stalls, and undo", () => {
    const c = createCluster({ seed: 7 });
    expect(c.apply(NGINX_DEPLOYMENT).every((r) => r.ok)).toBe(true);
    c.advance(60);
    const d = obj(c, "deployments", "nginx-deployment");
    expect(d.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3 });
    c.apply(NGINX_DEPLOYMENT.replace("nginx:1.15.12", "nginx:1.16.1"));
    c.advance(120);
    const rolled = obj(c, "deployments", "nginx-deployment");
    expect(rolled.metadata.annotations["deployment.kubernetes.io/revision"]).toBe("2");
    expect(rolled.status).toMatchObject({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    c.apply(NGINX_DEPLOYMENT.replace("nginx:1.15.12", "nginx:1.161"));
    c.advance(700);
    const stuck = obj(c, "deployments", "nginx-deployment");
    const progressing = stuck.status.conditions.find((x: Obj) => x.type === "Progressing");
    expect(progressing.reason).toBe("ProgressDeadlineExceeded");
    expect(stuck.status).toMatchObject({ replicas: 4, updatedReplicas: 1, availableReplicas: 3, unavailableReplicas: 1 });
    const rss = c.list("replicasets");
    const undo = rollbackDeployment(c.get("deployments", "nginx-deployment")!, rss.ok ? rss.items : []);
    expect(undo.ok && undo.kind).toBe("rolled-back");
    if (!undo.ok || undo.kind !== "rolled-back") return;
    c.update(undo.deployment);
    c.advance(120);
    const back = obj(c, "deployments", "nginx-deployment");
    expect(back.metadata.annotations["deployment.kubernetes.io/revision"]).toBe("4");
    expect(back.status).toMatchObject({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    expect(back.spec.template.spec.containers[0].image).toBe("nginx:1.16.1");
  });

  it("StatefulSet web: ordered start, endpoints with hostnames, ordered scale down", () => {
    const c = createCluster({ seed: 8 });
    expect(c.apply(STS_WEB).every((r) => r.ok)).toBe(true);
    c.advance(1);
    expect(podNames(c)).toEqual(["web-0"]);
    c.advance(60);
    expect(podNames(c)).toEqual(["web-0", "web-1"]);
    const ep = obj(c, "endpoints", "nginx");
    expect(ep.subsets[0].addresses.map((a: Obj) => a.hostname).sort()).toEqual(["web-0", "web-1"]);
    const sts = obj(c, "statefulsets", "web");
    c.update({ ...sts, spec: { ...sts.spec, replicas: 0 } } as unknown as KubeObject);
    c.advance(60);
    expect(podNames(c)).toEqual([]);
    const deletes = c.events({ kind: "StatefulSet" }).filter((e) => e.reason === "SuccessfulDelete").map((e) => e.message);
    expect(deletes).toEqual(["delete Pod web-1 in StatefulSet web successful", "delete Pod web-0 in StatefulSet web successful"]);
  });

  it("is deterministic: a snapshot replays to the same state (Deployment, Job, CronJob, namespace deletion)", () => {
    const run = () => {
      const c = createCluster({ seed: 9 });
      c.apply({ apiVersion: "v1", kind: "Namespace", metadata: { name: "dev" } });
      c.apply(NGINX_DEPLOYMENT, { namespace: "dev" });
      c.apply(
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: '* * * * *'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: hello\n            image: busybox:1.28\n            command: ['sh', '-c', 'date; echo Hello']\n",
      );
      c.advance(150);
      c.delete("namespaces", "dev");
      c.advance(60);
      return c;
    };
    const a = run();
    expect(a.get("namespaces", "dev")).toBeUndefined();
    const jobs = a.list("jobs");
    expect(jobs.ok && jobs.items.length).toBe(3);
    const b = run();
    expect(JSON.stringify(b.snapshot().state)).toBe(JSON.stringify(a.snapshot().state));
    const restored = (a.constructor as typeof import("../cluster").Cluster).restore(a.snapshot());
    expect(restored.ok && JSON.stringify(restored.cluster.snapshot().state)).toBe(JSON.stringify(a.snapshot().state));
  });
});

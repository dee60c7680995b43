// "StatefulSet Basics" tutorial (kubernetes.io/docs/tutorials/stateful-application/basic-stateful-set/, v1.32)
// replayed through kubesim. The tutorial's volumeClaimTemplates are left out here; the ordering, identity
// and DNS steps do not depend on them.
import { describe, expect, it } from "vitest";
import { row, rows, terminal } from "../helpers";

const WEB = `apiVersion: v1
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
        image: registry.k8s.io/nginx-slim:0.21
        ports:
        - containerPort: 80
          name: web
`;

describe("docs: StatefulSet basics", { timeout: 60_000 }, () => {
  it("creates web-0 before web-1, gives stable DNS names, scales down from the highest ordinal", () => {
    const t = terminal(41, { "web.yaml": WEB });
    expect(t.run("kubectl apply -f web.yaml").stdout).toBe("service/nginx created\nstatefulset.apps/web created\n");
    // OrderedReady: web-1 is not created until web-0 is Running and Ready.
    const first = t.run("kubectl get pods -l app=nginx --no-headers").stdout;
    expect(rows(first).map((r) => r[0])).toEqual(["web-0"]);
    t.run("sleep 30");
    const pods = t.run("kubectl get pods -l app=nginx").stdout;
    expect(row(pods, "web-0")).toMatchObject({ READY: "1/1", STATUS: "Running" });
    expect(row(pods, "web-1")).toMatchObject({ READY: "1/1", STATUS: "Running" });
    const created = (n: string) => t.run(`kubectl get pod ${n} -o jsonpath='{.metadata.creationTimestamp}'`).stdout;
    expect(created("web-0") < created("web-1")).toBe(true);
    expect(t.run("kubectl get service nginx").stdout).toMatch(/nginx +ClusterIP +None +<none> +80\/TCP +\d+s\n/);
    expect(t.run("kubectl get statefulset web").stdout).toMatch(/^NAME +READY +AGE\nweb +2\/2 +\d+s\n$/);
    expect(t.run("kubectl exec web-0 -- sh -c 'hostname'").stdout).toBe("web-0\n");
    expect(t.run("kubectl exec web-1 -- hostname").stdout).toBe("web-1\n");
    const ip0 = t.run("kubectl get pod web-0 -o jsonpath='{.status.podIP}'").stdout;
    const lookup = t.run("kubectl run -i --tty --image busybox:1.28 dns-test --restart=Never --rm -- nslookup web-0.nginx");
    expect(lookup.stdout).toContain(`Name:      web-0.nginx\nAddress 1: ${ip0} web-0.nginx.default.svc.cluster.local\n`);
    expect(lookup.stdout).toContain('pod "dns-test" deleted\n');
    const fq = t.run("kubectl run -i --rm --image busybox:1.28 dns-test --restart=Never -- nslookup web-1.nginx.default.svc.cluster.local").stdout;
    expect(fq).toMatch(/Address 1: 10\.244\.\d+\.\d+ web-1\.nginx\.default\.svc\.cluster\.local\n/);

    expect(t.run("kubectl scale sts web --replicas=5").stdout).toBe("statefulset.apps/web scaled\n");
    t.run("sleep 60");
    expect(rows(t.run("kubectl get pods -l app=nginx --no-headers").stdout).map((r) => r[0])).toEqual(["web-0", "web-1", "web-2", "web-3", "web-4"]);
    expect(t.run("kubectl patch sts web -p '{\"spec\":{\"replicas\":3}}'").stdout).toBe("statefulset.apps/web patched\n");
    t.run("sleep 60");
    expect(rows(t.run("kubectl get pods -l app=nginx --no-headers").stdout).map((r) => r[0])).toEqual(["web-0", "web-1", "web-2"]);
    const ev = t.run("kubectl describe sts web").stdout;
    expect(ev).toContain("create Pod web-0 in StatefulSet web successful");
    expect(ev).toContain("delete Pod web-4 in StatefulSet web successful");
    // Pods are replaced under the same name after deletion.
    t.run("kubectl delete pod web-0\nsleep 30");
    expect(row(t.run("kubectl get pods -l app=nginx").stdout, "web-0")).toMatchObject({ READY: "1/1", STATUS: "Running" });
    expect(t.run("kubectl exec web-0 -- hostname").stdout).toBe("web-0\n");
  });
});

// Notes 004 topics on configuration, volumes and Services, asserted as Kubernetes v1.32 behaves.
import { describe, expect, it } from "vitest";
import { row, terminal } from "../helpers";

const apply = (yaml: string) => `kubectl apply -f - <<'EOF'\n${yaml}EOF`;

describe("notes: ConfigMaps and Secrets", { timeout: 60_000 }, () => {
  it("env with configMapKeyRef/secretKeyRef, envFrom, and a configMap volume with items", () => {
    const t = terminal(101);
    expect(t.run("kubectl create configmap app-config --from-literal=MODE=prod --from-literal=LEVEL=debug").stdout).toBe("configmap/app-config created\n");
    expect(t.run("kubectl create secret generic db --from-literal=password=s3cr3t").stdout).toBe("secret/db created\n");
    expect(t.run("kubectl get secret db -o jsonpath='{.data.password}'").stdout).toBe("czNjcjN0");
    expect(t.run("kubectl get cm app-config --no-headers").stdout).toMatch(/^app-config +2 +\d+s\n$/);
    t.run(
      apply(`apiVersion: v1
kind: Pod
metadata:
  name: cfg
spec:
  restartPolicy: Never
  containers:
  - name: c
    image: busybox:1.36
    command: ["sh", "-c", "echo MODE=$MODE PASS=$DB_PASSWORD LEVEL=$LEVEL; ls /etc/cfg; cat /etc/cfg/mode.txt; echo; cat /etc/secret/password; echo"]
    env:
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef:
          name: db
          key: password
    envFrom:
    - configMapRef:
        name: app-config
    volumeMounts:
    - name: cfg
      mountPath: /etc/cfg
    - name: sec
      mountPath: /etc/secret
      readOnly: true
  volumes:
  - name: cfg
    configMap:
      name: app-config
      items:
      - key: MODE
        path: mode.txt
  - name: sec
    secret:
      secretName: db
`) + "\nsleep 15",
    );
    expect(row(t.run("kubectl get pod cfg").stdout, "cfg").STATUS).toBe("Completed");
    expect(t.run("kubectl logs cfg").stdout).toBe("MODE=prod PASS=s3cr3t LEVEL=debug\nmode.txt\nprod\ns3cr3t\n");
  });

  it("a missing ConfigMap key blocks the container with CreateContainerConfigError", () => {
    const t = terminal(102);
    t.run(
      apply(`apiVersion: v1
kind: Pod
metadata:
  name: missing
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    env:
    - name: X
      valueFrom:
        configMapKeyRef:
          name: nope
          key: k
`) + "\nsleep 10",
    );
    expect(row(t.run("kubectl get pod missing").stdout, "missing")).toMatchObject({ READY: "0/1", STATUS: "CreateContainerConfigError" });
    expect(t.run("kubectl describe pod missing").stdout).toMatch(/Warning {2}Failed +\S+( \(x\d+ over \S+\))? +kubelet +Error: configmap "nope" not found\n/);
    t.run("kubectl create configmap nope --from-literal=k=v\nsleep 15");
    expect(row(t.run("kubectl get pod missing").stdout, "missing")).toMatchObject({ READY: "1/1", STATUS: "Running" });
  });

  it("the downward API exposes the Pod's name, namespace and node", () => {
    const t = terminal(103);
    t.run(
      apply(`apiVersion: v1
kind: Pod
metadata:
  name: downward
spec:
  restartPolicy: Never
  nodeName: node02
  containers:
  - name: c
    image: busybox:1.36
    command: ["sh", "-c", "echo $POD_NAME $POD_NS $NODE"]
    env:
    - name: POD_NAME
      valueFrom:
        fieldRef:
          fieldPath: metadata.name
    - name: POD_NS
      valueFrom:
        fieldRef:
          fieldPath: metadata.namespace
    - name: NODE
      valueFrom:
        fieldRef:
          fieldPath: spec.nodeName
`) + "\nsleep 10",
    );
    expect(t.run("kubectl logs downward").stdout).toBe("downward default node02\n");
  });
});

describe("notes: volumes", { timeout: 60_000 }, () => {
  it("an emptyDir is shared by two containers and survives a container restart", () => {
    const t = terminal(104);
    t.run(
      apply(`apiVersion: v1
kind: Pod
metadata:
  name: shared
spec:
  containers:
  - name: writer
    image: busybox:1.36
    command: ["sh", "-c", "echo hello > /data/msg; sleep 3600"]
    volumeMounts:
    - name: data
      mountPath: /data
  - name: reader
    image: nginx:1.25
    volumeMounts:
    - name: data
      mountPath: /usr/share/nginx/html
  volumes:
  - name: data
    emptyDir: {}
`) + "\nsleep 15",
    );
    expect(row(t.run("kubectl get pod shared").stdout, "shared")).toMatchObject({ READY: "2/2", STATUS: "Running" });
    expect(t.run("kubectl exec shared -c reader -- cat /usr/share/nginx/html/msg").stdout).toBe("hello\n");
    t.run("kubectl exec shared -c reader -- sh -c 'echo kept > /usr/share/nginx/html/kept'");
    // SIGTERM to the writer's PID 1 (sh without a handler) is ignored, as the kernel protects PID 1.
    t.run("kubectl exec shared -c writer -- kill 1\nsleep 5");
    expect(t.run("kubectl get pod shared -o jsonpath='{.status.containerStatuses[?(@.name==\"writer\")].restartCount}'").stdout).toBe("0");
    // nginx as PID 1 exits on SIGTERM: the container restarts and the emptyDir keeps its files.
    t.run("kubectl exec shared -c reader -- kill 1\nsleep 10");
    expect(t.run("kubectl get pod shared -o jsonpath='{.status.containerStatuses[?(@.name==\"reader\")].restartCount}'").stdout).toBe("1");
    expect(t.run("kubectl exec shared -c reader -- cat /usr/share/nginx/html/kept").stdout).toBe("kept\n");
  });

  it("a PVC binds a matching PV, stays Bound after its Pod is deleted, and a Retain PV turns Released", () => {
    const t = terminal(105);
    t.run(
      apply(`apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv1
spec:
  capacity:
    storage: 1Gi
  accessModes: ["ReadWriteOnce"]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: manual
  hostPath:
    path: /mnt/data
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: claim1
spec:
  storageClassName: manual
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 500Mi
---
apiVersion: v1
kind: Pod
metadata:
  name: user
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: ["sh", "-c", "echo persisted > /data/f; sleep 3600"]
    volumeMounts:
    - name: d
      mountPath: /data
  volumes:
  - name: d
    persistentVolumeClaim:
      claimName: claim1
`) + "\nsleep 15",
    );
    expect(t.run("kubectl get pvc claim1 --no-headers").stdout).toMatch(/^claim1 +Bound +pv1 +1Gi +RWO +manual +<unset> +\d+s\n$/);
    expect(t.run("kubectl get pv pv1 --no-headers").stdout).toMatch(/^pv1 +1Gi +RWO +Retain +Bound +default\/claim1 +manual +<unset> +\d+s\n$/);
    expect(row(t.run("kubectl get pod user").stdout, "user").STATUS).toBe("Running");
    t.run("kubectl delete pod user --grace-period=0 --force");
    expect(t.run("kubectl get pvc claim1 -o jsonpath='{.status.phase}'").stdout).toBe("Bound");
    t.run("kubectl delete pvc claim1\nsleep 5");
    expect(t.run("kubectl get pv pv1 --no-headers").stdout).toMatch(/^pv1 +1Gi +RWO +Retain +Released +default\/claim1 +manual +<unset> +\d+s\n$/);
  });
});

describe("notes: Services", { timeout: 60_000 }, () => {
  it("a ClusterIP Service load-balances to ready Pods; endpoints follow the selector; DNS resolves the name", () => {
    const t = terminal(106);
    t.run("kubectl create deployment web --image=nginx:1.25 --replicas=2\nsleep 15");
    expect(t.run("kubectl expose deployment web --port=80 --target-port=80").stdout).toBe("service/web exposed\n");
    t.run("sleep 2");
    const svc = t.run("kubectl get svc web --no-headers").stdout;
    expect(svc).toMatch(/^web +ClusterIP +10\.(96|1\d\d)\.\d+\.\d+ +<none> +80\/TCP +\d+s\n$/);
    const ep = t.run("kubectl get endpoints web --no-headers").stdout;
    expect(ep).toMatch(/^web +10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80 +\d+s\n$/);
    const out = t.run("kubectl run -i --rm --image=busybox:1.36 client --restart=Never -- wget -qO- http://web.default.svc.cluster.local").stdout;
    expect(out).toContain("<title>Welcome to nginx!</title>");
    t.run("kubectl scale deployment web --replicas=0\nsleep 10");
    expect(t.run("kubectl get endpoints web --no-headers").stdout).toMatch(/^web +<none> +\d+s\n$/);
  });

  it("a NodePort Service answers on every node's IP", () => {
    const t = terminal(107);
    t.run("kubectl create deployment web --image=nginx:1.25\nsleep 15");
    t.run("kubectl expose deployment web --type=NodePort --port=80");
    const port = t.run("kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'").stdout;
    expect(Number(port)).toBeGreaterThanOrEqual(30000);
    expect(Number(port)).toBeLessThanOrEqual(32767);
    expect(t.run(`curl -s http://172.30.2.2:${port}/ | grep -c 'Welcome to nginx'`).stdout).toBe("2\n");
    expect(t.run(`curl -s http://172.30.1.2:${port}/ | grep -c 'Welcome to nginx'`).stdout).toBe("2\n");
  });
});

// nslookup answers as CoreDNS's kubernetes plugin gives them: every ready Pod of a headless Service,
// and the CNAME of an ExternalName Service (printed even when its target does not resolve).
import { describe, expect, it } from "vitest";
import { createCluster } from "@/lib/sim";
import { KubectlSession } from "@/lib/sim/kubectl/session";
import { ScriptRunner } from "@/lib/sim/kubectl/script";

const SETUP = `kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata: {name: nginx}
spec:
  clusterIP: None
  selector: {app: nginx}
  ports: [{port: 80}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 3
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: nginx}]
---
apiVersion: v1
kind: Service
metadata: {name: ext}
spec: {type: ExternalName, externalName: my.database.example.com}
---
apiVersion: v1
kind: Service
metadata: {name: ext2}
spec: {type: ExternalName, externalName: example.com}
YAML
kubectl run b --image=busybox:1.36 -- sleep 3600
kubectl run old --image=busybox:1.28 -- sleep 3600
sleep 40`;

function run(source: string): string {
  const runner = new ScriptRunner(new KubectlSession(createCluster({ seed: 1 })));
  let out = "";
  runner.runScript(`${SETUP}\n${source}`, (o) => {
    out += o.stdout + o.stderr;
  });
  return out.slice(out.indexOf("###") + 4);
}

const HEADER = "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n";

describe("nslookup of cluster records", () => {
  it("lists every ready Pod of a headless Service in address order", () => {
    const out = run("echo '###'\nkubectl get pods -l app=nginx -o jsonpath='{.items[*].status.podIP}'\necho\nkubectl exec b -- nslookup nginx");
    const [ipsLine, ...rest] = out.split("\n");
    const ips = ipsLine.split(" ").sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    expect(ips).toHaveLength(3);
    expect(rest.join("\n")).toBe(HEADER + ips.map((ip) => `Name:\tnginx.default.svc.cluster.local\nAddress: ${ip}\n`).join("") + "\n");
  });

  it("names each address by its PTR record in busybox 1.28's format", () => {
    const out = run("echo '###'\nkubectl exec old -- nslookup nginx");
    expect(out.match(/^Address [123]: \S+ web-[012]\.nginx\.default\.svc\.cluster\.local$/gm)).toHaveLength(3);
  });

  it("answers an ExternalName Service with its canonical name", () => {
    const out = run("echo '###'\nkubectl exec b -- nslookup ext\necho $?\nkubectl exec b -- nslookup ext2");
    const cname = "ext.default.svc.cluster.local\tcanonical name = my.database.example.com\n";
    const cname2 = "ext2.default.svc.cluster.local\tcanonical name = example.com\n";
    expect(out).toBe(`${HEADER}${cname}\n${cname}\n0\n${HEADER}${cname2}Name:\texample.com\nAddress: 93.184.215.14\n\n${cname2}\n`);
  });
});

// `kubectl create deployment NAME --image=` (an empty --image) against kubectl v1.32: the required-flag
// check only asks that the flag was given, and the Deployment has no containers.
import { describe, expect, it } from "vitest";
import { createCluster } from "@/lib/sim";
import { KubectlSession } from "@/lib/sim/kubectl/session";
import { generateDeployment } from "@/lib/sim/kubectl/generators/create";

// /usr/bin/kubectl (v1.32) create deployment nginx --image= --dry-run=client -o yaml
const KUBECTL_1_32 = `apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: nginx
  name: nginx
spec:
  replicas: 1
  selector:
    matchLabels:
      app: nginx
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: nginx
    spec:
      containers: []
status: {}
`;

describe("create deployment with an empty --image", () => {
  it("prints a Deployment without containers and exits 0", () => {
    const s = new KubectlSession(createCluster({ seed: 1 }));
    expect(s.runLine("kubectl create deployment nginx --image= --dry-run=client -o yaml")).toEqual({ stdout: KUBECTL_1_32, stderr: "", exitCode: 0 });
  });

  it("still requires the flag to be given", () => {
    expect(generateDeployment("nginx", {})).toMatchObject({ ok: false, commandFailed: 'required flag(s) "image" not set' });
  });
});

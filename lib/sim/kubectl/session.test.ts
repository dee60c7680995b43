import { describe, expect, it } from "vitest";
import { createCluster } from "../index";
import { KubectlSession } from "./session";

function session(files: Record<string, string> = {}) {
  return new KubectlSession(createCluster({ seed: 3 }), { files: { read: (p) => files[p] } });
}

describe("kubectl session", () => {
  it("reports unknown commands and flags as kubectl does", () => {
    const s = session();
    expect(s.runLine("kubectl gett pods")).toEqual({
      stdout: "",
      stderr: 'Error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\n',
      exitCode: 1,
    });
    expect(s.runLine("kubectl get pods --foo").stderr).toBe("Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n");
    expect(s.runLine("kubectl get -n").stderr).toBe("Error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n");
  });

  it("applies a manifest file and gets it back", () => {
    const s = session({ "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  k: v\n" });
    expect(s.runLine("kubectl apply -f cm.yaml")).toEqual({ stdout: "configmap/app created\n", stderr: "", exitCode: 0 });
    expect(s.runLine("kubectl apply -f cm.yaml").stdout).toBe("configmap/app unchanged\n");
    expect(s.runLine("kubectl get cm app -o jsonpath={.data.k}").stdout).toBe("v");
    expect(s.runLine("kubectl get configmap nope")).toEqual({ stdout: "", stderr: 'Error from server (NotFound): configmaps "nope" not found\n', exitCode: 1 });
    expect(s.runLine("kubectl apply -f missing.yaml").stderr).toBe('error: the path "missing.yaml" does not exist\n');
    expect(s.runLine("kubectl delete cm app")).toEqual({ stdout: 'configmap "app" deleted\n', stderr: "", exitCode: 0 });
  });

  it("refuses unknown kinds with the resource-mapping error", () => {
    const s = session({ "x.yaml": "apiVersion: v1\nkind: Pood\nmetadata:\n  name: web\n" });
    expect(s.runLine("kubectl apply -f x.yaml").stderr).toBe(
      'error: resource mapping not found for name: "web" namespace: "" from "x.yaml": no matches for kind "Pood" in version "v1"\nensure CRDs are installed first\n',
    );
  });

  it("switches namespace through the kubeconfig context", () => {
    const s = session();
    expect(s.runLine("kubectl config set-context --current --namespace=kube-system").stdout).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
    expect(s.runLine("kubectl get svc -o name").stdout).toBe("service/kube-dns\n");
  });
});

import { describe, expect, it } from "vitest";
import { createCluster } from "@/lib/sim";
import { answerKinds, manifestKinds } from "@/lib/grading/kinds";
import { parseTarget, resolveResource } from "@/lib/grading/targets";

const cluster = createCluster({ seed: 1 });
const kindOf = (typed: string) => resolveResource(cluster, typed)?.kind;

describe("parseTarget", () => {
  it("reads kubectl-style references", () => {
    expect(parseTarget("pod/web")).toEqual({ ok: true, target: { text: "pod/web", resource: "pod", name: "web" } });
    expect(parseTarget("deployment/api -n prod")).toMatchObject({ ok: true, target: { resource: "deployment", name: "api", namespace: "prod" } });
    expect(parseTarget("svc web --namespace=shop")).toMatchObject({ ok: true, target: { resource: "svc", name: "web", namespace: "shop" } });
    expect(parseTarget("pods -l app=web,tier=front -n prod")).toMatchObject({ ok: true, target: { resource: "pods", selector: "app=web,tier=front", namespace: "prod" } });
    expect(parseTarget("pods --field-selector=status.phase=Running -A")).toMatchObject({ ok: true, target: { fieldSelector: "status.phase=Running", allNamespaces: true } });
  });

  it("rejects what kubectl would not take", () => {
    for (const t of ["", "-n prod", "pod/", "pod/web extra", "pod web extra", "pod/web -l app=web", "pods --watch"]) expect(parseTarget(t).ok, t).toBe(false);
  });
});

describe("resolveResource", () => {
  it("resolves plural, singular, short names, kinds and groups", () => {
    expect(["po", "pod", "pods", "Pod"].map(kindOf)).toEqual(["Pod", "Pod", "Pod", "Pod"]);
    expect(["deploy", "deployments.apps", "deployment.v1.apps"].map(kindOf)).toEqual(["Deployment", "Deployment", "Deployment"]);
    expect(["svc", "ep", "cm", "pvc", "sts", "ns"].map(kindOf)).toEqual(["Service", "Endpoints", "ConfigMap", "PersistentVolumeClaim", "StatefulSet", "Namespace"]);
    expect(kindOf("widgets")).toBeUndefined();
  });
});

describe("answerKinds", () => {
  it("reads manifests, List items and here-documents", () => {
    expect(manifestKinds("kind: Pod\n---\nkind: List\nitems:\n- kind: Service\n- kind: ConfigMap\n")).toEqual(["Pod", "Service", "ConfigMap"]);
    expect(manifestKinds("[")).toEqual([]);
    const kinds = answerKinds({ commands: "kubectl apply -f - <<EOF\nkind: Deployment\nEOF\n" }, kindOf);
    expect([...kinds]).toEqual(["Deployment"]);
  });

  it("maps generators and edit verbs to kinds", () => {
    const commands = [
      "kubectl run web --image=nginx",
      "kubectl create deploy api --image=nginx",
      "kubectl -n prod create configmap cfg --from-literal=a=b",
      "kubectl expose deploy api --port=80",
      "kubectl set image statefulset/db db=postgres:16",
      "kubectl rollout restart ds logs",
      "kubectl label -n prod pvc data tier=gold",
    ].join("\n");
    expect([...answerKinds({ commands }, kindOf)].sort()).toEqual(["ConfigMap", "DaemonSet", "Deployment", "PersistentVolumeClaim", "Pod", "Service", "StatefulSet"]);
    expect([...answerKinds({ commands: "kubectl delete pod web\nkubectl get pods" }, kindOf)]).toEqual([]);
  });
});

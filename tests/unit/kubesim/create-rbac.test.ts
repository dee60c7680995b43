// kubectl create role|clusterrole|rolebinding|clusterrolebinding|quota|priorityclass|pdb through the session:
// the generators (compared with kubectl v1.32 in tests/scenarios/generators.test.ts) and real creation.
import { describe, expect, it } from "vitest";
import { createCluster } from "@/lib/sim";
import { KubectlSession } from "@/lib/sim/kubectl/session";

describe("kubectl create (RBAC, quota, scheduling, policy)", () => {
  it("groups role rules by API group like generateResourcePolicyRules", () => {
    const s = new KubectlSession(createCluster({ seed: 2 }));
    const r = s.runLine("kubectl create role pod-reader --verb=get,list,watch --resource=pods,deployments.apps,pods/log --dry-run=client -o yaml");
    expect(r).toEqual({
      stdout:
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  creationTimestamp: null\n  name: pod-reader\nrules:\n" +
        "- apiGroups:\n  - \"\"\n  resources:\n  - pods\n  - pods/log\n  verbs:\n  - get\n  - list\n  - watch\n" +
        "- apiGroups:\n  - apps\n  resources:\n  - deployments\n  verbs:\n  - get\n  - list\n  - watch\n",
      stderr: "",
      exitCode: 0,
    });
    expect(s.runLine("kubectl create role r --verb=get --resource=foos").stderr).toBe('error: the server doesn\'t have a resource type "foos"\n');
    expect(s.runLine("kubectl create role r --verb=frob --resource=pods --dry-run=client").stderr).toBe("Warning: 'frob' is not a standard resource verb\n");
  });

  it("creates the objects in the cluster", () => {
    const s = new KubectlSession(createCluster({ seed: 2 }));
    expect(s.runLine("kubectl create role pod-reader --verb=get --resource=pods").stdout).toBe("role.rbac.authorization.k8s.io/pod-reader created\n");
    expect(s.runLine("kubectl create rolebinding rb --role=pod-reader --serviceaccount=default:default").stdout).toBe("rolebinding.rbac.authorization.k8s.io/rb created\n");
    expect(s.runLine("kubectl create quota q --hard=pods=2").stdout).toBe("resourcequota/q created\n");
    expect(s.runLine("kubectl create pc high --value=1000").stdout).toBe("priorityclass.scheduling.k8s.io/high created\n");
    expect(s.runLine("kubectl create pdb web --selector=app=web --min-available=1").stdout).toBe("poddisruptionbudget.policy/web created\n");
    expect(s.runLine("kubectl get rolebinding rb -o jsonpath={.roleRef.name}").stdout).toBe("pod-reader");
  });
});

describe("cobra's required-flag errors", () => {
  it("are logged through klog with the virtual clock, like kubectl v1.32's run.go", () => {
    const s = new KubectlSession(createCluster({ seed: 2 }));
    s.advance(3723.25);
    expect(s.runLine("kubectl create deployment nameless")).toEqual({
      stdout: "",
      stderr: 'E0101 01:02:03.250000   14545 run.go:72] "command failed" err="required flag(s) \\"image\\" not set"\n',
      exitCode: 1,
    });
    expect(s.runLine("kubectl create cronjob c --image=busybox").stderr).toBe('E0101 01:02:03.250000   14545 run.go:72] "command failed" err="required flag(s) \\"schedule\\" not set"\n');
    expect(s.runLine("kubectl create clusterrolebinding crb").stderr).toMatch(/run\.go:72\] "command failed" err="required flag\(s\) \\"clusterrole\\" not set"\n$/);
  });
});

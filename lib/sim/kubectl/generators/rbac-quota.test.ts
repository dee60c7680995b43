import { describe, expect, it } from "vitest";
import { hasKubectl, runKubectlAsync } from "../../../../tests/golden/kubectl/real-kubectl";
import { toJson } from "../format/json";
import { toYaml } from "../format/yaml";
import type { GenerateResult } from "./index";
import { canonicalQuantity, generateClusterRole, generateClusterRoleBinding, generateQuota, generateRole, generateRoleBinding } from "./index";

type Case = [string, string[], () => GenerateResult & { warnings?: string[] }];

const cases: Case[] = [
  [
    "role with groups, subresources and short names",
    ["create", "role", "pod-reader", "--verb=get,list", "--verb=watch", "--resource=pods,deployments.apps", "--resource=pods/log", "--resource=deploy"],
    () => generateRole("pod-reader", { verb: ["get,list", "watch"], resource: ["pods,deployments.apps", "pods/log", "deploy"] }),
  ],
  [
    "role with resource names in a namespace",
    ["create", "role", "r", "--verb=get", "--resource=secrets", "--resource-name=a", "--resource-name=b", "--resource-name=a", "-n", "dev"],
    () => generateRole("r", { verb: ["get"], resource: ["secrets"], resourceName: ["a", "b", "a"], namespace: "dev" }),
  ],
  ["role with every verb", ["create", "role", "r", "--verb=*", "--resource=cm,sa,quota"], () => generateRole("r", { verb: ["*"], resource: ["cm,sa,quota"] })],
  ["role with a non-standard verb", ["create", "role", "r", "--verb=fly", "--resource=pods"], () => generateRole("r", { verb: ["fly"], resource: ["pods"] })],
  ["role without verbs", ["create", "role", "r", "--resource=pods"], () => generateRole("r", { resource: ["pods"] })],
  ["role without resources", ["create", "role", "r", "--verb=get"], () => generateRole("r", { verb: ["get"] })],
  ["role with a misplaced special verb", ["create", "role", "r", "--verb=bind", "--resource=pods"], () => generateRole("r", { verb: ["bind"], resource: ["pods"] })],
  ["role without NAME", ["create", "role", "--verb=get", "--resource=pods"], () => generateRole(undefined, { verb: ["get"], resource: ["pods"] })],
  ["clusterrole", ["create", "clusterrole", "cr", "--verb=get,list", "--resource=nodes,pv"], () => generateClusterRole("cr", { verb: ["get,list"], resource: ["nodes,pv"] })],
  [
    "rolebinding",
    ["create", "rolebinding", "rb", "--role=pod-reader", "--serviceaccount=default:bot", "--user=jane", "--group=devs", "-n", "dev"],
    () => generateRoleBinding("rb", { role: "pod-reader", serviceaccount: ["default:bot"], user: ["jane"], group: ["devs"], namespace: "dev" }),
  ],
  ["rolebinding to a clusterrole", ["create", "rolebinding", "rb", "--clusterrole=view", "--user=a,b"], () => generateRoleBinding("rb", { clusterrole: "view", user: ["a,b"] })],
  ["rolebinding bad serviceaccount", ["create", "rolebinding", "rb", "--clusterrole=view", "--serviceaccount=bot"], () => generateRoleBinding("rb", { clusterrole: "view", serviceaccount: ["bot"] })],
  ["rolebinding without role", ["create", "rolebinding", "rb"], () => generateRoleBinding("rb", {})],
  ["rolebinding with both roles", ["create", "rolebinding", "rb", "--role=a", "--clusterrole=b"], () => generateRoleBinding("rb", { role: "a", clusterrole: "b" })],
  ["clusterrolebinding", ["create", "clusterrolebinding", "crb", "--clusterrole=cluster-admin", "--serviceaccount=kube-system:bot"], () => generateClusterRoleBinding("crb", { clusterrole: "cluster-admin", serviceaccount: ["kube-system:bot"] })],
  [
    "quota",
    ["create", "quota", "q", "--hard=cpu=1000m,memory=1.5Gi,pods=2,requests.cpu=0.5,limits.memory=1024Mi,services=1000,count/jobs.batch=2e3,x=1.1Ki", "--scopes=BestEffort,NotTerminating"],
    () => generateQuota("q", { hard: "cpu=1000m,memory=1.5Gi,pods=2,requests.cpu=0.5,limits.memory=1024Mi,services=1000,count/jobs.batch=2e3,x=1.1Ki", scopes: "BestEffort,NotTerminating" }),
  ],
  ["quota empty", ["create", "quota", "q", "-n", "dev"], () => generateQuota("q", { namespace: "dev" })],
  ["quota bad syntax", ["create", "quota", "q", "--hard=cpu"], () => generateQuota("q", { hard: "cpu" })],
  ["quota bad quantity", ["create", "quota", "q", "--hard=cpu=lots"], () => generateQuota("q", { hard: "cpu=lots" })],
];

describe("canonicalQuantity", () => {
  it.each([
    ["1000m", "1"], ["0.5", "500m"], ["1.5Gi", "1536Mi"], ["1024Mi", "1Gi"], ["1000", "1k"], ["1500", "1500"], ["2e3", "2e3"], ["15e5", "1500e3"],
    ["100M", "100M"], ["512Ki", "512Ki"], ["0.5Ki", "512"], ["1.1Ki", "1126400m"], ["0", "0"], ["250m", "250m"],
  ])("%s → %s", (input, want) => {
    expect(canonicalQuantity(input)).toEqual({ ok: true, value: want });
  });
});

describe.skipIf(!hasKubectl)("RBAC and quota generators match kubectl --dry-run=client", { timeout: 120_000 }, () => {
  it.concurrent.each(cases)("%s", async (_name, args, generate) => {
    const ours = generate();
    const [yaml, json] = await Promise.all([
      runKubectlAsync([...args, "--dry-run=client", "-o", "yaml"]),
      runKubectlAsync([...args, "--dry-run=client", "-o", "json"]),
    ]);
    if (yaml.status !== 0) {
      expect({ ok: ours.ok, error: ours.ok ? undefined : ours.error }).toEqual({ ok: false, error: yaml.stderr });
      return;
    }
    expect(ours.ok).toBe(true);
    if (!ours.ok) return;
    expect((ours.warnings ?? []).join("")).toBe(yaml.stderr);
    expect({ yaml: toYaml(ours.object), json: toJson(ours.object, { keyOrder: "insertion" }) }).toEqual({ yaml: yaml.stdout, json: json.stdout });
  });

  it("clusterrolebinding needs --clusterrole", async () => {
    const real = await runKubectlAsync(["create", "clusterrolebinding", "crb", "--dry-run=client", "-o", "yaml"]);
    expect(real.stderr).toContain('err="required flag(s) \\"clusterrole\\" not set"');
    expect(generateClusterRoleBinding("crb", {})).toEqual({ ok: false, error: 'error: required flag(s) "clusterrole" not set\n', commandFailed: 'required flag(s) "clusterrole" not set' });
  });
});

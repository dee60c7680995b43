// kubectl create … --dry-run=client -o json through the command layer, compared with the real client.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createCluster } from "../../index";
import { KubectlSession } from "../session";

const KUBECTL = "/usr/bin/kubectl";
const hasKubectl = existsSync(KUBECTL);
if (!hasKubectl) console.log("skipping the real-kubectl comparison: /usr/bin/kubectl is absent");

function realKubectl(args: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kubedrill-kc-"));
  const config = path.join(dir, "config");
  writeFileSync(
    config,
    "apiVersion: v1\nkind: Config\nclusters:\n- cluster: {server: 'https://127.0.0.1:1'}\n  name: sim\ncontexts:\n- context: {cluster: sim, user: u, namespace: default}\n  name: sim\ncurrent-context: sim\nusers:\n- name: u\n  user: {token: x}\n",
  );
  return execFileSync(KUBECTL, args, { env: { ...process.env, KUBECONFIG: config }, encoding: "utf8" });
}

const COMMANDS = [
  ["create", "deployment", "web", "--image=nginx", "--replicas=3", "--port=80", "--dry-run=client", "-o", "json"],
  ["create", "configmap", "app", "--from-literal=a=b", "--dry-run=client", "-o", "json"],
  ["create", "service", "clusterip", "web", "--tcp=80:8080", "--dry-run=client", "-o", "json"],
  ["create", "job", "j", "--image=busybox", "--dry-run=client", "-o", "json", "--", "echo", "hi"],
];

describe.skipIf(!hasKubectl)("create --dry-run=client -o json matches kubectl v1.32", { timeout: 60_000 }, () => {
  for (const args of COMMANDS) {
    it(args.slice(0, 3).join(" "), () => {
      const s = new KubectlSession(createCluster({ seed: 1 }));
      const ours = s.run(["kubectl", ...args]);
      expect(ours.stderr).toBe("");
      expect(ours.stdout).toBe(realKubectl(args));
    });
  }
});

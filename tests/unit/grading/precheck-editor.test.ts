import { describe, expect, it } from "vitest";
import { precheck, validateManifestForEditor } from "@/lib/grading";
import { bankQuestion, pod, simTask, text } from "./fixtures";

const sleeper = bankQuestion("restart-policy/sleep-exit-never.yaml");

describe("precheck", () => {
  it("dry-runs a valid manifest on the server and names its objects", () => {
    const r = precheck(sleeper, { type: "sim", manifest: pod("a", "containers:\n- name: a\n  image: busybox") }, { seed: 1 });
    expect(r).toEqual({ ok: true, objects: ["pod/a"] });
  });

  it("returns Kubernetes' messages for a rejected manifest and YAML errors", () => {
    const r = precheck(sleeper, { type: "sim", manifest: pod("a", "containers:\n- name: a\n  image: busybox\n  readinessProbee: {}") }, { seed: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join("\n")).toContain('unknown field "spec.containers[0].readinessProbee"');
    const y = precheck(sleeper, { type: "sim", manifest: "a: [" }, { seed: 1 });
    expect(y.ok).toBe(false);
  });

  it("has nothing to check for commands or choice questions", () => {
    expect(precheck(sleeper, { type: "sim", commands: "kubectl get pods" }, { seed: 1 })).toEqual({ ok: true, objects: [] });
    const choice = bankQuestion("restart-policy/default-value.yaml");
    expect(precheck(choice, { type: "single-choice", choice: "always" }, { seed: 1 })).toEqual({ ok: true, objects: [] });
  });
});

describe("validateManifestForEditor", () => {
  it("places a YAML syntax error at its line and column", () => {
    const d = validateManifestForEditor("apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n");
    expect(d).toHaveLength(1);
    expect(d[0].line).toBeGreaterThanOrEqual(4);
    expect(d[0].column).toBeGreaterThan(0);
  });

  it("places an unknown field at its line, in the right document", () => {
    const first = pod("ok", "containers:\n- name: a\n  image: busybox");
    const second = pod("bad", "containers:\n- name: a\n  image: busybox\n- name: b\n  image: nginx\n  readinessProbee:\n    httpGet: {port: 80}");
    const text = `${first}---\n${second}`;
    const d = validateManifestForEditor(text);
    expect(d).toHaveLength(1);
    const lines = text.split("\n");
    expect(lines[d[0].line - 1]).toContain("readinessProbee:");
    expect(lines[d[0].line - 1].slice(d[0].column - 1)).toMatch(/^readinessProbee:/);
    expect(d[0].message).toContain('strict decoding error: unknown field "spec.containers[1].readinessProbee"');
  });

  it("places validation errors at the field they name", () => {
    const text = pod("bad", "containers:\n- name: a\n  image: busybox\n  ports:\n  - containerPort: 99999");
    const d = validateManifestForEditor(text);
    expect(d.length).toBeGreaterThan(0);
    expect(text.split("\n")[d[0].line - 1]).toContain("containerPort");
    expect(d[0].message).toContain("spec.containers[0].ports[0].containerPort");
  });

  it("is empty for a valid manifest", () => {
    expect(validateManifestForEditor(pod("ok", "containers:\n- name: a\n  image: busybox"))).toEqual([]);
    expect(validateManifestForEditor("")).toEqual([]);
  });
});

describe("precheck in replace-force tasks", () => {
  it("dry-runs against an empty namespace, so replacing a live Pod's spec is not an error", () => {
    const live = pod("web", "containers:\n- name: web\n  image: nginx:1.25");
    const q = simTask({
      task: { applyMode: "replace-force", namespace: "fix", setup: { manifests: live } },
      checks: [{ id: "exists", kind: "object", target: "pod/web", description: text("e"), feedback: text("e") }],
    });
    const changed = pod("web", "restartPolicy: Never\ncontainers:\n- name: web\n  image: nginx:1.27");
    expect(precheck(q, { type: "sim", manifest: changed }, { seed: 1 })).toEqual({ ok: true, objects: ["pod/web"] });
    const apply = { ...q, task: { ...q.task, applyMode: "apply" as const } };
    const r = precheck(apply, { type: "sim", manifest: changed }, { seed: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join("\n")).toContain("pod updates may not change fields");
  });
});

import { describe, expect, it } from "vitest";
import { formatResourceMappingError, listApiVersions, listResources, resolveKind, resolveResourceArg, resourcesInCategory } from "./resources";

describe("resource registry", () => {
  it.each([
    ["po", "pods"],
    ["pod", "pods"],
    ["pods", "pods"],
    ["Pod", "pods"],
    ["PODS", "pods"],
    ["deploy", "deployments"],
    ["deployment.apps", "deployments"],
    ["deployments.v1.apps", "deployments"],
    ["rs", "replicasets"],
    ["sts", "statefulsets"],
    ["ds", "daemonsets"],
    ["svc", "services"],
    ["ep", "endpoints"],
    ["cm", "configmaps"],
    ["pv", "persistentvolumes"],
    ["pvc", "persistentvolumeclaims"],
    ["sa", "serviceaccounts"],
    ["ns", "namespaces"],
    ["no", "nodes"],
    ["ev", "events"],
    ["cj", "cronjobs"],
    ["jobs.batch", "jobs"],
    ["endpointslices", "endpointslices"],
    ["netpol", "networkpolicies"],
    ["hpa", "horizontalpodautoscalers"],
  ])("resolves %s to %s", (arg, plural) => {
    const resolved = resolveResourceArg(arg);
    expect(resolved.ok && resolved.info.plural).toBe(plural);
  });

  it("refuses unknown resource types with kubectl's message", () => {
    expect(resolveResourceArg("foo")).toEqual({ ok: false, error: 'error: the server doesn\'t have a resource type "foo"' });
    expect(resolveResourceArg("deployment.batch")).toEqual({
      ok: false,
      error: 'error: the server doesn\'t have a resource type "deployment.batch"',
    });
  });

  it("maps apiVersion + kind exactly and explains misses", () => {
    const ok = resolveKind("apps/v1", "Deployment");
    expect(ok.ok && [ok.info.plural, ok.info.namespaced, ok.info.schemaKey]).toEqual(["deployments", true, "apps.v1.Deployment"]);
    const miss = resolveKind("apps/v1beta1", "Deployment");
    expect(miss).toEqual({ ok: false, kind: "Deployment", apiVersion: "apps/v1beta1", error: 'no matches for kind "Deployment" in version "apps/v1beta1"' });
    expect(resolveKind("v1", "pod").ok).toBe(false);
    expect(formatResourceMappingError({ name: "web", namespace: "", source: "pod.yaml", kind: "Pod", apiVersion: "v2" })).toBe(
      'resource mapping not found for name: "web" namespace: "" from "pod.yaml": no matches for kind "Pod" in version "v2"\nensure CRDs are installed first',
    );
  });

  it("lists resources for api-resources / api-versions and the all category", () => {
    const names = listResources().map((r) => r.plural);
    expect(names.slice(0, 3)).toEqual(["configmaps", "endpoints", "events"]);
    expect(new Set(names).size).toBe(names.length);
    expect(listApiVersions()).toContain("apps/v1");
    expect(listApiVersions()).toContain("v1");
    expect(resourcesInCategory("all").map((r) => r.plural)).toEqual([
      "pods",
      "services",
      "daemonsets",
      "deployments",
      "replicasets",
      "statefulsets",
      "horizontalpodautoscalers",
      "cronjobs",
      "jobs",
    ]);
    expect(listResources().find((r) => r.kind === "Namespace")?.verbs).toEqual(["create", "delete", "get", "list", "patch", "update", "watch"]);
  });
});

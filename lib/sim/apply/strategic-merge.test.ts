import { describe, expect, it } from "vitest";
import { jsonMergePatch, jsonPatch, strategicMerge, threeWayMerge } from "./strategic-merge";
import { createCluster } from "../index";

describe("strategic merge", () => {
  it("merges containers by name and deletes with null", () => {
    const live = { spec: { containers: [{ name: "a", image: "nginx:1", ports: [{ containerPort: 80 }] }, { name: "b", image: "redis" }] } };
    const patched = strategicMerge(live, { spec: { containers: [{ name: "a", image: "nginx:2" }] }, metadata: { labels: null } }, "Pod");
    expect(patched).toEqual({ spec: { containers: [{ name: "a", image: "nginx:2", ports: [{ containerPort: 80 }] }, { name: "b", image: "redis" }] }, metadata: {} });
  });

  it("keeps fields others set and drops fields removed from the configuration", () => {
    const last = { spec: { replicas: 2, template: { metadata: { labels: { app: "x", tier: "web" } } } } };
    const modified = { spec: { template: { metadata: { labels: { app: "x" } } } } };
    const live = { spec: { replicas: 5, paused: true, template: { metadata: { labels: { app: "x", tier: "web" } } } } };
    // replicas was in the last configuration and is gone now: deleted; paused was never configured: kept.
    expect(threeWayMerge(last, modified, live, "Deployment")).toEqual({ spec: { paused: true, template: { metadata: { labels: { app: "x" } } } } });
  });

  it("implements RFC 7386 and RFC 6902", () => {
    expect(jsonMergePatch({ a: 1, b: { c: 2 } }, { b: { c: null, d: 3 } })).toEqual({ a: 1, b: { d: 3 } });
    expect(jsonPatch({ spec: { replicas: 1 } }, [{ op: "replace", path: "/spec/replicas", value: 3 }])).toEqual({ ok: true, value: { spec: { replicas: 3 } } });
    expect(jsonPatch({ spec: {} }, [{ op: "remove", path: "/spec/x" }]).ok).toBe(false);
  });

  it("lets kubectl scale survive a re-apply that never set replicas", () => {
    const c = createCluster({ seed: 1 });
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;
    c.apply(yaml);
    const live = c.get("deployments", "web")!;
    c.update({ ...live, spec: { ...(live.spec as object), replicas: 4 } });
    const [r] = c.apply(yaml.replace("nginx:1.25", "nginx:1.27"));
    expect(r.ok && r.action).toBe("configured");
    const after = c.get("deployments", "web") as unknown as { spec: { replicas: number; template: { spec: { containers: { image: string }[] } } } };
    expect(after.spec.replicas).toBe(4);
    expect(after.spec.template.spec.containers[0].image).toBe("nginx:1.27");
  });
});

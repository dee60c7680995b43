// Property: random and mutated manifests never throw out of the facade; every call returns a result
// or a typed error, within its step budget.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import yaml from "js-yaml";
import { createCluster } from "@/lib/sim";

const BASE = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "web", labels: { app: "web" } },
  spec: {
    containers: [
      {
        name: "app",
        image: "busybox:1.36",
        command: ["sh", "-c", "echo hi; sleep 5; exit 1"],
        livenessProbe: { exec: { command: ["cat", "/tmp/x"] }, periodSeconds: 5 },
      },
    ],
  },
};

const DEPLOY = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "d" },
  spec: { replicas: 2, selector: { matchLabels: { app: "d" } }, template: { metadata: { labels: { app: "d" } }, spec: { containers: [{ name: "c", image: "nginx" }] } } },
};

const jsonValue = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 100000 }), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}));

/** Sets a random path of the object to a random value. */
function mutate(obj: unknown, path: string[], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(obj));
  let cur = copy;
  for (let i = 0; i < path.length - 1; i++) {
    if (cur === null || typeof cur !== "object") return copy;
    const k = Array.isArray(cur) ? Number(path[i]) % Math.max(1, cur.length) : path[i];
    if (cur[k] === undefined) cur[k] = {};
    cur = cur[k];
  }
  if (cur && typeof cur === "object") cur[path[path.length - 1]] = value;
  return copy;
}

const KEYS = ["apiVersion", "kind", "metadata", "name", "spec", "containers", "0", "image", "command", "replicas", "selector", "template", "labels", "livenessProbe", "periodSeconds", "exec", "restartPolicy", "ports", "containerPort", "matchLabels", "app"];

describe("facade robustness", { timeout: 120_000 }, () => {
  it("never throws on mutated manifests", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(BASE, DEPLOY),
        fc.array(fc.tuple(fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 5 }), jsonValue), { maxLength: 4 }),
        fc.integer({ min: 0, max: 400 }),
        (base, mutations, seconds) => {
          let obj: unknown = base;
          for (const [p, v] of mutations) obj = mutate(obj, p, v);
          const c = createCluster({ seed: 1, limits: { maxStepsPerAdvance: 50_000 } });
          const results = c.apply(yaml.dump(obj));
          for (const r of results) expect(r.ok || typeof r.error.kind).toBeTruthy();
          const adv = c.advance(seconds);
          expect(adv.ok || ["limit", "status", "internal"].includes(adv.error.kind)).toBe(true);
          if (!adv.ok) expect(adv.error.kind).not.toBe("internal");
          c.list("pods");
          c.events();
        },
      ),
      { numRuns: 60, seed: 20261123 },
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const c = createCluster({ seed: 2 });
        const results = c.apply(text);
        for (const r of results) expect(typeof r.ok).toBe("boolean");
      }),
      { numRuns: 80, seed: 7 },
    );
  });

  it("stops a run that exceeds its step budget with a typed limit error", () => {
    const c = createCluster({ seed: 3, limits: { maxStepsPerAdvance: 5 } });
    c.apply(yaml.dump(DEPLOY));
    const r = c.advance(600);
    // With controllers and kubelets installed, 5 steps cannot cover a deployment's rollout.
    expect(r.ok ? "ok" : r.error.kind).toBe("limit");
  });
});

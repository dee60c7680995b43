import { describe, expect, it } from "vitest";
import { parsePath, resolvePath } from "@/lib/grading/json-path";

const pod = {
  metadata: { labels: { "app.kubernetes.io/name": "web", app: "web" } },
  spec: {
    containers: [
      { name: "web", image: "nginx", ports: [{ containerPort: 80 }, { containerPort: 443 }] },
      { name: "log", image: "busybox" },
    ],
  },
};

const at = (path: string) => {
  const p = parsePath(path);
  if (!p.ok) throw new Error(p.error);
  return resolvePath(pod, p.segments);
};

describe("check paths", () => {
  it("follows fields, indexes, name filters and quoted keys", () => {
    expect(at("spec.containers[0].image")).toBe("nginx");
    expect(at(".spec.containers[1].name")).toBe("log");
    expect(at("spec.containers[-1].name")).toBe("log");
    expect(at("spec.containers[name=log].image")).toBe("busybox");
    expect(at('spec.containers[name="web"].ports[1].containerPort')).toBe(443);
    expect(at('metadata.labels["app.kubernetes.io/name"]')).toBe("web");
    expect(at("metadata.labels.app")).toBe("web");
  });

  it("collects lists with [*], flattening nested ones", () => {
    expect(at("spec.containers[*].name")).toEqual(["web", "log"]);
    expect(at("spec.containers[*].ports[*].containerPort")).toEqual([80, 443]);
    expect(at("spec.containers[*].ports")).toEqual([[{ containerPort: 80 }, { containerPort: 443 }]]);
  });

  it("is undefined where the object has nothing", () => {
    expect(at("spec.containers[5].name")).toBeUndefined();
    expect(at("spec.containers[name=db].image")).toBeUndefined();
    expect(at("status.phase")).toBeUndefined();
    expect(at("spec.containers.name")).toBeUndefined();
  });

  it("rejects malformed paths", () => {
    for (const p of ["", "spec.", "spec..x", "spec.containers[0", "spec.containers[]"]) expect(parsePath(p).ok).toBe(false);
  });
});

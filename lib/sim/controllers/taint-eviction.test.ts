import { describe, expect, it } from "vitest";
import { createCluster } from "../index";
import type { KubeObject } from "../core/types";
import { evictionDelay, toleratesTaint } from "./taint-eviction";

const NE = { key: "evict", value: "now", effect: "NoExecute" };

describe("taint eviction rules", () => {
  it.each([
    [{ key: "evict", operator: "Equal", value: "now", effect: "NoExecute" }, true],
    [{ key: "evict", operator: "Equal", value: "later" }, false],
    [{ key: "evict", operator: "Exists" }, true],
    [{ operator: "Exists" }, true],
    [{ key: "evict", operator: "Exists", effect: "NoSchedule" }, false],
  ])("toleration %j tolerates evict=now:NoExecute: %s", (t, ok) => expect(toleratesTaint(t, NE)).toBe(ok));

  it("picks the smallest tolerationSeconds, forever without one, now when a taint is untolerated", () => {
    const pod = (tolerations: object[]) => ({ spec: { tolerations } });
    expect(evictionDelay(pod([]), [NE])).toEqual({ kind: "now" });
    expect(evictionDelay(pod([{ operator: "Exists" }]), [NE])).toEqual({ kind: "none" });
    expect(evictionDelay(pod([{ key: "evict", operator: "Exists", tolerationSeconds: 60 }, { operator: "Exists", tolerationSeconds: 30 }]), [NE])).toEqual({ kind: "after", ms: 30_000 });
    expect(evictionDelay(pod([{ key: "evict", operator: "Exists", tolerationSeconds: 60 }]), [NE, { key: "other", effect: "NoExecute" }])).toEqual({ kind: "now" });
  });
});

function pod(name: string, node: string, tolerations = ""): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  nodeName: ${node}\n  terminationGracePeriodSeconds: 5\n${tolerations}  containers:\n  - name: c\n    image: nginx\n`;
}

function taint(c: ReturnType<typeof createCluster>, node: string, taints: object[] | undefined): void {
  const n = JSON.parse(JSON.stringify(c.get("nodes", node))) as KubeObject & { spec: { taints?: object[] } };
  if (taints) n.spec.taints = taints;
  else delete n.spec.taints;
  expect(c.update(n).ok).toBe(true);
}

describe("taint eviction controller", () => {
  it("evicts untolerating pods at once and tolerating ones after tolerationSeconds; removal cancels", () => {
    const c = createCluster({ seed: 4 });
    c.apply(pod("plain", "node01"));
    c.apply(pod("brief", "node01", "  tolerations:\n  - key: evict\n    operator: Exists\n    effect: NoExecute\n    tolerationSeconds: 30\n"));
    c.apply(pod("forever", "node01", "  tolerations:\n  - key: evict\n    operator: Exists\n"));
    c.apply(pod("elsewhere", "node02"));
    c.advance(10);
    taint(c, "node01", [NE]);
    // nginx exits on SIGTERM at once, so the pod may already be gone; the condition was written before.
    const plain = c.get("pods", "plain") as (KubeObject & { status: { conditions: { type: string; reason?: string }[] } }) | undefined;
    if (plain) expect(plain.status.conditions.find((x) => x.type === "DisruptionTarget")?.reason).toBe("DeletionByTaintManager");
    expect(c.events({ name: "plain" }).map((e) => `${(e as { reason?: string }).reason}: ${(e as { message?: string }).message}`)).toContain("TaintManagerEviction: Marking for deletion Pod default/plain");
    const evicted = (name: string) => c.events({ name }).some((e) => (e as { message?: string }).message === `Marking for deletion Pod default/${name}`);
    c.advance(29);
    expect(evicted("brief")).toBe(false);
    c.advance(1);
    expect(evicted("brief")).toBe(true);
    c.advance(30);
    expect(c.get("pods", "plain")).toBeUndefined();
    expect(c.get("pods", "forever")?.metadata.deletionTimestamp).toBeUndefined();
    expect(c.get("pods", "elsewhere")?.metadata.deletionTimestamp).toBeUndefined();

    c.apply(pod("again", "node02", "  tolerations:\n  - key: evict\n    operator: Exists\n    effect: NoExecute\n    tolerationSeconds: 20\n"));
    c.advance(5);
    taint(c, "node02", [NE]);
    c.advance(10);
    taint(c, "node02", undefined);
    c.advance(30);
    expect(c.get("pods", "again")?.metadata.deletionTimestamp).toBeUndefined();
    expect(c.events({ name: "again" }).map((e) => (e as { message?: string }).message)).toContain("Cancelling deletion of Pod default/again");
    expect(evicted("elsewhere")).toBe(true);
  });

  it("deletes once when the node's unreachable taint and a user taint both apply", () => {
    const c = createCluster({ seed: 4 });
    c.apply(pod("p", "node01"));
    c.advance(10);
    c.setNodeRunning("node01", false);
    taint(c, "node01", [...((c.get("nodes", "node01") as unknown as { spec: { taints?: object[] } }).spec.taints ?? []), NE]);
    c.advance(400);
    const evictions = c.events({ name: "p" }).filter((e) => (e as { reason?: string }).reason === "TaintManagerEviction");
    expect(evictions).toHaveLength(1);
    expect((evictions[0] as { count?: number }).count ?? 1).toBe(1);
  });
});

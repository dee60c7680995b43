// DefaultStorageClass admission: claims created without storageClassName get the default class.
import { describe, expect, it } from "vitest";
import { createCluster } from "../index";

const claim = (name: string, extra = "") =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: ${name}}\nspec: {${extra}accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n`;
const storageClass = (name: string, isDefault: boolean) =>
  `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${name}\n  annotations: {storageclass.kubernetes.io/is-default-class: "${isDefault}"}\nprovisioner: rancher.io/local-path\nvolumeBindingMode: WaitForFirstConsumer\n`;

function classOf(cluster: ReturnType<typeof createCluster>, name: string): unknown {
  return (cluster.get("persistentvolumeclaims", name, "default") as unknown as { spec: { storageClassName?: string } }).spec.storageClassName;
}

describe("DefaultStorageClass admission", () => {
  it("leaves claims alone while the cluster has no default class", () => {
    const cluster = createCluster({ seed: 1 });
    cluster.apply(storageClass("slow", false));
    cluster.apply(claim("a"));
    expect(classOf(cluster, "a")).toBeUndefined();
  });

  it("sets the newest default class on claims without storageClassName, never on an explicit \"\"", () => {
    const cluster = createCluster({ seed: 1 });
    cluster.apply(storageClass("standard", true));
    cluster.advance(5);
    cluster.apply(storageClass("fast", true));
    cluster.apply(claim("a"));
    cluster.apply(claim("b", 'storageClassName: "", '));
    cluster.apply(claim("c", "storageClassName: standard, "));
    expect(classOf(cluster, "a")).toBe("fast");
    expect(classOf(cluster, "b")).toBe("");
    expect(classOf(cluster, "c")).toBe("standard");
  });
});

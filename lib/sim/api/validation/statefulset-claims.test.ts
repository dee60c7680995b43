import { describe, expect, it } from "vitest";
import { validateCreate } from "./index";
import type { KubeObject } from "../types";

const sts = (mountName: string) =>
  ({
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name: "web" },
    spec: {
      selector: { matchLabels: { app: "nginx" } },
      serviceName: "nginx",
      replicas: 2,
      podManagementPolicy: "OrderedReady",
      updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } },
      template: {
        metadata: { labels: { app: "nginx" } },
        spec: {
          restartPolicy: "Always",
          dnsPolicy: "ClusterFirst",
          terminationGracePeriodSeconds: 30,
          containers: [{ name: "nginx", image: "registry.k8s.io/nginx-slim:0.8", imagePullPolicy: "IfNotPresent", terminationMessagePolicy: "File", volumeMounts: [{ name: mountName, mountPath: "/usr/share/nginx/html" }] }],
        },
      },
      volumeClaimTemplates: [{ metadata: { name: "www" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }],
    },
  }) as unknown as KubeObject;

describe("StatefulSet volumeClaimTemplates", () => {
  it("lets container mounts name a claim template (the docs' web example)", () => {
    expect(validateCreate(sts("www")).filter((e) => e.field.includes("volumeMounts"))).toEqual([]);
  });

  it("still rejects a mount that names neither a volume nor a claim template", () => {
    expect(validateCreate(sts("data")).map((e) => e.field)).toContain("spec.template.spec.containers[0].volumeMounts[0].name");
  });
});

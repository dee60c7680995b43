// Test builders for the scheduler's tests: pods as manifests and small cluster helpers.
import { createCluster } from "../index";
import type { Cluster, ClusterOptions } from "../cluster";
import type { KubeObject } from "../core/types";

type Obj = Record<string, unknown>;

export type PodOptions = {
  namespace?: string;
  labels?: Record<string, string>;
  requests?: Record<string, string>;
  limits?: Record<string, string>;
  /** Extra pod spec fields (nodeSelector, affinity, tolerations, nodeName, priority…). */
  spec?: Obj;
  hostPort?: number;
};

export function makePod(name: string, opts: PodOptions = {}): KubeObject {
  const resources: Obj = {};
  if (opts.requests) resources.requests = opts.requests;
  if (opts.limits) resources.limits = opts.limits;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, ...(opts.namespace ? { namespace: opts.namespace } : {}), labels: opts.labels ?? { run: name } },
    spec: {
      containers: [
        {
          name: "app",
          image: "nginx:1.27",
          ...(Object.keys(resources).length ? { resources } : {}),
          ...(opts.hostPort ? { ports: [{ containerPort: 80, hostPort: opts.hostPort }] } : {}),
        },
      ],
      ...(opts.spec ?? {}),
    },
  };
}

export function newCluster(options: ClusterOptions = {}): Cluster {
  return createCluster({ seed: 1, ...options });
}

export function apply(c: Cluster, ...objs: KubeObject[]): void {
  for (const o of objs) {
    const [r] = c.apply(o);
    if (!r.ok) throw new Error(`apply ${o.kind}/${o.metadata.name} failed: ${JSON.stringify(r.error)}`);
  }
}

export function nodeOf(c: Cluster, name: string, namespace = "default"): string | undefined {
  return (c.get("pods", name, namespace)?.spec as { nodeName?: string } | undefined)?.nodeName;
}

export function scheduledCondition(c: Cluster, name: string, namespace = "default"): { status: string; reason?: string; message?: string } | undefined {
  const status = c.get("pods", name, namespace)?.status as { conditions?: { type: string; status: string; reason?: string; message?: string }[] } | undefined;
  return status?.conditions?.find((x) => x.type === "PodScheduled");
}

export function schedulerEvents(c: Cluster, name: string, reason?: string): KubeObject[] {
  return c.events({ kind: "Pod", name }).filter((e) => e.reportingComponent === "default-scheduler" && (!reason || e.reason === reason));
}

export function failedMessage(c: Cluster, name: string): string | undefined {
  const evs = schedulerEvents(c, name, "FailedScheduling");
  return evs.length ? (evs[evs.length - 1].message as string) : undefined;
}

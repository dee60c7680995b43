// Test builders for the network's tests: pods that "run" without a kubelet (status written directly,
// listeners registered here), so routing and DNS are tested against exact, known addresses.
import type { Cluster } from "../cluster";
import type { KubeObject } from "../core/types";
import { formatTime } from "../core/time";
import { allocatePodIP, listen } from "./state";

export type FakePod = {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  node?: string;
  ready?: boolean;
  /** Container ports; each answers HTTP with "<pod name>:<port>". */
  ports?: { containerPort: number; name?: string }[];
  spec?: Record<string, unknown>;
};

/** Creates a pod the scheduler and kubelet leave alone, gives it an IP and listening sockets. */
export function runPod(c: Cluster, p: FakePod): { pod: KubeObject; ip: string } {
  const ns = p.namespace ?? "default";
  const [r] = c.apply({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: p.name, namespace: ns, labels: p.labels ?? { app: p.name } },
    spec: { schedulerName: "test-scheduler", containers: [{ name: "app", image: "nginx:1.27", ports: p.ports ?? [{ containerPort: 80 }] }], ...(p.spec ?? {}) },
  } as KubeObject);
  if (!r.ok) throw new Error(`pod ${p.name}: ${JSON.stringify(r.error)}`);
  const engine = c.engine;
  const ip = allocatePodIP(engine, p.node ?? "node01");
  const now = formatTime(engine.now());
  const live = engine.store.get("pods", ns, p.name)!;
  engine.api.updateStatus("pods", ns, p.name, {
    ...(live.status as object),
    phase: "Running",
    podIP: ip,
    podIPs: [{ ip }],
    hostIP: "172.30.2.2",
    conditions: [
      { type: "Ready", status: p.ready === false ? "False" : "True", lastProbeTime: null, lastTransitionTime: now },
      { type: "ContainersReady", status: p.ready === false ? "False" : "True", lastProbeTime: null, lastTransitionTime: now },
    ],
  });
  for (const port of p.ports ?? [{ containerPort: 80 }]) {
    listen(engine, ip, port.containerPort, {
      http: (req) => ({ status: 200, headers: { "Content-Type": "text/plain" }, body: `${p.name}:${port.containerPort} from ${req.clientIP ?? "?"}` }),
      tcp: () => ({ banner: `${p.name}:${port.containerPort}` }),
    });
  }
  engine.settle();
  return { pod: engine.store.get("pods", ns, p.name)!, ip };
}

export function service(name: string, spec: Record<string, unknown>, namespace = "default"): KubeObject {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace }, spec } as KubeObject;
}

export const get = (path = "/", host = "") => ({ method: "GET", host, port: 80, path, headers: {} });

// Mirrors `kubectl autoscale` (staging/src/k8s.io/kubectl/pkg/cmd/autoscale/autoscale.go: Validate,
// createHorizontalPodAutoscaler) for --dry-run=client output: an autoscaling/v1 HorizontalPodAutoscaler.
import type { KubeObject } from "../format/kube-object";
import { compact, fail, intFlag, objectMeta, requiredFlag, type GenerateResult, type IntFlag } from "./common";

export type AutoscaleFlags = { max?: IntFlag; min?: IntFlag; cpuPercent?: IntFlag; name?: string; namespace?: string };

// Kinds whose REST mapping has a scale subresource on a v1.32 cluster.
const SCALABLE: Record<string, string> = {
  Deployment: "apps/v1",
  ReplicaSet: "apps/v1",
  StatefulSet: "apps/v1",
  ReplicationController: "v1",
};

const PLURAL: Record<string, string> = { Pod: "pods", Service: "services", Job: "jobs", CronJob: "cronjobs", DaemonSet: "daemonsets" };

/** `kubectl autoscale (-f FILE | TYPE NAME) --max=N [--min=N] [--cpu-percent=N] [--name=NAME]` */
export function generateAutoscale(target: KubeObject, flags: AutoscaleFlags): GenerateResult {
  if (flags.max === undefined) return requiredFlag("max");
  const max = intFlag("autoscale", "--max", flags.max, 32);
  if (!max.ok) return max;
  const min = intFlag("autoscale", "--min", flags.min ?? -1, 32);
  if (!min.ok) return min;
  const cpu = intFlag("autoscale", "--cpu-percent", flags.cpuPercent ?? -1, 32);
  if (!cpu.ok) return cpu;
  const maxValue = max.value ?? 0;
  const minValue = min.value ?? -1;
  if (maxValue < 1) return fail(`--max=MAXPODS is required and must be at least 1, max: ${maxValue}`);
  if (maxValue < minValue) return fail(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${maxValue}, min: ${minValue}`);
  const kind = target.kind ?? "";
  const apiVersion = SCALABLE[kind];
  if (!apiVersion) {
    const gv = target.apiVersion ?? "v1";
    const [group, version] = gv.includes("/") ? gv.split("/") : ["", gv];
    const resource = PLURAL[kind] ?? `${kind.toLowerCase()}s`;
    return fail(`cannot autoscale a ${kind}: could not find scale subresource for ${group}/${version}, Resource=${resource} in discovery information`);
  }
  const refName = target.metadata?.name ?? "";
  const hpa: KubeObject = {
    kind: "HorizontalPodAutoscaler",
    apiVersion: "autoscaling/v1",
    metadata: objectMeta({ name: flags.name || refName, namespace: flags.namespace }),
    spec: compact({
      scaleTargetRef: { kind, name: refName, apiVersion },
      minReplicas: minValue > 0 ? minValue : undefined,
      maxReplicas: maxValue,
      targetCPUUtilizationPercentage: (cpu.value ?? -1) >= 0 ? cpu.value : undefined,
    }),
    status: { currentReplicas: 0, desiredReplicas: 0 },
  };
  return { ok: true, object: hpa };
}

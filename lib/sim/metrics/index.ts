// The resource metrics pipeline (metrics-server's view of the kubelets): kubectl top reads it today, the
// HorizontalPodAutoscaler controller can read the same functions.
export {
  METRIC_RESOLUTION_MS,
  METRICS_API_VERSION,
  lastScrape,
  listNodeMetrics,
  listPodMetrics,
  nodeMetrics,
  podMetrics,
  usageNumbers,
  type ContainerMetrics,
  type NodeMetrics,
  type PodMetrics,
  type ResourceUsage,
} from "./metrics-api";
export { containerUsage, nodeBaseline, type ContainerUsage, type UsageInput } from "./usage";

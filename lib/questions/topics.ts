// Display names of the 23 syllabus topics, in both languages, in the order the notes teach them.
import type { TText, TTopic } from "./schema";

export const TOPIC_TITLES: Record<TTopic, TText> = {
  architecture: { en: "Cluster architecture", zh: "集群架构" },
  "pod-basics": { en: "Pod basics", zh: "Pod 基础" },
  "manifest-authoring": { en: "Writing manifests", zh: "编写资源清单" },
  "commands-args": { en: "Commands and arguments", zh: "命令与参数" },
  "image-pull": { en: "Image pull policy", zh: "镜像拉取策略" },
  "restart-policy": { en: "Restart policy", zh: "重启策略" },
  "pod-phases": { en: "Pod phases and status", zh: "Pod 相位与状态" },
  probes: { en: "Probes", zh: "探针" },
  "lifecycle-hooks": { en: "Lifecycle hooks", zh: "生命周期钩子" },
  "init-containers": { en: "Init containers", zh: "初始化容器" },
  resources: { en: "Resource requests and limits", zh: "资源请求与限制" },
  "multi-container": { en: "Multi-container Pods", zh: "多容器 Pod" },
  "exec-logs": { en: "exec and logs", zh: "exec 与日志" },
  scheduling: { en: "Scheduling", zh: "调度" },
  troubleshooting: { en: "Troubleshooting", zh: "故障排查" },
  deployments: { en: "Deployments", zh: "Deployment" },
  statefulsets: { en: "StatefulSets", zh: "StatefulSet" },
  services: { en: "Services", zh: "Service" },
  labels: { en: "Labels and selectors", zh: "标签与选择器" },
  ingress: { en: "Ingress", zh: "Ingress" },
  volumes: { en: "Volumes and storage", zh: "卷与存储" },
  config: { en: "ConfigMaps and Secrets", zh: "ConfigMap 与 Secret" },
  scaling: { en: "Scaling", zh: "扩缩容" },
};

export function topicTitle(topic: string, locale: "en" | "zh"): string {
  return (TOPIC_TITLES as Record<string, TText>)[topic]?.[locale] ?? topic;
}

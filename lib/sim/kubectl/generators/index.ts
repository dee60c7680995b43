// The object generators behind `kubectl run`, `kubectl create <kind>` and `kubectl expose` (--dry-run=client).
export type { FileReader, GenerateResult, IntFlag } from "./common";
export { generateRun, type RunFlags } from "./run";
export {
  generateCronJob,
  generateDeployment,
  generateIngress,
  generateJob,
  generateNamespace,
  generateService,
  generateServiceAccount,
  type CronJobFlags,
  type DeploymentFlags,
  type IngressFlags,
  type JobFlags,
  type ServiceFlags,
  type ServiceKind,
} from "./create";
export { generateConfigMap, generateSecret, type ConfigMapFlags, type SecretFlags } from "./configmap-secret";
export { generateExpose, type ExposeFlags } from "./expose";
export {
  canonicalQuantity,
  defaultResourceResolver,
  generateClusterRole,
  generateClusterRoleBinding,
  generateQuota,
  generateRole,
  generateRoleBinding,
  type QuotaFlags,
  type ResourceResolver,
  type RoleBindingFlags,
  type RoleFlags,
  type RoleResult,
} from "./rbac-quota";
export { generateAutoscale, type AutoscaleFlags } from "./autoscale";
export { generatePodDisruptionBudget, generatePriorityClass, type PdbFlags, type PriorityClassFlags } from "./priority-pdb";

// gen-k8s-schema — emits lib/sim/api/schema.generated.ts from node_modules/kubernetes-types/**/*.d.ts.
//
// The d.ts files are generated from the Kubernetes OpenAPI document, and their doc comments are the
// OpenAPI descriptions, so walking them with the TypeScript compiler API gives the simulator a schema
// (field types, required markers, descriptions) for strict decoding and `kubectl explain` without a
// network or a server. Only definitions reachable from the supported kinds are emitted.
//
// Run: npx tsx scripts/gen-k8s-schema.ts
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "..");
const TYPES_DIR = path.join(ROOT, "node_modules/kubernetes-types");
const OUT = path.join(ROOT, "lib/sim/api/schema.generated.ts");

// Files to read: "<dir>/<version>" → Go package version used in type names ("v1.Container").
const FILES = [
  "meta/v1",
  "core/v1",
  "apps/v1",
  "batch/v1",
  "discovery/v1",
  "networking/v1",
  "autoscaling/v2",
  "rbac/v1",
  "storage/v1",
  "policy/v1",
  "scheduling/v1",
  "api/resource",
  "runtime",
];

// Root definitions: the kinds lib/sim serves now plus those issue 10 adds.
const ROOTS = [
  "core.v1.Namespace",
  "core.v1.Node",
  "core.v1.Pod",
  "core.v1.PodTemplate",
  "core.v1.Service",
  "core.v1.Endpoints",
  "core.v1.ConfigMap",
  "core.v1.Secret",
  "core.v1.PersistentVolume",
  "core.v1.PersistentVolumeClaim",
  "core.v1.ServiceAccount",
  "core.v1.Event",
  "core.v1.ResourceQuota",
  "core.v1.LimitRange",
  "apps.v1.ReplicaSet",
  "apps.v1.Deployment",
  "apps.v1.StatefulSet",
  "apps.v1.DaemonSet",
  "apps.v1.ControllerRevision",
  "batch.v1.Job",
  "batch.v1.CronJob",
  "discovery.v1.EndpointSlice",
  "networking.v1.Ingress",
  "networking.v1.IngressClass",
  "networking.v1.NetworkPolicy",
  "autoscaling.v2.HorizontalPodAutoscaler",
  "rbac.v1.Role",
  "rbac.v1.ClusterRole",
  "rbac.v1.RoleBinding",
  "rbac.v1.ClusterRoleBinding",
  "storage.v1.StorageClass",
  "policy.v1.PodDisruptionBudget",
  "scheduling.v1.PriorityClass",
  "meta.v1.Status",
];

// d.ts types say only `number`; these fields are int64 in the Go types (the rest are int32).
const INT64_FIELDS = new Set([
  "meta.v1.ObjectMeta.generation",
  "meta.v1.ObjectMeta.deletionGracePeriodSeconds",
  "meta.v1.Condition.observedGeneration",
  "core.v1.PodSpec.activeDeadlineSeconds",
  "core.v1.PodSpec.terminationGracePeriodSeconds",
  "core.v1.Probe.terminationGracePeriodSeconds",
  "core.v1.SecurityContext.runAsUser",
  "core.v1.SecurityContext.runAsGroup",
  "core.v1.PodSecurityContext.runAsUser",
  "core.v1.PodSecurityContext.runAsGroup",
  "core.v1.PodSecurityContext.fsGroup",
  "core.v1.PodSecurityContext.supplementalGroups",
  "core.v1.Toleration.tolerationSeconds",
  "core.v1.ServiceAccountTokenProjection.expirationSeconds",
  "core.v1.SleepAction.seconds",
  "core.v1.PodStatus.observedGeneration",
  "core.v1.ResourceFieldSelector.divisor",
  "apps.v1.ControllerRevision.revision",
  "apps.v1.DeploymentStatus.observedGeneration",
  "apps.v1.ReplicaSetStatus.observedGeneration",
  "apps.v1.StatefulSetStatus.observedGeneration",
  "apps.v1.DaemonSetStatus.observedGeneration",
  "batch.v1.JobSpec.activeDeadlineSeconds",
  "batch.v1.CronJobSpec.startingDeadlineSeconds",
  "autoscaling.v2.HorizontalPodAutoscalerStatus.observedGeneration",
  "policy.v1.PodDisruptionBudgetStatus.observedGeneration",
]);

// d.ts `number` fields that are float64 in Go.
const FLOAT_FIELDS = new Set<string>([]);

// Fields new in Kubernetes 1.31–1.32 that learners may type by hand; kubernetes-types 1.30 lacks them.
// Kept deliberately small; descriptions follow the upstream Go doc comments.
const ADDED_FIELDS: Record<string, Array<[string, string, 0 | 1, string]>> = {
  // 1.31 (alpha, ImageVolume gate): mount an OCI image as a read-only volume.
  "core.v1.VolumeSource": [
    [
      "image",
      "#core.v1.ImageVolumeSource",
      0,
      "image represents an OCI object (a container image or artifact) pulled and mounted on the kubelet's host machine. The volume is resolved at pod startup depending on which PullPolicy value is provided:\n\n- Always: the kubelet always attempts to pull the reference. Container creation will fail If the pull fails. - Never: the kubelet never pulls the reference and only uses a local image or artifact. Container creation will fail if the reference isn't present. - IfNotPresent: the kubelet pulls if the reference isn't already present on disk. Container creation will fail if the reference isn't present and the pull fails.\n\nThe volume gets re-resolved if the pod gets deleted and recreated, which means that new remote content will become available on pod recreation. A failure to resolve or pull the image during pod startup will block containers from starting and may add significant latency. Failures will be retried using normal volume backoff and will be reported on the pod reason and message. The types of objects that may be mounted by this volume are defined by the container runtime implementation on a host machine and at minimum must include all valid types supported by the container image field. The OCI object gets mounted in a single directory (spec.containers[*].volumeMounts.mountPath) by merging the manifest layers in the same way as for container images. The volume will be mounted read-only (ro) and non-executable files (noexec). Sub path mounts for containers are not supported (spec.containers[*].volumeMounts.subpath). The field spec.securityContext.fsGroupChangePolicy has no effect on this volume type.",
    ],
  ],
  // 1.31 (alpha, SupplementalGroupsPolicy gate).
  "core.v1.PodSecurityContext": [
    [
      "supplementalGroupsPolicy",
      "string",
      0,
      'Defines how supplemental groups of the first container processes are calculated. Valid values are "Merge" and "Strict". If not specified, "Merge" is used. (Alpha) Using the field requires the SupplementalGroupsPolicy feature gate to be enabled and the container runtime must implement support for this feature. Note that this field cannot be set when spec.os.name is windows.',
    ],
  ],
  // 1.32 (alpha, PodLevelResources gate).
  "core.v1.PodSpec": [
    [
      "resources",
      "#core.v1.ResourceRequirements",
      0,
      'Resources is the total amount of CPU and Memory resources required by all containers in the pod. It supports specifying Requests and Limits for "cpu" and "memory" resource names only. ResourceClaims are not supported.\n\nThis field enables fine-grained control over resource allocation for the entire pod, allowing resource sharing among containers in a pod.\n\nThis is an alpha field and requires enabling the PodLevelResources feature gate.',
    ],
  ],
};
const ADDED_DEFINITIONS: Record<string, { description: string; fields: Array<[string, string, 0 | 1, string]> }> = {
  "core.v1.ImageVolumeSource": {
    description: "ImageVolumeSource represents a image volume resource.",
    fields: [
      [
        "pullPolicy",
        "string",
        0,
        "Policy for pulling OCI objects. Possible values are: Always: the kubelet always attempts to pull the reference. Container creation will fail If the pull fails. Never: the kubelet never pulls the reference and only uses a local image or artifact. Container creation will fail if the reference isn't present. IfNotPresent: the kubelet pulls if the reference isn't already present on disk. Container creation will fail if the reference isn't present and the pull fails. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise.",
      ],
      [
        "reference",
        "string",
        0,
        "Required: Image or artifact reference to be used. Behaves in the same way as pod.spec.containers[*].image. Pull secrets will be assembled in the same way as for the container image by looking up node credentials, SA image pull secrets, and pod spec image pull secrets. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets.",
      ],
    ],
  },
};

// Enum fields (`+enum` string types). kubernetes-types drops the OpenAPI "enum" lists and the
// "Possible enum values" paragraph the API server appends to these descriptions, so they are restored
// here from the Go constants' doc comments, for the fields learners explain most.
type EnumValues = Array<[value: string, doc: string]>;
const RESTART_POLICY: EnumValues = [["Always", ""], ["Never", ""], ["OnFailure", ""]];
const PULL_POLICY: EnumValues = [
  ["Always", "means that kubelet always attempts to pull the latest image. Container will fail If the pull fails."],
  ["IfNotPresent", "means that kubelet pulls if the image isn't present on disk. Container will fail if the image isn't present and the pull fails."],
  ["Never", "means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn't present"],
];
const TERMINATION_MESSAGE_POLICY: EnumValues = [
  ["FallbackToLogsOnError", "will read the most recent contents of the container logs for the container status message when the container exits with an error and the terminationMessagePath has no contents."],
  ["File", "is the default behavior and will set the container status message to the contents of the container's terminationMessagePath when the container exits."],
];
const PROTOCOL: EnumValues = [
  ["SCTP", "is the SCTP protocol."],
  ["TCP", "is the TCP protocol."],
  ["UDP", "is the UDP protocol."],
];
const URI_SCHEME: EnumValues = [
  ["HTTP", "means that the scheme used will be http://"],
  ["HTTPS", "means that the scheme used will be https://"],
];
const VOLUME_MODE: EnumValues = [
  ["Block", "means the volume will not be formatted with a filesystem and will remain a raw block device."],
  ["Filesystem", "means the volume will be or is formatted with a filesystem."],
];
const TAINT_EFFECT: EnumValues = [
  ["NoExecute", "Evict any already-running pods that do not tolerate the taint. Currently enforced by NodeController."],
  ["NoSchedule", "Do not allow new pods to schedule onto the node unless they tolerate the taint, but allow all pods submitted to Kubelet without going through the scheduler to start, and allow all already-running pods to continue running. Enforced by the scheduler."],
  ["PreferNoSchedule", "Like TaintEffectNoSchedule, but the scheduler tries not to schedule new pods onto the node, rather than prohibiting new pods from scheduling onto the node entirely. Enforced by the scheduler."],
];
const ENUMS: Record<string, EnumValues> = {
  "core.v1.PodSpec.restartPolicy": RESTART_POLICY,
  "core.v1.PodSpec.dnsPolicy": [
    ["ClusterFirst", "indicates that the pod should use cluster DNS first unless hostNetwork is true, if it is available, then fall back on the default (as determined by kubelet) DNS settings."],
    ["ClusterFirstWithHostNet", "indicates that the pod should use cluster DNS first, if it is available, then fall back on the default (as determined by kubelet) DNS settings."],
    ["Default", "indicates that the pod should use the default (as determined by kubelet) DNS settings."],
    ["None", "indicates that the pod should use empty DNS settings. DNS parameters such as nameservers and search paths should be defined via DNSConfig."],
  ],
  "core.v1.Container.imagePullPolicy": PULL_POLICY,
  "core.v1.EphemeralContainer.imagePullPolicy": PULL_POLICY,
  "core.v1.Container.terminationMessagePolicy": TERMINATION_MESSAGE_POLICY,
  "core.v1.EphemeralContainer.terminationMessagePolicy": TERMINATION_MESSAGE_POLICY,
  "core.v1.ContainerPort.protocol": PROTOCOL,
  "core.v1.ServicePort.protocol": PROTOCOL,
  "core.v1.EndpointPort.protocol": PROTOCOL,
  "core.v1.HTTPGetAction.scheme": URI_SCHEME,
  "core.v1.ServiceSpec.type": [
    ["ClusterIP", "means a service will only be accessible inside the cluster, via the cluster IP."],
    ["ExternalName", "means a service consists of only a reference to an external name that kubedns or equivalent will return as a CNAME record, with no exposing or proxying of any pods involved."],
    ["LoadBalancer", "means a service will be exposed via an external load balancer (if the cloud provider supports it), in addition to 'NodePort' type."],
    ["NodePort", "means a service will be exposed on one port of every node, in addition to 'ClusterIP' type."],
  ],
  "core.v1.ServiceSpec.sessionAffinity": [
    ["ClientIP", "is the Client IP based."],
    ["None", "- no session affinity."],
  ],
  "core.v1.PersistentVolumeClaimSpec.volumeMode": VOLUME_MODE,
  "core.v1.PersistentVolumeSpec.volumeMode": VOLUME_MODE,
  "core.v1.PersistentVolumeSpec.persistentVolumeReclaimPolicy": [
    ["Delete", "means the volume will be deleted from Kubernetes on release from its claim. The volume plugin must support Deletion."],
    ["Recycle", "means the volume will be recycled back into the pool of unbound persistent volumes on release from its claim. The volume plugin must support Recycling."],
    ["Retain", "means the volume will be left in its current phase (Released) for manual reclamation by the administrator. The default policy is Retain."],
  ],
  "core.v1.Toleration.operator": [["Equal", ""], ["Exists", ""]],
  "core.v1.Toleration.effect": TAINT_EFFECT,
  "core.v1.Taint.effect": TAINT_EFFECT,
  "apps.v1.DeploymentStrategy.type": [
    ["Recreate", "Kill all existing pods before creating new ones."],
    ["RollingUpdate", "Replace the old ReplicaSets by new one using rolling update i.e gradually scale down the old ReplicaSets and scale up the new one."],
  ],
  "apps.v1.DaemonSetUpdateStrategy.type": [
    ["OnDelete", "Replace the old daemons only when it's killed"],
    ["RollingUpdate", "Replace the old daemons by new ones using rolling update i.e replace them on each node one after the other."],
  ],
  "apps.v1.StatefulSetSpec.podManagementPolicy": [
    ["OrderedReady", "will create pods in strictly increasing order on scale up and strictly decreasing order on scale down, progressing only when the previous pod is ready or terminated. At most one pod will be changed at any time."],
    ["Parallel", "will create and delete pods as soon as the stateful set replica count is changed, and will not wait for pods to be ready or complete termination."],
  ],
  "batch.v1.CronJobSpec.concurrencyPolicy": [
    ["Allow", "allows CronJobs to run concurrently."],
    ["Forbid", "forbids concurrent runs, skipping next run if previous hasn't finished yet."],
    ["Replace", "cancels currently running job and replaces it with a new one."],
  ],
};

function withEnum(fieldKey: string, description: string): { description: string; values?: string[] } {
  const values = ENUMS[fieldKey];
  if (!values) return { description };
  const lines = values.map(([value, doc]) => ` - \`"${value}"\`${doc ? ` ${doc}` : ""}`);
  return { description: `${description}\n\nPossible enum values:\n${lines.join("\n")}`, values: values.map(([v]) => v) };
}

type Field = [name: string, type: string, required: 0 | 1, description: string, enumValues?: string[]];
type Definition = { description: string; fields: Field[] };

function groupOf(file: string): string {
  if (file === "runtime") return "runtime";
  if (file === "api/resource") return "resource";
  return file.split("/")[0];
}

function packageVersion(file: string): string {
  return file.includes("/") ? file.split("/")[1] : file;
}

/** The JSDoc text of a node, with the comment markers removed and line structure preserved. */
function docOf(node: ts.Node, source: ts.SourceFile): string {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  const doc = ranges.filter((r) => source.text.slice(r.pos, r.pos + 3) === "/**").pop();
  if (!doc) return "";
  const raw = source.text.slice(doc.pos + 3, doc.end - 2);
  const lines = raw.split("\n").map((line) => line.replace(/^\s*\* ?/, ""));
  if (lines.length === 1) return lines[0].trim();
  // Multi-line comments start with an empty line after "/**" and end with one before "*/".
  while (lines.length && lines[0].trim() === "") lines.shift();
  while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();
  return lines.join("\n");
}

type FileInfo = { file: string; source: ts.SourceFile; imports: Map<string, string> };

const files = new Map<string, FileInfo>();
for (const file of FILES) {
  const fullPath = path.join(TYPES_DIR, `${file}.d.ts`);
  const source = ts.createSourceFile(fullPath, readFileSync(fullPath, "utf8"), ts.ScriptTarget.ES2022, true);
  const imports = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const spec = (statement.moduleSpecifier as ts.StringLiteral).text;
    const target = path.relative(TYPES_DIR, path.resolve(path.dirname(fullPath), spec));
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) imports.set(element.name.text, target);
    }
  }
  files.set(file, { file, source, imports });
}

/** Resolves a type name used in `file` to a definition key "group.version.Name". */
function keyOf(name: string, info: FileInfo): string {
  const target = info.imports.get(name) ?? info.file;
  return `${groupOf(target)}.${packageVersion(target)}.${name}`;
}

const declarations = new Map<string, { node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration; info: FileInfo }>();
for (const info of files.values()) {
  for (const statement of info.source.statements) {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      declarations.set(keyOf(statement.name.text, info), { node: statement, info });
    }
  }
}

// Scalar aliases: these are strings on the wire with their own decoding rules.
const SCALAR_ALIASES: Record<string, string> = {
  "resource.resource.Quantity": "Quantity",
  "meta.v1.Time": "Time",
  "meta.v1.MicroTime": "MicroTime",
  "runtime.runtime.RawExtension": "object",
  "meta.v1.FieldsV1": "object",
};

const pending: string[] = [];

function typeOf(node: ts.TypeNode, info: FileInfo, fieldKey: string): string {
  if (ts.isParenthesizedTypeNode(node)) return typeOf(node.type, info, fieldKey);
  if (ts.isArrayTypeNode(node)) return `[]${typeOf(node.elementType, info, fieldKey)}`;
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText(info.source);
    if (name === "Array" && node.typeArguments?.length === 1) {
      return `[]${typeOf(node.typeArguments[0], info, fieldKey)}`;
    }
    const key = keyOf(name, info);
    if (SCALAR_ALIASES[key]) return SCALAR_ALIASES[key];
    pending.push(key);
    return `#${key}`;
  }
  if (ts.isTypeLiteralNode(node)) {
    const index = node.members.find(ts.isIndexSignatureDeclaration);
    if (index?.type) return `map[string]${typeOf(index.type, info, fieldKey)}`;
    return "object";
  }
  if (ts.isUnionTypeNode(node)) {
    const kinds = node.types.map((t) => t.kind);
    if (kinds.includes(ts.SyntaxKind.NumberKeyword) && kinds.includes(ts.SyntaxKind.StringKeyword)) return "IntOrString";
    return typeOf(node.types[0], info, fieldKey);
  }
  if (ts.isLiteralTypeNode(node)) return "string";
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return "string";
    case ts.SyntaxKind.BooleanKeyword:
      return "boolean";
    case ts.SyntaxKind.NumberKeyword:
      if (INT64_FIELDS.has(fieldKey)) return "int64";
      if (FLOAT_FIELDS.has(fieldKey)) return "number";
      return "int32";
    default:
      return "object";
  }
}

const definitions = new Map<string, Definition>();

function emitDefinition(key: string): void {
  if (definitions.has(key)) return;
  const added = ADDED_DEFINITIONS[key];
  if (added) {
    definitions.set(key, { description: added.description, fields: added.fields });
    for (const field of added.fields) if (field[1].includes("#")) pending.push(field[1].slice(field[1].indexOf("#") + 1));
    return;
  }
  const declaration = declarations.get(key);
  if (!declaration) throw new Error(`definition ${key} not found`);
  const { node, info } = declaration;
  const definition: Definition = { description: docOf(node, info.source), fields: [] };
  definitions.set(key, definition);
  if (ts.isTypeAliasDeclaration(node)) return;
  for (const member of node.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const name = member.name.getText(info.source);
    const type = typeOf(member.type, info, `${key}.${name}`);
    const doc = withEnum(`${key}.${name}`, docOf(member, info.source));
    const field: Field = [name, type, member.questionToken ? 0 : 1, doc.description];
    if (doc.values) field.push(doc.values);
    definition.fields.push(field);
  }
  for (const field of ADDED_FIELDS[key] ?? []) {
    definition.fields.push(field);
    if (field[1].includes("#")) pending.push(field[1].slice(field[1].indexOf("#") + 1));
  }
  definition.fields.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

pending.push(...ROOTS);
while (pending.length) emitDefinition(pending.pop() as string);

const sorted = [...definitions.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
const body = sorted
  .map(([key, def]) => `  ${JSON.stringify(key)}: ${JSON.stringify({ d: def.description, f: def.fields })},`)
  .join("\n");

writeFileSync(
  OUT,
  `// Generated by scripts/gen-k8s-schema.ts from kubernetes-types ${
    JSON.parse(readFileSync(path.join(TYPES_DIR, "package.json"), "utf8")).version
  } (the Kubernetes OpenAPI definitions). Do not edit.
// Each definition: d = description, f = fields as [name, type, required (1) or not (0), description, enum?].
// Types: string, boolean, int32, int64, number, IntOrString, Quantity, Time, MicroTime, object (free-form),
// "[]T" arrays, "map[string]T" maps and "#group.version.Name" references.
import type { GeneratedDefinitions } from "./schema-types";

export const DEFINITIONS: GeneratedDefinitions = {
${body}
};
`,
);
console.log(`wrote ${definitions.size} definitions to ${path.relative(ROOT, OUT)}`);

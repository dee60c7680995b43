// The kubectl command tree: each command's flags (as kubectl v1.32 declares them) and its handler.
import type { FlagSpec, ParsedArgs } from "../cli/flags";
import type { CommandContext } from "../session";
import { runGet } from "./get";
import { runManifestWrite } from "./apply";
import { runDelete } from "./delete";
import { runLogs } from "./logs";
import { runExec } from "./exec";
import { runCordon, runLabelLike, runScale, runTaint } from "./edit-objects";
import { runEdit, runEvents, runExplain, runWait } from "./info";
import { runPatch } from "./patch";
import { runSetEnv, runSetImage, runSetResources } from "./set";
import { runSetSelector } from "./set-selector";
import {
  runCreateConfigMap,
  runCreateCronJob,
  runCreateDeployment,
  runCreateIngress,
  runCreateJob,
  runCreateNamespace,
  runCreateSecret,
  runCreateService,
  runCreateServiceAccount,
  runCreatePdb,
  runCreatePriorityClass,
  runCreateQuota,
  runCreateRole,
  runCreateRoleBinding,
  runDescribe,
  runExpose,
  runRun,
} from "./generate";
import { runPortForward } from "./port-forward";
import { runTopNode, runTopPod } from "./top";
import { runRolloutHistory, runRolloutPause, runRolloutRestart, runRolloutStatus, runRolloutUndo } from "./rollout";
import {
  runApiResources,
  runApiVersions,
  runClusterInfo,
  runConfigCurrentContext,
  runConfigGetContexts,
  runConfigSetContext,
  runConfigUseContext,
  runConfigView,
  runVersion,
} from "./misc";

export type CommandDef = {
  name: string;
  aliases?: string[];
  flags?: FlagSpec[];
  subcommands?: CommandDef[];
  /** false: flags after the first positional argument belong to it (kubectl exec/run keep cobra's default). */
  interspersed?: boolean;
  help?: string;
  /** Skips flag parsing (commands that only explain they are unavailable). */
  acceptsAnything?: boolean;
  run?(ctx: CommandContext, p: ParsedArgs): number;
};

export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: "namespace", short: "n", type: "string" },
  { name: "context", type: "string" },
  { name: "kubeconfig", type: "string" },
  { name: "cluster", type: "string" },
  { name: "user", type: "string" },
  { name: "server", short: "s", type: "string" },
  { name: "token", type: "string" },
  { name: "request-timeout", type: "string", default: "0" },
  { name: "v", short: "v", type: "int", default: 0 },
  { name: "insecure-skip-tls-verify", type: "bool" },
  { name: "match-server-version", type: "bool" },
  { name: "warnings-as-errors", type: "bool" },
  { name: "help", short: "h", type: "bool" },
];

const F = {
  output: { name: "output", short: "o", type: "string" } as FlagSpec,
  filename: { name: "filename", short: "f", type: "stringSlice" } as FlagSpec,
  recursive: { name: "recursive", short: "R", type: "bool" } as FlagSpec,
  selector: { name: "selector", short: "l", type: "string" } as FlagSpec,
  fieldSelector: { name: "field-selector", type: "string" } as FlagSpec,
  allNamespaces: { name: "all-namespaces", short: "A", type: "bool" } as FlagSpec,
  dryRun: { name: "dry-run", type: "string", default: "none", noOptDefault: "unchanged" } as FlagSpec,
  record: { name: "record", type: "bool", deprecated: "--record will be removed in the future" } as FlagSpec,
  noHeaders: { name: "no-headers", type: "bool" } as FlagSpec,
  showLabels: { name: "show-labels", type: "bool" } as FlagSpec,
  validate: { name: "validate", type: "string", default: "strict", noOptDefault: "strict" } as FlagSpec,
  fieldManager: { name: "field-manager", type: "string" } as FlagSpec,
  force: { name: "force", type: "bool" } as FlagSpec,
  gracePeriod: { name: "grace-period", type: "int", default: -1 } as FlagSpec,
  timeout: { name: "timeout", type: "duration", default: "0s" } as FlagSpec,
  wait: { name: "wait", type: "bool", default: true } as FlagSpec,
  container: { name: "container", short: "c", type: "string" } as FlagSpec,
};

/** Commands of the real kubectl that this simulated cluster does not offer: an honest message, exit 1. */
function unavailable(name: string, why = "the simulated cluster does not offer it"): CommandDef {
  return {
    name,
    acceptsAnything: true,
    run: (ctx) => {
      ctx.err(`error: "kubectl ${name}" is not available in kubedrill: ${why}\n`);
      return 1;
    },
  };
}

// metrics-server serves the simulated kubelets' usage (lib/sim/metrics).
const top: CommandDef = {
  name: "top",
  subcommands: [
    {
      name: "pod",
      aliases: ["pods", "po"],
      flags: [F.selector, F.fieldSelector, F.allNamespaces, F.noHeaders, { name: "containers", type: "bool" }, { name: "sort-by", type: "string" }, { name: "sum", type: "bool" }, { name: "use-protocol-buffers", type: "bool", default: true }],
      run: runTopPod,
    },
    {
      name: "node",
      aliases: ["nodes", "no"],
      flags: [F.selector, F.noHeaders, { name: "sort-by", type: "string" }, { name: "show-capacity", type: "bool" }, { name: "use-protocol-buffers", type: "bool", default: true }],
      run: runTopNode,
    },
  ],
};

export const COMMANDS: CommandDef[] = [
  { name: "create", flags: [F.filename, F.recursive, F.output, F.dryRun, F.record, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "edit", type: "bool" }, { name: "windows-line-endings", type: "bool" }, F.selector], run: (c, p) => runManifestWrite(c, p, "create"),
    subcommands: [
      { name: "deployment", aliases: ["deploy"], flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, { name: "image", type: "stringSlice" }, { name: "replicas", short: "r", type: "int", default: 1 }, { name: "port", type: "int", default: -1 }], run: runCreateDeployment },
      {
        name: "service",
        aliases: ["svc"],
        subcommands: [
          { name: "clusterip", flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, { name: "tcp", type: "stringSlice" }, { name: "clusterip", type: "string" }], run: runCreateService("clusterip") },
          { name: "nodeport", flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, { name: "tcp", type: "stringSlice" }, { name: "node-port", type: "int", default: 0 }], run: runCreateService("nodeport") },
          { name: "loadbalancer", flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, { name: "tcp", type: "stringSlice" }], run: runCreateService("loadbalancer") },
          { name: "externalname", flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, { name: "tcp", type: "stringSlice" }, { name: "external-name", type: "string" }], run: runCreateService("externalname") },
        ],
      },
      { name: "configmap", aliases: ["cm"], flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, { name: "from-literal", type: "stringArray" }, { name: "from-file", type: "stringSlice" }, { name: "from-env-file", type: "stringSlice" }, { name: "append-hash", type: "bool" }], run: runCreateConfigMap },
      {
        name: "secret",
        subcommands: [
          { name: "generic", flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, { name: "from-literal", type: "stringArray" }, { name: "from-file", type: "stringSlice" }, { name: "from-env-file", type: "stringSlice" }, { name: "type", type: "string" }, { name: "append-hash", type: "bool" }], run: runCreateSecret("generic") },
          { name: "docker-registry", flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, { name: "docker-server", type: "string", default: "https://index.docker.io/v1/" }, { name: "docker-username", type: "string" }, { name: "docker-password", type: "string" }, { name: "docker-email", type: "string" }, { name: "from-file", type: "stringSlice" }, { name: "append-hash", type: "bool" }], run: runCreateSecret("docker-registry") },
          { name: "tls", flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, { name: "cert", type: "string" }, { name: "key", type: "string" }, { name: "append-hash", type: "bool" }], run: runCreateSecret("tls") },
        ],
      },
      { name: "job", flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, { name: "image", type: "string" }, { name: "from", type: "string" }], run: runCreateJob },
      { name: "cronjob", aliases: ["cj"], flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, { name: "image", type: "string" }, { name: "schedule", type: "string" }, { name: "restart", type: "string" }], run: runCreateCronJob },
      { name: "role", flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, { name: "verb", type: "stringSlice" }, { name: "resource", type: "stringSlice" }, { name: "resource-name", type: "stringArray" }], run: runCreateRole("role") },
      { name: "clusterrole", flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, { name: "verb", type: "stringSlice" }, { name: "resource", type: "stringSlice" }, { name: "resource-name", type: "stringArray" }, { name: "non-resource-url", type: "stringSlice" }, { name: "aggregation-rule", type: "string" }], run: runCreateRole("clusterrole") },
      { name: "rolebinding", flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, { name: "role", type: "string" }, { name: "clusterrole", type: "string" }, { name: "user", type: "stringArray" }, { name: "group", type: "stringArray" }, { name: "serviceaccount", type: "stringArray" }], run: runCreateRoleBinding("rolebinding") },
      { name: "clusterrolebinding", flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, { name: "clusterrole", type: "string" }, { name: "user", type: "stringArray" }, { name: "group", type: "stringArray" }, { name: "serviceaccount", type: "stringArray" }], run: runCreateRoleBinding("clusterrolebinding") },
      { name: "quota", aliases: ["resourcequota"], flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, { name: "hard", type: "string" }, { name: "scopes", type: "string" }], run: runCreateQuota },
      { name: "priorityclass", aliases: ["pc"], flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, { name: "value", type: "int", default: 0 }, { name: "global-default", type: "bool" }, { name: "description", type: "string" }, { name: "preemption-policy", type: "string", default: "PreemptLowerPriority" }], run: runCreatePriorityClass },
      { name: "poddisruptionbudget", aliases: ["pdb"], flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, { name: "selector", type: "string" }, { name: "min-available", type: "string" }, { name: "max-unavailable", type: "string" }], run: runCreatePdb },
      { name: "namespace", aliases: ["ns"], flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }], run: runCreateNamespace },
      { name: "serviceaccount", aliases: ["sa"], flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }], run: runCreateServiceAccount },
      { name: "ingress", aliases: ["ing"], flags: [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, { name: "rule", type: "stringArray" }, { name: "class", type: "string" }, { name: "default-backend", type: "string" }, { name: "annotation", type: "stringArray" }], run: runCreateIngress },
    ],
  },
  {
    name: "expose",
    flags: [F.filename, F.recursive, F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true }, F.record, { name: "port", type: "string" }, { name: "target-port", type: "string" }, { name: "protocol", type: "string" }, { name: "type", type: "string" }, { name: "name", type: "string" }, { name: "selector", short: "l", type: "string" }, { name: "labels", type: "string" }, { name: "external-ip", type: "string" }, { name: "load-balancer-ip", type: "string" }, { name: "session-affinity", type: "string" }, { name: "cluster-ip", type: "string" }, { name: "override-type", type: "string", default: "merge" }],
    run: runExpose,
  },
  {
    name: "run",
    interspersed: true,
    flags: [
      F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "template", type: "string" }, { name: "show-managed-fields", type: "bool" }, { name: "allow-missing-template-keys", type: "bool", default: true },
      F.record,
      { name: "image", type: "string" },
      { name: "port", type: "string" },
      { name: "labels", short: "l", type: "string" },
      { name: "annotations", type: "stringArray" },
      { name: "env", type: "stringArray" },
      { name: "restart", type: "string" },
      { name: "image-pull-policy", type: "string" },
      { name: "command", type: "bool" },
      { name: "privileged", type: "bool" },
      { name: "stdin", short: "i", type: "bool" },
      { name: "tty", short: "t", type: "bool" },
      { name: "attach", type: "bool" },
      { name: "rm", type: "bool" },
      { name: "expose", type: "bool" },
      { name: "quiet", short: "q", type: "bool" },
      { name: "overrides", type: "string" },
      { name: "override-type", type: "string", default: "merge" },
      { name: "pod-running-timeout", type: "string", default: "1m0s" },
      { name: "leave-stdin-open", type: "bool" },
      F.force,
      F.gracePeriod,
      F.timeout,
      F.wait,
      F.filename,
      F.recursive,
    ],
    run: runRun,
  },
  {
    name: "set",
    subcommands: [
      { name: "image", flags: [F.filename, F.recursive, F.selector, F.output, F.dryRun, F.record, F.fieldManager, { name: "all", type: "bool" }, { name: "local", type: "bool" }], run: runSetImage },
      { name: "env", flags: [F.filename, F.recursive, F.selector, F.output, F.dryRun, F.fieldManager, { name: "all", type: "bool" }, { name: "local", type: "bool" }, { name: "containers", short: "c", type: "string", default: "*" }, { name: "from", type: "string" }, { name: "prefix", type: "string" }, { name: "list", type: "bool" }, { name: "keys", type: "stringSlice" }, { name: "env", short: "e", type: "stringArray" }, { name: "overwrite", type: "bool", default: true }, { name: "resolve", type: "bool" }], run: runSetEnv },
      { name: "resources", flags: [F.filename, F.recursive, F.selector, F.output, F.dryRun, F.record, F.fieldManager, { name: "all", type: "bool" }, { name: "local", type: "bool" }, { name: "containers", short: "c", type: "string", default: "*" }, { name: "limits", type: "string" }, { name: "requests", type: "string" }], run: runSetResources },
      { name: "selector", flags: [F.filename, F.recursive, F.output, F.dryRun, F.record, F.fieldManager, { name: "all", type: "bool" }, { name: "local", type: "bool" }, { name: "resource-version", type: "string" }, { name: "show-managed-fields", type: "bool" }], run: runSetSelector },
    ],
  },
  { name: "explain", flags: [F.recursive, { name: "api-version", type: "string" }, F.output], run: runExplain },
  {
    name: "get",
    flags: [
      F.output,
      F.filename,
      F.recursive,
      F.selector,
      F.fieldSelector,
      F.allNamespaces,
      F.noHeaders,
      F.showLabels,
      { name: "label-columns", short: "L", type: "stringSlice" },
      { name: "sort-by", type: "string" },
      { name: "watch", short: "w", type: "bool" },
      { name: "watch-only", type: "bool" },
      { name: "output-watch-events", type: "bool" },
      { name: "show-kind", type: "bool" },
      { name: "chunk-size", type: "int", default: 500 },
      { name: "ignore-not-found", type: "bool" },
      { name: "raw", type: "string" },
      { name: "subresource", type: "string" },
      { name: "show-managed-fields", type: "bool" },
      { name: "allow-missing-template-keys", type: "bool", default: true },
      { name: "template", type: "string" },
    ],
    run: runGet,
  },
  { name: "edit", flags: [F.filename, F.output, F.recursive, { name: "windows-line-endings", type: "bool" }, F.validate, F.fieldManager, { name: "subresource", type: "string" }, F.record, { name: "save-config", type: "bool" }], run: runEdit },
  {
    name: "delete",
    flags: [
      F.filename,
      F.recursive,
      F.selector,
      F.fieldSelector,
      F.allNamespaces,
      F.dryRun,
      F.force,
      F.gracePeriod,
      F.timeout,
      F.wait,
      F.output,
      { name: "all", type: "bool" },
      { name: "now", type: "bool" },
      { name: "cascade", type: "string", default: "background", noOptDefault: "background" },
      { name: "ignore-not-found", type: "bool" },
      { name: "interactive", short: "i", type: "bool" },
      { name: "raw", type: "string" },
    ],
    run: runDelete,
  },
  {
    name: "rollout",
    subcommands: [
      { name: "status", flags: [F.filename, F.recursive, F.selector, F.timeout, { name: "watch", short: "w", type: "bool", default: true }, { name: "revision", type: "int", default: 0 }], run: runRolloutStatus },
      { name: "history", flags: [F.filename, F.recursive, F.selector, F.output, { name: "revision", type: "int", default: 0 }], run: runRolloutHistory },
      { name: "undo", flags: [F.filename, F.recursive, F.selector, F.output, F.dryRun, { name: "to-revision", type: "int", default: 0 }], run: runRolloutUndo },
      { name: "pause", flags: [F.filename, F.recursive, F.selector, F.output, F.fieldManager], run: (c, p) => runRolloutPause(c, p, true) },
      { name: "resume", flags: [F.filename, F.recursive, F.selector, F.output, F.fieldManager], run: (c, p) => runRolloutPause(c, p, false) },
      { name: "restart", flags: [F.filename, F.recursive, F.selector, F.output, F.fieldManager], run: runRolloutRestart },
    ],
  },
  {
    name: "scale",
    flags: [F.filename, F.recursive, F.selector, F.output, F.dryRun, F.record, F.timeout, { name: "replicas", type: "int", default: -1 }, { name: "current-replicas", type: "int", default: -1 }, { name: "all", type: "bool" }, { name: "resource-version", type: "string" }],
    run: runScale,
  },
  unavailable("autoscale", "HorizontalPodAutoscalers are not simulated yet"),
  unavailable("certificate", "there is no certificate signing in the simulated cluster"),
  { name: "cluster-info", run: runClusterInfo },
  top,
  { name: "cordon", flags: [F.selector, F.dryRun], run: (c, p) => runCordon(c, p, true) },
  { name: "uncordon", flags: [F.selector, F.dryRun], run: (c, p) => runCordon(c, p, false) },
  unavailable("drain", "use kubectl cordon and delete the node's pods instead"),
  { name: "taint", flags: [F.selector, F.output, F.dryRun, { name: "all", type: "bool" }, { name: "overwrite", type: "bool" }, F.validate, F.fieldManager], run: runTaint },
  { name: "describe", flags: [F.filename, F.recursive, F.selector, F.allNamespaces, { name: "show-events", type: "bool", default: true }, { name: "chunk-size", type: "int", default: 500 }], run: runDescribe },
  {
    name: "logs",
    flags: [
      F.container,
      F.selector,
      { name: "follow", short: "f", type: "bool" },
      { name: "previous", short: "p", type: "bool" },
      { name: "tail", type: "int", default: -1 },
      { name: "since", type: "string" },
      { name: "since-time", type: "string" },
      { name: "timestamps", type: "bool" },
      { name: "all-containers", type: "bool" },
      { name: "prefix", type: "bool" },
      { name: "limit-bytes", type: "int", default: 0 },
      { name: "max-log-requests", type: "int", default: 5 },
      { name: "pod-running-timeout", type: "string", default: "20s" },
      { name: "ignore-errors", type: "bool" },
      { name: "insecure-skip-tls-verify-backend", type: "bool" },
    ],
    run: runLogs,
  },
  unavailable("attach", "the terminal cannot attach to a running container; use kubectl logs -f or kubectl exec"),
  {
    name: "exec",
    flags: [
      F.container,
      F.filename,
      { name: "stdin", short: "i", type: "bool" },
      { name: "tty", short: "t", type: "bool" },
      { name: "quiet", short: "q", type: "bool" },
      { name: "pod-running-timeout", type: "string", default: "1m0s" },
    ],
    run: runExec,
  },
  { name: "port-forward", flags: [{ name: "address", type: "stringSlice", default: ["localhost"] }, { name: "pod-running-timeout", type: "string", default: "1m0s" }], run: runPortForward },
  unavailable("proxy", "there is no local API proxy"),
  unavailable("cp", "copying files needs tar in a real container; use kubectl exec with cat or echo instead"),
  unavailable("auth", "RBAC is not simulated yet"),
  unavailable("debug", "ephemeral debug containers are not simulated yet"),
  { name: "events", flags: [F.allNamespaces, F.output, F.noHeaders, { name: "for", type: "string" }, { name: "types", type: "stringSlice" }, { name: "watch", short: "w", type: "bool" }, { name: "chunk-size", type: "int", default: 500 }], run: runEvents },
  unavailable("diff", "use kubectl apply --dry-run=server -o yaml to preview a change"),
  {
    name: "apply",
    flags: [
      F.filename,
      F.recursive,
      F.output,
      F.dryRun,
      F.record,
      F.validate,
      F.fieldManager,
      F.selector,
      F.force,
      F.gracePeriod,
      F.timeout,
      F.wait,
      { name: "server-side", type: "bool" },
      { name: "force-conflicts", type: "bool" },
      { name: "prune", type: "bool" },
      { name: "overwrite", type: "bool", default: true },
      { name: "all", type: "bool" },
      { name: "kustomize", short: "k", type: "string" },
    ],
    run: (c, p) => runManifestWrite(c, p, "apply"),
    subcommands: [],
  },
  {
    name: "patch",
    flags: [F.filename, F.recursive, F.output, F.dryRun, F.record, F.fieldManager, { name: "patch", short: "p", type: "string" }, { name: "patch-file", type: "string" }, { name: "type", type: "string", default: "strategic" }, { name: "local", type: "bool" }, { name: "subresource", type: "string" }],
    run: runPatch,
  },
  {
    name: "replace",
    flags: [F.filename, F.recursive, F.output, F.dryRun, F.force, F.gracePeriod, F.timeout, F.wait, F.validate, F.fieldManager, { name: "cascade", type: "string", default: "background" }, { name: "save-config", type: "bool" }],
    run: (c, p) => runManifestWrite(c, p, "replace"),
  },
  { name: "wait", flags: [F.filename, F.recursive, F.selector, F.fieldSelector, F.allNamespaces, F.output, { name: "for", type: "string" }, { name: "timeout", type: "duration", default: "30s" }, { name: "all", type: "bool" }, { name: "local", type: "bool" }], run: runWait },
  unavailable("kustomize", "kustomize is not bundled"),
  { name: "label", flags: [F.filename, F.recursive, F.selector, F.allNamespaces, F.output, F.dryRun, { name: "all", type: "bool" }, { name: "overwrite", type: "bool" }, { name: "list", type: "bool" }, { name: "local", type: "bool" }, { name: "resource-version", type: "string" }, F.fieldSelector, F.fieldManager], run: (c, p) => runLabelLike(c, p, "label") },
  { name: "annotate", flags: [F.filename, F.recursive, F.selector, F.allNamespaces, F.output, F.dryRun, { name: "all", type: "bool" }, { name: "overwrite", type: "bool" }, { name: "list", type: "bool" }, { name: "local", type: "bool" }, { name: "resource-version", type: "string" }, F.fieldSelector, F.fieldManager], run: (c, p) => runLabelLike(c, p, "annotation") },
  unavailable("completion", "the web terminal completes commands itself"),
  { name: "api-resources", flags: [F.output, F.noHeaders, { name: "namespaced", type: "bool", default: true }, { name: "api-group", type: "string" }, { name: "verbs", type: "stringSlice" }, { name: "sort-by", type: "string" }, { name: "cached", type: "bool" }, { name: "categories", type: "stringSlice" }], run: runApiResources },
  { name: "api-versions", run: (c) => runApiVersions(c) },
  {
    name: "config",
    subcommands: [
      { name: "view", flags: [F.output, { name: "minify", type: "bool" }, { name: "raw", type: "bool" }, { name: "flatten", type: "bool" }], run: runConfigView },
      { name: "current-context", run: (c) => runConfigCurrentContext(c) },
      { name: "get-contexts", flags: [F.output, F.noHeaders], run: runConfigGetContexts },
      { name: "use-context", aliases: ["use"], run: runConfigUseContext },
      { name: "set-context", flags: [{ name: "current", type: "bool" }], run: runConfigSetContext },
    ],
  },
  unavailable("plugin", "plugins cannot be installed"),
  { name: "version", flags: [F.output, { name: "client", type: "bool" }, { name: "short", type: "bool" }], run: runVersion },
];

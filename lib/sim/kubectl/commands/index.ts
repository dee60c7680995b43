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

export const COMMANDS: CommandDef[] = [
  { name: "create", flags: [F.filename, F.recursive, F.output, F.dryRun, F.record, F.validate, F.fieldManager, { name: "save-config", type: "bool" }, { name: "edit", type: "bool" }, { name: "windows-line-endings", type: "bool" }, F.selector], run: (c, p) => runManifestWrite(c, p, "create"), subcommands: [] },
  { name: "expose" },
  { name: "run" },
  {
    name: "set",
    subcommands: [
      { name: "image", flags: [F.filename, F.recursive, F.selector, F.output, F.dryRun, F.record, F.fieldManager, { name: "all", type: "bool" }, { name: "local", type: "bool" }], run: runSetImage },
      { name: "env", flags: [F.filename, F.recursive, F.selector, F.output, F.dryRun, F.fieldManager, { name: "all", type: "bool" }, { name: "local", type: "bool" }, { name: "containers", short: "c", type: "string", default: "*" }, { name: "from", type: "string" }, { name: "prefix", type: "string" }, { name: "list", type: "bool" }, { name: "keys", type: "stringSlice" }, { name: "env", short: "e", type: "stringArray" }, { name: "overwrite", type: "bool", default: true }, { name: "resolve", type: "bool" }], run: runSetEnv },
      { name: "resources", flags: [F.filename, F.recursive, F.selector, F.output, F.dryRun, F.record, F.fieldManager, { name: "all", type: "bool" }, { name: "local", type: "bool" }, { name: "containers", short: "c", type: "string", default: "*" }, { name: "limits", type: "string" }, { name: "requests", type: "string" }], run: runSetResources },
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
  { name: "autoscale" },
  { name: "certificate" },
  { name: "cluster-info", run: runClusterInfo, subcommands: [] },
  { name: "top", subcommands: [] },
  { name: "cordon", flags: [F.selector, F.dryRun], run: (c, p) => runCordon(c, p, true) },
  { name: "uncordon", flags: [F.selector, F.dryRun], run: (c, p) => runCordon(c, p, false) },
  { name: "drain" },
  { name: "taint", flags: [F.selector, F.output, F.dryRun, { name: "all", type: "bool" }, { name: "overwrite", type: "bool" }, F.validate, F.fieldManager], run: runTaint },
  { name: "describe" },
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
  { name: "attach" },
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
  { name: "port-forward" },
  { name: "proxy" },
  { name: "cp" },
  { name: "auth", subcommands: [] },
  { name: "debug" },
  { name: "events", flags: [F.allNamespaces, F.output, F.noHeaders, { name: "for", type: "string" }, { name: "types", type: "stringSlice" }, { name: "watch", short: "w", type: "bool" }, { name: "chunk-size", type: "int", default: 500 }], run: runEvents },
  { name: "diff" },
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
  { name: "kustomize" },
  { name: "label", flags: [F.filename, F.recursive, F.selector, F.allNamespaces, F.output, F.dryRun, { name: "all", type: "bool" }, { name: "overwrite", type: "bool" }, { name: "list", type: "bool" }, { name: "local", type: "bool" }, { name: "resource-version", type: "string" }, F.fieldSelector, F.fieldManager], run: (c, p) => runLabelLike(c, p, "label") },
  { name: "annotate", flags: [F.filename, F.recursive, F.selector, F.allNamespaces, F.output, F.dryRun, { name: "all", type: "bool" }, { name: "overwrite", type: "bool" }, { name: "list", type: "bool" }, { name: "local", type: "bool" }, { name: "resource-version", type: "string" }, F.fieldSelector, F.fieldManager], run: (c, p) => runLabelLike(c, p, "annotation") },
  { name: "completion" },
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
  { name: "plugin" },
  { name: "version", flags: [F.output, { name: "client", type: "bool" }, { name: "short", type: "bool" }], run: runVersion },
];

// A kubectl session against simulated clusters: the kubeconfig's contexts (one Cluster each, as an
// exam's task clusters), the current namespace, port-forwards, and the dispatcher that turns one
// command line into kubectl's stdout, stderr and exit code.
import type { Cluster } from "../cluster";
import { parseFlags, splitCommandLine, type FlagSpec, type ParsedArgs } from "./cli/flags";
import { COMMANDS, GLOBAL_FLAGS, type CommandDef } from "./commands";
import { suggestCommands } from "./cli/suggest";
import { PARENT_HELP } from "./commands/help-texts";

export type KubectlResult = { stdout: string; stderr: string; exitCode: number };

/** Files a command may read (`-f`, `--from-file`): the script's folder in kubesim, uploads in the web UI. */
export type FileSource = {
  read(path: string): string | undefined;
  /** Entries of a directory (file paths), or undefined when `path` is not a directory. */
  list?(path: string): string[] | undefined;
};

export type ContextConfig = { cluster: Cluster; namespace?: string; clusterName?: string; user?: string };

export type PortForward = { context: string; namespace: string; pod: string; localPort: number; remotePort: number };

export type CommandContext = {
  session: KubectlSession;
  cluster: Cluster;
  /** Effective namespace: -n, else the context's, else "default". */
  namespace: string;
  /** Whether -n/--namespace was given. */
  explicitNamespace: boolean;
  out(text: string): void;
  err(text: string): void;
  stdin?: string;
  files: FileSource;
  commandPath: string;
  /** The command line as typed (kubectl's --record stores it as kubernetes.io/change-cause). */
  argv: string[];
  /** What --record stores: `kubectl set image deployment/web nginx=nginx:1.27 --record=true`. */
  changeCause: string;
};

export type Watcher = { id: number; onAdvance(): void };

const NO_FILES: FileSource = { read: () => undefined };

export class KubectlSession {
  readonly contexts = new Map<string, ContextConfig>();
  currentContext: string;
  files: FileSource;
  portForwards: PortForward[] = [];
  /** A `-w` watch keeps printing while virtual time advances, until the next command starts. */
  activeWatch: Watcher | undefined;
  private pendingWatchOutput = "";

  constructor(cluster: Cluster, opts: { namespace?: string; files?: FileSource; contextName?: string; contexts?: Record<string, ContextConfig> } = {}) {
    const name = opts.contextName ?? "kubernetes-admin@kubernetes";
    this.contexts.set(name, { cluster, namespace: opts.namespace, clusterName: "kubernetes", user: "kubernetes-admin" });
    for (const [k, v] of Object.entries(opts.contexts ?? {})) this.contexts.set(k, v);
    this.currentContext = name;
    this.files = opts.files ?? NO_FILES;
  }

  get context(): ContextConfig {
    return this.contexts.get(this.currentContext)!;
  }

  get cluster(): Cluster {
    return this.context.cluster;
  }

  get namespace(): string {
    return this.context.namespace ?? "default";
  }

  /** Output a running watch produced since the last call (kubesim prints it during `sleep`). */
  takeWatchOutput(): string {
    const s = this.pendingWatchOutput;
    this.pendingWatchOutput = "";
    return s;
  }

  emitWatch(text: string): void {
    this.pendingWatchOutput += text;
  }

  /** Advances virtual time on the current cluster, feeding any active watch. */
  advance(seconds: number): void {
    const cluster = this.cluster;
    // Step in one-second slices while a watch is active so it sees every intermediate state.
    if (this.activeWatch) {
      let left = seconds;
      while (left > 0) {
        const step = Math.min(1, left);
        cluster.advance(step);
        this.activeWatch.onAdvance();
        left -= step;
      }
    } else cluster.advance(seconds);
  }

  runLine(line: string, opts: { stdin?: string } = {}): KubectlResult {
    const split = splitCommandLine(line);
    if (!split.ok) return { stdout: "", stderr: `bash: ${split.error}\n`, exitCode: 2 };
    return this.run(split.words, opts);
  }

  private contextFor(path: string, words: string[], stdin: string | undefined, out: (t: string) => void, err: (t: string) => void): CommandContext {
    const c = this.context;
    return { session: this, cluster: c.cluster, namespace: c.namespace ?? "default", explicitNamespace: false, out, err, stdin, files: this.files, commandPath: path, argv: ["kubectl", ...words], changeCause: "" };
  }

  /** Runs `kubectl ARGS…` (argv[0] may be "kubectl" or the alias "k"). */
  run(argv: string[], opts: { stdin?: string } = {}): KubectlResult {
    this.activeWatch = undefined;
    let stdout = "";
    let stderr = "";
    const words = argv[0] === "kubectl" || argv[0] === "k" ? argv.slice(1) : argv;
    const out = (t: string) => {
      stdout += t;
    };
    const err = (t: string) => {
      stderr += t;
    };
    const found = findCommand(words);
    if (!found.ok) {
      if (found.kind === "none") {
        err(KUBECTL_HELP);
        return { stdout, stderr, exitCode: 0 };
      }
      const suggestions = suggestCommands(found.name, COMMANDS.map((c) => c.name));
      err(
        `Error: unknown command "${found.name}" for "kubectl"\n` +
          (suggestions.length ? `\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join("")}\n` : `Run 'kubectl --help' for usage.\n`),
      );
      return { stdout, stderr, exitCode: 1 };
    }
    const { command, path, rest } = found;
    if (!command.run) {
      const positional = rest.find((w) => !w.startsWith("-"));
      if (positional !== undefined) err(`error: unknown command "${positional}"\nSee 'kubectl ${path} -h' for help and examples\n`);
      // cobra's DefaultSubCommandRun: the parent's help, on stdout for rollout and stderr for the others.
      else (path === "rollout" ? out : err)(PARENT_HELP[path] ?? `${command.help ?? ""}\n`);
      return { stdout, stderr, exitCode: 1 };
    }
    if (command.acceptsAnything) {
      const code = command.run(this.contextFor(path, words, opts.stdin, out, err), { args: rest, dashArgs: [], hadDash: false, flags: {}, changed: new Set(), warnings: [], given: [] });
      return { stdout, stderr, exitCode: code };
    }
    const specs: FlagSpec[] = [...GLOBAL_FLAGS, ...(command.flags ?? [])];
    const parsed = parseFlags(rest, specs, { interspersed: command.interspersed });
    if ("error" in parsed) {
      err(`Error: ${parsed.error}\nSee 'kubectl ${path} --help' for usage.\n`);
      return { stdout, stderr, exitCode: 1 };
    }
    for (const w of parsed.warnings) err(`${w}\n`);
    if (parsed.flags.help) {
      out(`${command.help ?? `Usage:\n  kubectl ${path} [flags] [options]`}\n`);
      return { stdout, stderr, exitCode: 0 };
    }
    const ctxName = parsed.changed.has("context") ? String(parsed.flags.context) : this.currentContext;
    const ctxConfig = this.contexts.get(ctxName);
    if (!ctxConfig) {
      err(`error: context "${ctxName}" does not exist\n`);
      return { stdout, stderr, exitCode: 1 };
    }
    const ctx: CommandContext = {
      session: this,
      cluster: ctxConfig.cluster,
      namespace: parsed.changed.has("namespace") ? String(parsed.flags.namespace) : ctxConfig.namespace ?? "default",
      explicitNamespace: parsed.changed.has("namespace"),
      out,
      err,
      stdin: opts.stdin,
      files: this.files,
      commandPath: path,
      argv: ["kubectl", ...words],
      changeCause: `kubectl ${path} ${(parsed as ParsedArgs).args.join(" ")}${(parsed as ParsedArgs).given.map((g) => ` --${g.name}=${g.value}`).join("")}`,
    };
    let exitCode: number;
    try {
      exitCode = command.run(ctx, parsed as ParsedArgs);
    } catch (e) {
      err(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      exitCode = 1;
    }
    return { stdout, stderr, exitCode };
  }
}

type Found = { ok: true; command: CommandDef; path: string; rest: string[] } | { ok: false; kind: "none" } | { ok: false; kind: "unknown"; name: string };

// Global flags that take a value, so `kubectl -n prod get pods` finds `get` as the command.
const VALUE_FLAGS = new Set(["-n", "--namespace", "--context", "--kubeconfig", "-s", "--server", "--cluster", "--user", "--request-timeout", "-v", "--v", "--token", "--as"]);

function findCommand(words: string[]): Found {
  const positions: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === "--") break;
    if (w.startsWith("-")) {
      if (VALUE_FLAGS.has(w)) i++;
      continue;
    }
    positions.push(i);
    break;
  }
  if (!positions.length) return { ok: false, kind: "none" };
  const idx = positions[0];
  const name = words[idx];
  const top = COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
  if (!top) return { ok: false, kind: "unknown", name };
  let command = top;
  let path = top.name;
  let rest = [...words.slice(0, idx), ...words.slice(idx + 1)];
  // Descend into subcommands: the first positional word after the command names one.
  while (command.subcommands?.length) {
    let j = -1;
    for (let i = 0; i < rest.length; i++) {
      const w = rest[i];
      if (w === "--") break;
      if (w.startsWith("-")) {
        if (VALUE_FLAGS.has(w)) i++;
        continue;
      }
      j = i;
      break;
    }
    const sub = j >= 0 ? command.subcommands.find((c) => c.name === rest[j] || c.aliases?.includes(rest[j])) : undefined;
    if (!sub) break;
    command = sub;
    path = `${path} ${sub.name}`;
    rest = [...rest.slice(0, j), ...rest.slice(j + 1)];
  }
  return { ok: true, command, path, rest };
}

const KUBECTL_HELP = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Basic Commands (Beginner):
  create          Create a resource from a file or from stdin
  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service
  run             Run a particular image on the cluster
  set             Set specific features on objects

Basic Commands (Intermediate):
  explain         Get documentation for a resource
  get             Display one or many resources
  edit            Edit a resource on the server
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

Deploy Commands:
  rollout         Manage the rollout of a resource
  scale           Set a new size for a deployment, replica set, or replication controller
  autoscale       Auto-scale a deployment, replica set, stateful set, or replication controller

Cluster Management Commands:
  cluster-info    Display cluster information
  top             Display resource (CPU/memory) usage

Troubleshooting and Debugging Commands:
  describe        Show details of a specific resource or group of resources
  logs            Print the logs for a container in a pod
  exec            Execute a command in a container
  port-forward    Forward one or more local ports to a pod
  events          List events

Advanced Commands:
  apply           Apply a configuration to a resource by file name or stdin
  patch           Update fields of a resource
  replace         Replace a resource by file name or stdin
  wait            Experimental: Wait for a specific condition on one or many resources

Settings Commands:
  label           Update the labels on a resource
  annotate        Update the annotations on a resource

Other Commands:
  api-resources   Print the supported API resources on the server
  api-versions    Print the supported API versions on the server, in the form of "group/version"
  config          Modify kubeconfig files
  version         Print the client and server version information

Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

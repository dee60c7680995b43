#!/usr/bin/env -S npx tsx
// kubesim — the simulated cluster as a kubectl shell.
//   npm run --silent kubesim -- [--seed N] [--nodes FILE] [SCRIPT]
// Runs SCRIPT (or standard input) line by line; with a terminal on standard input, an interactive
// shell whose virtual clock follows wall-clock time.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import readline from "node:readline";
import yaml from "js-yaml";
import { createCluster, type NodeOptions } from "../lib/sim";
import { KubectlSession, type FileSource } from "../lib/sim/kubectl/session";
import { ScriptRunner } from "../lib/sim/kubectl/script";

type Args = { seed: number | string; nodes?: string; script?: string };

function usage(): never {
  process.stderr.write("usage: kubesim [--seed N] [--nodes FILE] [SCRIPT]\n");
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const out: Args = { seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--seed") out.seed = argv[++i] ?? usage();
    else if (a.startsWith("--seed=")) out.seed = a.slice(7);
    else if (a === "--nodes") out.nodes = argv[++i] ?? usage();
    else if (a.startsWith("--nodes=")) out.nodes = a.slice(8);
    else if (a === "-h" || a === "--help") usage();
    else if (!out.script) out.script = a;
    else usage();
  }
  if (typeof out.seed === "string" && /^\d+$/.test(out.seed)) out.seed = Number(out.seed);
  return out;
}

function fileSource(baseDir: string): FileSource {
  const resolve = (p: string) => (path.isAbsolute(p) ? p : path.join(baseDir, p));
  return {
    read(p) {
      try {
        return readFileSync(resolve(p), "utf8");
      } catch {
        return undefined;
      }
    },
    list(p) {
      try {
        const full = resolve(p);
        if (!statSync(full).isDirectory()) return undefined;
        return readdirSync(full).map((e) => path.join(p, e));
      } catch {
        return undefined;
      }
    },
  };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  let nodes: NodeOptions[] | undefined;
  if (args.nodes) {
    try {
      nodes = yaml.load(readFileSync(args.nodes, "utf8")) as NodeOptions[];
    } catch (e) {
      process.stderr.write(`kubesim: cannot read nodes file ${args.nodes}: ${(e as Error).message}\n`);
      process.exit(1);
    }
  }
  const cluster = createCluster({ seed: args.seed, nodes });
  const baseDir = args.script ? path.dirname(path.resolve(args.script)) : process.cwd();
  const session = new KubectlSession(cluster, { files: fileSource(baseDir) });
  const runner = new ScriptRunner(session);
  const emit = (o: { stdout: string; stderr: string }) => {
    if (o.stdout) process.stdout.write(o.stdout);
    if (o.stderr) process.stderr.write(o.stderr);
  };

  if (args.script) {
    let source: string;
    try {
      source = readFileSync(args.script, "utf8");
    } catch (e) {
      process.stderr.write(`kubesim: cannot read ${args.script}: ${(e as Error).message}\n`);
      process.exit(1);
    }
    runner.runScript(source, emit);
    return;
  }
  if (!process.stdin.isTTY) {
    runner.runScript(readFileSync(0, "utf8"), emit);
    return;
  }
  // Interactive: the virtual clock follows wall-clock time between commands.
  const started = Date.now();
  let advancedMs = 0;
  const catchUp = () => {
    const target = Date.now() - started;
    if (target > advancedMs) {
      session.advance((target - advancedMs) / 1000);
      advancedMs = target;
    }
  };
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: "controlplane:~$ ", historySize: 1000 });
  const timer = setInterval(() => {
    catchUp();
    const watch = session.takeWatchOutput();
    if (watch) process.stdout.write(watch);
  }, 1000);
  rl.prompt();
  let pending: { text: string; heredoc?: string; delim?: string; body: string[] } | undefined;
  rl.on("line", (line) => {
    catchUp();
    if (pending) {
      if (line.trim() === pending.delim) {
        emit(runner.runLine({ text: pending.text, heredoc: pending.body.join("\n") + "\n" }));
        pending = undefined;
        rl.setPrompt("controlplane:~$ ");
      } else pending.body.push(line);
      rl.prompt();
      return;
    }
    const m = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(line);
    if (m) {
      pending = { text: line.slice(0, m.index) + line.slice(m.index + m[0].length), delim: m[3], body: [] };
      rl.setPrompt("> ");
      rl.prompt();
      return;
    }
    if (line.trim() === "exit") {
      rl.close();
      return;
    }
    emit(runner.runLine({ text: line }));
    rl.prompt();
  });
  rl.on("close", () => {
    clearInterval(timer);
    process.stdout.write("\n");
    process.exit(0);
  });
}

main();

// Shared helpers for the scenario acceptance tests: run a kubesim script against a fresh cluster and
// collect what a terminal would show.
import { createCluster } from "../../lib/sim/index";
import { KubectlSession } from "../../lib/sim/kubectl/session";
import { ScriptRunner } from "../../lib/sim/kubectl/script";

export type Terminal = {
  /** Runs more script lines in the same session and returns only their output. */
  run(source: string): { stdout: string; stderr: string };
  session: KubectlSession;
};

/** A kubectl terminal on a fresh simulated cluster; `files` are readable through `kubectl apply -f NAME`. */
export function terminal(seed = 1, files: Record<string, string> = {}): Terminal {
  const cluster = createCluster({ seed });
  const session = new KubectlSession(cluster, { files: { read: (path: string) => files[path.replace(/^\.\//, "")] } });
  const runner = new ScriptRunner(session);
  return {
    session,
    run(source: string) {
      let stdout = "";
      let stderr = "";
      runner.runScript(source, (o) => {
        stdout += o.stdout;
        stderr += o.stderr;
      });
      return { stdout, stderr };
    },
  };
}

/** Splits tabular kubectl output into rows of whitespace-separated cells. */
export function rows(text: string): string[][] {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => l.trim().split(/\s{2,}|\s+(?=\S)/));
}

/** The row whose first cell is `name`, as an object keyed by the header cells. */
export function row(text: string, name: string): Record<string, string> {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const header = lines[0];
  // Column starts come from the header, as kubectl pads every column to its widest cell.
  const starts: number[] = [];
  const names: string[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(header); m; m = re.exec(header)) {
    starts.push(m.index);
    names.push(m[0]);
  }
  const line = lines.find((l) => l.split(/\s+/)[0] === name);
  if (!line) throw new Error(`no row ${name} in:\n${text}`);
  const out: Record<string, string> = {};
  names.forEach((n, i) => (out[n] = line.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : undefined).trim()));
  return out;
}

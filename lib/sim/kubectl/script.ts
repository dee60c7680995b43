// kubesim scripts: one kubectl command per line, `sleep N` advancing virtual time, `echo` with `$?`,
// `#` comments, here-documents (`kubectl apply -f - <<EOF … EOF`, `cat <<EOF | kubectl apply -f -`),
// and simple output filters (`| grep`, `| head`, `| tail`, `| wc -l`). A failing command does not stop
// the script, as in a shell without `set -e`.
import { splitCommandLine } from "./cli/flags";
import type { KubectlSession } from "./session";
import { HostShell } from "./host-shell";
import { pipeGrep } from "./pipe-grep";

export type ScriptOutput = { stdout: string; stderr: string };

type Line = { text: string; heredoc?: string };

/** Splits a script into logical lines, attaching here-document bodies. */
export function scriptLines(source: string): { ok: true; lines: Line[] } | { ok: false; error: string } {
  const raw = source.replace(/\r\n/g, "\n").split("\n");
  const lines: Line[] = [];
  for (let i = 0; i < raw.length; i++) {
    let text = raw[i];
    // Backslash-newline continues a command.
    while (text.endsWith("\\") && i + 1 < raw.length) text = text.slice(0, -1) + " " + raw[++i].trimStart();
    const m = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(text);
    if (m && !text.trimStart().startsWith("#")) {
      const strip = m[1] === "-";
      const delim = m[3];
      const body: string[] = [];
      let closed = false;
      while (++i < raw.length) {
        const l = strip ? raw[i].replace(/^\t+/, "") : raw[i];
        if (l === delim || l.trim() === delim) {
          closed = true;
          break;
        }
        body.push(l);
      }
      if (!closed) return { ok: false, error: `warning: here-document delimited by end-of-file (wanted \`${delim}')` };
      // An unquoted delimiter makes the document subject to the shell's backslash escapes (\$ \` \\).
      const bodyText = body.join("\n") + "\n";
      const doc = m[2] ? bodyText : bodyText.replace(/\\([$`\\])/g, "$1");
      lines.push({ text: text.slice(0, m.index) + text.slice(m.index + m[0].length), heredoc: doc });
      continue;
    }
    lines.push({ text });
  }
  return { ok: true, lines };
}

function applyFilter(text: string, words: string[]): { ok: true; text: string } | { ok: false; error: string } {
  const [cmd, ...args] = words;
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  switch (cmd) {
    case "head":
    case "tail": {
      let n = 10;
      for (let i = 0; i < args.length; i++) {
        if (args[i] === "-n" && args[i + 1]) n = Number(args[++i]);
        else if (/^-\d+$/.test(args[i])) n = Number(args[i].slice(1));
        else if (/^-n\d+$/.test(args[i])) n = Number(args[i].slice(2));
      }
      const kept = cmd === "head" ? lines.slice(0, n) : lines.slice(Math.max(0, lines.length - n));
      return { ok: true, text: kept.map((l) => `${l}\n`).join("") };
    }
    case "wc": {
      const counts = { l: text === "" ? 0 : (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter(Boolean).length, c: new TextEncoder().encode(text).length };
      const wanted = args.flatMap((a) => (/^-[lwc]+$/.test(a) ? a.slice(1).split("") : [])) as ("l" | "w" | "c")[];
      const order = (["l", "w", "c"] as const).filter((k) => !wanted.length || wanted.includes(k));
      if (order.length === 1) return { ok: true, text: `${counts[order[0]]}\n` };
      return { ok: true, text: `${order.map((k) => String(counts[k]).padStart(7)).join(" ")}\n` };
    }
    case "cat":
      return { ok: true, text };
    default:
      return { ok: false, error: `kubesim: ${cmd}: only grep, head, tail, wc and cat can follow a pipe\n` };
  }
}

/** Splits `a | b | c` on unquoted pipes. */
function splitPipes(line: string): string[] {
  const parts: string[] = [];
  let cur = "";
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      cur += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      cur += c;
      continue;
    }
    if (c === "|" && line[i + 1] !== "|") {
      parts.push(cur);
      cur = "";
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  return parts.map((p) => p.trim());
}

export class ScriptRunner {
  lastExit = 0;
  private readonly host: HostShell;

  constructor(readonly session: KubectlSession) {
    this.host = new HostShell(session);
  }

  /** Runs one logical line; returns what it printed. */
  runLine(line: Line): ScriptOutput {
    // `kubectl port-forward … &`: commands run to completion here, so a trailing & changes nothing.
    const trimmed = line.text.trim().replace(/\s*&$/, "");
    let stdout = "";
    let stderr = "";
    if (!trimmed || trimmed.startsWith("#")) return { stdout, stderr };
    const stages = splitPipes(trimmed);
    const input = line.heredoc;
    let text = "";
    for (let s = 0; s < stages.length; s++) {
      // $(kubectl …) command substitution, as scripts use it to fetch an IP or a name.
      const expanded = stages[s]
        .replace(/\$\?/g, String(this.lastExit))
        .replace(/\$\((kubectl [^()]*)\)/g, (_m, cmd: string) => {
          const r = this.session.runLine(cmd);
          stderr += r.stderr;
          return r.stdout.replace(/\n+$/, "");
        });
      const split = splitCommandLine(expanded);
      if (!split.ok) {
        stderr += `kubesim: ${split.error}\n`;
        this.lastExit = 2;
        return { stdout, stderr };
      }
      const words = split.words;
      if (!words.length) continue;
      const cmd = words[0];
      if (s === 0 && cmd === "cat" && words.length === 1) {
        text = input ?? "";
        this.lastExit = 0;
        continue;
      }
      if (cmd === "kubectl" || cmd === "k") {
        const r = this.session.run(words, { stdin: s === 0 ? input : text });
        text = r.stdout;
        stderr += r.stderr;
        this.lastExit = r.exitCode;
        continue;
      }
      if (s > 0 && cmd === "grep") {
        const g = pipeGrep(text, words.slice(1));
        text = g.stdout;
        stderr += g.stderr;
        this.lastExit = g.exitCode;
        continue;
      }
      if (s > 0) {
        const f = applyFilter(text, words);
        if (!f.ok) {
          stderr += f.error;
          this.lastExit = 1;
          return { stdout, stderr };
        }
        text = f.text;
        this.lastExit = 0;
        continue;
      }
      switch (cmd) {
        case "sleep": {
          const secs = parseSleep(words[1]);
          if (secs === undefined) {
            stderr += `sleep: invalid time interval '${words[1] ?? ""}'\n`;
            this.lastExit = 1;
            return { stdout, stderr };
          }
          this.session.advance(secs);
          stdout += this.session.takeWatchOutput();
          this.lastExit = 0;
          break;
        }
        case "echo":
          text = (words[1] === "-n" ? words.slice(2).join(" ") : words.slice(1).join(" ") + "\n").replace(/\\n/g, "\n");
          this.lastExit = 0;
          break;
        case "true":
          this.lastExit = 0;
          break;
        case "false":
          this.lastExit = 1;
          break;
        default: {
          // Anything else runs in the control-plane node's shell (curl, wget, nc, nslookup, cat, …).
          const r = this.host.run(expanded, s === 0 ? input : text);
          // port-forward's "Handling connection" lines come from kubectl, not from the pipeline.
          stdout += this.session.takeWatchOutput();
          text = r.stdout;
          stderr += r.stderr;
          this.lastExit = r.exitCode;
          break;
        }
      }
    }
    stdout += text;
    return { stdout, stderr };
  }

  runScript(source: string, emit: (out: ScriptOutput) => void): void {
    const parsed = scriptLines(source);
    if (!parsed.ok) {
      emit({ stdout: "", stderr: `kubesim: ${parsed.error}\n` });
      return;
    }
    for (const l of parsed.lines) emit(this.runLine(l));
  }
}

/** `sleep 5`, `sleep 1.5`, `sleep 2m`, `sleep 1h` (coreutils suffixes). */
export function parseSleep(arg: string | undefined): number | undefined {
  if (!arg) return undefined;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  return Number(m[1]) * { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as ""];
}

// kubesim scripts: one kubectl command per line, `sleep N` advancing virtual time, `echo` with `$?`,
// `#` comments, here-documents (`kubectl apply -f - <<EOF … EOF`, `cat <<EOF | kubectl apply -f -`),
// simple output filters (`| grep`, `| head`, `| tail`, `| wc -l`), and output redirections (`>`, `>>`,
// `2>`, `2>&1`, `&>`) into the control-plane node's filesystem, which `kubectl apply -f` reads back. A
// failing command does not stop the script, as in a shell without `set -e`.
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

/** Where a stream goes: on (stdout: down the pipe or to the terminal; stderr: to the terminal), or into a file. */
type Sink = { kind: "default" } | { kind: "file"; path: string; append: boolean } | { kind: "stderr" } | { kind: "stdout" };
export type Redirections = { stdout: Sink; stderr: Sink; opens: { path: string; append: boolean }[] };

/**
 * Removes bash output redirections from one pipeline stage: `> f`, `>> f`, `1> f`, `2> f`, `2>> f`,
 * `&> f`, `&>> f`, `2>&1`, `>&2`. They bind left to right, so `> f 2>&1` sends both streams to f while
 * `2>&1 > f` leaves stderr on the terminal.
 */
export function extractRedirections(stage: string): { ok: true; command: string; redirs: Redirections } | { ok: false; error: string } {
  let command = "";
  let quote: string | null = null;
  const redirs: Redirections = { stdout: { kind: "default" }, stderr: { kind: "default" }, opens: [] };
  let i = 0;
  while (i < stage.length) {
    const c = stage[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === "\\" && quote === '"') {
        command += stage.slice(i, i + 2);
        i += 2;
        continue;
      }
      command += c;
      i++;
      continue;
    }
    if (c === "\\") {
      command += stage.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      command += c;
      i++;
      continue;
    }
    const atWordStart = i === 0 || /\s/.test(stage[i - 1]);
    const m = atWordStart ? /^(&|[12])?(>>?)(&[12])?/.exec(stage.slice(i)) : null;
    if (!m || (m[1] === "&" && m[3])) {
      command += c;
      i++;
      continue;
    }
    i += m[0].length;
    const fd = m[1] === "&" ? "both" : m[1] === "2" ? "stderr" : "stdout";
    if (m[3]) {
      // Duplicating: the stream follows the other one's current destination.
      if (m[3] === "&1" && fd === "stderr") redirs.stderr = redirs.stdout.kind === "default" ? { kind: "stdout" } : redirs.stdout;
      else if (m[3] === "&2" && fd === "stdout") redirs.stdout = redirs.stderr.kind === "default" ? { kind: "stderr" } : redirs.stderr;
      continue;
    }
    while (i < stage.length && /[ \t]/.test(stage[i])) i++;
    let target = "";
    let q: string | null = null;
    while (i < stage.length && (q || !/[\s;&|<>]/.test(stage[i]))) {
      const t = stage[i++];
      if (q) {
        if (t === q) q = null;
        else target += t;
      } else if (t === "'" || t === '"') q = t;
      else target += t;
    }
    if (!target) return { ok: false, error: "syntax error near unexpected token `newline'" };
    const sink: Sink = { kind: "file", path: target, append: m[2] === ">>" };
    redirs.opens.push({ path: target, append: m[2] === ">>" });
    if (fd !== "stderr") redirs.stdout = sink;
    if (fd !== "stdout") redirs.stderr = sink;
    command += " ";
  }
  return { ok: true, command: command.trim(), redirs };
}

const COMPOUND = /^(for|while|until|if|case|function)\b|^[({]/;

/** Splits a command list on unquoted `;`, `&&` and `||` outside `$( … )`; compound commands stay whole. */
function splitList(line: string): { op: ";" | "&&" | "||"; text: string }[] {
  if (COMPOUND.test(line)) return [{ op: ";", text: line }];
  const items: { op: ";" | "&&" | "||"; text: string }[] = [];
  let cur = "";
  let op: ";" | "&&" | "||" = ";";
  let quote: string | null = null;
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      cur += c;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ";" || ((c === "&" || c === "|") && line[i + 1] === c))) {
      items.push({ op, text: cur.trim() });
      op = c === ";" ? ";" : c === "&" ? "&&" : "||";
      if (c !== ";") i++;
      cur = "";
      continue;
    }
    cur += c;
  }
  items.push({ op, text: cur.trim() });
  return items.filter((item) => item.text !== "");
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
    const host = new HostShell(session);
    this.host = host;
    // `kubectl apply -f` sees what the shell wrote: an absolute path names the node's file first; a
    // relative one keeps naming the script's folder (or the web UI's uploads) before the node's home.
    const base = session.files;
    session.files = {
      read: (p) => (p.startsWith("/") ? host.readFile(p) ?? base.read(p) : base.read(p) ?? host.readFile(p)),
      list: (p) => (p.startsWith("/") ? host.listDir(p) ?? base.list?.(p) : base.list?.(p) ?? host.listDir(p)),
    };
  }

  /** Opens (creates or truncates) redirection targets before the command runs, as bash does. */
  private openRedirections(redirs: Redirections): { ok: true } | { ok: false; error: string } {
    for (const o of redirs.opens) {
      if (o.path === "/dev/null") continue;
      const r = this.host.writeFile(o.path, "", o.append);
      if (!r.ok) return { ok: false, error: `bash: ${o.path}: ${r.error}\n` };
    }
    return { ok: true };
  }

  /** Runs one logical line; returns what it printed. */
  runLine(line: Line): ScriptOutput {
    // `kubectl port-forward … &`: commands run to completion here, so a trailing & changes nothing.
    const trimmed = line.text.trim().replace(/\s*&$/, "");
    let stdout = "";
    let stderr = "";
    if (!trimmed || trimmed.startsWith("#")) return { stdout, stderr };
    const list = splitList(trimmed);
    // `kubectl … > f; cat f`, `kubectl … && echo ok`: a list runs here item by item, unless every item
    // is the node's own (a compound `for …; do …; done` or `cd /tmp; ls`), which its shell runs whole.
    if (list.length > 1 && list.some((item) => isScriptCommand(item.text, 0))) {
      for (let k = 0; k < list.length; k++) {
        const { op, text: itemText } = list[k];
        if ((op === "&&" && this.lastExit !== 0) || (op === "||" && this.lastExit === 0)) continue;
        const r = this.runPipeline(itemText, k === 0 ? line.heredoc : undefined);
        stdout += r.stdout;
        stderr += r.stderr;
      }
      return { stdout, stderr };
    }
    return this.runPipeline(trimmed, line.heredoc);
  }

  private runPipeline(trimmed: string, input: string | undefined): ScriptOutput {
    let stdout = "";
    let stderr = "";
    const stages = splitPipes(trimmed);
    let text = "";
    for (let s = 0; s < stages.length; s++) {
      const stageErrStart = stderr.length;
      // $(kubectl …) command substitution, as scripts use it to fetch an IP or a name.
      const substituted = stages[s]
        .replace(/\$\?/g, String(this.lastExit))
        .replace(/\$\((kubectl [^()]*)\)/g, (_m, cmd: string) => {
          const r = this.session.runLine(cmd);
          stderr += r.stderr;
          return r.stdout.replace(/\n+$/, "");
        });
      const extracted = extractRedirections(substituted);
      if (!extracted.ok) {
        stderr += `bash: ${extracted.error}\n`;
        this.lastExit = 2;
        return { stdout, stderr };
      }
      // The node's shell applies its own redirections; kubectl and the script's builtins get them here.
      const hostStage = !isScriptCommand(extracted.command, s);
      const expanded = hostStage ? substituted : extracted.command;
      const redirs = extracted.redirs;
      if (!hostStage) {
        const opened = this.openRedirections(redirs);
        if (!opened.ok) {
          stderr += opened.error;
          this.lastExit = 1;
          text = "";
          continue;
        }
      }
      const route = (stageOut: string) => {
        if (hostStage) return stageOut;
        const stageErr = stderr.slice(stageErrStart);
        stderr = stderr.slice(0, stageErrStart);
        let out = "";
        const send = (sink: Sink, data: string, fallback: "stdout" | "stderr") => {
          if (!data) return;
          const kind = sink.kind === "default" ? fallback : sink.kind;
          if (kind === "stdout") out += data;
          else if (kind === "stderr") stderr += data;
          else if (sink.kind === "file" && sink.path !== "/dev/null") this.host.writeFile(sink.path, data, true);
        };
        send(redirs.stdout, stageOut, "stdout");
        send(redirs.stderr, stageErr, "stderr");
        return out;
      };
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
        text = route(text);
        continue;
      }
      if (cmd === "kubectl" || cmd === "k") {
        const r = this.session.run(words, { stdin: s === 0 ? input : text });
        text = r.stdout;
        stderr += r.stderr;
        this.lastExit = r.exitCode;
        text = route(text);
        continue;
      }
      if (s > 0 && cmd === "grep") {
        const g = pipeGrep(text, words.slice(1));
        text = g.stdout;
        stderr += g.stderr;
        this.lastExit = g.exitCode;
        text = route(text);
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
        text = route(text);
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
      }  text = route(text);
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

/** Whether the script runs the stage itself (kubectl, sleep, echo, pipe filters) rather than the node's shell. */
function isScriptCommand(command: string, stage: number): boolean {
  if (stage > 0) return true;
  const split = splitCommandLine(command);
  if (!split.ok || !split.words.length) return true;
  const [cmd] = split.words;
  return ["kubectl", "k", "sleep", "echo", "true", "false"].includes(cmd) || (cmd === "cat" && split.words.length === 1);
}

/** `sleep 5`, `sleep 1.5`, `sleep 2m`, `sleep 1h` (coreutils suffixes). */
export function parseSleep(arg: string | undefined): number | undefined {
  if (!arg) return undefined;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  return Number(m[1]) * { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as ""];
}

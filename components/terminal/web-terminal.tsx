"use client";
// A terminal on the attempt's simulated cluster (xterm.js). On mount it opens the attempt's server
// session and prints its stored history, so a reload loses nothing. Line editing, ↑/↓ history and
// Tab completion happen here (line-editor.ts, kubectl-complete.ts); each finished line goes to the
// server and its output is printed exactly as kubectl printed it. Ctrl+C abandons the line, Ctrl+L
// and `clear` clear the screen, and here-documents continue with "> " until their terminator.
// Keyboard users leave the terminal with Esc then Tab (Tab alone completes).
import { useEffect, useRef, useState } from "react";
import { Terminal } from "@xterm/xterm";
import { FitAddon } from "@xterm/addon-fit";
import "@xterm/xterm/css/xterm.css";
import { commonPrefix, completeLine, learnNames, type KnownNames } from "./kubectl-complete";
import { editLine, emptyLine, parseInput, renderLine, submitLine, type LineState } from "./line-editor";
import { heredocTerminator, openTerminal, runTerminalLine, toTerminalText } from "./terminal-client";

/** kubectl's host in the CKAD exam environment; the server names it in prompt.hostname. */
export const DEFAULT_HOST = "controlplane";
const CONTINUATION = "> ";

export type WebTerminalProps = {
  attemptId: string;
  label: string;
  messages: { connecting: string; failed: string; unavailable: string; readOnly: string };
  /** Once the session is open: its id (the answer's commands are read from its log on submit). */
  onSession?: (sessionId: string) => void;
  /** Every line run in this session (history included). */
  onCommands?: (lines: string[]) => void;
};

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

export default function WebTerminal({ attemptId, label, messages, onSession, onCommands }: WebTerminalProps) {
  const host = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<"connecting" | "ready" | "read-only" | "failed">("connecting");
  const callbacks = useRef({ onSession, onCommands });
  useEffect(() => {
    callbacks.current = { onSession, onCommands };
  });

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const term = new Terminal({
      convertEol: false,
      cursorBlink: true,
      fontFamily: cssVar("--font-mono", "monospace"),
      fontSize: 14,
      scrollback: 5000,
      screenReaderMode: true,
      theme: {
        background: cssVar("--color-surface", "#f6f7f9"),
        foreground: cssVar("--color-text", "#1a1d23"),
        cursor: cssVar("--color-text", "#1a1d23"),
        selectionBackground: cssVar("--color-primary-soft", "#e8efff"),
      },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(element);
    term.textarea?.setAttribute("aria-label", label);
    const refit = () => {
      if (element.offsetWidth > 0 && element.offsetHeight > 0) fit.fit();
    };
    refit();
    // The terminal may start in a hidden tab: fit it whenever its box changes.
    const observer = new ResizeObserver(refit);
    observer.observe(element);

    let disposed = false;
    let sessionId: string | null = null;
    let line: LineState = emptyLine();
    let busy = true;
    let heredoc: { terminator: string; lines: string[] } | null = null;
    let known: KnownNames = {};
    let escapePressed = false;
    let promptText = `${DEFAULT_HOST} $ `;
    const commands: string[] = [];
    const prompt = () => (heredoc ? CONTINUATION : promptText);
    const redraw = () => term.write(renderLine(prompt(), line));

    // Esc then Tab gives Tab back to the browser, so focus can leave (as in CodeMirror).
    term.attachCustomKeyEventHandler((event) => {
      if (event.type !== "keydown") return true;
      if (event.key === "Escape") {
        escapePressed = true;
        return true;
      }
      if (event.key === "Tab" && escapePressed) {
        escapePressed = false;
        return false;
      }
      escapePressed = false;
      return true;
    });

    function printOutput(output: string) {
      if (output) term.write(toTerminalText(output.endsWith("\n") ? output : `${output}\n`));
    }

    async function run(text: string) {
      if (!sessionId) return;
      busy = true;
      const result = await runTerminalLine(sessionId, text, messages.failed);
      if (disposed) return;
      busy = false;
      if (!result.ok) {
        term.write(toTerminalText(`${result.message}\n`));
      } else {
        printOutput(result.value.output);
        known = learnNames(known, text, result.value.output);
        commands.push(text);
        callbacks.current.onCommands?.([...commands]);
      }
      line = { ...emptyLine(line.history) };
      term.write(prompt());
    }

    function complete() {
      const left = line.buffer.slice(0, line.cursor);
      const { from, candidates } = completeLine(left, known);
      if (candidates.length === 0) return;
      const current = left.slice(from);
      const prefix = commonPrefix(candidates);
      if (candidates.length === 1) {
        const word = candidates[0];
        const suffix = /[/=]$/.test(word) ? "" : " ";
        line = editLine(line, { kind: "text", text: word.slice(current.length) + suffix });
        redraw();
      } else if (prefix.length > current.length) {
        line = editLine(line, { kind: "text", text: prefix.slice(current.length) });
        redraw();
      } else {
        // Like bash on a second Tab: list the candidates, then redraw the line below them.
        term.write(`\r\n${candidates.join("  ")}\r\n`);
        redraw();
      }
    }

    function onKey(key: ReturnType<typeof parseInput>[number]) {
      if (busy) {
        if (key.kind === "interrupt") {
          // The server finishes the command anyway; only waiting for it is abandoned.
          term.write("^C\r\n");
        }
        return;
      }
      switch (key.kind) {
        case "enter": {
          const { line: text, next } = submitLine(line);
          term.write("\r\n");
          line = next;
          if (heredoc) {
            heredoc.lines.push(text);
            if (text.trim() === heredoc.terminator) {
              const script = heredoc.lines.join("\n");
              heredoc = null;
              void run(script);
            } else {
              term.write(prompt());
            }
            return;
          }
          const trimmed = text.trim();
          if (trimmed === "") {
            term.write(prompt());
          } else if (trimmed === "clear") {
            term.clear();
            term.write("\x1b[2K\r" + prompt());
          } else {
            const terminator = heredocTerminator(text);
            if (terminator) {
              heredoc = { terminator, lines: [text] };
              term.write(prompt());
            } else {
              void run(text);
            }
          }
          return;
        }
        case "interrupt":
          term.write("^C\r\n");
          heredoc = null;
          line = emptyLine(line.history);
          term.write(prompt());
          return;
        case "clear-screen":
          term.clear();
          redraw();
          return;
        case "tab":
          complete();
          return;
        default:
          line = editLine(line, key);
          redraw();
      }
    }

    const input = term.onData((data) => {
      for (const key of parseInput(data)) onKey(key);
    });

    term.write(toTerminalText(`${messages.connecting}\n`));
    void openTerminal(attemptId, messages.unavailable).then((result) => {
      if (disposed) return;
      term.clear();
      term.write("\x1b[2K\r");
      if (!result.ok) {
        setStatus("failed");
        term.write(toTerminalText(`${result.message}\n`));
        return;
      }
      const opened = result.value;
      promptText = `${opened.prompt.hostname || DEFAULT_HOST} $ `;
      const history: string[] = [];
      for (const entry of opened.history) {
        term.write(toTerminalText(`${promptText}${entry.input}\n`));
        printOutput(entry.output);
        known = learnNames(known, entry.input, entry.output);
        commands.push(entry.input);
        if (!entry.input.includes("\n")) history.push(entry.input);
      }
      callbacks.current.onCommands?.([...commands]);
      if (opened.readOnly) {
        // A graded attempt's terminal: its history stays visible, nothing more runs.
        setStatus("read-only");
        term.write(toTerminalText(`${messages.readOnly}\n`));
        return;
      }
      sessionId = opened.sessionId;
      callbacks.current.onSession?.(opened.sessionId);
      line = emptyLine(history);
      busy = false;
      setStatus("ready");
      term.write(promptText);
    });

    return () => {
      disposed = true;
      input.dispose();
      observer.disconnect();
      term.dispose();
    };
  }, [attemptId, label, messages.connecting, messages.failed, messages.unavailable, messages.readOnly]);

  return <div ref={host} className="web-terminal" data-testid="web-terminal" data-status={status} style={{ height: "22rem" }} />;
}

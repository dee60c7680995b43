// The terminal's readline: a pure state machine for one input line (cursor movement, editing,
// history with ↑/↓ keeping the unfinished line as a draft) and the escape sequences that redraw it.
// xterm.js only displays; everything the user types goes through here.

export type LineState = {
  buffer: string;
  cursor: number;
  history: readonly string[];
  /** Position in history while browsing with ↑/↓; history.length means "the line being typed". */
  index: number;
  /** The unfinished line, restored when ↓ walks past the newest history entry. */
  draft: string;
};

export type LineKey =
  | { kind: "text"; text: string }
  | { kind: "enter" }
  | { kind: "backspace" }
  | { kind: "delete" }
  | { kind: "left" }
  | { kind: "right" }
  | { kind: "home" }
  | { kind: "end" }
  | { kind: "up" }
  | { kind: "down" }
  | { kind: "tab" }
  | { kind: "interrupt" }
  | { kind: "clear-screen" }
  | { kind: "kill-line" }
  | { kind: "delete-word" };

export const HISTORY_LIMIT = 500;

export function emptyLine(history: readonly string[] = []): LineState {
  return { buffer: "", cursor: 0, history, index: history.length, draft: "" };
}

const SEQUENCES: Record<string, LineKey> = {
  "\r": { kind: "enter" },
  "\n": { kind: "enter" },
  "\x7f": { kind: "backspace" },
  "\b": { kind: "backspace" },
  "\x1b[3~": { kind: "delete" },
  "\x1b[D": { kind: "left" },
  "\x1bOD": { kind: "left" },
  "\x02": { kind: "left" },
  "\x1b[C": { kind: "right" },
  "\x1bOC": { kind: "right" },
  "\x06": { kind: "right" },
  "\x1b[H": { kind: "home" },
  "\x1bOH": { kind: "home" },
  "\x1b[1~": { kind: "home" },
  "\x01": { kind: "home" },
  "\x1b[F": { kind: "end" },
  "\x1bOF": { kind: "end" },
  "\x1b[4~": { kind: "end" },
  "\x05": { kind: "end" },
  "\x1b[A": { kind: "up" },
  "\x1bOA": { kind: "up" },
  "\x10": { kind: "up" },
  "\x1b[B": { kind: "down" },
  "\x1bOB": { kind: "down" },
  "\x0e": { kind: "down" },
  "\t": { kind: "tab" },
  "\x03": { kind: "interrupt" },
  "\x0c": { kind: "clear-screen" },
  "\x15": { kind: "kill-line" },
  "\x17": { kind: "delete-word" },
};

/**
 * Splits what xterm hands over (one key, or a whole paste) into keys. A pasted "a\nb\n" is text "a",
 * enter, text "b", enter; unknown escape sequences are dropped rather than inserted as garbage.
 */
export function parseInput(data: string): LineKey[] {
  const keys: LineKey[] = [];
  let text = "";
  const flush = () => {
    if (text) keys.push({ kind: "text", text });
    text = "";
  };
  let i = 0;
  while (i < data.length) {
    if (data[i] === "\x1b") {
      flush();
      const match = /^\x1b(\[[0-9;]*[~A-Za-z]|O[A-Za-z])?/.exec(data.slice(i));
      const sequence = match ? match[0] : "\x1b";
      const key = SEQUENCES[sequence];
      if (key) keys.push(key);
      i += sequence.length;
      continue;
    }
    if (data[i] === "\r" && data[i + 1] === "\n") {
      flush();
      keys.push({ kind: "enter" });
      i += 2;
      continue;
    }
    const key = SEQUENCES[data[i]];
    if (key) {
      flush();
      keys.push(key);
    } else if (data.charCodeAt(i) >= 0x20) {
      text += data[i];
    }
    i++;
  }
  flush();
  return keys;
}

/** Applies an editing key. enter, tab, interrupt and clear-screen are the caller's business. */
export function editLine(state: LineState, key: LineKey): LineState {
  const { buffer, cursor } = state;
  switch (key.kind) {
    case "text":
      return { ...state, buffer: buffer.slice(0, cursor) + key.text + buffer.slice(cursor), cursor: cursor + key.text.length };
    case "backspace":
      return cursor === 0 ? state : { ...state, buffer: buffer.slice(0, cursor - 1) + buffer.slice(cursor), cursor: cursor - 1 };
    case "delete":
      return cursor >= buffer.length ? state : { ...state, buffer: buffer.slice(0, cursor) + buffer.slice(cursor + 1) };
    case "left":
      return { ...state, cursor: Math.max(0, cursor - 1) };
    case "right":
      return { ...state, cursor: Math.min(buffer.length, cursor + 1) };
    case "home":
      return { ...state, cursor: 0 };
    case "end":
      return { ...state, cursor: buffer.length };
    case "kill-line":
      return { ...state, buffer: buffer.slice(cursor), cursor: 0 };
    case "delete-word": {
      const start = buffer.slice(0, cursor).replace(/\S+\s*$/, "").length;
      return { ...state, buffer: buffer.slice(0, start) + buffer.slice(cursor), cursor: start };
    }
    case "up": {
      if (state.index === 0) return state;
      const index = state.index - 1;
      const draft = state.index === state.history.length ? buffer : state.draft;
      const line = state.history[index];
      return { ...state, index, draft, buffer: line, cursor: line.length };
    }
    case "down": {
      if (state.index >= state.history.length) return state;
      const index = state.index + 1;
      const line = index === state.history.length ? state.draft : state.history[index];
      return { ...state, index, buffer: line, cursor: line.length };
    }
    default:
      return state;
  }
}

/** The line is run: it joins the history (unless blank or a repeat of the last one) and input resets. */
export function submitLine(state: LineState): { line: string; next: LineState } {
  const line = state.buffer;
  const last = state.history[state.history.length - 1];
  const history = line.trim() === "" || line === last ? state.history : [...state.history, line].slice(-HISTORY_LIMIT);
  return { line, next: emptyLine(history) };
}

/** Escape sequence that redraws prompt + buffer on the current row and puts the cursor in place. */
export function renderLine(prompt: string, state: LineState): string {
  const back = state.buffer.length - state.cursor;
  return `\r\x1b[2K${prompt}${state.buffer}${back > 0 ? `\x1b[${back}D` : ""}`;
}

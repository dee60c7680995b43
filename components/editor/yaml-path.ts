// Where the cursor is in a Kubernetes manifest, worked out from indentation alone (the text being
// edited is usually not valid YAML yet, so a parser cannot help): the chain of mapping keys above the
// cursor, whether a field name or a value is being typed, and the document's apiVersion/kind. Feeds
// the editor's completion and hover docs, which look fields up by (apiVersion, kind, path).
// List indices are left out of paths: `spec.containers[0].image` is ["spec", "containers"] + "image".

export type CursorContext =
  | { kind: "key"; path: string[]; prefix: string; from: number }
  | { kind: "value"; path: string[]; key: string; prefix: string; from: number };

export type KeyAt = { path: string[]; key: string; from: number; to: number };

type ParsedLine = {
  /** Column of "- " when the line starts a list item. */
  dash: number | null;
  /** Column where the item's content (key or scalar) starts. */
  column: number;
  key: string | null;
  /** The text after "key:" with any trailing comment removed, trimmed. */
  value: string;
};

const KEY = /^("[^"]*"|'[^']*'|[^\s:#"'][^:#]*?)\s*:(?=\s|$)/;
const BLOCK_SCALAR = /^[|>][-+0-9]*$/;

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key;
}

function parseLine(line: string): ParsedLine | "blank" | "document" {
  if (/^(---|\.\.\.)(\s|$)/.test(line)) return "document";
  const trimmed = line.trim();
  if (trimmed === "" || trimmed.startsWith("#")) return "blank";
  const indent = line.length - line.trimStart().length;
  let rest = line.slice(indent);
  let dash: number | null = null;
  let column = indent;
  const dashMatch = /^-(\s+|$)/.exec(rest);
  if (dashMatch) {
    dash = indent;
    column = indent + dashMatch[0].length;
    rest = rest.slice(dashMatch[0].length);
  }
  const keyMatch = KEY.exec(rest);
  if (!keyMatch) return { dash, column, key: null, value: rest.trim() };
  const value = rest
    .slice(keyMatch[0].length)
    .replace(/\s#.*$/, "")
    .trim();
  return { dash, column, key: unquote(keyMatch[1].trim()), value };
}

/** True when a value opens a nested block: nothing after the colon, or only an anchor/tag. */
function opensBlock(value: string): boolean {
  return value === "" || /^[&!]\S*$/.test(value);
}

/**
 * The keys enclosing an item whose content starts at `column` on line `lineIndex` (0-based), or null
 * when the line sits inside a block scalar (`command: |`) or under a key that already has a value.
 * `dash` is the column of the line's own "- ", if it starts a list item.
 */
export function parentPath(lines: readonly string[], lineIndex: number, column: number, dash: number | null): string[] | null {
  const path: string[] = [];
  // A parent is a line whose content starts left of `threshold`; inside a list item the parent key may
  // sit at the dash's own column ("containers:\n- name: web" is common style).
  let threshold = dash ?? column;
  let inItem = dash !== null;
  for (let i = lineIndex - 1; i >= 0; i--) {
    const parsed = parseLine(lines[i]);
    if (parsed === "document") break;
    if (parsed === "blank") continue;
    if (parsed.dash !== null) {
      if (parsed.dash >= threshold) continue; // a sibling item, or something nested deeper
      if (parsed.key === null && BLOCK_SCALAR.test(parsed.value)) return null; // inside "- |"
      if (parsed.column < threshold && parsed.key !== null) {
        // "- configMap:" above "    name: x": the key on the dash line is the parent.
        if (BLOCK_SCALAR.test(parsed.value) || !opensBlock(parsed.value)) return null;
        path.push(parsed.key);
      }
      // Otherwise the dash line's key is a sibling ("- name: web" above "  image: nginx").
      threshold = parsed.dash;
      inItem = true;
      continue;
    }
    const isAncestor = parsed.column < threshold || (parsed.column === threshold && inItem);
    if (!isAncestor) continue;
    if (parsed.key === null) return null;
    if (BLOCK_SCALAR.test(parsed.value)) return null;
    if (!opensBlock(parsed.value)) return null;
    path.push(parsed.key);
    threshold = parsed.column;
    inItem = false;
    if (threshold === 0) break;
  }
  return path.reverse();
}

/** What is being typed at `offset`: a field name (with the text typed so far) or a field's value. */
export function cursorContext(text: string, offset: number): CursorContext | null {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const lines = text.slice(0, lineStart).split("\n");
  lines.pop();
  const lineIndex = lines.length;
  const match = /^(\s*)(-\s+)?(.*)$/.exec(before);
  if (!match) return null;
  const indent = match[1].length;
  const dash = match[2] ? indent : null;
  const column = indent + (match[2]?.length ?? 0);
  const rest = match[3];
  const allLines = [...lines, before];
  if (/^[\w.\/-]*$/.test(rest)) {
    const path = parentPath(allLines, lineIndex, column, dash);
    return path ? { kind: "key", path, prefix: rest, from: offset - rest.length } : null;
  }
  const valueMatch = /^("[^"]*"|'[^']*'|[\w.\/-]+)\s*:\s+([^\s#"']*)$/.exec(rest);
  if (valueMatch) {
    const path = parentPath(allLines, lineIndex, column, dash);
    if (!path) return null;
    return { kind: "value", path, key: unquote(valueMatch[1]), prefix: valueMatch[2], from: offset - valueMatch[2].length };
  }
  return null;
}

/** The field name under `offset` (for hover docs), with its enclosing path and its span. */
export function keyAt(text: string, offset: number): KeyAt | null {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const lineEndRaw = text.indexOf("\n", offset);
  const lineEnd = lineEndRaw === -1 ? text.length : lineEndRaw;
  const line = text.slice(lineStart, lineEnd);
  const parsed = parseLine(line);
  if (parsed === "blank" || parsed === "document" || parsed.key === null) return null;
  const keyText = line.slice(parsed.column);
  const keyLength = keyText.indexOf(":");
  const from = lineStart + parsed.column;
  const to = from + keyLength;
  if (offset < from || offset > to) return null;
  const lines = text.slice(0, lineStart).split("\n");
  lines.pop();
  const path = parentPath([...lines, line], lines.length, parsed.column, parsed.dash);
  return path ? { path, key: parsed.key, from, to } : null;
}

/** apiVersion and kind of the YAML document (between `---` lines) that contains `offset`. */
export function documentType(text: string, offset: number): { apiVersion: string; kind: string } | null {
  const lines = text.split("\n");
  let position = 0;
  let start = 0;
  let end = lines.length;
  let found = false;
  for (let i = 0; i < lines.length; i++) {
    const isMarker = /^---(\s|$)/.test(lines[i]);
    if (isMarker && position <= offset) start = i + 1;
    if (isMarker && position > offset && !found) {
      end = i;
      found = true;
    }
    position += lines[i].length + 1;
  }
  const doc = lines.slice(start, end).join("\n");
  const apiVersion = /^apiVersion:\s*["']?([^\s"'#]+)/m.exec(doc)?.[1];
  const kind = /^kind:\s*["']?([^\s"'#]+)/m.exec(doc)?.[1];
  return apiVersion && kind ? { apiVersion, kind } : null;
}

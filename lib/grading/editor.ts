// Inline diagnostics for the manifest editor: YAML syntax errors at their line and column, then each
// document's strict-decoding and validation errors (Kubernetes' messages) at the line of the field
// they name, found by walking the document's block structure; otherwise at the document's first line.
import yaml from "js-yaml";
import { createCluster, type ApiStatus, type Cluster, type KubeObject } from "../sim";
import type { TEditorDiagnostic } from "./types";

type TDocText = { text: string; startLine: number };

/** Splits a YAML stream at `---` lines, keeping each document's first line number (1-based). */
function splitDocuments(text: string): TDocText[] {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const docs: TDocText[] = [];
  let cur: string[] = [];
  let start = 1;
  lines.forEach((l, i) => {
    if (/^---(\s|$)/.test(l)) {
      docs.push({ text: cur.join("\n"), startLine: start });
      cur = [];
      start = i + 2;
    } else cur.push(l);
  });
  docs.push({ text: cur.join("\n"), startLine: start });
  return docs;
}

export function validateManifestForEditor(text: string): TEditorDiagnostic[] {
  try {
    yaml.loadAll(text);
  } catch (e) {
    const mark = (e as { mark?: { line: number; column: number } }).mark;
    const reason = (e as { reason?: string }).reason ?? (e instanceof Error ? e.message : String(e));
    return [{ line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1, message: reason }];
  }
  const out: TEditorDiagnostic[] = [];
  let cluster: Cluster | undefined;
  for (const doc of splitDocuments(text)) {
    let obj: unknown;
    try {
      obj = yaml.load(doc.text);
    } catch {
      continue;
    }
    if (obj == null) continue;
    const firstLine = doc.startLine + Math.max(0, doc.text.split("\n").findIndex((l) => l.trim() && !l.trim().startsWith("#")));
    if (typeof obj !== "object" || Array.isArray(obj)) {
      out.push({ line: firstLine, column: 1, message: "a manifest document must be a mapping with apiVersion, kind and metadata" });
      continue;
    }
    cluster ??= createCluster({ seed: 1 });
    const [r] = cluster.create(obj as KubeObject, { dryRun: true, namespace: "default" });
    if (!r || r.ok) continue;
    if (r.error.kind !== "status") {
      out.push({ line: firstLine, column: 1, message: r.error.message });
      continue;
    }
    // A namespace the scratch cluster lacks is not the editor's business: the task may create it.
    if (r.error.status.reason === "NotFound" && /namespaces? "/.test(r.error.status.message)) continue;
    out.push(...statusDiagnostics(r.error.status, doc, firstLine));
  }
  return out;
}

function statusDiagnostics(status: ApiStatus, doc: TDocText, firstLine: number): TEditorDiagnostic[] {
  const causes = status.details?.causes ?? [];
  const fields = [...status.message.matchAll(/(?:unknown|duplicate) field "([^"]+)"/g)].map((m) => m[1]);
  if (fields.length) {
    return fields.map((f) => at(doc, locateField(doc, f), firstLine, status.message));
  }
  if (causes.length) {
    return causes.map((c) => {
      const line = c.field ? locateField(doc, c.field) : undefined;
      return at(doc, line, firstLine, c.field ? `${c.field}: ${c.message ?? ""}` : c.message ?? status.message);
    });
  }
  return [{ line: firstLine, column: 1, message: status.message }];
}

/** A diagnostic at a located line (its key's column), else at the document's first line. */
function at(doc: TDocText, line: number | undefined, firstLine: number, message: string): TEditorDiagnostic {
  if (line === undefined) return { line: firstLine, column: 1, message };
  const text = doc.text.split("\n")[line - doc.startLine] ?? "";
  const key = /^[\s-]*/.exec(text)?.[0].length ?? 0;
  return { line, column: key + 1, message };
}

/**
 * The line (1-based, in the whole text) of a field path like `spec.containers[0].readinessProbee`:
 * follows the path through the block-style YAML, each step searching forward from the previous one
 * among lines more indented than it.
 */
export function locateField(doc: TDocText, path: string): number | undefined {
  const lines = doc.text.split("\n");
  const steps = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
  let from = 0;
  let parentIndent = -1;
  let found: number | undefined;
  for (const step of steps) {
    let hit: number | undefined;
    if (typeof step === "number") {
      let seen = -1;
      let dashIndent: number | undefined;
      for (let i = from; i < lines.length; i++) {
        const l = lines[i];
        if (!l.trim() || l.trim().startsWith("#")) continue;
        const indent = l.length - l.trimStart().length;
        if (i > from && indent <= parentIndent && !l.trimStart().startsWith("-")) break;
        if (l.trimStart().startsWith("- ") || l.trim() === "-") {
          if (dashIndent === undefined) dashIndent = indent;
          if (indent === dashIndent && ++seen === step) {
            hit = i;
            parentIndent = indent;
            break;
          }
        }
      }
    } else {
      const key = new RegExp(`^(\\s*)(?:-\\s+)?["']?${step.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["']?\\s*:`);
      for (let i = from; i < lines.length; i++) {
        const m = key.exec(lines[i]);
        if (m) {
          hit = i;
          parentIndent = lines[i].length - lines[i].trimStart().length;
          break;
        }
      }
    }
    if (hit === undefined) return found;
    found = doc.startLine + hit;
    from = hit + (typeof step === "number" ? 0 : 1);
  }
  return found;
}

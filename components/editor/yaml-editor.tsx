"use client";
// The manifest editor (CodeMirror 6): YAML highlighting, Kubernetes-aware completion of field names
// and enum values, hover docs (both from GET /api/editor/fields, with the YAML path worked out from
// indentation in yaml-path.ts), inline diagnostics from POST /api/editor/validate about 500 ms after
// typing stops, Tab indents (Esc then Tab leaves the editor, CodeMirror's escape hatch), and
// Ctrl/Cmd+Enter submits. Loaded only in the browser (lazy-yaml-editor.tsx).
import { useEffect, useRef } from "react";
import { autocompletion, closeBrackets, completionKeymap, type Completion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { yaml } from "@codemirror/lang-yaml";
import { HighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { linter, lintGutter, type Diagnostic } from "@codemirror/lint";
import { EditorState, Prec, type Text } from "@codemirror/state";
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, hoverTooltip, keymap, lineNumbers, placeholder as placeholderExt } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { cursorContext, documentType, keyAt } from "./yaml-path";
import { fetchDiagnostics, fetchFields, fieldInsertText, KINDS, type EditorDiagnostic } from "./field-docs";

export type YamlEditorProps = {
  value: string;
  onChange: (value: string) => void;
  onSubmit?: () => void;
  onDiagnostics?: (diagnostics: EditorDiagnostic[]) => void;
  /** Accessible name of the editing area. */
  label: string;
  describedBy?: string;
  placeholder?: string;
  requiredLabel: string;
};

const highlight = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: "var(--color-primary)" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--color-success)" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--color-warning)" },
  { tag: tags.comment, color: "var(--color-text-muted)", fontStyle: "italic" },
  { tag: [tags.meta, tags.keyword, tags.operator, tags.punctuation], color: "var(--color-text-muted)" },
]);

const theme = EditorView.theme({
  "&": { backgroundColor: "var(--color-surface-raised)", color: "var(--color-text)", fontSize: "0.92rem", minHeight: "16rem" },
  "&.cm-focused": { outline: "3px solid var(--color-focus)", outlineOffset: "2px" },
  ".cm-content": { fontFamily: "var(--font-mono)", caretColor: "var(--color-text)" },
  ".cm-scroller": { fontFamily: "var(--font-mono)", minHeight: "16rem", maxHeight: "32rem" },
  ".cm-gutters": { backgroundColor: "var(--color-surface)", color: "var(--color-text-muted)", borderRight: "1px solid var(--color-border)" },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "var(--color-primary-soft)" },
  ".cm-cursor": { borderLeftColor: "var(--color-text)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "var(--color-primary-soft)" },
  ".cm-tooltip": { backgroundColor: "var(--color-surface-raised)", color: "var(--color-text)", border: "1px solid var(--color-border-strong)" },
  ".cm-tooltip-autocomplete ul li[aria-selected]": { backgroundColor: "var(--color-primary)", color: "var(--color-on-primary)" },
  ".cm-completionDetail": { color: "inherit", opacity: 0.85 },
  ".cm-hover-doc": { maxWidth: "28rem", padding: "0.5rem 0.75rem", fontFamily: "var(--font-sans)", fontSize: "0.88rem", whiteSpace: "pre-wrap" },
  ".cm-hover-doc strong": { fontFamily: "var(--font-mono)" },
  ".cm-diagnostic-error": { borderLeftColor: "var(--color-danger)" },
});

/** 1-based line/column from the server → a document offset (clamped: the text may have changed). */
function toOffset(doc: Text, line: number, column: number): number {
  const safeLine = Math.min(Math.max(1, line), doc.lines);
  const info = doc.line(safeLine);
  return Math.min(info.from + Math.max(0, column - 1), info.to);
}

function kubernetesCompletions(requiredLabel: string) {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const text = context.state.doc.toString();
    const where = cursorContext(text, context.pos);
    if (!where) return null;
    if (where.kind === "key" && where.prefix === "" && !context.explicit) return null;
    if (where.kind === "value" && where.path.length === 0 && (where.key === "kind" || where.key === "apiVersion")) {
      const values = where.key === "kind" ? KINDS.map((k) => k.kind) : [...new Set(KINDS.map((k) => k.apiVersion))];
      return { from: where.from, options: values.map((label) => ({ label, type: "enum" })), validFor: /^[\w./-]*$/ };
    }
    const type = documentType(text, context.pos);
    if (!type) {
      if (where.kind !== "key" || where.path.length > 0) return null;
      return {
        from: where.from,
        options: ["apiVersion", "kind", "metadata", "spec"].map((name) => ({ label: name, type: "property", apply: `${name}: ` })),
        validFor: /^[\w.-]*$/,
      };
    }
    const fields = await fetchFields(type.apiVersion, type.kind, where.path);
    if (context.aborted) return null;
    if (where.kind === "key") {
      const lineStart = context.state.doc.lineAt(context.pos).from;
      const keyColumn = where.from - lineStart;
      const options: Completion[] = fields.map((field) => ({
        label: field.name,
        type: "property",
        detail: field.required ? `${field.type} · ${requiredLabel}` : field.type,
        info: field.description,
        apply: fieldInsertText(field, keyColumn),
        boost: field.required ? 1 : 0,
      }));
      return { from: where.from, options, validFor: /^[\w.-]*$/ };
    }
    const field = fields.find((f) => f.name === where.key);
    const values = field?.enum ?? (field?.type === "boolean" ? ["true", "false"] : []);
    if (values.length === 0) return null;
    return { from: where.from, options: values.map((label) => ({ label, type: "enum", info: field?.description })), validFor: /^[\w.-]*$/ };
  };
}

const hoverDocs = hoverTooltip(async (view, pos) => {
  const text = view.state.doc.toString();
  const key = keyAt(text, pos);
  const type = documentType(text, pos);
  if (!key || !type) return null;
  const fields = await fetchFields(type.apiVersion, type.kind, key.path);
  const field = fields.find((f) => f.name === key.key);
  if (!field) return null;
  return {
    pos: key.from,
    end: key.to,
    above: true,
    create() {
      const dom = document.createElement("div");
      dom.className = "cm-hover-doc";
      const title = document.createElement("strong");
      title.textContent = `${[...key.path, field.name].join(".")} <${field.type}>${field.required ? " *" : ""}`;
      const body = document.createElement("div");
      body.textContent = field.description + (field.enum ? `\n\n${field.enum.join(" | ")}` : "");
      dom.append(title, body);
      return { dom };
    },
  };
});

export default function YamlEditor({ value, onChange, onSubmit, onDiagnostics, label, describedBy, placeholder, requiredLabel }: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The latest callbacks, read by the editor's extensions without rebuilding the editor.
  const callbacks = useRef({ onChange, onSubmit, onDiagnostics });
  useEffect(() => {
    callbacks.current = { onChange, onSubmit, onDiagnostics };
  });

  useEffect(() => {
    if (!host.current) return;
    const diagnosticsSource = linter(
      async (editor) => {
        const text = editor.state.doc.toString();
        if (text.trim() === "") {
          callbacks.current.onDiagnostics?.([]);
          return [];
        }
        const found = await fetchDiagnostics(text);
        if (found === null) return [];
        callbacks.current.onDiagnostics?.(found);
        const doc = editor.state.doc;
        return found.map<Diagnostic>((d) => {
          const from = toOffset(doc, d.line, d.column);
          const lineEnd = doc.lineAt(from).to;
          return { from, to: Math.max(from, lineEnd), severity: "error", message: d.message };
        });
      },
      { delay: 500 },
    );
    const state = EditorState.create({
      doc: value,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        closeBrackets(),
        highlightActiveLine(),
        indentUnit.of("  "),
        EditorState.tabSize.of(2),
        yaml(),
        syntaxHighlighting(highlight),
        autocompletion({ override: [kubernetesCompletions(requiredLabel)], activateOnTyping: true }),
        hoverDocs,
        diagnosticsSource,
        lintGutter(),
        Prec.highest(
          keymap.of([
            {
              key: "Mod-Enter",
              run: () => {
                callbacks.current.onSubmit?.();
                return true;
              },
            },
          ]),
        ),
        keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
        }),
        EditorView.contentAttributes.of({
          "aria-label": label,
          ...(describedBy ? { "aria-describedby": describedBy } : {}),
          spellcheck: "false",
          autocapitalize: "off",
          autocorrect: "off",
        }),
        theme,
        ...(placeholder ? [placeholderExt(placeholder)] : []),
      ],
    });
    const editor = new EditorView({ state, parent: host.current });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is built once; later `value` changes are synced below, the rest is read via refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Outside changes (Reset to starter, a restored draft) replace the text as one undoable change.
  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    if (current !== value) editor.dispatch({ changes: { from: 0, to: current.length, insert: value } });
  }, [value]);

  return <div ref={host} data-testid="yaml-editor" />;
}

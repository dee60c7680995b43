"use client";
// The YAML editor, loaded on demand in the browser only, so CodeMirror stays out of every page's
// first bundle and out of server rendering. While it loads, a plain text area keeps the page usable.
import dynamic from "next/dynamic";
import type { YamlEditorProps } from "./yaml-editor";

export const LazyYamlEditor = dynamic<YamlEditorProps>(() => import("./yaml-editor"), {
  ssr: false,
  loading: () => <div className="editor-loading" aria-busy="true" style={{ minHeight: "16rem" }} />,
});

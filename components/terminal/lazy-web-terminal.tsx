"use client";
// The web terminal, loaded on demand in the browser only (xterm.js touches the DOM at import time).
import dynamic from "next/dynamic";
import type { WebTerminalProps } from "./web-terminal";

export const LazyWebTerminal = dynamic<WebTerminalProps>(() => import("./web-terminal"), {
  ssr: false,
  loading: () => <div aria-busy="true" style={{ height: "22rem" }} />,
});

// lib/questions — the question format (schema), its parser, per-learner variants and the client view.
// Pure: no file system here (lib/bank/load-bank.ts reads the bank from disk).
export * from "./schema";
export * from "./parse";
export * from "./variants";
export * from "./present";

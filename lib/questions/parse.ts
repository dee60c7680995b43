// Parses question files and the syllabus: js-yaml core schema, then the strict zod schema, then the
// cross-field rules zod cannot express (answer ids exist, id matches the file, objectives exist…).
// Every error is collected with its file and path instead of stopping at the first.
import yaml from "js-yaml";
import type { z } from "zod";
import { isSimQuestion, ZQuestion, ZSyllabus, type TObjective, type TQuestion } from "./schema";

export type TBankError = { file: string; path: string; message: string };
export type TParseResult<T> = { ok: true; value: T } | { ok: false; errors: TBankError[] };

export type TParseContext = {
  /** Syllabus objective ids, to check `objectives`. */
  objectives: ReadonlySet<string>;
  /** Note file names (e.g. "003_6d1f2f67c12c14ba.txt"), to check `sources`. */
  notes: ReadonlySet<string>;
};

/** Parse YAML with the core schema (no custom tags); duplicate keys and syntax errors are errors. */
export function parseYaml(file: string, text: string): TParseResult<unknown> {
  try {
    return { ok: true, value: yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ file, path: "", message }] };
  }
}

export function zodErrors(file: string, error: z.ZodError): TBankError[] {
  return error.issues.map((issue) => ({ file, path: formatPath(issue.path), message: issue.message }));
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export function parseSyllabus(file: string, text: string): TParseResult<TObjective[]> {
  const parsed = parseYaml(file, text);
  if (!parsed.ok) return parsed;
  const result = ZSyllabus.safeParse(parsed.value);
  if (!result.success) return { ok: false, errors: zodErrors(file, result.error) };
  const errors: TBankError[] = [];
  const seen = new Set<string>();
  result.data.forEach((o, i) => {
    if (seen.has(o.id)) errors.push({ file, path: `[${i}].id`, message: `duplicate objective id "${o.id}"` });
    seen.add(o.id);
    if (!o.id.startsWith(`${o.topic}.`)) errors.push({ file, path: `[${i}].id`, message: `id must start with its topic "${o.topic}."` });
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: result.data };
}

/**
 * Parse one question file. `file` is its path relative to the bank root, e.g. "probes/liveness-exec.yaml";
 * the question's id must be that path without ".yaml", and its folder must be its topic.
 */
export function parseQuestionFile(file: string, text: string, ctx: TParseContext): TParseResult<TQuestion> {
  const parsed = parseYaml(file, text);
  if (!parsed.ok) return parsed;
  const result = ZQuestion.safeParse(parsed.value);
  if (!result.success) return { ok: false, errors: zodErrors(file, result.error) };
  const errors = checkQuestion(result.data, ctx).map((e) => ({ file, ...e }));
  const expectedId = file.replace(/\\/g, "/").replace(/\.ya?ml$/, "");
  if (result.data.id !== expectedId) errors.push({ file, path: "id", message: `must be "${expectedId}" (the file's path without .yaml)` });
  return errors.length ? { ok: false, errors } : { ok: true, value: result.data };
}

type TRuleError = { path: string; message: string };

/** Cross-field rules; exported for tests and for questions built in code. */
export function checkQuestion(q: TQuestion, ctx: TParseContext): TRuleError[] {
  const errors: TRuleError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });

  if (q.id.split("/")[0] !== q.topic) err("topic", `must match the id's folder "${q.id.split("/")[0]}"`);
  q.objectives.forEach((o, i) => {
    if (!ctx.objectives.has(o)) err(`objectives[${i}]`, `unknown syllabus objective "${o}"`);
  });
  q.sources.forEach((s, i) => {
    const note = s.split("#")[0];
    if (!ctx.notes.has(note)) err(`sources[${i}]`, `unknown note file "${note}"`);
  });

  const unique = (ids: string[], path: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) err(`${path}[${i}].id`, `duplicate id "${id}"`);
      seen.add(id);
    });
    return seen;
  };

  switch (q.type) {
    case "single-choice": {
      const ids = unique(q.choices.map((c) => c.id), "choices");
      if (!ids.has(q.answer)) err("answer", `"${q.answer}" is not a choice id`);
      break;
    }
    case "multiple-choice": {
      const ids = unique(q.choices.map((c) => c.id), "choices");
      q.answer.forEach((a, i) => {
        if (!ids.has(a)) err(`answer[${i}]`, `"${a}" is not a choice id`);
      });
      if (new Set(q.answer).size !== q.answer.length) err("answer", "lists a choice twice");
      break;
    }
    case "fill-in": {
      const ids = unique(q.blanks.map((b) => b.id), "blanks");
      q.blanks.forEach((b, i) =>
        b.patterns.forEach((p, j) => {
          try {
            new RegExp(p);
          } catch {
            err(`blanks[${i}].patterns[${j}]`, "is not a valid regular expression");
          }
        }),
      );
      for (const [k, list] of [["correct", q.tests.correct], ["wrong", q.tests.wrong]] as const) {
        list.forEach((answer, i) =>
          Object.keys(answer).forEach((id) => {
            if (!ids.has(id)) err(`tests.${k}[${i}].${id}`, `"${id}" is not a blank id`);
          }),
        );
      }
      break;
    }
    case "ordering": {
      const ids = unique(q.items.map((c) => c.id), "items");
      if (q.answer.length !== ids.size || q.answer.some((a) => !ids.has(a)) || new Set(q.answer).size !== q.answer.length) {
        err("answer", "must list every item id exactly once");
      }
      break;
    }
    case "matching": {
      const left = unique(q.left.map((c) => c.id), "left");
      const right = unique(q.right.map((c) => c.id), "right");
      for (const id of left) if (!(id in q.answer)) err("answer", `left item "${id}" has no match`);
      for (const [l, r] of Object.entries(q.answer)) {
        if (!left.has(l)) err(`answer.${l}`, `"${l}" is not a left item id`);
        if (!right.has(r)) err(`answer.${l}`, `"${r}" is not a right item id`);
      }
      break;
    }
    case "true-false":
      break;
    default: {
      if (!isSimQuestion(q)) break;
      const checkIds = new Set<string>();
      q.checks.forEach((c, i) => {
        if (checkIds.has(c.id)) err(`checks[${i}].id`, `duplicate check id "${c.id}"`);
        checkIds.add(c.id);
        if (c.kind === "kubectl" && c.matches !== undefined) validRegex(c.matches, `checks[${i}].matches`, err);
        if ("expect" in c) c.expect.forEach((a, j) => a.matches !== undefined && validRegex(a.matches, `checks[${i}].expect[${j}].matches`, err));
        if ("where" in c) c.where.forEach((a, j) => a.matches !== undefined && validRegex(a.matches, `checks[${i}].where[${j}].matches`, err));
      });
      q.tests.wrong.forEach((w, i) =>
        w.fails.forEach((f, j) => {
          if (!checkIds.has(f)) err(`tests.wrong[${i}].fails[${j}]`, `"${f}" is not a check id`);
        }),
      );
      const answers = [["solution", q.solution], ...q.tests.alternatives.map((a, i) => [`tests.alternatives[${i}]`, a] as const), ...q.tests.wrong.map((a, i) => [`tests.wrong[${i}]`, a] as const)] as const;
      for (const [path, a] of answers) {
        if (a.manifest === undefined && a.commands === undefined) err(path, "needs a manifest or commands");
        if (q.task.answer === "manifest" && a.commands !== undefined && a.manifest === undefined && path === "solution") {
          err(path, "task.answer is manifest: the solution must be a manifest");
        }
        if (q.task.answer === "commands" && a.manifest !== undefined && path === "solution") err(path, "task.answer is commands: the solution must be commands");
      }
      break;
    }
  }

  // Every {{param}} used must be declared, and every declared param used.
  const used = new Set<string>();
  collectPlaceholders(q, used);
  const declared = new Set(Object.keys(q.params ?? {}));
  for (const name of used) if (!declared.has(name)) err("params", `{{${name}}} is used but not declared`);
  for (const name of declared) if (!used.has(name)) err(`params.${name}`, "is declared but never used");
  for (const [name, p] of Object.entries(q.params ?? {})) {
    if ("range" in p && p.range[0] > p.range[1]) err(`params.${name}.range`, "low end is above the high end");
  }
  return errors;
}

function validRegex(source: string, path: string, err: (path: string, message: string) => void): void {
  try {
    new RegExp(source);
  } catch {
    err(path, "is not a valid regular expression");
  }
}

export const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g;

function collectPlaceholders(value: unknown, into: Set<string>): void {
  if (typeof value === "string") {
    for (const m of value.matchAll(PLACEHOLDER)) into.add(m[1]);
  } else if (Array.isArray(value)) {
    for (const v of value) collectPlaceholders(v, into);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) if (k !== "params") collectPlaceholders(v, into);
  }
}

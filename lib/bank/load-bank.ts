// Loads the question bank from disk (questions/<topic>/*.yaml, questions/syllabus.yaml,
// questions/notes/*.txt) through lib/questions' pure parser, collecting every error with its file.
// Node-only (fs, crypto): used by the seed, the questions:* scripts and the server.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseQuestionFile, parseSyllabus, type TBankError } from "../questions/parse";
import type { TObjective, TQuestion } from "../questions/schema";

export type TBankQuestion = {
  id: string;
  topic: string;
  type: string;
  /** sha256 of the canonical JSON of the validated question (key order independent). */
  contentHash: string;
  content: TQuestion;
  /** Path relative to the bank root. */
  file: string;
};

export type TLoadedBank = {
  questions: TBankQuestion[];
  syllabus: TObjective[];
  /** Note file name → text. */
  notes: Map<string, string>;
  errors: TBankError[];
};

export const DEFAULT_BANK_DIR = path.join(process.cwd(), "questions");

export function loadBankSync(dir: string = DEFAULT_BANK_DIR): TLoadedBank {
  const errors: TBankError[] = [];
  const syllabusFile = path.join(dir, "syllabus.yaml");
  let syllabus: TObjective[] = [];
  if (!existsSync(syllabusFile)) errors.push({ file: "syllabus.yaml", path: "", message: "missing" });
  else {
    const parsed = parseSyllabus("syllabus.yaml", readFileSync(syllabusFile, "utf8"));
    if (parsed.ok) syllabus = parsed.value;
    else errors.push(...parsed.errors);
  }
  const notes = new Map<string, string>();
  const notesDir = path.join(dir, "notes");
  if (existsSync(notesDir)) {
    for (const name of readdirSync(notesDir).sort()) if (name.endsWith(".txt")) notes.set(name, readFileSync(path.join(notesDir, name), "utf8"));
  }
  const ctx = { objectives: new Set(syllabus.map((o) => o.id)), notes: new Set(notes.keys()) };
  const questions: TBankQuestion[] = [];
  for (const topic of readdirSync(dir).sort()) {
    const topicDir = path.join(dir, topic);
    if (topic === "notes" || !statSync(topicDir).isDirectory()) continue;
    for (const name of readdirSync(topicDir).sort()) {
      if (!/\.ya?ml$/.test(name)) continue;
      const file = `${topic}/${name}`;
      const parsed = parseQuestionFile(file, readFileSync(path.join(topicDir, name), "utf8"), ctx);
      if (!parsed.ok) {
        errors.push(...parsed.errors);
        continue;
      }
      const q = parsed.value;
      questions.push({ id: q.id, topic: q.topic, type: q.type, contentHash: hashContent(q), content: q, file });
    }
  }
  return { questions, syllabus, notes, errors };
}

/** The seed's entry point (prisma/seed.ts): fails loudly on any invalid file. */
export async function loadQuestionBank(dir: string = DEFAULT_BANK_DIR): Promise<TBankQuestion[]> {
  const bank = loadBankSync(dir);
  if (bank.errors.length) {
    const lines = bank.errors.slice(0, 20).map((e) => `${e.file}${e.path ? ` ${e.path}` : ""}: ${e.message}`);
    throw new Error(`question bank has ${bank.errors.length} error(s):\n${lines.join("\n")}`);
  }
  return bank.questions;
}

export function hashContent(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

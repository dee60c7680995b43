// questions:grade — grade one answer to one question and print the TGradeResult as JSON.
//   npm run --silent questions:grade -- QUESTION_FILE ANSWER_FILE [--seed N] [--report] [--budget MS]
// QUESTION_FILE: a question YAML under questions/ (validated like the bank).
// ANSWER_FILE, decided by its extension:
//   .json            an answer in ZAnswer form, e.g. {"type":"single-choice","choice":"always"}
//   .yaml / .yml     ZAnswer form when the document is a mapping with a `type` field
//                    ({type: sim, manifest: "...", commands: "..."}); otherwise (simulator tasks) a bare
//                    Kubernetes manifest, graded as {type: sim, manifest: <file text>}
//   .sh / .txt       (simulator tasks) a kubesim script: kubectl lines, sleep N, here-documents,
//                    graded as {type: sim, commands: <file text>}
// The report's bulky parts (events, timeline, get, describe) are printed only with --report.
import { readFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { loadBankSync } from "../../lib/bank/load-bank";
import { gradeAnswer } from "../../lib/grading";
import { parseQuestionFile } from "../../lib/questions/parse";
import { isSimQuestion, ZAnswer, type TAnswer } from "../../lib/questions/schema";

function usage(message?: string): never {
  if (message) console.error(message);
  console.error("usage: npm run --silent questions:grade -- QUESTION_FILE ANSWER_FILE [--seed N] [--report] [--budget MS]");
  process.exit(2);
}

const positional: string[] = [];
let seed = 1;
let withReport = false;
let budgetMs: number | undefined;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--seed") seed = Number(argv[++i]);
  else if (a.startsWith("--seed=")) seed = Number(a.slice(7));
  else if (a === "--report") withReport = true;
  else if (a === "--budget") budgetMs = Number(argv[++i]);
  else if (a.startsWith("--budget=")) budgetMs = Number(a.slice(9));
  else if (a.startsWith("-")) usage(`unknown option ${a}`);
  else positional.push(a);
}
if (positional.length !== 2 || !Number.isInteger(seed)) usage();
const [questionFile, answerFile] = positional;

const bankDir = path.resolve("questions");
const bank = loadBankSync(bankDir);
const ctx = { objectives: new Set(bank.syllabus.map((o) => o.id)), notes: new Set(bank.notes.keys()) };
const abs = path.resolve(questionFile);
const rel = path.relative(bankDir, abs).split(path.sep).join("/");
const parsed = parseQuestionFile(rel.startsWith("..") ? path.basename(abs) : rel, readFileSync(abs, "utf8"), ctx);
if (!parsed.ok) {
  for (const e of parsed.errors) console.error(`${e.file}${e.path ? ` ${e.path}` : ""}: ${e.message}`);
  process.exit(1);
}
const question = parsed.value;

const text = readFileSync(answerFile, "utf8");
const ext = path.extname(answerFile).toLowerCase();
let raw: unknown;
if (ext === ".sh" || ext === ".txt") raw = { type: "sim", commands: text };
else if (ext === ".json") raw = JSON.parse(text);
else if (ext === ".yaml" || ext === ".yml") {
  let doc: unknown;
  try {
    doc = yaml.load(text);
  } catch {
    // More than one document, or YAML that does not parse: a manifest (the grader reports it).
    doc = undefined;
  }
  raw = doc && typeof doc === "object" && !Array.isArray(doc) && "type" in doc && !("apiVersion" in doc) ? doc : { type: "sim", manifest: text };
} else usage(`ANSWER_FILE must end in .json, .yaml, .yml, .sh or .txt`);
if (!isSimQuestion(question) && (raw as { type?: string }).type === "sim" && ext !== ".json") usage("a manifest or script answers simulator tasks only");
const answer = ZAnswer.safeParse(raw);
if (!answer.success) {
  console.error(`${answerFile}: not an answer: ${answer.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  process.exit(1);
}
const result = gradeAnswer(question, answer.data as TAnswer, { seed, budgetMs });
if (result.status === "graded" && result.report && !withReport) {
  // Keep what the answer itself printed; events, timeline, get and describe only with --report.
  const { applyMessages, answerOutput, seed: s, virtualSeconds } = result.report;
  console.log(JSON.stringify({ ...result, report: { applyMessages, answerOutput, seed: s, virtualSeconds } }, null, 2));
} else console.log(JSON.stringify(result, null, 2));

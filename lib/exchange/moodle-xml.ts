// Moodle XML (docs.moodle.org/en/Moodle_XML_format): export and import of multichoice (single and
// multiple answers), truefalse, shortanswer (one-blank fill-in) and matching questions. Prompts are
// Markdown, so question text is written with format="markdown". Pure: a small writer and a reader
// for the elements these types use (CDATA and the five XML entities understood).
import type { TExchangeChoice, TExchangeQuestion } from "./exchange-question";

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, "&");
}

const textEl = (text: string, indent: string) => `${indent}<text>${escapeXml(text)}</text>`;

function answerEl(fraction: number, text: string, feedback: string | undefined, indent: string): string {
  const lines = [`${indent}<answer fraction="${Number(fraction.toFixed(5))}" format="plain_text">`, textEl(text, `${indent}  `)];
  if (feedback !== undefined) lines.push(`${indent}  <feedback format="markdown">`, textEl(feedback, `${indent}    `), `${indent}  </feedback>`);
  lines.push(`${indent}</answer>`);
  return lines.join("\n");
}

/** Multiple answers: right options share +100 %, wrong ones share −100 % (Moodle's usual weights). */
function fractions(choices: readonly TExchangeChoice[], single: boolean): number[] {
  const right = choices.filter((c) => c.correct).length;
  const wrong = choices.length - right;
  return choices.map((c) => (c.correct ? (single ? 100 : 100 / right) : single ? 0 : -100 / Math.max(1, wrong)));
}

export function toMoodleXml(questions: readonly TExchangeQuestion[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"];
  for (const q of questions) {
    const type = q.kind === "single-choice" || q.kind === "multiple-choice" ? "multichoice" : q.kind === "true-false" ? "truefalse" : q.kind === "fill-in" ? "shortanswer" : "matching";
    out.push(`  <question type="${type}">`, "    <name>", textEl(q.name, "      "), "    </name>", '    <questiontext format="markdown">', textEl(q.text, "      "), "    </questiontext>");
    switch (q.kind) {
      case "single-choice":
      case "multiple-choice": {
        const single = q.kind === "single-choice";
        out.push(`    <single>${single}</single>`, "    <shuffleanswers>true</shuffleanswers>");
        const f = fractions(q.choices, single);
        q.choices.forEach((c, i) => out.push(answerEl(f[i], c.text, c.feedback, "    ")));
        break;
      }
      case "true-false":
        out.push(answerEl(q.answer ? 100 : 0, "true", q.feedback, "    "), answerEl(q.answer ? 0 : 100, "false", q.feedback, "    "));
        break;
      case "fill-in":
        out.push("    <usecase>0</usecase>");
        for (const a of q.accept) out.push(answerEl(100, a, undefined, "    "));
        break;
      case "matching":
        for (const p of q.pairs) out.push('    <subquestion format="plain_text">', textEl(p.left, "      "), "      <answer>", textEl(p.right, "        "), "      </answer>", "    </subquestion>");
        break;
    }
    out.push("  </question>");
  }
  out.push("</quiz>", "");
  return out.join("\n");
}

// ─── Reading ─────────────────────────────────────────────────────────────────────────────────────

/** The inner content of each top-level <tag …>…</tag> in the source (no nesting of the same tag). */
function elements(source: string, tag: string): { attrs: string; inner: string }[] {
  const re = new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, "g");
  return [...source.matchAll(re)].map((m) => ({ attrs: m[1] ?? "", inner: m[2] }));
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`${name}="([^"]*)"`).exec(attrs);
  return m ? unescapeXml(m[1]) : null;
}

/** The first <text> inside, CDATA or escaped. */
function textOf(inner: string | undefined): string {
  const t = inner === undefined ? undefined : elements(inner, "text")[0]?.inner;
  if (t === undefined) return "";
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(t);
  return cdata ? cdata[1] : unescapeXml(t);
}

export type TMoodleImport = { questions: TExchangeQuestion[]; errors: { index: number; message: string }[] };

export function fromMoodleXml(source: string): TMoodleImport {
  const out: TMoodleImport = { questions: [], errors: [] };
  // Category pseudo-questions and comments carry no question.
  const clean = source.replace(/<!--[\s\S]*?-->/g, "");
  elements(clean, "question").forEach(({ attrs, inner }, index) => {
    const type = attr(attrs, "type");
    if (type === "category") return;
    // Nested answers (in subquestions) are read per subquestion; strip them before reading answers.
    const subs = elements(inner, "subquestion");
    const outer = inner.replace(/<subquestion[\s\S]*?<\/subquestion>/g, "");
    const name = textOf(elements(outer, "name")[0]?.inner);
    const text = textOf(elements(outer, "questiontext")[0]?.inner);
    const answers = elements(outer, "answer").map((a) => {
      const fb = elements(a.inner, "feedback")[0]?.inner;
      const withoutFeedback = a.inner.replace(/<feedback[\s\S]*?<\/feedback>/g, "");
      const feedback = fb === undefined ? undefined : textOf(fb);
      return { fraction: Number(attr(a.attrs, "fraction") ?? "0"), text: textOf(withoutFeedback), ...(feedback ? { feedback } : {}) };
    });
    switch (type) {
      case "multichoice": {
        const single = (elements(outer, "single")[0]?.inner.trim() ?? "true") === "true";
        const choices = answers.map((a) => ({ text: a.text, correct: a.fraction > 0, ...(a.feedback !== undefined ? { feedback: a.feedback } : {}) }));
        out.questions.push({ kind: single ? "single-choice" : "multiple-choice", name, text, choices });
        return;
      }
      case "truefalse": {
        const right = answers.find((a) => a.fraction > 0);
        if (!right) {
          out.errors.push({ index, message: "truefalse without a right answer" });
          return;
        }
        out.questions.push({ kind: "true-false", name, text, answer: right.text.trim().toLowerCase() === "true", ...(right.feedback !== undefined ? { feedback: right.feedback } : {}) });
        return;
      }
      case "shortanswer":
        out.questions.push({ kind: "fill-in", name, text, accept: answers.filter((a) => a.fraction > 0).map((a) => a.text) });
        return;
      case "matching":
        out.questions.push({
          kind: "matching",
          name,
          text,
          pairs: subs.filter((s) => textOf(s.inner.replace(/<answer[\s\S]*?<\/answer>/g, "")) !== "").map((s) => ({ left: textOf(s.inner.replace(/<answer[\s\S]*?<\/answer>/g, "")), right: textOf(elements(s.inner, "answer")[0]?.inner) })),
        });
        return;
      default:
        out.errors.push({ index, message: `unsupported question type "${type ?? ""}"` });
    }
  });
  return out;
}

// GIFT, Moodle's plain-text question format (docs.moodle.org/en/GIFT_format): export and import of
// single/multiple-choice, true/false, short answer (one-blank fill-in) and matching questions.
// Pure: strings in, strings out.
import type { TExchangeChoice, TExchangeQuestion } from "./exchange-question";

const SPECIAL = /[~=#{}:\\]/g;

/** GIFT's escapes: ~ = # { } : are written with a backslash (and the backslash itself). */
export function escapeGift(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`).replace(/\n/g, "\\n");
}

export function unescapeGift(text: string): string {
  return text.replace(/\\(n|[~=#{}:\\])/g, (_, c: string) => (c === "n" ? "\n" : c));
}

function feedback(text: string | undefined): string {
  return text === undefined ? "" : `#${escapeGift(text)}`;
}

/**
 * Multiple-choice weights: each right option earns 100/right %, each wrong one costs 100/wrong %,
 * as Moodle's multi-answer questions expect; 2 right of 4 → %50% and %-50%.
 */
function weight(c: TExchangeChoice, choices: readonly TExchangeChoice[]): string {
  const right = choices.filter((x) => x.correct).length;
  const wrong = choices.length - right;
  const value = c.correct ? 100 / right : -100 / Math.max(1, wrong);
  return `%${Number(value.toFixed(5))}%`;
}

export function toGift(questions: readonly TExchangeQuestion[]): string {
  return questions
    .map((q) => {
      const head = `::${escapeGift(q.name)}::${escapeGift(q.text)}`;
      switch (q.kind) {
        case "single-choice":
          return `${head} {\n${q.choices.map((c) => `\t${c.correct ? "=" : "~"}${escapeGift(c.text)}${feedback(c.feedback)}`).join("\n")}\n}`;
        case "multiple-choice":
          return `${head} {\n${q.choices.map((c) => `\t~${weight(c, q.choices)}${escapeGift(c.text)}${feedback(c.feedback)}`).join("\n")}\n}`;
        case "true-false":
          // {T#feedback for a wrong answer#feedback for a right one}: the same text for both here.
          return `${head} {${q.answer ? "TRUE" : "FALSE"}${q.feedback !== undefined ? `${feedback(q.feedback)}${feedback(q.feedback)}` : ""}}`;
        case "fill-in":
          return `${head} {\n${q.accept.map((a) => `\t=${escapeGift(a)}`).join("\n")}\n}`;
        case "matching":
          return `${head} {\n${q.pairs.map((p) => `\t=${escapeGift(p.left)} -> ${escapeGift(p.right)}`).join("\n")}\n}`;
      }
    })
    .join("\n\n")
    .concat("\n");
}

/** Splits at unescaped occurrences of any of the markers, keeping the marker with each part. */
function splitMarked(body: string, markers: string): { marker: string; text: string }[] {
  const parts: { marker: string; text: string }[] = [];
  let current: { marker: string; text: string } | null = null;
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i];
    if (c === "\\" && i + 1 < body.length) {
      if (current) current.text += c + body[i + 1];
      i += 1;
      continue;
    }
    if (markers.includes(c)) {
      current = { marker: c, text: "" };
      parts.push(current);
    } else if (current) current.text += c;
  }
  return parts;
}

/** Index of the first unescaped character `ch` at or after `from`, or -1. */
function findUnescaped(text: string, ch: string, from = 0): number {
  for (let i = from; i < text.length; i += 1) {
    if (text[i] === "\\") i += 1;
    else if (text[i] === ch) return i;
  }
  return -1;
}

function textAndFeedback(raw: string): { text: string; feedback?: string } {
  const hash = findUnescaped(raw, "#");
  if (hash < 0) return { text: unescapeGift(raw.trim()) };
  return { text: unescapeGift(raw.slice(0, hash).trim()), feedback: unescapeGift(raw.slice(hash + 1).trim()) };
}

export type TGiftImport = { questions: TExchangeQuestion[]; errors: { index: number; message: string }[] };

export function fromGift(source: string): TGiftImport {
  const blocks = source
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((b) => b.split("\n").filter((l) => !/^\s*\/\//.test(l)).join("\n").trim())
    .filter((b) => b !== "");
  const out: TGiftImport = { questions: [], errors: [] };
  blocks.forEach((block, index) => {
    let rest = block;
    let name = "";
    if (rest.startsWith("::")) {
      const end = findUnescaped(rest, ":", 2);
      if (end < 0 || rest[end + 1] !== ":") {
        out.errors.push({ index, message: "unterminated ::title::" });
        return;
      }
      name = unescapeGift(rest.slice(2, end));
      rest = rest.slice(end + 2);
    }
    const open = findUnescaped(rest, "{");
    const close = open < 0 ? -1 : findUnescaped(rest, "}", open);
    if (open < 0 || close < 0) {
      out.errors.push({ index, message: "no answer block { … }" });
      return;
    }
    const text = unescapeGift(rest.slice(0, open).trim());
    const body = rest.slice(open + 1, close).trim();
    if (!name) name = text.slice(0, 40);
    const tf = /^(T|TRUE|F|FALSE)(#.*)?$/s.exec(body);
    if (tf) {
      const fb = splitMarked(body, "#").map((p) => unescapeGift(p.text.trim()));
      out.questions.push({ kind: "true-false", name, text, answer: tf[1].startsWith("T"), ...(fb.length > 0 ? { feedback: fb[fb.length - 1] } : {}) });
      return;
    }
    const parts = splitMarked(body, "=~");
    if (parts.length === 0) {
      out.errors.push({ index, message: "empty answer block" });
      return;
    }
    if (parts.every((p) => p.marker === "=") && parts.every((p) => p.text.includes("->"))) {
      const pairs = parts.map((p) => {
        const [left, right] = p.text.split("->");
        return { left: unescapeGift(left.trim()), right: unescapeGift(right.trim()) };
      });
      out.questions.push({ kind: "matching", name, text, pairs });
      return;
    }
    if (parts.every((p) => p.marker === "=")) {
      out.questions.push({ kind: "fill-in", name, text, accept: parts.map((p) => textAndFeedback(p.text).text) });
      return;
    }
    const weighted = parts.some((p) => /^%-?\d+(\.\d+)?%/.test(p.text.trim()));
    const choices: TExchangeChoice[] = parts.map((p) => {
      let raw = p.text.trim();
      let correct = p.marker === "=";
      const w = /^%(-?\d+(?:\.\d+)?)%/.exec(raw);
      if (w) {
        correct = Number(w[1]) > 0;
        raw = raw.slice(w[0].length);
      }
      const { text: choiceText, feedback: fb } = textAndFeedback(raw);
      return { text: choiceText, correct, ...(fb !== undefined ? { feedback: fb } : {}) };
    });
    out.questions.push({ kind: weighted ? "multiple-choice" : "single-choice", name, text, choices });
  });
  return out;
}

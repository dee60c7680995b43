// Fill-in grader: each blank is one check. The answer and every accepted form are normalised the
// same way (case, whitespace, seconds suffix, quantities), then compared with the accept list or the
// anchored patterns (^(?:…)$ against the normalised answer).
import type { TAnswer, TQuestion } from "../questions/schema";
import { compareRational, parseQuantity } from "./compare";
import { EMPTY_ANSWER, gradedResult, invalidResult } from "./result";
import type { TGradeResult } from "./types";

type TFillIn = Extract<TQuestion, { type: "fill-in" }>;
type TBlank = TFillIn["blanks"][number];

export function normalizeBlank(text: string, n: TBlank["normalize"]): string {
  let s = text;
  if (n.collapseWhitespace) s = s.trim().replace(/\s+/g, " ");
  if (n.caseInsensitive) s = s.toLowerCase();
  if (n.seconds) s = secondsForm(s);
  return s;
}

/** "10s" → "10", "5m" → "300", "1h" → "3600", "5min" → "300", "2m30s" → "150" (Go duration units). */
function secondsForm(s: string): string {
  const t = s.trim();
  if (/^\d+(?:\.\d+)?$/.test(t)) return t;
  const m = /^(?:(\d+)h)?(?:(\d+)(?:m|min))?(?:(\d+(?:\.\d+)?)(?:s|sec|secs|seconds?))?$/i.exec(t);
  if (!m || (!m[1] && !m[2] && !m[3])) return s;
  const total = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return String(total);
}

export function blankMatches(blank: TBlank, answer: string): boolean {
  const n = blank.normalize;
  const got = normalizeBlank(answer, n);
  if (!got) return false;
  for (const a of blank.accept) {
    const want = normalizeBlank(a, n);
    if (want === got) return true;
    if (n.quantity) {
      const x = parseQuantity(got);
      const y = parseQuantity(want);
      if (x && y && compareRational(x, y) === 0) return true;
    }
  }
  return blank.patterns.some((p) => {
    try {
      return new RegExp(`^(?:${p})$`, n.caseInsensitive ? "i" : "").test(got);
    } catch {
      return false;
    }
  });
}

export function gradeFillIn(q: TFillIn, answer: Extract<TAnswer, { type: "fill-in" }>): TGradeResult {
  const ids = new Set(q.blanks.map((b) => b.id));
  const unknown = Object.keys(answer.blanks).find((k) => !ids.has(k));
  if (unknown !== undefined) return invalidResult({ zh: `没有 "${unknown}" 这个空。`, en: `There is no blank "${unknown}".` });
  if (!Object.values(answer.blanks).some((v) => v.trim())) return invalidResult(EMPTY_ANSWER);
  return gradedResult(
    q.blanks.map((b, i) => {
      const given = answer.blanks[b.id] ?? "";
      const passed = blankMatches(b, given);
      return {
        id: b.id,
        passed,
        weight: 1,
        earned: passed ? 1 : 0,
        description: b.label ?? { zh: `第 ${i + 1} 空`, en: `Blank ${i + 1}` },
        expected: b.accept[0],
        observed: given,
        where: `blank ${b.id}`,
      };
    }),
  );
}

// The bank's self-tests for one question (PrairieLearn-style: a question carries its own tests).
// Choice types: the key scores full and the distractors do not. Simulator tasks, per seed: the
// untouched starting state scores 0, the solution and each alternative 100%, each wrong answer fails
// every check it names, the invalid answer is reported invalid. Returns one line per failure.
import { gradeAnswer, gradeStartingState, type TCheckResult, type TGradeResult } from "../../lib/grading";
import { isSimQuestion, type TAnswer, type TQuestion, type TSimQuestion } from "../../lib/questions/schema";
import { renderQuestion } from "../../lib/questions/variants";

export type TSelfTestOptions = { seeds: number[]; budgetMs: number };
export type TSelfTestResult = { id: string; file: string; failures: string[]; simulations: number; ms: number };

const pct = (r: TGradeResult) => (r.status === "graded" ? `${Math.round(r.percent * 1000) / 10}%` : r.status);

function describeResult(r: TGradeResult): string {
  if (r.status === "invalid") return `invalid: ${r.reason.en}${r.details.length ? ` (${r.details.join(" | ")})` : ""}`;
  if (r.status === "error") return `error ${r.code}: ${r.message.en}`;
  return `${r.score}/${r.maxScore}`;
}

function checkLine(c: TCheckResult): string {
  return `      - ${c.id} (${c.passed ? "passed" : "failed"}${c.at !== undefined ? ` at ${c.at}s` : ""}): expected ${oneLine(c.expected)}; observed ${oneLine(c.observed)}${c.where ? ` [${c.where}]` : ""}`;
}

function oneLine(s: string): string {
  const t = s.replace(/\s*\n\s*/g, " ⏎ ").trim();
  return t.length > 400 ? `${t.slice(0, 400)}…` : t;
}

export function selfTest(question: TQuestion, file: string, opts: TSelfTestOptions): TSelfTestResult {
  const started = performance.now();
  const failures: string[] = [];
  let simulations = 0;
  const fail = (seed: number | undefined, test: string, why: string, checks: TCheckResult[] = []) =>
    failures.push([`${file}${seed !== undefined ? ` [seed ${seed}]` : ""} ${test}: ${why}`, ...checks.map(checkLine)].join("\n"));

  if (isSimQuestion(question)) {
    for (const seed of opts.seeds) {
      const q = renderQuestion(question, seed) as TSimQuestion;
      const grade = (answer: TAnswer) => {
        simulations++;
        return gradeAnswer(q, answer, { seed, budgetMs: opts.budgetMs, report: false });
      };
      simulations++;
      let setupErrors: string[] = [];
      const start = gradeStartingState(q, { seed, budgetMs: opts.budgetMs, report: false, onSetupErrors: (e) => (setupErrors = e) });
      if (setupErrors.length) fail(seed, "setup", `the setup was not accepted: ${setupErrors.map(oneLine).join(" | ")}`);
      if (start.status !== "graded") fail(seed, "untouched state", describeResult(start));
      else if (start.score !== 0) fail(seed, "untouched state", `scores ${start.score}/${start.maxScore}, must be 0`, start.checks.filter((c) => c.passed));

      const sol = grade({ type: "sim", ...q.solution });
      if (sol.status !== "graded") fail(seed, "solution", describeResult(sol));
      else if (sol.percent !== 1) fail(seed, "solution", `scores ${pct(sol)}, must be 100%`, sol.checks.filter((c) => !c.passed));

      q.tests.alternatives.forEach((alt, i) => {
        const r = grade({ type: "sim", manifest: alt.manifest, commands: alt.commands });
        const name = `alternatives[${i}]${alt.note ? ` (${alt.note})` : ""}`;
        if (r.status !== "graded") fail(seed, name, describeResult(r));
        else if (r.percent !== 1) fail(seed, name, `scores ${pct(r)}, must be 100%`, r.checks.filter((c) => !c.passed));
      });

      q.tests.wrong.forEach((w, i) => {
        const r = grade({ type: "sim", manifest: w.manifest, commands: w.commands });
        const name = `wrong[${i}]${w.note ? ` (${w.note})` : ""}`;
        if (r.status !== "graded") return fail(seed, name, `${describeResult(r)} — a wrong answer must be graded (and fail ${w.fails.join(", ")})`);
        const passedNamed = r.checks.filter((c) => w.fails.includes(c.id) && c.passed);
        if (passedNamed.length) fail(seed, name, `must fail ${w.fails.join(", ")} but passes ${passedNamed.map((c) => c.id).join(", ")}`, passedNamed);
      });

      const inv = grade({ type: "sim", manifest: q.tests.invalid.manifest, commands: q.tests.invalid.commands });
      if (inv.status !== "invalid") fail(seed, `invalid${q.tests.invalid.note ? ` (${q.tests.invalid.note})` : ""}`, `is ${describeResult(inv)}, must be reported invalid`);
    }
    return { id: question.id, file, failures, simulations, ms: performance.now() - started };
  }

  const seed = opts.seeds[0] ?? 1;
  const q = renderQuestion(question, seed);
  const grade = (answer: TAnswer) => gradeAnswer(q, answer, { seed });
  const mustBe = (test: string, r: TGradeResult, want: "full" | "zero" | "not-full") => {
    if (r.status !== "graded") return fail(undefined, test, describeResult(r));
    const ok = want === "full" ? r.percent === 1 : want === "zero" ? r.score === 0 : r.percent < 1;
    if (!ok) fail(undefined, test, `scores ${pct(r)}, must be ${want === "full" ? "100%" : want === "zero" ? "0" : "below 100%"}`, r.checks.filter((c) => (want === "full" ? !c.passed : c.passed)));
  };
  switch (q.type) {
    case "single-choice":
      mustBe("key", grade({ type: "single-choice", choice: q.answer }), "full");
      for (const c of q.choices) if (c.id !== q.answer) mustBe(`distractor ${c.id}`, grade({ type: "single-choice", choice: c.id }), "zero");
      break;
    case "multiple-choice":
      mustBe("key", grade({ type: "multiple-choice", choices: q.answer }), "full");
      for (const c of q.choices) {
        const flipped = q.answer.includes(c.id) ? q.answer.filter((a) => a !== c.id) : [...q.answer, c.id];
        if (flipped.length) mustBe(`key with ${c.id} flipped`, grade({ type: "multiple-choice", choices: flipped }), "not-full");
      }
      break;
    case "true-false":
      mustBe("key", grade({ type: "true-false", value: q.answer }), "full");
      mustBe("opposite", grade({ type: "true-false", value: !q.answer }), "zero");
      break;
    case "fill-in":
      mustBe("key (first accepted form of each blank)", grade({ type: "fill-in", blanks: Object.fromEntries(q.blanks.map((b) => [b.id, b.accept[0]])) }), "full");
      q.blanks.forEach((b) => b.accept.forEach((a, i) => mustBe(`blank ${b.id} accept[${i}]`, grade({ type: "fill-in", blanks: fillAll(q.blanks, b.id, a) }), "full")));
      q.tests.correct.forEach((t, i) => mustBe(`tests.correct[${i}]`, grade({ type: "fill-in", blanks: t }), "full"));
      q.tests.wrong.forEach((t, i) => mustBe(`tests.wrong[${i}]`, grade({ type: "fill-in", blanks: t }), "not-full"));
      break;
    case "ordering":
      mustBe("key", grade({ type: "ordering", order: q.answer }), "full");
      mustBe("reversed", grade({ type: "ordering", order: [...q.answer].reverse() }), "not-full");
      break;
    case "matching": {
      mustBe("key", grade({ type: "matching", pairs: q.answer }), "full");
      const lefts = q.left.map((l) => l.id);
      for (let i = 0; i + 1 < lefts.length; i++) {
        const [a, b] = [lefts[i], lefts[i + 1]];
        if (q.answer[a] === q.answer[b]) continue;
        mustBe(`${a} and ${b} swapped`, grade({ type: "matching", pairs: { ...q.answer, [a]: q.answer[b], [b]: q.answer[a] } }), "not-full");
      }
      break;
    }
  }
  return { id: question.id, file, failures, simulations, ms: performance.now() - started };
}

function fillAll(blanks: { id: string; accept: string[] }[], id: string, value: string): Record<string, string> {
  return Object.fromEntries(blanks.map((b) => [b.id, b.id === id ? value : b.accept[0]]));
}

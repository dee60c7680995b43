// Checks the schema cannot express and that need no simulation: every check target and assertion
// path of a simulator task parses (after rendering a variant), so a typo is reported with its path
// instead of as a check that can never pass.
import { parsePath, parseTarget } from "../../lib/grading";
import { isSimQuestion, type TQuestion, type TSimQuestion } from "../../lib/questions/schema";
import { renderQuestion } from "../../lib/questions/variants";

export function checkStatic(question: TQuestion): string[] {
  if (!isSimQuestion(question)) return [];
  const q = renderQuestion(question, 1) as TSimQuestion;
  const problems: string[] = [];
  q.checks.forEach((c, i) => {
    if ("target" in c && c.target !== undefined) {
      const t = parseTarget(c.target);
      if (!t.ok) problems.push(`checks[${i}].target: ${t.error}`);
    }
    const assertions = c.kind === "object" ? c.expect : c.kind === "count" ? c.where : [];
    assertions.forEach((a, j) => {
      const p = parsePath(a.path);
      if (!p.ok) problems.push(`checks[${i}].${c.kind === "object" ? "expect" : "where"}[${j}].path: ${p.error}`);
    });
  });
  return problems;
}

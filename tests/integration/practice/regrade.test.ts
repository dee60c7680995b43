// questions:regrade re-scores stored answers against the version they answered, with their seed,
// keeps the previous score in the result, records the grader version and reports what changed.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { gradeAnswer, GRADER_VERSION } from "@/lib/grading";
import { describeRegrade, parseRegradeArgs, regradeAnswers, type TGradeFn } from "@/scripts/questions/regrade";
import { describeEachProvider } from "../helpers/test-db";
import { COMMAND_TASK, dbVia, makeLearner, seedFixtures, SINGLE_CHOICE, type TAuthHolder } from "./harness";

const holder = vi.hoisted(() => ({ db: undefined, session: null }) as TAuthHolder);
vi.mock("server-only", () => ({}));
vi.mock("@/lib/db", async () => ({ ...(await import("@/lib/db/client")), db: dbVia(holder) }));
// Grading in-process keeps this test about regrading; the pool has its own tests.
vi.mock("@/lib/server/grading", () => ({
  gradeAnswerInPool: async (question: Parameters<typeof gradeAnswer>[0], answer: Parameters<typeof gradeAnswer>[1], seed: number) =>
    gradeAnswer(question, answer, { seed }),
  warmGradingPool: () => undefined,
}));

const { openPractice, submitAnswer } = await import("@/lib/server/practice");

const grade: TGradeFn = async (question, answer, seed) => gradeAnswer(question, answer, { seed });

describeEachProvider("regrade", (suite) => {
  beforeAll(async () => {
    holder.db = suite.db;
    await seedFixtures(suite.db);
  });

  it("reports and stores changed scores after the answered version's key is corrected", async () => {
    const right = await makeLearner(suite.db);
    const wrong = await makeLearner(suite.db);
    const a = await openPractice(right, SINGLE_CHOICE.id);
    const b = await openPractice(wrong, SINGLE_CHOICE.id);
    const rightAnswer = await submitAnswer(right, a.attemptId, { type: "single-choice", choice: "always" }, `regrade-a-${a.attemptId}`);
    const wrongAnswer = await submitAnswer(wrong, b.attemptId, { type: "single-choice", choice: "never" }, `regrade-b-${b.attemptId}`);
    const c = await openPractice(right, COMMAND_TASK.id);
    await submitAnswer(right, c.attemptId, { type: "sim", commands: "kubectl run web --image=nginx:1.27\n" }, `regrade-c-${c.attemptId}`);

    // Nothing changed yet: every answer was graded by this grader.
    const idle = await regradeAnswers(suite.db, { grade });
    expect(idle).toMatchObject({ examined: 3, changed: [], unchanged: 3, skipped: [] });

    // The key of the version these answers are pinned to is corrected in place (an admin fix).
    const version = await suite.db.question.findUniqueOrThrow({ where: { id: SINGLE_CHOICE.id }, select: { currentVersionId: true } });
    await suite.db.questionVersion.update({ where: { id: version.currentVersionId! }, data: { content: { ...JSON.parse(JSON.stringify(SINGLE_CHOICE)), answer: "never" } } });

    const dry = await regradeAnswers(suite.db, { grade, dryRun: true, questionId: SINGLE_CHOICE.id });
    expect(dry.examined).toBe(2);
    expect(dry.changed.map((ch) => [ch.answerId, ch.before.score, ch.after.score]).sort()).toEqual(
      [[rightAnswer.answerId, 1, 0], [wrongAnswer.answerId, 0, 1]].sort(),
    );
    expect((await suite.db.answer.findUniqueOrThrow({ where: { id: rightAnswer.answerId } })).score).toBe(1);
    expect(describeRegrade(dry).join("\n")).toContain("dry run: nothing written");

    const real = await regradeAnswers(suite.db, { grade, questionId: SINGLE_CHOICE.id });
    expect(real.changed).toHaveLength(2);
    expect(real.changed.every((ch) => ch.attemptUpdated)).toBe(true);
    const lines = describeRegrade(real);
    expect(lines[0]).toMatch(/2 answers examined, 2 changed/);
    expect(lines.join("\n")).toContain(`${SINGLE_CHOICE.id}  answer ${rightAnswer.answerId}  1/1 → 0/1  [attempt score updated]`);

    const stored = await suite.db.answer.findUniqueOrThrow({ where: { id: rightAnswer.answerId } });
    expect(stored).toMatchObject({ score: 0, maxScore: 1, graderVersion: GRADER_VERSION });
    expect(stored.result).toMatchObject({ status: "graded", score: 0, regrade: { previous: [{ status: "graded", score: 1, maxScore: 1, graderVersion: GRADER_VERSION }] } });
    expect(await suite.db.attempt.findUniqueOrThrow({ where: { id: a.attemptId } })).toMatchObject({ score: 0, status: "graded" });
    expect(await suite.db.attempt.findUniqueOrThrow({ where: { id: b.attemptId } })).toMatchObject({ score: 1 });

    // Regrading again changes nothing: same grader, same outcome.
    expect(await regradeAnswers(suite.db, { grade })).toMatchObject({ examined: 3, changed: [], unchanged: 3 });
  });
});

describe("parseRegradeArgs", () => {
  it("reads --question and --dry-run and refuses anything else", () => {
    expect(parseRegradeArgs([])).toEqual({ questionId: undefined, dryRun: false });
    expect(parseRegradeArgs(["--question", "pods/x", "--dry-run"])).toEqual({ questionId: "pods/x", dryRun: true });
    expect(parseRegradeArgs(["--question=pods/y"])).toEqual({ questionId: "pods/y", dryRun: false });
    expect(() => parseRegradeArgs(["--question"])).toThrow(/needs a question id/);
    expect(() => parseRegradeArgs(["--force"])).toThrow(/unknown argument "--force"/);
  });
});

// Practice against a real database and the real grading pool: the submit flow, invalid answers that
// keep the attempt open, idempotent double submits, retries that keep history, and isolation of one
// learner's attempts from another's.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { describeEachProvider } from "../helpers/test-db";
import { codeOf, COMMAND_TASK, dbVia, makeLearner, seedFixtures, SINGLE_CHOICE, type TAuthHolder } from "./harness";

const holder = vi.hoisted(() => ({ db: undefined, session: null }) as TAuthHolder);
vi.mock("server-only", () => ({}));
vi.mock("@/lib/db", async () => ({ ...(await import("@/lib/db/client")), db: dbVia(holder) }));
// The real pool, with a counter around it: a double submit must grade once.
vi.mock("@/lib/server/grading", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/server/grading")>();
  return { ...actual, gradeAnswerInPool: vi.fn(actual.gradeAnswerInPool) };
});

const grading = await import("@/lib/server/grading");
const { openPractice, submitAnswer, precheckAnswer, getAttemptResult } = await import("@/lib/server/practice");
const { listPracticeQuestions, topicOverview } = await import("@/lib/server/question-bank");
const gradeSpy = vi.mocked(grading.gradeAnswerInPool);

afterAll(async () => {
  await grading.getGradingPool().close();
});

let keyCounter = 0;
const newKey = () => `test-key-${Date.now().toString(36)}-${++keyCounter}`;

describeEachProvider("practice", (suite) => {
  beforeAll(async () => {
    holder.db = suite.db;
    await seedFixtures(suite.db);
  });

  it("opens a question without its key, grades a right answer, closes the attempt and reveals the solution", async () => {
    const user = await makeLearner(suite.db);
    const opened = await openPractice(user, SINGLE_CHOICE.id);
    expect(opened.question.type).toBe("single-choice");
    expect(JSON.stringify(opened.question)).not.toContain('"answer"');
    expect(opened.previous).toEqual([]);
    // Opening again reuses the attempt in progress.
    expect((await openPractice(user, SINGLE_CHOICE.id)).attemptId).toBe(opened.attemptId);

    const submitted = await submitAnswer(user, opened.attemptId, { type: "single-choice", choice: "always" }, newKey());
    expect(submitted.result).toMatchObject({ status: "graded", score: 1, maxScore: 1 });
    expect(submitted.attemptStatus).toBe("graded");
    expect(submitted.reveal?.solution).toEqual({ type: "single-choice", choice: "always" });
    expect(submitted.reveal?.explanation.en).toBe("Always is the default.");
    expect(submitted.reveal?.sources[0].excerpt).toContain("重启策略");
    const attempt = await suite.db.attempt.findUniqueOrThrow({ where: { id: opened.attemptId } });
    expect(attempt).toMatchObject({ status: "graded", score: 1, maxScore: 1 });
    const answer = await suite.db.answer.findUniqueOrThrow({ where: { id: submitted.answerId } });
    expect(answer).toMatchObject({ valid: true, score: 1, seed: opened.seed });
    expect(answer.graderVersion).toMatch(/\S/);

    // A closed attempt takes no more answers.
    expect(await codeOf(submitAnswer(user, opened.attemptId, { type: "single-choice", choice: "never" }, newKey()))).toBe("CONFLICT");

    const result = await getAttemptResult(user, opened.attemptId);
    expect(result).toMatchObject({ status: "graded", percent: 100, latest: { answerId: submitted.answerId, valid: true } });
    expect(result.reveal?.choiceFeedback.find((c) => c.id === "never")).toMatchObject({ correct: false, feedback: { en: "Not the default." } });

    const list = await listPracticeQuestions(user, { topic: "restart-policy" }, "en");
    expect(list).toEqual([
      expect.objectContaining({ id: SINGLE_CHOICE.id, status: "correct", lastScorePercent: 100, title: "Which restartPolicy does a Pod get by default?" }),
    ]);
    expect(await listPracticeQuestions(user, { status: "new" })).toEqual([expect.objectContaining({ id: COMMAND_TASK.id })]);
    const overview = await topicOverview(user);
    expect(overview.find((t) => t.topic === "restart-policy")).toMatchObject({ questions: 1, answered: 1 });
    expect(overview.find((t) => t.topic === "restart-policy")!.masteryPercent).toBeGreaterThan(0);
  });

  it("stores an invalid answer without closing the attempt, then grades the corrected one", async () => {
    const user = await makeLearner(suite.db);
    const { attemptId } = await openPractice(user, COMMAND_TASK.id);
    const invalid = await submitAnswer(user, attemptId, { type: "sim", manifest: "kind: [oops\n" }, newKey());
    expect(invalid.result.status).toBe("invalid");
    expect(invalid.reveal).toBeNull();
    expect(invalid.attemptStatus).toBe("in_progress");
    expect(await suite.db.answer.findUniqueOrThrow({ where: { id: invalid.answerId } })).toMatchObject({ valid: false, score: null });
    expect((await suite.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("in_progress");
    expect((await getAttemptResult(user, attemptId)).reveal).toBeNull();

    const precheck = await precheckAnswer(user, attemptId, { type: "sim", manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n" });
    expect(precheck).toMatchObject({ ok: true });

    const graded = await submitAnswer(user, attemptId, { type: "sim", commands: "kubectl run web --image=nginx:1.27\n" }, newKey());
    expect(graded.result).toMatchObject({ status: "graded", percent: 1 });
    expect(graded.attemptStatus).toBe("graded");
    expect(graded.reveal?.solution).toEqual({ type: "sim", commands: "kubectl run web --image=nginx:1.27\n" });
    expect(await suite.db.answer.count({ where: { attemptId } })).toBe(2);
  });

  it("grades a double submit with one key once and returns the same result to both", async () => {
    const user = await makeLearner(suite.db);
    const { attemptId } = await openPractice(user, SINGLE_CHOICE.id);
    const key = newKey();
    const callsBefore = gradeSpy.mock.calls.length;
    const [a, b] = await Promise.all([
      submitAnswer(user, attemptId, { type: "single-choice", choice: "never" }, key),
      submitAnswer(user, attemptId, { type: "single-choice", choice: "never" }, key),
    ]);
    expect(a.answerId).toBe(b.answerId);
    expect(a.result).toEqual(b.result);
    expect(a.result).toMatchObject({ status: "graded", score: 0 });
    expect(gradeSpy.mock.calls.length - callsBefore).toBe(1);
    expect(await suite.db.answer.count({ where: { attemptId } })).toBe(1);
    // A later retry of the same request still gets the stored result without grading.
    const again = await submitAnswer(user, attemptId, { type: "single-choice", choice: "never" }, key);
    expect(again.answerId).toBe(a.answerId);
    expect(gradeSpy.mock.calls.length - callsBefore).toBe(1);
  });

  it("takes over a claim abandoned by a request that died mid-grade", async () => {
    const user = await makeLearner(suite.db);
    const { attemptId, seed } = await openPractice(user, SINGLE_CHOICE.id);
    const version = await suite.db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { questionVersionId: true } });
    const key = newKey();
    // What a crashed instance leaves behind: the key claimed long ago, never graded.
    await suite.db.answer.create({
      data: {
        attemptId,
        questionVersionId: version.questionVersionId!,
        payload: { type: "single-choice", choice: "always" },
        seed,
        idempotencyKey: key,
        createdAt: new Date(Date.now() - 10 * 60_000),
      },
    });
    const resumed = await submitAnswer(user, attemptId, { type: "single-choice", choice: "always" }, key);
    expect(resumed.result).toMatchObject({ status: "graded", score: 1 });
    expect(resumed.attemptStatus).toBe("graded");
    expect(await suite.db.answer.count({ where: { attemptId } })).toBe(1);
  });

  it("starts a new attempt with a new seed on retry and keeps the old one listed", async () => {
    const user = await makeLearner(suite.db);
    const first = await openPractice(user, SINGLE_CHOICE.id);
    await submitAnswer(user, first.attemptId, { type: "single-choice", choice: "never" }, newKey());
    const second = await openPractice(user, SINGLE_CHOICE.id);
    expect(second.attemptId).not.toBe(first.attemptId);
    expect(second.previous).toEqual([expect.objectContaining({ attemptId: first.attemptId, percent: 0 })]);
    const seeds = new Set([first.seed, second.seed]);
    await submitAnswer(user, second.attemptId, { type: "single-choice", choice: "always" }, newKey());
    const third = await openPractice(user, SINGLE_CHOICE.id);
    seeds.add(third.seed);
    // Seeds are drawn from 2^31 values: three equal ones would mean they are not per attempt.
    expect(seeds.size).toBeGreaterThan(1);
    expect(third.previous.map((p) => p.attemptId)).toEqual([second.attemptId, first.attemptId]);
    expect(third.previous.map((p) => p.percent)).toEqual([100, 0]);
    expect((await listPracticeQuestions(user, { q: "restartPolicy" }))[0]).toMatchObject({ status: "correct", lastScorePercent: 100 });
  });

  it("keeps one learner's attempts away from another", async () => {
    const owner = await makeLearner(suite.db);
    const intruder = await makeLearner(suite.db);
    const { attemptId } = await openPractice(owner, COMMAND_TASK.id);
    expect(await codeOf(getAttemptResult(intruder, attemptId))).toBe("NOT_FOUND");
    expect(await codeOf(submitAnswer(intruder, attemptId, { type: "sim", commands: "kubectl get pods\n" }, newKey()))).toBe("NOT_FOUND");
    expect(await codeOf(precheckAnswer(intruder, attemptId, { type: "sim", manifest: "kind: Pod\n" }))).toBe("NOT_FOUND");
    // An idempotency key of the owner's submit does not hand the intruder the owner's result.
    const key = newKey();
    await submitAnswer(owner, attemptId, { type: "sim", commands: "kubectl run web --image=nginx:1.27\n" }, key);
    expect(await codeOf(submitAnswer(intruder, attemptId, { type: "sim", commands: "x" }, key))).toBe("CONFLICT");
    expect(await suite.db.answer.count({ where: { attemptId } })).toBe(1);
  });

  it("refuses malformed input before touching the attempt", async () => {
    const user = await makeLearner(suite.db);
    const { attemptId } = await openPractice(user, SINGLE_CHOICE.id);
    expect(await codeOf(submitAnswer(user, attemptId, { type: "nope" } as never, newKey()))).toBe("VALIDATION");
    expect(await codeOf(submitAnswer(user, attemptId, { type: "single-choice", choice: "always" }, "short"))).toBe("VALIDATION");
    const huge = "x".repeat(70 * 1024);
    expect(await codeOf(submitAnswer(user, attemptId, { type: "sim", manifest: huge }, newKey()))).toBe("VALIDATION");
    expect(await codeOf(openPractice(user, "no-such/question"))).toBe("NOT_FOUND");
    expect(await suite.db.answer.count({ where: { attemptId } })).toBe(0);
  });
});

describe("practice filters", () => {
  it("rejects an unknown status or topic", async () => {
    const user = { id: "x", email: "x@example.test", name: "x", role: "STUDENT" as const, locale: null, timeMultiplier: 1, createdAt: new Date() };
    expect(await codeOf(listPracticeQuestions(user, { status: "bogus" } as never))).toBe("VALIDATION");
    expect(await codeOf(listPracticeQuestions(user, { topic: "nope" } as never))).toBe("VALIDATION");
  });
});

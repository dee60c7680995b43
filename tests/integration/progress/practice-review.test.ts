// A graded practice answer schedules the question's spaced review, once; an invalid one does not.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { describeEachProvider } from "../helpers/test-db";
import { dbVia, makeLearner, seedFixtures, SINGLE_CHOICE, type TAuthHolder } from "../practice/harness";

const holder = vi.hoisted(() => ({ db: undefined, session: null }) as TAuthHolder);
vi.mock("server-only", () => ({}));
vi.mock("@/lib/db", async () => ({ ...(await import("@/lib/db/client")), db: dbVia(holder) }));

const grading = await import("@/lib/server/grading");
const { openPractice, submitAnswer } = await import("@/lib/server/practice");
const { getReviewQueue } = await import("@/lib/server/progress");

afterAll(async () => {
  await grading.getGradingPool().close();
});

describeEachProvider("practice schedules reviews", (suite) => {
  beforeAll(async () => {
    holder.db = suite.db;
    await seedFixtures(suite.db, [SINGLE_CHOICE]);
  });

  it("creates one FSRS card per graded answer and none for an invalid one", async () => {
    const user = await makeLearner(suite.db);
    const opened = await openPractice(user, SINGLE_CHOICE.id);
    const invalid = await submitAnswer(user, opened.attemptId, { type: "single-choice", choice: "no-such-choice" }, `k-invalid-${Date.now()}`);
    expect(invalid.result.status).not.toBe("graded");
    expect(await suite.db.reviewCard.count({ where: { userId: user.id } })).toBe(0);

    const wrong = await submitAnswer(user, opened.attemptId, { type: "single-choice", choice: "never" }, `k-wrong-${Date.now()}`);
    expect(wrong.result.status).toBe("graded");
    const card = await suite.db.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId: user.id, questionId: SINGLE_CHOICE.id } }, include: { logs: true } });
    expect(card.logs).toHaveLength(1);
    expect(card.logs[0]).toMatchObject({ rating: 1, answerId: wrong.answerId });
    // A failed first answer is due again within minutes: it is in the queue a day later.
    const queue = await getReviewQueue(user, { now: new Date(Date.now() + 24 * 3600 * 1000), client: suite.db });
    expect(queue.due.map((d) => d.questionId)).toEqual([SINGLE_CHOICE.id]);
  });
});

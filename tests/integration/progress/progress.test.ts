// Progress from graded answers: the dashboard's mastery, daily volume and accuracy, and the FSRS
// review queue — per learner, never another learner's data.
import { beforeAll, expect, it, vi } from "vitest";
import { describeEachProvider } from "../helpers/test-db";
import { dbVia, makeUser, type TAuthHolder } from "../auth/harness";
import type { TDb } from "@/lib/db/client";

const holder = vi.hoisted(() => ({ db: undefined, session: null }) as TAuthHolder);
vi.mock("server-only", () => ({}));
vi.mock("@/lib/db", () => ({ db: dbVia(holder) }));

const { getDashboard, recordReview, getReviewQueue, weakestPracticeSet } = await import("@/lib/server/progress");

const NOW = new Date("2026-11-23T12:00:00Z");
const HOUR = 3600_000;

async function makeQuestion(db: TDb, id: string, objectives: string[], difficulty = "easy") {
  const topic = id.split("/")[0];
  await db.question.create({ data: { id, topic, type: "single-choice" } });
  const version = await db.questionVersion.create({
    data: { questionId: id, contentHash: `hash-${id}`, content: { id, topic, objectives, difficulty, type: "single-choice" } },
  });
  await db.question.update({ where: { id }, data: { currentVersionId: version.id } });
  return version.id;
}

async function answer(db: TDb, userId: string, questionId: string, versionId: string, percent: number, at: Date) {
  const attempt = await db.attempt.create({
    data: { userId, questionId, questionVersionId: versionId, mode: "practice", seed: 1, status: "graded", startedAt: new Date(at.getTime() - 5 * 60_000), submittedAt: at, score: percent, maxScore: 100 },
  });
  return db.answer.create({
    data: { attemptId: attempt.id, questionVersionId: versionId, payload: {}, score: percent, maxScore: 100, valid: true, gradedAt: at, seed: 1, idempotencyKey: `${attempt.id}-k` },
  });
}

describeEachProvider("progress", (suite) => {
  let alice: { id: string };
  let bob: { id: string };
  let v1: string;
  let v2: string;

  beforeAll(async () => {
    holder.db = suite.db;
    alice = await makeUser(suite.db);
    bob = await makeUser(suite.db);
    v1 = await makeQuestion(suite.db, "probes/p1", ["probes.types.three-kinds"]);
    v2 = await makeQuestion(suite.db, "probes/p2", ["probes.exec.exit-code", "probes.types.three-kinds"], "hard");
    await answer(suite.db, alice.id, "probes/p1", v1, 100, new Date(NOW.getTime() - 2 * HOUR));
    await answer(suite.db, alice.id, "probes/p2", v2, 50, new Date(NOW.getTime() - 26 * HOUR));
    await answer(suite.db, bob.id, "probes/p1", v1, 0, new Date(NOW.getTime() - HOUR));
  });

  const actor = (u: { id: string }) => ({ id: u.id, email: "x", name: "x", role: "STUDENT" as const, locale: "en" as const, timeMultiplier: 1, createdAt: NOW });

  it("computes mastery per topic and daily volume from the learner's own answers only", async () => {
    const d = await getDashboard(actor(alice), { now: NOW, client: suite.db, days: 7 });
    expect(d.totals).toMatchObject({ answers: 2, questions: 2, accuracy: 75, minutes: 10 });
    const probes = d.topics.find((t) => t.topic === "probes")!;
    expect(probes.answers).toBe(2);
    expect(probes.covered).toBe(2);
    expect(probes.mastery).toBeGreaterThan(0);
    expect(d.topics.find((t) => t.topic === "services")!.mastery).toBe(0);
    expect(d.days).toHaveLength(7);
    expect(d.days.at(-1)).toMatchObject({ day: "2026-11-23", answers: 1, accuracy: 100 });
    expect(d.days.at(-2)).toMatchObject({ day: "2026-11-22", answers: 1, accuracy: 50 });
    const other = await getDashboard(actor(bob), { now: NOW, client: suite.db, days: 7 });
    expect(other.totals).toMatchObject({ answers: 1, accuracy: 0 });
    expect(d.weakest[0].mastery).toBeNull();
  });

  it("records one FSRS review per graded answer and lists due cards for their owner only", async () => {
    const graded = await answer(suite.db, alice.id, "probes/p1", v1, 100, NOW);
    const first = await recordReview(suite.db, { userId: alice.id, questionId: "probes/p1", answerId: graded.id, percent: 100, at: NOW });
    expect(first.state).toBe("Learning");
    const again = await recordReview(suite.db, { userId: alice.id, questionId: "probes/p1", answerId: graded.id, percent: 100, at: NOW });
    expect(again.due.getTime()).toBe(first.due.getTime());
    expect(await suite.db.reviewLog.count({ where: { answerId: graded.id } })).toBe(1);

    expect((await getReviewQueue(actor(alice), { now: NOW, client: suite.db })).due).toHaveLength(0);
    const later = new Date(first.due.getTime() + 1000);
    const queue = await getReviewQueue(actor(alice), { now: later, client: suite.db });
    expect(queue.due.map((c) => c.questionId)).toEqual(["probes/p1"]);
    expect((await getReviewQueue(actor(bob), { now: later, client: suite.db })).due).toHaveLength(0);
  });

  it("builds a weakest-objectives practice set from unanswered objectives first", async () => {
    const set = await weakestPracticeSet(actor(alice), { now: NOW, client: suite.db });
    expect(set.objectives).toHaveLength(5);
    expect(set.objectives).not.toContain("probes.types.three-kinds");
  });
});

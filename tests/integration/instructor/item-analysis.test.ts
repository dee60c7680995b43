// Item analysis on a seeded class: first attempts only, wrong choices counted, check failures of a
// simulator task, and managers only.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { describeEachProvider } from "../helpers/test-db";
import { codeOf, COMMAND_TASK, dbVia, makeActor, seedFixtures, SINGLE_CHOICE, type TAuthHolder } from "./harness";

const holder = vi.hoisted(() => ({ db: undefined, session: null }) as TAuthHolder);
vi.mock("server-only", () => ({}));
vi.mock("@/lib/db", async () => ({ ...(await import("@/lib/db/client")), db: dbVia(holder) }));

const grading = await import("@/lib/server/grading");
const classes = await import("@/lib/server/classes");
const assignments = await import("@/lib/server/assignments");
const items = await import("@/lib/server/item-analysis");

afterAll(async () => {
  await grading.getGradingPool().close();
});

let keyCounter = 0;
const key = () => `ia-${Date.now().toString(36)}-${(keyCounter += 1)}`;

describeEachProvider("item analysis", (suite) => {
  beforeAll(async () => {
    holder.db = suite.db;
    await seedFixtures(suite.db, [SINGLE_CHOICE, COMMAND_TASK]);
  });

  it("computes difficulty, wrong choices, check failures and median time from first attempts", async () => {
    const teacher = await makeActor(suite.db, "INSTRUCTOR");
    const c = await classes.createClass(teacher, { name: "Items", timeZone: "UTC" });
    const hw = await assignments.createAssignment(teacher, c.id, { title: "Quiz", questionIds: [SINGLE_CHOICE.id, COMMAND_TASK.id], opensAt: "2026-11-01T00:00", dueAt: "2026-11-10T00:00" });
    const choices = ["always", "always", "never", "onfailure", "never"];
    const commands = ["kubectl run web --image=nginx:1.27", "kubectl run web --image=nginx:1.27", "kubectl run other --image=nginx:1.27", "kubectl run web --image=nginx:1.26", "kubectl run other --image=nginx:1.27"];
    for (let i = 0; i < choices.length; i += 1) {
      const s = await makeActor(suite.db);
      await classes.joinClass(s, c.joinCode);
      const open = new Date(Date.UTC(2026, 10, 5, 10, 0));
      let q = await assignments.openAssignmentQuestion(s, hw.id, 0, open);
      await assignments.submitAssignmentAnswer(s, q.attemptId, { type: "single-choice", choice: choices[i] }, key(), new Date(open.getTime() + (i + 1) * 60_000));
      q = await assignments.openAssignmentQuestion(s, hw.id, 1, open);
      await assignments.submitAssignmentAnswer(s, q.attemptId, { type: "sim", commands: commands[i] }, key(), open);
      if (i === 2) {
        // A second, right attempt does not change the item statistics (first attempts only).
        q = await assignments.openAssignmentQuestion(s, hw.id, 0, open);
        await assignments.submitAssignmentAnswer(s, q.attemptId, { type: "single-choice", choice: "always" }, key(), new Date(open.getTime() + 600_000));
      }
    }
    const analysis = await items.getItemAnalysis(teacher, hw.id);
    expect(analysis.learners).toBe(5);
    const choice = analysis.items.find((x) => x.questionId === SINGLE_CHOICE.id)!;
    expect(choice).toMatchObject({ type: "single-choice", responses: 5, difficulty: 0.4, medianTimeMs: 180_000 });
    expect(choice.wrongChoices).toEqual([
      { choice: "never", count: 2 },
      { choice: "onfailure", count: 1 },
    ]);
    const task = analysis.items.find((x) => x.questionId === COMMAND_TASK.id)!;
    expect(task.responses).toBe(5);
    expect(task.checkFailures.find((f) => f.checkId === "exists")).toMatchObject({ failed: 3, total: 5 });
    expect(task.checkFailures.find((f) => f.checkId === "running")).toMatchObject({ failed: 2, total: 5 });
    expect(task.discrimination).not.toBeNull();

    const b = await makeActor(suite.db, "INSTRUCTOR");
    expect(await codeOf(items.getItemAnalysis(b, hw.id))).toBe("NOT_FOUND");
  });
});

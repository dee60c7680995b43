// The gradebook against a real database: numbers (best attempt, late penalty, extension, override
// precedence), the drill-down, overrides in the audit log, regrading, the CSV route, and who may
// see any of it.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { describeEachProvider } from "../helpers/test-db";
import { codeOf, COMMAND_TASK, dbVia, makeActor, seedFixtures, SINGLE_CHOICE, type TAuthHolder } from "./harness";

const holder = vi.hoisted(() => ({ db: undefined, session: null }) as TAuthHolder);
vi.mock("server-only", () => ({}));
vi.mock("@/lib/db", async () => ({ ...(await import("@/lib/db/client")), db: dbVia(holder) }));
vi.mock("next-auth", () => ({ getServerSession: async () => holder.session }));
vi.mock("@/lib/i18n/server", () => ({ getLocale: async () => "en" }));
vi.stubEnv("NEXTAUTH_SECRET", "integration-test-secret-integration-test-secret");

const grading = await import("@/lib/server/grading");
const classes = await import("@/lib/server/classes");
const assignments = await import("@/lib/server/assignments");
const gradebook = await import("@/lib/server/gradebook");
const csvRoute = await import("@/app/instructor/classes/[id]/gradebook.csv/route");

afterAll(async () => {
  await grading.getGradingPool().close();
});

let keyCounter = 0;
const key = () => `gb-${Date.now().toString(36)}-${(keyCounter += 1)}`;
const RIGHT = { type: "single-choice", choice: "always" } as const;
const WRONG = { type: "single-choice", choice: "never" } as const;
const ON_TIME = new Date("2026-11-05T00:00:00Z");

describeEachProvider("gradebook", (suite) => {
  beforeAll(async () => {
    holder.db = suite.db;
    await seedFixtures(suite.db, [SINGLE_CHOICE, COMMAND_TASK]);
  });

  async function seededClass() {
    const teacher = await makeActor(suite.db, "INSTRUCTOR");
    const c = await classes.createClass(teacher, { name: 'Evening, "B"', timeZone: "UTC" });
    const hw = await assignments.createAssignment(teacher, c.id, {
      title: "Two questions",
      questionIds: [SINGLE_CHOICE.id, COMMAND_TASK.id],
      opensAt: "2026-11-01T00:00",
      dueAt: "2026-11-10T00:00",
      latePolicy: { kind: "penalty", percentPerDay: 20, maxDays: 2 },
    });
    const ada = await makeActor(suite.db);
    const bob = await makeActor(suite.db);
    const cy = await makeActor(suite.db);
    for (const s of [ada, bob, cy]) await classes.joinClass(s, c.joinCode);
    async function answer(user: typeof ada, index: number, payload: unknown, at: Date) {
      const q = await assignments.openAssignmentQuestion(user, hw.id, index, at);
      return assignments.submitAssignmentAnswer(user, q.attemptId, payload, key(), at);
    }
    // Ada: both right on time → 100. Bob: choice right 1 day late (−20 %), task wrong → (80 + 0)/2 = 40.
    // Cy: extension to the 12th, choice right on the 11th → not late → 50.
    await answer(ada, 0, WRONG, ON_TIME);
    await answer(ada, 0, RIGHT, ON_TIME);
    await answer(ada, 1, { type: "sim", commands: "kubectl run web --image=nginx:1.27" }, ON_TIME);
    await answer(bob, 0, RIGHT, new Date("2026-11-10T12:00:00Z"));
    await answer(bob, 1, { type: "sim", commands: "kubectl run other --image=nginx:1.27" }, new Date("2026-11-10T12:00:00Z"));
    await assignments.setExtension(teacher, hw.id, cy.id, { dueAt: "2026-11-12T00:00" });
    await answer(cy, 0, RIGHT, new Date("2026-11-11T00:00:00Z"));
    return { teacher, c, hw, ada, bob, cy };
  }

  it("computes each cell: best attempt, late penalty, extension, attempts", async () => {
    const { teacher, c, hw, ada, bob, cy } = await seededClass();
    const book = await gradebook.getGradebook(teacher, c.id);
    expect(book.assignments.map((a) => a.id)).toEqual([hw.id]);
    const cell = (id: string) => book.students.find((s) => s.userId === id)!.cells[0];
    expect(cell(ada.id)).toMatchObject({ percent: 100, late: false, attempts: 3, overridden: false });
    expect(cell(bob.id)).toMatchObject({ percent: 40, late: true, attempts: 2 });
    expect(cell(cy.id)).toMatchObject({ percent: 50, late: false, attempts: 1, extended: true });
  });

  it("lets an override win, requires a reason, audits it, and keeps it through a regrade that reports changes", async () => {
    const { teacher, c, hw, bob } = await seededClass();
    const work = await gradebook.getStudentWork(teacher, hw.id, bob.id);
    expect(work.submissions.map((s) => s.questionId)).toEqual([SINGLE_CHOICE.id, COMMAND_TASK.id]);
    const task = work.submissions[1];
    expect(task.result?.status).toBe("graded");
    expect(task.answer).toEqual({ type: "sim", commands: "kubectl run other --image=nginx:1.27" });
    expect(work.submissions[0]).toMatchObject({ rawScore: 1, score: 0.8, late: true });

    expect(await codeOf(gradebook.overrideSubmission(teacher, task.submissionId, { score: 1 }))).toBe("VALIDATION");
    expect(await codeOf(gradebook.overrideSubmission(teacher, task.submissionId, { score: 99, reason: "too much" }))).toBe("VALIDATION");
    await gradebook.overrideSubmission(teacher, task.submissionId, { score: 2, reason: "Pod name typo accepted" });
    const cell = (await gradebook.getGradebook(teacher, c.id)).students.find((s) => s.userId === bob.id)!.cells[0];
    expect(cell).toMatchObject({ percent: 90, overridden: true });
    const audit = await suite.db.auditLog.findFirst({ where: { targetType: "Submission", targetId: task.submissionId } });
    expect(audit).toMatchObject({ actorId: teacher.id, action: "submission.override" });
    expect((audit!.detail as Record<string, unknown>).reason).toBe("Pod name typo accepted");

    // Corrupt a stored grade, as a grader bug would: the regrade restores it and reports the change.
    await suite.db.submission.update({ where: { id: work.submissions[0].submissionId }, data: { score: 0 } });
    const report = await gradebook.regradeAssignment(teacher, hw.id);
    expect(report.failed).toEqual([]);
    expect(report.regraded).toBe(6);
    expect(report.changed).toEqual([
      expect.objectContaining({ submissionId: work.submissions[0].submissionId, userId: bob.id, before: { score: 0, maxScore: 1 }, after: { score: 0.8, maxScore: 1 } }),
    ]);
    expect((await gradebook.getGradebook(teacher, c.id)).students.find((s) => s.userId === bob.id)!.cells[0].percent).toBe(90);
  });

  it("exports RFC 4180 CSV with a BOM, and only to the class's managers", async () => {
    const { teacher, c, ada } = await seededClass();
    holder.session = { user: { id: teacher.id } };
    const response = await csvRoute.GET(new Request("http://localhost/x"), { params: Promise.resolve({ id: c.id }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("Name,Email,Two questions (%),Two questions late,Two questions attempts");
    expect(lines).toContain(`${ada.name},${ada.email},100,,3`);
    expect(lines.at(-1)).toBe("");
    expect(gradebook.csvField('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(gradebook.csvField("=1+1")).toBe("'=1+1");
    expect(gradebook.csvField("a\nb")).toBe('"a\nb"');

    const other = await makeActor(suite.db, "INSTRUCTOR");
    holder.session = { user: { id: other.id } };
    expect((await csvRoute.GET(new Request("http://localhost/x"), { params: Promise.resolve({ id: c.id }) })).status).toBe(404);
    holder.session = { user: { id: ada.id } };
    expect((await csvRoute.GET(new Request("http://localhost/x"), { params: Promise.resolve({ id: c.id }) })).status).toBe(403);
    holder.session = null;
    expect((await csvRoute.GET(new Request("http://localhost/x"), { params: Promise.resolve({ id: c.id }) })).status).toBe(401);
  });

  it("keeps instructor B and students out of the gradebook, drill-down, override and regrade", async () => {
    const { c, hw, ada, bob } = await seededClass();
    const b = await makeActor(suite.db, "INSTRUCTOR");
    const work = await gradebook.getStudentWork(await adminActor(), hw.id, ada.id);
    const sid = work.submissions[0].submissionId;
    expect(await codeOf(gradebook.getGradebook(b, c.id))).toBe("NOT_FOUND");
    expect(await codeOf(gradebook.getStudentWork(b, hw.id, ada.id))).toBe("NOT_FOUND");
    expect(await codeOf(gradebook.overrideSubmission(b, sid, { score: 0, reason: "nope nope" }))).toBe("NOT_FOUND");
    expect(await codeOf(gradebook.regradeAssignment(b, hw.id))).toBe("NOT_FOUND");
    // A classmate sees neither the gradebook nor another student's answers.
    expect(await codeOf(gradebook.getGradebook(bob, c.id))).toBe("FORBIDDEN");
    expect(await codeOf(gradebook.getStudentWork(bob, hw.id, ada.id))).toBe("NOT_FOUND");
    expect(await codeOf(gradebook.getStudentWork(ada, hw.id, ada.id))).toBe("NOT_FOUND");
    expect(await codeOf(gradebook.overrideSubmission(ada, sid, { score: 1, reason: "I deserve it" }))).toBe("NOT_FOUND");
    expect(await codeOf(assignments.openAssignmentQuestion(bob, hw.id, 0, ON_TIME))).toBe("ok");
    const adasAttempt = (await suite.db.attempt.findFirst({ where: { userId: ada.id, assignmentId: hw.id } }))!.id;
    expect(await codeOf(assignments.submitAssignmentAnswer(bob, adasAttempt, RIGHT, key(), ON_TIME))).toBe("NOT_FOUND");
    const overridden = await suite.db.submission.findUnique({ where: { id: sid } });
    expect(overridden?.overrideScore).toBeNull();
  });

  async function adminActor() {
    return makeActor(suite.db, "ADMIN");
  }
});

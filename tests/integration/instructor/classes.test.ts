// Classes and homework against a real database: creating and joining classes, who may see and change
// what, assignment windows in the class's zone, extensions, late penalties and the attempts limit.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { describeEachProvider } from "../helpers/test-db";
import { codeOf, dbVia, makeActor, seedFixtures, SINGLE_CHOICE, COMMAND_TASK, type TAuthHolder } from "./harness";

const holder = vi.hoisted(() => ({ db: undefined, session: null }) as TAuthHolder);
vi.mock("server-only", () => ({}));
vi.mock("@/lib/db", async () => ({ ...(await import("@/lib/db/client")), db: dbVia(holder) }));

const grading = await import("@/lib/server/grading");
const classes = await import("@/lib/server/classes");
const assignments = await import("@/lib/server/assignments");
const terminal = await import("@/lib/server/terminal");

afterAll(async () => {
  await grading.getGradingPool().close();
});

const RIGHT = { type: "single-choice", choice: "always" } as const;
const WRONG = { type: "single-choice", choice: "never" } as const;
let keyCounter = 0;
const key = () => `key-${Date.now().toString(36)}-${(keyCounter += 1)}`;

describeEachProvider("classes and homework", (suite) => {
  beforeAll(async () => {
    holder.db = suite.db;
    await seedFixtures(suite.db, [SINGLE_CHOICE, COMMAND_TASK]);
  });

  it("creates a class with an unambiguous 8-character join code and validates the time zone", async () => {
    const teacher = await makeActor(suite.db, "INSTRUCTOR");
    const created = await classes.createClass(teacher, { name: "CKAD evening", timeZone: "Asia/Shanghai" });
    expect(created.joinCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    expect(created.joinPath).toBe(`/join/${created.joinCode}`);
    expect(created).toMatchObject({ role: "owner", timeZone: "Asia/Shanghai", archived: false, students: 0 });
    expect(await codeOf(classes.createClass(teacher, { name: "x", timeZone: "Mars/Olympus" }))).toBe("VALIDATION");
    const student = await makeActor(suite.db);
    expect(await codeOf(classes.createClass(student, { name: "mine", timeZone: "UTC" }))).toBe("FORBIDDEN");
  });

  it("lets a learner join by code (idempotently, case-insensitively) and several classes", async () => {
    const teacher = await makeActor(suite.db, "INSTRUCTOR");
    const a = await classes.createClass(teacher, { name: "A", timeZone: "UTC" });
    const b = await classes.createClass(teacher, { name: "B", timeZone: "UTC" });
    const student = await makeActor(suite.db);
    expect(await classes.joinClass(student, a.joinCode!.toLowerCase())).toMatchObject({ classId: a.id, alreadyMember: false });
    expect(await classes.joinClass(student, a.joinCode)).toMatchObject({ classId: a.id, alreadyMember: true });
    await classes.joinClass(student, b.joinCode);
    const mine = await classes.listClasses(student);
    expect(mine.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    // A student sees neither the code nor the roster size.
    expect(mine.every((c) => c.role === "student" && c.joinCode === null && c.students === 0)).toBe(true);
    expect((await classes.listRoster(teacher, a.id)).map((r) => r.userId)).toEqual([student.id]);
    expect(await codeOf(classes.joinClass(student, "ZZZZZZZZ"))).toBe("NOT_FOUND");
  });

  it("refuses joins and new assignments in an archived class", async () => {
    const teacher = await makeActor(suite.db, "INSTRUCTOR");
    const c = await classes.createClass(teacher, { name: "Old", timeZone: "UTC" });
    await classes.archiveClass(teacher, c.id);
    const student = await makeActor(suite.db);
    expect(await codeOf(classes.joinClass(student, c.joinCode))).toBe("CONFLICT");
    expect(
      await codeOf(assignments.createAssignment(teacher, c.id, { title: "t", questionIds: [SINGLE_CHOICE.id], opensAt: "2026-11-01T00:00", dueAt: "2026-11-02T00:00" })),
    ).toBe("CONFLICT");
  });

  it("keeps instructor B out of instructor A's class, lets a co-instructor and an admin in, and hides classmates", async () => {
    const a = await makeActor(suite.db, "INSTRUCTOR");
    const b = await makeActor(suite.db, "INSTRUCTOR");
    const admin = await makeActor(suite.db, "ADMIN");
    const c = await classes.createClass(a, { name: "A's", timeZone: "UTC" });
    const student = await makeActor(suite.db);
    const other = await makeActor(suite.db);
    await classes.joinClass(student, c.joinCode);
    await classes.joinClass(other, c.joinCode);
    expect(await codeOf(classes.getClass(b, c.id))).toBe("NOT_FOUND");
    expect(await codeOf(classes.listRoster(b, c.id))).toBe("NOT_FOUND");
    expect(await codeOf(classes.removeStudent(b, c.id, student.id))).toBe("NOT_FOUND");
    expect(await codeOf(classes.archiveClass(b, c.id))).toBe("NOT_FOUND");
    expect(await codeOf(assignments.createAssignment(b, c.id, { title: "t", questionIds: [SINGLE_CHOICE.id], opensAt: "2026-11-01T00:00", dueAt: "2026-11-02T00:00" }))).toBe("NOT_FOUND");
    expect((await classes.listClasses(b)).some((x) => x.id === c.id)).toBe(false);
    // A student of the class may not read its roster.
    expect(await codeOf(classes.listRoster(student, c.id))).toBe("FORBIDDEN");
    // Co-instructor via enrolment, and an admin, may manage it.
    await suite.db.enrollment.create({ data: { classId: c.id, userId: b.id, role: "INSTRUCTOR" } });
    expect((await classes.listRoster(b, c.id)).map((r) => r.userId).sort()).toEqual([student.id, other.id].sort());
    expect((await classes.listRoster(admin, c.id)).length).toBe(2);
    await classes.removeStudent(a, c.id, other.id);
    expect((await classes.listRoster(a, c.id)).map((r) => r.userId)).toEqual([student.id]);
  });

  it("interprets dates in the class's zone and draws rule-based questions per learner by seed", async () => {
    expect(assignments.zonedTimeToUtc("2026-11-30T23:59", "Asia/Shanghai")!.toISOString()).toBe("2026-11-30T15:59:00.000Z");
    expect(assignments.zonedTimeToUtc("2026-07-01T12:00", "Europe/Berlin")!.toISOString()).toBe("2026-07-01T10:00:00.000Z");
    expect(assignments.zonedTimeToUtc("2026-01-01T12:00", "Europe/Berlin")!.toISOString()).toBe("2026-01-01T11:00:00.000Z");
    expect(assignments.formatInZone(new Date("2026-11-30T15:59:00Z"), "Asia/Shanghai")).toBe("2026-11-30T23:59");
    const ids = Array.from({ length: 20 }, (_, i) => `t/q${i}`);
    const one = assignments.drawQuestions(ids, 5, assignments.drawSeed("asg", "u1"));
    expect(assignments.drawQuestions(ids, 5, assignments.drawSeed("asg", "u1"))).toEqual(one);
    expect(assignments.drawQuestions(ids, 5, assignments.drawSeed("asg", "u2"))).not.toEqual(one);
    expect(new Set(one).size).toBe(5);

    const teacher = await makeActor(suite.db, "INSTRUCTOR");
    const c = await classes.createClass(teacher, { name: "Z", timeZone: "Asia/Shanghai" });
    const created = await assignments.createAssignment(teacher, c.id, {
      title: "Rule",
      rule: { types: ["single-choice"], count: 1 },
      opensAt: "2026-11-01T08:00",
      dueAt: "2026-11-30T23:59",
    });
    expect(created.dueAt.toISOString()).toBe("2026-11-30T15:59:00.000Z");
    expect(created.dueAtLocal).toBe("2026-11-30T23:59");
    const student = await makeActor(suite.db);
    await classes.joinClass(student, c.joinCode);
    const view = await assignments.getHomework(student, created.id, new Date("2026-11-10T00:00:00Z"));
    expect(view.items.map((i) => i.questionId)).toEqual([SINGLE_CHOICE.id]);
    expect(await codeOf(assignments.createAssignment(teacher, c.id, { title: "bad", questionIds: ["nope/nope"], opensAt: "2026-11-01T08:00", dueAt: "2026-11-30T23:59" }))).toBe("VALIDATION");
    expect(await codeOf(assignments.createAssignment(teacher, c.id, { title: "bad", questionIds: [SINGLE_CHOICE.id], opensAt: "2026-11-02T08:00", dueAt: "2026-11-01T23:59" }))).toBe("VALIDATION");
  });

  it("grades homework with the attempts limit, late penalties, extensions and hidden solutions until release", async () => {
    const teacher = await makeActor(suite.db, "INSTRUCTOR");
    const c = await classes.createClass(teacher, { name: "HW", timeZone: "UTC" });
    const hw = await assignments.createAssignment(teacher, c.id, {
      title: "Restart policy",
      questionIds: [SINGLE_CHOICE.id],
      opensAt: "2026-11-01T00:00",
      dueAt: "2026-11-10T00:00",
      attemptsAllowed: 2,
      latePolicy: { kind: "penalty", percentPerDay: 10, maxDays: 3 },
      solutionsReleaseAt: "2026-11-20T00:00",
    });
    const onTime = await makeActor(suite.db);
    const late = await makeActor(suite.db);
    const extended = await makeActor(suite.db);
    const outsider = await makeActor(suite.db);
    for (const s of [onTime, late, extended]) await classes.joinClass(s, c.joinCode);
    const before = new Date("2026-11-05T00:00:00Z");

    // Not yet open → invisible; outsider never sees it.
    expect(await codeOf(assignments.getHomework(onTime, hw.id, new Date("2026-10-30T00:00:00Z")))).toBe("NOT_FOUND");
    expect(await codeOf(assignments.getHomework(outsider, hw.id, before))).toBe("NOT_FOUND");
    expect((await assignments.listHomework(onTime, before))[0]).toMatchObject({ assignmentId: hw.id, status: "not_started", className: "HW", percent: null });

    // Wrong, then right: two attempts used, best counts, third refused (read-only view).
    let q = await assignments.openAssignmentQuestion(onTime, hw.id, 0, before);
    expect(JSON.stringify(q.question)).not.toContain('"answer"');
    expect(await codeOf(assignments.submitAssignmentAnswer(outsider, q.attemptId, WRONG, key(), before))).toBe("NOT_FOUND");
    const first = await assignments.submitAssignmentAnswer(onTime, q.attemptId, WRONG, key(), before);
    expect(first).toMatchObject({ attemptStatus: "graded", late: false, score: 0, reveal: null });
    // Before release, the check results do not give the key away.
    expect(first.result.status === "graded" && first.result.checks.every((ch) => ch.expected === "")).toBe(true);
    expect((await assignments.listHomework(onTime, before))[0].status).toBe("submitted");
    q = await assignments.openAssignmentQuestion(onTime, hw.id, 0, before);
    expect(q).toMatchObject({ status: "in_progress", attemptsUsed: 1, writable: true });
    expect((await assignments.submitAssignmentAnswer(onTime, q.attemptId, RIGHT, key(), before)).score).toBe(1);
    q = await assignments.openAssignmentQuestion(onTime, hw.id, 0, before);
    expect(q).toMatchObject({ status: "graded", attemptsUsed: 2, writable: false, reveal: null });
    expect(await codeOf(assignments.submitAssignmentAnswer(onTime, q.attemptId, RIGHT, key(), before))).toBe("CONFLICT");
    expect((await assignments.listHomework(onTime, before))[0]).toMatchObject({ status: "submitted", percent: 100 });

    // 2 days and 1 minute late → 3 days × 10 % off.
    const lateAt = new Date("2026-11-12T00:01:00Z");
    q = await assignments.openAssignmentQuestion(late, hw.id, 0, lateAt);
    const lateResult = await assignments.submitAssignmentAnswer(late, q.attemptId, RIGHT, key(), lateAt);
    expect(lateResult).toMatchObject({ late: true, penaltyPercent: 30, score: 0.7 });
    expect((await assignments.listHomework(late, lateAt))[0]).toMatchObject({ status: "late", percent: 70 });

    // The extension moves the due date: the same moment is on time for this learner.
    await assignments.setExtension(teacher, hw.id, extended.id, { dueAt: "2026-11-15T00:00", reason: "ill" });
    expect(await codeOf(assignments.setExtension(teacher, hw.id, outsider.id, { dueAt: "2026-11-15T00:00" }))).toBe("NOT_FOUND");
    q = await assignments.openAssignmentQuestion(extended, hw.id, 0, lateAt);
    expect(await assignments.submitAssignmentAnswer(extended, q.attemptId, RIGHT, key(), lateAt)).toMatchObject({ late: false, score: 1 });

    // Past the late window nothing new is accepted.
    const closed = new Date("2026-11-13T00:00:01Z");
    const shut = await makeActor(suite.db);
    await classes.joinClass(shut, c.joinCode);
    expect((await assignments.openAssignmentQuestion(shut, hw.id, 0, closed)).attemptId).toBeNull();

    // After release: the explanation and the key.
    const after = await assignments.openAssignmentQuestion(onTime, hw.id, 0, new Date("2026-11-21T00:00:00Z"));
    expect(after.reveal?.explanation.en).toBe("Always is the default.");
    expect(after.latest?.result.status === "graded" && after.latest.result.checks.some((ch) => ch.expected !== "")).toBe(true);
  });

  it("refuses after due with the no-late policy, and the terminal of an assignment attempt is writable only until then", async () => {
    const teacher = await makeActor(suite.db, "INSTRUCTOR");
    const c = await classes.createClass(teacher, { name: "Sim", timeZone: "UTC" });
    const hw = await assignments.createAssignment(teacher, c.id, { title: "Run", questionIds: [COMMAND_TASK.id], opensAt: "2026-11-01T00:00", dueAt: "2026-11-10T00:00" });
    const student = await makeActor(suite.db);
    await classes.joinClass(student, c.joinCode);
    const q = await assignments.openAssignmentQuestion(student, hw.id, 0, new Date("2026-11-09T00:00:00Z"));
    const open = await terminal.openTerminal(student, q.attemptId!, new Date("2026-11-09T00:00:00Z"));
    expect(open.readOnly).toBe(false);
    expect((await terminal.openTerminal(student, q.attemptId!, new Date("2026-11-10T00:00:01Z"))).readOnly).toBe(true);
    expect(await codeOf(assignments.submitAssignmentAnswer(student, q.attemptId, { type: "sim", commands: "kubectl run web --image=nginx:1.27" }, key(), new Date("2026-11-10T00:00:01Z")))).toBe("CONFLICT");
    const graded = await assignments.submitAssignmentAnswer(student, q.attemptId, { type: "sim", commands: "kubectl run web --image=nginx:1.27" }, key(), new Date("2026-11-09T01:00:00Z"));
    expect(graded).toMatchObject({ attemptStatus: "graded", score: 2, late: false });
  });
});

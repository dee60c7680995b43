// Exams against a real database and the real grading pool, with a controllable clock: starting with
// a server-side deadline (× the learner's accommodation), autosave and resume, refusing writes after
// the deadline, grading at the deadline when the learner never submits, and isolation between learners.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { describeEachProvider } from "../helpers/test-db";
import { codeOf, COMMAND_TASK, dbVia, makeLearner, seedFixtures, SINGLE_CHOICE, type TAuthHolder } from "../practice/harness";

const holder = vi.hoisted(() => ({ db: undefined, session: null }) as TAuthHolder);
vi.mock("server-only", () => ({}));
vi.mock("@/lib/db", async () => ({ ...(await import("@/lib/db/client")), db: dbVia(holder) }));

const grading = await import("@/lib/server/grading");
const exams = await import("@/lib/server/exams");
const terminal = await import("@/lib/server/terminal");

afterAll(async () => {
  await grading.getGradingPool().close();
});

const T0 = new Date("2026-11-23T10:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describeEachProvider("exams", (suite) => {
  beforeAll(async () => {
    holder.db = suite.db;
    await seedFixtures(suite.db, [SINGLE_CHOICE, COMMAND_TASK]);
    // A fixed two-question quiz: one choice question, one simulator task.
    await suite.db.examTemplate.create({
      data: { slug: "test-quiz", title: "Test quiz", durationSec: 1200, passingScore: 66, rule: { kind: "fixed", mode: "exam", questionIds: [SINGLE_CHOICE.id, COMMAND_TASK.id] } },
    });
  });

  it("lists the built-in CKAD exam and topic quizzes", async () => {
    const user = await makeLearner(suite.db);
    const list = await exams.listExams(user, T0);
    expect(list.templates.map((t) => t.slug)).toEqual(expect.arrayContaining(["ckad-mock", "ckad-training", "quiz-probes", "test-quiz"]));
    expect(list.templates.find((t) => t.slug === "ckad-mock")).toMatchObject({ mode: "exam", durationSec: 7200, taskCount: 16 });
    expect(list.history).toEqual([]);
  });

  it("sets the deadline on the server from the duration and the learner's time accommodation, and resumes instead of starting twice", async () => {
    const user = { ...(await makeLearner(suite.db)), timeMultiplier: 1.5 };
    const started = await exams.startExam(user, "test-quiz", T0);
    expect(started.resumed).toBe(false);
    const view = await exams.getExamView(user, started.sessionId, at(1));
    expect(new Date(view.deadlineAt).getTime() - T0.getTime()).toBe(1200 * 1000 * 1.5);
    expect(view.tasks.map((t) => t.questionId)).toEqual([SINGLE_CHOICE.id, COMMAND_TASK.id]);
    expect(view.tasks.reduce((s, t) => s + t.points, 0)).toBeCloseTo(100, 5);
    expect(view.tasks[1].context).toBe("k8s-c2");
    expect(JSON.stringify(view.tasks)).not.toContain('"answer":"always"');
    expect((await exams.startExam(user, "test-quiz", at(2))).sessionId).toBe(started.sessionId);
  });

  it("autosaves drafts, flags, the notepad and the current task, and a reload sees them", async () => {
    const user = await makeLearner(suite.db);
    const { sessionId } = await exams.startExam(user, "test-quiz", T0);
    await exams.saveTaskDraft(user, sessionId, 0, { draft: { answer: { type: "single-choice", choice: "never" }, timeMs: 30_000 }, flagged: true }, at(1));
    await exams.saveTaskDraft(user, sessionId, 0, { draft: { answer: { type: "single-choice", choice: "always" }, timeMs: 45_000 } }, at(2));
    await exams.saveExamState(user, sessionId, { notes: "check task 2", currentTaskIndex: 1 }, at(3));
    const view = await exams.getExamView(user, sessionId, at(4));
    expect(view.tasks[0].draft).toEqual({ answer: { type: "single-choice", choice: "always" }, timeMs: 45_000 });
    expect(view.tasks[0].flagged).toBe(true);
    expect(view.notes).toBe("check task 2");
    expect(view.currentTaskIndex).toBe(1);
    expect(await codeOf(exams.saveTaskDraft(user, sessionId, 0, { draft: { answer: { type: "nope" } } }, at(5)))).toBe("VALIDATION");
    expect(await codeOf(exams.saveTaskDraft(user, sessionId, 9, { flagged: true }, at(5)))).toBe("NOT_FOUND");
  });

  it("refuses a write after the deadline, then grades what was saved when the learner never submitted", async () => {
    const user = await makeLearner(suite.db);
    const { sessionId } = await exams.startExam(user, "test-quiz", T0);
    await exams.saveTaskDraft(user, sessionId, 0, { draft: { answer: { type: "single-choice", choice: "always" } } }, at(5));
    await exams.saveTaskDraft(user, sessionId, 1, { draft: { answer: { type: "sim", commands: "kubectl run web --image=nginx:1.27" } } }, at(6));
    expect(await codeOf(exams.getExamResult(user, sessionId, at(10)))).toBe("CONFLICT");
    // 20 minutes + 1 ms later: the late write is refused and the session is closed and graded.
    expect(await codeOf(exams.saveTaskDraft(user, sessionId, 0, { draft: { answer: { type: "single-choice", choice: "never" } } }, new Date(at(20).getTime() + 1)))).toBe("CONFLICT");
    const result = await exams.getExamResult(user, sessionId, at(21));
    expect(result.status).toBe("expired");
    expect(result.tasks.map((t) => t.percent)).toEqual([100, 100]);
    expect(result).toMatchObject({ percent: 100, passed: true });
    expect(result.tasks[0].answer).toEqual({ type: "single-choice", choice: "always" });
    expect(result.tasks[1].result?.status).toBe("graded");
  });

  it("the sweeper closes and grades overdue sessions nobody opens again, scoring empty tasks 0", async () => {
    const user = await makeLearner(suite.db);
    const { sessionId } = await exams.startExam(user, "test-quiz", T0);
    await exams.saveTaskDraft(user, sessionId, 0, { draft: { answer: { type: "single-choice", choice: "always" } } }, at(1));
    expect(await exams.closeOverdueSessions(at(10))).toBe(0);
    expect(await exams.closeOverdueSessions(at(30))).toBeGreaterThanOrEqual(1);
    const row = await suite.db.examSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.status).toBe("expired");
    expect(row.score).toBeCloseTo(50, 5);
    const result = await exams.getExamResult(user, sessionId, at(31));
    expect(result.passed).toBe(false);
    expect(result.tasks[1]).toMatchObject({ percent: 0, answer: null });
    expect(result.tasks[1].result?.status).toBe("invalid");
  });

  it("submitting early grades immediately; later writes and a second submit change nothing", async () => {
    const user = await makeLearner(suite.db);
    const { sessionId } = await exams.startExam(user, "test-quiz", T0);
    await exams.saveTaskDraft(user, sessionId, 0, { draft: { answer: { type: "single-choice", choice: "never" } } }, at(1));
    const [a, b] = await Promise.all([exams.submitExam(user, sessionId, at(2)), exams.submitExam(user, sessionId, at(2))]);
    expect(a.status).toBe("submitted");
    expect(b.status).toBe("submitted");
    expect(await suite.db.answer.count({ where: { attempt: { examSessionId: sessionId } } })).toBe(2);
    expect(await codeOf(exams.saveExamState(user, sessionId, { notes: "late" }, at(3)))).toBe("CONFLICT");
    const result = await exams.getExamResult(user, sessionId, at(3));
    expect(result.percent).toBe(0);
    const history = (await exams.listExams(user, at(4))).history;
    expect(history[0]).toMatchObject({ id: sessionId, status: "submitted", percent: 0, passed: false });
  });

  it("gives each simulator task its own terminal in its named context, grades what was run there, and freezes it at the deadline", async () => {
    const user = await makeLearner(suite.db);
    const { sessionId } = await exams.startExam(user, "test-quiz", T0);
    const view = await exams.getExamView(user, sessionId, at(1));
    const simTask = view.tasks[1];
    const opened = await terminal.openTerminal(user, simTask.attemptId, at(1));
    expect(opened.readOnly).toBe(false);
    expect(opened.prompt.context).toBe("k8s-c2");
    const ran = await terminal.runTerminalCommand(user, opened.sessionId, "kubectl run web --image=nginx:1.27", at(2));
    expect(ran.output).toContain("pod/web created");
    expect(await codeOf(terminal.runTerminalCommand(user, opened.sessionId, "kubectl get pods", at(21)))).toBe("CONFLICT");
    expect((await terminal.openTerminal(user, simTask.attemptId, at(21))).readOnly).toBe(true);
    const result = await exams.getExamResult(user, sessionId, at(22));
    expect(result.tasks[1].percent).toBe(100);
    expect(result.tasks[1].answer).toMatchObject({ type: "sim", commands: expect.stringContaining("kubectl run web --image=nginx:1.27") });
  });

  it("hides one learner's exam from another", async () => {
    const owner = await makeLearner(suite.db);
    const other = await makeLearner(suite.db);
    const { sessionId } = await exams.startExam(owner, "test-quiz", T0);
    expect(await codeOf(exams.getExamView(other, sessionId, at(1)))).toBe("NOT_FOUND");
    expect(await codeOf(exams.saveTaskDraft(other, sessionId, 0, { flagged: true }, at(1)))).toBe("NOT_FOUND");
    expect(await codeOf(exams.submitExam(other, sessionId, at(1)))).toBe("NOT_FOUND");
    expect(await codeOf(exams.getExamResult(other, sessionId, at(30)))).toBe("NOT_FOUND");
  });
});

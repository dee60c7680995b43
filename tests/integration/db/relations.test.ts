// The data model on a real database, on every provider: relations, JSON round trips, unique
// constraints, delete rules, ordering and the queries later features depend on.
import { describe, expect, it } from "vitest";
import { Prisma, type TDb } from "@/lib/db/client";
import { ZExamTasks, ZLatePolicy, parseJsonColumn } from "@/lib/db/values";
import { describeEachProvider } from "../helpers/test-db";

let counter = 0;
function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

async function makeUser(db: TDb, role = "STUDENT") {
  return db.user.create({
    data: { email: `${unique("user")}@kubedrill.test`, name: "Test User", passwordHash: "argon2-hash", role },
  });
}

async function makeQuestionVersion(db: TDb, content: Prisma.InputJsonValue = { prompt: "Create a pod" }) {
  const question = await db.question.create({ data: { id: unique("pods/q"), topic: "pods", type: "manifest" } });
  const version = await db.questionVersion.create({
    data: { questionId: question.id, contentHash: unique("hash"), content },
  });
  await db.question.update({ where: { id: question.id }, data: { currentVersionId: version.id } });
  return { question, version };
}

function expectUniqueViolation(error: unknown): void {
  expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
  expect((error as Prisma.PrismaClientKnownRequestError).code).toBe("P2002");
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

describeEachProvider("data model", (suite) => {
  describe("users", () => {
    it("fills the contract defaults", async () => {
      const user = await suite.db.user.create({
        data: { email: `${unique("ada")}@kubedrill.test`, name: "Ada", passwordHash: "h" },
      });
      expect(user.id).toMatch(/^c[a-z0-9]{20,}$/);
      expect(user.role).toBe("STUDENT");
      expect(user.locale).toBeNull();
      expect(user.timeMultiplier).toBe(1);
      expect(user.createdAt).toBeInstanceOf(Date);
      expect(user.updatedAt).toBeInstanceOf(Date);
    });

    it("rejects a second account with the same email", async () => {
      const user = await makeUser(suite.db);
      expectUniqueViolation(
        await rejection(suite.db.user.create({ data: { email: user.email, name: "Twin", passwordHash: "h" } })),
      );
    });

    it("bumps updatedAt on update and keeps millisecond precision", async () => {
      const user = await makeUser(suite.db);
      const at = new Date("2030-05-06T07:08:09.123Z");
      await new Promise((resolve) => setTimeout(resolve, 5));
      const updated = await suite.db.user.update({ where: { id: user.id }, data: { locale: "zh", createdAt: at } });
      expect(updated.updatedAt.getTime()).toBeGreaterThan(user.updatedAt.getTime());
      expect((await suite.db.user.findUniqueOrThrow({ where: { id: user.id } })).createdAt.toISOString()).toBe(
        "2030-05-06T07:08:09.123Z",
      );
    });
  });

  describe("attempts and answers", () => {
    it("stores a graded answer with its JSON result and reads it back unchanged", async () => {
      const user = await makeUser(suite.db);
      const { question, version } = await makeQuestionVersion(suite.db);
      const attempt = await suite.db.attempt.create({
        data: { userId: user.id, questionId: question.id, questionVersionId: version.id, mode: "practice", seed: 2_147_483_647 },
      });
      const result = {
        score: 2,
        checks: [
          { id: "replicas", ok: true, expected: 3, observed: 3, where: { kind: "Deployment", name: "web", field: "spec.replicas" } },
          { id: "image", ok: false, expected: "nginx:1.27", observed: null, message: "容器镜像不匹配 — image mismatch" },
        ],
        nested: { empty: {}, list: [], flag: false, ratio: 0.5 },
      };
      const answer = await suite.db.answer.create({
        data: {
          attemptId: attempt.id,
          questionVersionId: version.id,
          payload: { manifest: "apiVersion: v1\nkind: Pod\n" },
          result,
          score: 2,
          maxScore: 3,
          gradedAt: new Date(),
          graderVersion: "1",
          seed: attempt.seed,
          idempotencyKey: unique("submit"),
        },
      });
      const loaded = await suite.db.attempt.findUniqueOrThrow({
        where: { id: attempt.id },
        include: { answers: true, questionVersion: true, user: true },
      });
      expect(loaded.seed).toBe(2_147_483_647);
      expect(loaded.status).toBe("in_progress");
      expect(loaded.user.id).toBe(user.id);
      expect(loaded.questionVersion?.content).toEqual({ prompt: "Create a pod" });
      expect(loaded.answers).toHaveLength(1);
      expect(loaded.answers[0].id).toBe(answer.id);
      expect(loaded.answers[0].result).toEqual(result);
      expect(loaded.answers[0].valid).toBe(true);
    });

    it("round-trips JSON scalars without changing their type", async () => {
      const user = await makeUser(suite.db);
      const { version } = await makeQuestionVersion(suite.db);
      const attempt = await suite.db.attempt.create({ data: { userId: user.id, mode: "practice", seed: 1 } });
      const payloads: Prisma.InputJsonValue[] = ["42", 42, "true", true, "null-ish", [1, "1"], 1.25];
      for (const payload of payloads) {
        await suite.db.answer.create({
          data: { attemptId: attempt.id, questionVersionId: version.id, payload, seed: 1, idempotencyKey: unique("k") },
        });
      }
      const answers = await suite.db.answer.findMany({ where: { attemptId: attempt.id }, orderBy: { createdAt: "asc" } });
      expect(new Set(answers.map((a) => JSON.stringify(a.payload)))).toEqual(new Set(payloads.map((p) => JSON.stringify(p))));
    });

    it("makes a retried submit find the first answer through the idempotency key", async () => {
      const user = await makeUser(suite.db);
      const { version } = await makeQuestionVersion(suite.db);
      const attempt = await suite.db.attempt.create({ data: { userId: user.id, mode: "practice", seed: 1 } });
      const key = unique("idem");
      const data = { attemptId: attempt.id, questionVersionId: version.id, payload: {}, seed: 1, idempotencyKey: key };
      await suite.db.answer.create({ data });
      expectUniqueViolation(await rejection(suite.db.answer.create({ data })));
      expect(await suite.db.answer.count({ where: { idempotencyKey: key } })).toBe(1);
    });

    it("keeps one version per content hash of a question", async () => {
      const { question, version } = await makeQuestionVersion(suite.db);
      expectUniqueViolation(
        await rejection(
          suite.db.questionVersion.create({ data: { questionId: question.id, contentHash: version.contentHash, content: {} } }),
        ),
      );
      // The same hash under another question is a different version.
      const other = await makeQuestionVersion(suite.db);
      await suite.db.questionVersion.create({ data: { questionId: other.question.id, contentHash: version.contentHash, content: {} } });
    });

    it("refuses to delete a question version that an answer is pinned to", async () => {
      const user = await makeUser(suite.db);
      const { version } = await makeQuestionVersion(suite.db);
      const attempt = await suite.db.attempt.create({ data: { userId: user.id, mode: "practice", seed: 1 } });
      await suite.db.answer.create({
        data: { attemptId: attempt.id, questionVersionId: version.id, payload: {}, seed: 1, idempotencyKey: unique("k") },
      });
      const error = await rejection(suite.db.questionVersion.delete({ where: { id: version.id } }));
      expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
      expect(await suite.db.questionVersion.count({ where: { id: version.id } })).toBe(1);
    });

    it("erases a user's attempts, answers, review cards and terminal sessions with the user", async () => {
      const user = await makeUser(suite.db);
      const { question, version } = await makeQuestionVersion(suite.db);
      const attempt = await suite.db.attempt.create({ data: { userId: user.id, mode: "practice", seed: 1 } });
      await suite.db.answer.create({
        data: { attemptId: attempt.id, questionVersionId: version.id, payload: {}, seed: 1, idempotencyKey: unique("k") },
      });
      await suite.db.reviewCard.create({ data: { userId: user.id, questionId: question.id, due: new Date() } });
      await suite.db.terminalSession.create({ data: { userId: user.id, attemptId: attempt.id, context: "practice", seed: 1 } });
      await suite.db.user.delete({ where: { id: user.id } });
      expect(await suite.db.attempt.count({ where: { userId: user.id } })).toBe(0);
      expect(await suite.db.answer.count({ where: { attemptId: attempt.id } })).toBe(0);
      expect(await suite.db.reviewCard.count({ where: { userId: user.id } })).toBe(0);
      expect(await suite.db.terminalSession.count({ where: { userId: user.id } })).toBe(0);
      // The question and its version stay: other learners' history may point at them.
      expect(await suite.db.questionVersion.count({ where: { id: version.id } })).toBe(1);
    });
  });

  describe("classes and assignments", () => {
    it("links class → enrollment → assignment → submission and cascades from the class", async () => {
      const instructor = await makeUser(suite.db, "INSTRUCTOR");
      const student = await makeUser(suite.db);
      const klass = await suite.db.class.create({
        data: { ownerId: instructor.id, name: "CKAD spring", joinCode: unique("JOIN"), timeZone: "Asia/Shanghai" },
      });
      await suite.db.enrollment.create({ data: { classId: klass.id, userId: student.id } });
      const latePolicy = { kind: "penalty", percentPerDay: 10, maxDays: 3 } as const;
      const assignment = await suite.db.assignment.create({
        data: {
          classId: klass.id,
          title: "Pods week",
          questionIds: ["pods/a", "pods/b"],
          opensAt: new Date("2030-01-01T00:00:00Z"),
          dueAt: new Date("2030-01-08T00:00:00Z"),
          attemptsAllowed: 2,
          latePolicy,
          createdById: instructor.id,
        },
      });
      await suite.db.assignmentExtension.create({
        data: { assignmentId: assignment.id, userId: student.id, dueAt: new Date("2030-01-10T00:00:00Z"), grantedById: instructor.id },
      });
      const attempt = await suite.db.attempt.create({
        data: { userId: student.id, mode: "assignment", seed: 9, assignmentId: assignment.id },
      });
      await suite.db.submission.create({
        data: { assignmentId: assignment.id, userId: student.id, attemptId: attempt.id, score: 7, maxScore: 10, late: true },
      });
      await suite.db.submission.update({
        where: { attemptId: attempt.id },
        data: { overrideScore: 9, overrideReason: "partial credit for the probe", overrideById: instructor.id, overriddenAt: new Date() },
      });

      const loaded = await suite.db.class.findUniqueOrThrow({
        where: { id: klass.id },
        include: { enrollments: { include: { user: true } }, assignments: { include: { submissions: true, extensions: true } } },
      });
      expect(loaded.enrollments.map((e) => [e.user.id, e.role])).toEqual([[student.id, "STUDENT"]]);
      const [stored] = loaded.assignments;
      expect(parseJsonColumn(ZLatePolicy, stored.latePolicy, "Assignment.latePolicy")).toEqual(latePolicy);
      expect(stored.questionIds).toEqual(["pods/a", "pods/b"]);
      expect(stored.submissions[0]).toMatchObject({ score: 7, overrideScore: 9, late: true, overrideById: instructor.id });
      expect(stored.extensions[0].dueAt?.toISOString()).toBe("2030-01-10T00:00:00.000Z");

      await suite.db.class.delete({ where: { id: klass.id } });
      expect(await suite.db.enrollment.count({ where: { classId: klass.id } })).toBe(0);
      expect(await suite.db.assignment.count({ where: { id: assignment.id } })).toBe(0);
      expect(await suite.db.submission.count({ where: { assignmentId: assignment.id } })).toBe(0);
      expect(await suite.db.attempt.count({ where: { id: attempt.id } })).toBe(0);
    });

    it("enrols a user in a class once, and keeps join codes unique", async () => {
      const instructor = await makeUser(suite.db, "INSTRUCTOR");
      const student = await makeUser(suite.db);
      const joinCode = unique("CODE");
      const klass = await suite.db.class.create({ data: { ownerId: instructor.id, name: "A", joinCode } });
      await suite.db.enrollment.create({ data: { classId: klass.id, userId: student.id } });
      expectUniqueViolation(await rejection(suite.db.enrollment.create({ data: { classId: klass.id, userId: student.id } })));
      expectUniqueViolation(await rejection(suite.db.class.create({ data: { ownerId: instructor.id, name: "B", joinCode } })));
    });

    it("will not delete an instructor who still owns a class", async () => {
      const instructor = await makeUser(suite.db, "INSTRUCTOR");
      await suite.db.class.create({ data: { ownerId: instructor.id, name: "Owned", joinCode: unique("OWN") } });
      expect(await rejection(suite.db.user.delete({ where: { id: instructor.id } }))).toBeInstanceOf(
        Prisma.PrismaClientKnownRequestError,
      );
      expect(await suite.db.user.count({ where: { id: instructor.id } })).toBe(1);
    });
  });

  describe("exams", () => {
    it("keeps the server-side deadline and finds sessions past it", async () => {
      const user = await suite.db.user.create({
        data: { email: `${unique("slow")}@kubedrill.test`, name: "S", passwordHash: "h", timeMultiplier: 1.5 },
      });
      const { question, version } = await makeQuestionVersion(suite.db);
      const template = await suite.db.examTemplate.create({
        data: { slug: unique("ckad-mock"), title: "CKAD mock", durationSec: 7200, passingScore: 66, rule: { questionIds: [question.id] } },
      });
      const startedAt = new Date("2030-03-01T10:00:00.000Z");
      // 7200 s × 1.5 = 3 h: the deadline is fixed at start, whatever the browser's clock says.
      const deadlineAt = new Date(startedAt.getTime() + template.durationSec * user.timeMultiplier * 1000);
      const tasks = [{ questionId: question.id, questionVersionId: version.id, weight: 4 }];
      const session = await suite.db.examSession.create({
        data: { userId: user.id, templateId: template.id, seed: 77, tasks, startedAt, deadlineAt, timeMultiplier: user.timeMultiplier },
      });
      expect(session.deadlineAt.toISOString()).toBe("2030-03-01T13:00:00.000Z");
      expect(parseJsonColumn(ZExamTasks, session.tasks, "ExamSession.tasks")).toEqual(tasks);

      const overdue = await suite.db.examSession.findMany({
        where: { status: "in_progress", deadlineAt: { lt: new Date("2030-03-01T13:00:01.000Z") }, userId: user.id },
      });
      expect(overdue.map((s) => s.id)).toEqual([session.id]);
      const notYet = await suite.db.examSession.count({
        where: { status: "in_progress", deadlineAt: { lt: new Date("2030-03-01T12:59:59.000Z") }, userId: user.id },
      });
      expect(notYet).toBe(0);
    });

    it("autosaves one draft per task and bumps its updatedAt", async () => {
      const user = await makeUser(suite.db);
      const { version } = await makeQuestionVersion(suite.db);
      const template = await suite.db.examTemplate.create({
        data: { slug: unique("t"), title: "T", durationSec: 60, passingScore: 50, rule: {} },
      });
      const session = await suite.db.examSession.create({
        data: { userId: user.id, templateId: template.id, seed: 1, tasks: [], deadlineAt: new Date(Date.now() + 60_000) },
      });
      const key = { examSessionId_taskIndex: { examSessionId: session.id, taskIndex: 0 } };
      const first = await suite.db.examTaskAnswer.upsert({
        where: key,
        create: { examSessionId: session.id, taskIndex: 0, questionVersionId: version.id, draft: { yaml: "kind: Pod" } },
        update: { draft: { yaml: "kind: Pod" } },
      });
      await new Promise((resolve) => setTimeout(resolve, 5));
      const second = await suite.db.examTaskAnswer.upsert({
        where: key,
        create: { examSessionId: session.id, taskIndex: 0, questionVersionId: version.id },
        update: { draft: { yaml: "kind: Deployment" }, flagged: true },
      });
      expect(second.id).toBe(first.id);
      expect(second.flagged).toBe(true);
      expect(second.draft).toEqual({ yaml: "kind: Deployment" });
      expect(second.updatedAt.getTime()).toBeGreaterThan(first.updatedAt.getTime());
      expect(await suite.db.examTaskAnswer.count({ where: { examSessionId: session.id } })).toBe(1);
    });
  });

  describe("terminal sessions", () => {
    it("replays commands in seq order regardless of insertion order, and never stores a seq twice", async () => {
      const user = await makeUser(suite.db);
      const session = await suite.db.terminalSession.create({
        data: { userId: user.id, context: "sandbox", seed: 3, clusterOptions: { nodes: 3, speed: 1 } },
      });
      for (const seq of [2, 0, 1]) {
        await suite.db.terminalCommand.create({
          data: { sessionId: session.id, seq, input: `kubectl get pods # ${seq}`, virtualAt: seq * 1.5, exitCode: 0 },
        });
      }
      const log = await suite.db.terminalCommand.findMany({ where: { sessionId: session.id }, orderBy: { seq: "asc" } });
      expect(log.map((c) => [c.seq, c.virtualAt])).toEqual([[0, 0], [1, 1.5], [2, 3]]);
      expectUniqueViolation(
        await rejection(suite.db.terminalCommand.create({ data: { sessionId: session.id, seq: 1, input: "x", virtualAt: 9 } })),
      );
      await suite.db.terminalSession.delete({ where: { id: session.id } });
      expect(await suite.db.terminalCommand.count({ where: { sessionId: session.id } })).toBe(0);
    });
  });

  describe("spaced repetition", () => {
    it("keeps one card per user and question, with its review log", async () => {
      const user = await makeUser(suite.db);
      const { question } = await makeQuestionVersion(suite.db);
      const card = await suite.db.reviewCard.create({ data: { userId: user.id, questionId: question.id, due: new Date() } });
      expect(card).toMatchObject({ state: "New", reps: 0, lapses: 0, stability: 0, difficulty: 0 });
      await suite.db.reviewLog.create({
        data: {
          cardId: card.id, rating: 3, state: "New", due: card.due, stability: 2.3, difficulty: 5.1,
          elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 2, review: new Date(),
        },
      });
      expectUniqueViolation(
        await rejection(suite.db.reviewCard.create({ data: { userId: user.id, questionId: question.id, due: new Date() } })),
      );
      const due = await suite.db.reviewCard.findMany({ where: { userId: user.id, due: { lte: new Date(Date.now() + 1000) } }, include: { logs: true } });
      expect(due).toHaveLength(1);
      expect(due[0].logs[0].rating).toBe(3);
    });
  });

  describe("audit log and rate limits", () => {
    it("keeps audit entries when the actor is deleted, with the link cleared", async () => {
      const admin = await makeUser(suite.db, "ADMIN");
      const entry = await suite.db.auditLog.create({
        data: { actorId: admin.id, action: "user.role.change", targetType: "User", targetId: "u1", detail: { from: "STUDENT", to: "INSTRUCTOR" }, ip: "203.0.113.7" },
      });
      await suite.db.user.delete({ where: { id: admin.id } });
      const kept = await suite.db.auditLog.findUniqueOrThrow({ where: { id: entry.id } });
      expect(kept.actorId).toBeNull();
      expect(kept.detail).toEqual({ from: "STUDENT", to: "INSTRUCTOR" });
      const recent = await suite.db.auditLog.findMany({ where: { targetType: "User", targetId: "u1" }, orderBy: { createdAt: "desc" } });
      expect(recent.map((r) => r.id)).toContain(entry.id);
    });

    it("tells a JSON null from a database NULL with the app's Prisma namespace", async () => {
      // The PostgreSQL client shares the SQLite client's runtime (scripts/db/generate-schemas.ts);
      // without that, these sentinels from the SQLite namespace would be stored as {} on PostgreSQL.
      const action = unique("audit.null");
      await suite.db.auditLog.create({ data: { action, targetType: "T", detail: Prisma.JsonNull } });
      await suite.db.auditLog.create({ data: { action, targetType: "T", detail: Prisma.DbNull } });
      await suite.db.auditLog.create({ data: { action, targetType: "T" } });
      expect(await suite.db.auditLog.count({ where: { action, detail: { equals: Prisma.JsonNull } } })).toBe(1);
      expect(await suite.db.auditLog.count({ where: { action, detail: { equals: Prisma.DbNull } } })).toBe(2);
      const error = await rejection(suite.db.auditLog.findUniqueOrThrow({ where: { id: "missing" } }));
      expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
      expect((error as Prisma.PrismaClientKnownRequestError).code).toBe("P2025");
    });

    it("counts concurrent hits on one rate-limit bucket without losing any", async () => {
      const key = unique("login:ip:203.0.113.7");
      await suite.db.rateLimitBucket.create({ data: { key, count: 0, windowStart: new Date() } });
      await Promise.all(
        Array.from({ length: 20 }, () => suite.db.rateLimitBucket.update({ where: { key }, data: { count: { increment: 1 } } })),
      );
      const bucket = await suite.db.rateLimitBucket.findUniqueOrThrow({ where: { key } });
      expect(bucket.count).toBe(20);
      expect(bucket.blockedUntil).toBeNull();
    });

    it("creates a new bucket from concurrent first hits with one native upsert each", async () => {
      // lib/auth/rate-limit.ts counts hits with this upsert. Prisma turns it into INSERT … ON
      // CONFLICT DO UPDATE (the where and create share the one unique key), so racing first hits
      // from several instances neither fail with P2002 nor lose a count.
      const key = unique("register:ip:198.51.100.4");
      const hits = await Promise.allSettled(
        Array.from({ length: 12 }, () =>
          suite.db.rateLimitBucket.upsert({
            where: { key },
            create: { key, count: 1, windowStart: new Date() },
            update: { count: { increment: 1 } },
          }),
        ),
      );
      expect(hits.filter((hit) => hit.status === "rejected")).toEqual([]);
      expect((await suite.db.rateLimitBucket.findUniqueOrThrow({ where: { key } })).count).toBe(12);
    });
  });
});

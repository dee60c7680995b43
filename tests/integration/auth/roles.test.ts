// Granting and revoking the instructor role: only administrators, never on ADMIN accounts, and every
// change recorded in AuditLog in the same transaction. Also exercised through the server action.
import { beforeAll, beforeEach, expect, it, vi } from "vitest";
import { describeEachProvider } from "../helpers/test-db";
import { dbVia, makeUser, type TAuthHolder } from "./harness";

const holder = vi.hoisted(() => ({ db: undefined, session: null }) as TAuthHolder);
vi.mock("server-only", () => ({}));
vi.mock("@/lib/db", () => ({ db: dbVia(holder) }));
vi.mock("next-auth", () => ({ getServerSession: async () => holder.session }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.77, 10.0.0.1", "accept-language": "zh-CN,zh;q=0.9" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.stubEnv("NEXTAUTH_SECRET", "integration-test-secret-integration-test-secret");

const { setInstructorRole, listUsers } = await import("@/lib/server/users");
const { changeInstructorRole } = await import("@/app/admin/users/actions");

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describeEachProvider("instructor role", (suite) => {
  beforeAll(() => {
    holder.db = suite.db;
  });
  beforeEach(() => {
    holder.session = null;
  });

  async function actor(role: "ADMIN" | "INSTRUCTOR" | "STUDENT") {
    const user = await makeUser(suite.db, { role });
    return { ...user, role, locale: null };
  }

  it("grants and revokes, writing one audit entry per real change", async () => {
    const admin = await actor("ADMIN");
    const learner = await makeUser(suite.db);

    const granted = await setInstructorRole(admin, learner.id, true, "203.0.113.5");
    expect(granted).toMatchObject({ changed: true, user: { id: learner.id, role: "INSTRUCTOR" } });
    expect((await suite.db.user.findUniqueOrThrow({ where: { id: learner.id } })).role).toBe("INSTRUCTOR");

    const again = await setInstructorRole(admin, learner.id, true, "203.0.113.5");
    expect(again.changed).toBe(false);

    await setInstructorRole(admin, learner.id, false, "203.0.113.5");
    expect((await suite.db.user.findUniqueOrThrow({ where: { id: learner.id } })).role).toBe("STUDENT");

    const audit = await suite.db.auditLog.findMany({ where: { targetId: learner.id, action: "user.role.change" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => ({ actorId: entry.actorId, targetType: entry.targetType, detail: entry.detail, ip: entry.ip }))).toEqual([
      { actorId: admin.id, targetType: "User", detail: { from: "STUDENT", to: "INSTRUCTOR" }, ip: "203.0.113.5" },
      { actorId: admin.id, targetType: "User", detail: { from: "INSTRUCTOR", to: "STUDENT" }, ip: "203.0.113.5" },
    ]);
  });

  it("refuses non-administrators, unknown users and ADMIN targets", async () => {
    const learner = await makeUser(suite.db);
    const otherAdmin = await makeUser(suite.db, { role: "ADMIN" });
    expect(await codeOf(setInstructorRole(await actor("INSTRUCTOR"), learner.id, true, null))).toBe("FORBIDDEN");
    expect(await codeOf(setInstructorRole(await actor("STUDENT"), learner.id, true, null))).toBe("FORBIDDEN");
    const admin = await actor("ADMIN");
    expect(await codeOf(setInstructorRole(admin, "no-such-user", true, null))).toBe("NOT_FOUND");
    expect(await codeOf(setInstructorRole(admin, otherAdmin.id, false, null))).toBe("CONFLICT");
    expect(await codeOf(setInstructorRole(admin, admin.id, false, null))).toBe("CONFLICT");
    expect((await suite.db.user.findUniqueOrThrow({ where: { id: learner.id } })).role).toBe("STUDENT");
    expect(await codeOf(listUsers(await actor("INSTRUCTOR")))).toBe("FORBIDDEN");
  });

  it("the server action checks the signed-in user's current role and answers in their language", async () => {
    const learner = await makeUser(suite.db);
    const student = await makeUser(suite.db);
    holder.session = { user: { id: student.id } };
    expect(await changeInstructorRole({ userId: learner.id, grant: true })).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "你没有执行此操作的权限。",
    });

    holder.session = null;
    expect(await changeInstructorRole({ userId: learner.id, grant: true })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });

    const admin = await makeUser(suite.db, { role: "ADMIN" });
    holder.session = { user: { id: admin.id } };
    expect(await changeInstructorRole({ userId: learner.id, grant: "yes" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await changeInstructorRole({ userId: learner.id, grant: true })).toEqual({ ok: true, role: "INSTRUCTOR", changed: true });
    const entry = await suite.db.auditLog.findFirstOrThrow({ where: { targetId: learner.id, action: "user.role.change" } });
    expect(entry).toMatchObject({ actorId: admin.id, ip: "203.0.113.77" });
  });
});

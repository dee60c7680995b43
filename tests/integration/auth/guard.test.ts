// The guard re-reads the user from the database on every call: the session only says who, never what
// they may do, so role changes and deleted accounts apply on the next request.
import { beforeAll, beforeEach, expect, it, vi } from "vitest";
import { describeEachProvider } from "../helpers/test-db";
import { dbVia, makeUser, type TAuthHolder } from "./harness";

const holder = vi.hoisted(() => ({ db: undefined, session: null }) as TAuthHolder);
vi.mock("server-only", () => ({}));
vi.mock("@/lib/db", () => ({ db: dbVia(holder) }));
vi.mock("next-auth", () => ({ getServerSession: async () => holder.session }));
vi.stubEnv("NEXTAUTH_SECRET", "integration-test-secret-integration-test-secret");
// What `experimental.authInterrupts` in next.config.js sets at build time, so forbidden() works here too.
vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");

const { requireUser, requireRole, requirePageUser, requirePageRole, safeCallbackPath } = await import("@/lib/auth/guard");

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    const value = error as { code?: string; digest?: string };
    return value.code ?? value.digest ?? String(error);
  }
}

describeEachProvider("guard", (suite) => {
  beforeAll(() => {
    holder.db = suite.db;
  });
  beforeEach(() => {
    holder.session = null;
  });

  it("refuses a visitor without a session", async () => {
    expect(await codeOf(requireUser())).toBe("UNAUTHENTICATED");
    expect(await codeOf(requireRole("STUDENT"))).toBe("UNAUTHENTICATED");
  });

  it("refuses a session whose account no longer exists", async () => {
    const user = await makeUser(suite.db);
    holder.session = { user: { id: user.id } };
    expect(await codeOf(requireUser())).toBe("ok");
    await suite.db.user.delete({ where: { id: user.id } });
    expect(await codeOf(requireUser())).toBe("UNAUTHENTICATED");
  });

  it("orders roles: ADMIN ⊇ INSTRUCTOR ⊇ STUDENT", async () => {
    const cases = [
      ["STUDENT", "STUDENT", "ok"],
      ["STUDENT", "INSTRUCTOR", "FORBIDDEN"],
      ["STUDENT", "ADMIN", "FORBIDDEN"],
      ["INSTRUCTOR", "INSTRUCTOR", "ok"],
      ["INSTRUCTOR", "ADMIN", "FORBIDDEN"],
      ["ADMIN", "INSTRUCTOR", "ok"],
      ["ADMIN", "ADMIN", "ok"],
    ] as const;
    for (const [actual, required, expected] of cases) {
      const user = await makeUser(suite.db, { role: actual });
      holder.session = { user: { id: user.id } };
      expect(`${actual}→${required}: ${await codeOf(requireRole(required))}`).toBe(`${actual}→${required}: ${expected}`);
    }
  });

  it("applies a role change from the database at once, whatever the session carried", async () => {
    const user = await makeUser(suite.db, { role: "STUDENT" });
    holder.session = { user: { id: user.id } };
    expect(await codeOf(requireRole("INSTRUCTOR"))).toBe("FORBIDDEN");
    await suite.db.user.update({ where: { id: user.id }, data: { role: "INSTRUCTOR" } });
    expect((await requireRole("INSTRUCTOR")).role).toBe("INSTRUCTOR");
    await suite.db.user.update({ where: { id: user.id }, data: { role: "STUDENT" } });
    expect(await codeOf(requireRole("INSTRUCTOR"))).toBe("FORBIDDEN");
  });

  it("treats an unknown role string as STUDENT", async () => {
    const user = await makeUser(suite.db);
    await suite.db.user.update({ where: { id: user.id }, data: { role: "SUPERUSER" } });
    holder.session = { user: { id: user.id } };
    expect((await requireUser()).role).toBe("STUDENT");
    expect(await codeOf(requireRole("INSTRUCTOR"))).toBe("FORBIDDEN");
  });

  it("pages: a visitor is redirected to sign in with the way back, a student gets the 403 interrupt", async () => {
    expect(await codeOf(requirePageUser("/instructor"))).toMatch(/^NEXT_REDIRECT;replace;\/signin\?callbackUrl=%2Finstructor;307;$/);
    const student = await makeUser(suite.db, { role: "STUDENT" });
    holder.session = { user: { id: student.id } };
    expect(await codeOf(requirePageRole("INSTRUCTOR", "/instructor"))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    expect((await requirePageRole("STUDENT", "/dashboard")).id).toBe(student.id);
  });

  it("only accepts same-origin paths as the place to return to", () => {
    expect(safeCallbackPath("/admin/users?q=x")).toBe("/admin/users?q=x");
    expect(safeCallbackPath("//evil.example/")).toBe("/dashboard");
    expect(safeCallbackPath("/\\evil.example")).toBe("/dashboard");
    expect(safeCallbackPath("https://evil.example/")).toBe("/dashboard");
    expect(safeCallbackPath(["/a", "/b"])).toBe("/dashboard");
  });
});

// registerAccount: validation, password policy, duplicate emails, the per-IP limit and the audit entry.
import { beforeAll, expect, it, vi } from "vitest";
import type { AppError } from "@/lib/errors";
import { describeEachProvider } from "../helpers/test-db";
import { dbVia, makeUser, type TAuthHolder } from "./harness";

const holder = vi.hoisted(() => ({ db: undefined, session: null }) as TAuthHolder);
vi.mock("server-only", () => ({}));
vi.mock("@/lib/db", () => ({ db: dbVia(holder) }));

const { registerAccount } = await import("@/lib/server/accounts");
const { verifyPassword } = await import("@/lib/auth/password");

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected the call to fail");
}

describeEachProvider("registration", (suite) => {
  beforeAll(() => {
    holder.db = suite.db;
  });

  it("creates a STUDENT with a lower-cased email, an argon2id hash and an audit entry", async () => {
    const account = await registerAccount({ name: "  Ada Lovelace ", email: " Ada@Example.TEST ", password: "analytical-engine-1843" }, "198.51.100.1");
    const user = await suite.db.user.findUniqueOrThrow({ where: { id: account.id } });
    expect(user).toMatchObject({ email: "ada@example.test", name: "Ada Lovelace", role: "STUDENT", locale: null });
    expect(user.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(user.passwordHash, "analytical-engine-1843")).toBe(true);
    const audit = await suite.db.auditLog.findMany({ where: { targetId: user.id } });
    expect(audit.map((entry) => [entry.action, entry.actorId, entry.ip])).toEqual([["user.register", user.id, "198.51.100.1"]]);
  });

  it("refuses an email that is taken, whatever its case", async () => {
    await makeUser(suite.db, { email: "taken@example.test" });
    const error = await failure(registerAccount({ name: "Again", email: "TAKEN@example.test", password: "another-long-passphrase" }, "198.51.100.2"));
    expect(error.code).toBe("CONFLICT");
    expect(error.messageKey).toBe("auth.emailTaken");
    expect(error.fieldErrors).toEqual({ email: "auth.emailTaken" });
    expect(await suite.db.user.count({ where: { email: "taken@example.test" } })).toBe(1);
  });

  it.each([
    ["short1234", "password.tooShort"],
    ["password123", "password.common"],
    ["1234567890", "password.common"],
    ["policy@example.test", "password.sameAsEmail"],
    ["POLICY@example.test", "password.sameAsEmail"],
  ])("refuses the password %j with %s and creates nothing", async (password, problem) => {
    const error = await failure(registerAccount({ name: "Policy", email: "policy@example.test", password }, "198.51.100.3"));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({ password: problem });
    expect(await suite.db.user.count({ where: { email: "policy@example.test" } })).toBe(0);
  });

  it("reports every invalid field with its own message", async () => {
    const error = await failure(registerAccount({ name: " ", email: "not-an-email", password: "" }, "198.51.100.4"));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({ name: "validation.nameRequired", email: "validation.emailInvalid", password: "validation.passwordRequired" });
  });

  it("allows 20 registrations per IP per hour, then refuses with the minutes to wait", async () => {
    const ip = "198.51.100.99";
    const start = new Date("2030-01-01T10:00:00Z");
    for (let index = 0; index < 20; index += 1) {
      await registerAccount({ name: `Bulk ${index}`, email: `bulk-${index}@example.test`, password: "bulk-registration-pass" }, ip, start);
    }
    const blocked = await failure(
      registerAccount({ name: "One more", email: "bulk-more@example.test", password: "bulk-registration-pass" }, ip, new Date("2030-01-01T10:20:00Z")),
    );
    expect(blocked.code).toBe("RATE_LIMITED");
    expect(blocked.params).toEqual({ minutes: 40 });
    // Another address is unaffected, and the same one works again once the hour is over.
    await registerAccount({ name: "Elsewhere", email: "bulk-elsewhere@example.test", password: "bulk-registration-pass" }, "198.51.100.100", start);
    await registerAccount({ name: "Later", email: "bulk-later@example.test", password: "bulk-registration-pass" }, ip, new Date("2030-01-01T11:00:01Z"));
    expect(await suite.db.user.count({ where: { email: { startsWith: "bulk-" } } })).toBe(22);
  });
});

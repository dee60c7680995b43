// verifySignIn: one message for every wrong email/password, and the DB-backed per-account and
// per-IP limits (10 and 30 failures per 15 minutes).
import { beforeAll, expect, it, vi } from "vitest";
import type { AppError } from "@/lib/errors";
import { describeEachProvider } from "../helpers/test-db";
import { dbVia, makeUser, type TAuthHolder } from "./harness";

const holder = vi.hoisted(() => ({ db: undefined, session: null }) as TAuthHolder);
vi.mock("server-only", () => ({}));
vi.mock("@/lib/db", () => ({ db: dbVia(holder) }));

const { verifySignIn } = await import("@/lib/auth/credentials");

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected the call to fail");
}

const at = (minutes: number) => new Date(Date.UTC(2030, 0, 1, 12, minutes));

describeEachProvider("sign-in", (suite) => {
  beforeAll(() => {
    holder.db = suite.db;
  });

  it("accepts the right password with any email case and records the login", async () => {
    const user = await makeUser(suite.db, { email: "right@example.test", role: "INSTRUCTOR", password: "the-right-password" });
    const signedIn = await verifySignIn({ email: " Right@Example.test", password: "the-right-password", ip: "192.0.2.1" }, at(0));
    expect(signedIn).toEqual({ id: user.id, email: "right@example.test", name: user.name, role: "INSTRUCTOR", locale: null });
    const audit = await suite.db.auditLog.findFirstOrThrow({ where: { action: "user.login", targetId: user.id } });
    expect(audit.ip).toBe("192.0.2.1");
  });

  it("gives a wrong password and an unknown email the same answer", async () => {
    await makeUser(suite.db, { email: "exists@example.test", password: "the-right-password" });
    const wrong = await failure(verifySignIn({ email: "exists@example.test", password: "not-it", ip: "192.0.2.2" }, at(0)));
    const unknown = await failure(verifySignIn({ email: "ghost@example.test", password: "not-it", ip: "192.0.2.2" }, at(0)));
    for (const error of [wrong, unknown]) {
      expect(error.code).toBe("UNAUTHENTICATED");
      expect(error.messageKey).toBe("auth.invalidCredentials");
    }
  });

  it("blocks an account after 10 failures for the rest of the 15-minute window, even with the right password", async () => {
    await makeUser(suite.db, { email: "target@example.test", password: "the-right-password" });
    for (let attempt = 1; attempt <= 9; attempt += 1) {
      const error = await failure(verifySignIn({ email: "target@example.test", password: `guess-${attempt}`, ip: `192.0.2.${10 + attempt}` }, at(1)));
      expect(error.code).toBe("UNAUTHENTICATED");
    }
    const tenth = await failure(verifySignIn({ email: "target@example.test", password: "guess-10", ip: "192.0.2.30" }, at(1)));
    expect(tenth.code).toBe("RATE_LIMITED");
    expect(tenth.messageKey).toBe("auth.rateLimited");
    expect(tenth.params).toEqual({ minutes: 15 });

    const blocked = await failure(verifySignIn({ email: "target@example.test", password: "the-right-password", ip: "192.0.2.31" }, at(6)));
    expect(blocked.code).toBe("RATE_LIMITED");
    expect(blocked.params).toEqual({ minutes: 10 });

    // The window (opened at 12:01) ends at 12:16; the right password works again afterwards.
    const user = await verifySignIn({ email: "target@example.test", password: "the-right-password", ip: "192.0.2.31" }, at(16));
    expect(user.email).toBe("target@example.test");
  });

  it("a successful sign-in clears the account's failure count", async () => {
    await makeUser(suite.db, { email: "forgetful@example.test", password: "the-right-password" });
    for (let attempt = 0; attempt < 9; attempt += 1) {
      await failure(verifySignIn({ email: "forgetful@example.test", password: "oops", ip: "192.0.2.40" }, at(20)));
    }
    await verifySignIn({ email: "forgetful@example.test", password: "the-right-password", ip: "192.0.2.40" }, at(20));
    const next = await failure(verifySignIn({ email: "forgetful@example.test", password: "oops", ip: "192.0.2.40" }, at(21)));
    expect(next.code).toBe("UNAUTHENTICATED");
  });

  it("blocks an IP after 30 failures spread over many accounts", async () => {
    const ip = "203.0.113.50";
    for (let attempt = 0; attempt < 29; attempt += 1) {
      const error = await failure(verifySignIn({ email: `spray-${attempt}@example.test`, password: "Password1!", ip }, at(30)));
      expect(error.code).toBe("UNAUTHENTICATED");
    }
    const thirtieth = await failure(verifySignIn({ email: "spray-29@example.test", password: "Password1!", ip }, at(30)));
    expect(thirtieth.code).toBe("RATE_LIMITED");
    await makeUser(suite.db, { email: "innocent@example.test", password: "the-right-password" });
    const fromSameIp = await failure(verifySignIn({ email: "innocent@example.test", password: "the-right-password", ip }, at(31)));
    expect(fromSameIp.code).toBe("RATE_LIMITED");
    const fromElsewhere = await verifySignIn({ email: "innocent@example.test", password: "the-right-password", ip: "203.0.113.51" }, at(31));
    expect(fromElsewhere.email).toBe("innocent@example.test");
  });

  it("stores the counters in RateLimitBucket rows shared by every instance", async () => {
    const bucket = await suite.db.rateLimitBucket.findUniqueOrThrow({ where: { key: "signin:ip:203.0.113.50" } });
    expect(bucket.count).toBe(30);
    expect(bucket.windowStart.toISOString()).toBe("2030-01-01T12:30:00.000Z");
    expect(bucket.blockedUntil?.toISOString()).toBe("2030-01-01T12:45:00.000Z");
    // A successful sign-in removed the account's own bucket.
    expect(await suite.db.rateLimitBucket.count({ where: { key: "signin:email:target@example.test" } })).toBe(0);
  });
});

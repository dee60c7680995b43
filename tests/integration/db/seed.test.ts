// Seeding runs on every start, on every instance: it must create the demo accounts once, never
// touch them again, and write the question bank as versions without losing history.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_ACCOUNTS, describeSeed, loadBankEntries, seedDatabase, seedDemoAccounts } from "@/prisma/seed";
import { seedQuestionBank, type TBankEntry } from "@/prisma/seed-question-bank";
import { describeEachProvider } from "../helpers/test-db";

// A root with no lib/questions: the bank step must say it skipped, not invent questions.
let emptyRoot: string;
beforeAll(() => {
  emptyRoot = mkdtempSync(path.join(tmpdir(), "kubedrill-seed-root-"));
});
afterAll(() => rmSync(emptyRoot, { recursive: true, force: true }));

function entry(id: string, content: TBankEntry["content"], hash: string): TBankEntry {
  return { id, topic: id.split("/")[0], type: "single-choice", contentHash: hash, content };
}

describeEachProvider("seed", (suite) => {
  it("creates the three demo accounts with their roles and working passwords", async () => {
    const result = await seedDatabase(suite.db, { root: emptyRoot });
    expect(result.accountsCreated).toEqual(DEMO_ACCOUNTS.map((a) => a.email));
    for (const account of DEMO_ACCOUNTS) {
      const user = await suite.db.user.findUniqueOrThrow({ where: { email: account.email } });
      expect(user.role).toBe(account.role);
      expect(await verifyPassword(user.passwordHash, account.password)).toBe(true);
      expect(await verifyPassword(user.passwordHash, "wrong-password")).toBe(false);
    }
    expect(result.bank).toEqual({ kind: "skipped", reason: "lib/questions (the question loader) is not present yet" });
    expect(describeSeed(result).join("\n")).toContain("student@kubedrill.dev");
  });

  it("is idempotent and leaves existing accounts exactly as they are", async () => {
    await seedDemoAccounts(suite.db);
    const before = await suite.db.user.findMany({ orderBy: { email: "asc" } });
    await suite.db.user.update({ where: { email: "student@kubedrill.dev" }, data: { name: "Renamed by the student" } });
    const again = await seedDatabase(suite.db, { root: emptyRoot });
    expect(again.accountsCreated).toEqual([]);
    expect(again.accountsKept).toHaveLength(3);
    const after = await suite.db.user.findMany({ orderBy: { email: "asc" } });
    expect(after.map((u) => [u.id, u.passwordHash])).toEqual(before.map((u) => [u.id, u.passwordHash]));
    expect(after.find((u) => u.email === "student@kubedrill.dev")?.name).toBe("Renamed by the student");
  });

  it("survives two instances seeding at the same moment", async () => {
    await suite.db.user.deleteMany({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } });
    await Promise.all([seedDemoAccounts(suite.db), seedDemoAccounts(suite.db)]);
    expect(await suite.db.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } })).toBe(3);
  });

  describe("question bank", () => {
    it("creates questions with a current version, reusing versions whose hash is unchanged", async () => {
      const first = await seedQuestionBank(suite.db, [
        entry("pods/one", { prompt: "v1" }, "h1"),
        entry("services/two", { prompt: "two" }, "h2"),
      ]);
      expect(first).toEqual({ questions: 2, newVersions: 2, retired: 0 });
      const again = await seedQuestionBank(suite.db, [
        entry("pods/one", { prompt: "v1" }, "h1"),
        entry("services/two", { prompt: "two" }, "h2"),
      ]);
      expect(again).toEqual({ questions: 2, newVersions: 0, retired: 0 });
      const one = await suite.db.question.findUniqueOrThrow({ where: { id: "pods/one" }, include: { currentVersion: true } });
      expect(one.currentVersion?.content).toEqual({ prompt: "v1" });
      expect(one.topic).toBe("pods");
    });

    it("adds a version when content changes and keeps the old one for attempts pinned to it", async () => {
      const before = await suite.db.question.findUniqueOrThrow({ where: { id: "pods/one" } });
      const result = await seedQuestionBank(suite.db, [
        entry("pods/one", { prompt: "v2" }, "h1-b"),
        entry("services/two", { prompt: "two" }, "h2"),
      ]);
      expect(result.newVersions).toBe(1);
      const after = await suite.db.question.findUniqueOrThrow({ where: { id: "pods/one" }, include: { versions: true, currentVersion: true } });
      expect(after.currentVersionId).not.toBe(before.currentVersionId);
      expect(after.currentVersion?.content).toEqual({ prompt: "v2" });
      expect(after.versions.map((v) => v.contentHash).sort()).toEqual(["h1", "h1-b"]);
    });

    it("retires questions that left the bank and revives them when they return", async () => {
      const dropped = await seedQuestionBank(suite.db, [entry("pods/one", { prompt: "v2" }, "h1-b")]);
      expect(dropped.retired).toBe(1);
      expect((await suite.db.question.findUniqueOrThrow({ where: { id: "services/two" } })).retiredAt).toBeInstanceOf(Date);
      await seedQuestionBank(suite.db, [entry("pods/one", { prompt: "v2" }, "h1-b"), entry("services/two", { prompt: "two" }, "h2")]);
      expect((await suite.db.question.findUniqueOrThrow({ where: { id: "services/two" } })).retiredAt).toBeNull();
    });

    it("survives two instances seeding the same bank at the same moment", async () => {
      const bank = Array.from({ length: 5 }, (_, i) => entry(`race/q${i}`, { i }, `race-${i}`));
      const [a, b] = await Promise.all([seedQuestionBank(suite.db, bank), seedQuestionBank(suite.db, bank)]);
      expect(a.newVersions + b.newVersions).toBe(5);
      expect(await suite.db.questionVersion.count({ where: { questionId: { startsWith: "race/" } } })).toBe(5);
    });

    it("rejects a bank that lists one id twice", async () => {
      await expect(
        seedQuestionBank(suite.db, [entry("pods/dup", {}, "a"), entry("pods/dup", {}, "b")]),
      ).rejects.toThrow(/"pods\/dup" twice/);
    });
  });
});

describe("question bank loader hook", () => {
  it("skips with a reason when the loader is absent", async () => {
    expect(await loadBankEntries(emptyRoot)).toEqual({ skipped: "lib/questions (the question loader) is not present yet" });
  });
});

// Seeding runs on every start, on every instance: it must create the demo accounts once, never
// touch them again, and write the question bank as versions without losing history.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_ACCOUNTS, describeSeed, loadBankEntries, seedDatabase, seedDemoAccounts } from "@/prisma/seed";
import { seedQuestionBank, type TBankEntry } from "@/prisma/seed-question-bank";
import { describeEachProvider } from "../helpers/test-db";

// A root whose bank holds one question (with the real syllabus and notes), and one whose bank has a
// broken file: the seed loads the first and refuses the second, listing the file and the reason.
let bankRoot: string;
let brokenRoot: string;
function makeRoot(prefix: string): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  mkdirSync(path.join(root, "questions", "restart-policy"), { recursive: true });
  copyFileSync("questions/syllabus.yaml", path.join(root, "questions", "syllabus.yaml"));
  cpSync("questions/notes", path.join(root, "questions", "notes"), { recursive: true });
  copyFileSync("questions/restart-policy/default-value.yaml", path.join(root, "questions", "restart-policy", "default-value.yaml"));
  return root;
}
beforeAll(() => {
  bankRoot = makeRoot("kubedrill-seed-root-");
  brokenRoot = makeRoot("kubedrill-seed-broken-");
  writeFileSync(path.join(brokenRoot, "questions", "restart-policy", "typo.yaml"), "id: restart-policy/typo\ntopik: restart-policy\n");
});
afterAll(() => {
  rmSync(bankRoot, { recursive: true, force: true });
  rmSync(brokenRoot, { recursive: true, force: true });
});

function entry(id: string, content: TBankEntry["content"], hash: string): TBankEntry {
  return { id, topic: id.split("/")[0], type: "single-choice", contentHash: hash, content };
}

describeEachProvider("seed", (suite) => {
  it("creates the three demo accounts with their roles and working passwords", async () => {
    const result = await seedDatabase(suite.db, { root: bankRoot });
    expect(result.accountsCreated).toEqual(DEMO_ACCOUNTS.map((a) => a.email));
    for (const account of DEMO_ACCOUNTS) {
      const user = await suite.db.user.findUniqueOrThrow({ where: { email: account.email } });
      expect(user.role).toBe(account.role);
      expect(await verifyPassword(user.passwordHash, account.password)).toBe(true);
      expect(await verifyPassword(user.passwordHash, "wrong-password")).toBe(false);
    }
    expect(result.bank).toEqual({ questions: 1, newVersions: 1, retired: 0 });
    expect(await suite.db.question.findUnique({ where: { id: "restart-policy/default-value" }, select: { currentVersionId: true } })).toMatchObject({ currentVersionId: expect.any(String) });
    expect(describeSeed(result).join("\n")).toContain("student@kubedrill.dev");
  });

  it("is idempotent and leaves existing accounts exactly as they are", async () => {
    await seedDemoAccounts(suite.db);
    const before = await suite.db.user.findMany({ orderBy: { email: "asc" } });
    await suite.db.user.update({ where: { email: "student@kubedrill.dev" }, data: { name: "Renamed by the student" } });
    const again = await seedDatabase(suite.db, { root: bankRoot });
    expect(again.bank).toMatchObject({ questions: 1, newVersions: 0 });
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
    beforeAll(async () => {
      // Start from an empty bank: the account tests above seeded the one-question bank.
      await suite.db.question.deleteMany({});
    });

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

describe("question bank loader", () => {
  it("loads <root>/questions through the bank's own validation", async () => {
    const entries = await loadBankEntries(bankRoot);
    expect(entries.map((e) => e.id)).toEqual(["restart-policy/default-value"]);
    expect(entries[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a bank with an invalid file, naming the file and the reason", async () => {
    await expect(loadBankEntries(brokenRoot)).rejects.toThrow(/restart-policy\/typo\.yaml/);
  });
});

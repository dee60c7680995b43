// npm start seeds every question of questions/ through lib/bank/load-bank.ts, and a broken bank
// stops the seed with the file and error instead of silently retiring what failed to load.
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { loadBankSync } from "@/lib/bank/load-bank";
import { ZQuestion } from "@/lib/questions/schema";
import { seedDatabase } from "@/prisma/seed";
import { describeEachProvider } from "../helpers/test-db";
import { dbVia, makeLearner, type TAuthHolder } from "./harness";

const holder = vi.hoisted(() => ({ db: undefined, session: null }) as TAuthHolder);
vi.mock("server-only", () => ({}));
vi.mock("@/lib/db", async () => ({ ...(await import("@/lib/db/client")), db: dbVia(holder) }));

const { listPracticeQuestions } = await import("@/lib/server/question-bank");
const { openPractice } = await import("@/lib/server/practice");

// A copy of questions/ without the files that do not load right now: authors edit the bank while
// this runs, and the bank's own validity is questions:check's business, not this test's.
let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "kubedrill-bank-"));
  cpSync(path.join(process.cwd(), "questions"), path.join(root, "questions"), { recursive: true });
  for (const error of loadBankSync(path.join(root, "questions")).errors) {
    if (error.file.includes("/")) rmSync(path.join(root, "questions", error.file), { force: true });
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describeEachProvider("seeding the question bank", (suite) => {
  it("loads every question of questions/ with a valid current version, ready to practise", async () => {
    holder.db = suite.db;
    const bank = loadBankSync(path.join(root, "questions"));
    expect(bank.errors).toEqual([]);
    const result = await seedDatabase(suite.db, { root });
    expect(result.bank.questions).toBe(bank.questions.length);
    expect(result.bank.questions).toBeGreaterThan(0);
    const rows = await suite.db.question.findMany({ include: { currentVersion: true } });
    expect(rows.map((r) => r.id).sort()).toEqual(bank.questions.map((q) => q.id).sort());
    for (const row of rows) expect(ZQuestion.safeParse(row.currentVersion?.content).success).toBe(true);

    const user = await makeLearner(suite.db);
    const listed = await listPracticeQuestions(user);
    expect(listed.map((q) => q.id).sort()).toEqual(bank.questions.map((q) => q.id).sort());
    const opened = await openPractice(user, listed[0].id);
    expect(opened.question.id).toBe(listed[0].id);

    // Seeding again adds no versions.
    expect((await seedDatabase(suite.db, { root })).bank.newVersions).toBe(0);
  });

  it("fails loudly on a broken question file", async () => {
    const broken = mkdtempSync(path.join(tmpdir(), "kubedrill-broken-bank-"));
    try {
      cpSync(path.join(root, "questions"), path.join(broken, "questions"), { recursive: true });
      mkdirSync(path.join(broken, "questions", "probes"), { recursive: true });
      writeFileSync(path.join(broken, "questions", "probes", "broken.yaml"), "id: probes/broken\ntype: [oops\n");
      const before = await suite.db.question.count({ where: { retiredAt: null } });
      await expect(seedDatabase(suite.db, { root: broken })).rejects.toThrow(/question bank has 1 error\(s\):\nprobes\/broken\.yaml/);
      // Nothing was retired by the failed seed.
      expect(await suite.db.question.count({ where: { retiredAt: null } })).toBe(before);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});

// seed — idempotent start-up data: the demo accounts, then the question bank (npm run db:seed;
// also run by npm start after migrating). Running it again changes nothing that already exists.
import { existsSync } from "node:fs";
import path from "node:path";
import { hashPassword } from "../lib/auth/password";
import { createDbClient, isUniqueViolation, type TDb } from "../lib/db/client";
import { normalizeEmail, type TRole } from "../lib/db/values";
import { seedQuestionBank, type TBankEntry, type TBankSeedResult } from "./seed-question-bank";

export type TDemoAccount = { email: string; password: string; name: string; role: TRole };

// Printed on every start so a first-time user can sign in. Existing accounts are never changed.
export const DEMO_ACCOUNTS: readonly TDemoAccount[] = [
  { email: "admin@kubedrill.dev", password: "kubedrill-admin", name: "Demo Admin", role: "ADMIN" },
  { email: "instructor@kubedrill.dev", password: "kubedrill-instructor", name: "Demo Instructor", role: "INSTRUCTOR" },
  { email: "student@kubedrill.dev", password: "kubedrill-student", name: "Demo Student", role: "STUDENT" },
];

export type TSeedResult = {
  accountsCreated: string[];
  accountsKept: string[];
  bank: ({ kind: "seeded" } & TBankSeedResult) | { kind: "skipped"; reason: string };
};

export async function seedDemoAccounts(db: TDb): Promise<Pick<TSeedResult, "accountsCreated" | "accountsKept">> {
  const accountsCreated: string[] = [];
  const accountsKept: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const email = normalizeEmail(account.email);
    const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) {
      accountsKept.push(email);
      continue;
    }
    const passwordHash = await hashPassword(account.password);
    try {
      await db.user.create({ data: { email, name: account.name, passwordHash, role: account.role } });
      accountsCreated.push(email);
    } catch (error) {
      // Another instance starting at the same moment inserted it first (Prisma's upsert is not
      // atomic, so it would fail the same way): the account exists, which is all we need.
      if (!isUniqueViolation(error)) throw error;
      accountsKept.push(email);
    }
  }
  return { accountsCreated, accountsKept };
}

/**
 * The bank comes from the question loader once it exists. Its contract: `lib/questions/index.ts`
 * exports `loadQuestionBank(dir: string)` resolving to the bank entries (or `{ questions }`), each
 * `{ id, topic, type, contentHash, content }`. Until then the step says why it was skipped.
 */
export async function loadBankEntries(root: string): Promise<{ entries: TBankEntry[] } | { skipped: string }> {
  const loaderPath = path.join(root, "lib", "questions", "index.ts");
  const bankDir = path.join(root, "questions");
  if (!existsSync(loaderPath)) return { skipped: "lib/questions (the question loader) is not present yet" };
  if (!existsSync(bankDir)) return { skipped: "there is no questions/ folder" };
  const loader = (await import(loaderPath)) as { loadQuestionBank?: (dir: string) => Promise<unknown> };
  if (typeof loader.loadQuestionBank !== "function") {
    return { skipped: "lib/questions does not export loadQuestionBank(dir)" };
  }
  const loaded = await loader.loadQuestionBank(bankDir);
  const entries = Array.isArray(loaded) ? loaded : (loaded as { questions?: unknown }).questions;
  if (!Array.isArray(entries)) throw new Error("loadQuestionBank(dir) returned neither an array nor { questions }");
  return { entries: entries as TBankEntry[] };
}

export async function seedDatabase(db: TDb, options: { root?: string } = {}): Promise<TSeedResult> {
  const accounts = await seedDemoAccounts(db);
  const loaded = await loadBankEntries(options.root ?? process.cwd());
  const bank: TSeedResult["bank"] =
    "skipped" in loaded
      ? { kind: "skipped", reason: loaded.skipped }
      : { kind: "seeded", ...(await seedQuestionBank(db, loaded.entries)) };
  return { ...accounts, bank };
}

export function describeSeed(result: TSeedResult): string[] {
  const lines = [
    `demo accounts: ${result.accountsCreated.length} created, ${result.accountsKept.length} already present`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(10)} ${a.email.padEnd(26)} ${a.password}`),
  ];
  if (result.bank.kind === "seeded") {
    lines.push(
      `question bank: ${result.bank.questions} questions, ${result.bank.newVersions} new versions, ${result.bank.retired} retired`,
    );
  } else {
    lines.push(`question bank: skipped (${result.bank.reason})`);
  }
  return lines;
}

async function main(): Promise<void> {
  const { getEnv } = await import("../lib/env");
  const db = createDbClient(getEnv().DATABASE_URL);
  try {
    for (const line of describeSeed(await seedDatabase(db))) console.log(line);
  } finally {
    await db.$disconnect();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

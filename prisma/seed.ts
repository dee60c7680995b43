// seed — idempotent start-up data: the demo accounts, then the question bank (npm run db:seed;
// also run by npm start after migrating). Running it again changes nothing that already exists.
import path from "node:path";
import { hashPassword } from "../lib/auth/password";
import { loadQuestionBank } from "../lib/bank/load-bank";
import { createDbClient, isUniqueViolation, type Prisma, type TDb } from "../lib/db/client";
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
  bank: TBankSeedResult;
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
 * The question bank from <root>/questions, through the same loader as questions:check. Any invalid
 * file fails the seed (and so `npm start`) with every error listed: serving a half-loaded bank would
 * silently retire the questions that failed to parse.
 */
export async function loadBankEntries(root: string): Promise<TBankEntry[]> {
  const questions = await loadQuestionBank(path.join(root, "questions"));
  return questions.map((q) => ({
    id: q.id,
    topic: q.topic,
    type: q.type,
    contentHash: q.contentHash,
    // The validated question as plain JSON (optional fields left out rather than stored as undefined).
    content: JSON.parse(JSON.stringify(q.content)) as Prisma.InputJsonValue,
  }));
}

export async function seedDatabase(db: TDb, options: { root?: string } = {}): Promise<TSeedResult> {
  const accounts = await seedDemoAccounts(db);
  const entries = await loadBankEntries(options.root ?? process.cwd());
  return { ...accounts, bank: await seedQuestionBank(db, entries) };
}

export function describeSeed(result: TSeedResult): string[] {
  const lines = [
    `demo accounts: ${result.accountsCreated.length} created, ${result.accountsKept.length} already present`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(10)} ${a.email.padEnd(26)} ${a.password}`),
  ];
  lines.push(`question bank: ${result.bank.questions} questions, ${result.bank.newVersions} new versions, ${result.bank.retired} retired`);
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

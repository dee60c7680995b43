// Writes a loaded question bank into the database: one Question per stable id, one
// QuestionVersion per distinct content hash, currentVersionId moved to the loaded content, and
// questions no longer in the bank retired (never deleted: attempts stay pinned to their versions).
import { isUniqueViolation, type Prisma, type TDb } from "../lib/db/client";

export type TBankEntry = {
  /** Stable id from the file, e.g. "pods/create-nginx-pod". */
  id: string;
  topic: string;
  type: string;
  /** sha256 of the canonical content; equal hashes mean the same version. */
  contentHash: string;
  content: Prisma.InputJsonValue;
};

export type TBankSeedResult = {
  questions: number;
  newVersions: number;
  retired: number;
};

/** Questions written per transaction: few enough to keep locks short, many enough to start fast. */
const BATCH_SIZE = 50;

export async function seedQuestionBank(db: TDb, entries: readonly TBankEntry[]): Promise<TBankSeedResult> {
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) throw new Error(`question bank lists "${entry.id}" twice`);
    ids.add(entry.id);
  }
  // Every start seeds: one read finds the questions already stored exactly as loaded, so an
  // unchanged bank costs one query instead of one transaction per question.
  const stored = await db.question.findMany({
    select: { id: true, topic: true, type: true, retiredAt: true, currentVersion: { select: { contentHash: true } } },
  });
  const current = new Map(stored.map((q) => [q.id, q]));
  const changed = entries.filter((entry) => {
    const q = current.get(entry.id);
    return !q || q.retiredAt !== null || q.topic !== entry.topic || q.type !== entry.type || q.currentVersion?.contentHash !== entry.contentHash;
  });
  let newVersions = 0;
  for (let i = 0; i < changed.length; i += BATCH_SIZE) newVersions += await seedBatch(db, changed.slice(i, i + BATCH_SIZE));
  const retired = await db.question.updateMany({
    where: { id: { notIn: [...ids] }, retiredAt: null },
    data: { retiredAt: new Date() },
  });
  return { questions: entries.length, newVersions, retired: retired.count };
}

/** Writes a batch in one transaction; returns how many new versions it created. */
async function seedBatch(db: TDb, batch: readonly TBankEntry[]): Promise<number> {
  try {
    // A crash mid-seed leaves each batch all-or-nothing, and the next start finishes the rest
    // (every step is idempotent).
    return await db.$transaction(async (tx) => {
      let created = 0;
      for (const entry of batch) if (await seedOne(tx, entry)) created++;
      return created;
    });
  } catch (error) {
    // Two instances seeding at once: the other one inserted a row of this batch first. Write the
    // batch question by question; this time those rows are found and reused.
    if (!isUniqueViolation(error)) throw error;
    let created = 0;
    for (const entry of batch) if (await seedAlone(db, entry)) created++;
    return created;
  }
}

type TTx = Parameters<Parameters<TDb["$transaction"]>[0]>[0];

/** Returns true when it created a new version. */
async function seedOne(tx: TTx, entry: TBankEntry): Promise<boolean> {
  await tx.question.upsert({
    where: { id: entry.id },
    create: { id: entry.id, topic: entry.topic, type: entry.type },
    update: { topic: entry.topic, type: entry.type, retiredAt: null },
  });
  const existing = await tx.questionVersion.findUnique({
    where: { questionId_contentHash: { questionId: entry.id, contentHash: entry.contentHash } },
    select: { id: true },
  });
  const version =
    existing ??
    (await tx.questionVersion.create({
      data: { questionId: entry.id, contentHash: entry.contentHash, content: entry.content },
      select: { id: true },
    }));
  await tx.question.update({ where: { id: entry.id }, data: { currentVersionId: version.id } });
  return !existing;
}

async function seedAlone(db: TDb, entry: TBankEntry, attempt = 1): Promise<boolean> {
  try {
    return await db.$transaction((tx) => seedOne(tx, entry));
  } catch (error) {
    if (attempt < 3 && isUniqueViolation(error)) return seedAlone(db, entry, attempt + 1);
    throw error;
  }
}

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

export async function seedQuestionBank(db: TDb, entries: readonly TBankEntry[]): Promise<TBankSeedResult> {
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) throw new Error(`question bank lists "${entry.id}" twice`);
    ids.add(entry.id);
  }
  let newVersions = 0;
  for (const entry of entries) {
    if (await seedOne(db, entry)) newVersions++;
  }
  const retired = await db.question.updateMany({
    where: { id: { notIn: [...ids] }, retiredAt: null },
    data: { retiredAt: new Date() },
  });
  return { questions: entries.length, newVersions, retired: retired.count };
}

/** Returns true when it created a new version. */
async function seedOne(db: TDb, entry: TBankEntry, attempt = 1): Promise<boolean> {
  try {
    // One transaction per question: a crash mid-seed leaves each question consistent, and the next
    // start finishes the rest (every step below is idempotent).
    return await db.$transaction(async (tx) => {
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
    });
  } catch (error) {
    // Two instances seeding at once: the other one inserted this row first. Run again; this time
    // the row is found and reused.
    if (attempt < 3 && isUniqueViolation(error)) return seedOne(db, entry, attempt + 1);
    throw error;
  }
}

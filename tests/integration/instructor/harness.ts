// Shared pieces for the instructor integration tests: users of each role as the guard would hand
// them to lib/server, on top of the practice fixtures (a choice question and a simulator task).
import type { CurrentUser } from "@/lib/auth/guard";
import type { Role } from "@/lib/auth/roles";
import type { TDb } from "@/lib/db/client";
import { makeUser } from "../auth/harness";

export { codeOf, COMMAND_TASK, dbVia, seedFixtures, SINGLE_CHOICE, type TAuthHolder } from "../practice/harness";

export async function makeActor(db: TDb, role: Role = "STUDENT"): Promise<CurrentUser> {
  const row = await makeUser(db, { role });
  return { id: row.id, email: row.email, name: row.name, role, locale: null, timeMultiplier: 1, createdAt: row.createdAt };
}

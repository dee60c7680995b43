// Shared pieces for the auth integration tests. Each test file mocks "@/lib/db" with dbVia(holder) so
// the real server code runs against the suite's fresh migrated database, and mocks next-auth's
// getServerSession to return holder.session.
import type { TDb } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";

export type TAuthHolder = { db: TDb | undefined; session: { user: { id: string } } | null };

export function dbVia(holder: TAuthHolder): TDb {
  return new Proxy({} as TDb, {
    get(_target, property) {
      if (!holder.db) throw new Error("holder.db is set in beforeAll");
      const value = Reflect.get(holder.db, property, holder.db);
      return typeof value === "function" ? value.bind(holder.db) : value;
    },
  });
}

let counter = 0;

export async function makeUser(db: TDb, options: { role?: Role; password?: string; email?: string } = {}) {
  counter += 1;
  const email = options.email ?? `user-${counter}-${Date.now().toString(36)}@example.test`;
  return db.user.create({
    data: {
      email,
      name: `Test User ${counter}`,
      role: options.role ?? "STUDENT",
      passwordHash: await hashPassword(options.password ?? "correct horse battery"),
    },
  });
}

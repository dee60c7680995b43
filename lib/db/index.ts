// The app's database handle: a Prisma client singleton for DATABASE_URL (see lib/db/client.ts).
// Server code only; scripts and tests use createDbClient from "@/lib/db/client".
import "server-only";
import { getEnv } from "@/lib/env";
import { checkDatabaseWith, createDbClient, type TDatabaseCheck, type TDb } from "./client";
import { parseDatabaseUrl } from "./url";

export { createDbClient, isPrismaError, isUniqueViolation, Prisma, type TDatabaseCheck, type TDb } from "./client";
export * from "./values";

// Cached on globalThis outside production so Next.js dev-mode reloads reuse one connection pool
// instead of opening a new one per edit (create-t3-app src/server/db.ts).
const globalForDb = globalThis as unknown as { kubedrillDb?: TDb };
let moduleDb: TDb | undefined;

function getDb(): TDb {
  const existing = moduleDb ?? globalForDb.kubedrillDb;
  if (existing) return existing;
  const env = getEnv();
  const client = createDbClient(env.DATABASE_URL);
  moduleDb = client;
  if (env.NODE_ENV !== "production") globalForDb.kubedrillDb = client;
  return client;
}

// A Proxy so importing "@/lib/db" neither connects nor reads the environment: `next build`
// evaluates route modules without a database or secrets. The client is made on first use.
export const db: TDb = new Proxy({} as TDb, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function checkDatabase(): Promise<TDatabaseCheck> {
  let provider: TDatabaseCheck["provider"] = "sqlite";
  try {
    provider = parseDatabaseUrl(getEnv().DATABASE_URL, process.cwd()).kind;
    return await checkDatabaseWith(db, provider);
  } catch (error) {
    return { ok: false, provider, latencyMs: 0, error: error instanceof Error ? error.message : String(error) };
  }
}

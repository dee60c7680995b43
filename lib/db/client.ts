// Prisma client factory: one model API, two databases. The adapter is chosen from the URL —
// "file:…" opens SQLite through better-sqlite3, "postgresql://…" a pg pool — and each provider has
// its own generated client (lib/db/generated/<provider>, from prisma/schema.base.prisma). Both
// clients are generated from the same models, so the PostgreSQL one is typed as the SQLite one.
//
// No "server-only" here so scripts and tests can import it; app code imports "@/lib/db".
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/sqlite";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgresql";
import { parseDatabaseUrl, quoteIdentifier, type TDatabaseProvider, type TDatabaseTarget } from "./url";

import { Prisma } from "./generated/sqlite";

export { Prisma };
export type * from "./generated/sqlite";

export type TDb = PrismaClient;

export type TCreateDbClientOptions = {
  /** Directory that relative "file:" paths are resolved against; default process.cwd(). */
  root?: string;
  /** Most connections the pg pool opens (per app instance); default 10. */
  poolSize?: number;
};

const clientProviders = new WeakMap<object, TDatabaseProvider>();

export function createDbClient(url: string, options: TCreateDbClientOptions = {}): TDb {
  const target = parseDatabaseUrl(url, options.root ?? process.cwd());
  const client = createForTarget(target, options);
  clientProviders.set(client, target.kind);
  return client;
}

function createForTarget(target: TDatabaseTarget, options: TCreateDbClientOptions): TDb {
  if (target.kind === "sqlite") {
    mkdirSync(path.dirname(target.filePath), { recursive: true });
    // timeout: how long a writer waits for SQLite's lock before failing with SQLITE_BUSY.
    return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: target.url, timeout: 10_000 }) });
  }
  const adapter = new PrismaPg(
    {
      connectionString: target.connectionString,
      max: options.poolSize ?? 10,
      // Unqualified names (the runner's migrations, raw queries) resolve in the chosen schema too.
      options: `-c search_path=${quoteIdentifier(target.schema)}`,
    },
    { schema: target.schema },
  );
  // Same models, same generated API: only the SQL dialect underneath differs.
  return new PostgresPrismaClient({ adapter }) as unknown as TDb;
}

/** The provider a client from createDbClient talks to. */
export function providerOfClient(client: TDb): TDatabaseProvider {
  const provider = clientProviders.get(client);
  if (!provider) throw new Error("providerOfClient: client was not made by createDbClient");
  return provider;
}

/** A Prisma error with a known code, e.g. "P2002" (unique constraint), "P2025" (record not found). */
export function isPrismaError(error: unknown, code?: string): error is Prisma.PrismaClientKnownRequestError {
  return error instanceof Prisma.PrismaClientKnownRequestError && (code === undefined || error.code === code);
}

/** A unique constraint refused the write (P2002), e.g. a concurrent insert of the same key won. */
export function isUniqueViolation(error: unknown): boolean {
  return isPrismaError(error, "P2002");
}

export type TDatabaseCheck = {
  ok: boolean;
  provider: TDatabaseProvider;
  latencyMs: number;
  error?: string;
};

/** One round trip to the database, for /api/health. Never throws. */
export async function checkDatabaseWith(client: TDb, provider: TDatabaseProvider): Promise<TDatabaseCheck> {
  const started = performance.now();
  try {
    await client.$queryRawUnsafe("SELECT 1");
    return { ok: true, provider, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      provider,
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message.split("\n")[0] : String(error),
    };
  }
}

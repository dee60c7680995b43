// Fresh, migrated databases for integration tests. SQLite always (a temporary file); PostgreSQL
// when TEST_POSTGRES_URL is set (a fresh schema inside that database, dropped afterwards), both
// migrated with the committed migrations through lib/db/migrate.ts, exactly as npm start does.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { createDbClient, type TDb } from "@/lib/db/client";
import { migrateDatabase, type TMigrateResult } from "@/lib/db/migrate";
import { parseDatabaseUrl, quoteIdentifier, type TDatabaseProvider } from "@/lib/db/url";

export const TEST_PROVIDERS: readonly TDatabaseProvider[] = ["sqlite", "postgresql"];

export type TTestDb = {
  provider: TDatabaseProvider;
  db: TDb;
  url: string;
  migration: TMigrateResult;
  cleanup: () => Promise<void>;
};

export type TCreateTestDbOptions = {
  provider: TDatabaseProvider;
  /** Apply the committed migrations (default true); false gives an empty database. */
  migrate?: boolean;
  /** Another migrations folder, for runner tests. */
  migrationsDir?: string;
};

export function postgresTestUrl(): string | undefined {
  const url = process.env.TEST_POSTGRES_URL;
  return url && url.trim() !== "" ? url.trim() : undefined;
}

/** A PostgreSQL URL for a new, uniquely named schema in TEST_POSTGRES_URL's database. */
export function freshPostgresSchemaUrl(): { url: string; schema: string } {
  const base = postgresTestUrl();
  if (!base) throw new Error("TEST_POSTGRES_URL is not set");
  const schema = `kd_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const parsed = new URL(base);
  parsed.searchParams.set("schema", schema);
  return { url: parsed.toString(), schema };
}

export async function dropPostgresSchema(url: string): Promise<void> {
  const target = parseDatabaseUrl(url, process.cwd());
  if (target.kind !== "postgresql") return;
  const client = new pg.Client({ connectionString: target.connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(target.schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

/** A fresh database URL of the given provider, not yet migrated, with its own cleanup. */
export function freshDatabaseUrl(provider: TDatabaseProvider): { url: string; cleanup: () => Promise<void> } {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "kubedrill-test-db-"));
    return { url: `file:${path.join(dir, "test.db")}`, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const { url } = freshPostgresSchemaUrl();
  return { url, cleanup: () => dropPostgresSchema(url) };
}

export async function createTestDb(options: TCreateTestDbOptions): Promise<TTestDb> {
  const fresh = freshDatabaseUrl(options.provider);
  const target = parseDatabaseUrl(fresh.url, process.cwd());
  const migration =
    options.migrate === false
      ? { provider: options.provider, applied: [], alreadyApplied: [], modifiedAfterApply: [] }
      : await migrateDatabase(target, { migrationsDir: options.migrationsDir });
  const db = createDbClient(fresh.url);
  return {
    provider: options.provider,
    db,
    url: fresh.url,
    migration,
    cleanup: async () => {
      await db.$disconnect();
      await fresh.cleanup();
    },
  };
}

export type TProviderSuite = {
  provider: TDatabaseProvider;
  /** The suite's database, created in beforeAll (read it inside tests and hooks, not at collection). */
  readonly db: TDb;
  readonly url: string;
};

let skipReasonPrinted = false;

/**
 * Runs a suite once per provider, each on its own fresh migrated database: on SQLite always, on
 * PostgreSQL only when TEST_POSTGRES_URL is set (otherwise it is reported as skipped, with the
 * reason printed once per run).
 */
export function describeEachProvider(name: string, fn: (suite: TProviderSuite) => void): void {
  for (const provider of TEST_PROVIDERS) {
    const enabled = provider === "sqlite" || postgresTestUrl() !== undefined;
    if (!enabled) {
      if (!skipReasonPrinted) {
        skipReasonPrinted = true;
        console.warn("[test-db] PostgreSQL suites skipped: set TEST_POSTGRES_URL=postgresql://… to run them");
      }
      describe.skip(`${name} [${provider}]`, () => fn({ provider, db: undefined as never, url: "" }));
      continue;
    }
    describe(`${name} [${provider}]`, () => {
      let handle: TTestDb | undefined;
      beforeAll(async () => {
        handle = await createTestDb({ provider });
      });
      afterAll(async () => {
        await handle?.cleanup();
      });
      fn({
        provider,
        get db() {
          if (!handle) throw new Error("the test database is created in beforeAll; use it inside tests");
          return handle.db;
        },
        get url() {
          if (!handle) throw new Error("the test database is created in beforeAll; use it inside tests");
          return handle.url;
        },
      });
    });
  }
}

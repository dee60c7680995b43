// Applies the committed migrations (prisma/<provider>/migrations/*/migration.sql) and records them
// in _prisma_migrations exactly as `prisma migrate deploy` does, so Prisma's own tooling sees the
// same history. Prisma 6's offline (WebAssembly) schema engine can apply SQLite migrations but not
// PostgreSQL ones, and one runner for both keeps start-up fast and identical on every provider.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { quoteIdentifier, type TDatabaseTarget, type TDatabaseProvider } from "./url";

export type TMigration = { name: string; sql: string; checksum: string };

export type TMigrateResult = {
  provider: TDatabaseProvider;
  applied: string[];
  alreadyApplied: string[];
  /** Applied migrations whose file changed since (Prisma's `migrate deploy` ignores this too). */
  modifiedAfterApply: string[];
};

export type TMigrateOptions = { migrationsDir?: string; log?: (line: string) => void };

// Prisma's own advisory lock key for migrations: two app instances starting together on one
// PostgreSQL wait for each other instead of racing (schema-engine postgres flavour, 72707369).
const ADVISORY_LOCK_KEY = 72707369;

// DDL copied from Prisma's schema engine (sql-schema-connector, flavour/{sqlite,postgres}.rs).
const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const POSTGRES_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

export function defaultMigrationsDir(provider: TDatabaseProvider, root = process.cwd()): string {
  return path.join(root, "prisma", provider, "migrations");
}

/** Prisma's checksum: sha256 of the migration.sql bytes, lower-case hex. */
export function migrationChecksum(sql: string | Buffer): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** The migrations in a folder, oldest first (folder names start with a UTC timestamp). */
export function readMigrations(migrationsDir: string): TMigration[] {
  if (!existsSync(migrationsDir)) throw new Error(`no migrations folder at ${migrationsDir}`);
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(migrationsDir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: migrationChecksum(bytes) };
    });
}

type TAppliedRow = { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown };

function failedMigrationError(name: string): Error {
  // Same situation as Prisma's P3009: a failed migration blocks the ones after it.
  return new Error(
    `migration ${name} failed earlier and is recorded as unfinished in _prisma_migrations. ` +
      `Fix the database, then mark it rolled back (UPDATE _prisma_migrations SET rolled_back_at = now() ` +
      `WHERE migration_name = '${name}' AND finished_at IS NULL) and start again.`,
  );
}

function plan(migrations: TMigration[], rows: TAppliedRow[]) {
  const done = new Map<string, TAppliedRow>();
  for (const row of rows) {
    if (row.rolled_back_at !== null) continue;
    if (row.finished_at === null) throw failedMigrationError(row.migration_name);
    done.set(row.migration_name, row);
  }
  const pending = migrations.filter((m) => !done.has(m.name));
  const alreadyApplied = migrations.filter((m) => done.has(m.name)).map((m) => m.name);
  const modifiedAfterApply = migrations
    .filter((m) => done.has(m.name) && done.get(m.name)!.checksum !== m.checksum)
    .map((m) => m.name);
  return { pending, alreadyApplied, modifiedAfterApply };
}

// Prisma writes SQLite timestamps as RFC 3339 with an explicit offset: 2025-01-01T12:00:00.035+00:00
function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

function migrateSqlite(filePath: string, migrations: TMigration[], log: (line: string) => void): TMigrateResult {
  mkdirSync(path.dirname(filePath), { recursive: true });
  const db = new Database(filePath);
  try {
    db.pragma("busy_timeout = 10000");
    // Write-ahead logging lets page requests keep reading while another request writes; the
    // setting is stored in the file, so every later connection uses it too.
    db.pragma("journal_mode = WAL");
    db.exec(SQLITE_MIGRATIONS_TABLE);
    const rows = db
      .prepare("SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at")
      .all() as TAppliedRow[];
    const { pending, alreadyApplied, modifiedAfterApply } = plan(migrations, rows);
    for (const migration of pending) {
      const id = randomUUID();
      db.prepare(
        "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)",
      ).run(id, migration.checksum, migration.name, sqliteTimestamp(new Date()));
      try {
        // Not wrapped in a transaction, like Prisma: SQLite table rebuilds toggle PRAGMA foreign_keys,
        // which is a no-op inside one.
        db.exec(migration.sql);
      } catch (error) {
        db.prepare("UPDATE _prisma_migrations SET logs = ? WHERE id = ?").run(String(error), id);
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
      db.prepare("UPDATE _prisma_migrations SET finished_at = ?, applied_steps_count = 1 WHERE id = ?").run(
        sqliteTimestamp(new Date()),
        id,
      );
      log(`applied migration ${migration.name}`);
    }
    return { provider: "sqlite", applied: pending.map((m) => m.name), alreadyApplied, modifiedAfterApply };
  } finally {
    db.close();
  }
}

async function migratePostgres(
  connectionString: string,
  schema: string,
  migrations: TMigration[],
  log: (line: string) => void,
): Promise<TMigrateResult> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // Lock first: even CREATE SCHEMA IF NOT EXISTS fails when two sessions race to create it.
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
      await client.query(`SET search_path TO ${quoteIdentifier(schema)}`);
      await client.query(POSTGRES_MIGRATIONS_TABLE);
      const { rows } = await client.query<TAppliedRow>(
        "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at",
      );
      const { pending, alreadyApplied, modifiedAfterApply } = plan(migrations, rows);
      for (const migration of pending) {
        const id = randomUUID();
        await client.query(
          "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)",
          [id, migration.checksum, migration.name],
        );
        // PostgreSQL DDL is transactional: a failing migration leaves no half-built schema behind.
        try {
          await client.query("BEGIN");
          await client.query(migration.sql);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          await client.query("UPDATE _prisma_migrations SET logs = $1 WHERE id = $2", [String(error), id]);
          throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
        }
        await client.query(
          "UPDATE _prisma_migrations SET finished_at = now(), applied_steps_count = 1 WHERE id = $1",
          [id],
        );
        log(`applied migration ${migration.name}`);
      }
      return { provider: "postgresql", applied: pending.map((m) => m.name), alreadyApplied, modifiedAfterApply };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

/** Brings the database up to the newest committed migration; safe to run on every start. */
export async function migrateDatabase(target: TDatabaseTarget, options: TMigrateOptions = {}): Promise<TMigrateResult> {
  const log = options.log ?? (() => undefined);
  const migrations = readMigrations(options.migrationsDir ?? defaultMigrationsDir(target.kind));
  const result =
    target.kind === "sqlite"
      ? migrateSqlite(target.filePath, migrations, log)
      : await migratePostgres(target.connectionString, target.schema, migrations, log);
  for (const name of result.modifiedAfterApply) {
    log(`warning: migration ${name} was edited after it was applied (checksum differs); it is not re-run`);
  }
  return result;
}

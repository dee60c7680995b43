// The migration runner: committed migrations apply on both providers, are recorded in
// _prisma_migrations the way Prisma records them, are idempotent, survive concurrent starts,
// and produce exactly the schema the Prisma models describe.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { defaultMigrationsDir, migrateDatabase, readMigrations } from "@/lib/db/migrate";
import { parseDatabaseUrl, quoteIdentifier, type TDatabaseProvider } from "@/lib/db/url";
import { diffSchemas, providerSchemaPath, PROJECT_ROOT } from "@/scripts/db/schemas";
import { TEST_PROVIDERS, freshDatabaseUrl, postgresTestUrl } from "../helpers/test-db";

type TMigrationRow = {
  id: string;
  checksum: string;
  finished_at: unknown;
  migration_name: string;
  logs: string | null;
  rolled_back_at: unknown;
  started_at: unknown;
  applied_steps_count: number;
};

async function query<T>(url: string, sql: string): Promise<T[]> {
  const target = parseDatabaseUrl(url, process.cwd());
  if (target.kind === "sqlite") {
    const db = new Database(target.filePath, { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.connectionString });
  await client.connect();
  try {
    await client.query(`SET search_path TO ${quoteIdentifier(target.schema)}`);
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function execScript(url: string, sql: string): Promise<void> {
  const target = parseDatabaseUrl(url, process.cwd());
  if (target.kind === "sqlite") {
    const db = new Database(target.filePath);
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.connectionString });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(target.schema)}`);
    await client.query(`SET search_path TO ${quoteIdentifier(target.schema)}`);
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Tables, columns (type, nullability, default), indexes and foreign keys, in a stable order. */
async function describeStructure(url: string): Promise<string[]> {
  const target = parseDatabaseUrl(url, process.cwd());
  if (target.kind === "sqlite") {
    const tables = await query<{ name: string }>(
      url,
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
    );
    const lines: string[] = [];
    for (const { name } of tables) {
      const quoted = name.replace(/'/g, "''");
      for (const c of await query<Record<string, unknown>>(url, `SELECT * FROM pragma_table_info('${quoted}') ORDER BY cid`)) {
        lines.push(`column ${name}.${c.name} ${c.type} notnull=${c.notnull} default=${c.dflt_value} pk=${c.pk}`);
      }
      for (const i of await query<Record<string, unknown>>(url, `SELECT * FROM pragma_index_list('${quoted}') ORDER BY name`)) {
        const cols = await query<{ name: string }>(url, `SELECT name FROM pragma_index_info('${String(i.name).replace(/'/g, "''")}') ORDER BY seqno`);
        lines.push(`index ${name}.${i.name} unique=${i.unique} (${cols.map((c) => c.name).join(",")})`);
      }
      for (const f of await query<Record<string, unknown>>(url, `SELECT * FROM pragma_foreign_key_list('${quoted}') ORDER BY id, seq`)) {
        lines.push(`fk ${name}.${f.from} -> ${f.table}.${f.to} on_update=${f.on_update} on_delete=${f.on_delete}`);
      }
    }
    return lines;
  }
  const columns = await query<Record<string, unknown>>(
    url,
    `SELECT table_name, column_name, data_type, is_nullable, column_default, character_maximum_length, datetime_precision
       FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
      ORDER BY table_name, column_name`,
  );
  const indexes = await query<Record<string, unknown>>(
    url,
    `SELECT tablename, indexname, indexdef FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`,
  );
  const constraints = await query<Record<string, unknown>>(
    url,
    `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE connamespace = current_schema()::regnamespace AND conrelid::regclass::text NOT LIKE '%_prisma_migrations'
      ORDER BY 1, 2`,
  );
  // Index definitions name the schema; strip it so two schemas compare equal.
  const schemaPrefix = new RegExp(`${target.schema}\\.`, "g");
  return [
    ...columns.map((c) => `column ${Object.values(c).map(String).join(" ")}`),
    ...indexes.map((i) => `index ${i.tablename} ${i.indexname} ${String(i.indexdef).replace(schemaPrefix, "")}`),
    ...constraints.map((c) => `constraint ${String(c.table_name).replace(schemaPrefix, "")} ${c.conname} ${c.def}`),
  ];
}

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function fresh(provider: TDatabaseProvider): string {
  const handle = freshDatabaseUrl(provider);
  cleanups.push(handle.cleanup);
  return handle.url;
}

function writeMigrations(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "kubedrill-migrations-"));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name), { recursive: true });
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

for (const provider of TEST_PROVIDERS) {
  const run = provider === "sqlite" || postgresTestUrl() !== undefined ? describe : describe.skip;

  run(`migrations [${provider}]`, () => {
    it("applies every committed migration and records it as Prisma does", async () => {
      const url = fresh(provider);
      const target = parseDatabaseUrl(url, process.cwd());
      const committed = readMigrations(defaultMigrationsDir(provider, PROJECT_ROOT));
      expect(committed.length).toBeGreaterThan(0);

      const result = await migrateDatabase(target, { migrationsDir: defaultMigrationsDir(provider, PROJECT_ROOT) });
      expect(result.applied).toEqual(committed.map((m) => m.name));

      const rows = await query<TMigrationRow>(url, "SELECT * FROM _prisma_migrations ORDER BY migration_name");
      expect(rows.map((r) => r.migration_name)).toEqual(committed.map((m) => m.name));
      for (const [i, row] of rows.entries()) {
        const file = readFileSync(path.join(defaultMigrationsDir(provider, PROJECT_ROOT), row.migration_name, "migration.sql"));
        expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
        expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
        expect(row.logs).toBeNull();
        expect(Number(row.applied_steps_count)).toBe(1);
        expect(row.started_at).not.toBeNull();
        expect(committed[i].checksum).toBe(row.checksum);
      }
      if (provider === "sqlite") {
        // Prisma's own timestamp format, e.g. 2025-01-01T12:00:00.035+00:00
        expect(String(rows[0].finished_at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
        // Readers are not blocked by a writer: the file is switched to write-ahead logging.
        expect(await query<{ journal_mode: string }>(url, "PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
      }
    });

    it("is idempotent: a second run applies nothing and adds no rows", async () => {
      const url = fresh(provider);
      const target = parseDatabaseUrl(url, process.cwd());
      const dir = defaultMigrationsDir(provider, PROJECT_ROOT);
      await migrateDatabase(target, { migrationsDir: dir });
      const again = await migrateDatabase(target, { migrationsDir: dir });
      expect(again.applied).toEqual([]);
      expect(again.alreadyApplied).toEqual(readMigrations(dir).map((m) => m.name));
      const rows = await query<{ n: number | string }>(url, "SELECT COUNT(*) AS n FROM _prisma_migrations");
      expect(Number(rows[0].n)).toBe(readMigrations(dir).length);
    });

    it("applies only the new migration when one is added later", async () => {
      const url = fresh(provider);
      const target = parseDatabaseUrl(url, process.cwd());
      const first = writeMigrations({ "20250101000000_a": 'CREATE TABLE "Alpha" ("id" TEXT NOT NULL PRIMARY KEY);' });
      expect((await migrateDatabase(target, { migrationsDir: first })).applied).toEqual(["20250101000000_a"]);
      mkdirSync(path.join(first, "20250102000000_b"));
      writeFileSync(path.join(first, "20250102000000_b", "migration.sql"), 'CREATE TABLE "Beta" ("id" TEXT NOT NULL PRIMARY KEY);');
      const second = await migrateDatabase(target, { migrationsDir: first });
      expect(second.applied).toEqual(["20250102000000_b"]);
      expect(second.alreadyApplied).toEqual(["20250101000000_a"]);
    });

    it("records a failing migration, stops there, and refuses to continue until it is resolved", async () => {
      const url = fresh(provider);
      const target = parseDatabaseUrl(url, process.cwd());
      const dir = writeMigrations({
        "20250101000000_ok": 'CREATE TABLE "Alpha" ("id" TEXT NOT NULL PRIMARY KEY);',
        "20250102000000_broken": 'CREATE TABLE "Beta" ("id" TEXT NOT NULL PRIMARY KEY);\nSELEC oops;',
        "20250103000000_after": 'CREATE TABLE "Gamma" ("id" TEXT NOT NULL PRIMARY KEY);',
      });
      await expect(migrateDatabase(target, { migrationsDir: dir })).rejects.toThrow(/20250102000000_broken failed/);
      const rows = await query<TMigrationRow>(url, "SELECT * FROM _prisma_migrations ORDER BY migration_name");
      expect(rows.map((r) => [r.migration_name, r.finished_at === null])).toEqual([
        ["20250101000000_ok", false],
        ["20250102000000_broken", true],
      ]);
      expect(rows[1].logs).toMatch(/syntax error|SELEC/);
      await expect(migrateDatabase(target, { migrationsDir: dir })).rejects.toThrow(/failed earlier/);
      if (provider === "postgresql") {
        // The failed migration ran in a transaction: its first statement left nothing behind.
        const beta = await query<{ n: string }>(url, "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'Beta'");
        expect(Number(beta[0].n)).toBe(0);
      }
    });
  });
}

describe("migrations match the models", () => {
  for (const provider of TEST_PROVIDERS) {
    const run = provider === "sqlite" || postgresTestUrl() !== undefined ? it : it.skip;
    run(`[${provider}] committed migrations build the same schema as prisma/${provider}/schema.prisma`, async () => {
      const viaMigrations = fresh(provider);
      await migrateDatabase(parseDatabaseUrl(viaMigrations, process.cwd()), {
        migrationsDir: defaultMigrationsDir(provider, PROJECT_ROOT),
      });
      const viaModels = fresh(provider);
      await execScript(viaModels, diffSchemas(provider, null, readFileSync(providerSchemaPath(provider), "utf8")));
      const expected = await describeStructure(viaModels);
      expect(expected.length).toBeGreaterThan(50);
      expect(await describeStructure(viaMigrations)).toEqual(expected);
    });
  }
});

describe("compatibility with the Prisma CLI [sqlite]", () => {
  function prismaMigrate(command: "deploy" | "status", url: string) {
    return spawnSync(process.execPath, [path.join(PROJECT_ROOT, "node_modules/prisma/build/index.js"), "migrate", command], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: url, KUBEDRILL_PRISMA_PROVIDER: "sqlite", CHECKPOINT_DISABLE: "1" },
    });
  }

  it("`prisma migrate deploy` finds nothing to do after our runner", async () => {
    const url = fresh("sqlite");
    await migrateDatabase(parseDatabaseUrl(url, process.cwd()), { migrationsDir: defaultMigrationsDir("sqlite", PROJECT_ROOT) });
    const deploy = prismaMigrate("deploy", url);
    expect(deploy.stderr + deploy.stdout).toContain("No pending migrations to apply");
    expect(deploy.status).toBe(0);
  });

  it("our runner finds nothing to do after `prisma migrate deploy`", async () => {
    const url = fresh("sqlite");
    const deploy = prismaMigrate("deploy", url);
    expect(deploy.status, deploy.stderr + deploy.stdout).toBe(0);
    const result = await migrateDatabase(parseDatabaseUrl(url, process.cwd()), {
      migrationsDir: defaultMigrationsDir("sqlite", PROJECT_ROOT),
    });
    expect(result.applied).toEqual([]);
    expect(result.modifiedAfterApply).toEqual([]);
  });
});

(postgresTestUrl() ? describe : describe.skip)("concurrent start-up [postgresql]", () => {
  it("two instances migrating one database at once apply each migration exactly once", async () => {
    const url = fresh("postgresql");
    const target = parseDatabaseUrl(url, process.cwd());
    const dir = defaultMigrationsDir("postgresql", PROJECT_ROOT);
    const [a, b] = await Promise.all([
      migrateDatabase(target, { migrationsDir: dir }),
      migrateDatabase(target, { migrationsDir: dir }),
    ]);
    expect([...a.applied, ...b.applied].sort()).toEqual(readMigrations(dir).map((m) => m.name));
    const rows = await query<{ n: string }>(url, "SELECT COUNT(*) AS n FROM _prisma_migrations");
    expect(Number(rows[0].n)).toBe(readMigrations(dir).length);
  });
});

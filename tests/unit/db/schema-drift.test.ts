// The provider schemas are generated from prisma/schema.base.prisma and must never drift from it;
// the committed SQLite migrations must build exactly what the models describe. (The PostgreSQL
// migrations get the same structural check in tests/integration/db/migrations.test.ts, which
// needs a PostgreSQL server.)
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { defaultMigrationsDir, readMigrations } from "@/lib/db/migrate";
import { findStaleSchemas } from "@/scripts/db/generate-schemas";
import { isEmptyMigration } from "@/scripts/db/new-migration";
import {
  PROJECT_ROOT,
  PROVIDERS,
  diffSchemas,
  providerSchemaPath,
  readBaseSchema,
  renderProviderSchema,
} from "@/scripts/db/schemas";

const dir = mkdtempSync(path.join(tmpdir(), "kubedrill-drift-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every table, column, index and foreign key of a SQLite database, one line each. */
function sqliteStructure(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const lines: string[] = [];
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name")
      .all() as { name: string }[];
    for (const { name } of tables) {
      for (const c of db.prepare("SELECT * FROM pragma_table_info(?) ORDER BY cid").all(name) as Record<string, unknown>[]) {
        lines.push(`column ${name}.${c.name} ${c.type} notnull=${c.notnull} default=${c.dflt_value} pk=${c.pk}`);
      }
      for (const i of db.prepare("SELECT * FROM pragma_index_list(?) ORDER BY name").all(name) as Record<string, unknown>[]) {
        const cols = db.prepare("SELECT name FROM pragma_index_info(?) ORDER BY seqno").all(i.name) as { name: string }[];
        lines.push(`index ${name}.${i.name} unique=${i.unique} (${cols.map((c) => c.name).join(",")})`);
      }
      for (const f of db.prepare("SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq").all(name) as Record<string, unknown>[]) {
        lines.push(`fk ${name}.${f.from} -> ${f.table}.${f.to} on_delete=${f.on_delete} on_update=${f.on_update}`);
      }
    }
    return lines;
  } finally {
    db.close();
  }
}

describe("provider schemas", () => {
  for (const provider of PROVIDERS) {
    it(`prisma/${provider}/schema.prisma is exactly what the base renders to`, () => {
      const committed = readFileSync(providerSchemaPath(provider), "utf8");
      expect(committed).toBe(renderProviderSchema(provider, readBaseSchema()));
    });
  }

  it("findStaleSchemas reports none", () => {
    expect(findStaleSchemas()).toEqual([]);
  });

  it("renders a generator and datasource per provider in front of the same models", () => {
    const base = "model A {\n  id String @id\n}\n";
    const sqlite = renderProviderSchema("sqlite", base);
    const postgres = renderProviderSchema("postgresql", base);
    expect(sqlite).toContain('provider = "sqlite"');
    expect(sqlite).toContain('output     = "../../lib/db/generated/sqlite"');
    expect(postgres).toContain('provider = "postgresql"');
    expect(postgres).toContain('output     = "../../lib/db/generated/postgresql"');
    expect(sqlite.endsWith(base)).toBe(true);
    expect(postgres.endsWith(base)).toBe(true);
  });

  it("keeps the base free of provider-specific features", () => {
    const base = readBaseSchema()
      .split("\n")
      .filter((line) => !line.trim().startsWith("//"))
      .join("\n");
    expect(base).toMatch(/^model User \{/m);
    expect(base).not.toMatch(/@db\./);
    expect(base).not.toMatch(/^\s*enum\s/m);
    expect(base).not.toMatch(/^\s*(datasource|generator)\s/m);
  });
});

describe("committed migrations", () => {
  it("exist for both providers with the same folder names", () => {
    const sqlite = readMigrations(defaultMigrationsDir("sqlite", PROJECT_ROOT)).map((m) => m.name);
    const postgres = readMigrations(defaultMigrationsDir("postgresql", PROJECT_ROOT)).map((m) => m.name);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(postgres).toEqual(sqlite);
  });

  it("[sqlite] build exactly the schema the models describe", () => {
    const viaMigrations = new Database(path.join(dir, "migrations.db"));
    for (const migration of readMigrations(defaultMigrationsDir("sqlite", PROJECT_ROOT))) viaMigrations.exec(migration.sql);
    viaMigrations.close();
    const viaModels = new Database(path.join(dir, "models.db"));
    viaModels.exec(diffSchemas("sqlite", null, renderProviderSchema("sqlite", readBaseSchema())));
    viaModels.close();
    const expected = sqliteStructure(path.join(dir, "models.db"));
    expect(expected.filter((line) => line.startsWith("fk ")).length).toBeGreaterThan(20);
    expect(sqliteStructure(path.join(dir, "migrations.db"))).toEqual(expected);
  }, 60_000);

  it("[postgresql] the first migration creates what the models described when it was written", () => {
    // With a single migration this is the whole story; later migrations are checked structurally
    // against a real server in the integration suite.
    const migrations = readMigrations(defaultMigrationsDir("postgresql", PROJECT_ROOT));
    if (migrations.length !== 1) return;
    const expected = diffSchemas("postgresql", null, renderProviderSchema("postgresql", readBaseSchema()));
    expect(migrations[0].sql).toBe(expected);
  }, 60_000);

  it("recognises an empty migration script", () => {
    expect(isEmptyMigration("-- This is an empty migration.\n\n")).toBe(true);
    expect(isEmptyMigration('-- CreateTable\nCREATE TABLE "A" ("id" TEXT);\n')).toBe(false);
  });
});

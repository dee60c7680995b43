import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrationChecksum, readMigrations } from "@/lib/db/migrate";

const dir = mkdtempSync(path.join(tmpdir(), "kubedrill-migration-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readMigrations", () => {
  it("lists migration folders oldest first with Prisma's checksum, ignoring everything else", () => {
    for (const [name, sql] of [
      ["20250301000000_c", "SELECT 3;"],
      ["20250101000000_a", "SELECT 1;\r\n"],
      ["20250201000000_b", "SELECT 2;"],
    ]) {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, "migration.sql"), sql);
    }
    mkdirSync(path.join(dir, "20250401000000_empty_folder"));
    writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "sqlite"\n');
    const migrations = readMigrations(dir);
    expect(migrations.map((m) => m.name)).toEqual(["20250101000000_a", "20250201000000_b", "20250301000000_c"]);
    // The checksum covers the exact bytes, line endings included, as Prisma's does.
    expect(migrations[0].checksum).toBe(createHash("sha256").update("SELECT 1;\r\n").digest("hex"));
    expect(migrationChecksum("SELECT 1;\n")).not.toBe(migrations[0].checksum);
  });

  it("fails clearly when the folder is missing", () => {
    expect(() => readMigrations(path.join(dir, "nope"))).toThrow(/no migrations folder at/);
  });
});

// Which database a DATABASE_URL points at. Pure (no I/O) so prisma.config.ts, the start script,
// lib/env.ts and the migration runner all read URLs the same way.
import path from "node:path";

export type TDatabaseProvider = "sqlite" | "postgresql";

export type TDatabaseTarget =
  | { kind: "sqlite"; url: string; filePath: string }
  /** schema: the PostgreSQL schema to use (from `?schema=`, Prisma's convention), default "public". */
  | { kind: "postgresql"; url: string; connectionString: string; schema: string };

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Parses a DATABASE_URL. Relative SQLite paths ("file:./data/kubedrill.db") are resolved against
 * `root`, so the same URL means the same file whatever the working directory of the caller.
 * Throws an Error whose message says what is wrong with the URL.
 */
export function parseDatabaseUrl(url: string, root: string): TDatabaseTarget {
  const trimmed = url.trim();
  if (trimmed.startsWith("file:")) {
    const rest = trimmed.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    const withoutQuery = rest.split("?")[0];
    if (withoutQuery === "") throw new Error('a SQLite URL needs a file path, e.g. "file:./data/kubedrill.db"');
    const filePath = path.resolve(root, withoutQuery);
    return { kind: "sqlite", url: `file:${filePath}`, filePath };
  }
  if (trimmed.startsWith("postgresql://") || trimmed.startsWith("postgres://")) {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      throw new Error("is not a valid PostgreSQL connection URL");
    }
    const schema = parsed.searchParams.get("schema") ?? "public";
    if (!SCHEMA_NAME.test(schema)) throw new Error(`schema "${schema}" is not a plain PostgreSQL identifier`);
    // node-postgres does not know Prisma's `schema` parameter; it is applied as search_path instead.
    parsed.searchParams.delete("schema");
    return { kind: "postgresql", url: trimmed, connectionString: parsed.toString(), schema };
  }
  throw new Error('must start with "file:" (SQLite) or "postgresql://" / "postgres://" (PostgreSQL)');
}

export function providerOf(target: TDatabaseTarget): TDatabaseProvider {
  return target.kind;
}

/** Double-quotes a PostgreSQL identifier already checked against SCHEMA_NAME. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

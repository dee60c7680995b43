// Prisma CLI configuration. kubedrill runs Prisma 6 fully offline: the "js" engine drives schema
// commands through the WebAssembly schema engine and a driver adapter, so no native engine binary
// is ever downloaded. The provider follows KUBEDRILL_PRISMA_PROVIDER (set by scripts/db/*) or else
// DATABASE_URL, so `npx prisma studio` etc. open whichever database the app uses.
//
// Note: applying migrations is done by lib/db/migrate.ts, not `prisma migrate deploy`, because the
// WebAssembly engine cannot introspect PostgreSQL; on SQLite both give the same _prisma_migrations rows.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { parseDatabaseUrl } from "./lib/db/url";

const root = __dirname;
const databaseUrl = process.env.DATABASE_URL ?? "file:./data/kubedrill.db";
const forced = process.env.KUBEDRILL_PRISMA_PROVIDER;
const provider = forced === "postgresql" || forced === "sqlite" ? forced : guessProvider(databaseUrl);

// `prisma generate` and `migrate diff` never connect, so a malformed DATABASE_URL must not stop
// them; it is reported when a command actually needs the adapter.
function guessProvider(url: string): "sqlite" | "postgresql" {
  return /^postgres(ql)?:\/\//.test(url.trim()) ? "postgresql" : "sqlite";
}

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join(root, "prisma", provider, "schema.prisma"),
  migrations: { path: path.join(root, "prisma", provider, "migrations") },
  async adapter() {
    const target = parseDatabaseUrl(databaseUrl, root);
    if (target.kind === "sqlite") {
      // better-sqlite3 creates the file but not its folder (data/ on a fresh clone).
      mkdirSync(path.dirname(target.filePath), { recursive: true });
      return new PrismaBetterSQLite3({ url: target.url });
    }
    return new PrismaPg({ connectionString: target.connectionString }, { schema: target.schema });
  },
});

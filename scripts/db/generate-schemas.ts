// generate-schemas — render prisma/<provider>/schema.prisma from prisma/schema.base.prisma and
// generate each provider's client into lib/db/generated/<provider> (skipped when up to date).
//
//   tsx scripts/db/generate-schemas.ts            write schemas, generate stale clients
//   tsx scripts/db/generate-schemas.ts --check    exit 1 if a committed schema differs from the base
//   tsx scripts/db/generate-schemas.ts --force    regenerate clients even when up to date
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  PROJECT_ROOT,
  PROVIDERS,
  generatedClientDir,
  providerSchemaPath,
  readBaseSchema,
  renderProviderSchema,
  runPrisma,
  type TProvider,
} from "./schemas";

const STAMP_FILE = ".kubedrill-schema-hash";

function prismaVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "node_modules", "prisma", "package.json"), "utf8"));
  return String(pkg.version);
}

function clientStamp(schema: string): string {
  return createHash("sha256").update(prismaVersion()).update("\0").update(schema).digest("hex");
}

export function isClientCurrent(provider: TProvider, schema: string): boolean {
  const stampPath = path.join(generatedClientDir(provider), STAMP_FILE);
  return existsSync(stampPath) && readFileSync(stampPath, "utf8").trim() === clientStamp(schema);
}

// Each generated client gets its own copy of Prisma's runtime, and with it its own error classes
// and null sentinels (Prisma.JsonNull, Prisma.DbNull). App code holds the SQLite client's Prisma
// namespace, so the PostgreSQL client must use the very same runtime module, or `instanceof
// Prisma.PrismaClientKnownRequestError` fails and Prisma.JsonNull is written as {} on PostgreSQL.
// The copies are byte-identical (same Prisma version), so the other clients point at SQLite's.
const SHARED_RUNTIME_PROVIDER: TProvider = "sqlite";

function shareRuntime(provider: TProvider): void {
  const dir = generatedClientDir(provider);
  const ownRuntime = path.join(dir, "runtime");
  const sharedRuntime = path.join(generatedClientDir(SHARED_RUNTIME_PROVIDER), "runtime");
  if (!existsSync(path.join(sharedRuntime, "client.js"))) {
    throw new Error(`generate the ${SHARED_RUNTIME_PROVIDER} client first: ${sharedRuntime} is missing`);
  }
  if (readFileSync(path.join(ownRuntime, "client.js"), "utf8") !== readFileSync(path.join(sharedRuntime, "client.js"), "utf8")) {
    throw new Error(`the ${provider} and ${SHARED_RUNTIME_PROVIDER} Prisma runtimes differ; regenerate both (--force)`);
  }
  const relative = `../${SHARED_RUNTIME_PROVIDER}/runtime/`;
  for (const file of readdirSync(dir)) {
    if (!/\.(js|mjs|d\.ts)$/.test(file)) continue;
    const full = path.join(dir, file);
    const text = readFileSync(full, "utf8");
    const rewritten = text.replace(/(['"])\.\/runtime\//g, `$1${relative}`);
    if (rewritten !== text) writeFileSync(full, rewritten);
  }
  rmSync(ownRuntime, { recursive: true, force: true });
}

export type TGenerateOptions = { force?: boolean; log?: (line: string) => void };

/** Writes both provider schemas and generates whichever client is missing or out of date. */
export function generateSchemasAndClients(options: TGenerateOptions = {}): void {
  const log = options.log ?? ((line: string) => console.log(line));
  const base = readBaseSchema();
  for (const provider of PROVIDERS) {
    const schemaPath = providerSchemaPath(provider);
    const schema = renderProviderSchema(provider, base);
    const current = existsSync(schemaPath) ? readFileSync(schemaPath, "utf8") : null;
    if (current !== schema) {
      mkdirSync(path.dirname(schemaPath), { recursive: true });
      writeFileSync(schemaPath, schema);
      log(`wrote ${path.relative(PROJECT_ROOT, schemaPath)}`);
    }
    if (!options.force && isClientCurrent(provider, schema)) {
      log(`${provider} client is up to date`);
      continue;
    }
    runPrisma(["generate", "--schema", schemaPath], { KUBEDRILL_PRISMA_PROVIDER: provider });
    if (provider !== SHARED_RUNTIME_PROVIDER) shareRuntime(provider);
    writeFileSync(path.join(generatedClientDir(provider), STAMP_FILE), `${clientStamp(schema)}\n`);
    log(`generated the ${provider} client into ${path.relative(PROJECT_ROOT, generatedClientDir(provider))}`);
  }
}

/** Names of committed provider schemas that differ from what the base renders to. */
export function findStaleSchemas(): TProvider[] {
  const base = readBaseSchema();
  return PROVIDERS.filter((provider) => {
    const schemaPath = providerSchemaPath(provider);
    return !existsSync(schemaPath) || readFileSync(schemaPath, "utf8") !== renderProviderSchema(provider, base);
  });
}

function main(): void {
  const args = new Set(process.argv.slice(2));
  if (args.has("--check")) {
    const stale = findStaleSchemas();
    if (stale.length > 0) {
      console.error(`out of date: ${stale.map((p) => `prisma/${p}/schema.prisma`).join(", ")} (run npm run db:generate)`);
      process.exit(1);
    }
    console.log("provider schemas match prisma/schema.base.prisma");
    return;
  }
  generateSchemasAndClients({ force: args.has("--force") });
}

if (require.main === module) main();

// generate-schemas — render prisma/<provider>/schema.prisma from prisma/schema.base.prisma and
// generate each provider's client into lib/db/generated/<provider> (skipped when up to date).
//
//   tsx scripts/db/generate-schemas.ts            write schemas, generate stale clients
//   tsx scripts/db/generate-schemas.ts --check    exit 1 if a committed schema differs from the base
//   tsx scripts/db/generate-schemas.ts --force    regenerate clients even when up to date
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
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

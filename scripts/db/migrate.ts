// migrate — apply the committed migrations to DATABASE_URL (npm run db:migrate).
import { getEnv } from "../../lib/env";
import { migrateDatabase } from "../../lib/db/migrate";
import { parseDatabaseUrl } from "../../lib/db/url";

async function main(): Promise<void> {
  const env = getEnv();
  const target = parseDatabaseUrl(env.DATABASE_URL, process.cwd());
  const result = await migrateDatabase(target, { log: (line) => console.log(line) });
  console.log(
    `${result.provider}: ${result.applied.length} migration(s) applied, ${result.alreadyApplied.length} already applied`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

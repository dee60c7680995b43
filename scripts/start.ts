// npm start — one command from a fresh clone to a running kubedrill:
//   data dir + session secret → Prisma clients → migrations → seed → next build (when stale) → next start
//
//   npm start                     http://localhost:3000 on data/kubedrill.db
//   npm start -- --port 3100      another port (or PORT=3100)
//   DATABASE_URL=postgresql://… npm start
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../lib/db/migrate";
import { parseDatabaseUrl } from "../lib/db/url";
import { EnvError, ensureLocalSecret, getEnv } from "../lib/env";
import { generateSchemasAndClients } from "./db/generate-schemas";
// lib/db/client and prisma/seed import the generated Prisma clients, which a fresh clone does not
// have until generateSchemasAndClients has run: they are imported after that step.

const ROOT = path.resolve(__dirname, "..");

function step(message: string): void {
  console.log(`[kubedrill] ${message}`);
}

function fail(message: string): never {
  console.error(`[kubedrill] ${message}`);
  process.exit(1);
}

export function parsePort(argv: string[], envPort: string | undefined): number {
  const index = argv.findIndex((arg) => arg === "--port" || arg === "-p" || arg.startsWith("--port="));
  let raw = envPort ?? "3000";
  if (index >= 0) {
    const arg = argv[index];
    raw = arg.startsWith("--port=") ? arg.slice("--port=".length) : (argv[index + 1] ?? "");
  }
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`invalid port "${raw}" (expected 1-65535)`);
  return port;
}

// What `next build` reads. Tests, data and generated output elsewhere do not make a build stale.
const BUILD_INPUT_DIRS = ["app", "components", "lib", "public", "messages", "types", "questions", "styles"];
const BUILD_INPUT_FILES = [
  "next.config.js",
  "next.config.mjs",
  "next.config.ts",
  "proxy.ts",
  "middleware.ts",
  "instrumentation.ts",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      newest = Math.max(newest, newestMtime(full));
    } else if (!/\.test\.tsx?$/.test(entry.name)) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

/** Why the production build must be (re)made, or null when .next is newer than every source. */
export function buildStaleReason(root: string): string | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no production build yet";
  const builtAt = statSync(buildId).mtimeMs;
  for (const dir of BUILD_INPUT_DIRS) {
    const full = path.join(root, dir);
    if (existsSync(full) && newestMtime(full) > builtAt) return `${dir}/ changed since the last build`;
  }
  for (const file of BUILD_INPUT_FILES) {
    const full = path.join(root, file);
    if (existsSync(full) && statSync(full).mtimeMs > builtAt) return `${file} changed since the last build`;
  }
  return null;
}

function nextBin(): string {
  return require.resolve("next/dist/bin/next", { paths: [ROOT] });
}

async function main(): Promise<void> {
  process.chdir(ROOT);
  let port: number;
  try {
    port = parsePort(process.argv.slice(2), process.env.PORT);
  } catch (error) {
    fail((error as Error).message);
  }

  step("checking configuration");
  // Fill in what a local install does not need to be told, before the environment is validated.
  process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;
  if (!process.env.NEXTAUTH_SECRET && process.env.KUBEDRILL_DEPLOYMENT !== "production") {
    const dataDir = path.resolve(ROOT, process.env.DATA_DIR || "./data");
    const { created } = ensureLocalSecret(dataDir);
    step(
      created
        ? `generated a session secret in ${path.relative(ROOT, dataDir) || "."}/nextauth-secret`
        : "using the session secret in data/nextauth-secret",
    );
  }
  let env: ReturnType<typeof getEnv>;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  const target = parseDatabaseUrl(env.DATABASE_URL, ROOT);
  step(`database: ${target.kind === "sqlite" ? path.relative(ROOT, target.filePath) : `PostgreSQL (schema ${target.schema})`}`);

  step("preparing the Prisma clients");
  generateSchemasAndClients({ log: (line) => step(`  ${line}`) });

  step("applying migrations");
  const migrated = await migrateDatabase(target, { log: (line) => step(`  ${line}`) });
  step(`  ${migrated.applied.length} applied, ${migrated.alreadyApplied.length} already up to date`);

  step("seeding");
  const { createDbClient } = await import("../lib/db/client");
  const { describeSeed, seedDatabase } = await import("../prisma/seed");
  const db = createDbClient(env.DATABASE_URL);
  try {
    for (const line of describeSeed(await seedDatabase(db, { root: ROOT }))) step(`  ${line}`);
  } finally {
    await db.$disconnect();
  }

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: env.DATABASE_URL,
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET,
    NEXTAUTH_URL: env.NEXTAUTH_URL,
    DATA_DIR: env.DATA_DIR,
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
  };

  const staleReason = buildStaleReason(ROOT);
  if (staleReason) {
    step(`building the app (${staleReason}); this takes a minute the first time`);
    const build = spawnSync(process.execPath, [nextBin(), "build"], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...childEnv, NODE_ENV: "production" },
    });
    if (build.status !== 0) fail(`next build failed (exit ${build.status ?? build.signal})`);
  } else {
    step("the production build is up to date; skipping next build");
  }

  step(`starting on http://localhost:${port}`);
  const server = spawn(process.execPath, [nextBin(), "start", "-p", String(port)], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...childEnv, NODE_ENV: "production" },
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code, signal) => {
    process.exit(code ?? (signal ? 128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1) : 1));
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
  });
}

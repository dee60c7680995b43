// Configuration, parsed once with zod (create-t3-app src/env): every other module reads getEnv(),
// never process.env. A bad or missing value fails with one line per variable saying what is wrong.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";
import { parseDatabaseUrl } from "./db/url";

export type TEnv = {
  NODE_ENV: "development" | "test" | "production";
  /** "file:/absolute/path.db" (relative paths resolved against the project root) or a PostgreSQL URL. */
  DATABASE_URL: string;
  /** Signs session JWTs. Empty only while `next build` runs without one (nothing is signed then). */
  NEXTAUTH_SECRET: string;
  NEXTAUTH_URL: string;
  LOG_LEVEL: "debug" | "info" | "warn" | "error";
  /** Absolute path of the data directory (SQLite file, generated secret). */
  DATA_DIR: string;
  /** "production" marks a real deployment: secrets must then be given, never generated. */
  KUBEDRILL_DEPLOYMENT: "production" | "local";
};

export const DEFAULT_DATABASE_URL = "file:./data/kubedrill.db";
export const SECRET_FILE_NAME = "nextauth-secret";
const MIN_SECRET_LENGTH = 32;

const ZRawEnv = z.object({
  NODE_ENV: z
    .enum(["development", "test", "production"], { error: 'must be "development", "test" or "production"' })
    .default("development"),
  DATABASE_URL: z.string().trim().min(1, { error: "must not be empty" }).default(DEFAULT_DATABASE_URL),
  NEXTAUTH_SECRET: z
    .string()
    .min(MIN_SECRET_LENGTH, {
      error: `must be at least ${MIN_SECRET_LENGTH} characters (generate one with: openssl rand -base64 32)`,
    })
    .optional(),
  NEXTAUTH_URL: z.url({ error: "must be an absolute URL such as http://localhost:3000" }).default("http://localhost:3000"),
  LOG_LEVEL: z
    .enum(["debug", "info", "warn", "error"], { error: 'must be "debug", "info", "warn" or "error"' })
    .default("info"),
  DATA_DIR: z.string().trim().min(1, { error: "must not be empty" }).default("./data"),
  KUBEDRILL_DEPLOYMENT: z
    .enum(["production", "local"], { error: 'must be "production" or "local"' })
    .default("local"),
});

export type TParseEnvOptions = {
  /** What relative paths are resolved against; the project root (process.cwd() for the app). */
  root: string;
  /** When no secret is given locally, create DATA_DIR/nextauth-secret (default true). */
  createLocalSecret?: boolean;
};

export class EnvError extends Error {
  override name = "EnvError";
}

/** Treats empty strings as unset, as shells and .env files often produce them. */
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const key of Object.keys(ZRawEnv.shape)) {
    const value = source[key];
    result[key] = value === undefined || value === "" ? undefined : value;
  }
  return result;
}

export function secretFilePath(dataDir: string): string {
  return path.join(dataDir, SECRET_FILE_NAME);
}

/**
 * Returns the locally stored session secret, creating it (48 random bytes, base64url, mode 0600)
 * on first use. Local installs thus keep sessions across restarts without any configuration.
 */
export function ensureLocalSecret(dataDir: string): { secret: string; created: boolean } {
  const file = secretFilePath(dataDir);
  if (existsSync(file)) return { secret: readFileSync(file, "utf8").trim(), created: false };
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  return { secret, created: true };
}

export function parseEnv(source: Record<string, string | undefined>, options: TParseEnvOptions): TEnv {
  const parsed = ZRawEnv.safeParse(withoutEmpty(source));
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(formatProblems(problems));
  }
  const raw = parsed.data;
  const dataDir = path.resolve(options.root, raw.DATA_DIR);

  let databaseUrl = raw.DATABASE_URL;
  try {
    databaseUrl = parseDatabaseUrl(raw.DATABASE_URL, options.root).url;
  } catch (error) {
    problems.push(`DATABASE_URL: ${(error as Error).message}`);
  }

  let secret = raw.NEXTAUTH_SECRET ?? "";
  if (!raw.NEXTAUTH_SECRET) {
    const file = secretFilePath(dataDir);
    const building = source.NEXT_PHASE === "phase-production-build";
    if (existsSync(file)) {
      secret = readFileSync(file, "utf8").trim();
      if (secret.length < MIN_SECRET_LENGTH) {
        problems.push(`NEXTAUTH_SECRET: the stored secret in ${file} is shorter than ${MIN_SECRET_LENGTH} characters`);
      }
    } else if (raw.KUBEDRILL_DEPLOYMENT === "production") {
      if (!building) {
        problems.push(
          "NEXTAUTH_SECRET: required when KUBEDRILL_DEPLOYMENT=production (every instance needs the same value; " +
            "generate one with: openssl rand -base64 32)",
        );
      }
    } else if (options.createLocalSecret ?? true) {
      secret = ensureLocalSecret(dataDir).secret;
    } else if (!building) {
      problems.push(`NEXTAUTH_SECRET: not set and no ${file} (npm start creates it)`);
    }
  }

  if (problems.length > 0) throw new EnvError(formatProblems(problems));
  return {
    NODE_ENV: raw.NODE_ENV,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: raw.NEXTAUTH_URL,
    LOG_LEVEL: raw.LOG_LEVEL,
    DATA_DIR: dataDir,
    KUBEDRILL_DEPLOYMENT: raw.KUBEDRILL_DEPLOYMENT,
  };
}

function formatProblems(problems: string[]): string {
  return ["Invalid environment configuration:", ...problems.map((line) => `  - ${line}`)].join("\n");
}

let cached: TEnv | undefined;

/** The parsed configuration of this process (parsed on first call, then cached). */
export function getEnv(): TEnv {
  cached ??= parseEnv(process.env, { root: process.cwd() });
  return cached;
}

/** Forgets the cached configuration; for tests that change process.env. */
export function resetEnvCache(): void {
  cached = undefined;
  cachedGrading = undefined;
}

// ─── Grading worker pool (lib/server/grading) ────────────────────────────────────────────────────
// Parsed separately from TEnv: only processes that grade need it, and a bad value must not stop a
// script that never grades.

export type TGradingEnv = {
  /** Worker threads grading in parallel; default max(1, cores - 1), leaving a core for requests. */
  GRADING_POOL_SIZE: number;
  /** Wall-clock milliseconds one grading job may run before its worker is terminated and replaced. */
  GRADING_JOB_TIMEOUT_MS: number;
};

const ZGradingEnv = z.object({
  GRADING_POOL_SIZE: z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(64, { error: "must be at most 64" })
    .optional(),
  GRADING_JOB_TIMEOUT_MS: z.coerce
    .number({ error: "must be a whole number of milliseconds" })
    .int({ error: "must be a whole number of milliseconds" })
    .min(100, { error: "must be at least 100" })
    .max(600_000, { error: "must be at most 600000" })
    .default(10_000),
});

export function parseGradingEnv(source: Record<string, string | undefined>, cores: number = availableParallelism()): TGradingEnv {
  const raw = {
    GRADING_POOL_SIZE: source.GRADING_POOL_SIZE || undefined,
    GRADING_JOB_TIMEOUT_MS: source.GRADING_JOB_TIMEOUT_MS || undefined,
  };
  const parsed = ZGradingEnv.safeParse(raw);
  if (!parsed.success) {
    throw new EnvError(formatProblems(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)));
  }
  return {
    GRADING_POOL_SIZE: parsed.data.GRADING_POOL_SIZE ?? Math.max(1, cores - 1),
    GRADING_JOB_TIMEOUT_MS: parsed.data.GRADING_JOB_TIMEOUT_MS,
  };
}

let cachedGrading: TGradingEnv | undefined;

/** The grading pool's configuration of this process (parsed on first call, then cached). */
export function getGradingEnv(): TGradingEnv {
  cachedGrading ??= parseGradingEnv(process.env);
  return cachedGrading;
}

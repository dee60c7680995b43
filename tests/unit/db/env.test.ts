import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EnvError, ensureLocalSecret, parseEnv } from "@/lib/env";

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "kubedrill-env-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const SECRET = "s".repeat(40);

function errorOf(fn: () => unknown): EnvError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return error as EnvError;
  }
  throw new Error("expected an EnvError");
}

describe("parseEnv", () => {
  it("fills every default, resolving paths against the project root", () => {
    const env = parseEnv({ NEXTAUTH_SECRET: SECRET }, { root });
    expect(env).toEqual({
      NODE_ENV: "development",
      DATABASE_URL: `file:${path.join(root, "data", "kubedrill.db")}`,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: "http://localhost:3000",
      LOG_LEVEL: "info",
      DATA_DIR: path.join(root, "data"),
      KUBEDRILL_DEPLOYMENT: "local",
    });
  });

  it("keeps absolute SQLite paths and PostgreSQL URLs as given", () => {
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET, DATABASE_URL: "file:/var/lib/kd.db" }, { root }).DATABASE_URL).toBe(
      "file:/var/lib/kd.db",
    );
    const pgUrl = "postgresql://kd:pw@db.internal:5432/kubedrill?schema=app";
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET, DATABASE_URL: pgUrl }, { root }).DATABASE_URL).toBe(pgUrl);
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ NEXTAUTH_SECRET: SECRET, LOG_LEVEL: "", DATABASE_URL: "" }, { root });
    expect(env.LOG_LEVEL).toBe("info");
    expect(env.DATABASE_URL).toBe(`file:${path.join(root, "data", "kubedrill.db")}`);
  });

  it("reports every bad value at once, one line each, naming the variable", () => {
    const error = errorOf(() =>
      parseEnv({ NODE_ENV: "staging", LOG_LEVEL: "loud", NEXTAUTH_URL: "not a url", NEXTAUTH_SECRET: "short" }, { root }),
    );
    const lines = error.message.split("\n");
    expect(lines[0]).toBe("Invalid environment configuration:");
    expect(lines.slice(1).map((line) => line.split(":")[0].trim())).toEqual([
      "- NODE_ENV",
      "- NEXTAUTH_SECRET",
      "- NEXTAUTH_URL",
      "- LOG_LEVEL",
    ]);
    expect(error.message).toContain("at least 32 characters");
  });

  it("rejects a database URL of an unsupported kind", () => {
    const error = errorOf(() => parseEnv({ NEXTAUTH_SECRET: SECRET, DATABASE_URL: "mysql://x@y/z" }, { root }));
    expect(error.message).toContain('DATABASE_URL: must start with "file:"');
  });

  it("creates a local secret on first use and reuses it afterwards", () => {
    const first = parseEnv({}, { root });
    const file = path.join(root, "data", "nextauth-secret");
    expect(first.NEXTAUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, "utf8").trim()).toBe(first.NEXTAUTH_SECRET);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseEnv({}, { root }).NEXTAUTH_SECRET).toBe(first.NEXTAUTH_SECRET);
  });

  it("prefers NEXTAUTH_SECRET over the stored file", () => {
    ensureLocalSecret(path.join(root, "data"));
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET }, { root }).NEXTAUTH_SECRET).toBe(SECRET);
  });

  it("requires the secret in a production deployment instead of generating one", () => {
    const error = errorOf(() => parseEnv({ KUBEDRILL_DEPLOYMENT: "production" }, { root }));
    expect(error.message).toContain("NEXTAUTH_SECRET: required when KUBEDRILL_DEPLOYMENT=production");
    expect(existsSync(path.join(root, "data", "nextauth-secret"))).toBe(false);
  });

  it("lets `next build` run in a production deployment without the secret", () => {
    const env = parseEnv({ KUBEDRILL_DEPLOYMENT: "production", NEXT_PHASE: "phase-production-build" }, { root });
    expect(env.NEXTAUTH_SECRET).toBe("");
  });

  it("rejects a stored secret that is too short", () => {
    mkdirSync(path.join(root, "data"));
    writeFileSync(path.join(root, "data", "nextauth-secret"), "tiny\n");
    expect(errorOf(() => parseEnv({}, { root })).message).toContain("shorter than 32 characters");
  });

  it("honours DATA_DIR for the secret file", () => {
    parseEnv({ DATA_DIR: "./state" }, { root });
    expect(existsSync(path.join(root, "state", "nextauth-secret"))).toBe(true);
  });
});

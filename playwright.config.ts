// End-to-end tests against a production build started by `npm start` (scripts/start.ts) on its own
// port and a fresh SQLite file, in Debian's Chromium. A setup project signs in once per demo role and
// saves the session (storageState) that the role-specific tests reuse.
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
const E2E_DATABASE_FILE = "data/e2e.db";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 2 : 3,
  // Generous: CI machines and shared workstations can be slow, and each sign-in runs argon2id.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    locale: "en-US",
    trace: "on-first-retry",
    screenshot: "on",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], channel: undefined, headless: true },
      dependencies: ["setup"],
    },
  ],
  webServer: {
    // A fresh database every run, so tests never depend on what an earlier run left behind.
    command: `rm -f ${E2E_DATABASE_FILE} ${E2E_DATABASE_FILE}-journal ${E2E_DATABASE_FILE}-wal ${E2E_DATABASE_FILE}-shm && npx tsx scripts/start.ts --port ${PORT}`,
    url: `${BASE_URL}/api/health`,
    env: { DATABASE_URL: `file:./${E2E_DATABASE_FILE}`, NEXTAUTH_URL: BASE_URL, LOG_LEVEL: "warn" },
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});

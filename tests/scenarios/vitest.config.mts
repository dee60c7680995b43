// Runs the scenario acceptance tests: `npx vitest run -c tests/scenarios/vitest.config.mts`.
// (The root config's "unit" project does not include tests/scenarios yet.)
import { defineConfig } from "vitest/config";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export default defineConfig({
  root,
  resolve: { alias: { "@": root } },
  test: { name: "scenarios", environment: "node", include: ["tests/scenarios/**/*.test.ts"], testTimeout: 60_000 },
});

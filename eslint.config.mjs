// Lint rules for the whole repository: Next.js core-web-vitals + TypeScript, plus the purity rules that
// keep lib/sim, lib/grading and lib/questions plain TypeScript libraries (no framework, database, I/O),
// and lib/sim deterministic (no wall clock, no unseeded randomness, no timers).
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const FRAMEWORK_AND_IO = [
  { name: "next", message: "Pure libraries must not depend on Next.js." },
  { name: "react", message: "Pure libraries must not depend on React." },
  { name: "react-dom", message: "Pure libraries must not depend on React." },
  { name: "next-auth", message: "Pure libraries must not depend on next-auth." },
  { name: "fs", message: "Pure libraries do no I/O: take the data as an argument." },
  { name: "fs/promises", message: "Pure libraries do no I/O: take the data as an argument." },
  { name: "net", message: "Pure libraries do no I/O." },
  { name: "http", message: "Pure libraries do no I/O." },
  { name: "https", message: "Pure libraries do no I/O." },
  { name: "child_process", message: "Pure libraries do no I/O." },
  { name: "server-only", message: "Pure libraries run anywhere, including the browser and workers." },
];
const FRAMEWORK_AND_IO_PATTERNS = [
  { group: ["next/*", "next-auth/*", "react/*", "react-dom/*"], message: "Pure libraries must not depend on Next.js, React or next-auth." },
  { group: ["@prisma/*", "@/lib/db", "@/lib/db/*", "**/lib/db", "**/lib/db/*"], message: "Pure libraries must not touch the database." },
  { group: ["node:*"], message: "Pure libraries must not import Node.js built-ins." },
  { group: ["@/app/*", "@/lib/server/*", "@/lib/auth/*"], message: "Layers point one way: app → lib/server → lib/grading, lib/questions → lib/sim." },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "node_modules/**",
    "lib/db/generated/**",
    "data/**",
    "test-results/**",
    "playwright-report/**",
    "blob-report/**",
    "coverage/**",
    "tmp/**",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
    },
  },
  {
    // Module augmentation (e.g. next-auth's Session) can only merge into interfaces.
    files: ["**/*.d.ts"],
    rules: { "@typescript-eslint/consistent-type-definitions": "off" },
  },
  {
    files: ["lib/sim/**/*.ts", "lib/grading/**/*.ts", "lib/questions/**/*.ts", "lib/progress/**/*.ts", "lib/exams/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: FRAMEWORK_AND_IO, patterns: FRAMEWORK_AND_IO_PATTERNS }],
    },
  },
  {
    files: ["lib/sim/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: FRAMEWORK_AND_IO,
          patterns: [
            ...FRAMEWORK_AND_IO_PATTERNS,
            { group: ["@/*"], message: "lib/sim uses relative imports only." },
            { group: ["@/lib/grading/*", "@/lib/questions/*", "../../grading/*", "../../questions/*"], message: "lib/sim is the bottom layer." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "Date", message: "Time comes from the simulator's virtual clock." },
        { name: "setTimeout", message: "Schedule on the virtual clock instead of a timer." },
        { name: "setInterval", message: "Schedule on the virtual clock instead of a timer." },
        { name: "setImmediate", message: "Schedule on the virtual clock instead of a timer." },
        { name: "queueMicrotask", message: "Schedule on the virtual clock instead." },
        { name: "performance", message: "Time comes from the simulator's virtual clock." },
        { name: "crypto", message: "Randomness comes from the simulator's seeded generator." },
        { name: "process", message: "lib/sim does not read the environment." },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Use the simulator's seeded generator." },
        { object: "crypto", property: "randomUUID", message: "Uids come from the simulator's seeded generator." },
        { object: "crypto", property: "getRandomValues", message: "Use the simulator's seeded generator." },
        { object: "globalThis", property: "crypto", message: "Randomness comes from the simulator's seeded generator." },
        { object: "Date", property: "now", message: "Time comes from the simulator's virtual clock." },
      ],
    },
  },
]);

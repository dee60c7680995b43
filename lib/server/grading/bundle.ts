// Bundles a worker entry (TypeScript plus everything it imports) into one ES module with esbuild, so
// worker threads run the same code under tsx, vitest and `next start`: none of them can hand a .ts
// file to `new Worker()`, and Next.js does not emit worker files for code it bundles itself.
//
// No "server-only" here (like lib/db/client.ts): scripts such as questions:regrade grade through the
// pool too. Nothing here reads the session or the database.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export type TBundleOptions = {
  /** Absolute path of the TypeScript entry. */
  entry: string;
  /** Absolute path of the bundle to write, e.g. <root>/build/grading-worker.mjs. */
  outFile: string;
  /** Project root: tsconfig paths ("@/…") and the recorded input list are relative to it. */
  root: string;
};

// esbuild's ESM output cannot `require()`; bundled CommonJS packages (js-yaml) may, for Node built-ins.
const REQUIRE_SHIM = 'import { createRequire as __kdCreateRequire } from "node:module"; const require = __kdCreateRequire(import.meta.url);';

const inFlight = new Map<string, Promise<string>>();

function inputsFileOf(outFile: string): string {
  return `${outFile}.inputs.json`;
}

/**
 * True when the bundle exists and no file the last build read (esbuild's metafile inputs, recorded
 * next to it) changed or disappeared since it was written.
 */
export function isBundleFresh(options: TBundleOptions): boolean {
  const inputsFile = inputsFileOf(options.outFile);
  if (!existsSync(options.outFile) || !existsSync(inputsFile)) return false;
  let inputs: unknown;
  try {
    inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
  } catch {
    return false;
  }
  if (!Array.isArray(inputs) || inputs.length === 0) return false;
  const builtAt = statSync(options.outFile).mtimeMs;
  for (const input of inputs) {
    if (typeof input !== "string") return false;
    const full = path.resolve(options.root, input);
    if (!existsSync(full) || statSync(full).mtimeMs > builtAt) return false;
  }
  return true;
}

async function buildBundle(options: TBundleOptions): Promise<string> {
  const { build } = await import("esbuild");
  mkdirSync(path.dirname(options.outFile), { recursive: true });
  const suffix = `${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const tmpOut = `${options.outFile}.${suffix}`;
  const tmpInputs = `${inputsFileOf(options.outFile)}.${suffix}`;
  try {
    const result = await build({
      entryPoints: [options.entry],
      outfile: tmpOut,
      absWorkingDir: options.root,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      sourcemap: "inline",
      metafile: true,
      logLevel: "silent",
      banner: { js: REQUIRE_SHIM },
    });
    const inputs = Object.keys(result.metafile?.inputs ?? {}).filter((name) => !name.startsWith("<"));
    writeFileSync(tmpInputs, JSON.stringify(inputs));
    // Renames are atomic: another process starting a worker meanwhile reads the old or the new file,
    // never a half-written one. The bundle goes last, so its mtime is never older than its inputs list.
    renameSync(tmpInputs, inputsFileOf(options.outFile));
    renameSync(tmpOut, options.outFile);
    return options.outFile;
  } finally {
    rmSync(tmpOut, { force: true });
    rmSync(tmpInputs, { force: true });
  }
}

/** The bundle's path, building it first when it is missing or stale (once per process at a time). */
export function ensureBundle(options: TBundleOptions): Promise<string> {
  if (isBundleFresh(options)) return Promise.resolve(options.outFile);
  const running = inFlight.get(options.outFile);
  if (running) return running;
  const promise = buildBundle(options).finally(() => inFlight.delete(options.outFile));
  inFlight.set(options.outFile, promise);
  return promise;
}

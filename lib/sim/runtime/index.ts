// The container runtime: image catalog, container filesystems, and simulated processes (a POSIX sh
// interpreter plus the programs of the catalog's images) that yield effects on the virtual clock.
export type {
  Effect, HttpRequest, HttpResponse, ServerHandler, NetResult, NetworkAccess, ProcessContext, ProcessInfo, Process,
  ImageConfig, ResolvedImage, ShellFlavor, Signal, SpawnResult,
} from "./types";
export { SIGNAL_NUMBERS } from "./types";
export { spawnProcess, runToCompletion, lookupProgram, STEPS_PER_SLICE, BUSY_SLICE_MS, MAX_BUSY_STEPS, type RunResult, type SpawnOptions } from "./process";
export { createCatalog, resolveImage, parseReference, imageDigest, type ImageCatalog, type ImageResolution, type ImageSpec, type ImageBuild } from "./images";
export { Vfs, createVfs, buildLayer, writeAtomicVolume, normalizePath, ERRNO_TEXT, type Errno, type FsResult, type FsNode, type FsLayer, type LayerEntry, type Stat } from "./vfs";
export { createContainerFs, createTestContext, runShell, type TestContext } from "./testing";
export { containerArgv, containerEnv, containerWorkingDir } from "./container";
export { openShellSession, type ShellSession, type SessionResult } from "./session";
export { parseScript } from "./shell/parser";
export { ShellSyntaxError } from "./shell/lexer";

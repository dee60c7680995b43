// The kubelet's dependencies: lib/sim/runtime for images and processes (the CRI side) and
// lib/sim/network for pod IPs, sockets and probes (the CNI side).
import { createCatalog, resolveImage, type ImageSpec } from "../runtime/images";
import { runToCompletion, spawnProcess } from "../runtime/process";
import { clusterNetwork } from "../network";
import type { KubeletDeps, RuntimePort } from "./state";

export function defaultRuntime(extraImages?: unknown[]): RuntimePort {
  const catalog = extraImages?.length ? createCatalog(extraImages as ImageSpec[]) : undefined;
  return {
    resolveImage: (ref) => (catalog ? catalog.resolve(ref) : resolveImage(ref)),
    spawnProcess: (argv, image, ctx) => spawnProcess(argv, image, ctx, { pid1: ctx.pid === 1 }),
    runToCompletion: (argv, image, ctx, opts) => runToCompletion(argv, image, ctx, opts),
  };
}

export function defaultDeps(extraImages?: unknown[]): KubeletDeps {
  return { runtime: defaultRuntime(extraImages), network: clusterNetwork };
}

// How a container's process is assembled from its image and the pod spec, as the kubelet and containerd do it.

import type { ResolvedImage } from "./types";

/**
 * The process argv (kubelet kuberuntime's container command/args rules): `command` replaces the image
 * ENTRYPOINT (and drops its CMD), `args` replaces CMD; with neither, ENTRYPOINT + CMD.
 */
export function containerArgv(image: ResolvedImage, command?: string[] | null, args?: string[] | null): string[] {
  if (command && command.length > 0) return [...command, ...(args ?? [])];
  if (args && args.length > 0) return [...(image.config.entrypoint ?? []), ...args];
  return [...(image.config.entrypoint ?? []), ...(image.config.cmd ?? [])];
}

/**
 * The process environment: the image's ENV, then HOSTNAME (set by the runtime), then the pod's env
 * (which wins), and HOME from the user's passwd entry when nobody set it (runc does this).
 */
export function containerEnv(image: ResolvedImage, hostname: string, podEnv: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const kv of image.config.env) {
    const i = kv.indexOf("=");
    env[i === -1 ? kv : kv.slice(0, i)] = i === -1 ? "" : kv.slice(i + 1);
  }
  env.HOSTNAME = hostname;
  Object.assign(env, podEnv);
  if (env.HOME === undefined) env.HOME = "/root";
  return env;
}

/** spec.containers[].workingDir, else the image's WorkingDir, else "/". */
export function containerWorkingDir(image: ResolvedImage, workingDir?: string | null): string {
  return workingDir || image.config.workingDir || "/";
}

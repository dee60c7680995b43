// Images from the Kubernetes project: agnhost (e2e test image), liveness, pause, nginx-slim.
import type { ImageSpec } from "../images";
import { alpineRoot, DEFAULT_PATH, MB, programs, pullMsFor } from "./base";

export const AGNHOST: ImageSpec[] = ["registry.k8s.io/e2e-test-images/agnhost", "k8s.gcr.io/e2e-test-images/agnhost"].map((repository) => ({
  repository,
  tags: ["2.53", "2.52", "2.51", "2.50", "2.48", "2.47", "2.45", "2.43", "2.40", "2.39", "2.36", "2.33", "2.32", "2.21"],
  build: (tag) => {
    const sizeBytes = Math.round(51.9 * MB);
    return {
      config: { entrypoint: ["/agnhost"], cmd: null, env: [DEFAULT_PATH], workingDir: "", user: "", exposedPorts: ["80/tcp", "8080/tcp", "8081/tcp", "9376/tcp"] },
      shell: "ash",
      versions: { agnhost: tag, busybox: "1.36.1" },
      files: [...alpineRoot("3.19"), { path: "/agnhost", kind: "file", data: "", mode: 0o755, program: "agnhost", size: 47_118_336 }, ...programs("/usr/bin", ["curl"], 251_088)],
      sizeBytes,
      pullMs: pullMsFor(sizeBytes),
    };
  },
}));

/** registry.k8s.io/liveness: a scratch image with one Go binary, /server (test/images/liveness/server.go). */
export const LIVENESS: ImageSpec[] = ["registry.k8s.io/liveness", "k8s.gcr.io/liveness", "gcr.io/google_containers/liveness"].map((repository) => ({
  repository,
  tags: ["latest"],
  build: () => {
    const sizeBytes = Math.round(2.6 * MB);
    return {
      config: { entrypoint: null, cmd: null, env: [DEFAULT_PATH], workingDir: "", user: "", exposedPorts: [] },
      shell: "ash",
      versions: {},
      files: [{ path: "/server", kind: "file", data: "", mode: 0o755, program: "liveness-server", size: 6_094_848 }],
      sizeBytes,
      pullMs: pullMsFor(sizeBytes),
    };
  },
}));

export const PAUSE: ImageSpec[] = ["registry.k8s.io/pause", "k8s.gcr.io/pause"].map((repository) => ({
  repository,
  tags: ["3.10", "3.9", "3.8", "3.7", "3.6", "3.5", "3.2", "3.1", "latest"],
  build: () => ({
    config: { entrypoint: ["/pause"], cmd: null, env: [DEFAULT_PATH], workingDir: "/", user: "65535:65535", exposedPorts: [] },
    shell: "ash",
    versions: {},
    files: [{ path: "/pause", kind: "file", data: "", mode: 0o755, program: "pause", size: 514_168 }],
    sizeBytes: 320_368,
    pullMs: pullMsFor(320_368),
  }),
}));

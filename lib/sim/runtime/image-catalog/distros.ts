// Base images: busybox, alpine, debian, ubuntu, centos and the k8s-docs busybox variants.
import type { ImageBuild, ImageSpec } from "../images";
import { ALPINE_BUSYBOX, alpineRoot, busyboxRoot, debianRoot, DEFAULT_PATH, MB, programs, pullMsFor, rhelRoot } from "./base";

const BUSYBOX_TAGS: Record<string, string> = {
  latest: "1.37.0", stable: "1.37.0", "1.37": "1.37.0", "1.37.0": "1.37.0", "1.36": "1.36.1", "1.36.1": "1.36.1",
  "1.35": "1.35.0", "1.34": "1.34.1", "1.33": "1.33.1", "1.32": "1.32.1", "1.31": "1.31.1", "1.30": "1.30.1",
  "1.29": "1.29.3", "1.28": "1.28.4", "1.28.4": "1.28.4", "1.27": "1.27.2", "1.26": "1.26.2", "1.25": "1.25.1",
  musl: "1.37.0", glibc: "1.37.0", uclibc: "1.37.0",
};

function busybox(version: string, extra: Partial<ImageBuild> = {}): ImageBuild {
  const sizeBytes = extra.sizeBytes ?? Math.round(2.15 * MB);
  return {
    config: { entrypoint: null, cmd: ["sh"], env: [DEFAULT_PATH], workingDir: "", user: "", exposedPorts: [] },
    shell: "ash",
    versions: { busybox: version },
    files: busyboxRoot(version),
    sizeBytes,
    pullMs: pullMsFor(sizeBytes),
    ...extra,
  };
}

export const BUSYBOX: ImageSpec = {
  repository: "docker.io/library/busybox",
  tags: Object.keys(BUSYBOX_TAGS),
  build: (tag) => busybox(BUSYBOX_TAGS[tag]),
};

/** radial/busyboxplus: busybox 1.22 with curl added; the Kubernetes docs' favourite debugging image. */
export const BUSYBOXPLUS: ImageSpec = {
  repository: "docker.io/radial/busyboxplus",
  tags: ["curl", "latest", "base", "git"],
  build: (tag) => {
    const b = busybox("1.22.1", { sizeBytes: Math.round(4.2 * MB) });
    return {
      ...b,
      versions: { ...b.versions, curl: "7.36.0" },
      config: { ...b.config, cmd: ["/bin/sh"] },
      files: [...b.files, ...(tag === "base" ? [] : programs("/usr/bin", ["curl"], 207_656))],
    };
  },
};

/** The busybox the old Kubernetes docs use (busybox 1.24, built in 2016). */
export const K8S_BUSYBOX: ImageSpec[] = ["k8s.gcr.io/busybox", "registry.k8s.io/busybox", "gcr.io/google-containers/busybox"].map((repository) => ({
  repository,
  tags: ["latest", "1.24", "1.27.2"],
  // 1.27.2 is the probes page's exec-liveness image.
  build: (tag) => (tag === "1.27.2" ? busybox("1.27.2", { sizeBytes: Math.round(1.3 * MB) }) : busybox("1.24.2", { sizeBytes: Math.round(1.1 * MB) })),
}));

const ALPINE_TAGS: Record<string, string> = { latest: "3.21", "3": "3.21", edge: "3.21" };
for (const minor of Object.keys(ALPINE_BUSYBOX)) ALPINE_TAGS[minor] = minor;
export const ALPINE: ImageSpec = {
  repository: "docker.io/library/alpine",
  tags: [...Object.keys(ALPINE_TAGS), "3.21.0", "3.20.3", "3.19.4", "3.18.9"],
  build: (tag) => {
    const minor = ALPINE_TAGS[tag] ?? tag.split(".").slice(0, 2).join(".");
    const sizeBytes = Math.round(3.5 * MB);
    return {
      config: { entrypoint: null, cmd: ["/bin/sh"], env: [DEFAULT_PATH], workingDir: "/", user: "", exposedPorts: [] },
      shell: "ash",
      versions: { busybox: ALPINE_BUSYBOX[minor] ?? "1.36.1", alpine: minor },
      files: alpineRoot(minor),
      sizeBytes,
      pullMs: pullMsFor(sizeBytes),
    };
  },
};

function debianLike(codename: string, cmd: string[], sizeMb: number): ImageBuild {
  const sizeBytes = Math.round(sizeMb * MB);
  return {
    config: { entrypoint: null, cmd, env: [DEFAULT_PATH], workingDir: "", user: "", exposedPorts: [] },
    shell: "dash",
    versions: {},
    files: debianRoot(codename),
    sizeBytes,
    pullMs: pullMsFor(sizeBytes),
  };
}

const DEBIAN_TAGS: Record<string, string> = {
  latest: "bookworm", bookworm: "bookworm", "12": "bookworm", "bookworm-slim": "bookworm", "12-slim": "bookworm",
  bullseye: "bullseye", "11": "bullseye", "bullseye-slim": "bullseye", buster: "buster", "10": "buster", stretch: "stretch",
};
export const DEBIAN_IMAGE: ImageSpec = {
  repository: "docker.io/library/debian",
  tags: Object.keys(DEBIAN_TAGS),
  build: (tag) => debianLike(DEBIAN_TAGS[tag], ["bash"], tag.includes("slim") ? 28.2 : 48.5),
};

const UBUNTU_TAGS: Record<string, string> = {
  latest: "noble", noble: "noble", "24.04": "noble", jammy: "jammy", "22.04": "jammy", focal: "focal", "20.04": "focal",
};
export const UBUNTU: ImageSpec = {
  repository: "docker.io/library/ubuntu",
  tags: Object.keys(UBUNTU_TAGS),
  build: (tag) => {
    const b = debianLike(UBUNTU_TAGS[tag], ["/bin/bash"], 28.9);
    return { ...b, config: { ...b.config, labels: { "org.opencontainers.image.ref.name": "ubuntu", "org.opencontainers.image.version": tag } } };
  },
};

export const CENTOS: ImageSpec = {
  repository: "docker.io/library/centos",
  tags: ["latest", "7", "centos7", "8", "centos8"],
  build: (tag) => {
    const seven = tag.includes("7");
    const pretty = seven ? "CentOS Linux release 7.9.2009 (Core)" : "CentOS Linux release 8.4.2105";
    const sizeBytes = Math.round((seven ? 72.6 : 83.5) * MB);
    return {
      config: { entrypoint: null, cmd: ["/bin/bash"], env: [DEFAULT_PATH], workingDir: "", user: "", exposedPorts: [] },
      shell: "bash",
      versions: {},
      files: rhelRoot(pretty, seven ? "7 (Core)" : "8"),
      sizeBytes,
      pullMs: pullMsFor(sizeBytes),
    };
  },
};

// Images the Kubernetes v1.32 documentation pages use that are not general-purpose: registry.k8s.io/goproxy
// (Configure Liveness, Readiness and Startup Probes), nginx-slim (StatefulSet Basics) and perl (Jobs).
import type { ImageBuild, ImageSpec } from "../images";
import { COMMANDS } from "../commands/registry";
import { debianRoot, DEFAULT_PATH, MB, pullMsFor } from "./base";
import { goproxy, perl } from "./doc-programs";
import { NGINX } from "./nginx";

/**
 * The catalog's own programs join the runtime's registry when one of its images is built (always before a
 * container of it can start); doing it lazily keeps module initialisation free of the registry cycle.
 */
function withPrograms(build: ImageBuild): ImageBuild {
  if (COMMANDS.perl !== perl) Object.assign(COMMANDS, { perl, goproxy });
  return build;
}

/** A scratch image with the elazarl/goproxy example binary (`ENTRYPOINT ["/goproxy"]`, `EXPOSE 8080`). */
export const GOPROXY: ImageSpec[] = ["registry.k8s.io/goproxy", "k8s.gcr.io/goproxy"].map((repository) => ({
  repository,
  tags: ["0.1"],
  build: () =>
    withPrograms({
      config: { entrypoint: ["/goproxy"], cmd: null, env: [DEFAULT_PATH], workingDir: "", user: "", exposedPorts: ["8080/tcp"] },
      shell: "ash",
      versions: {},
      files: [{ path: "/goproxy", kind: "file", data: "", mode: 0o755, program: "goproxy", size: 5_373_952 }],
      sizeBytes: Math.round(2.5 * MB),
      pullMs: pullMsFor(Math.round(2.5 * MB)),
    }),
}));

// nginx-slim (kubernetes/contrib, later ingress-nginx images): a small nginx with `CMD ["nginx", "-g",
// "daemon off;"]` and no docker-entrypoint.sh. 0.8 shipped nginx 1.11; 0.21 nginx 1.13.
const NGINX_SLIM_NGINX: Record<string, string> = { "0.8": "1.11", "0.21": "1.13" };
export const NGINX_SLIM: ImageSpec[] = ["registry.k8s.io/nginx-slim", "k8s.gcr.io/nginx-slim", "gcr.io/google_containers/nginx-slim"].map((repository) => ({
  repository,
  tags: Object.keys(NGINX_SLIM_NGINX),
  build: (tag) => {
    const b = NGINX.build(NGINX_SLIM_NGINX[tag]);
    const sizeBytes = Math.round((tag === "0.8" ? 51.9 : 46.2) * MB);
    const { env, workingDir, user } = b.config;
    return {
      ...b,
      config: { entrypoint: null, cmd: ["nginx", "-g", "daemon off;"], env, workingDir, user, exposedPorts: ["443/tcp", "80/tcp"] },
      sizeBytes,
      pullMs: pullMsFor(sizeBytes),
    };
  },
}));

/** docker.io/library/perl (Debian bullseye): `CMD ["perl5.34.0", "-de0"]`. */
const PERL_VERSIONS: Record<string, string> = { "5.34.0": "5.34.0", "5.34": "5.34.0" };
export const PERL: ImageSpec = {
  repository: "docker.io/library/perl",
  tags: Object.keys(PERL_VERSIONS),
  build: (tag) => {
    const version = PERL_VERSIONS[tag];
    const sizeBytes = Math.round(326.4 * MB);
    return withPrograms({
      config: { entrypoint: null, cmd: [`perl${version}`, "-de0"], env: [DEFAULT_PATH, `PERL_VERSION=${version}`], workingDir: "", user: "", exposedPorts: [] },
      shell: "dash",
      versions: { perl: version },
      files: [
        ...debianRoot("bullseye"),
        { path: `/usr/local/bin/perl${version}`, kind: "file", data: "", mode: 0o755, program: "perl", size: 3_682_192 },
        { path: "/usr/local/bin/perl", kind: "symlink", target: `perl${version}` },
        { path: "/usr/bin/perl", kind: "symlink", target: `/usr/local/bin/perl${version}` },
      ],
      sizeBytes,
      pullMs: pullMsFor(sizeBytes),
    });
  },
};

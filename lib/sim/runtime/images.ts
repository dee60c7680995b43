// Image references and the image catalog. Reference parsing mirrors github.com/distribution/reference
// (ParseNormalizedNamed / TagNameOnly); pull errors reproduce containerd 1.7 CRI's wording as the kubelet
// (v1.32) reports them in ErrImagePull / InvalidImageName events.
import { sha256Hex } from "./sha256";
import { buildLayer, type FsLayer, type LayerEntry } from "./vfs";
import type { ImageConfig, ResolvedImage, ShellFlavor } from "./types";
import { BUILTIN_IMAGES } from "./image-catalog";

export type ImageBuild = {
  config: ImageConfig;
  shell: ShellFlavor;
  versions: Record<string, string>;
  files: LayerEntry[];
  sizeBytes: number;
  pullMs: number;
};
export type ImageSpec = {
  /** Fully qualified repository: "docker.io/library/nginx", "registry.k8s.io/e2e-test-images/agnhost". */
  repository: string;
  tags: readonly string[];
  build(tag: string): ImageBuild;
};

export type ParsedReference = { repository: string; domain: string; path: string; tag: string | null; digest: string | null };
export type ReferenceParse = { kind: "ok"; ref: ParsedReference } | { kind: "invalid"; message: string };

const DEFAULT_DOMAIN = "docker.io";
// distribution/reference grammar, restricted to what kubelet users type.
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

function splitDomain(name: string): { domain: string; path: string } {
  const i = name.indexOf("/");
  if (i === -1) return { domain: DEFAULT_DOMAIN, path: `library/${name}` };
  const first = name.slice(0, i);
  if (!first.includes(".") && !first.includes(":") && first !== "localhost" && first.toLowerCase() === first) {
    return { domain: DEFAULT_DOMAIN, path: name };
  }
  const domain = first === "index.docker.io" ? DEFAULT_DOMAIN : first;
  const path = name.slice(i + 1);
  return { domain, path: domain === DEFAULT_DOMAIN && !path.includes("/") ? `library/${path}` : path };
}

/** ParseNormalizedNamed: "nginx" → docker.io/library/nginx, "user/app:1" → docker.io/user/app:1. */
export function parseReference(input: string): ReferenceParse {
  const invalid = (why = "invalid reference format"): ReferenceParse => ({ kind: "invalid", message: why });
  if (input === "" || input.length > 255 + 128 + 72) return invalid();
  let rest = input;
  let digest: string | null = null;
  const at = rest.indexOf("@");
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return invalid();
  }
  let tag: string | null = null;
  const lastColon = rest.lastIndexOf(":");
  if (lastColon > rest.lastIndexOf("/")) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag)) return invalid();
  }
  if (rest === "") return invalid();
  const { domain, path } = splitDomain(rest);
  const hostPart = domain.replace(/:\d+$/, "");
  if (domain !== DEFAULT_DOMAIN && !hostPart.split(".").every((c) => DOMAIN_COMPONENT.test(c))) return invalid();
  if (path.toLowerCase() !== path) return invalid(`invalid reference format: repository name (${path}) must be lowercase`);
  if (!path.split("/").every((c) => COMPONENT.test(c))) return invalid();
  return { kind: "ok", ref: { repository: `${domain}/${path}`, domain, path, tag, digest } };
}

export type ImageResolution =
  | { kind: "ok"; image: ResolvedImage }
  /** Reason InvalidImageName; the message is the kubelet's "Failed to apply default image tag …" text. */
  | { kind: "invalid-name"; message: string }
  /** Reason ErrImagePull; the kubelet prefixes `Failed to pull image "<image>": `. */
  | { kind: "pull-error"; message: string };

export type ImageCatalog = {
  resolve(image: string): ImageResolution;
  /** Every repository:tag the catalog knows, sorted; for hints and tests. */
  list(): string[];
};

/** Registries the simulated node can reach; anything else fails DNS like an unknown private registry. */
const KNOWN_REGISTRIES = new Set(["docker.io", "registry.k8s.io", "k8s.gcr.io", "gcr.io", "quay.io", "ghcr.io", "registry.gitlab.com", "mcr.microsoft.com", "public.ecr.aws"]);

export function imageDigest(repository: string, tag: string): string {
  return `sha256:${sha256Hex(`kubedrill-manifest:${repository}:${tag}`)}`;
}

export function createCatalog(extra: readonly ImageSpec[] = []): ImageCatalog {
  const specs = new Map<string, ImageSpec>();
  for (const spec of [...BUILTIN_IMAGES, ...extra]) {
    const prev = specs.get(spec.repository);
    // Extra specs for a known repository add tags (and win for tags they both define).
    if (prev && extra.includes(spec)) {
      const tags = new Set(spec.tags);
      specs.set(spec.repository, {
        repository: spec.repository,
        tags: [...new Set([...prev.tags, ...spec.tags])],
        build: (tag) => (tags.has(tag) ? spec.build(tag) : prev.build(tag)),
      });
    } else specs.set(spec.repository, spec);
  }
  const built = new Map<string, ResolvedImage>();

  const materialise = (spec: ImageSpec, tag: string): ResolvedImage => {
    const key = `${spec.repository}:${tag}`;
    const cached = built.get(key);
    if (cached) return cached;
    const b = spec.build(tag);
    const digest = imageDigest(spec.repository, tag);
    let layer: FsLayer | undefined;
    const image: ResolvedImage = {
      ref: key, repository: spec.repository, tag, digest, imageID: `${spec.repository}@${digest}`,
      config: b.config, sizeBytes: b.sizeBytes, pullMs: b.pullMs, shell: b.shell, versions: b.versions,
      // Built lazily: resolving an image for a pull (or a failing one) should not pay for its filesystem.
      get layer() {
        layer ??= buildLayer(b.files);
        return layer;
      },
    };
    built.set(key, image);
    return image;
  };

  // Every container start resolves its image: results are pure functions of the reference and the catalog.
  const resolutions = new Map<string, ImageResolution>();
  const resolve = (image: string): ImageResolution => {
    let r = resolutions.get(image);
    if (!r) {
      r = resolveUncached(image);
      if (resolutions.size >= 1024) resolutions.clear();
      resolutions.set(image, r);
    }
    return r;
  };

  const resolveUncached = (image: string): ImageResolution => {
    const parsed = parseReference(image);
    if (parsed.kind === "invalid") {
      return { kind: "invalid-name", message: `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${parsed.message}` };
    }
    const { repository, domain, path, digest } = parsed.ref;
    const tag = parsed.ref.tag ?? (digest ? null : "latest");
    const shown = digest ? `${repository}@${digest}` : `${repository}:${tag}`;
    const prefix = `failed to pull and unpack image "${shown}": failed to resolve reference "${shown}": `;
    if (!KNOWN_REGISTRIES.has(domain)) {
      const host = domain.replace(/:\d+$/, "");
      return {
        kind: "pull-error",
        message: `rpc error: code = Unknown desc = ${prefix}failed to do request: Head "https://${domain}/v2/${path}/manifests/${digest ?? tag}": dial tcp: lookup ${host} on 127.0.0.11:53: no such host`,
      };
    }
    const spec = specs.get(repository);
    if (!spec) {
      if (domain === DEFAULT_DOMAIN) {
        return {
          kind: "pull-error",
          message: `rpc error: code = Unknown desc = ${prefix}pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
        };
      }
      return { kind: "pull-error", message: `rpc error: code = NotFound desc = ${prefix}${shown}: not found` };
    }
    if (digest) {
      const match = spec.tags.find((t) => imageDigest(repository, t) === digest.toLowerCase());
      if (!match) return { kind: "pull-error", message: `rpc error: code = NotFound desc = ${prefix}${shown}: not found` };
      const img = materialise(spec, match);
      return { kind: "ok", image: { ...img, ref: `${repository}@${digest}`, tag: parsed.ref.tag, layer: img.layer } };
    }
    if (!spec.tags.includes(tag as string)) {
      return { kind: "pull-error", message: `rpc error: code = NotFound desc = ${prefix}${shown}: not found` };
    }
    return { kind: "ok", image: materialise(spec, tag as string) };
  };

  return {
    resolve,
    list: () => [...specs.values()].flatMap((s) => s.tags.map((t) => `${s.repository}:${t}`)).sort(),
  };
}

let defaultCatalog: ImageCatalog | undefined;
export function resolveImage(image: string): ImageResolution {
  defaultCatalog ??= createCatalog();
  return defaultCatalog.resolve(image);
}

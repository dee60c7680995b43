// Application images CKAD material uses: httpd, redis, databases, language runtimes, kubia, stress tools.
import type { ImageBuild, ImageSpec } from "../images";
import type { LayerEntry } from "../vfs";
import type { ShellFlavor } from "../types";
import { alpineRoot, debianRoot, DEFAULT_PATH, MB, programs, pullMsFor, rhelRoot } from "./base";

type AppOptions = {
  base: { kind: "debian"; codename: string } | { kind: "alpine"; version: string } | { kind: "rhel"; pretty: string; version: string };
  entrypoint?: string[] | null;
  cmd: string[] | null;
  env?: string[];
  workingDir?: string;
  user?: string;
  ports?: string[];
  stopSignal?: string;
  versions: Record<string, string>;
  files: LayerEntry[];
  sizeMb: number;
};

function app(o: AppOptions): ImageBuild {
  const files = o.base.kind === "debian" ? debianRoot(o.base.codename) : o.base.kind === "alpine" ? alpineRoot(o.base.version) : rhelRoot(o.base.pretty, o.base.version);
  const shell: ShellFlavor = o.base.kind === "debian" ? "dash" : o.base.kind === "alpine" ? "ash" : "bash";
  const sizeBytes = Math.round(o.sizeMb * MB);
  return {
    config: {
      entrypoint: o.entrypoint ?? null, cmd: o.cmd,
      env: o.env?.some((e) => e.startsWith("PATH=")) ? (o.env ?? []) : [DEFAULT_PATH, ...(o.env ?? [])], workingDir: o.workingDir ?? "",
      user: o.user ?? "", exposedPorts: o.ports ?? [], stopSignal: o.stopSignal,
    },
    shell,
    versions: o.versions,
    files: [...files, ...o.files],
    sizeBytes,
    pullMs: pullMsFor(sizeBytes),
  };
}

const bin = (path: string, program: string, size = 1_000_000): LayerEntry => ({ path, kind: "file", data: "", mode: 0o755, program, size });

/** Tag helper: every tag in `versions`, plus "-alpine" variants when `alpine` is set. */
function tagsOf(versions: Record<string, string>, alpine: boolean): string[] {
  const tags = Object.keys(versions);
  return alpine ? [...tags, ...tags.map((t) => (t === "latest" ? "alpine" : `${t}-alpine`))] : tags;
}
function splitAlpine(tag: string): { tag: string; alpine: boolean } {
  if (tag === "alpine") return { tag: "latest", alpine: true };
  if (tag.endsWith("-alpine")) return { tag: tag.slice(0, -7), alpine: true };
  return { tag, alpine: false };
}

const HTTPD_VERSIONS: Record<string, string> = { latest: "2.4.62", "2.4": "2.4.62", "2.4.62": "2.4.62", "2": "2.4.62", "2.4.58": "2.4.58" };
export const HTTPD: ImageSpec = {
  repository: "docker.io/library/httpd",
  tags: tagsOf(HTTPD_VERSIONS, true),
  build: (t) => {
    const { tag, alpine } = splitAlpine(t);
    const version = HTTPD_VERSIONS[tag];
    return app({
      base: alpine ? { kind: "alpine", version: "3.20" } : { kind: "debian", codename: "bookworm" },
      cmd: ["httpd-foreground"],
      env: ["HTTPD_PREFIX=/usr/local/apache2", `HTTPD_VERSION=${version}`],
      workingDir: "/usr/local/apache2",
      ports: ["80/tcp"],
      stopSignal: "SIGWINCH",
      versions: { httpd: version },
      files: [
        bin("/usr/local/bin/httpd-foreground", "httpd-foreground", 133),
        bin("/usr/local/apache2/bin/httpd", "httpd", 2_417_664),
        { path: "/usr/local/apache2/htdocs/index.html", kind: "file", data: "<html><body><h1>It works!</h1></body></html>\n" },
        { path: "/usr/local/apache2/conf/httpd.conf", kind: "file", data: 'ServerRoot "/usr/local/apache2"\nListen 80\nDocumentRoot "/usr/local/apache2/htdocs"\n' },
      ],
      sizeMb: alpine ? 22.4 : 58.2,
    });
  },
};

const REDIS_VERSIONS: Record<string, string> = { latest: "7.4.1", "7": "7.4.1", "7.4": "7.4.1", "7.4.1": "7.4.1", "7.2": "7.2.6", "7.0": "7.0.15", "6": "6.2.16", "6.2": "6.2.16", "5": "5.0.14" };
export const REDIS: ImageSpec = {
  repository: "docker.io/library/redis",
  tags: tagsOf(REDIS_VERSIONS, true),
  build: (t) => {
    const { tag, alpine } = splitAlpine(t);
    const version = REDIS_VERSIONS[tag];
    return app({
      base: alpine ? { kind: "alpine", version: "3.20" } : { kind: "debian", codename: "bookworm" },
      entrypoint: ["docker-entrypoint.sh"],
      cmd: ["redis-server"],
      env: ["REDIS_VERSION=" + version],
      workingDir: "/data",
      ports: ["6379/tcp"],
      versions: { redis: version },
      files: [
        bin("/usr/local/bin/docker-entrypoint.sh", "redis-entrypoint", 2_000),
        bin("/usr/local/bin/redis-server", "redis-server", 9_000_000),
        bin("/usr/local/bin/redis-cli", "redis-cli", 4_000_000),
        { path: "/data", kind: "dir", uid: 999, gid: 999 },
      ],
      sizeMb: alpine ? 17.2 : 45.1,
    });
  },
};

const MYSQL_VERSIONS: Record<string, string> = { latest: "9.1.0", "9": "9.1.0", "9.1": "9.1.0", lts: "8.4.3", "8.4": "8.4.3", "8": "8.4.3", "8.0": "8.0.40", "5.7": "5.7.44" };
export const MYSQL: ImageSpec = {
  repository: "docker.io/library/mysql",
  tags: Object.keys(MYSQL_VERSIONS),
  build: (tag) => {
    const version = MYSQL_VERSIONS[tag];
    return app({
      base: { kind: "rhel", pretty: "Oracle Linux Server release 9.5", version: "9.5" },
      entrypoint: ["docker-entrypoint.sh"],
      cmd: ["mysqld"],
      env: ["GOSU_VERSION=1.17", "MYSQL_MAJOR=" + version.split(".").slice(0, 2).join("."), "MYSQL_VERSION=" + version + "-1.el9", "MYSQL_SHELL_VERSION=" + version + "-1.el9"],
      ports: ["3306/tcp", "33060/tcp"],
      versions: { mysql: version },
      files: [bin("/usr/local/bin/docker-entrypoint.sh", "mysql-entrypoint", 15_000), bin("/usr/sbin/mysqld", "mysqld", 60_000_000), { path: "/var/lib/mysql", kind: "dir", uid: 999, gid: 999 }],
      sizeMb: 167.4,
    });
  },
};

const MARIADB_VERSIONS: Record<string, string> = { latest: "11.6.2", "11": "11.6.2", "11.4": "11.4.4", lts: "11.4.4", "10.11": "10.11.10", "10.6": "10.6.20", "10": "10.11.10" };
export const MARIADB: ImageSpec = {
  repository: "docker.io/library/mariadb",
  tags: Object.keys(MARIADB_VERSIONS),
  build: (tag) => {
    const version = MARIADB_VERSIONS[tag];
    return app({
      base: { kind: "debian", codename: "noble" },
      entrypoint: ["docker-entrypoint.sh"],
      cmd: ["mariadbd"],
      env: ["GOSU_VERSION=1.17", "LANG=C.UTF-8", "MARIADB_VERSION=1:" + version + "+maria~ubu2404"],
      ports: ["3306/tcp"],
      versions: { mariadb: version },
      files: [bin("/usr/local/bin/docker-entrypoint.sh", "mariadb-entrypoint", 20_000), bin("/usr/sbin/mariadbd", "mariadbd", 25_000_000), { path: "/var/lib/mysql", kind: "dir", uid: 999, gid: 999 }],
      sizeMb: 118.3,
    });
  },
};

const MONGO_VERSIONS: Record<string, string> = { latest: "8.0.3", "8": "8.0.3", "8.0": "8.0.3", "7": "7.0.15", "7.0": "7.0.15", "6": "6.0.19", "6.0": "6.0.19", "4.4": "4.4.29" };
export const MONGO: ImageSpec = {
  repository: "docker.io/library/mongo",
  tags: Object.keys(MONGO_VERSIONS),
  build: (tag) => {
    const version = MONGO_VERSIONS[tag];
    return app({
      base: { kind: "debian", codename: "noble" },
      entrypoint: ["docker-entrypoint.sh"],
      cmd: ["mongod"],
      env: ["GOSU_VERSION=1.17", "JSYAML_VERSION=3.13.1", "MONGO_MAJOR=" + version.split(".").slice(0, 2).join("."), "MONGO_VERSION=" + version, "HOME=/data/db"],
      ports: ["27017/tcp"],
      versions: { mongo: version },
      files: [bin("/usr/local/bin/docker-entrypoint.sh", "mongo-entrypoint", 15_000), bin("/usr/bin/mongod", "mongod", 180_000_000), { path: "/data/db", kind: "dir", uid: 999, gid: 999 }, { path: "/data/configdb", kind: "dir", uid: 999, gid: 999 }],
      sizeMb: 262.8,
    });
  },
};

const POSTGRES_VERSIONS: Record<string, string> = { latest: "17.2", "17": "17.2", "17.2": "17.2", "16": "16.6", "16.6": "16.6", "15": "15.10", "14": "14.15", "13": "13.18", "12": "12.22" };
export const POSTGRES: ImageSpec = {
  repository: "docker.io/library/postgres",
  tags: tagsOf(POSTGRES_VERSIONS, true),
  build: (t) => {
    const { tag, alpine } = splitAlpine(t);
    const version = POSTGRES_VERSIONS[tag];
    const major = version.split(".")[0];
    return app({
      base: alpine ? { kind: "alpine", version: "3.20" } : { kind: "debian", codename: "bookworm" },
      entrypoint: ["docker-entrypoint.sh"],
      cmd: ["postgres"],
      env: [`${DEFAULT_PATH}:/usr/lib/postgresql/${major}/bin`, "GOSU_VERSION=1.17", "LANG=en_US.utf8", `PG_MAJOR=${major}`, `PG_VERSION=${version}-1.pgdg120+1`, "PGDATA=/var/lib/postgresql/data"],
      ports: ["5432/tcp"],
      stopSignal: "SIGINT",
      versions: { postgres: version },
      files: [bin("/usr/local/bin/docker-entrypoint.sh", "postgres-entrypoint", 12_000), bin(`/usr/lib/postgresql/${major}/bin/postgres`, "postgres", 9_000_000), { path: "/var/lib/postgresql/data", kind: "dir", mode: 0o777, uid: 999, gid: 999 }],
      sizeMb: alpine ? 105.3 : 151.2,
    });
  },
};

const PYTHON_VERSIONS: Record<string, string> = { latest: "3.13.0", "3": "3.13.0", "3.13": "3.13.0", "3.12": "3.12.7", "3.11": "3.11.10", "3.10": "3.10.15", "3.9": "3.9.20", "3.12-slim": "3.12.7", "3.11-slim": "3.11.10", slim: "3.13.0" };
export const PYTHON: ImageSpec = {
  repository: "docker.io/library/python",
  tags: tagsOf(PYTHON_VERSIONS, true),
  build: (t) => {
    const { tag, alpine } = splitAlpine(t);
    const version = PYTHON_VERSIONS[tag];
    const minor = version.split(".").slice(0, 2).join(".");
    return app({
      base: alpine ? { kind: "alpine", version: "3.20" } : { kind: "debian", codename: "bookworm" },
      cmd: ["python3"],
      env: ["LANG=C.UTF-8", "GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305", `PYTHON_VERSION=${version}`],
      versions: { python: version },
      files: [
        bin(`/usr/local/bin/python${minor}`, "python", 14_000),
        { path: "/usr/local/bin/python3", kind: "symlink", target: `python${minor}` },
        { path: "/usr/local/bin/python", kind: "symlink", target: "python3" },
        ...(alpine || tag.includes("slim") ? [] : programs("/usr/bin", ["curl", "wget", "ps"], 300_000)),
      ],
      sizeMb: alpine ? 17.9 : tag.includes("slim") ? 45.3 : 386.2,
    });
  },
};

const NODE_VERSIONS: Record<string, string> = { latest: "23.3.0", "23": "23.3.0", lts: "22.11.0", "22": "22.11.0", "20": "20.18.1", "18": "18.20.5", "16": "16.20.2" };
export const NODE: ImageSpec = {
  repository: "docker.io/library/node",
  tags: [...tagsOf(NODE_VERSIONS, true), "22-slim", "20-slim", "18-slim"],
  build: (t) => {
    const slim = t.endsWith("-slim");
    const { tag, alpine } = splitAlpine(slim ? t.slice(0, -5) : t);
    const version = NODE_VERSIONS[tag];
    return app({
      base: alpine ? { kind: "alpine", version: "3.20" } : { kind: "debian", codename: "bookworm" },
      entrypoint: ["docker-entrypoint.sh"],
      cmd: ["node"],
      env: [`NODE_VERSION=${version}`, "YARN_VERSION=1.22.22"],
      versions: { node: version },
      files: [
        bin("/usr/local/bin/docker-entrypoint.sh", "node-entrypoint", 388),
        bin("/usr/local/bin/node", "node", 98_000_000),
        ...(alpine || slim ? [] : programs("/usr/bin", ["curl", "wget", "ps"], 300_000)),
      ],
      sizeMb: alpine ? 56.9 : slim ? 75.6 : 399.5,
    });
  },
};

/** luksa/kubia from "Kubernetes in Action": FROM node:7, ADD app.js, ENTRYPOINT ["node", "app.js"]. */
export const KUBIA: ImageSpec = {
  repository: "docker.io/luksa/kubia",
  tags: ["latest", "v1", "v2", "v3", "1.0"],
  build: (tag) =>
    app({
      base: { kind: "debian", codename: "jessie" },
      entrypoint: ["node", "app.js"],
      cmd: null,
      env: ["NPM_CONFIG_LOGLEVEL=info", "NODE_VERSION=7.10.1", "YARN_VERSION=0.24.4"],
      ports: tag === "1.0" ? ["8080/tcp"] : [],
      versions: { node: "7.10.1", kubia: tag },
      files: [bin("/usr/local/bin/node", "node", 31_000_000), { path: "/app.js", kind: "file", data: `// kubia ${tag}\n`, mode: 0o644 }, ...programs("/usr/bin", ["curl", "wget", "ps"], 300_000)],
      sizeMb: 251.4,
    }),
};

/** polinux/stress (alpine + stress 1.0.4), the image of the Kubernetes memory-limit docs. */
export const POLINUX_STRESS: ImageSpec = {
  repository: "docker.io/polinux/stress",
  tags: ["latest", "1.0.4"],
  build: () =>
    app({
      base: { kind: "alpine", version: "3.12" },
      cmd: ["stress", "--help"],
      versions: { stress: "1.0.4" },
      files: [bin("/usr/local/bin/stress", "stress", 25_000), bin("/usr/bin/stress", "stress", 25_000)],
      sizeMb: 4.0,
    }),
};

/** progrium/stress: ENTRYPOINT ["/usr/bin/stress", "--verbose"] on Ubuntu 14.04. */
export const PROGRIUM_STRESS: ImageSpec = {
  repository: "docker.io/progrium/stress",
  tags: ["latest"],
  build: () =>
    app({
      base: { kind: "debian", codename: "jessie" },
      entrypoint: ["/usr/bin/stress", "--verbose"],
      cmd: null,
      versions: { stress: "1.0.1" },
      files: [bin("/usr/bin/stress", "stress", 25_000)],
      sizeMb: 107.6,
    }),
};

/** vish/stress (Kubernetes CPU-limit docs): ENTRYPOINT ["/stress", "-logtostderr"], flags -cpus, -mem-total. */
export const VISH_STRESS: ImageSpec = {
  repository: "docker.io/vish/stress",
  tags: ["latest"],
  build: () => {
    const sizeBytes = Math.round(2.1 * MB);
    return {
      config: { entrypoint: ["/stress", "-logtostderr"], cmd: null, env: [DEFAULT_PATH], workingDir: "", user: "", exposedPorts: [] },
      shell: "ash",
      versions: {},
      files: [bin("/stress", "vish-stress", 2_000_000)],
      sizeBytes,
      pullMs: pullMsFor(sizeBytes),
    };
  },
};

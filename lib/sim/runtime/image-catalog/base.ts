// Root filesystems shared by the catalog's images: busybox, Alpine (musl + busybox), Debian/Ubuntu (GNU
// coreutils, dash as /bin/sh) and RHEL-family (bash as /bin/sh). Which executables exist matters: Debian
// images have no ps, ping, wget or curl unless the image adds them, so `kubectl exec … -- wget` fails there.
import type { LayerEntry } from "../vfs";

export const DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** Busybox applets the simulator implements (commands/registry has one implementation per name). */
export const BUSYBOX_APPLETS = [
  "sh", "ash", "sleep", "echo", "printf", "cat", "touch", "rm", "rmdir", "mkdir", "ls", "cp", "mv", "ln", "date",
  "env", "printenv", "hostname", "id", "whoami", "pwd", "test", "[", "[[", "true", "false", "kill", "ps", "tail",
  "head", "grep", "egrep", "wc", "yes", "seq", "sort", "uniq", "cut", "tr", "sed", "awk", "wget", "nc", "nslookup",
  "ping", "chmod", "basename", "dirname", "uname", "timeout", "which", "expr", "tee", "tac", "nproc",
];
/** GNU userland of a minimal Debian/Ubuntu/RHEL image (coreutils, grep, sed, mawk/gawk, findutils, hostname). */
export const GNU_COMMANDS = [
  "sleep", "echo", "printf", "cat", "touch", "rm", "rmdir", "mkdir", "ls", "cp", "mv", "ln", "date", "env",
  "printenv", "hostname", "id", "whoami", "pwd", "test", "[", "true", "false", "kill", "tail", "head", "grep",
  "egrep", "wc", "yes", "seq", "sort", "uniq", "cut", "tr", "sed", "awk", "chmod", "basename", "dirname", "uname",
  "timeout", "expr", "tee", "tac", "nproc", "which",
];

const PASSWD_BUSYBOX = [
  "root:x:0:0:root:/root:/bin/sh",
  "daemon:x:1:1:daemon:/usr/sbin:/bin/false",
  "bin:x:2:2:bin:/bin:/bin/false",
  "sys:x:3:3:sys:/dev:/bin/false",
  "sync:x:4:100:sync:/bin:/bin/sync",
  "mail:x:8:8:mail:/var/spool/mail:/bin/false",
  "www-data:x:33:33:www-data:/var/www:/bin/false",
  "operator:x:37:37:Operator:/var:/bin/false",
  "nobody:x:65534:65534:nobody:/home:/bin/false",
  "",
].join("\n");
const PASSWD_DEBIAN = [
  "root:x:0:0:root:/root:/bin/bash",
  "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin",
  "bin:x:2:2:bin:/bin:/usr/sbin/nologin",
  "sys:x:3:3:sys:/dev:/usr/sbin/nologin",
  "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin",
  "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin",
  "",
].join("\n");
const GROUP = ["root:x:0:", "daemon:x:1:", "bin:x:2:", "sys:x:3:", "www-data:x:33:", "nogroup:x:65534:", ""].join("\n");

function skeleton(): LayerEntry[] {
  return [
    { path: "/tmp", kind: "dir", mode: 0o1777 },
    { path: "/root", kind: "dir", mode: 0o700 },
    { path: "/home", kind: "dir" },
    { path: "/var/run", kind: "dir" },
    { path: "/var/log", kind: "dir" },
    { path: "/proc", kind: "dir", mode: 0o555 },
    { path: "/sys", kind: "dir", mode: 0o555 },
    { path: "/dev/null", kind: "file", data: "", mode: 0o666 },
    { path: "/dev/zero", kind: "file", data: "", mode: 0o666 },
    // Character devices in reality; the shell and the daemons route writes to these paths to stdout/stderr.
    { path: "/dev/stdout", kind: "file", data: "", mode: 0o666 },
    { path: "/dev/stderr", kind: "file", data: "", mode: 0o666 },
    { path: "/etc/group", kind: "file", data: GROUP },
    { path: "/usr/local/bin", kind: "dir" },
    { path: "/usr/sbin", kind: "dir" },
    { path: "/sbin", kind: "dir" },
  ];
}

export function programs(dir: string, names: readonly string[], size: number): LayerEntry[] {
  return names.map((name) => ({ path: `${dir}/${name}`, kind: "file" as const, data: "", mode: 0o755, program: name, size }));
}

export function busyboxRoot(version: string): LayerEntry[] {
  return [
    ...skeleton(),
    ...programs("/bin", ["busybox", ...BUSYBOX_APPLETS], 1_131_168),
    { path: "/etc/passwd", kind: "file", data: PASSWD_BUSYBOX },
    { path: "/etc/busybox-version", kind: "file", data: `${version}\n` },
    { path: "/var/spool/mail", kind: "dir" },
    { path: "/usr/sbin", kind: "dir" },
  ];
}

export const ALPINE_BUSYBOX: Record<string, string> = {
  "3.21": "1.37.0", "3.20": "1.36.1", "3.19": "1.36.1", "3.18": "1.36.1", "3.17": "1.35.0", "3.16": "1.35.0",
  "3.15": "1.34.1", "3.14": "1.33.1", "3.13": "1.32.1", "3.12": "1.31.1",
};
export const ALPINE_PATCH: Record<string, string> = {
  "3.21": "3.21.0", "3.20": "3.20.3", "3.19": "3.19.4", "3.18": "3.18.9", "3.17": "3.17.10", "3.16": "3.16.9",
  "3.15": "3.15.11", "3.14": "3.14.10", "3.13": "3.13.12", "3.12": "3.12.12",
};

export function alpineRoot(alpine: string): LayerEntry[] {
  const release = ALPINE_PATCH[alpine] ?? alpine;
  return [
    ...skeleton(),
    ...programs("/bin", ["busybox", ...BUSYBOX_APPLETS.filter((a) => a !== "[[")], 808_712),
    { path: "/etc/passwd", kind: "file", data: PASSWD_BUSYBOX.replace("root:/bin/sh", "root:/bin/sh") },
    { path: "/etc/alpine-release", kind: "file", data: `${release}\n` },
    {
      path: "/etc/os-release", kind: "file",
      data: `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${release}\nPRETTY_NAME="Alpine Linux v${alpine}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`,
    },
    { path: "/lib/apk/db/installed", kind: "file", data: "" },
  ];
}

export type DebianRelease = { id: "debian" | "ubuntu"; version: string; codename: string; pretty: string };
export const DEBIAN: Record<string, DebianRelease> = {
  bookworm: { id: "debian", version: "12", codename: "bookworm", pretty: "Debian GNU/Linux 12 (bookworm)" },
  bullseye: { id: "debian", version: "11", codename: "bullseye", pretty: "Debian GNU/Linux 11 (bullseye)" },
  buster: { id: "debian", version: "10", codename: "buster", pretty: "Debian GNU/Linux 10 (buster)" },
  stretch: { id: "debian", version: "9", codename: "stretch", pretty: "Debian GNU/Linux 9 (stretch)" },
  jessie: { id: "debian", version: "8", codename: "jessie", pretty: "Debian GNU/Linux 8 (jessie)" },
  noble: { id: "ubuntu", version: "24.04", codename: "noble", pretty: "Ubuntu 24.04.1 LTS" },
  jammy: { id: "ubuntu", version: "22.04", codename: "jammy", pretty: "Ubuntu 22.04.5 LTS" },
  focal: { id: "ubuntu", version: "20.04", codename: "focal", pretty: "Ubuntu 20.04.6 LTS" },
};

export function debianRoot(codename: string): LayerEntry[] {
  const rel = DEBIAN[codename] ?? DEBIAN.bookworm;
  // bookworm and Ubuntu use merged /usr (/bin → usr/bin); older Debian keeps coreutils in /bin.
  const merged = ["bookworm", "noble", "jammy", "focal"].includes(rel.codename);
  const bin = merged ? "/usr/bin" : "/bin";
  return [
    ...skeleton(),
    ...(merged ? [{ path: "/bin", kind: "symlink" as const, target: "usr/bin" }, { path: "/sbin", kind: "symlink" as const, target: "usr/sbin" }] : []),
    ...programs(bin, GNU_COMMANDS, 141_832),
    { path: `${bin}/dash`, kind: "file", data: "", mode: 0o755, program: "sh", size: 125_560 },
    { path: `${bin}/sh`, kind: "symlink", target: "dash" },
    { path: `${bin}/bash`, kind: "file", data: "", mode: 0o755, program: "bash", size: 1_265_648 },
    { path: "/etc/passwd", kind: "file", data: PASSWD_DEBIAN },
    { path: "/etc/debian_version", kind: "file", data: rel.id === "debian" ? `${rel.version}.8\n` : `${rel.codename}/sid\n` },
    {
      path: "/etc/os-release", kind: "file",
      data: `PRETTY_NAME="${rel.pretty}"\nNAME="${rel.id === "debian" ? "Debian GNU/Linux" : "Ubuntu"}"\nVERSION_ID="${rel.version}"\nVERSION_CODENAME=${rel.codename}\nID=${rel.id}\n`,
    },
  ];
}

/** RHEL family (centos, oraclelinux for mysql): bash is /bin/sh, procps and curl are installed. */
export function rhelRoot(pretty: string, version: string): LayerEntry[] {
  return [
    ...skeleton(),
    { path: "/bin", kind: "symlink", target: "usr/bin" },
    ...programs("/usr/bin", [...GNU_COMMANDS, "ps", "curl"], 141_832),
    { path: "/usr/bin/bash", kind: "file", data: "", mode: 0o755, program: "bash", size: 1_150_648 },
    { path: "/usr/bin/sh", kind: "symlink", target: "bash" },
    { path: "/etc/passwd", kind: "file", data: PASSWD_DEBIAN.replace(/nologin/g, "nologin") },
    { path: "/etc/redhat-release", kind: "file", data: `${pretty}\n` },
    { path: "/etc/os-release", kind: "file", data: `NAME="${pretty.split(" release")[0]}"\nVERSION="${version}"\nPRETTY_NAME="${pretty}"\n` },
  ];
}

export const MB = 1024 * 1024;
/** Pull time grows with size, as on a typical kind node: ~1.2 s fixed plus ~25 ms per MB. */
export const pullMsFor = (bytes: number) => Math.round(1200 + (bytes / MB) * 25);

// id and whoami: the container's user (runAsUser is reflected in USER-less images as the uid).
import type { CommandImpl } from "./types";
import { userName } from "./ls";

function currentIds(c: Parameters<CommandImpl>[0]): { uid: number; gid: number; groups?: number[] } {
  if (c.proc.user) return c.proc.user;
  // Without a securityContext the image's USER decides (numeric "uid[:gid]" forms; names map to root).
  const spec = c.image.config.user ?? "";
  const [u, g] = spec.split(":");
  const uid = u === "" || u === undefined ? 0 : /^\d+$/.test(u) ? Number(u) : 0;
  const gid = g !== undefined && /^\d+$/.test(g) ? Number(g) : uid;
  return { uid, gid };
}

export const id: CommandImpl = function* (c) {
  const { uid, gid, groups: extra } = currentIds(c);
  const un = userName(c, uid);
  const gn = userName(c, gid, "/etc/group");
  if (c.args.includes("-u")) { c.io.out(`${c.args.includes("-n") ? un : uid}\n`); return 0; }
  if (c.args.includes("-g")) { c.io.out(`${c.args.includes("-n") ? gn : gid}\n`); return 0; }
  const named = (n: number, name: string) => (name === String(n) ? `${n}` : `${n}(${name})`);
  const groups = extra
    ? [...new Set([gid, ...extra])].sort((a, b) => a - b).map((g) => named(g, userName(c, g, "/etc/group"))).join(",")
    : uid === 0 && c.flavor === "busybox" ? "0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)" : named(gid, gn);
  c.io.out(`uid=${named(uid, un)} gid=${named(gid, gn)} groups=${groups}\n`);
  return 0;
};

export const whoami: CommandImpl = function* (c) {
  const { uid } = currentIds(c);
  const name = userName(c, uid);
  if (name === String(uid)) {
    c.io.err(c.flavor === "gnu" ? `whoami: cannot find name for user ID ${uid}\n` : `whoami: unknown uid ${uid}\n`);
    return 1;
  }
  c.io.out(`${name}\n`);
  return 0;
};

// Program name (FileNode.program in an image layer) → implementation.
import type { CommandImpl } from "./types";
import { shellFor } from "./sh";
import { sleep } from "./sleep";
import { echo } from "./echo";
import { printf } from "./printf";
import { test } from "./test";
import { cat } from "./cat";
import { touch } from "./touch";
import { rm } from "./rm";
import { rmdir } from "./rmdir";
import { mkdir } from "./mkdir";
import { chmod } from "./chmod";
import { ls } from "./ls";
import { cp } from "./cp";
import { mv } from "./mv";
import { ln } from "./ln";
import { date } from "./date";
import { env, printenv } from "./env";
import { hostname } from "./hostname";
import { id, whoami } from "./id";
import { falseCmd, pwd, trueCmd } from "./simple";
import { basename, dirname } from "./basename";
import { nproc, uname } from "./uname";
import { yes } from "./yes";
import { which } from "./which";
import { head } from "./head";
import { tail } from "./tail";
import { grep } from "./grep";
import { wc } from "./wc";
import { seq } from "./seq";
import { sort } from "./sort";
import { uniq } from "./uniq";
import { cut } from "./cut";
import { tr } from "./tr";
import { sed } from "./sed";
import { awk } from "./awk";
import { tac, tee } from "./tee";
import { expr } from "./expr";
import { timeout } from "./timeout";
import { kill } from "./kill";
import { ps } from "./ps";
import { NETWORK_COMMANDS } from "./network";
import { DAEMONS } from "./daemons";

/** `sh` is whatever the image's /bin/sh is (busybox ash, dash, or bash on RHEL), decided per call. */
const shByImage: CommandImpl = (c) => shellFor(c.image.shell)(c);

export const COMMANDS: Record<string, CommandImpl> = {
  sh: shByImage, ash: shellFor("ash"), bash: shellFor("bash"), busybox: busyboxMulticall(),
  sleep, echo, printf, test, "[": test, "[[": test, cat, touch, rm, rmdir, mkdir, chmod, ls, cp, mv, ln, date, env, printenv,
  hostname, id, whoami, true: trueCmd, false: falseCmd, pwd, basename, dirname, uname, nproc, yes, which, head, tail,
  grep, egrep: grep, wc, seq, sort, uniq, cut, tr, sed, awk, tee, tac, expr, timeout, kill, ps,
  ...NETWORK_COMMANDS,
  ...DAEMONS,
};

/** `busybox APPLET args…` runs the applet; `busybox` alone prints its banner. */
function busyboxMulticall(): CommandImpl {
  return function* (c) {
    const applet = c.args[0];
    if (!applet || applet === "--help") {
      c.io.out(`BusyBox v${c.image.versions.busybox || "1.36.1"} (2024-09-26 21:31:42 UTC) multi-call binary.\nBusyBox is copyrighted by many authors between 1998-2015.\nLicensed under GPLv2. See source distribution for detailed\ncopyright notices.\n\nUsage: busybox [function [arguments]...]\n`);
      return 0;
    }
    const impl = COMMANDS[applet];
    if (!impl || applet === "busybox") {
      c.io.err(`${applet}: applet not found\n`);
      return 127;
    }
    return yield* impl({ ...c, name: applet, args: c.args.slice(1) });
  };
}

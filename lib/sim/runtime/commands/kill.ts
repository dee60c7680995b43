// /bin/kill (procps or busybox): signals other processes in the container through the kubelet.
import type { CommandImpl } from "./types";
import { SIGNAL_NUMBERS, type Signal } from "../types";
import { complain } from "./util";

export const kill: CommandImpl = function* (c) {
  let sig: Signal = "TERM";
  let args = c.args;
  if (args[0] === "-l") {
    c.io.out("HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM\n");
    return 0;
  }
  const pick = (s: string): Signal | null => {
    const up = s.toUpperCase().replace(/^SIG/, "");
    if (up in SIGNAL_NUMBERS) return up as Signal;
    const byNum = (Object.entries(SIGNAL_NUMBERS) as [Signal, number][]).find(([, n]) => String(n) === up);
    return byNum ? byNum[0] : null;
  };
  if (args[0] === "-s" && args[1]) {
    const s = pick(args[1]);
    if (!s) { complain(c, `bad signal name '${args[1]}'`); return 1; }
    sig = s;
    args = args.slice(2);
  } else if (args[0]?.startsWith("-") && args[0].length > 1) {
    const s = pick(args[0].slice(1));
    if (!s) { complain(c, `bad signal name '${args[0].slice(1)}'`); return 1; }
    sig = s;
    args = args.slice(1);
  }
  if (args.length === 0) {
    c.io.err(c.flavor === "gnu" ? "kill: not enough arguments\n" : "BusyBox v1.36.1 multi-call binary.\n\nUsage: kill [-l] [-SIG] PID...\n");
    return 1;
  }
  let status = 0;
  for (const a of args) {
    const pid = Number(a);
    if (!Number.isInteger(pid) || !c.proc.kill(pid, SIGNAL_NUMBERS[sig])) {
      complain(c, c.flavor === "gnu" ? `(${a}) - No such process` : `can't kill pid ${a}: No such process`);
      status = 1;
    }
  }
  return status;
};

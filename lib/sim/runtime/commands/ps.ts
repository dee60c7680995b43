// ps: busybox's `PID USER TIME COMMAND` table, or procps' default / `-ef` / `aux` formats.
import type { CommandImpl } from "./types";
import type { ProcessInfo } from "../types";
import { strftime } from "../civil-time";

export const ps: CommandImpl = function* (c) {
  const listed: ProcessInfo[] = [...c.proc.processes()];
  for (const j of c.host.jobs()) if (!listed.some((p) => p.pid === j.pid)) listed.push({ pid: j.pid, user: "root", command: j.command, startedAt: j.startedAt });
  const self: ProcessInfo = { pid: Math.max(c.proc.pid, ...listed.map((p) => p.pid)) + 1, user: "root", command: ["ps", ...c.args].join(" "), startedAt: c.proc.now() };
  const all = [...listed, self].sort((a, b) => a.pid - b.pid);
  const now = c.proc.now();
  const cpuTime = (p: ProcessInfo) => {
    const s = Math.floor(Math.max(0, now - p.startedAt) / 1000 / 600);
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  };
  if (c.flavor === "busybox") {
    c.io.out("PID   USER     TIME  COMMAND\n");
    for (const p of all) c.io.out(`${String(p.pid).padStart(5)} ${p.user.padEnd(8).slice(0, 8)} ${cpuTime(p).padStart(5)} ${p.command}\n`);
    return 0;
  }
  const flags = c.args.join(" ");
  if (/\baux\b|-aux|\bax\b/.test(flags)) {
    c.io.out("USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n");
    for (const p of all) c.io.out(`${p.user.padEnd(8)} ${String(p.pid).padStart(7)}  0.0  0.0   2484  1024 ?        ${p === self ? "R+" : "Ss"}   ${strftime("%H:%M", p.startedAt)}   ${cpuTime(p)} ${p.command}\n`);
    return 0;
  }
  if (/-e|-A/.test(flags)) {
    c.io.out(`UID          PID    PPID  C STIME TTY          TIME CMD\n`);
    for (const p of all) c.io.out(`${p.user.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.pid === 1 ? 0 : p === self ? c.proc.pid : 0).padStart(7)}  0 ${strftime("%H:%M", p.startedAt)} ?        00:00:00 ${p.command}\n`);
    return 0;
  }
  c.io.out("    PID TTY          TIME CMD\n");
  for (const p of all) c.io.out(`${String(p.pid).padStart(7)} ?        00:00:00 ${p.command.split(" ")[0].split("/").pop()}\n`);
  return 0;
};

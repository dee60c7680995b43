// stress 1.0.4 (polinux/stress, progrium/stress): --vm N --vm-bytes SIZE [--vm-hang S] allocates memory
// (reported through setMemoryUsage so the kubelet can OOM-kill), --cpu N burns N cores, --timeout ends it.
// vish/stress (-cpus N, -mem-total SIZE) is the Kubernetes CPU-limit docs' variant.
import type { CommandImpl } from "./types";
import { parseDuration } from "./util";

export function parseSize(s: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([bBkKmMgG]?)[iI]?[bB]?$/.exec(s);
  if (!m) return null;
  const mult = { "": 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as ""];
  return Math.round(Number(m[1]) * mult);
}

export const stress: CommandImpl = function* (c) {
  const opts: Record<string, string> = {};
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i];
    const short: Record<string, string> = { "-c": "--cpu", "-i": "--io", "-m": "--vm", "-d": "--hdd", "-t": "--timeout", "-v": "--verbose", "-q": "--quiet" };
    const key = short[a] ?? a;
    if (key === "--verbose" || key === "--quiet" || key === "--vm-keep" || key === "--dry-run") { opts[key] = "1"; continue; }
    if (key === "--help" || key === "-?") { opts["--help"] = "1"; continue; }
    if (key.startsWith("--")) { opts[key] = c.args[++i] ?? ""; continue; }
  }
  if (opts["--help"] || Object.keys(opts).length === 0 || (!opts["--cpu"] && !opts["--vm"] && !opts["--io"] && !opts["--hdd"])) {
    c.io.out("`stress' imposes certain types of compute stress on your system\n\nUsage: stress [OPTION [ARG]] ...\n -?, --help         show this help statement\n     --version      show version statement\n -v, --verbose      be verbose\n -q, --quiet        be quiet\n -n, --dry-run      show what would have been done\n -t, --timeout N    timeout after N seconds\n     --backoff N    wait factor of N microseconds before work starts\n -c, --cpu N        spawn N workers spinning on sqrt()\n -i, --io N         spawn N workers spinning on sync()\n -m, --vm N         spawn N workers spinning on malloc()/free()\n     --vm-bytes B   malloc B bytes per vm worker (default is 256MB)\n     --vm-stride B  touch a byte every B bytes (default is 4096)\n     --vm-hang N    sleep N secs before free (default none, 0 is inf)\n     --vm-keep      redirty memory instead of freeing and reallocating\n -d, --hdd N        spawn N workers spinning on write()/unlink()\n     --hdd-bytes B  write B bytes per hdd worker (default is 1GB)\n\nExample: stress --cpu 8 --io 4 --vm 2 --vm-bytes 128M --timeout 10s\n\nNote: Numbers may be suffixed with s,m,h,d,y (time) or B,K,M,G (size).\n");
    return opts["--help"] ? 0 : 1;
  }
  const cpu = Number(opts["--cpu"] ?? 0);
  const io = Number(opts["--io"] ?? 0);
  const vm = Number(opts["--vm"] ?? 0);
  const hdd = Number(opts["--hdd"] ?? 0);
  const vmBytes = opts["--vm-bytes"] !== undefined ? parseSize(opts["--vm-bytes"]) : 256 * 1024 * 1024;
  if (vmBytes === null) {
    c.io.err(`stress: FAIL: [1] (${"466"}) invalid number: ${opts["--vm-bytes"]}\n`);
    return 1;
  }
  c.io.out(`stress: info: [${c.proc.pid}] dispatching hogs: ${cpu} cpu, ${io} io, ${vm} vm, ${hdd} hdd\n`);
  if (opts["--verbose"]) {
    for (let i = 0; i < vm; i++) c.io.out(`stress: dbug: [${c.proc.pid}] using backoff sleep of ${3000 * (cpu + io + vm + hdd)}us\nstress: dbug: [${c.proc.pid + 1 + i}] allocating ${vmBytes} bytes ...\n`);
  }
  // Each vm worker holds its allocation; a little overhead per worker process.
  c.proc.setMemoryUsage(vm * vmBytes + (vm + cpu + io + hdd + 1) * 400 * 1024);
  c.proc.setCpuUsage(cpu * 1000 + io * 50 + (vm > 0 && !opts["--vm-hang"] ? vm * 1000 : 0));
  const timeoutMs = opts["--timeout"] ? parseDuration(opts["--timeout"]) : null;
  if (timeoutMs !== null && timeoutMs !== Infinity) {
    yield { kind: "sleep", ms: timeoutMs };
    c.proc.setMemoryUsage(0);
    c.proc.setCpuUsage(0);
    c.io.out(`stress: info: [${c.proc.pid}] successful run completed in ${Math.round(timeoutMs / 1000)}s\n`);
    return 0;
  }
  for (;;) yield { kind: "wait" };
};

export const vishStress: CommandImpl = function* (c) {
  let cpus = 0;
  let mem = 0;
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i].replace(/^--?/, "");
    if (a === "cpus") cpus = Number(c.args[++i]);
    else if (a.startsWith("cpus=")) cpus = Number(a.slice(5));
    else if (a === "mem-total") mem = parseSize(c.args[++i] ?? "0") ?? 0;
    else if (a.startsWith("mem-total=")) mem = parseSize(a.slice(10)) ?? 0;
  }
  c.io.err(`I1123 00:00:00.000000       1 main.go:26] Allocating "${mem}" memory, in "4Ki" chunks, with a 1ms sleep between allocations\nI1123 00:00:00.000000       1 main.go:39] Spawning a thread to consume CPU\n`);
  c.proc.setCpuUsage(cpus * 1000);
  c.proc.setMemoryUsage(mem + 2 * 1024 * 1024);
  for (;;) yield { kind: "wait" };
};

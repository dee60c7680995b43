// redis-server (port 6379, its start-up banner, SIGTERM → "Redis is now ready to exit, bye bye..."),
// redis-cli ping/set/get, and the image's docker-entrypoint.sh.
import type { CommandImpl } from "./types";
import { runDaemon } from "./daemon";
import { strftime } from "../civil-time";
import { resolveHost } from "./net-util";

export const redisServer: CommandImpl = function* (c) {
  const version = c.image.versions.redis || "7.4.1";
  const portArg = c.args.indexOf("--port");
  const port = portArg !== -1 ? Number(c.args[portArg + 1]) : 6379;
  const pid = c.proc.pid;
  const ts = (role: string) => `${pid}:${role} ${strftime("%d %b %Y %H:%M:%S", c.proc.now())}.${String(c.proc.now() % 1000).padStart(3, "0")}`;
  const log = (role: string, mark: string, msg: string) => c.io.out(`${ts(role)} ${mark} ${msg}\n`);
  log("C", "#", "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.");
  log("C", "*", "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
  log("C", "*", `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=${pid}, just started`);
  if (c.args.length === 0 || c.args[0].startsWith("--")) log("C", "#", "Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf");
  log("M", "*", "monotonic clock: POSIX clock_gettime");
  log("M", "*", `Running mode=standalone, port=${port}.`);
  log("M", "*", "Server initialized");
  log("M", "*", "Ready to accept connections tcp");
  c.proc.setMemoryUsage(3 * 1024 * 1024);
  return yield* runDaemon(c, {
    ports: [{ port, handler: { tcp: () => ({ banner: "+PONG\r\n" }) } }],
    bindError: (p) => {
      log("M", "#", `Warning: Could not create server TCP listening socket *:${p}: bind: Address already in use`);
      log("M", "#", `Failed listening on port ${p} (tcp), aborting.`);
      return 1;
    },
    onSignal: (sig) => {
      if (sig === "HUP") return null;
      log("M", "#", `Received SIG${sig} scheduling shutdown...`);
      log("M", "*", "User requested shutdown...");
      log("M", "*", "Saving the final RDB snapshot before exiting.");
      log("M", "*", "DB saved on disk");
      log("M", "#", "Redis is now ready to exit, bye bye...");
      return 0;
    },
  });
};

export const redisCli: CommandImpl = function* (c) {
  let host = "127.0.0.1";
  let port = 6379;
  const rest: string[] = [];
  for (let i = 0; i < c.args.length; i++) {
    if (c.args[i] === "-h") host = c.args[++i];
    else if (c.args[i] === "-p") port = Number(c.args[++i]);
    else rest.push(c.args[i]);
  }
  const res = resolveHost(c.proc, host);
  const r = res.kind === "ok" ? c.proc.net.tcp(res.ip, port) : null;
  if (!r || r.kind !== "ok") {
    c.io.err(`Could not connect to Redis at ${host}:${port}: ${res.kind === "nxdomain" ? "Name or service not known" : "Connection refused"}\n`);
    return 1;
  }
  const cmd = (rest[0] ?? "ping").toLowerCase();
  c.io.out(cmd === "ping" ? "PONG\n" : cmd === "set" ? "OK\n" : cmd === "get" ? "(nil)\n" : "OK\n");
  return 0;
};

/** docker-entrypoint.sh of the redis image: drops privileges and execs; `-foo` args are redis-server's. */
export const redisEntrypoint: CommandImpl = function* (c) {
  const args = c.args.length && c.args[0].startsWith("-") ? ["redis-server", ...c.args] : c.args;
  if (args.length === 0) return 0;
  return yield* c.exec(args);
};

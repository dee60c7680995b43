// /docker-entrypoint.sh of the official nginx image (1.19+): logs its configuration steps when the command
// is nginx, reports what 10-listen-on-ipv6-by-default.sh does to default.conf, then execs the command.
import type { CommandImpl } from "./types";
import { NGINX_DEFAULT_CONF } from "../image-catalog/nginx";

export const nginxEntrypoint: CommandImpl = function* (c) {
  const cmd = c.args[0];
  const fs = c.proc.fs;
  if ((cmd === "nginx" || cmd === "nginx-debug") && !c.env.NGINX_ENTRYPOINT_QUIET_LOGS) {
    const log = (t: string) => c.io.out(`${t}\n`);
    const dir = fs.readdir("/docker-entrypoint.d");
    const scripts = dir.ok ? dir.value.filter((n) => n.endsWith(".sh") || n.endsWith(".envsh")) : [];
    if (scripts.length === 0) log("/docker-entrypoint.sh: No files found in /docker-entrypoint.d/, skipping configuration");
    else {
      log("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
      log("/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/");
      for (const s of scripts) {
        if (s.endsWith(".envsh")) { log(`/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/${s}`); continue; }
        log(`/docker-entrypoint.sh: Launching /docker-entrypoint.d/${s}`);
        if (s.startsWith("10-listen-on-ipv6")) {
          const file = "/etc/nginx/conf.d/default.conf";
          const st = fs.stat(file);
          const tag = "10-listen-on-ipv6-by-default.sh: info:";
          if (!st.ok) log(`${tag} ${file} is not a file or does not exist`);
          else if (st.value.readOnly) log(`${tag} can not modify ${file} (read-only file system?)`);
          else {
            log(`${tag} Getting the checksum of ${file}`);
            const content = fs.readFile(file);
            if (content.ok && content.value === NGINX_DEFAULT_CONF) log(`${tag} Enabled listen on IPv6 in ${file}`);
            else log(`${tag} ${file} differs from the packaged version`);
          }
        }
      }
      log("/docker-entrypoint.sh: Configuration complete; ready for start up");
    }
  }
  if (c.args.length === 0) return 0;
  return yield* c.exec(c.args);
};

// hostname [-i|-s|-f]: the pod's hostname (pod name, or spec.hostname) and IP.
import type { CommandImpl } from "./types";

export const hostname: CommandImpl = function* (c) {
  const flag = c.args[0];
  if (flag === "-i" || flag === "-I") {
    c.io.out(`${c.proc.podIP ?? "127.0.0.1"}${flag === "-I" ? " " : ""}\n`);
    return 0;
  }
  if (flag && !["-s", "-f", "--fqdn", "--short"].includes(flag)) {
    c.io.err(c.flavor === "gnu" ? `hostname: you must be root to change the host name\n` : `hostname: sethostname: Operation not permitted\n`);
    return 1;
  }
  const file = c.proc.fs.readFile("/etc/hostname");
  const name = file.ok && file.value.trim() ? file.value.trim() : c.proc.hostname;
  c.io.out(`${flag === "-s" || flag === "--short" ? name.split(".")[0] : name}\n`);
  return 0;
};

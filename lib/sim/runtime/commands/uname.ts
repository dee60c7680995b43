// uname [-a|-r|-m|-n|-s]: the node's kernel (a typical kind node on Linux 6.x).
import type { CommandImpl } from "./types";

export const KERNEL_RELEASE = "6.8.0-49-generic";

export const uname: CommandImpl = function* (c) {
  const node = c.proc.hostname;
  const parts: Record<string, string> = { s: "Linux", n: node, r: KERNEL_RELEASE, v: "#49-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov  4 02:06:24 UTC 2024", m: "x86_64", o: "GNU/Linux" };
  const flags = c.args.join("").replace(/-/g, "");
  if (flags.includes("a")) {
    c.io.out(`Linux ${node} ${parts.r} ${parts.v} x86_64 ${c.flavor === "gnu" ? "x86_64 x86_64 " : ""}GNU/Linux\n`);
    return 0;
  }
  const order = "snrvmo";
  const chosen = order.split("").filter((k) => flags.includes(k));
  c.io.out(`${(chosen.length ? chosen : ["s"]).map((k) => parts[k]).join(" ")}\n`);
  return 0;
};

export const nproc: CommandImpl = function* (c) {
  c.io.out("4\n");
  return 0;
};

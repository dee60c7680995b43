// node: `node app.js` of luksa/kubia (the "Kubernetes in Action" app: "You've hit <hostname>" on 8080),
// a plain `node` with no TTY (reads an empty stdin and exits 0), and the node image's entrypoint.
import type { CommandImpl } from "./types";
import { runDaemon, text } from "./daemon";
import { absolute } from "./types";

export const node: CommandImpl = function* (c) {
  if (c.args[0] === "--version" || c.args[0] === "-v") {
    c.io.out(`v${c.image.versions.node ?? "22.11.0"}\n`);
    return 0;
  }
  if (c.args.length === 0) return 0;
  const script = c.args[0];
  const file = c.proc.fs.readFile(absolute(c, script));
  if (!file.ok) {
    c.io.err(`node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '${absolute(c, script)}'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n    at node:internal/main/run_main_module:28:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${c.image.versions.node ?? "22.11.0"}\n`);
    return 1;
  }
  const kubia = c.image.versions.kubia;
  if (kubia === undefined) {
    // Arbitrary user scripts are not interpreted: a script that is only comments or empty exits cleanly.
    return 0;
  }
  const host = c.proc.hostname;
  let requests = 0;
  c.io.out(kubia === "1.0" ? "Kubia server starting on port 8080.\n" : "Kubia server starting...\n");
  c.proc.setMemoryUsage(9 * 1024 * 1024);
  // Node installs no SIGTERM handler, so as PID 1 it ignores SIGTERM and is SIGKILLed after the grace period.
  return yield* runDaemon(c, {
    ports: [{
      port: 8080,
      handler: {
        http: (req) => {
          requests++;
          const from = `::ffff:${req.clientIP ?? "10.244.0.1"}`;
          c.io.out(kubia === "1.0" ? `Received request for ${req.path} from ${from}\n` : `Received request from ${from}\n`);
          if (kubia === "v3" && requests > 5) return text(500, `Some internal error has occurred! This is pod ${host}\n`);
          if (kubia === "v2") return text(200, `This is v2 running in pod ${host}\n`);
          if (kubia === "v3") return text(200, `This is v3 running in pod ${host}\n`);
          if (kubia === "1.0") return text(200, `Hey there, this is ${host}. Your IP is ${from}.\n`);
          return text(200, `You've hit ${host}\n`);
        },
      },
    }],
  });
};

/** docker-entrypoint.sh of the node image: `-flag` or a non-command first arg means "node …". */
export const nodeEntrypoint: CommandImpl = function* (c) {
  if (c.args.length === 0) return 0;
  const first = c.args[0];
  const found = c.host.lookup(first, c.env.PATH ?? "", c.cwd);
  const args = first.startsWith("-") || (found.kind !== "program" && found.kind !== "script") ? ["node", ...c.args] : c.args;
  return yield* c.exec(args);
};

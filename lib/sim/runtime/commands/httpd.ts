// Apache httpd (httpd-foreground): serves htdocs, logs the AH00558/AH00489/AH00094 start-up lines and
// Common Log Format access lines; SIGWINCH is its graceful stop (the image's STOPSIGNAL), TERM stops it.
import type { CommandImpl } from "./types";
import { runDaemon, text } from "./daemon";
import { strftime } from "../civil-time";

export const httpd: CommandImpl = function* (c) {
  const version = c.image.versions.httpd || "2.4.62";
  const ip = c.proc.podIP ?? "127.0.0.1";
  const stamp = () => `${strftime("%a %b %d %H:%M:%S", c.proc.now())}.${String((c.proc.now() % 1000) * 1000).padStart(6, "0")} ${strftime("%Y", c.proc.now())}`;
  c.io.err(`AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`.repeat(2));
  c.io.err(`[${stamp()}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${version} (Unix) configured -- resuming normal operations\n`);
  c.io.err(`[${stamp()}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'\n`);
  const root = "/usr/local/apache2/htdocs";
  return yield* runDaemon(c, {
    ports: [{
      port: 80,
      handler: {
        http: (req) => {
          const path = req.path.split("?")[0];
          const file = c.proc.fs.readFile(`${root}${path.endsWith("/") ? `${path}index.html` : path}`);
          const res = file.ok
            ? text(200, file.value, "text/html")
            : text(404, `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n`, "text/html; charset=iso-8859-1");
          c.io.out(`${req.clientIP ?? "10.244.0.1"} - - [${strftime("%d/%b/%Y:%H:%M:%S +0000", c.proc.now())}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${res.body.length}\n`);
          return { ...res, headers: { ...res.headers, Server: `Apache/${version} (Unix)` } };
        },
      },
    }],
    onSignal: (sig) => {
      if (sig === "HUP") return null;
      c.io.err(`[${stamp()}] [mpm_event:notice] [pid 1:tid 1] AH00491: caught SIGTERM, shutting down\n`);
      return 0;
    },
  });
};

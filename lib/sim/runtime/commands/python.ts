// python3: `python -m http.server [PORT]` (directory listings and files from the working directory; its
// "Serving HTTP" line only appears with PYTHONUNBUFFERED, because stdout is block-buffered without a TTY),
// `python --version`, and a bare `python3` that reads an empty stdin and exits 0.
import type { CommandImpl } from "./types";
import { runDaemon, text } from "./daemon";
import { strftime } from "../civil-time";

export const python: CommandImpl = function* (c) {
  const version = c.image.versions.python ?? "3.13.0";
  if (c.args[0] === "--version" || c.args[0] === "-V") {
    c.io.out(`Python ${version}\n`);
    return 0;
  }
  if (c.args[0] === "-c") {
    const code = c.args[1] ?? "";
    const m = /^\s*print\((["'])(.*)\1\)\s*$/.exec(code);
    if (m) {
      c.io.out(`${m[2]}\n`);
      return 0;
    }
    c.io.err(`  File "<string>", line 1\n    ${code}\n    ^\nSyntaxError: kubedrill's python only evaluates print("…")\n`);
    return 1;
  }
  if (c.args[0] === "-m" && c.args[1] === "http.server") {
    const port = Number(c.args[2] ?? 8000);
    if (!c.env.PYTHONUNBUFFERED) {
      // Nothing reaches the log until the buffer fills: the classic "my Python pod logs nothing".
    } else c.io.out(`Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`);
    const root = c.cwd;
    return yield* runDaemon(c, {
      ports: [{
        port,
        handler: {
          http: (req) => {
            const path = decodeURIComponent(req.path.split("?")[0]);
            const full = `${root === "/" ? "" : root}${path}`;
            const st = c.proc.fs.stat(full);
            let res;
            if (st.ok && st.value.node.kind === "dir") {
              const idx = c.proc.fs.readFile(`${full.replace(/\/$/, "")}/index.html`);
              if (idx.ok) res = text(200, idx.value, "text/html");
              else {
                const names = c.proc.fs.readdir(full);
                const items = (names.ok ? names.value : []).map((n) => `<li><a href="${n}">${n}</a></li>`).join("\n");
                res = text(200, `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for ${path}</title>\n</head>\n<body>\n<h1>Directory listing for ${path}</h1>\n<hr>\n<ul>\n${items}\n</ul>\n<hr>\n</body>\n</html>\n`, "text/html; charset=utf-8");
              }
            } else if (st.ok) {
              const f = c.proc.fs.readFile(full);
              res = text(200, f.ok ? f.value : "", "application/octet-stream");
            } else res = text(404, `<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n    </body>\n</html>\n`, "text/html;charset=utf-8");
            c.io.err(`${req.clientIP ?? "10.244.0.1"} - - [${strftime("%d/%b/%Y %H:%M:%S", c.proc.now())}] ${res.status === 200 ? "" : `code ${res.status}, message File not found\n${req.clientIP ?? "10.244.0.1"} - - [${strftime("%d/%b/%Y %H:%M:%S", c.proc.now())}] `}"${req.method} ${req.path} HTTP/1.1" ${res.status} -\n`);
            return { ...res, headers: { ...res.headers, Server: `SimpleHTTP/0.6 Python/${version}` } };
          },
        },
      }],
      bindError: () => {
        c.io.err("OSError: [Errno 98] Address already in use\n");
        return 1;
      },
      onSignal: (sig) => (sig === "INT" ? 130 : null),
    });
  }
  if (c.args.length === 0) return 0;
  const script = c.args[0];
  if (!c.proc.fs.exists(script.startsWith("/") ? script : `${c.cwd}/${script}`)) {
    c.io.err(`python3: can't open file '${script.startsWith("/") ? script : `${c.cwd === "/" ? "" : c.cwd}/${script}`}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  return 0;
};

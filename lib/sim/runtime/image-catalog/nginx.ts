// docker.io/library/nginx: configs and pages copied from the official image (nginxinc/docker-nginx).
import type { ImageBuild, ImageSpec } from "../images";
import type { LayerEntry } from "../vfs";
import { alpineRoot, debianRoot, DEFAULT_PATH, MB, programs, pullMsFor } from "./base";

export const NGINX_WELCOME_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export const NGINX_50X_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

export const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

export const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

const MIME_TYPES = `
types {
    text/html                                        html htm shtml;
    text/css                                         css;
    text/xml                                         xml;
    image/gif                                        gif;
    image/jpeg                                       jpeg jpg;
    application/javascript                           js;
    text/plain                                       txt;
    image/png                                        png;
    image/svg+xml                                    svg svgz;
    application/json                                 json;
}
`;

/** tag → [nginx version, Debian codename]. */
const VERSIONS: Record<string, [string, string]> = {
  latest: ["1.27.3", "bookworm"], mainline: ["1.27.3", "bookworm"], "1.27": ["1.27.3", "bookworm"], "1.27.3": ["1.27.3", "bookworm"],
  stable: ["1.26.2", "bookworm"], "1.26": ["1.26.2", "bookworm"], "1.26.2": ["1.26.2", "bookworm"],
  "1.25": ["1.25.5", "bookworm"], "1.25.5": ["1.25.5", "bookworm"], "1.25.3": ["1.25.3", "bookworm"],
  "1.24": ["1.24.0", "bullseye"], "1.24.0": ["1.24.0", "bullseye"], "1.23": ["1.23.4", "bullseye"], "1.23.4": ["1.23.4", "bullseye"],
  "1.22": ["1.22.1", "bullseye"], "1.22.1": ["1.22.1", "bullseye"], "1.21": ["1.21.6", "bullseye"], "1.21.6": ["1.21.6", "bullseye"],
  "1.20": ["1.20.2", "bullseye"], "1.20.2": ["1.20.2", "bullseye"], "1.19": ["1.19.10", "buster"], "1.19.10": ["1.19.10", "buster"],
  "1.18": ["1.18.0", "buster"], "1.18.0": ["1.18.0", "buster"], "1.17": ["1.17.10", "buster"], "1.17.10": ["1.17.10", "buster"],
  "1.16": ["1.16.1", "buster"], "1.16.1": ["1.16.1", "buster"], "1.15": ["1.15.12", "stretch"], "1.15.12": ["1.15.12", "stretch"],
  "1.14": ["1.14.2", "stretch"], "1.14.2": ["1.14.2", "stretch"], "1.13": ["1.13.12", "stretch"], "1.12": ["1.12.2", "stretch"],
  "1.11": ["1.11.13", "jessie"], "1.10": ["1.10.3", "jessie"], "1.9": ["1.9.15", "jessie"], "1.9.1": ["1.9.1", "jessie"], "1.9.0": ["1.9.0", "jessie"],
  "1.7.9": ["1.7.9", "wheezy"],
};
const ALPINE_FOR: Record<string, string> = { bookworm: "3.20", bullseye: "3.17", buster: "3.13", stretch: "3.9", jessie: "3.4", wheezy: "3.4" };

const versionAtLeast = (v: string, major: number, minor: number) => {
  const [a, b] = v.split(".").map(Number);
  return a > major || (a === major && b >= minor);
};

function nginxFiles(version: string): LayerEntry[] {
  const modern = versionAtLeast(version, 1, 19);
  return [
    { path: "/usr/sbin/nginx", kind: "file", data: "", mode: 0o755, program: "nginx", size: 1_422_968 },
    { path: "/etc/nginx/nginx.conf", kind: "file", data: NGINX_CONF },
    { path: "/etc/nginx/conf.d/default.conf", kind: "file", data: NGINX_DEFAULT_CONF },
    { path: "/etc/nginx/mime.types", kind: "file", data: MIME_TYPES },
    { path: "/usr/share/nginx/html/index.html", kind: "file", data: NGINX_WELCOME_PAGE },
    { path: "/usr/share/nginx/html/50x.html", kind: "file", data: NGINX_50X_PAGE },
    { path: "/var/log/nginx/access.log", kind: "symlink", target: "/dev/stdout" },
    { path: "/var/log/nginx/error.log", kind: "symlink", target: "/dev/stderr" },
    { path: "/var/cache/nginx", kind: "dir" },
    ...(modern
      ? ([
          { path: "/docker-entrypoint.sh", kind: "file", data: "", mode: 0o755, program: "nginx-entrypoint", size: 1620 },
          { path: "/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh", kind: "file", data: "#!/bin/sh\n", mode: 0o755 },
          { path: "/docker-entrypoint.d/20-envsubst-on-templates.sh", kind: "file", data: "#!/bin/sh\n", mode: 0o755 },
          { path: "/docker-entrypoint.d/30-tune-worker-processes.sh", kind: "file", data: "#!/bin/sh\n", mode: 0o755 },
          ...programs("/usr/bin", ["curl"], 276_152),
        ] satisfies LayerEntry[])
      : []),
  ];
}

function buildNginx(tag: string): ImageBuild {
  const alpine = tag.endsWith("-alpine") || tag === "alpine";
  const base = alpine ? (tag === "alpine" ? "latest" : tag.slice(0, -"-alpine".length)) : tag;
  const [version, codename] = VERSIONS[base] ?? VERSIONS.latest;
  const modern = versionAtLeast(version, 1, 19);
  const sizeBytes = Math.round((alpine ? 20.5 : versionAtLeast(version, 1, 25) ? 72.1 : 54.6) * MB);
  const env = [DEFAULT_PATH, `NGINX_VERSION=${version}`];
  if (modern) env.push(alpine ? "PKG_RELEASE=1" : `PKG_RELEASE=1~${codename}`);
  else env.push(`NJS_VERSION=1.${version}.0.2.0-1~${codename}`);
  return {
    config: {
      entrypoint: modern ? ["/docker-entrypoint.sh"] : null,
      cmd: ["nginx", "-g", "daemon off;"],
      env,
      workingDir: "",
      user: "",
      exposedPorts: ["80/tcp"],
      stopSignal: modern ? "SIGQUIT" : "SIGTERM",
      labels: { maintainer: "NGINX Docker Maintainers <docker-maint@nginx.com>" },
    },
    shell: alpine ? "ash" : "dash",
    versions: { nginx: version, busybox: alpine ? "1.36.1" : "", curl: alpine ? "8.9.1" : codename === "bookworm" ? "7.88.1" : "7.74.0" },
    files: [
      ...(alpine ? alpineRoot(ALPINE_FOR[codename] ?? "3.20") : debianRoot(codename)),
      ...nginxFiles(version),
      ...(alpine && modern ? programs("/usr/bin", ["curl"], 251_088) : []),
    ],
    sizeBytes,
    pullMs: pullMsFor(sizeBytes),
  };
}

export const NGINX: ImageSpec = {
  repository: "docker.io/library/nginx",
  tags: [...Object.keys(VERSIONS), ...Object.keys(VERSIONS).map((t) => (t === "latest" ? "alpine" : `${t}-alpine`))],
  build: buildNginx,
};

/**
 * dotbalo/canary (v1, v2): the rollout-demo image of the notes. Its exact content is not documented
 * upstream; it is modelled as an nginx image whose page names its version, which is all the rollout
 * lessons (set image, history, undo) observe.
 */
export const DOTBALO_CANARY: ImageSpec = {
  repository: "docker.io/dotbalo/canary",
  tags: ["v1", "v2"],
  build: (tag) => {
    const b = buildNginx("1.17-alpine");
    return {
      ...b,
      files: [...b.files, { path: "/usr/share/nginx/html/index.html", kind: "file", data: `<h1>canary ${tag}</h1>\n` }],
      sizeBytes: Math.round(8.9 * MB),
      pullMs: pullMsFor(Math.round(8.9 * MB)),
    };
  },
};

import { describe, expect, it } from "vitest";
import { containerArgv, containerEnv, containerWorkingDir } from "./container";
import { resolveImage } from "./images";

const nginx = (() => {
  const r = resolveImage("nginx:1.27");
  if (r.kind !== "ok") throw new Error();
  return r.image;
})();

describe("container process assembly", () => {
  it.each([
    [undefined, undefined, ["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"]],
    [["sh", "-c"], ["echo hi"], ["sh", "-c", "echo hi"]],
    [["sleep"], undefined, ["sleep"]],
    [undefined, ["nginx", "-T"], ["/docker-entrypoint.sh", "nginx", "-T"]],
  ])("command %j args %j", (command, args, want) => expect(containerArgv(nginx, command, args)).toEqual(want));

  it("layers image ENV, HOSTNAME and pod env", () => {
    const env = containerEnv(nginx, "web-1", { NGINX_VERSION: "override", A: "1" });
    expect(env).toMatchObject({ PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", HOSTNAME: "web-1", NGINX_VERSION: "override", A: "1", HOME: "/root" });
  });

  it("chooses the working directory", () => {
    expect(containerWorkingDir(nginx)).toBe("/");
    const httpd = resolveImage("httpd");
    if (httpd.kind !== "ok") throw new Error();
    expect(containerWorkingDir(httpd.image)).toBe("/usr/local/apache2");
    expect(containerWorkingDir(httpd.image, "/tmp")).toBe("/tmp");
  });
});

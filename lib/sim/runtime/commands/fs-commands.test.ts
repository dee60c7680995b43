import { describe, expect, it } from "vitest";
import { runShell } from "../testing";

const bb = (s: string) => runShell("busybox:1.36", s);
const deb = (s: string) => runShell("debian:bookworm", s);

describe("file commands (busybox vs coreutils wording)", () => {
  it("cat", () => {
    expect(bb("echo hi > /tmp/a; cat /tmp/a /tmp/a")).toMatchObject({ out: "hi\nhi\n", code: 0 });
    expect(bb("cat /nope")).toMatchObject({ code: 1, err: "cat: can't open '/nope': No such file or directory\n" });
    expect(deb("cat /nope")).toMatchObject({ code: 1, err: "cat: /nope: No such file or directory\n" });
    expect(bb("printf 'a\\nb\\n' | cat -n").out).toBe("     1\ta\n     2\tb\n");
  });

  it("touch, rm, mkdir, rmdir", () => {
    expect(bb("touch /tmp/x && ls /tmp && rm /tmp/x && ls /tmp").out).toBe("x\n");
    expect(bb("rm /tmp/none")).toMatchObject({ code: 1, err: "rm: can't remove '/tmp/none': No such file or directory\n" });
    expect(deb("rm /tmp/none")).toMatchObject({ code: 1, err: "rm: cannot remove '/tmp/none': No such file or directory\n" });
    expect(bb("rm -f /tmp/none").code).toBe(0);
    expect(bb("mkdir /tmp/d; rm /tmp/d")).toMatchObject({ code: 1, err: "rm: '/tmp/d' is a directory\n" });
    expect(deb("mkdir /tmp/d; rm /tmp/d").err).toBe("rm: cannot remove '/tmp/d': Is a directory\n");
    expect(bb("mkdir -p /a/b/c && rm -rf /a && ls /a")).toMatchObject({ code: 2, err: "ls: /a: No such file or directory\n" });
    expect(deb("ls /a").err).toBe("ls: cannot access '/a': No such file or directory\n");
    expect(bb("mkdir /tmp")).toMatchObject({ code: 1, err: "mkdir: can't create directory '/tmp': File exists\n" });
    expect(deb("mkdir /x/y").err).toBe("mkdir: cannot create directory '/x/y': No such file or directory\n");
    expect(bb("touch /nope/x").err).toBe("touch: /nope/x: No such file or directory\n");
    expect(deb("touch /nope/x").err).toBe("touch: cannot touch '/nope/x': No such file or directory\n");
  });

  it("reports read-only volumes", () => {
    const r = runShell("busybox", "touch /etc/config/new; echo x > /etc/config/k", (ctx) => {
      const vol = ctx.fs.constructor as unknown as new () => typeof ctx.fs;
      const v = new vol();
      v.writeFile("/k", "v");
      ctx.fs.mount("/etc/config", v, { readOnly: true });
    });
    expect(r.err).toBe("touch: /etc/config/new: Read-only file system\nsh: can't create /etc/config/k: Read-only file system\n");
  });

  it("cp, mv, ln -s", () => {
    expect(bb("echo a > /tmp/a; cp /tmp/a /tmp/b; mv /tmp/b /tmp/c; ln -s /tmp/c /tmp/l; cat /tmp/l; ls /tmp").out).toBe("a\na\nc\nl\n");
    expect(bb("cp /nope /tmp").err).toBe("cp: can't stat '/nope': No such file or directory\n");
    expect(bb("mkdir /tmp/d; cp /tmp/d /tmp/e").err).toBe("cp: omitting directory '/tmp/d'\n");
    expect(bb("mkdir -p /tmp/d/s; echo z > /tmp/d/s/f; cp -r /tmp/d /tmp/e; cat /tmp/e/s/f").out).toBe("z\n");
  });

  it("ls -l and -a", () => {
    const r = bb("cd /tmp; echo hello > f; mkdir d; ls -la");
    expect(r.out.split("\n")[0]).toBe("total 4");
    expect(r.out).toMatch(/-rw-r--r-- {4}1 root {5}root {13}6 Nov 23 10:00 f\n/);
    expect(r.out).toMatch(/drwxr-xr-x {4}2 root {5}root {10}4096 Nov 23 10:00 d\n/);
    expect(bb("ls /").out.split("\n")).toContain("bin");
    expect(bb("ln -s /etc/passwd /tmp/p; ls -l /tmp/p").out).toMatch(/^lrwxrwxrwx .* \/tmp\/p -> \/etc\/passwd\n$/);
  });

  it("chmod and test -x", () => {
    expect(bb("echo 'echo run' > /tmp/s.sh; /tmp/s.sh; chmod +x /tmp/s.sh; /tmp/s.sh; [ -x /tmp/s.sh ] && echo x").out).toBe("run\nx\n");
    expect(bb("echo 'echo run' > /tmp/s.sh; /tmp/s.sh").err).toBe("sh: /tmp/s.sh: Permission denied\n");
  });

  it("runs shebang scripts with their interpreter and arguments", () => {
    expect(bb("printf '#!/bin/sh\\necho \"args: $@ ($#)\"\\n' > /tmp/t; chmod 755 /tmp/t; /tmp/t a b").out).toBe("args: a b (2)\n");
  });
});

describe("identity and environment", () => {
  it("hostname, id, whoami, pwd, env, printenv", () => {
    expect(bb("hostname; id; whoami; pwd; printenv HOSTNAME; printenv NOPE; echo $?").out).toBe(
      "pod-1\nuid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\nroot\n/\npod-1\n1\n",
    );
    expect(deb("id").out).toBe("uid=0(root) gid=0(root) groups=0(root)\n");
    expect(bb("env | grep ^HOME=").out).toBe("HOME=/root\n");
    expect(bb("env -i A=1 env").out).toBe("A=1\n");
  });

  it("date from the virtual clock, in UTC", () => {
    expect(bb("date; date +%s; date -u +%Y-%m-%dT%H:%M:%SZ; date -d @0 +%F").out).toBe("Mon Nov 23 10:00:00 UTC 2026\n1795428000\n2026-11-23T10:00:00Z\n1970-01-01\n");
  });

  it("uname and which", () => {
    expect(bb("uname; uname -r; which sleep; which nope; echo $?").out).toBe("Linux\n6.8.0-49-generic\n/bin/sleep\n1\n");
  });
});

describe("processes", () => {
  it("ps in busybox format", () => {
    expect(bb("ps").out).toBe("PID   USER     TIME  COMMAND\n    1 root      0:00 sh\n    8 root      0:00 ps\n");
  });
  it("is missing from Debian images", () => {
    expect(deb("ps")).toMatchObject({ code: 127, err: "sh: 1: ps: not found\n" });
  });
  it("kill reports missing processes", () => {
    expect(bb("kill 999").err).toBe("sh: kill: can't kill pid 999: No such process\n");
  });
});

describe("securityContext users", () => {
  it("id shows runAsUser, runAsGroup and fsGroup as the docs do", () => {
    const r = runShell("busybox:1.36", "id; whoami", (ctx) => { ctx.user = { uid: 1000, gid: 3000, groups: [2000] }; });
    expect(r.out).toBe("uid=1000 gid=3000 groups=2000,3000\n");
    expect(r.err).toBe("whoami: unknown uid 1000\n");
  });
});

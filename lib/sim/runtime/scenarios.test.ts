// End-to-end container behaviours CKAD tasks rely on, driven the way the kubelet drives processes.
import { describe, expect, it } from "vitest";
import { resolveImage } from "./images";
import { spawnProcess } from "./process";
import { createTestContext, type TestContext } from "./testing";
import { createVfs, writeAtomicVolume, type Vfs } from "./vfs";
import { containerArgv, containerEnv } from "./container";
import type { Effect, Process } from "./types";

type Running = { p: Process; ctx: TestContext; effect: Effect; due: number };

function launch(ref: string, command: string[] | undefined, args: string[] | undefined, mounts: [string, Vfs, boolean?][], clock: { now: number }, env: Record<string, string> = {}): Running {
  const r = resolveImage(ref);
  if (r.kind !== "ok") throw new Error(ref);
  const ctx = createTestContext(r.image, { env: containerEnv(r.image, "app-pod", env), hostname: "app-pod" });
  ctx.clock = clock;
  ctx.now = () => clock.now;
  for (const [path, vol, ro] of mounts) ctx.fs.mount(path, vol, { readOnly: ro });
  const s = spawnProcess(containerArgv(r.image, command, args), r.image, ctx);
  if (s.kind !== "ok") throw new Error(s.message);
  const effect = s.process.start();
  return { p: s.process, ctx, effect, due: effect.kind === "sleep" ? clock.now + effect.ms : Infinity };
}

/** A two-container event loop: always resume whichever process is due first. */
function run(procs: Running[], clock: { now: number }, until: number): void {
  for (;;) {
    const next = procs.filter((x) => x.effect.kind === "sleep").sort((a, b) => a.due - b.due)[0];
    if (!next || next.due > until) break;
    clock.now = next.due;
    next.effect = next.p.resume();
    next.due = next.effect.kind === "sleep" ? clock.now + next.effect.ms : Infinity;
  }
  clock.now = until;
}

describe("CKAD scenarios", () => {
  it("a logging sidecar tails what the main container appends to a shared emptyDir", () => {
    const clock = { now: 1_795_428_000_000 };
    const logs = createVfs({ now: () => clock.now });
    const main = launch("busybox", ["sh", "-c"], ['i=0; while true; do echo "$i: $(date)" >> /var/log/app.log; i=$((i+1)); sleep 5; done'], [["/var/log", logs]], clock);
    const side = launch("busybox", ["sh", "-c", "tail -n+1 -f /var/log/app.log"], undefined, [["/var/log", logs]], clock);
    run([main, side], clock, clock.now + 12_000);
    expect(side.ctx.stdoutText()).toBe("0: Mon Nov 23 10:00:00 UTC 2026\n1: Mon Nov 23 10:00:05 UTC 2026\n2: Mon Nov 23 10:00:10 UTC 2026\n");
    expect(main.ctx.stdoutText()).toBe("");
  });

  it("reads a mounted ConfigMap and environment from the pod spec", () => {
    const clock = { now: 1_795_428_000_000 };
    const cm = createVfs();
    writeAtomicVolume(cm, { "app.conf": "mode=prod\n" }, { now: clock.now });
    const c = launch("busybox", ["sh", "-c", "cat /etc/app/app.conf; echo $APP_COLOR; ls /etc/app"], undefined, [["/etc/app", cm, true]], clock, { APP_COLOR: "blue" });
    expect(c.effect).toEqual({ kind: "exit", code: 0 });
    expect(c.ctx.stdoutText()).toBe("mode=prod\nblue\napp.conf\n");
  });

  it("an init container writes the page the nginx container serves", () => {
    const clock = { now: 1_795_428_000_000 };
    const html = createVfs({ now: () => clock.now });
    const init = launch("busybox", ["sh", "-c", "echo '<h1>from init</h1>' > /work-dir/index.html"], undefined, [["/work-dir", html]], clock);
    expect(init.effect).toEqual({ kind: "exit", code: 0 });
    const web = launch("nginx:1.27", undefined, undefined, [["/usr/share/nginx/html", html]], clock);
    const res = web.ctx.listeners.get(80)?.http?.({ method: "GET", host: "10.244.1.5", port: 80, path: "/", headers: {} });
    expect(res?.body).toBe("<h1>from init</h1>\n");
  });

  it("undefined $(VAR) references reach the shell as command substitutions", () => {
    const clock = { now: 1_795_428_000_000 };
    const c = launch("busybox", ["sh", "-c", "echo $(MY_POD_NAME)"], undefined, [], clock);
    expect(c.ctx.stderrText()).toBe("sh: MY_POD_NAME: not found\n");
    expect(c.ctx.stdoutText()).toBe("\n");
  });

  it("a postStart-style exec writes into the nginx docroot", () => {
    const clock = { now: 1_795_428_000_000 };
    const web = launch("nginx:1.27", undefined, undefined, [], clock);
    const r = resolveImage("nginx:1.27");
    if (r.kind !== "ok") throw new Error();
    const hook = spawnProcess(["/bin/sh", "-c", "echo  'hello post start' > /usr/share/nginx/html/index.html"], r.image, { ...web.ctx, pid: 40 });
    if (hook.kind !== "ok") throw new Error();
    expect(hook.process.start()).toEqual({ kind: "exit", code: 0 });
    expect(web.ctx.listeners.get(80)?.http?.({ method: "GET", host: "x", port: 80, path: "/", headers: {} }).body).toBe("hello post start\n");
  });
});

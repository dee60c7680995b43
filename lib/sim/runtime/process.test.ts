import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { runToCompletion, spawnProcess } from "./process";
import { resolveImage } from "./images";
import { createTestContext, type TestContext } from "./testing";
import type { Effect, Process, ResolvedImage } from "./types";

function image(ref: string): ResolvedImage {
  const r = resolveImage(ref);
  if (r.kind !== "ok") throw new Error(ref);
  return r.image;
}

/** Drives a PID 1 process the way the kubelet does: start, then resume when its sleeps elapse. */
function boot(ref: string, argv: string[], opts: { env?: Record<string, string> } = {}): { p: Process; ctx: TestContext; effect: Effect; advance(ms: number): Effect } {
  const img = image(ref);
  const ctx = createTestContext(img, { env: opts.env });
  const spawned = spawnProcess(argv, img, ctx);
  if (spawned.kind !== "ok") throw new Error(spawned.message);
  const p = spawned.process;
  const state = { effect: p.start() };
  let due = state.effect.kind === "sleep" ? ctx.clock.now + state.effect.ms : Infinity;
  return {
    p, ctx,
    get effect() { return state.effect; },
    advance(ms: number) {
      const until = ctx.clock.now + ms;
      while (state.effect.kind === "sleep" && due <= until) {
        ctx.clock.now = due;
        state.effect = p.resume();
        due = state.effect.kind === "sleep" ? ctx.clock.now + state.effect.ms : Infinity;
      }
      ctx.clock.now = until;
      return state.effect;
    },
  };
}

describe("a container process on the virtual clock", () => {
  it("runs the liveness-probe docs script through its sleeps", () => {
    const c = boot("busybox", ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]);
    expect(c.effect).toEqual({ kind: "sleep", ms: 30_000 });
    expect(c.ctx.fs.exists("/tmp/healthy")).toBe(true);
    c.advance(29_999);
    expect(c.ctx.fs.exists("/tmp/healthy")).toBe(true);
    expect(c.advance(1)).toEqual({ kind: "sleep", ms: 600_000 });
    expect(c.ctx.fs.exists("/tmp/healthy")).toBe(false);
    expect(c.advance(600_000)).toEqual({ kind: "exit", code: 0 });
  });

  it("blocks on sleep infinity and tail -f /dev/null", () => {
    expect(boot("busybox", ["sleep", "infinity"]).effect).toEqual({ kind: "wait" });
    expect(boot("busybox", ["tail", "-f", "/dev/null"]).effect).toEqual({ kind: "wait" });
  });

  it("accepts sleep suffixes", () => {
    expect(boot("busybox", ["sleep", "1d"]).effect).toEqual({ kind: "sleep", ms: 86_400_000 });
    expect(boot("busybox", ["sleep", "1m", "30s"]).effect).toEqual({ kind: "sleep", ms: 90_000 });
  });

  it("logs a counter loop every second", () => {
    const c = boot("busybox", ["sh", "-c", 'i=0; while true; do echo "$i: $(date +%s)"; i=$((i+1)); sleep 1; done']);
    c.advance(2_000);
    expect(c.ctx.stdoutText()).toBe("0: 1795428000\n1: 1795428001\n2: 1795428002\n");
  });

  it("exits with the script's status", () => {
    expect(boot("busybox", ["sh", "-c", "echo bye; exit 3"]).effect).toEqual({ kind: "exit", code: 3 });
  });
});

describe("PID 1 signal semantics", () => {
  it("sleep as PID 1 ignores SIGTERM (the kubelet waits out the grace period), KILL ends it with 137", () => {
    const c = boot("busybox", ["sleep", "3600"]);
    expect(c.p.signal("TERM")).toBeNull();
    expect(c.p.signal("KILL")).toEqual({ kind: "exit", code: 137 });
  });

  it("sh -c 'a; b' as PID 1 ignores SIGTERM without a trap", () => {
    const c = boot("busybox", ["sh", "-c", "echo start; sleep 3600"]);
    expect(c.p.signal("TERM")).toBeNull();
  });

  it("a trap runs after the foreground command, but interrupts `wait` at once", () => {
    const fg = boot("busybox", ["sh", "-c", "trap 'echo bye; exit 0' TERM; sleep 100"]);
    expect(fg.p.signal("TERM")).toEqual({ kind: "sleep", ms: 100_000 });
    expect(fg.advance(100_000)).toEqual({ kind: "exit", code: 0 });
    expect(fg.ctx.stdoutText()).toBe("bye\n");

    const bg = boot("busybox", ["sh", "-c", "trap 'echo graceful; exit 0' TERM; sleep 3600 & wait"]);
    expect(bg.effect).toEqual({ kind: "sleep", ms: 3_600_000 });
    expect(bg.p.signal("TERM")).toEqual({ kind: "exit", code: 0 });
    expect(bg.ctx.stdoutText()).toBe("graceful\n");
  });

  it("`trap '' TERM` keeps ignoring", () => {
    const c = boot("busybox", ["sh", "-c", "trap '' TERM; sleep 10; echo done"]);
    expect(c.p.signal("TERM")).toBeNull();
    expect(c.advance(10_000)).toEqual({ kind: "exit", code: 0 });
  });

  it("sh -c with a single command execs it, so the command is PID 1 (nginx handles TERM itself)", () => {
    const c = boot("nginx:1.27", ["sh", "-c", "nginx -g 'daemon off;'"]);
    expect(c.effect).toEqual({ kind: "wait" });
    expect(c.ctx.listeners.has(80)).toBe(true);
    expect(c.p.signal("TERM")).toEqual({ kind: "exit", code: 0 });
    expect(c.ctx.listeners.has(80)).toBe(false);
    expect(c.ctx.stderrText()).toContain("[notice] 1#1: signal 15 (SIGTERM) received, exiting");
  });

  it("but `sleep 10; nginx …` keeps sh as PID 1, which ignores TERM", () => {
    const c = boot("nginx:1.27", ["sh", "-c", 'sleep 10; nginx -g "daemon off;"']);
    c.advance(10_000);
    expect(c.ctx.listeners.has(80)).toBe(true);
    expect(c.p.signal("TERM")).toBeNull();
  });

  it("a process that is not PID 1 dies from SIGTERM with 143", () => {
    const img = image("busybox");
    const ctx = createTestContext(img, { pid: 12 });
    const s = spawnProcess(["sleep", "100"], img, ctx);
    if (s.kind !== "ok") throw new Error();
    s.process.start();
    expect(s.process.signal("TERM")).toEqual({ kind: "exit", code: 143 });
  });

  it("kill of a background job ends it", () => {
    expect(runToCompletion(["sh", "-c", "sleep 100 & kill $!; wait $!; echo $?"], image("busybox"), createTestContext(image("busybox"), { pid: 5 })).exitCode).toBe(0);
    const ctx = createTestContext(image("busybox"), { pid: 5 });
    runToCompletion(["sh", "-c", "sleep 100 & kill $!; wait $!; echo $?"], image("busybox"), ctx);
    expect(ctx.stdoutText()).toBe("143\n");
  });
});

describe("spawnProcess errors (containerd wording)", () => {
  it.each([
    [["foo"], 'exec: "foo": executable file not found in $PATH'],
    [["/nope"], 'exec: "/nope": stat /nope: no such file or directory'],
    [["wget", "x"], 'exec: "wget": executable file not found in $PATH'],
  ])("%j", (argv, message) => {
    const img = image(argv[0] === "wget" ? "nginx:1.27" : "busybox");
    expect(spawnProcess(argv, img, createTestContext(img))).toEqual({ kind: "not-found", message });
  });
});

describe("runToCompletion (exec probes, kubectl exec)", () => {
  it("advances a private clock through sleeps", () => {
    const img = image("busybox");
    const ctx = createTestContext(img, { pid: 20 });
    const before = ctx.clock.now;
    expect(runToCompletion(["sh", "-c", "sleep 2; cat /etc/hostname 2>/dev/null; exit 0"], img, ctx)).toEqual({ exitCode: 0, timedOut: false, elapsedMs: 2000 });
    expect(ctx.clock.now).toBe(before);
  });
  it("times out like an exec probe", () => {
    const img = image("busybox");
    expect(runToCompletion(["sleep", "10"], img, createTestContext(img, { pid: 20 }), { timeoutMs: 1000 })).toEqual({ exitCode: 137, timedOut: true, elapsedMs: 1000 });
    expect(runToCompletion(["sleep", "infinity"], img, createTestContext(img, { pid: 20 }), { timeoutMs: 1000 }).timedOut).toBe(true);
  });
  it("reports start errors separately", () => {
    const img = image("nginx");
    expect(runToCompletion(["ps"], img, createTestContext(img, { pid: 20 })).startError).toBe('exec: "ps": executable file not found in $PATH');
  });
  it("runs the exec probe of the docs", () => {
    const img = image("busybox");
    const ctx = createTestContext(img, { pid: 20 });
    expect(runToCompletion(["cat", "/tmp/healthy"], img, ctx).exitCode).toBe(1);
    expect(ctx.stderrText()).toBe("cat: can't open '/tmp/healthy': No such file or directory\n");
    ctx.fs.writeFile("/tmp/healthy", "");
    expect(runToCompletion(["cat", "/tmp/healthy"], img, ctx).exitCode).toBe(0);
  });
});

describe("robustness", () => {
  it("never throws and always finishes within its budget on random input", () => {
    const img = image("busybox");
    const alphabet = fc.constantFrom(
      "echo ", "a", "$", "(", ")", "{", "}", "'", '"', "`", "|", "&", ";", "<", ">", "*", "?", "[", "]", "\\", "\n", " ",
      "if ", "then ", "fi", "while ", "do ", "done", "for ", "in ", "case ", "esac", "$((", "))", "${", ":-", "#", "=", "1", "x",
      "sleep 1", "cat ", "/tmp", "true", "false", "exit ", "break", "f()", "&&", "||", "<<E\n", "E\n", "trap ", "wait", "!",
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join("")), (script) => {
        const ctx = createTestContext(img, { pid: 30 });
        const r = runToCompletion(["sh", "-c", script], img, ctx, { timeoutMs: 60_000, maxSteps: 50_000 });
        return Number.isInteger(r.exitCode) && r.elapsedMs <= 60_000;
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });
});

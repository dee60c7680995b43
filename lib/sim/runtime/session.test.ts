import { describe, expect, it } from "vitest";
import { openShellSession } from "./session";
import { resolveImage } from "./images";
import { createTestContext } from "./testing";

function open(ref: string, argv = ["sh"]) {
  const r = resolveImage(ref);
  if (r.kind !== "ok") throw new Error(ref);
  const ctx = createTestContext(r.image, { pid: 15 });
  const s = openShellSession(argv, r.image, ctx);
  if (s.kind !== "ok") throw new Error(s.message);
  return { s: s.session, ctx };
}

describe("interactive shell sessions (kubectl exec -it)", () => {
  it("keeps variables and the working directory between lines", () => {
    const { s, ctx } = open("busybox");
    expect(s.prompt()).toBe("/ # ");
    s.run("cd /tmp; X=42");
    expect(s.prompt()).toBe("/tmp # ");
    s.run("echo $X $PWD");
    expect(ctx.stdoutText()).toBe("42 /tmp\n");
    expect(s.run("false").exitCode).toBe(1);
    expect(s.run("exit 3")).toMatchObject({ exitCode: 3, exited: true });
    expect(s.exited).toBe(true);
  });

  it("prompts like dash and bash", () => {
    expect(open("debian").s.prompt()).toBe("# ");
    expect(open("debian", ["bash"]).s.prompt()).toBe("root@pod-1:/# ");
  });

  it("times out a blocking line without ending the session", () => {
    const { s } = open("busybox");
    expect(s.run("sleep infinity", { timeoutMs: 1000 })).toMatchObject({ timedOut: true, exited: false });
    expect(s.run("echo still here").exitCode).toBe(0);
  });

  it("refuses shells the image lacks", () => {
    const r = resolveImage("busybox");
    if (r.kind !== "ok") throw new Error();
    expect(openShellSession(["bash"], r.image, createTestContext(r.image))).toEqual({ kind: "not-found", message: 'exec: "bash": executable file not found in $PATH' });
  });
});

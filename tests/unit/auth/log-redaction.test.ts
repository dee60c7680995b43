// Structured logs: one JSON object per line, filtered by LOG_LEVEL, with secrets never written.
import { afterEach, describe, expect, it, vi } from "vitest";
import { log, redact } from "@/lib/log";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

function captureStdout(): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

describe("lib/log", () => {
  it("writes level, time, msg and fields as one JSON line", () => {
    const lines = captureStdout();
    log.info("sign-in failed", { ip: "192.0.2.1", failures: 3 });
    expect(lines).toHaveLength(1);
    expect(lines[0].endsWith("\n")).toBe(true);
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: "info", msg: "sign-in failed", ip: "192.0.2.1", failures: 3 });
    expect(new Date(entry.time).toISOString()).toBe(entry.time);
  });

  it("drops lines below LOG_LEVEL", () => {
    vi.stubEnv("LOG_LEVEL", "warn");
    const lines = captureStdout();
    log.debug("d");
    log.info("i");
    log.warn("w");
    log.error("e");
    expect(lines.map((line) => JSON.parse(line).level)).toEqual(["warn", "error"]);
  });

  it("redacts secret-looking fields at any depth and flattens errors", () => {
    expect(
      redact({
        password: "hunter2hunter2",
        passwordHash: "$argon2id$…",
        nested: { NEXTAUTH_SECRET: "s", sessionToken: "t", headers: { cookie: "c", Authorization: "Bearer x" }, ok: 1 },
        list: [{ token: "x" }],
      }),
    ).toEqual({
      password: "[redacted]",
      passwordHash: "[redacted]",
      nested: { NEXTAUTH_SECRET: "[redacted]", sessionToken: "[redacted]", headers: { cookie: "[redacted]", Authorization: "[redacted]" }, ok: 1 },
      list: [{ token: "[redacted]" }],
    });
    const flattened = redact(new Error("boom")) as { name: string; message: string };
    expect(flattened).toMatchObject({ name: "Error", message: "boom" });
  });
});

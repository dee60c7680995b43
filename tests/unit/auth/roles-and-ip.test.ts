// Role ordering, role parsing and the client address used for rate limits.
import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";
import { hasRole, parseRole } from "@/lib/auth/roles";

describe("roles", () => {
  it("orders ADMIN above INSTRUCTOR above STUDENT", () => {
    expect(hasRole("ADMIN", "INSTRUCTOR")).toBe(true);
    expect(hasRole("INSTRUCTOR", "INSTRUCTOR")).toBe(true);
    expect(hasRole("INSTRUCTOR", "ADMIN")).toBe(false);
    expect(hasRole("STUDENT", "INSTRUCTOR")).toBe(false);
    expect(hasRole("STUDENT", "STUDENT")).toBe(true);
  });

  it("parses unknown role strings as the least privileged role", () => {
    expect(parseRole("ADMIN")).toBe("ADMIN");
    expect(parseRole("admin")).toBe("STUDENT");
    expect(parseRole(null)).toBe("STUDENT");
  });
});

describe("clientIp", () => {
  it("takes the left-most X-Forwarded-For entry, then X-Real-IP", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": " 203.0.113.7 , 10.0.0.1" }))).toBe("203.0.113.7");
    expect(clientIp({ "x-real-ip": "198.51.100.3" })).toBe("198.51.100.3");
    expect(clientIp({ "x-forwarded-for": ["192.0.2.9", "10.0.0.2"] })).toBe("192.0.2.9");
    expect(clientIp({})).toBe("unknown");
  });

  it("bounds the key length", () => {
    expect(clientIp({ "x-forwarded-for": "a".repeat(500) })).toHaveLength(64);
  });
});

import { describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "@/lib/db/url";

function sqlitePath(url: string, root: string): string {
  const target = parseDatabaseUrl(url, root);
  if (target.kind !== "sqlite") throw new Error(`expected a SQLite target for ${url}`);
  return target.filePath;
}

describe("parseDatabaseUrl", () => {
  it("resolves relative SQLite paths against the root", () => {
    expect(parseDatabaseUrl("file:./data/kubedrill.db", "/srv/app")).toEqual({
      kind: "sqlite",
      url: "file:/srv/app/data/kubedrill.db",
      filePath: "/srv/app/data/kubedrill.db",
    });
    expect(sqlitePath("file:kd.db", "/srv/app")).toBe("/srv/app/kd.db");
  });

  it("keeps absolute SQLite paths, including the file:/// form, and drops query parameters", () => {
    expect(sqlitePath("file:/tmp/x.db", "/srv")).toBe("/tmp/x.db");
    expect(sqlitePath("file:///tmp/x.db", "/srv")).toBe("/tmp/x.db");
    expect(sqlitePath("file:./x.db?connection_limit=1", "/srv")).toBe("/srv/x.db");
  });

  it("reads the PostgreSQL schema from ?schema= and hides it from node-postgres", () => {
    const target = parseDatabaseUrl("postgresql://u:p@127.0.0.1:5432/kd?schema=tenant_1&sslmode=disable", "/");
    expect(target).toEqual({
      kind: "postgresql",
      url: "postgresql://u:p@127.0.0.1:5432/kd?schema=tenant_1&sslmode=disable",
      connectionString: "postgresql://u:p@127.0.0.1:5432/kd?sslmode=disable",
      schema: "tenant_1",
    });
    expect(parseDatabaseUrl("postgres://u@h/kd", "/")).toMatchObject({ kind: "postgresql", schema: "public" });
  });

  it("explains what is wrong with an unusable URL", () => {
    expect(() => parseDatabaseUrl("mysql://u@h/db", "/")).toThrow(/must start with "file:"/);
    expect(() => parseDatabaseUrl("file:", "/")).toThrow(/needs a file path/);
    expect(() => parseDatabaseUrl('postgresql://u@h/db?schema=a"b', "/")).toThrow(/not a plain PostgreSQL identifier/);
  });
});

// The route handlers the browser calls with fetch: authentication, zod-validated bodies, size limits,
// and the shared { ok, … } / { ok: false, code, message } shape with the error table's statuses.
import { beforeAll, expect, it, vi } from "vitest";
import { describeEachProvider } from "../helpers/test-db";
import { COMMAND_TASK, dbVia, makeLearner, seedFixtures, type TAuthHolder } from "./harness";

const holder = vi.hoisted(() => ({ db: undefined, session: null }) as TAuthHolder);
vi.mock("server-only", () => ({}));
vi.mock("@/lib/db", async () => ({ ...(await import("@/lib/db/client")), db: dbVia(holder) }));
vi.mock("next-auth", () => ({ getServerSession: async () => holder.session }));
// Outside a request next/headers throws; the real getLocale would leave its user query running
// past the suite. Failures are rendered in English here.
vi.mock("@/lib/i18n/server", () => ({ getLocale: async () => "en" }));
vi.stubEnv("NEXTAUTH_SECRET", "integration-test-secret-integration-test-secret");

const terminalRoute = await import("@/app/api/terminal/route");
const validateRoute = await import("@/app/api/editor/validate/route");
const fieldsRoute = await import("@/app/api/editor/fields/route");
const { openPractice } = await import("@/lib/server/practice");

function post(url: string, body: unknown, contentType = "application/json"): Request {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { "content-type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describeEachProvider("practice routes", (suite) => {
  beforeAll(async () => {
    holder.db = suite.db;
    await seedFixtures(suite.db);
  });

  it("refuses visitors without a session", async () => {
    holder.session = null;
    const response = await terminalRoute.POST(post("/api/terminal", { action: "open", attemptId: "x" }));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ ok: false, code: "UNAUTHENTICATED", message: "Please sign in to continue." });
    expect((await validateRoute.POST(post("/api/editor/validate", { manifest: "kind: Pod" }))).status).toBe(401);
    expect((await fieldsRoute.GET(new Request("http://localhost/api/editor/fields?apiVersion=v1&kind=Pod"))).status).toBe(401);
  });

  it("opens a terminal and runs a line; rejects malformed bodies", async () => {
    const user = await makeLearner(suite.db);
    holder.session = { user: { id: user.id } };
    const { attemptId } = await openPractice(user, COMMAND_TASK.id);
    const opened = await terminalRoute.POST(post("/api/terminal", { action: "open", attemptId }));
    expect(opened.status).toBe(200);
    const openBody = (await opened.json()) as { ok: true; sessionId: string };
    expect(openBody).toMatchObject({ ok: true, history: [], prompt: { namespace: "default" } });

    const ran = await terminalRoute.POST(post("/api/terminal", { action: "run", sessionId: openBody.sessionId, line: "kubectl run web --image=nginx:1.27" }));
    expect(await ran.json()).toMatchObject({ ok: true, output: "pod/web created\n", exitCode: 0 });

    for (const bad of [
      post("/api/terminal", { action: "run", sessionId: openBody.sessionId }),
      post("/api/terminal", { action: "explode" }),
      post("/api/terminal", "{not json"),
      post("/api/terminal", { action: "open", attemptId }, "text/plain"),
    ]) {
      const response = await terminalRoute.POST(bad);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, code: "VALIDATION" });
    }
    const foreign = await terminalRoute.POST(post("/api/terminal", { action: "open", attemptId: "not-an-attempt" }));
    expect(foreign.status).toBe(404);
  });

  it("returns editor diagnostics and field docs", async () => {
    const user = await makeLearner(suite.db);
    holder.session = { user: { id: user.id } };
    const ok = await validateRoute.POST(post("/api/editor/validate", { manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: a\n    image: nginx\n" }));
    expect(await ok.json()).toEqual({ ok: true, diagnostics: [] });
    const bad = await validateRoute.POST(post("/api/editor/validate", { manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: a\n    image: nginx\n    imagePullPolice: Always\n" }));
    const badBody = (await bad.json()) as { diagnostics: { line: number; message: string }[] };
    expect(badBody.diagnostics.length).toBeGreaterThan(0);
    expect(badBody.diagnostics.map((d) => d.message).join("\n")).toContain("imagePullPolice");
    const huge = await validateRoute.POST(post("/api/editor/validate", { manifest: "#".repeat(200 * 1024) }));
    expect(huge.status).toBe(400);

    const fields = await fieldsRoute.GET(new Request("http://localhost/api/editor/fields?apiVersion=v1&kind=Pod&path=spec.containers[0]"));
    expect(fields.headers.get("cache-control")).toBe("private, max-age=3600");
    const fieldsBody = (await fields.json()) as { ok: true; found: true; fields: { name: string }[] };
    expect(fieldsBody).toMatchObject({ ok: true, found: true, kind: "Pod", description: expect.stringContaining("container") });
    expect(fieldsBody.fields.map((f) => f.name)).toContain("imagePullPolicy");
    const missing = await fieldsRoute.GET(new Request("http://localhost/api/editor/fields?apiVersion=v1&kind=Pod&path=spec.nope"));
    expect(await missing.json()).toMatchObject({ ok: true, found: false });
    expect((await fieldsRoute.GET(new Request("http://localhost/api/editor/fields?kind=Pod"))).status).toBe(400);
  });
});

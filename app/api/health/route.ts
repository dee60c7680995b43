// GET /api/health — liveness and database reachability for load balancers and monitoring (public,
// no account data): 200 when everything answers, 503 when the database does not.
import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/db";
import { log } from "@/lib/log";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

export async function GET(): Promise<NextResponse> {
  let database: { ok: boolean; provider: string; latencyMs: number | null };
  try {
    const result = await checkDatabase();
    database = { ok: result.ok, provider: result.provider, latencyMs: result.latencyMs };
  } catch (error) {
    log.error("health check failed", { error });
    database = { ok: false, provider: "unknown", latencyMs: null };
  }
  const body = {
    status: database.ok ? "ok" : "degraded",
    version: packageJson.version,
    uptimeSec: Math.round(process.uptime()),
    database,
  };
  return NextResponse.json(body, { status: database.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}

// GET /api/editor/fields?apiVersion=v1&kind=Pod&path=spec.containers — the fields of the object at a
// path of a manifest, with kubectl explain's docs, for the editor's completion and hover. The answer
// only depends on the simulator's schema, so the browser may cache it.
import { z } from "zod";
import { requireUser } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { runRoute } from "@/lib/server/action";
import { fieldsAt } from "@/lib/sim";

const ZFieldsQuery = z
  .object({
    apiVersion: z.string().min(1).max(100),
    kind: z.string().min(1).max(100),
    path: z.string().max(500).default(""),
  })
  .strict();

export async function GET(request: Request): Promise<Response> {
  const response = await runRoute("editor.fields", async () => {
    await requireUser();
    const parsed = ZFieldsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError("VALIDATION");
    const { apiVersion, kind, path } = parsed.data;
    // "spec.containers.0.env" and "spec.containers[0].env" name the same place.
    const segments = path.replace(/\[(\d+)\]/g, ".$1").split(".").filter((s) => s !== "");
    const result = fieldsAt(apiVersion, kind, segments);
    return result.ok
      ? { found: true as const, apiVersion: result.apiVersion, kind: result.kind, description: result.description, fields: result.fields }
      : { found: false as const, error: result.error };
  });
  if (response.status === 200) response.headers.set("Cache-Control", "private, max-age=3600");
  return response;
}

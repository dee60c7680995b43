// POST /api/editor/validate — the manifest editor's inline diagnostics: YAML errors and Kubernetes'
// strict decoding / validation messages, mapped to lines, for the signed-in user.
import { z } from "zod";
import { requireUser } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { validateManifestForEditor } from "@/lib/grading";
import { runRoute } from "@/lib/server/action";
import { MAX_ANSWER_BYTES } from "@/lib/server/practice";

const MAX_BODY_BYTES = 2 * MAX_ANSWER_BYTES;

const ZValidateRequest = z.object({ manifest: z.string() }).strict();

export async function POST(request: Request): Promise<Response> {
  return runRoute("editor.validate", async () => {
    await requireUser();
    if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) throw new AppError("VALIDATION");
    if (Number(request.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) throw new AppError("VALIDATION");
    const text = await request.text();
    if (Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES) throw new AppError("VALIDATION");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError("VALIDATION");
    }
    const parsed = ZValidateRequest.safeParse(json);
    if (!parsed.success || Buffer.byteLength(parsed.data.manifest, "utf8") > MAX_ANSWER_BYTES) throw new AppError("VALIDATION");
    return { diagnostics: validateManifestForEditor(parsed.data.manifest) };
  });
}

// POST /api/terminal — open the signed-in user's terminal of a practice task, or run one line in it.
// The browser's terminal talks to this with fetch; the work happens in lib/server/terminal.ts.
import { z } from "zod";
import { requireUser } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { runRoute } from "@/lib/server/action";
import { MAX_LINE_BYTES, openTerminal, runTerminalCommand } from "@/lib/server/terminal";

// A line is at most 4 KiB of UTF-8; the JSON around it (escapes included) stays well under this.
const MAX_BODY_BYTES = 6 * MAX_LINE_BYTES;

const ZTerminalRequest = z.discriminatedUnion("action", [
  z.object({ action: z.literal("open"), attemptId: z.string().min(1).max(64) }).strict(),
  z.object({ action: z.literal("run"), sessionId: z.string().min(1).max(64), line: z.string() }).strict(),
]);

async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  // JSON only: a cross-site form cannot send it without a CORS preflight.
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) throw new AppError("VALIDATION");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("VALIDATION");
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > maxBytes) throw new AppError("VALIDATION");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION");
  }
}

export async function POST(request: Request): Promise<Response> {
  return runRoute("terminal", async () => {
    const user = await requireUser();
    const parsed = ZTerminalRequest.safeParse(await readJson(request, MAX_BODY_BYTES));
    if (!parsed.success) throw new AppError("VALIDATION");
    const body = parsed.data;
    if (body.action === "open") return openTerminal(user, body.attemptId);
    return runTerminalCommand(user, body.sessionId, body.line);
  });
}

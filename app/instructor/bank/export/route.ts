// GET /instructor/bank/export?format=gift|moodle-xml&locale=en|zh[&topic=probes] — the bank's
// exportable questions as a GIFT or Moodle XML download (instructors and admins only)
import { NextResponse } from "next/server";
import { z } from "zod";
import { requireUser } from "@/lib/auth/guard";
import { AppError, isAppError, toFailure } from "@/lib/errors";
import { getLocale } from "@/lib/i18n/server";
import { log } from "@/lib/log";
import { ZTopic } from "@/lib/questions/schema";
import { exportBank } from "@/lib/server/exchange";

export const dynamic = "force-dynamic";

const ZQuery = z
  .object({ format: z.enum(["gift", "moodle-xml"]), locale: z.enum(["en", "zh"]).default("en"), topic: ZTopic.optional() })
  .strict();

export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUser();
    const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new AppError("VALIDATION");
    const file = await exportBank(user, query.data);
    return new Response(file.body, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    const appError = isAppError(error) ? error : new AppError("INTERNAL", { cause: error });
    if (!isAppError(error)) log.error("unexpected error", { action: "bank.export", error });
    return NextResponse.json(toFailure(appError, await getLocale()), { status: appError.status });
  }
}

// GET /instructor/classes/[id]/gradebook.csv — the class's gradebook as a CSV download (managers only)
import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { AppError, isAppError, toFailure } from "@/lib/errors";
import { getLocale } from "@/lib/i18n/server";
import { log } from "@/lib/log";
import { gradebookCsv } from "@/lib/server/gradebook";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const user = await requireUser();
    const { filename, body } = await gradebookCsv(user, (await params).id);
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    const appError = isAppError(error) ? error : new AppError("INTERNAL", { cause: error });
    if (!isAppError(error)) log.error("unexpected error", { action: "gradebook.csv", error });
    return NextResponse.json(toFailure(appError, await getLocale()), { status: appError.status });
  }
}

// Runs the body of a server action or route handler and turns its outcome into the shared result shape:
// { ok: true, …value } or { ok: false, code, message } in the caller's language. Expected failures are
// AppErrors; anything else is logged with the action's name and reported as INTERNAL.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { NextResponse } from "next/server";
import { AppError, isAppError, toFailure, type ActionResult } from "@/lib/errors";
import { getLocale } from "@/lib/i18n/server";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n";
import { log } from "@/lib/log";

async function localeOrDefault(): Promise<Locale> {
  try {
    return await getLocale();
  } catch {
    return DEFAULT_LOCALE;
  }
}

function asAppError(action: string, error: unknown): AppError {
  if (isAppError(error)) return error;
  log.error("unexpected error", { action, error });
  return new AppError("INTERNAL", { cause: error });
}

export async function runAction<T extends object>(action: string, body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    const value = await body();
    return { ok: true, ...value };
  } catch (error) {
    // redirect(), notFound() and forbidden() work by throwing; they must reach Next.js untouched.
    unstable_rethrow(error);
    return toFailure(asAppError(action, error), await localeOrDefault());
  }
}

export async function runRoute<T extends object>(action: string, body: () => Promise<T>): Promise<NextResponse> {
  try {
    return NextResponse.json({ ok: true, ...(await body()) });
  } catch (error) {
    unstable_rethrow(error);
    const appError = asAppError(action, error);
    return NextResponse.json(toFailure(appError, await localeOrDefault()), { status: appError.status });
  }
}

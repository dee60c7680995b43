"use server";
// saveLocale — set the interface language: always the `locale` cookie, and the account's saved
// preference when someone is signed in. "auto" forgets both, so the browser's language applies again.
import { cookies } from "next/headers";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/guard";
import { AppError, type ActionResult } from "@/lib/errors";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n";
import { runAction } from "@/lib/server/action";
import { saveOwnLocale } from "@/lib/server/users";

const ZSaveLocale = z.enum([...LOCALES, "auto"]);

export async function saveLocale(input: unknown): Promise<ActionResult<{ locale: string }>> {
  return runAction("saveLocale", async () => {
    const parsed = ZSaveLocale.safeParse(input);
    if (!parsed.success) throw new AppError("VALIDATION");
    const locale = parsed.data === "auto" ? null : parsed.data;
    const cookieStore = await cookies();
    if (locale) cookieStore.set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
    else cookieStore.delete(LOCALE_COOKIE);
    const user = await getCurrentUser();
    if (user) await saveOwnLocale(user, locale);
    return { locale: parsed.data };
  });
}

// The request's locale on the server: the signed-in user's saved choice, else the `locale` cookie,
// else Accept-Language (any zh variant → zh), else English.
import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/guard";
import { createTranslator, LOCALE_COOKIE, resolveLocale, type Locale, type Translate } from "./index";

export const getLocale = cache(async (): Promise<Locale> => {
  const [user, cookieStore, headerList] = await Promise.all([getCurrentUser(), cookies(), headers()]);
  return resolveLocale({
    userLocale: user?.locale,
    cookieLocale: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
});

export async function getT(): Promise<Translate> {
  return createTranslator(await getLocale());
}

// Root layout: resolves the locale and theme on the server, so <html lang> and data-theme are right in
// the first byte of HTML (no flash), and wraps every page in the app shell.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import styles from "@/components/shell/shell.module.css";
import { parseThemeChoice, THEME_COOKIE } from "@/components/theme/theme";
import { ToastProvider } from "@/components/ui/toast";
import { getCurrentUser } from "@/lib/auth/guard";
import { createTranslator, getMessages } from "@/lib/i18n";
import { I18nProvider } from "@/lib/i18n/client";
import { getLocale } from "@/lib/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = createTranslator(await getLocale());
  return {
    title: { default: "kubedrill", template: "%s · kubedrill" },
    description: t("app.description"),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, user, cookieStore] = await Promise.all([getLocale(), getCurrentUser(), cookies()]);
  const t = createTranslator(locale);
  const theme = parseThemeChoice(cookieStore.get(THEME_COOKIE)?.value);
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"} data-theme={theme === "system" ? undefined : theme}>
      <body>
        <I18nProvider locale={locale} messages={getMessages(locale)}>
          <ToastProvider label={t("common.notifications")} dismissLabel={t("common.dismiss")}>
            <a href="#main" className={styles.skipLink}>
              {t("nav.skip")}
            </a>
            <AppHeader user={user} t={t} theme={theme} />
            <main id="main" tabIndex={-1} className={styles.main}>
              {children}
            </main>
            <footer className={styles.footer}>
              <div className={styles.footerInner}>kubedrill · {t("app.description")}</div>
            </footer>
          </ToastProvider>
        </I18nProvider>
      </body>
    </html>
  );
}

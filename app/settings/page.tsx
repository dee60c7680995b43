// Settings for the signed-in user: interface language (saved to the account) and theme (this device).
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { parseThemeChoice, THEME_COOKIE } from "@/components/theme/theme";
import { requirePageUser } from "@/lib/auth/guard";
import { getT } from "@/lib/i18n/server";
import { SettingsTabs } from "./settings-tabs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("settings.title") };
}

export default async function SettingsPage() {
  const user = await requirePageUser("/settings");
  const [t, cookieStore] = await Promise.all([getT(), cookies()]);
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t("settings.title")}</h1>
        <p className="lead">{t("settings.lead")}</p>
      </header>
      <SettingsTabs savedLocale={user.locale ?? "auto"} theme={parseThemeChoice(cookieStore.get(THEME_COOKIE)?.value)} />
    </div>
  );
}

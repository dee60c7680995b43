// The signed-in user's account facts, shown on the dashboard and the instructor page.
import { Badge } from "@/components/ui/badge";
import { Card, DescriptionList } from "@/components/ui/card";
import type { CurrentUser } from "@/lib/auth/guard";
import type { Locale, Translate } from "@/lib/i18n";

export function roleTone(role: CurrentUser["role"]): "neutral" | "info" | "warning" {
  return role === "ADMIN" ? "warning" : role === "INSTRUCTOR" ? "info" : "neutral";
}

export function formatDate(date: Date, locale: Locale, dateStyle: "long" | "medium" = "long"): string {
  return new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", { dateStyle, timeZone: "UTC" }).format(date);
}

export function AccountSummary({ user, t, locale }: { user: CurrentUser; t: Translate; locale: Locale }) {
  return (
    <Card title={t("account.title")} labelledBy="account-title">
      <DescriptionList
        items={[
          { term: t("account.name"), detail: user.name },
          { term: t("account.email"), detail: user.email },
          { term: t("account.role"), detail: <Badge tone={roleTone(user.role)}>{t(`role.${user.role}`)}</Badge> },
          { term: t("account.memberSince"), detail: formatDate(user.createdAt, locale) },
          { term: t("account.language"), detail: user.locale ? t(`lang.${user.locale}`) : t("account.languageAuto") },
        ]}
      />
    </Card>
  );
}

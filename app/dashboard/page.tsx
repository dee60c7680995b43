// The signed-in learner's home: a greeting, their account, and their progress (empty until they practise).
import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import { EmptyState } from "@/components/ui/states";
import { requirePageUser } from "@/lib/auth/guard";
import { getLocale, getT } from "@/lib/i18n/server";
import { AccountSummary } from "@/components/account/account-summary";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.dashboard") };
}

export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard");
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t("dashboard.title", { name: user.name })}</h1>
        <p className="lead">{t("dashboard.lead")}</p>
      </header>
      <div className="grid-2">
        <Card title={t("dashboard.progress.title")} labelledBy="progress-title">
          <EmptyState icon={<Icon name="chart" size={32} />} headingLevel={3} title={t("dashboard.progress.emptyTitle")} body={t("dashboard.progress.emptyBody")} />
        </Card>
        <AccountSummary user={user} t={t} locale={locale} />
      </div>
    </div>
  );
}

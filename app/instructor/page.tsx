// The instructor's home (INSTRUCTOR or ADMIN): what instructors do here, their classes, their account.
import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import { EmptyState } from "@/components/ui/states";
import { requirePageRole } from "@/lib/auth/guard";
import { getLocale, getT } from "@/lib/i18n/server";
import { AccountSummary } from "@/components/account/account-summary";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("instructor.title") };
}

export default async function InstructorPage() {
  const user = await requirePageRole("INSTRUCTOR", "/instructor");
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t("instructor.title")}</h1>
        <p className="lead">{t("instructor.lead")}</p>
      </header>
      <div className="stack">
        <Card title={t("instructor.classes.title")} labelledBy="classes-title">
          <EmptyState icon={<Icon name="classes" size={32} />} headingLevel={3} title={t("instructor.classes.emptyTitle")} body={t("instructor.classes.emptyBody")} />
        </Card>
        <div className="grid-2">
          <Card title={t("instructor.duties.title")} labelledBy="duties-title">
            <ol>
              <li>{t("instructor.duties.classes")}</li>
              <li>{t("instructor.duties.homework")}</li>
              <li>{t("instructor.duties.results")}</li>
            </ol>
          </Card>
          <AccountSummary user={user} t={t} locale={locale} />
        </div>
      </div>
    </div>
  );
}

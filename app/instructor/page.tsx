// The instructor's home (INSTRUCTOR or ADMIN): their classes (all classes for an admin), a form to
// create one, and their account.
import type { Metadata } from "next";
import Link from "next/link";
import { AccountSummary } from "@/components/account/account-summary";
import { ActionForm } from "@/components/instructor/action-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { Icon } from "@/components/ui/icon";
import { EmptyState } from "@/components/ui/states";
import { Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/guard";
import { getLocale, getT } from "@/lib/i18n/server";
import { listClasses } from "@/lib/server/classes";
import { createClassAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("instructor.title") };
}

export default async function InstructorPage() {
  const user = await requirePageRole("INSTRUCTOR", "/instructor");
  const [t, locale, classes] = await Promise.all([getT(), getLocale(), listClasses(user)]);
  const taught = classes.filter((c) => c.role !== "student");
  const zones = Intl.supportedValuesOf("timeZone");
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t("instructor.title")}</h1>
        <p className="lead">{t("instructor.lead")}</p>
      </header>
      <div className="stack">
        <Card title={t("instructor.classes.title")} labelledBy="classes-title">
          {taught.length === 0 ? (
            <EmptyState icon={<Icon name="classes" size={32} />} headingLevel={3} title={t("instructor.classes.emptyTitle")} body={t("instructor.classes.emptyBody")} />
          ) : (
            <Table caption={t("instructor.classes.title")}>
              <thead>
                <tr>
                  <th scope="col">{t("classes.name")}</th>
                  <th scope="col">{t("classes.joinCode")}</th>
                  <th scope="col">{t("classes.students")}</th>
                  <th scope="col">{t("classes.assignments")}</th>
                  <th scope="col">{t("classes.timeZone")}</th>
                </tr>
              </thead>
              <tbody>
                {taught.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link href={`/instructor/classes/${c.id}`}>{c.name}</Link> {c.archived ? <Badge>{t("classes.archived")}</Badge> : null}
                    </th>
                    <td>
                      <code>{c.joinCode}</code>
                    </td>
                    <td>{c.students}</td>
                    <td>{c.assignments}</td>
                    <td>{c.timeZone}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <div className="grid-2">
          <Card title={t("classes.create")} labelledBy="create-class-title">
            <ActionForm action={createClassAction} submitLabel={t("classes.create")} label={t("classes.create")}>
              <Field label={t("classes.name")}>{(control) => <Input {...control} name="name" required maxLength={120} />}</Field>
              <Field label={t("classes.timeZone")} hint={t("classes.timeZoneHint")}>
                {(control) => (
                  <Select {...control} name="timeZone" defaultValue={locale === "zh" ? "Asia/Shanghai" : "UTC"}>
                    {["UTC", ...zones.filter((z) => z !== "UTC")].map((z) => (
                      <option key={z} value={z}>
                        {z}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            </ActionForm>
          </Card>
          <Card title={t("exchange.title")} labelledBy="exchange-title">
            <p className="muted">{t("exchange.lead")}</p>
            <ul>
              {(["gift", "moodle-xml"] as const).flatMap((format) =>
                (["en", "zh"] as const).map((lang) => (
                  <li key={`${format}-${lang}`}>
                    <a href={`/instructor/bank/export?format=${format}&locale=${lang}`} download>
                      {t(format === "gift" ? "exchange.gift" : "exchange.moodle", { language: lang === "en" ? "English" : "中文" })}
                    </a>
                  </li>
                )),
              )}
            </ul>
          </Card>
          <Card title={t("instructor.duties.title")} labelledBy="duties-title">
            <ol>
              <li>{t("instructor.duties.classes")}</li>
              <li>{t("instructor.duties.homework")}</li>
              <li>{t("instructor.duties.results")}</li>
            </ol>
          </Card>
        </div>
        <AccountSummary user={user} t={t} locale={locale} />
      </div>
    </div>
  );
}

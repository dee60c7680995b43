// User administration (ADMIN only): every account with its role, and the instructor grant / revoke.
import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/states";
import { Icon } from "@/components/ui/icon";
import { Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/guard";
import { getLocale, getT } from "@/lib/i18n/server";
import { listUsers } from "@/lib/server/users";
import { formatDate, roleTone } from "@/components/account/account-summary";
import { RoleButton } from "./role-button";
import styles from "./users.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("admin.users.title") };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole("ADMIN", "/admin/users");
  const params = await searchParams;
  const query = typeof params.q === "string" ? params.q.slice(0, 100) : "";
  const [t, locale, { users, total }] = await Promise.all([getT(), getLocale(), listUsers(actor, query)]);
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t("admin.users.title")}</h1>
        <p className="lead">{t("admin.users.lead")}</p>
      </header>
      <form className={styles.search} role="search" action="/admin/users">
        <Field label={t("admin.users.search")}>{(control) => <Input {...control} name="q" type="search" defaultValue={query} />}</Field>
        <Button type="submit" variant="secondary">
          {t("admin.users.searchSubmit")}
        </Button>
      </form>
      <p className="muted" aria-live="polite">
        {t("admin.users.count", { count: total })}
      </p>
      {users.length === 0 ? (
        <EmptyState icon={<Icon name="search" size={32} />} title={t("admin.users.empty")} />
      ) : (
        <Table caption={t("admin.users.caption")}>
          <thead>
            <tr>
              <th scope="col">{t("admin.users.col.name")}</th>
              <th scope="col">{t("admin.users.col.email")}</th>
              <th scope="col">{t("admin.users.col.role")}</th>
              <th scope="col">{t("admin.users.col.joined")}</th>
              <th scope="col">{t("admin.users.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row" className={styles.name}>
                  {user.name}
                  {user.id === actor.id ? <span className="muted"> ({t("admin.users.self")})</span> : null}
                </th>
                <td className={styles.email}>{user.email}</td>
                <td>
                  <Badge tone={roleTone(user.role)}>{t(`role.${user.role}`)}</Badge>
                </td>
                <td className={styles.nowrap}>{formatDate(user.createdAt, locale, "medium")}</td>
                <td>
                  {user.role === "ADMIN" ? (
                    <span className="muted">{t("admin.users.adminFixed")}</span>
                  ) : (
                    <RoleButton userId={user.id} name={user.name} email={user.email} isInstructor={user.role === "INSTRUCTOR"} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

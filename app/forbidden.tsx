// 403 page, rendered (with status 403) when a server-side role check calls forbidden().
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import { Icon } from "@/components/ui/icon";
import { getT } from "@/lib/i18n/server";

export default async function Forbidden() {
  const t = await getT();
  return (
    <div className="page">
      <EmptyState
        icon={<Icon name="lock" size={32} />}
        headingLevel={1}
        title={t("forbidden.title")}
        body={t("forbidden.bodyGeneric")}
        actions={<ButtonLink href="/dashboard">{t("nav.dashboard")}</ButtonLink>}
      />
    </div>
  );
}

// 404 page, in the visitor's language.
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import { Icon } from "@/components/ui/icon";
import { getT } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getT();
  return (
    <div className="page">
      <EmptyState
        icon={<Icon name="question" size={32} />}
        headingLevel={1}
        title={t("notFound.title")}
        body={t("notFound.body")}
        actions={<ButtonLink href="/">{t("common.backHome")}</ButtonLink>}
      />
    </div>
  );
}

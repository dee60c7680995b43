// The loading page shown while a section's server work streams in, in the user's language.
// Sections use it from their own loading.tsx, below the layout that checks access, so an access
// check still answers with a real 307 / 403 status before anything is streamed.
import { Loading, Skeleton } from "@/components/ui/states";
import { getT } from "@/lib/i18n/server";

export async function PageLoading() {
  const t = await getT();
  return (
    <div className="page">
      <div className="page-header">
        <Skeleton width="18rem" />
      </div>
      <Loading label={t("common.loading")} />
    </div>
  );
}

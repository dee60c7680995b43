"use client";
// Error boundary for every page below the root layout: a generic message in the user's language and a
// retry; the digest lets support match the server log line without exposing the error itself.
import { Button, ButtonLink } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";
import { useT } from "@/lib/i18n/client";

export default function ErrorPage({ error, unstable_retry }: { error: unknown; unstable_retry: () => void }) {
  const t = useT();
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  return (
    <div className="page">
      <ErrorState
        title={t("errorPage.title")}
        body={digest ? t("errorPage.body", { digest }) : t("errorPage.bodyNoDigest")}
        actions={
          <>
            <Button onClick={() => unstable_retry()}>{t("errorPage.retry")}</Button>
            <ButtonLink href="/" variant="secondary">
              {t("common.backHome")}
            </ButtonLink>
          </>
        }
      />
    </div>
  );
}

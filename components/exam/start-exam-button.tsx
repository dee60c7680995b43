"use client";
// Starts (or resumes) an exam; the server action redirects to the session's page.
import { useState, useTransition } from "react";
import { startExamAction } from "@/app/exams/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { useI18n } from "@/lib/i18n/client";

export function StartExamButton({ slug, resume }: { slug: string; resume: boolean }) {
  const { t } = useI18n();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <Button
        pending={pending}
        variant={resume ? "secondary" : "primary"}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await startExamAction(slug);
            if (result && !result.ok) setError(result.message);
          })
        }
      >
        {pending ? t("exams.starting") : resume ? t("exams.resume") : t("exams.start")}
      </Button>
      {error ? <FormAlert>{error}</FormAlert> : null}
    </div>
  );
}

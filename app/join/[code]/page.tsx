// /join/CODE — a signed-in learner confirms joining the class (a GET never enrols anyone).
import type { Metadata } from "next";
import { ActionForm } from "@/components/instructor/action-form";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/guard";
import { getT } from "@/lib/i18n/server";
import { joinClassAction } from "../actions";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("classes.joinTitle") };
}

export default async function JoinPage({ params }: Props) {
  const { code } = await params;
  const clean = decodeURIComponent(code).toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 8);
  await requirePageUser(`/join/${clean}`);
  const t = await getT();
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t("classes.joinTitle")}</h1>
        <p className="lead">{t("classes.joinLead", { code: clean })}</p>
      </header>
      <Card>
        <ActionForm action={joinClassAction} submitLabel={t("classes.join")}>
          <input type="hidden" name="code" value={clean} />
        </ActionForm>
      </Card>
    </div>
  );
}

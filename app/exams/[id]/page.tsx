// Taking one exam session. The server reads the session (closing and grading it first when its
// deadline has passed); a closed session goes to its result.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ExamSession } from "@/components/exam/exam-session";
import { requirePageUser } from "@/lib/auth/guard";
import { isAppError } from "@/lib/errors";
import { getLocale, getT } from "@/lib/i18n/server";
import { examTitle } from "@/components/exam/exam-title";
import { getExamView, type TExamView } from "@/lib/server/exams";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("exams.title") };
}

async function load(id: string): Promise<TExamView> {
  const user = await requirePageUser(`/exams/${id}`);
  try {
    return await getExamView(user, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function ExamPage({ params }: Params) {
  const { id } = await params;
  const view = await load(id);
  if (view.status !== "in_progress") redirect(`/exams/${view.id}/result`);
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  return (
    <div className="page">
      <header className="page-header">
        <h1>{examTitle(view.slug, view.title, t, locale)}</h1>
      </header>
      <ExamSession view={view} />
    </div>
  );
}

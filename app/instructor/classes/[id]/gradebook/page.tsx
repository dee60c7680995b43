// The class's gradebook for its managers: students × assignments with late and override marks, CSV
// download, a regrade button per assignment, and (?student=&assignment=) one learner's graded
// answers with the grader's checks and an override form per submission.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/instructor/action-form";
import styles from "@/components/instructor/instructor.module.css";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/guard";
import { isAppError } from "@/lib/errors";
import { getLocale, getT } from "@/lib/i18n/server";
import { getGradebook, getStudentWork, type TStudentWork } from "@/lib/server/gradebook";
import { overrideAction, regradeAction } from "../../../actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ student?: string; assignment?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("classes.gradebook") };
}

export default async function GradebookPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const user = await requirePageRole("INSTRUCTOR", `/instructor/classes/${id}/gradebook`);
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  let book;
  let work: TStudentWork | null = null;
  try {
    book = await getGradebook(user, id);
    if (typeof query.student === "string" && typeof query.assignment === "string") work = await getStudentWork(user, query.assignment, query.student);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
  const format = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en", { dateStyle: "medium", timeStyle: "short", timeZone: book.timeZone });
  return (
    <div className="page">
      <nav aria-label={t("practice.breadcrumb")}>
        <Link href="/instructor">{t("instructor.title")}</Link> / <Link href={`/instructor/classes/${id}`}>{book.className}</Link>
      </nav>
      <header className="page-header">
        <h1>{t("gradebook.title", { name: book.className })}</h1>
        <p>
          <a href={`/instructor/classes/${id}/gradebook.csv`} download>
            {t("gradebook.csv")}
          </a>
        </p>
      </header>
      <div className="stack">
        <Card>
          <Table caption={t("gradebook.caption")}>
            <thead>
              <tr>
                <th scope="col">{t("classes.name")}</th>
                {book.assignments.map((a) => (
                  <th scope="col" key={a.id}>
                    {a.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {book.students.map((s) => (
                <tr key={s.userId}>
                  <th scope="row">
                    {s.name}
                    <br />
                    <small>{s.email}</small>
                  </th>
                  {s.cells.map((c) => (
                    <td key={c.assignmentId} data-testid={`cell-${s.userId}-${c.assignmentId}`}>
                      <Link href={`/instructor/classes/${id}/gradebook?student=${s.userId}&assignment=${c.assignmentId}`}>
                        {c.percent === null ? "–" : `${c.percent}%`}
                      </Link>{" "}
                      {c.late ? <Badge tone="warning">{t("gradebook.late")}</Badge> : null} {c.overridden ? <Badge tone="info">{t("gradebook.overriddenMark")}</Badge> : null}{" "}
                      {c.extended ? <Badge>{t("gradebook.extended")}</Badge> : null}
                      <br />
                      <small>{t("gradebook.attempts", { count: c.attempts })}</small>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>

        {work ? (
          <Card title={t("gradebook.work", { name: work.student.name, title: work.assignment.title })} labelledBy="work-title">
            {work.submissions.length === 0 ? <p className="muted">{t("gradebook.noSubmissions")}</p> : null}
            <ol className={styles.list}>
              {work.submissions.map((s) => (
                <li key={s.submissionId}>
                  <h3>
                    {s.questionId} · {format.format(s.submittedAt)} {s.late ? <Badge tone="warning">{t("gradebook.late")}</Badge> : null}
                  </h3>
                  <p>
                    {t("gradebook.scoreLine", { raw: s.rawScore ?? "–", score: s.score ?? "–", max: s.maxScore ?? "–" })}
                    {s.override ? ` · ${t("gradebook.overrideLine", { score: s.override.score, reason: s.override.reason, by: s.override.by ?? "" })}` : ""}
                  </p>
                  {s.answer ? (
                    <details>
                      <summary>{t("gradebook.answer")}</summary>
                      <pre>{s.answer.type === "sim" ? [s.answer.manifest, s.answer.commands].filter(Boolean).join("\n---\n") : JSON.stringify(s.answer, null, 2)}</pre>
                    </details>
                  ) : null}
                  {s.result?.status === "graded" ? (
                    <ul>
                      {s.result.checks.map((c) => (
                        <li key={c.id}>
                          {c.passed ? "✓" : "✗"} {c.description[locale]} — {t("gradebook.expectedObserved", { expected: c.expected, observed: c.observed })}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <ActionForm action={overrideAction} submitLabel={t("gradebook.override")} label={`${t("gradebook.override")}: ${s.questionId}`}>
                    <input type="hidden" name="classId" value={id} />
                    <input type="hidden" name="submissionId" value={s.submissionId} />
                    <div className={styles.grid}>
                      <Field label={t("gradebook.overrideScore", { max: s.maxScore ?? "" })} hint={t("gradebook.overrideScoreHint")}>
                        {(c) => <Input {...c} name="score" type="number" min={0} max={s.maxScore ?? undefined} step="any" />}
                      </Field>
                      <Field label={t("assignments.reason")}>{(c) => <Input {...c} name="reason" required minLength={3} maxLength={500} />}</Field>
                    </div>
                  </ActionForm>
                </li>
              ))}
            </ol>
          </Card>
        ) : null}

        <Card title={t("gradebook.regrade")} labelledBy="regrade-title">
          <ul className={styles.list}>
            {book.assignments.map((a) => (
              <li key={a.id}>
                <ActionForm action={regradeAction} submitLabel={t("gradebook.regradeOne", { title: a.title })} variant="secondary">
                  <input type="hidden" name="classId" value={id} />
                  <input type="hidden" name="assignmentId" value={a.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}

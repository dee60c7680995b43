// One class for its managers: join code and link, roster (remove), archive, the assignments (with
// links to the gradebook and item analysis), the create-assignment form and per-learner extensions.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/instructor/action-form";
import styles from "@/components/instructor/instructor.module.css";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Field, Fieldset, Input, Select, Textarea } from "@/components/ui/field";
import { Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/guard";
import { isAppError } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n";
import { getT } from "@/lib/i18n/server";
import { QUESTION_TYPES, TOPICS } from "@/lib/questions";
import { listAssignments, listExtensions } from "@/lib/server/assignments";
import { getClass, listRoster } from "@/lib/server/classes";
import { archiveClassAction, createAssignmentAction, removeStudentAction, setExtensionAction } from "../../actions";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("instructor.title") };
}

async function load(id: string) {
  const user = await requirePageRole("INSTRUCTOR", `/instructor/classes/${id}`);
  try {
    const cls = await getClass(user, id);
    if (cls.role === "student") notFound();
    const [roster, assignments] = await Promise.all([listRoster(user, id), listAssignments(user, id)]);
    const extensions = await Promise.all(assignments.map(async (a) => ({ assignment: a, list: await listExtensions(user, a.id) })));
    return { cls, roster, assignments, extensions };
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}

export default async function ClassPage({ params }: Params) {
  const { id } = await params;
  const [{ cls, roster, assignments, extensions }, t] = await Promise.all([load(id), getT()]);
  const policyText = (a: (typeof assignments)[number]) =>
    a.latePolicy.kind === "penalty" ? t("assignments.latePenalty", { percent: a.latePolicy.percentPerDay, days: a.latePolicy.maxDays }) : t("assignments.lateNone");
  return (
    <div className="page">
      <nav aria-label={t("practice.breadcrumb")}>
        <Link href="/instructor">{t("instructor.title")}</Link>
      </nav>
      <header className="page-header">
        <h1>
          {cls.name} {cls.archived ? <Badge>{t("classes.archived")}</Badge> : null}
        </h1>
        <p className="lead">
          {t("classes.timeZone")}: {cls.timeZone} · <Link href={`/instructor/classes/${cls.id}/gradebook`}>{t("classes.gradebook")}</Link>
        </p>
      </header>
      <div className="stack">
        <Card title={t("classes.joinCode")} labelledBy="join-title">
          <p>
            <code className={styles.code} data-testid="join-code">
              {cls.joinCode}
            </code>
          </p>
          <p>
            {t("classes.share")} <code data-testid="join-link">{cls.joinPath}</code>
          </p>
          {cls.archived ? null : (
            <ActionForm action={archiveClassAction} submitLabel={t("classes.archive")} variant="secondary">
              <input type="hidden" name="classId" value={cls.id} />
            </ActionForm>
          )}
        </Card>

        <Card title={t("classes.roster")} labelledBy="roster-title">
          {roster.length === 0 ? (
            <p className="muted">{t("classes.rosterEmpty")}</p>
          ) : (
            <Table caption={t("classes.roster")}>
              <thead>
                <tr>
                  <th scope="col">{t("classes.name")}</th>
                  <th scope="col">{t("classes.email")}</th>
                  <th scope="col">{t("classes.joined")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("classes.remove")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {roster.map((s) => (
                  <tr key={s.userId}>
                    <th scope="row">{s.name}</th>
                    <td>{s.email}</td>
                    <td>{s.joinedAt.toISOString().slice(0, 10)}</td>
                    <td>
                      <ActionForm action={removeStudentAction} submitLabel={t("classes.remove")} variant="danger" label={`${t("classes.remove")}: ${s.email}`}>
                        <input type="hidden" name="classId" value={cls.id} />
                        <input type="hidden" name="userId" value={s.userId} />
                      </ActionForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>

        <Card title={t("classes.assignments")} labelledBy="assignments-title">
          {assignments.length === 0 ? (
            <p className="muted">{t("assignments.empty")}</p>
          ) : (
            <Table caption={t("classes.assignments")}>
              <thead>
                <tr>
                  <th scope="col">{t("assignments.title")}</th>
                  <th scope="col">{t("assignments.opensAt")}</th>
                  <th scope="col">{t("assignments.dueAt")}</th>
                  <th scope="col">{t("assignments.questions")}</th>
                  <th scope="col">{t("assignments.latePolicy")}</th>
                  <th scope="col">{t("items.title")}</th>
                </tr>
              </thead>
              <tbody>
                {assignments.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.title}</th>
                    <td>{a.opensAtLocal.replace("T", " ")}</td>
                    <td>{a.dueAtLocal.replace("T", " ")}</td>
                    <td>
                      {a.questionIds.join(", ")}
                      {a.rule ? ` + ${t("assignments.ruleDraw", { count: a.rule.count })}` : ""}
                    </td>
                    <td>{policyText(a)}</td>
                    <td>
                      <Link href={`/instructor/classes/${cls.id}/assignments/${a.id}/items`}>{t("items.open")}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>

        {cls.archived ? null : (
          <Card title={t("assignments.create")} labelledBy="create-assignment-title">
            <ActionForm action={createAssignmentAction} submitLabel={t("assignments.create")} label={t("assignments.create")}>
              <input type="hidden" name="classId" value={cls.id} />
              <Field label={t("assignments.title")}>{(c) => <Input {...c} name="title" required maxLength={200} />}</Field>
              <Field label={t("assignments.description")}>{(c) => <Textarea {...c} name="description" rows={2} />}</Field>
              <Field label={t("assignments.questionIds")} hint={t("assignments.questionIdsHint")}>
                {(c) => <Textarea {...c} name="questionIds" rows={3} placeholder="restart-policy/default-value" />}
              </Field>
              <Fieldset legend={t("assignments.rule")} hint={t("assignments.ruleHint")}>
                <div className={styles.grid}>
                  <Field label={t("assignments.ruleTopics")}>
                    {(c) => (
                      <Select {...c} name="ruleTopics" multiple size={5}>
                        {TOPICS.map((topic) => (
                          <option key={topic} value={topic}>
                            {t(`practice.topic.${topic}` as MessageKey)}
                          </option>
                        ))}
                      </Select>
                    )}
                  </Field>
                  <Field label={t("assignments.ruleTypes")}>
                    {(c) => (
                      <Select {...c} name="ruleTypes" multiple size={5}>
                        {QUESTION_TYPES.map((type) => (
                          <option key={type} value={type}>
                            {t(`practice.type.${type}` as MessageKey)}
                          </option>
                        ))}
                      </Select>
                    )}
                  </Field>
                  <Field label={t("assignments.ruleDifficulty")}>
                    {(c) => (
                      <Select {...c} name="ruleDifficulty" multiple size={3}>
                        {(["easy", "medium", "hard"] as const).map((d) => (
                          <option key={d} value={d}>
                            {t(`practice.difficulty.${d}`)}
                          </option>
                        ))}
                      </Select>
                    )}
                  </Field>
                  <Field label={t("assignments.ruleObjectives")}>{(c) => <Input {...c} name="ruleObjectives" />}</Field>
                  <Field label={t("assignments.ruleCount")}>{(c) => <Input {...c} name="ruleCount" type="number" min={0} max={50} defaultValue={0} />}</Field>
                </div>
              </Fieldset>
              <div className={styles.grid}>
                <Field label={t("assignments.opensAt")} hint={cls.timeZone}>{(c) => <Input {...c} name="opensAt" type="datetime-local" required />}</Field>
                <Field label={t("assignments.dueAt")} hint={cls.timeZone}>{(c) => <Input {...c} name="dueAt" type="datetime-local" required />}</Field>
                <Field label={t("assignments.solutionsReleaseAt")} hint={cls.timeZone}>{(c) => <Input {...c} name="solutionsReleaseAt" type="datetime-local" />}</Field>
                <Field label={t("assignments.attemptsAllowed")} hint={t("assignments.unlimitedHint")}>{(c) => <Input {...c} name="attemptsAllowed" type="number" min={1} max={100} />}</Field>
                <Field label={t("assignments.timeLimitMin")} hint={t("assignments.untimedHint")}>{(c) => <Input {...c} name="timeLimitMin" type="number" min={1} max={1440} />}</Field>
                <Field label={t("assignments.latePolicy")}>
                  {(c) => (
                    <Select {...c} name="lateKind" defaultValue="none">
                      <option value="none">{t("assignments.lateNone")}</option>
                      <option value="penalty">{t("assignments.latePenaltyOption")}</option>
                    </Select>
                  )}
                </Field>
                <Field label={t("assignments.percentPerDay")}>{(c) => <Input {...c} name="percentPerDay" type="number" min={0} max={100} defaultValue={10} />}</Field>
                <Field label={t("assignments.maxDays")}>{(c) => <Input {...c} name="maxDays" type="number" min={1} max={60} defaultValue={3} />}</Field>
              </div>
            </ActionForm>
          </Card>
        )}

        {assignments.length > 0 && roster.length > 0 ? (
          <Card title={t("assignments.extensions")} labelledBy="extensions-title">
            <ul className={styles.list}>
              {extensions.flatMap(({ assignment, list }) =>
                list.map((e) => (
                  <li key={`${assignment.id}:${e.userId}`}>
                    {assignment.title} · {e.name}: {e.dueAtLocal ? e.dueAtLocal.replace("T", " ") : "–"} {e.timeMultiplier ? `× ${e.timeMultiplier}` : ""} {e.reason ? `(${e.reason})` : ""}
                  </li>
                )),
              )}
            </ul>
            <ActionForm action={setExtensionAction} submitLabel={t("assignments.grantExtension")} label={t("assignments.extensions")}>
              <input type="hidden" name="classId" value={cls.id} />
              <div className={styles.grid}>
                <Field label={t("assignments.title")}>
                  {(c) => (
                    <Select {...c} name="assignmentId">
                      {assignments.map((a) => (
                        <option key={a.id} value={a.id}>
                          {a.title}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Field label={t("classes.students")}>
                  {(c) => (
                    <Select {...c} name="userId">
                      {roster.map((s) => (
                        <option key={s.userId} value={s.userId}>
                          {s.name} ({s.email})
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Field label={t("assignments.dueAt")} hint={cls.timeZone}>{(c) => <Input {...c} name="dueAt" type="datetime-local" />}</Field>
                <Field label={t("assignments.timeMultiplier")}>{(c) => <Input {...c} name="timeMultiplier" type="number" min={1} max={5} step={0.25} />}</Field>
                <Field label={t("assignments.reason")}>{(c) => <Input {...c} name="reason" maxLength={500} />}</Field>
              </div>
            </ActionForm>
          </Card>
        ) : null}
      </div>
    </div>
  );
}

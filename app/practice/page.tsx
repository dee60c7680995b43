// The practice home: every syllabus topic with the learner's mastery, and the question list filtered
// by topic, objective, type, difficulty and status through the URL (a plain GET form: works without
// JavaScript, and every filtered view can be bookmarked).
import type { Metadata } from "next";
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/states";
import { Table } from "@/components/ui/table";
import { Icon } from "@/components/ui/icon";
import styles from "@/components/practice/practice.module.css";
import { requirePageUser } from "@/lib/auth/guard";
import { getLocale, getT } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n";
import { QUESTION_TYPES } from "@/lib/questions/schema";
import { getSyllabus, listPracticeQuestions, PRACTICE_STATUSES, topicOverview, type TPracticeStatus } from "@/lib/server/question-bank";
import { parsePracticeFilters, practiceHref, type TRawSearchParams } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("practice.title") };
}

const STATUS_TONE: Record<TPracticeStatus, BadgeTone> = { new: "neutral", wrong: "danger", correct: "success", due: "warning" };
const DIFFICULTIES = ["easy", "medium", "hard"] as const;

export default async function PracticePage({ searchParams }: { searchParams: Promise<TRawSearchParams> }) {
  const user = await requirePageUser("/practice");
  const [t, locale, raw] = await Promise.all([getT(), getLocale(), searchParams]);
  const filters = parsePracticeFilters(raw);
  const [overview, questions] = await Promise.all([topicOverview(user), listPracticeQuestions(user, filters, locale)]);
  const syllabus = getSyllabus();
  const objectives = syllabus.filter((s) => !filters.topic || s.topic === filters.topic).flatMap((s) => s.objectives);
  const filtered = Object.keys(filters).length > 0;
  const topicName = (topic: string) => t(`practice.topic.${topic}` as MessageKey);

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t("practice.title")}</h1>
        <p className="lead">{t("practice.lead")}</p>
      </header>

      <section aria-labelledby="topic-map" className={styles.block}>
        <h2 id="topic-map">{t("practice.topics.title")}</h2>
        <ul className={styles.topicGrid}>
          {overview.map((topic) => {
            const mastery = Math.round(topic.masteryPercent);
            return (
              <li key={topic.topic} className={styles.topicCard} data-current={filters.topic === topic.topic || undefined}>
                <h3 className={styles.topicName}>
                  <Link href={practiceHref({}, { topic: topic.topic })}>{topicName(topic.topic)}</Link>
                </h3>
                <div className={styles.masteryRow}>
                  <span className={styles.masteryBar} aria-hidden="true">
                    <span style={{ width: `${Math.min(100, Math.max(0, mastery))}%` }} />
                  </span>
                  <span className={styles.masteryText}>{t("practice.topics.mastery", { percent: mastery })}</span>
                </div>
                <p className={styles.topicCounts}>
                  {t("practice.topics.counts", { answered: topic.answered, questions: topic.questions, objectives: topic.objectives })}
                </p>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="question-list" className={styles.block}>
        <h2 id="question-list">{t("practice.list.title")}</h2>
        <Card>
          <form method="get" action="/practice" className={styles.filters} aria-label={t("practice.filters.label")}>
            <div className={styles.filter}>
              <label htmlFor="filter-topic">{t("practice.filters.topic")}</label>
              <Select id="filter-topic" name="topic" defaultValue={filters.topic ?? ""}>
                <option value="">{t("practice.filters.any")}</option>
                {syllabus.map((s) => (
                  <option key={s.topic} value={s.topic}>
                    {topicName(s.topic)}
                  </option>
                ))}
              </Select>
            </div>
            <div className={styles.filter}>
              <label htmlFor="filter-objective">{t("practice.filters.objective")}</label>
              <Select id="filter-objective" name="objective" defaultValue={filters.objective ?? ""}>
                <option value="">{t("practice.filters.any")}</option>
                {objectives.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.statement[locale].length > 80 ? `${o.statement[locale].slice(0, 79)}…` : o.statement[locale]}
                  </option>
                ))}
              </Select>
            </div>
            <div className={styles.filter}>
              <label htmlFor="filter-type">{t("practice.filters.type")}</label>
              <Select id="filter-type" name="type" defaultValue={filters.type ?? ""}>
                <option value="">{t("practice.filters.any")}</option>
                {QUESTION_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`practice.type.${type}`)}
                  </option>
                ))}
              </Select>
            </div>
            <div className={styles.filter}>
              <label htmlFor="filter-difficulty">{t("practice.filters.difficulty")}</label>
              <Select id="filter-difficulty" name="difficulty" defaultValue={filters.difficulty ?? ""}>
                <option value="">{t("practice.filters.any")}</option>
                {DIFFICULTIES.map((d) => (
                  <option key={d} value={d}>
                    {t(`practice.difficulty.${d}`)}
                  </option>
                ))}
              </Select>
            </div>
            <div className={styles.filter}>
              <label htmlFor="filter-status">{t("practice.filters.status")}</label>
              <Select id="filter-status" name="status" defaultValue={filters.status ?? ""}>
                <option value="">{t("practice.filters.any")}</option>
                {PRACTICE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`practice.status.${s}`)}
                  </option>
                ))}
              </Select>
            </div>
            <div className={styles.filter}>
              <label htmlFor="filter-q">{t("practice.filters.search")}</label>
              <Input type="search" id="filter-q" name="q" defaultValue={filters.q ?? ""} />
            </div>
            <div className={styles.filterActions}>
              <Button type="submit">{t("practice.filters.apply")}</Button>
              {filtered ? (
                <ButtonLink href="/practice" variant="ghost">
                  {t("practice.filters.clear")}
                </ButtonLink>
              ) : null}
            </div>
          </form>
        </Card>

        <p className={styles.count} role="status">
          {t("practice.list.count", { count: questions.length })}
        </p>
        {questions.length === 0 ? (
          <EmptyState
            headingLevel={3}
            icon={<Icon name="search" size={32} />}
            title={t("practice.list.emptyTitle")}
            body={t("practice.list.emptyBody")}
            actions={
              filtered ? (
                <ButtonLink href="/practice" variant="secondary">
                  {t("practice.filters.clear")}
                </ButtonLink>
              ) : undefined
            }
          />
        ) : (
          <Table caption={t("practice.list.caption")}>
            <thead>
              <tr>
                <th scope="col">{t("practice.list.col.question")}</th>
                <th scope="col">{t("practice.list.col.topic")}</th>
                <th scope="col">{t("practice.list.col.type")}</th>
                <th scope="col">{t("practice.list.col.difficulty")}</th>
                <th scope="col">{t("practice.list.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {questions.map((q) => (
                <tr key={q.id} data-question-type={q.type}>
                  <td>
                    <Link href={`/practice/${q.id}`} className={styles.questionLink}>
                      {q.title.replace(/`/g, "")}
                    </Link>
                    <div className={styles.questionId}>{q.id}</div>
                  </td>
                  <td>{topicName(q.topic)}</td>
                  <td>{t(`practice.type.${q.type}`)}</td>
                  <td>{t(`practice.difficulty.${q.difficulty}`)}</td>
                  <td>
                    <Badge tone={STATUS_TONE[q.status]}>{t(`practice.status.${q.status}`)}</Badge>
                    {q.lastScorePercent !== null ? <span className={styles.lastScore}> {Math.round(q.lastScorePercent)}%</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </div>
  );
}

// The signed-in learner's home: their progress (mastery by topic, activity, exam trend, what to review
// next) and their account. Everything shown is the learner's own data, read through lib/server/progress.
import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import { EmptyState } from "@/components/ui/states";
import { Table } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { requirePageUser } from "@/lib/auth/guard";
import { getLocale, getT } from "@/lib/i18n/server";
import { AccountSummary } from "@/components/account/account-summary";
import { getDashboard } from "@/lib/server/progress";
import { closeOverdueSessions } from "@/lib/server/exams";
import { topicTitle } from "@/lib/questions/topics";
import { MasteryBars } from "@/components/progress/mastery-bars";
import { ActivityChart } from "@/components/progress/activity-chart";
import { ExamTrend } from "@/components/progress/exam-trend";
import styles from "@/components/progress/charts.module.css";
import { examTitle } from "@/components/exam/exam-title";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.dashboard") };
}

const DAYS = 30;

export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard");
  // An exam whose deadline passed while the learner was away is closed and graded before it is shown.
  await closeOverdueSessions(new Date(), { userId: user.id });
  const [t, locale, dashboard] = await Promise.all([getT(), getLocale(), getDashboard(user, { days: DAYS })]);
  const { totals } = dashboard;
  const number = new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-US", { dateStyle: "medium", timeZone: "UTC" });
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t("dashboard.title", { name: user.name })}</h1>
        <p className="lead">{t("dashboard.lead")}</p>
      </header>

      <dl className={styles.stats} aria-label={t("dashboard.progress.title")}>
        <div className={styles.stat}>
          <dt>{t("dashboard.stats.answers")}</dt>
          <dd>{number.format(totals.answers)}</dd>
        </div>
        <div className={styles.stat}>
          <dt>{t("dashboard.stats.questions")}</dt>
          <dd>{number.format(totals.questions)}</dd>
        </div>
        <div className={styles.stat}>
          <dt>{t("dashboard.stats.accuracy")}</dt>
          <dd>{totals.accuracy === null ? "—" : `${number.format(totals.accuracy)}%`}</dd>
        </div>
        <div className={styles.stat}>
          <dt>{t("dashboard.stats.minutes")}</dt>
          <dd>{number.format(totals.minutes)}</dd>
        </div>
        <div className={styles.stat}>
          <dt>{t("dashboard.stats.due")}</dt>
          <dd>
            <Link href="/review">{number.format(totals.dueReviews)}</Link>
          </dd>
        </div>
      </dl>

      <div className="grid-2">
        <Card title={t("dashboard.mastery.title")} labelledBy="mastery-title">
          {totals.answers === 0 ? (
            <EmptyState icon={<Icon name="chart" size={32} />} headingLevel={3} title={t("dashboard.progress.emptyTitle")} body={t("dashboard.progress.emptyBody")} />
          ) : null}
          <p className="muted">{t("dashboard.mastery.caption")}</p>
          <MasteryBars
            coveredLabel={t("dashboard.mastery.covered")}
            items={dashboard.topics.map((topic) => ({ ...topic, label: topicTitle(topic.topic, locale) }))}
          />
        </Card>

        <div className="stack">
          <Card title={t("dashboard.weakest.title")} labelledBy="weakest-title">
            <p className="muted">{t("dashboard.weakest.lead")}</p>
            <ul>
              {dashboard.weakest.map((w) => (
                <li key={w.objective}>
                  <Link href={`/practice?objective=${encodeURIComponent(w.objective)}`}>{w.statement[locale]}</Link>{" "}
                  <Badge tone={w.mastery === null ? "neutral" : "warning"}>
                    {w.mastery === null ? t("dashboard.weakest.notYet") : `${number.format(w.mastery)}`}
                  </Badge>
                </li>
              ))}
            </ul>
            <ButtonLink href="/review" variant="secondary">
              {t("nav.review")}
            </ButtonLink>
          </Card>
          <AccountSummary user={user} t={t} locale={locale} />
        </div>
      </div>

      <Card title={t("dashboard.activity.title", { days: DAYS })} labelledBy="activity-title">
        <p className="muted">{t("dashboard.activity.caption")}</p>
        <ActivityChart days={dashboard.days} label={t("dashboard.activity.title", { days: DAYS })} />
        <details className={styles.details}>
          <summary>{t("dashboard.showTable")}</summary>
          <Table caption={t("dashboard.activity.title", { days: DAYS })}>
            <thead>
              <tr>
                <th scope="col">{t("dashboard.activity.day")}</th>
                <th scope="col">{t("dashboard.activity.answers")}</th>
                <th scope="col">{t("dashboard.activity.accuracy")}</th>
                <th scope="col">{t("dashboard.activity.minutes")}</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.days
                .filter((d) => d.answers > 0)
                .map((d) => (
                  <tr key={d.day}>
                    <td>{d.day}</td>
                    <td>{d.answers}</td>
                    <td>{d.accuracy === null ? "—" : `${number.format(d.accuracy)}%`}</td>
                    <td>{number.format(d.minutes)}</td>
                  </tr>
                ))}
            </tbody>
          </Table>
        </details>
      </Card>

      <Card title={t("dashboard.exams.title")} labelledBy="exams-title">
        {dashboard.exams.length === 0 ? (
          <p className="muted">{t("dashboard.exams.empty")}</p>
        ) : (
          <>
            <ExamTrend exams={dashboard.exams} label={t("dashboard.exams.title")} />
            <Table caption={t("dashboard.exams.title")}>
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.exams.exam")}</th>
                  <th scope="col">{t("dashboard.exams.date")}</th>
                  <th scope="col">{t("dashboard.exams.score")}</th>
                  <th scope="col">{t("dashboard.exams.passed")}</th>
                </tr>
              </thead>
              <tbody>
                {dashboard.exams.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <Link href={`/exams/${e.id}/result`}>{examTitle(e.slug, e.title, t, locale)}</Link>
                    </td>
                    <td>{dateFormat.format(new Date(e.at))}</td>
                    <td>{number.format(e.percent)}%</td>
                    <td>
                      <Badge tone={e.passed ? "success" : "danger"}>{e.passed ? t("dashboard.exams.passed") : t("dashboard.exams.failed")}</Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </>
        )}
      </Card>
    </div>
  );
}

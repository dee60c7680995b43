// The public home page: what kubedrill is, and the way in (sign in / register, or the dashboard).
import { ButtonLink } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { getCurrentUser } from "@/lib/auth/guard";
import { getT } from "@/lib/i18n/server";
import styles from "./page.module.css";

export default async function HomePage() {
  const [t, user] = await Promise.all([getT(), getCurrentUser()]);
  const features = [
    { icon: "check" as const, title: t("home.tasks.title"), body: t("home.tasks.body") },
    { icon: "clock" as const, title: t("home.exam.title"), body: t("home.exam.body") },
    { icon: "clipboard" as const, title: t("home.homework.title"), body: t("home.homework.body") },
  ];
  return (
    <div className="page">
      <section className={styles.hero} aria-labelledby="home-title">
        <h1 id="home-title">{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        {user ? (
          <>
            <p>{t("home.signedIn", { email: user.email })}</p>
            <div className={styles.actions}>
              <ButtonLink href="/dashboard">{t("home.cta.dashboard")}</ButtonLink>
            </div>
          </>
        ) : (
          <div className={styles.actions}>
            <ButtonLink href="/register">{t("home.cta.register")}</ButtonLink>
            <ButtonLink href="/signin" variant="secondary">
              {t("home.cta.signIn")}
            </ButtonLink>
          </div>
        )}
      </section>
      <ul className={styles.features}>
        {features.map((feature) => (
          <li key={feature.title} className={styles.feature}>
            <span className={styles.featureIcon} aria-hidden="true">
              <Icon name={feature.icon} size={22} />
            </span>
            <h2>{feature.title}</h2>
            <p>{feature.body}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

// Registration page. A signed-in user has an account already and goes to the dashboard.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/guard";
import { getT } from "@/lib/i18n/server";
import styles from "../auth-form.module.css";
import { RegisterForm } from "./register-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("auth.register.title") };
}

export default async function RegisterPage() {
  const [t, user] = await Promise.all([getT(), getCurrentUser()]);
  if (user) redirect("/dashboard");
  return (
    <div className={styles.panel}>
      <h1>{t("auth.register.title")}</h1>
      <p className="muted">{t("auth.register.lead")}</p>
      <RegisterForm />
      <p className={styles.switch}>
        {t("auth.register.haveAccount")} <Link href="/signin">{t("auth.register.signInLink")}</Link>
      </p>
    </div>
  );
}

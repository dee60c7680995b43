// Sign-in page. A signed-in user is sent straight on to where they were going.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser, safeCallbackPath } from "@/lib/auth/guard";
import { getT } from "@/lib/i18n/server";
import styles from "../auth-form.module.css";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("auth.signIn.title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  const [t, user] = await Promise.all([getT(), getCurrentUser()]);
  if (user) redirect(callbackPath);
  return (
    <div className={styles.panel}>
      <h1>{t("auth.signIn.title")}</h1>
      <p className="muted">{t("auth.signIn.lead")}</p>
      <SignInForm callbackPath={callbackPath} />
      <p className={styles.switch}>
        {t("auth.signIn.noAccount")} <Link href="/register">{t("auth.signIn.registerLink")}</Link>
      </p>
    </div>
  );
}

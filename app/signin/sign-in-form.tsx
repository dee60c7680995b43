"use client";
// Email + password form posting to next-auth's credentials provider. Errors come back as the codes of
// SignInErrorCode and are shown in the current language.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, Input } from "@/components/ui/field";
import { useT } from "@/lib/i18n/client";
import type { Translate } from "@/lib/i18n";
import styles from "../auth-form.module.css";

function describeError(code: string, t: Translate): string {
  const rateLimited = /^RATE_LIMITED:(\d+)$/.exec(code);
  if (rateLimited) return t("auth.rateLimited", { minutes: Number(rateLimited[1]) });
  if (code === "INVALID_CREDENTIALS" || code === "CredentialsSignin") return t("auth.invalidCredentials");
  return t("error.internal");
}

export function SignInForm({ callbackPath }: { callbackPath: string }) {
  const t = useT();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (!result || result.error) {
        setError(describeError(result?.error ?? "INTERNAL", t));
        setPending(false);
        return;
      }
      router.replace(callbackPath);
      router.refresh();
    } catch {
      setError(t("error.internal"));
      setPending(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      {error ? <FormAlert>{error}</FormAlert> : null}
      <Field label={t("auth.email")}>
        {(control) => <Input {...control} name="email" type="email" autoComplete="email" required maxLength={254} />}
      </Field>
      <Field label={t("auth.password")}>
        {(control) => <Input {...control} name="password" type="password" autoComplete="current-password" required maxLength={1024} />}
      </Field>
      <Button type="submit" pending={pending}>
        {pending ? t("auth.signIn.pending") : t("auth.signIn.submit")}
      </Button>
    </form>
  );
}

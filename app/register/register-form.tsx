"use client";
// Registration form: the server action validates and creates the account, then the form signs the
// new user in with the same credentials and opens the dashboard.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, Input } from "@/components/ui/field";
import { useT } from "@/lib/i18n/client";
import styles from "../auth-form.module.css";
import { registerAction } from "./actions";

export function RegisterForm() {
  const t = useT();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    setPending(true);
    setMessage(null);
    setFieldErrors({});
    try {
      const result = await registerAction(input);
      if (!result.ok) {
        setMessage(result.message);
        setFieldErrors(result.fieldErrors ?? {});
        setPending(false);
        return;
      }
      const signedIn = await signIn("credentials", { email: result.email, password: input.password, redirect: false });
      router.replace(signedIn && !signedIn.error ? "/dashboard" : "/signin");
      router.refresh();
    } catch {
      setMessage(t("error.internal"));
      setPending(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      {message ? <FormAlert>{message}</FormAlert> : null}
      <Field label={t("auth.name")} hint={t("auth.nameHint")} error={fieldErrors.name}>
        {(control) => <Input {...control} name="name" autoComplete="name" required maxLength={80} />}
      </Field>
      <Field label={t("auth.email")} error={fieldErrors.email}>
        {(control) => <Input {...control} name="email" type="email" autoComplete="email" required maxLength={254} />}
      </Field>
      <Field label={t("auth.password")} hint={t("auth.passwordHint")} error={fieldErrors.password}>
        {(control) => <Input {...control} name="password" type="password" autoComplete="new-password" required minLength={10} maxLength={128} />}
      </Field>
      <Button type="submit" pending={pending}>
        {pending ? t("auth.register.pending") : t("auth.register.submit")}
      </Button>
    </form>
  );
}

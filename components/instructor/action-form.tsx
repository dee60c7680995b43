"use client";
// A form posting to a server action (useActionState): shows the failure or the outcome next to the
// submit button and refreshes the server-rendered page after a success.
import { useRouter } from "next/navigation";
import { useActionState, useEffect, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { IDLE, type TFormState } from "./form-state";
import styles from "./instructor.module.css";

export function ActionForm({
  action,
  submitLabel,
  children,
  variant = "primary",
  label,
}: {
  action: (state: TFormState, data: FormData) => Promise<TFormState>;
  submitLabel: string;
  children?: ReactNode;
  variant?: "primary" | "secondary" | "danger";
  label?: string;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, IDLE);
  useEffect(() => {
    if (state.status === "ok") router.refresh();
  }, [state, router]);
  return (
    <form action={formAction} className={styles.form} aria-label={label}>
      {children}
      {state.status === "error" ? <FormAlert>{state.message}</FormAlert> : null}
      <div className={styles.formActions}>
        <Button type="submit" variant={variant} pending={pending}>
          {submitLabel}
        </Button>
        {state.status === "ok" && state.message ? (
          <span role="status" className={styles.ok}>
            {state.message}
          </span>
        ) : null}
      </div>
      {state.status === "ok" && state.lines && state.lines.length > 0 ? (
        <ul className={styles.report}>
          {state.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}

// Form building blocks. Field wires a label, an optional hint and an optional error to its control
// through id / aria-describedby / aria-invalid, so every form reads the same to a screen reader.
import { useId, type ComponentProps, type ReactNode } from "react";
import styles from "./field.module.css";

export type ControlProps = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ");
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className={styles.hint} id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, "aria-describedby": describedBy || undefined, "aria-invalid": error ? true : undefined })}
      {error ? (
        <p className={styles.error} id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Input({ className, ...rest }: ComponentProps<"input">) {
  return <input {...rest} className={[styles.control, className].filter(Boolean).join(" ")} />;
}

export function Select({ className, ...rest }: ComponentProps<"select">) {
  return <select {...rest} className={[styles.control, className].filter(Boolean).join(" ")} />;
}

export function Textarea({ className, ...rest }: ComponentProps<"textarea">) {
  return <textarea {...rest} className={[styles.control, className].filter(Boolean).join(" ")} />;
}

export function Checkbox({ label, ...rest }: Omit<ComponentProps<"input">, "type"> & { label: ReactNode }) {
  return (
    <label className={styles.checkbox}>
      <input {...rest} type="checkbox" />
      <span>{label}</span>
    </label>
  );
}

export function Fieldset({ legend, hint, children }: { legend: ReactNode; hint?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{legend}</legend>
      {hint ? <p className={styles.hint}>{hint}</p> : null}
      {children}
    </fieldset>
  );
}

// The form-level message (e.g. "the email or password is wrong"): announced as soon as it appears.
export function FormAlert({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className={styles.formAlert}>
      {children}
    </p>
  );
}

"use client";
// A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert (so focus
// cannot leave it), Esc closes it through the "cancel" event, and focus returns to the opener on close.
import { useEffect, useId, useRef, type ReactNode } from "react";
import styles from "./dialog.module.css";

export function Dialog({
  open,
  onClose,
  title,
  children,
  footer,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children?: ReactNode;
  footer: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClose={() => {
        if (opener.current instanceof HTMLElement) opener.current.focus();
      }}
    >
      {open ? (
        <>
          <div className={styles.body}>
            <h2 id={titleId}>{title}</h2>
            {children}
          </div>
          <div className={styles.footer}>{footer}</div>
        </>
      ) : null}
    </dialog>
  );
}

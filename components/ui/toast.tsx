"use client";
// Transient notifications. The list is a polite live region that always exists in the DOM,
// so screen readers announce each toast as it is added; toasts leave after 6 s or on dismiss.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import styles from "./toast.module.css";

export type ToastTone = "success" | "error" | "info";
type ToastItem = { id: number; tone: ToastTone; message: string };
type ToastApi = { show: (toast: { tone?: ToastTone; message: string }) => void };

const ToastContext = createContext<ToastApi | null>(null);
const LIFETIME_MS = 6000;

export function ToastProvider({ label, dismissLabel, children }: { label: string; dismissLabel: string; children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const show = useCallback<ToastApi["show"]>(
    ({ tone = "info", message }) => {
      const id = nextId.current++;
      setToasts((list) => [...list, { id, tone, message }]);
      window.setTimeout(() => dismiss(id), LIFETIME_MS);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ show }), [show]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <ol className={styles.region} aria-live="polite" aria-label={label}>
        {toasts.map((toast) => (
          <li key={toast.id} className={`${styles.toast} ${styles[toast.tone]}`}>
            <p className={styles.message}>{toast.message}</p>
            <button type="button" className={styles.dismiss} aria-label={dismissLabel} onClick={() => dismiss(toast.id)}>
              ✕
            </button>
          </li>
        ))}
      </ol>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast must be used inside <ToastProvider>");
  return api;
}

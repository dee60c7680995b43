"use client";
// Client-side access to the request's locale and messages, provided once by the root layout.
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { format, type Locale, type MessageKey, type MessageParams, type Messages, type Translate } from "./index";

type I18nValue = { locale: Locale; t: Translate };

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  const value = useMemo<I18nValue>(
    () => ({ locale, t: (key: MessageKey, params?: MessageParams) => format(messages[key], params) }),
    [locale, messages],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

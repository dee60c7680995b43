"use client";
// Two toggle buttons labelled in their own language, so they can be found whatever language is shown.
// Choosing one sets the `locale` cookie and, for a signed-in user, saves it to the account.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { saveLocale } from "@/app/actions/locale";
import { LOCALES, type Locale } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { useToast } from "@/components/ui/toast";
import styles from "./shell.module.css";

const ENDONYM: Record<Locale, string> = { zh: "中文", en: "English" };
const LANG_TAG: Record<Locale, string> = { zh: "zh-CN", en: "en" };

export function LanguageSwitcher() {
  const { locale, t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();

  function choose(next: Locale) {
    if (next === locale) return;
    startTransition(async () => {
      const result = await saveLocale(next);
      if (!result.ok) {
        toast.show({ tone: "error", message: result.message });
        return;
      }
      router.refresh();
    });
  }

  return (
    <div className={styles.langGroup} role="group" aria-label={t("lang.label")} aria-busy={pending || undefined}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={LANG_TAG[option]}
          className={styles.langButton}
          aria-pressed={option === locale}
          disabled={pending}
          onClick={() => choose(option)}
        >
          {ENDONYM[option]}
        </button>
      ))}
    </div>
  );
}

"use client";
// The settings page body: a Language tab (saved through saveLocale) and an Appearance tab.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { saveLocale } from "@/app/actions/locale";
import { setThemeChoice, useThemeChoice, type ThemeChoice } from "@/components/theme/theme-store";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Fieldset } from "@/components/ui/field";
import { Tabs } from "@/components/ui/tabs";
import { useToast } from "@/components/ui/toast";
import { LOCALES, type Locale } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import styles from "./settings.module.css";

const ENDONYM: Record<Locale, string> = { zh: "中文（简体）", en: "English" };
type LocaleChoice = Locale | "auto";
const CHOICES: LocaleChoice[] = ["auto", ...LOCALES];
const THEMES: ThemeChoice[] = ["system", "light", "dark"];

function LanguageForm({ savedLocale }: { savedLocale: LocaleChoice }) {
  const t = useT();
  const router = useRouter();
  const toast = useToast();
  const [choice, setChoice] = useState<LocaleChoice>(savedLocale);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await saveLocale(choice);
      if (!result.ok) {
        toast.show({ tone: "error", message: result.message });
        return;
      }
      router.refresh();
      toast.show({ tone: "success", message: t("settings.language.saved") });
    });
  }

  return (
    <form onSubmit={onSubmit} className={styles.form}>
      <Fieldset legend={t("settings.language.legend")} hint={t("settings.language.hint")}>
        {CHOICES.map((option) => (
          <label key={option} className={styles.radio}>
            <input type="radio" name="locale" value={option} checked={choice === option} onChange={() => setChoice(option)} />
            {option === "auto" ? (
              <span>{t("account.languageAuto")}</span>
            ) : (
              <span lang={option === "zh" ? "zh-CN" : "en"}>{ENDONYM[option]}</span>
            )}
          </label>
        ))}
      </Fieldset>
      <div>
        <Button type="submit" pending={pending}>
          {t("settings.language.save")}
        </Button>
      </div>
    </form>
  );
}

function AppearanceForm({ theme }: { theme: ThemeChoice }) {
  const t = useT();
  const choice = useThemeChoice(theme);
  return (
    <div className={styles.form}>
      <Fieldset legend={t("settings.appearance.legend")} hint={t("settings.appearance.hint")}>
        {THEMES.map((option) => (
          <label key={option} className={styles.radio}>
            <input type="radio" name="theme" value={option} checked={choice === option} onChange={() => setThemeChoice(option)} />
            <span>{t(`settings.appearance.${option}`)}</span>
          </label>
        ))}
      </Fieldset>
    </div>
  );
}

export function SettingsTabs({ savedLocale, theme }: { savedLocale: LocaleChoice; theme: ThemeChoice }) {
  const t = useT();
  return (
    <Card>
      <Tabs
        label={t("settings.title")}
        items={[
          { id: "language", label: t("settings.tab.language"), content: <LanguageForm savedLocale={savedLocale} /> },
          { id: "appearance", label: t("settings.tab.appearance"), content: <AppearanceForm theme={theme} /> },
        ]}
      />
    </Card>
  );
}

"use client";
// Header button that flips between light and dark; the first click from "system" picks the opposite
// of what the OS shows now.
import { Icon } from "@/components/ui/icon";
import { useT } from "@/lib/i18n/client";
import { setThemeChoice, usePrefersDark, useThemeChoice, type ThemeChoice } from "./theme-store";
import styles from "../shell/shell.module.css";

export function ThemeToggle({ serverChoice }: { serverChoice: ThemeChoice }) {
  const t = useT();
  const choice = useThemeChoice(serverChoice);
  const prefersDark = usePrefersDark();
  const isDark = choice === "dark" || (choice === "system" && prefersDark);
  return (
    <button
      type="button"
      className={styles.iconButton}
      aria-label={isDark ? t("theme.toLight") : t("theme.toDark")}
      title={isDark ? t("theme.toLight") : t("theme.toDark")}
      onClick={() => setThemeChoice(isDark ? "light" : "dark")}
    >
      <Icon name={isDark ? "sun" : "moon"} size={18} />
    </button>
  );
}

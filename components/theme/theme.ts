// The colour-theme choice shared by server and client: "system" follows prefers-color-scheme;
// "light"/"dark" are an explicit choice kept in the `theme` cookie, which the root layout reads to
// put data-theme on <html> before the first paint.
export type ThemeChoice = "system" | "light" | "dark";
export const THEME_COOKIE = "theme";

export function parseThemeChoice(value: string | undefined): ThemeChoice {
  return value === "light" || value === "dark" ? value : "system";
}

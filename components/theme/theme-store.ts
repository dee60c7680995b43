"use client";
// The browser side of the theme: reads and changes data-theme on <html> and the `theme` cookie.
import { useSyncExternalStore } from "react";
import { THEME_COOKIE, type ThemeChoice } from "./theme";

export type { ThemeChoice };

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function readChoice(): ThemeChoice {
  const value = document.documentElement.dataset.theme;
  return value === "light" || value === "dark" ? value : "system";
}

export function setThemeChoice(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === "system") {
    delete root.dataset.theme;
    document.cookie = `${THEME_COOKIE}=; path=/; max-age=0; samesite=lax`;
  } else {
    root.dataset.theme = choice;
    document.cookie = `${THEME_COOKIE}=${choice}; path=/; max-age=31536000; samesite=lax`;
  }
  listeners.forEach((listener) => listener());
}

export function useThemeChoice(serverChoice: ThemeChoice): ThemeChoice {
  return useSyncExternalStore(subscribe, readChoice, () => serverChoice);
}

const DARK_QUERY = "(prefers-color-scheme: dark)";

function subscribeToScheme(listener: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener("change", listener);
  return () => media.removeEventListener("change", listener);
}

export function usePrefersDark(): boolean {
  return useSyncExternalStore(subscribeToScheme, () => window.matchMedia(DARK_QUERY).matches, () => false);
}

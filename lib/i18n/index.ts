// Small typed i18n shared by server and client code: two locales, flat message keys, `{param}` interpolation.
import { en, type MessageKey } from "./dictionaries/en";
import { zh } from "./dictionaries/zh";

export type { MessageKey };
export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "locale";

export type Messages = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const DICTIONARIES: Record<Locale, Messages> = { en, zh };

export function isLocale(value: unknown): value is Locale {
  return value === "zh" || value === "en";
}

export function getMessages(locale: Locale): Messages {
  return DICTIONARIES[locale];
}

// A parameter the caller did not pass stays visible as `{name}` rather than vanishing silently.
export function format(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function createTranslator(locale: Locale): Translate {
  const messages = DICTIONARIES[locale];
  return (key, params) => format(messages[key], params);
}

// Accept-Language negotiation: tags are tried by descending q (ties keep header order);
// any zh variant (zh, zh-CN, zh-Hant-TW, …) selects zh, any en variant selects en, `*` and others are skipped.
// "fr;q=1, zh-TW;q=0.8, en;q=0.5" → zh.
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [rawTag, ...rawParams] = part.trim().split(";");
      const qParam = rawParams.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { tag: rawTag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return null;
}

// The locale a request is served in: the signed-in user's saved choice, else the cookie, else the browser's.
export function resolveLocale(input: {
  userLocale?: string | null;
  cookieLocale?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(input.userLocale)) return input.userLocale;
  if (isLocale(input.cookieLocale)) return input.cookieLocale;
  return negotiateLocale(input.acceptLanguage) ?? DEFAULT_LOCALE;
}

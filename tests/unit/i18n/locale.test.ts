// Locale resolution (account → cookie → Accept-Language → en) and message formatting.
import { describe, expect, it } from "vitest";
import { createTranslator, format, negotiateLocale, resolveLocale } from "@/lib/i18n";

describe("negotiateLocale", () => {
  it.each([
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh"],
    ["zh-TW", "zh"],
    ["zh-Hant-HK;q=0.9, en;q=0.5", "zh"],
    ["ZH", "zh"],
    ["en-US,en;q=0.9", "en"],
    ["fr-FR, zh-SG;q=0.7, en;q=0.6", "zh"],
    ["fr-FR, en;q=0.8, zh;q=0.7", "en"],
    ["en;q=0.4, zh;q=0.8", "zh"],
    ["zh;q=0, en", "en"],
    ["de, fr", null],
    ["*", null],
    ["", null],
    [null, null],
    ["garbage;;;,,q=", null],
  ])("%j → %j", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe("resolveLocale", () => {
  it("prefers the account, then the cookie, then the browser, then English", () => {
    expect(resolveLocale({ userLocale: "zh", cookieLocale: "en", acceptLanguage: "en" })).toBe("zh");
    expect(resolveLocale({ userLocale: null, cookieLocale: "zh", acceptLanguage: "en" })).toBe("zh");
    expect(resolveLocale({ userLocale: "fr", cookieLocale: "en", acceptLanguage: "zh" })).toBe("en");
    expect(resolveLocale({ cookieLocale: "klingon", acceptLanguage: "zh-CN" })).toBe("zh");
    expect(resolveLocale({ acceptLanguage: "de-DE" })).toBe("en");
    expect(resolveLocale({})).toBe("en");
  });
});

describe("format and createTranslator", () => {
  it("fills named parameters and leaves unknown ones visible", () => {
    expect(format("Try again in {minutes} min.", { minutes: 5 })).toBe("Try again in 5 min.");
    expect(format("{a} and {b}", { a: "x" })).toBe("x and {b}");
    expect(format("no params")).toBe("no params");
  });

  it("translates a key in each language", () => {
    expect(createTranslator("en")("auth.rateLimited", { minutes: 3 })).toBe("Too many attempts. Try again in 3 min.");
    expect(createTranslator("zh")("auth.rateLimited", { minutes: 3 })).toBe("尝试次数过多，请在 3 分钟后重试。");
  });
});

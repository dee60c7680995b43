// The two dictionaries must define the same keys with the same {parameters}, and no message may be blank.
import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/dictionaries/en";
import { zh } from "@/lib/i18n/dictionaries/zh";

function params(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
}

describe("dictionaries", () => {
  it("zh and en have exactly the same keys", () => {
    const enKeys = Object.keys(en).sort();
    const zhKeys = Object.keys(zh).sort();
    expect(zhKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
    expect(enKeys.filter((key) => !zhKeys.includes(key))).toEqual([]);
  });

  it("each message uses the same parameters in both languages", () => {
    const mismatched = Object.keys(en).filter(
      (key) => params(en[key as keyof typeof en]).join(",") !== params(zh[key as keyof typeof zh]).join(","),
    );
    expect(mismatched).toEqual([]);
  });

  it("no message is empty or left untranslated in the Chinese dictionary", () => {
    const blank = Object.entries({ ...en, ...zh }).filter(([, message]) => message.trim() === "");
    expect(blank).toEqual([]);
    // Messages that may legitimately read the same: names, endonyms and pure parameters.
    const same = new Set(["app.name", "lang.zh", "lang.en"]);
    const untranslated = Object.keys(en).filter((key) => !same.has(key) && en[key as keyof typeof en] === zh[key as keyof typeof zh]);
    expect(untranslated).toEqual([]);
  });
});

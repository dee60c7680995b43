// The language switcher: zh ↔ en, kept across reloads (cookie) and across devices (saved on the account).
import { expect, test } from "@playwright/test";
import { newAccount, register } from "./helpers";

test("a visitor switches to Chinese and back; the choice survives a reload", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("link", { name: "免费注册" })).toBeVisible();

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("button", { name: "中文" })).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("link", { name: "Create a free account" })).toBeVisible();
});

test("a browser that prefers Chinese gets Chinese by default", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-TW" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await context.close();
});

test("a signed-in user's language is saved to the account and follows them to a new browser", async ({ page, browser }) => {
  const account = newAccount("lang");
  await register(page, account);
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `欢迎，${account.name}` })).toBeVisible();

  // A fresh browser with an English Accept-Language and no cookies: the account's choice wins.
  const other = await browser.newContext({ locale: "en-US" });
  const second = await other.newPage();
  await second.goto("/signin");
  await second.getByLabel("Email").fill(account.email);
  await second.getByLabel("Password").fill(account.password);
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(second.getByRole("heading", { level: 1, name: `欢迎，${account.name}` })).toBeVisible();
  await expect(second.locator("html")).toHaveAttribute("lang", "zh-CN");

  // Settings → "automatic" forgets the choice: this English browser gets English again.
  await second.goto("/settings");
  await second.getByRole("radio", { name: "自动（跟随浏览器）" }).check();
  await second.getByRole("button", { name: "保存语言" }).click();
  await expect(second.locator("html")).toHaveAttribute("lang", "en");
  await second.reload();
  await expect(second.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await other.close();
});

// Platform behaviour a user never sees directly: security headers, a CSP the app runs under without
// violations, the health endpoint, the 404 page and the theme choice surviving a reload.
import { expect, test } from "@playwright/test";

test("pages carry a nonce-based CSP and security headers, and run without CSP violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/register");
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-powered-by"]).toBeUndefined();

  // Hydrated client code works under the policy: the form validates on the server and answers.
  await page.getByLabel("Name").fill("CSP Check");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("a-long-enough-passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  expect(violations).toEqual([]);
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", version: expect.any(String), database: { ok: true, provider: "sqlite" } });
  expect(body.uptimeSec).toBeGreaterThanOrEqual(0);
});

test("an unknown address shows the 404 page in the visitor's language", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();
});

test("the theme toggle is remembered across reloads without a flash", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /.+/);
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  // The server renders the attribute itself, so the very first HTML already has it.
  const html = await (await page.request.get("/")).text();
  expect(html).toMatch(/<html[^>]*data-theme="dark"/);
  await page.reload();
  await expect(page.getByRole("button", { name: "Switch to light theme" })).toBeVisible();
});

// Registration, sign-out and sign-in through the real forms.
import { expect, test } from "@playwright/test";
import { newAccount, register, signIn } from "./helpers";

test("a visitor registers, signs out and signs back in", async ({ page }) => {
  const account = newAccount("register");
  await register(page, account);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Student", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Create a free account" })).toBeVisible();

  // The session is really gone: the dashboard sends us to sign in and back.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard$/);

  await page.getByLabel("Email").fill(account.email.toUpperCase());
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${account.name}` })).toBeVisible();
});

test("registration refuses a weak password and a taken email", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("Name").fill("Weak Password");
  await page.getByLabel("Email").fill(newAccount("weak").email);
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This password is too common. Choose something harder to guess.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Email").fill("student@kubedrill.dev");
  await page.getByLabel("Password").fill("a-perfectly-fine-passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("An account with this email already exists. Sign in instead.");
});

test("a wrong password gets one message that does not reveal whether the account exists", async ({ page }) => {
  await signIn(page, "student@kubedrill.dev", "not-the-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is wrong.");

  await signIn(page, "nobody-here@example.test", "not-the-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is wrong.");
  await expect(page).toHaveURL(/\/signin/);
});

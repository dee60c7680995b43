// Shared steps for the end-to-end tests: the demo accounts seeded by `npm start`, a unique new
// account per test, and sign-in through the real form.
import { expect, type Page } from "@playwright/test";

export const DEMO = {
  admin: { email: "admin@kubedrill.dev", password: "kubedrill-admin" },
  instructor: { email: "instructor@kubedrill.dev", password: "kubedrill-instructor" },
  student: { email: "student@kubedrill.dev", password: "kubedrill-student" },
} as const;

export type DemoRole = keyof typeof DEMO;

export function storageStatePath(role: DemoRole): string {
  return `test-results/.auth/${role}.json`;
}

export type NewAccount = { name: string; email: string; password: string };

export function newAccount(label: string): NewAccount {
  const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  return { name: `E2E ${label} ${unique}`, email: `e2e-${label}-${unique}@example.test`, password: `Kd-e2e-${unique}-pw` };
}

export async function register(page: Page, account: NewAccount): Promise<void> {
  await page.goto("/register");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${account.name}` })).toBeVisible();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

// Role checks happen on the server: a student gets a 403 page, and a role granted by an administrator
// applies on the user's very next request without signing in again.
import { expect, test } from "@playwright/test";
import { DEMO, newAccount, register, storageStatePath } from "./helpers";

test.describe("as a student", () => {
  test.use({ storageState: storageStatePath("student") });

  test("the instructor and admin pages answer 403", async ({ page }) => {
    await expect(page.goto("/dashboard")).resolves.toBeTruthy();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Instructor" })).toHaveCount(0);

    const instructor = await page.goto("/instructor");
    expect(instructor?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();

    const admin = await page.goto("/admin/users");
    expect(admin?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
  });
});

test("a visitor is sent to sign in and back", async ({ page }) => {
  await page.goto("/instructor");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Finstructor$/);

  await page.goto("/settings");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings$/);
  await page.getByLabel("Email").fill(DEMO.student.email);
  await page.getByLabel("Password").fill(DEMO.student.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
});

test("an administrator grants the instructor role and the user reaches /instructor at once", async ({ browser }) => {
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  const account = newAccount("grant");
  await register(learner, account);
  expect((await learner.goto("/instructor"))?.status()).toBe(403);

  const adminContext = await browser.newContext({ storageState: storageStatePath("admin") });
  const admin = await adminContext.newPage();
  await admin.goto(`/admin/users?q=${encodeURIComponent(account.email)}`);
  const row = admin.getByRole("row").filter({ hasText: account.email });
  await expect(row.getByText("Student", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: `Make instructor: ${account.email}` }).click();

  const dialog = admin.getByRole("dialog", { name: `Make ${account.name} an instructor?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Make instructor" }).click();
  await expect(admin.getByRole("list", { name: "Notifications" }).getByText(`${account.name} is now an instructor.`)).toBeVisible();
  await expect(row.getByText("Instructor", { exact: true })).toBeVisible();

  // Same session cookie as before the grant: the guard reads the role from the database.
  const response = await learner.goto("/instructor");
  expect(response?.status()).toBe(200);
  await expect(learner.getByRole("heading", { level: 1, name: "Instructor" })).toBeVisible();
  await expect(learner.getByRole("heading", { name: "You have no classes yet" })).toBeVisible();

  // And revoking takes it away again.
  await row.getByRole("button", { name: `Remove instructor: ${account.email}` }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Remove instructor" }).click();
  await expect(row.getByText("Student", { exact: true })).toBeVisible();
  expect((await learner.goto("/instructor"))?.status()).toBe(403);

  await learnerContext.close();
  await adminContext.close();
});

test.describe("as the instructor", () => {
  test.use({ storageState: storageStatePath("instructor") });

  // The demo instructor is shared with the instructor flow, which creates classes in parallel: the list
  // may or may not be empty here, but the page and its create form are always there.
  test("the instructor page shows the class list and the admin page is refused", async ({ page }) => {
    await page.goto("/instructor");
    await expect(page.getByRole("heading", { level: 1, name: "Instructor" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Your classes" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Create class" })).toBeVisible();
    expect((await page.goto("/admin/users"))?.status()).toBe(403);
  });
});

// The instructor flow end to end: the demo instructor creates a class and an assignment with one
// choice question; a newly registered learner joins with the code and answers it from /homework;
// the instructor sees the grade, overrides it with a reason and downloads the gradebook CSV.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { newAccount, register, storageStatePath } from "./helpers";

test.use({ storageState: storageStatePath("instructor") });

test("create a class and homework, a learner joins and answers, the instructor overrides and exports", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const className = `E2E class ${Date.now().toString(36)}`;

  await page.goto("/instructor");
  await page.getByLabel("Class name").fill(className);
  const createClass = page.getByRole("form", { name: "Create class" });
  await createClass.getByRole("button", { name: "Create class" }).click();
  await expect(createClass.getByRole("status")).toContainText("Class created. Join code:");
  await page.getByRole("link", { name: className }).click();
  await expect(page.getByRole("heading", { level: 1, name: className })).toBeVisible();
  const code = (await page.getByTestId("join-code").textContent())!.trim();
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  await expect(page.getByTestId("join-link")).toHaveText(`/join/${code}`);

  const create = page.getByRole("form", { name: "Create assignment" });
  await create.getByLabel("Title").fill("Restart policy homework");
  await create.getByLabel("Question ids").fill("restart-policy/default-value");
  await create.getByLabel("Opens").fill("2020-01-01T00:00");
  await create.getByLabel("Due").fill("2099-12-31T23:59");
  await create.getByRole("button", { name: "Create assignment" }).click();
  await expect(create.getByRole("status")).toHaveText("Assignment created.");
  await expect(page.getByRole("table", { name: "Assignments" }).getByRole("rowheader", { name: "Restart policy homework" })).toBeVisible();

  // A new learner joins with the link and answers the question.
  const learnerContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const learner = await learnerContext.newPage();
  const account = newAccount("homework");
  await register(learner, account);
  await learner.goto(`/join/${code}`);
  await learner.getByRole("button", { name: "Join class" }).click();
  await expect(learner).toHaveURL(/\/homework$/);
  const row = learner.getByRole("row").filter({ hasText: "Restart policy homework" });
  await expect(row).toContainText(className);
  await expect(row).toContainText("Not started");
  await row.getByRole("link", { name: "Restart policy homework" }).click();
  await learner.getByRole("link", { name: "Question 1: restart-policy/default-value" }).click();
  await learner.getByRole("radio", { name: /^Always$/ }).check();
  await learner.getByRole("button", { name: "Submit" }).click();
  await expect(learner.getByText("Score 1 / 1")).toBeVisible({ timeout: 60_000 });
  await learner.goto("/homework");
  await expect(learner.getByRole("row").filter({ hasText: "Restart policy homework" })).toContainText("100%");
  await learnerContext.close();

  // The instructor sees the grade, overrides it with a reason, and exports the CSV.
  await page.getByRole("link", { name: "Gradebook" }).click();
  const studentRow = page.getByRole("row").filter({ hasText: account.email });
  await expect(studentRow).toContainText("100%");
  await studentRow.getByRole("link", { name: "100%" }).click();
  const override = page.getByRole("form", { name: "Override grade: restart-policy/default-value" });
  await override.getByLabel(/^Score/).fill("0.5");
  await override.getByLabel("Reason").fill("Answered after a hint in class");
  await override.getByRole("button", { name: "Override grade" }).click();
  await expect(override.getByRole("status")).toHaveText("Grade overridden.");
  await expect(page.getByRole("row").filter({ hasText: account.email })).toContainText("50%");
  await expect(page.getByText("override 0.5: Answered after a hint in class")).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split("\r\n");
  expect(lines[0]).toBe("Name,Email,Restart policy homework (%),Restart policy homework late,Restart policy homework attempts");
  expect(lines).toContain(`${account.name},${account.email},50,,1`);
});

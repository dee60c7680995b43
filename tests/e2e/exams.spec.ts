// A learner takes a short timed quiz to the end: notes and a flag autosave and survive a reload in the
// middle, the exam ends on confirmation, the result shows scores per domain and per task, and the
// dashboard's exam history shows it. Each test signs up its own learner.
import { expect, test } from "@playwright/test";
import { newAccount, register } from "./helpers";

const SCREENS = "test-results/screens";

test("take a short exam to the end, reload in the middle, see the result and the updated dashboard", async ({ page }) => {
  test.setTimeout(300_000);
  await register(page, newAccount("exam"));

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exams" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Exams and quizzes" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "CKAD mock exam" })).toBeVisible();
  await page.getByText("Quizzes by topic", { exact: true }).click();
  const quiz = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: "Quiz: Restart policy" }) });
  await quiz.getByRole("button", { name: "Start" }).click();

  await expect(page).toHaveURL(/\/exams\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 2, name: /^Task 1 of \d+$/ })).toBeVisible();
  await expect(page.getByRole("timer")).toHaveText(/^(19|20):\d\d$/);

  // Answer what the first task offers when it is a choice question, flag it, write a note.
  const firstRadio = page.getByRole("radio").first();
  if (await firstRadio.isVisible().catch(() => false)) await firstRadio.check();
  await page.getByRole("button", { name: "Flag for review" }).click();
  await page.getByLabel("Notepad").fill("come back to task 1");
  await page.getByRole("button", { name: /^Task 2/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^Task 2 of \d+$/ })).toBeVisible();
  await expect(page.getByText(/^Saved /)).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/exam-taking.png` });

  // A reload resumes exactly where the learner was.
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: /^Task 2 of \d+$/ })).toBeVisible();
  await expect(page.getByLabel("Notepad")).toHaveValue("come back to task 1");
  await expect(page.getByRole("button", { name: /^Task 1 \(.*flagged\)$/ })).toBeVisible();

  // End the exam; the server grades what was saved.
  await page.getByRole("button", { name: "End exam and grade" }).click();
  const dialog = page.getByRole("dialog", { name: "End exam and grade" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "End exam and grade" }).click();
  await expect(page).toHaveURL(/\/exams\/[a-z0-9]+\/result$/, { timeout: 120_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Result: Quiz: Restart policy" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Score per domain" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Tasks" })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/exam-result.png`, fullPage: true });

  // The dashboard and the exam list show it.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("table", { name: "Exam scores over time" }).getByRole("link", { name: "Quiz: Restart policy" })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/dashboard.png`, fullPage: true });
  await page.goto("/exams");
  await expect(page.getByRole("table", { name: "Your exams" }).getByRole("cell", { name: "Quiz: Restart policy" })).toBeVisible();
});
